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
  return dictionary.correct(lower) || dictionary.correct(lower[0]?.toUpperCase() + lower.slice(1));
}

/** The dictionary's spelling suggestions for a misspelled word, best first. */
export function englishSuggestions(word: string): string[] {
  // Suggestion is a search over edits: bounded to words a learner could have meant.
  if (word.length < 4 || word.length > 18) return [];
  return shared().suggest(word.toLowerCase());
}
