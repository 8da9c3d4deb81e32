/**
 * Answer correctness against a reference answer, as the usual scorers compute it:
 * - token F1 as in SQuAD's evaluation script (lower case, punctuation and the articles a/an/the
 *   removed, whitespace tokens, bag-of-tokens overlap);
 * - ROUGE-L F1 as in Google's `rouge-score` without stemming (lower case, tokens of letters and
 *   digits, longest common subsequence, β = 1).
 * Both are 1 for identical texts and 0 when nothing is shared (or either side is empty).
 */

/** SQuAD's `normalize_answer` followed by a whitespace split. */
export function squadTokens(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // Python's string.punctuation: ASCII only, so "6–9" and "₹9L" keep their dash and sign.
      .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, "")
      .replace(/\b(a|an|the)\b/g, " ")
      .split(/\s+/)
      .filter((token) => token !== "")
  );
}

/** Token F1 between a prediction and a reference (SQuAD). */
export function tokenF1(prediction: string, reference: string): number {
  const predicted = squadTokens(prediction);
  const expected = squadTokens(reference);
  if (predicted.length === 0 || expected.length === 0)
    return predicted.length === expected.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/** `rouge-score`'s default tokenizer: lower case, runs of letters and digits. */
export function rougeTokens(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** ROUGE-L F1 between a prediction and a reference. */
export function rougeL(prediction: string, reference: string): number {
  const predicted = rougeTokens(prediction);
  const expected = rougeTokens(reference);
  if (predicted.length === 0 || expected.length === 0) return 0;
  const lcs = longestCommonSubsequence(predicted, expected);
  if (lcs === 0) return 0;
  const precision = lcs / predicted.length;
  const recall = lcs / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

function longestCommonSubsequence(left: string[], right: string[]): number {
  // One row at a time: O(|left| × |right|) time, O(|right|) memory.
  let previous = new Array<number>(right.length + 1).fill(0);
  for (const token of left) {
    const current = new Array<number>(right.length + 1).fill(0);
    for (let column = 1; column <= right.length; column++) {
      current[column] =
        token === right[column - 1]
          ? (previous[column - 1] ?? 0) + 1
          : Math.max(previous[column] ?? 0, current[column - 1] ?? 0);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
