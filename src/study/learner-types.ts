import levenshtein from "damerau-levenshtein";
import type { Chunk } from "../chunking/chunk.ts";
import { LearnerTypesMissingError } from "../errors/plan-errors.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import { scoreDescription } from "./internal/score-learner-description.ts";
import type { StudySource } from "./study-types.ts";

/**
 * One row of the roadmap's "Who Is This Machine Learning Roadmap For?" table, read from the
 * indexed chunks (never typed by hand). Every field comes from the row's chunk, `from`.
 */
export type LearnerType = {
  /** As written, e.g. "CS / IT Student". */
  name: string;
  startingPoint?: string;
  firstFocus?: string;
  /** As written, e.g. "12–15 months". */
  timeline: string;
  /** The timeline in months, e.g. 12 and 15; `min` equals `max` for a single figure. */
  timelineMonths: { min: number; max: number };
  firstProject?: string;
  from: StudySource;
};

/** Column headers of the learner-type table (matched loosely, so a reworded header still works). */
const COLUMNS = {
  name: /learner\s*type/i,
  startingPoint: /starting\s*point/i,
  firstFocus: /first\s*focus|focus/i,
  timeline: /timeline|duration/i,
  firstProject: /project/i,
} as const;

function cell(chunk: Chunk, header: RegExp): string | undefined {
  const value = chunk.cells?.find((entry) => header.test(entry.header))?.value.trim();
  return value === undefined || value === "" ? undefined : value;
}

/**
 * A timeline as written ("12–15 months", "6 months", "12+ months", "1–2 years") in months;
 * undefined when it names no duration.
 */
export function parseTimeline(text: string): { min: number; max: number } | undefined {
  const match =
    /(\d+(?:\.\d+)?)\s*\+?\s*(?:(?:[–—-]|to)\s*(\d+(?:\.\d+)?)\s*)?(months?|years?|yrs?)\b/i.exec(
      text,
    );
  if (match === null) return undefined;
  const unit = /^y/i.test(match[3] ?? "") ? 12 : 1;
  const first = Number(match[1]) * unit;
  const second = match[2] === undefined ? first : Number(match[2]) * unit;
  if (!(first > 0) || !(second > 0)) return undefined;
  return { min: Math.min(first, second), max: Math.max(first, second) };
}

const cache = new WeakMap<readonly Chunk[], LearnerType[]>();

/** A runner-up scoring at least this share of the best score is named as a close second. */
const CLOSE_SECOND = 2 / 3;

/**
 * The learner types of the roadmap's learner-type table: every table row with a "Learner Type"
 * and a timeline column whose timeline names a duration, in table order. Cached per chunk list,
 * so a hot-reloaded index is read afresh. Throws LearnerTypesMissingError when there is none.
 */
export function learnerTypes(chunks: readonly Chunk[]): LearnerType[] {
  const cached = cache.get(chunks);
  if (cached !== undefined) return cached;
  const types: LearnerType[] = [];
  for (const chunk of chunks) {
    if (chunk.kind !== "table-row") continue;
    const name = cell(chunk, COLUMNS.name);
    const timeline = cell(chunk, COLUMNS.timeline);
    if (name === undefined || timeline === undefined) continue;
    const timelineMonths = parseTimeline(timeline);
    if (timelineMonths === undefined) continue;
    const startingPoint = cell(chunk, COLUMNS.startingPoint);
    const firstFocus = cell(chunk, COLUMNS.firstFocus);
    const firstProject = cell(chunk, COLUMNS.firstProject);
    types.push({
      name,
      ...(startingPoint === undefined ? {} : { startingPoint }),
      ...(firstFocus === undefined ? {} : { firstFocus }),
      timeline,
      timelineMonths,
      ...(firstProject === undefined ? {} : { firstProject }),
      from: { chunkId: chunk.id, source: chunk.source, section: chunk.section },
    });
  }
  if (types.length === 0) throw new LearnerTypesMissingError();
  cache.set(chunks, types);
  return types;
}

/** How a learner type was chosen, and why, in words a learner can check. */
export type LearnerTypeMatch = {
  type: LearnerType;
  /**
   * `name`: the type's name, case and spacing aside ("cs / it student"); `alias`: one side of a
   * slash, a distinctive word, an abbreviation from the learner lexicon or a near spelling
   * ("cs student", "analyst", "SWE", "Sofware Engineer"); `description`: the best-scoring row for
   * a free-text description; `default`: nothing in the description matched any row.
   */
  how: "name" | "alias" | "description" | "default";
  reason: string;
  /** For descriptions: what the learner said and the words of the table it matched. */
  evidence: Array<{ said: string; matched: string; field: "Learner Type" | "Starting Point" }>;
  /** For descriptions: every type's score, best first. */
  scores?: Array<{ name: string; score: number }>;
};

/** Lower case, "/" spaced, punctuation other than "/", "+", "#" and "." between letters dropped. */
function normaliseName(text: string): string {
  return spaced(text).toLowerCase();
}

