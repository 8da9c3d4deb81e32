import type { RetrievedChunk } from "../retrieval/retriever.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { contentTerms } from "../text/terms.ts";
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

/** A unit that weighs one thing against another rather than listing both. */
const WEIGHS = /\b(?:better|worse|than|while|whereas|but|instead|unlike|however)\b/i;

/** A list: at least two commas, or a colon before the items. */
const LISTS = /,[^,]*,|:/;

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
      if (chunk.kind === "table-row" || !LISTS.test(unit) || WEIGHS.test(unit)) return undefined;
      together++;
    }
  }
  return together > 0 ? [sides[0].trim(), sides[1].trim()] : undefined;
}
