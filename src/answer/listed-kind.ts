import type { Chunk } from "../chunking/chunk.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * "which certifications does the roadmap list", "what are the main tools": the things, in the
 * plural, a list question asks for ("which certification first" picks one; it lists nothing, and
 * "what are the 7 steps" is answered where the material counts them).
 */
const ASKED_KIND =
  /^(?:which|what)\s+(?:are\s+(?:the\s+|some\s+|all\s+)?)?(?:(?:main|different|key|common|important|major|top|various|all the)\s+)*(?!(?:is|does|was|has)\b)(\p{L}+s)\b/iu;

/** The singular of a column header or asked word ("Certifications" → "certification"). */
function singular(word: string): string {
  const lower = word.toLowerCase().replace(/\?$/, "");
  if (lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  return lower.endsWith("s") && !lower.endsWith("ss") ? lower.slice(0, -1) : lower;
}

/**
 * For a list question, the first of the ranked units that is a row of a table whose rows are the
 * kind of thing asked for (its first column is headed "Certification" for "which
 * certifications…"): the list comes from that table rather than from a sentence that names one.
 */
export function rowOfListedKind<Unit extends { kind: string; passage: { chunk: Chunk } }>(
  question: string,
  ranked: readonly Unit[],
): Unit | undefined {
  const asked = ASKED_KIND.exec(question.trim());
  if (asked === null) return undefined;
  const kind = singular(asked[1] ?? "");
  return ranked.find(
    (unit) => unit.kind === "row" && singular(unit.passage.chunk.cells?.[0]?.header ?? "") === kind,
  );
}

/**
 * "which roadmap step covers docker", "what week is mlflow": a place of the plan asked for. (Which
 * tool or certification to pick is advice the prose gives, not a row that names it.)
 */
const ASKED_ONE =
  /^(?:\S+\s+){0,2}?(?:which|what)\s+(?:(?:roadmap|ml|mlops)\s+)?(step|month|week|stage|phase|tier)\b/iu;

/**
 * For a question asking which place of the plan does something ("which roadmap step covers
 * docker"), the first ranked row of the table whose rows are those places (its first column is
 * headed "Step") that holds the question's rarest noun (`rarest`, worked out only for such a
 * question): the answer is a step, not a sentence that happens to say "one step further".
 */
export function rowOfAskedKind<
  Unit extends { kind: string; terms: Set<string>; passage: { chunk: Chunk } },
>(
  question: string,
  ranked: readonly Unit[],
  rarestNoun: () => string | undefined,
): Unit | undefined {
  const asked = ASKED_ONE.exec(question.trim());
  if (asked === null) return undefined;
  const rarest = rarestNoun();
  if (rarest === undefined) return undefined;
  const kind = (asked[1] ?? "").toLowerCase();
  if (kind === rarest) return undefined;
  return ranked.find(
    (unit) =>
      unit.kind === "row" &&
      singular(unit.passage.chunk.cells?.[0]?.header ?? "") === kind &&
      unit.terms.has(rarest),
  );
}

/** "what kinds of automated tests …", "which type of tests …": the words after "of". */
const KINDS_ASKED = /\b(?:what|which)\s+(kinds?|types?|sorts?)\s+of\s+([^?.!,;:]+)/iu;
/** "… first", "start with": which thing comes first is asked, not which there are. */
const ASKS_FIRST = /\b(?:first|1st|start with)\b/i;
/**
 * "what tests should my ci pipeline run", "which tests do i add": things asked in the plural
 * ("which tests should i write first" asks which comes first).
 */
const THINGS_ASKED =
  /\b(?:what|which)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+s)\s+(?:should|shud|shd|do|does|can|to)\b/iu;
/** Words that end the things named after "kinds of" ("tests are useful", "test does the …"). */
const AFTER_THE_THINGS =
  /^(?:is|are|was|were|do|does|did|can|could|should|shud|would|will|to|for|in|on|of|that|which|i|you|we|u|my|an?|the)$/i;
/** Most words that name the things, qualifiers included ("automated unit tests"). */
const THING_WORDS = 3;

/**
 * For a question asking what kinds of things there are ("what kinds of automated tests …", "what
 * kind of tests …", "what tests should my ci pipeline run"; not "what kind of model is xgboost",
 * which asks of one thing), whether a unit says which they include ("Useful tests for an ML
 * project include unit tests …"): it names the things and then "include" in the same clause.
 */
export function listsKindsAsked(question: string): ((text: string) => boolean) | undefined {
  const plural = ASKS_FIRST.test(question) ? null : THINGS_ASKED.exec(question);
  const asked =
    KINDS_ASKED.exec(question) ?? (plural === null ? null : [plural[0], "kinds", plural[1]]);
  if (asked === null) return undefined;
  const words = (asked[2] ?? "").trim().split(/\s+/);
  const end = words.findIndex((word) => AFTER_THE_THINGS.test(word));
  const things = words.slice(0, end === -1 ? words.length : end);
  const last = things.length > 0 && things.length <= THING_WORDS ? things.at(-1) : undefined;
  if (last === undefined) return undefined;
  // "kind of" asks of many things only when they are written in the plural.
  if (!/s$/i.test(asked[1] ?? "") && !/[^s]s$/i.test(last)) return undefined;
  const kind = singular(last);
  const listing = new RegExp(`\\b${escapeRegExp(kind)}s?\\b[^.;:]{0,40}?\\bincludes?\\b`, "iu");
  return (text) => listing.test(text);
}