/** `normaliseName` keeping the case ("IT" is a field, "it" a pronoun). */
function spaced(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[’‘]/g, "'")
    .replace(/\s*\/\s*/g, " / ")
    .replace(/[^\p{L}\p{N}/+#.' ]+/gu, " ")
    .replace(/\.(?![\p{L}\p{N}])/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** The names a type answers to besides its own: each side of a slash ("CS Student", "IT Student"). */
function aliases(name: string): string[] {
  const normal = normaliseName(name);
  const slash = /^(.*?)(\S+) \/ (\S+)(.*)$/.exec(normal);
  if (slash === null) return [];
  const [, before = "", left = "", right = "", after = ""] = slash;
  return [
    `${before}${left}${after}`,
    `${before}${right}${after}`,
    `${before}${left}/${right}${after}`,
    `${before}${left} ${right}${after}`,
  ].map((alias) => alias.replace(/\s+/g, " ").trim());
}

/**
 * The learner type a name refers to, tolerant of case, spacing, plurals, one side of a slash
 * ("cs student"), a word only one type's name has ("analyst"), an abbreviation of the learner
 * lexicon ("SWE", "sde", "DA") and a near spelling ("Sofware Engineer"); undefined otherwise.
 */
export function learnerTypeByName(
  types: readonly LearnerType[],
  given: string,
): LearnerTypeMatch | undefined {
  const wanted = normaliseName(given)
    .split(" ")
    .map(singular)
    .join(" ")
    .replace(/^(?:an?|the) /, "");
  if (wanted === "") return undefined;
  const named = (type: LearnerType, how: LearnerTypeMatch["how"], reason: string) => ({
    type,
    how,
    reason,
    evidence: [],
  });
  const singularName = (type: LearnerType) =>
    normaliseName(type.name).split(" ").map(singular).join(" ");
  for (const type of types) {
    if (singularName(type) === wanted) return named(type, "name", `chosen by name ("${given}")`);
  }
  for (const type of types) {
    const alias = aliases(type.name).find(
      (entry) => entry.split(" ").map(singular).join(" ") === wanted,
    );
    if (alias !== undefined) return named(type, "alias", `"${given}" is part of "${type.name}"`);
  }
  // An abbreviation the learner lexicon knows ("SWE" → software engineer), in any case, when it
  // is the whole name given.
  const lexicon = learnerLexicon();
  for (const [abbreviation, meaning] of lexicon.caseSensitive) {
    if (abbreviation.toLowerCase() !== wanted) continue;
    const match = learnerTypeByName(types, meaning);
    if (match !== undefined) {
      return named(match.type, "alias", `"${given}" is short for "${meaning}"`);
    }
  }
  // Every word given appears in one type's name only ("analyst", "software").
  const wantedWords = wanted.split(" ").filter((word) => word !== "/");
  const holders = types.filter((type) => {
    const words = new Set(singularName(type).split(" "));
    return wantedWords.every((word) => words.has(word));
  });
  if (holders.length === 1 && holders[0] !== undefined) {
    return named(holders[0], "alias", `only "${holders[0].name}" has "${given}" in its name`);
  }
  // A near spelling of a whole name or alias: at most one edit per eight characters.
  const near = types
    .flatMap((type) =>
      [singularName(type), ...aliases(type.name)].map((candidate) => ({
        type,
        distance: levenshtein(candidate, wanted).steps,
        allowed: Math.floor(candidate.length / 8),
      })),
    )
    .filter((entry) => entry.distance > 0 && entry.distance <= entry.allowed)
    .sort((left, right) => left.distance - right.distance);
  const best = near[0];
  if (
    best !== undefined &&
    near.every((entry) => entry.type === best.type || entry.distance > best.distance)
  ) {
    return named(best.type, "alias", `"${given}" is a near spelling of "${best.type.name}"`);
  }
  return undefined;
}

/**
 * The learner type nearest to what a learner says about themselves. A name ("cs student",
 * "SWE", "analyst") is matched as `learnerTypeByName` does; otherwise every row is scored against
 * the description (see `scoreDescription`: shared words of its name and starting point, negation
 * aware, plus reviewed cues such as "marketing" → "Career Switcher"). The best score wins, ties in
 * table order; deterministic, and `reason` and `evidence` say what matched. `understand` may
 * normalise the description first (the assistant's question understanding: abbreviations,
 * spelling).
 */
export function nearestLearnerType(
  types: readonly LearnerType[],
  description: string,
  understand?: (text: string) => string,
): LearnerTypeMatch {
  const first = types[0];
  if (first === undefined) throw new LearnerTypesMissingError();
  const byName = learnerTypeByName(types, description);
  if (byName !== undefined) return byName;
  const text = understand === undefined ? description : understand(description);
  const scored = scoreDescription(types, text);
  const scores = scored.map((entry) => ({ name: entry.type.name, score: round(entry.score) }));
  const winner = scored[0];
  if (winner === undefined || winner.score === 0) {
    return {
      type: first,
      how: "default",
      reason: `nothing in the description matches a learner type's name or starting point, so the plan uses the table's first row, "${first.name}"; name a type for a closer plan`,
      evidence: [],
      scores,
    };
  }
  const because = winner.evidence
    .map((item) =>
      item.cue
        ? `"${item.said}" suggests "${item.matched}"`
        : `"${item.said}" matches ${item.field === "Learner Type" ? "the name" : "the starting point"} "${item.matched}"`,
    )
    .join("; ");
  // A close runner-up is worth knowing (the learner may be it); the scores stay in `scores`.
  const runnerUp = scored[1];
  const margin =
    runnerUp === undefined || runnerUp.score < winner.score * CLOSE_SECOND
      ? ""
      : ` (a close second: "${runnerUp.type.name}")`;
  return {
    type: winner.type,
    how: "description",
    reason: `closest to "${winner.type.name}": ${because}${margin}`,
    evidence: winner.evidence.map(({ said, matched, field }) => ({ said, matched, field })),
    scores,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
