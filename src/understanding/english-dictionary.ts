import dictionaryEn from "dictionary-en";
import nspell from "nspell";

type Speller = ReturnType<typeof nspell>;
let speller: Speller | undefined;

/** Hunspell's en_US dictionary (`dictionary-en`) through `nspell`, built once per process (~0.3 s). */
function shared(): Speller {
  // dictionary-en hands over Uint8Arrays; nspell's types ask for Buffers, which it reads alike.
  speller ??= nspell({
    aff: Buffer.from(dictionaryEn.aff),
    dic: Buffer.from(dictionaryEn.dic),
  });
  return speller;
}

/** Whether a word is spelled as English: as written, in lower case, or capitalised. */
export function isEnglishWord(word: string): boolean {
  const dictionary = shared();
  if (dictionary.correct(word)) return true;
  const lower = word.toLowerCase();
  return dictionary.correct(lower) || dictionary.correct(capitalised(lower));
}

/**
 * Whether the dictionary knows a word only as a name, capitalised ("Xavier", "Germany",
 * "Coursera" is not listed at all), and not as an ordinary lower-case word ("excel", "windows").
 */
export function isEnglishNameOnly(word: string): boolean {
  const dictionary = shared();
  const lower = word.toLowerCase();
  return !dictionary.correct(lower) && dictionary.correct(capitalised(lower));
}

/** A lower-case word with its first letter capitalised ("xavier" → "Xavier"). */
function capitalised(lower: string): string {
  return (lower[0]?.toUpperCase() ?? "") + lower.slice(1);
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * The lower-case dictionary words one edit (a letter dropped, added, changed, or two swapped)
 * from a lower-case word, in a stable order. About 55 checks a letter: a millisecond or so, where
 * Hunspell's full suggestion search (two edits, replacement tables) takes tens.
 */
export function englishWordsOneEditAway(word: string): string[] {
  const dictionary = shared();
  return oneEditAway(word).filter((candidate) => dictionary.correct(candidate));
}

/** The lower-case strings one edit from a lower-case word, in a stable order, without it. */
export function oneEditAway(word: string): string[] {
  const candidates = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after.length > 0) candidates.add(before + after.slice(1));
    if (after.length > 1)
      candidates.add(before + (after[1] ?? "") + (after[0] ?? "") + after.slice(2));
    for (const letter of LETTERS) {
      candidates.add(before + letter + after);
      if (after.length > 0) candidates.add(before + letter + after.slice(1));
    }
  }
  candidates.delete(word);
  return [...candidates];
}
