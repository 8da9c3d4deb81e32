/**
 * Numbered places in the roadmap's structure that learners ask about: "step 4", "month 5",
 * "months 3-4", "the 2nd step", "week 3". A question naming one is about the passages that name
 * the same one; a passage that names only other numbers of that kind ("Step 5 | Month 9" for
 * "month 5") is about something else, however many words it shares.
 */
export type NumberedReference = {
  noun: "step" | "month" | "week";
  first: number;
  /** Equal to `first` for one number; `Infinity` for an open range ("Month 12+"). */
  last: number;
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

const NOUN = "(step|month|week)s?";
const NUMBER = "(\\d{1,2})";
/** "step 4", "month 5–6", "months 3 to 4", "Month 12+". */
const NOUN_THEN_NUMBER = new RegExp(
  `\\b${NOUN}\\s*#?${NUMBER}(?:\\s*(?:[-–—]|to)\\s*${NUMBER})?(\\+)?`,
  "gi",
);
/** "weeks 3 and 4", "steps 2, 3 & 5": numbers listed after the first of a plural noun. */
const LISTED_AFTER = new RegExp(
  `\\b(step|month|week)s\\s*${NUMBER}((?:\\s*(?:,|and|&)\\s*\\d{1,2}\\b(?![-–—+]))+)`,
  "gi",
);
/** "4th step", "the third month". */
const ORDINAL_THEN_NOUN = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(ORDINAL_WORDS).join("|")}))\\s+${NOUN}\\b`,
  "gi",
);

/** Every step, month or week number the text names, in order. */
export function numberedReferences(text: string): NumberedReference[] {
  const references: NumberedReference[] = [];
  for (const match of text.matchAll(NOUN_THEN_NUMBER)) {
    const noun = nounOf(match[1]);
    const first = Number(match[2]);
    const last = match[4] === "+" ? Number.POSITIVE_INFINITY : Number(match[3] ?? match[2]);
    references.push({ noun, first, last: Math.max(first, last) });
  }
  for (const match of text.matchAll(LISTED_AFTER)) {
    const noun = nounOf(match[1]);
    for (const number of (match[3] ?? "").match(/\d{1,2}/g) ?? []) {
      references.push({ noun, first: Number(number), last: Number(number) });
    }
  }
  for (const match of text.matchAll(ORDINAL_THEN_NOUN)) {
    const ordinal = match[2]?.toLowerCase();
    const first = match[1] !== undefined ? Number(match[1]) : (ORDINAL_WORDS[ordinal ?? ""] ?? 0);
    if (first > 0) references.push({ noun: nounOf(match[3]), first, last: first });
  }
  return references;
}

export type ReferenceAgreement = "agrees" | "differs" | "silent";

/**
 * How a passage stands to the numbered references of a question: `agrees` when it names one of
 * them (an overlapping range of the same kind), `differs` when it names only other numbers of a
 * kind the question asks about, `silent` otherwise (or when the question names none).
 */
export function referenceAgreement(
  asked: readonly NumberedReference[],
  stated: readonly NumberedReference[],
): ReferenceAgreement {
  let differs = false;
  for (const question of asked) {
    const sameKind = stated.filter((reference) => reference.noun === question.noun);
    if (sameKind.some((reference) => overlaps(reference, question))) return "agrees";
    if (sameKind.length > 0) differs = true;
  }
  return differs ? "differs" : "silent";
}

function overlaps(left: NumberedReference, right: NumberedReference): boolean {
  return left.first <= right.last && right.first <= left.last;
}

function nounOf(word: string | undefined): NumberedReference["noun"] {
  const lower = (word ?? "").toLowerCase();
  return lower.startsWith("step") ? "step" : lower.startsWith("month") ? "month" : "week";
}
