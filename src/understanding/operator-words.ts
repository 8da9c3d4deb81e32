import type { Expansion } from "./question-understanding.ts";

/** "//" alone or between operands ("5//2"), not in a link ("https://"). */
const FLOOR_DIVISION = /(?:^|[\s(`'"])\/\/(?=$|[\s)`'"?,.!])|\w\s*\/\/\s*\w/;

/**
 * Python operators a learner types as symbols ("/ vs //", "@ vs * in numpy", "5//2"), with the
 * words the material names them by. Only a symbol standing alone or between operands counts:
 * "20% of the data", "1/2 an hour" and URLs are not operators.
 */
const OPERATORS: ReadonlyArray<{
  symbol: string;
  pattern: RegExp;
  words: string[];
  /** Another symbol the question must hold too. */
  beside?: RegExp;
}> = [
  {
    symbol: "//",
    pattern: FLOOR_DIVISION,
    words: ["floor division"],
  },
  // "/" and a lone "%" only beside "//" ("/ vs //", "what do // and % give"): alone they are
  // "sql / excel" and "what % of the data".
  {
    symbol: "/",
    pattern: /(?:^|[\s(`'"])\/(?=$|[\s)`'"?,!])/,
    words: ["float"],
    beside: FLOOR_DIVISION,
  },
  {
    symbol: "@",
    pattern: /(?:^|[\s(`'"])@(?=$|[\s)`'"?,.!])|\w\s+@\s+\w/,
    words: ["matrix multiplication"],
  },
  {
    symbol: "*",
    pattern: /(?:^|[\s(`'"])\*(?=$|[\s)`'"?,.!])/,
    words: ["element-wise multiplication"],
  },
  {
    symbol: "%",
    pattern: /\d\s*%\s*\d|(?:^|[\s(`'"])%(?=$|[\s)`'"?,!])/,
    words: ["remainder"],
    beside: new RegExp(`\\d\\s*%\\s*\\d|${FLOOR_DIVISION.source}`),
  },
];

/** Search words for the Python operators a question writes as symbols. */
export function operatorExpansions(question: string): Expansion[] {
  return OPERATORS.filter(
    ({ pattern, beside }) => pattern.test(question) && (beside?.test(question) ?? true),
  ).map(({ symbol, words }) => ({
    word: symbol,
    alternatives: words,
    source: "lexicon",
  }));
}
