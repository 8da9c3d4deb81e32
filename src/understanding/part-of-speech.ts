import { englishNlp } from "./english-nlp.ts";

/** A word of a question with its universal POS tag (NOUN, PROPN, VERB, ADJ…) and lemma. */
export type TaggedWord = { word: string; pos: string; lemma: string };

/**
 * Tags the words of a sentence with wink-nlp's English model (see `english-nlp.ts`). Punctuation,
 * spaces and emoji are left out.
 */
export function tagWords(text: string): TaggedWord[] {
  const nlp = englishNlp();
  const { its } = nlp;
  const tokens = nlp.readDoc(text).tokens();
  const words = tokens.out(its.value);
  const tags = tokens.out(its.pos);
  const lemmas = tokens.out(its.lemma as Parameters<typeof tokens.out>[0]) as unknown as string[];
  const types = tokens.out(its.type);
  const tagged: TaggedWord[] = [];
  words.forEach((word, index) => {
    const type = types[index];
    if (type !== "word" && type !== "number") return;
    tagged.push({ word, pos: String(tags[index] ?? "X"), lemma: String(lemmas[index] ?? word) });
  });
  return tagged;
}
