import type { RetrievedChunk } from "../retrieval/retriever.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { contentTerms, words } from "../text/terms.ts";
import { unitTextsOf } from "./gate-features.ts";

/**
 * "which is better for AutoML, H2O.ai or AutoGluon?": the material names both only in one list
 * ("AutoML tools such as Google AutoML, H2O.ai, AutoGluon, and AutoSklearn …"), so it cannot
 * choose between them or say how they differ. A unit that names one side without the other
 * ("| DVC | Data and model version control | …" for "mlflow vs dvc") says something of it alone,
 * and a table row naming both gives each its own cell ("salary india: …; global salary range: …").
 */
const CHOOSES =
  /\b(?:better|best|which|prefer|preferred|vs\.?|versus|diff|difference|differences|differ|compare|compared)\b/i;

/** Words that weigh one thing against another rather than list both. */
const WEIGHS = new Set([
  "better",
  "worse",
  "than",
  "while",
  "whereas",
  "but",
  "instead",
  "unlike",
  "however",
]);

/** A list: at least two commas, a comma before "and" or "or" ("precision, recall and F1"), or a colon. */
const LISTS = /,[^,]*,|,[^,]*\b(?:and|or)\b|:/;

/**
 * The two things a choice or difference question asks about, when each sentence of the passages
 * that names either names both in a list, and at least one does; otherwise undefined.
 */
export function namedOnlyTogether(
  question: string,
  passages: ReadonlyArray<{ chunk: RetrievedChunk["chunk"] }>,
): [string, string] | undefined {
  if (!CHOOSES.test(question)) return undefined;
  const sides = comparedSides(question);
  if (sides === undefined) return undefined;
  const [left, right] = sides.map((side) => new Set(contentTerms(side)));
  if (left === undefined || right === undefined || left.size === 0 || right.size === 0) {
    return undefined;
  }
  if ([...left].some((term) => right.has(term))) return undefined;
  let together = 0;
  for (const { chunk } of passages) {
    for (const unit of unitTextsOf(chunk)) {
      const terms = new Set(contentTerms(unit));
      const namesLeft = [...left].every((term) => terms.has(term));
      const namesRight = [...right].every((term) => terms.has(term));
      if (namesLeft !== namesRight) return undefined;
      if (!namesLeft) continue;
      if (chunk.kind === "table-row" || !LISTS.test(unit) || weighsSides(unit, left, right)) {
        return undefined;
      }
      together++;
    }
  }
  return together > 0 ? [sides[0].trim(), sides[1].trim()] : undefined;
}

/**
 * Whether a weighing word stands between the first and the last word naming a side: "PyTorch … is
 * better for research than TensorFlow" weighs them; "report precision, recall, F1 … rather than
 * accuracy alone" lists both and weighs the list against something else.
 */
function weighsSides(unit: string, left: Set<string>, right: Set<string>): boolean {
  const tokens = words(unit);
  const naming = tokens
    .map((token, index) => ({ term: contentTerms(token)[0], index }))
    .filter(({ term }) => term !== undefined && (left.has(term) || right.has(term)))
    .map(({ index }) => index);
  const first = Math.min(...naming);
  const last = Math.max(...naming);
  return tokens.slice(first + 1, last).some((token) => WEIGHS.has(token));
}
