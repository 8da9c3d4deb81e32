import { escapeRegExp } from "../../text/escape-reg-exp.ts";
import { STOPWORDS, stem } from "../../text/terms.ts";
import type { LearnerType } from "../learner-types.ts";
import { GOAL_PHRASES, LEARNER_CUES } from "./learner-cues.ts";

type Field = "Learner Type" | "Starting Point";

/** What a description shared with a row, in the learner's words and the table's. */
export type DescriptionEvidence = {
  said: string;
  /** The table's words: the field's text for a shared word, the cue's meaning for a cue. */
  matched: string;
  field: Field;
  /** True when a reviewed cue (learner-cues.ts) made the link, not a shared word. */
  cue: boolean;
};

export type DescriptionScore = {
  type: LearnerType;
  score: number;
  evidence: DescriptionEvidence[];
};

/** A stemmed word, "-" in front when negated, and the words it was read from. */
type Term = { term: string; said: string };

/** Words that negate the content word after them ("no CS degree", "weak ML/math", "Non-CS"). */
const NEGATORS = new Set([
  "no",
  "non",
  "not",
  "without",
  "never",
  "zero",
  "weak",
  "nothing",
  "lack",
  "lacking",
  "little",
]);
/** Words a negation reaches across ("no prior coding", "weak at math", "nothing about ML"). */
const NEGATION_SKIPS = new Set([
  "a",
  "an",
  "any",
  "much",
  "prior",
  "real",
  "formal",
  "proper",
  "at",
  "in",
  "about",
  "of",
  "my",
]);
/** Nouns whose negation carries over to what follows "in", "with" or "of" ("no background in CS"). */
const NEGATED_HEADS = new Set(["background", "degree", "experience", "knowledge", "idea"]);

/** Name words weigh twice as much as starting-point words. */
const FIELD_WEIGHT: Record<Field, number> = { "Learner Type": 2, "Starting Point": 1 };
/**
 * A shared absence ("no ML background", "Non-CS") is what the rows are told apart by, so a
 * negated match counts twice.
 */
const NEGATED_WEIGHT = 2;
/** A cue is an inference, weaker than the learner using the table's own word. */
const CUE_WEIGHT = 0.5;

