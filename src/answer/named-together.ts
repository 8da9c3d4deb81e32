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
  /\b(?:better|best|which|prefer|preferred|vs\.?|versus|diff|difference|differences|differ|different|compare|compared)\b/i;

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

/** A side with a pronoun or a verb that asks is a clause, not a thing. */
const CLAUSE = /\b(?:i|you|u|we|they|when|how|is|are|do|does|should)\b/i;
const THAN = /\bthan\b/i;

/** Words and the marks that separate listed items: "XGBoost, LightGBM, CatBoost", "A / B". */
const LIST_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.+#'-]*|[,/&()]/gu;
const SEPARATOR = /^(?:[,/&()]|and|or)$/;
/** Most words of another item listed between the two sides ("XGBoost, LightGBM, CatBoost"). */
const ITEM_WORDS = 2;
/** Most words of other items between the two sides. */
const BETWEEN_WORDS = 4;

/**
 * The two things a choice or difference question asks about, when each sentence of the passages
 * that names either lists both side by side ("LSTM and GRU cells add gates…", "learn ROUGE, BLEU,
 * BERTScore…"), and at least one does; otherwise undefined. A side is named by its rarest word
 * (`idf`): "an LSTM cell" by "lstm", "BLEU scores" by "bleu". A table row lists both only in one
 * cell ("Inside LSTM and GRU cells…").
 */
export function namedOnlyTogether(
  question: string,
  passages: ReadonlyArray<{ chunk: RetrievedChunk["chunk"] }>,
  idf: (term: string) => number = () => 1,
): [string, string] | undefined {
  if (!CHOOSES.test(question)) return undefined;
  const sides = comparedSides(question);
  // "how do you balance underfitting vs overfitting" (a side that is a clause); "when is conda or
  // mamba a better choice than venv" (the pair is one side, weighed against another thing).
  if (sides === undefined || sides.some((side) => CLAUSE.test(side)) || THAN.test(question)) {
    return undefined;
  }
  const [left, right] = sides.map((side) => namingTerms(side, idf));
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
      const listing =
        chunk.kind === "table-row"
          ? (chunk.cells ?? []).find((cell) => namesBoth(cell.value, left, right))?.value
          : unit;
      if (
        listing === undefined ||
        !sideBySide(listing, left, right) ||
        weighsSides(listing, left, right)
      ) {
        return undefined;
      }
      together++;
    }
  }
  return together > 0 ? [shownSide(sides[0]), shownSide(sides[1])] : undefined;
}

/**
 * A side as the reason shows it: without what follows a preposition ("an LSTM cell in its gates"),
 * a leading article or a closing "exactly" ("a gru", "an lstm exactly").
 */
function shownSide(side: string): string {
  return side
    .trim()
    .replace(/\s+(?:in|on|for|with|at|of|from|to)\s.*$/i, "")
    .replace(/^(?:an?|the)\s+/i, "")
    .replace(/\s+(?:exactly|actually|really|again)$/i, "");
}

/** The words that name a side: its rarest ("an LSTM cell" → "lstm"), or all when none is rarer. */
function namingTerms(side: string, idf: (term: string) => number): Set<string> {
  const terms = contentTerms(side);
  const rarest = Math.max(...terms.map(idf));
  const rare = terms.filter((term) => idf(term) === rarest);
  return new Set(rare.length === terms.length ? terms : rare.slice(0, 1));
}

/** Whether a text holds the words that name both sides. */
function namesBoth(text: string, left: Set<string>, right: Set<string>): boolean {
  const terms = new Set(contentTerms(text));
  return [...left, ...right].every((term) => terms.has(term));
}

/**
 * "ROUGE, BLEU", "LSTM and GRU", "XGBoost, LightGBM, CatBoost": the two sides listed side by side,
 * with at most a few short items between them; "inner (the default) keeps only matching keys, …,
 * and outer keeps everything" says something of each.
 */
function sideBySide(text: string, left: Set<string>, right: Set<string>): boolean {
  const tokens = text.toLowerCase().match(LIST_TOKEN) ?? [];
  const sides = tokens.map((token) => {
    const term = SEPARATOR.test(token) ? undefined : contentTerms(token)[0];
    return term === undefined ? undefined : left.has(term) ? 1 : right.has(term) ? 2 : undefined;
  });
  return sides.some((side, at) => {
    if (side === undefined) return false;
    const next = sides.findIndex((other, index) => index > at && other !== undefined);
    if (next < 0 || sides[next] === side) return false;
    const between = tokens.slice(at + 1, next);
    const runs = between
      .join(" ")
      .split(/\s*(?:[,/&()]|\band\b|\bor\b)\s*/)
      .filter((run) => run !== "")
      .map((run) => run.split(" ").length);
    const separated = between.some((token) => SEPARATOR.test(token));
    return (
      (runs.length === 0 && (separated || between.length === 0)) ||
      (separated &&
        runs.every((count) => count <= ITEM_WORDS) &&
        runs.reduce((sum, count) => sum + count, 0) <= BETWEEN_WORDS)
    );
  });
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