/** Tokens of a text in order: words (case kept) and "/" marks. */
function tokens(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .replace(/[’‘]/g, "'")
      .replace(/\bnon-(?=\p{L})/giu, "non ")
      .match(/[\p{L}\p{N}]+(?:['.+#][\p{L}\p{N}]+)*[+#]*|\//gu) ?? []
  );
}

/** The stem of a token: "IT" in capitals is the field, "it" the pronoun (a stopword). */
function termOf(token: string): string | undefined {
  if (token === "IT") return "i.t.";
  const lower = token.toLowerCase();
  if (STOPWORDS.has(lower)) return undefined;
  return stem(lower);
}

/**
 * Terms of a text with negation applied: "no CS degree" → -cs, degree; "weak ML/math" → -ml,
 * -math; "no background in CS" → -background, -cs. Negators and stopwords give no term.
 */
export function negatedTerms(text: string): Term[] {
  const list = tokens(text);
  const terms: Term[] = [];
  let negator: string | undefined;
  let carry: string | undefined;
  for (let position = 0; position < list.length; position++) {
    const token = list[position] ?? "";
    const lower = token.toLowerCase();
    if (token === "/") {
      negator = carry;
      continue;
    }
    if (NEGATORS.has(lower)) {
      negator = token;
      continue;
    }
    if (negator !== undefined && NEGATION_SKIPS.has(lower)) continue;
    const term = termOf(token);
    if (term === undefined) {
      negator = undefined;
      carry = undefined;
      continue;
    }
    terms.push(
      negator === undefined
        ? { term, said: token }
        : { term: `-${term}`, said: `${negator} ${token}` },
    );
    carry = negator;
    const next = list[position + 1]?.toLowerCase();
    if (negator !== undefined && NEGATED_HEADS.has(lower) && /^(?:in|with|of)$/.test(next ?? "")) {
      position++;
      continue;
    }
    negator = undefined;
  }
  return terms;
}

/** True when the words just before a phrase negate it ("no tech background", "not a student"). */
function negatedBefore(prefix: string): boolean {
  const before = tokens(prefix)
    .slice(-3)
    .map((token) => token.toLowerCase());
  for (let index = before.length - 1; index >= 0; index--) {
    const word = before[index] ?? "";
    if (NEGATORS.has(word)) return true;
    if (!NEGATION_SKIPS.has(word)) return false;
  }
  return false;
}

/** A whole-word, case-insensitive pattern for a phrase; "-" and spaces match either. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}.#+])${body}(?![\\p{L}\\p{N}#+]|\\.[\\p{L}\\p{N}])`, "giu");
}

type RowTerm = { field: Field; text: string };

/** Each row's terms by field (a term of the name is kept as a name term). */
function rowTerms(type: LearnerType): Map<string, RowTerm> {
  const terms = new Map<string, RowTerm>();
  const add = (text: string | undefined, field: Field) => {
    if (text === undefined) return;
    for (const { term } of negatedTerms(text))
      if (!terms.has(term)) terms.set(term, { field, text });
  };
  add(type.name, "Learner Type");
  add(type.startingPoint, "Starting Point");
  return terms;
}

/**
 * Scores every learner type against a description, best first (ties in table order). A row
 * earns, for each distinct word of its name or starting point that the description shares
 * (negation aware: "no CS degree" shares "Non-CS", never "CS"), the word's field weight × its
 * rarity among the rows (idf) × 2 when negated; and for each cue of learner-cues.ts the
 * description uses, half the mean of what the cue's meaning would earn. Phrases about the goal
 * ("data science", "ML") are left out: they say where the learner wants to go, not where they
 * start.
 */
export function scoreDescription(types: readonly LearnerType[], text: string): DescriptionScore[] {
  const rows = types.map(rowTerms);
  const frequency = new Map<string, number>();
  for (const terms of rows) {
    for (const term of terms.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const termScore = (terms: Map<string, RowTerm>, term: string): number => {
    const row = terms.get(term);
    if (row === undefined) return 0;
    const idf = Math.log(1 + types.length / (frequency.get(term) ?? types.length));
    return FIELD_WEIGHT[row.field] * (term.startsWith("-") ? NEGATED_WEIGHT : 1) * idf;
  };

  let rest = text.normalize("NFKC");
  const cues: Array<{ said: string; means: string; terms: Term[] }> = [];
  for (const cue of LEARNER_CUES) {
    const meaning = negatedTerms(cue.means);
    for (const phrase of cue.phrases) {
      rest = rest.replace(phrasePattern(phrase), (said: string, offset: number, whole: string) => {
        const negated = negatedBefore(whole.slice(0, offset));
        const terms = meaning.map(({ term }) => ({
          term: negated ? (term.startsWith("-") ? term.slice(1) : `-${term}`) : term,
          said,
        }));
        cues.push({ said, means: cue.means, terms });
        return " , ";
      });
    }
  }
  for (const phrase of GOAL_PHRASES) {
    rest = rest.replace(phrasePattern(phrase), (said: string, offset: number, whole: string) =>
      negatedBefore(whole.slice(0, offset)) ? said : " , ",
    );
  }
  const direct = negatedTerms(rest);

  const scored = types.map((type, order) => {
    const terms = rows[order] ?? new Map<string, RowTerm>();
    const best = new Map<string, { score: number; evidence: DescriptionEvidence }>();
    const keep = (key: string, score: number, evidence: DescriptionEvidence) => {
      if (score > 0 && (best.get(key)?.score ?? 0) < score) best.set(key, { score, evidence });
    };
    for (const { term, said } of direct) {
      const row = terms.get(term);
      if (row !== undefined) {
        keep(term, termScore(terms, term), {
          said,
          matched: row.text,
          field: row.field,
          cue: false,
        });
      }
    }
    for (const cue of cues) {
      const total = cue.terms.reduce((sum, { term }) => sum + termScore(terms, term), 0);
      const field = cue.terms.map(({ term }) => terms.get(term)?.field).find(Boolean);
      if (field === undefined || cue.terms.length === 0) continue;
      keep(`cue:${cue.means}`, (CUE_WEIGHT * total) / cue.terms.length, {
        said: cue.said,
        matched: cue.means,
        field,
        cue: true,
      });
    }
    const score = [...best.values()].reduce((sum, entry) => sum + entry.score, 0);
    return { type, order, score, evidence: [...best.values()].map((entry) => entry.evidence) };
  });
  scored.sort((left, right) => right.score - left.score || left.order - right.order);
  return scored.map(({ type, score, evidence }) => ({ type, score, evidence }));
}
