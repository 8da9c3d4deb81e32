import { commonWordRank } from "../../../text/common-words.ts";
import { stem, wordsAsWritten } from "../../../text/terms.ts";

/** Number words written out, so "three models" and "3 models" compare equal. "one" is left alone:
 * it is far more often a pronoun ("one model performs better") than a count. */
const NUMBER_WORDS: Record<string, string> = {
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
};

/** Long forms the corpus and paraphrases use interchangeably with their acronym. */
const ACRONYMS: Array<[RegExp, string]> = [
  [/\bmachine[- ]learning\b/gi, "ML"],
  [/\bartificial intelligence\b/gi, "AI"],
  [/\bnatural language processing\b/gi, "NLP"],
  [/\bcomputer science\b/gi, "CS"],
  [/\blarge language models?\b/gi, "LLM"],
  [/\bretrieval[- ]augmented generation\b/gi, "RAG"],
];

const DASHES = /[‐‑‒–—−]/g;
const AMOUNT = "[₹$€£]?~?\\d[\\d.,]*[kKlL]?";

/**
 * Text put in one canonical form before judging: Unicode NFKC, one kind of apostrophe, ranges
 * written "6–9" ("6 - 9", "6 to 9", "between 6 and 9"), number words as digits, acronyms for
 * their long forms. Applied to claims and passages alike.
 */
export function canonicalText(text: string): string {
  let result = text
    .normalize("NFKC")
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\|/g, " ; ");
  result = result.replace(
    /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/gi,
    (word) => NUMBER_WORDS[word.toLowerCase()] ?? word,
  );
  result = result
    .replace(
      new RegExp(`\\b(?:between|from)\\s+(${AMOUNT})\\s+(?:and|to)\\s+(${AMOUNT})`, "gi"),
      "$1–$2",
    )
    .replace(new RegExp(`(${AMOUNT})\\s*(?:[‐‑‒–—−-]|to)\\s*(?=[₹$€£~]?\\d)`, "g"), "$1–")
    .replace(DASHES, (dash) => (dash === "–" ? dash : "–"));
  for (const [pattern, acronym] of ACRONYMS) result = result.replace(pattern, acronym);
  return result.replace(/\s+/g, " ").trim();
}

/** Lower-case letters and digits only, single-spaced: for "is this a verbatim quote" checks. */
export function quoteForm(text: string): string {
  return canonicalText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The figures of a text: numbers, ranges, amounts of money and durations, in canonical form. */
export type Figures = {
  /** Every number, "9", "10.6", "2026". */
  values: Set<string>;
  /** Every range, "6–9". */
  ranges: Set<string>;
  /** Amounts with their currency, "₹|9", "$|120". */
  money: Set<string>;
  /** Numbers and ranges with their time unit, "month|6–9", "week|2", "step|5". */
  durations: Set<string>;
  /** How each figure was written, for reasons: "₹9L–20L", "6–9 months". */
  written: string[];
};

const FIGURE = new RegExp(
  [
    "(?<![\\p{L}\\p{N}.])",
    "~?(?<currency>[₹$€£])?~?(?<first>\\d+(?:[.,]\\d+)*)(?<firstUnit>[kKlL](?![\\p{L}\\p{N}]))?[+%]?",
    "(?:–~?(?<secondCurrency>[₹$€£])?(?<second>\\d+(?:[.,]\\d+)*)(?<secondUnit>[kKlL](?![\\p{L}\\p{N}]))?[+%]?)?",
    "(?![\\p{L}\\p{N}])",
  ].join(""),
  "gu",
);
const UNIT_AFTER = /^\s*-?\s*(month|week|year|day|hour|minute)s?\b/i;
const UNIT_BEFORE = /\b(month|week|year|day|step)s?\s*$/i;

/** Finds the figures of a canonical text (see `canonicalText`). */
export function figuresOf(canonical: string): Figures {
  const figures: Figures = {
    values: new Set(),
    ranges: new Set(),
    money: new Set(),
    durations: new Set(),
    written: [],
  };
  for (const match of canonical.matchAll(FIGURE)) {
    const groups = match.groups ?? {};
    const first = number(groups.first ?? "");
    const second = groups.second === undefined ? undefined : number(groups.second);
    const values = second === undefined ? [first] : [first, second];
    for (const value of values) figures.values.add(value);
    const amount = second === undefined ? first : `${first}–${second}`;
    if (second !== undefined) figures.ranges.add(amount);
    const currency = groups.currency ?? groups.secondCurrency;
    if (currency !== undefined)
      for (const value of values) figures.money.add(`${currency}|${value}`);
    const end = (match.index ?? 0) + match[0].length;
    const after = UNIT_AFTER.exec(canonical.slice(end));
    const before = UNIT_BEFORE.exec(
      canonical.slice(Math.max(0, (match.index ?? 0) - 12), match.index),
    );
    const unit = (after?.[1] ?? before?.[1])?.toLowerCase();
    if (unit !== undefined) figures.durations.add(`${unit}|${amount}`);
    figures.written.push(after === null ? match[0] : `${match[0]}${after[0]}`);
  }
  return figures;
}

/** Figures of `claim` that `passage` does not state: the value, the range, the currency or the unit. */
export function missingFigures(claim: Figures, passage: Figures): string[] {
  const missing: string[] = [];
  const claimFigures = [...claim.values].length;
  if (claimFigures === 0) return missing;
  for (const value of claim.values) if (!passage.values.has(value)) missing.push(value);
  for (const range of claim.ranges) if (!passage.ranges.has(range)) missing.push(range);
  for (const amount of claim.money) {
    if (!passage.money.has(amount)) missing.push(amount.replace("|", ""));
  }
  for (const duration of claim.durations) {
    if (!passage.durations.has(duration)) {
      const [unit, amount] = duration.split("|");
      missing.push(unit === "step" ? `step ${amount}` : `${amount} ${unit}s`);
    }
  }
  return [...new Set(missing)];
}

function number(text: string): string {
  // "1,000" and "1000" agree; a decimal comma is not used in the material.
  return text.replace(/,/g, "").replace(/\.0+$/, "");
}

/**
 * Names in a text (tools, libraries, places, organisations), lower-cased: words with a capital
 * inside ("XGBoost", "ML"), with digits or symbols ("GPT-4", "C++"), code identifiers
 * ("max_iter"), capitalised words inside a sentence ("Docker", "India"), and capitalised first
 * words that are no English word at all ("Kubernetes …") or that the corpus only ever writes
 * capitalised (`knownNames`: "Flask …", "Python …").
 */
export function namesOf(text: string, knownNames: ReadonlySet<string> = EMPTY): Set<string> {
  const names = new Set<string>();
  const canonical = canonicalText(text);
  for (const identifier of canonical.matchAll(/\b[A-Za-z]\w*_\w+\b/g)) {
    names.add(identifier[0].toLowerCase());
  }
  const pattern = /[\p{L}\p{N}]+(?:[-'.+#][\p{L}\p{N}]+)*[+#²]*/gu;
  for (const match of canonical.matchAll(pattern)) {
    const word = match[0].replace(/'s$/, "");
    if (!/\p{Lu}/u.test(word) && !/[+#²]/.test(word)) continue;
    if (word.length === 1 && (word === "A" || word === "I")) continue;
    const start = match.index ?? 0;
    const initial = /(^|[.!?:;"(•*–-]\s*)$/.test(canonical.slice(Math.max(0, start - 3), start));
    const innerCapital = /\p{Lu}/u.test(word.slice(1));
    const symbol = /\d/.test(word) && /\p{L}/u.test(word) ? true : /[+#²]/.test(word);
    const lower = word.toLowerCase();
    if (innerCapital || symbol || word.length === 1 || !initial) {
      names.add(lower);
      continue;
    }
    if (commonWordRank(lower) === undefined || knownNames.has(lower)) names.add(lower);
  }
  return names;
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * Words a body of text only ever writes with a capital ("Python", "Flask", "Docker"), lower-cased:
 * the names of that material, recognised even at the start of a claim.
 */
export function nameLexicon(texts: Iterable<string>): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const word of wordsAsWritten(text)) {
      if (/^\p{Lu}/u.test(word)) capitalised.add(word.toLowerCase());
      else if (/^\p{Ll}/u.test(word)) lower.add(word);
    }
  }
  return new Set([...capitalised].filter((word) => !lower.has(word)));
}

/**
 * Whether the passage's words hold a name: as written, in singular or plural, by its parts
 * (hyphenated names), or spelled out by initials ("CNN" ↔ "Convolutional Neural Networks").
 */
export function passageHasName(name: string, passageWords: string[]): boolean {
  const present = new Set(passageWords);
  if (present.has(name)) return true;
  // "CNN" and "CNNs" name the same thing.
  if (present.has(`${name}s`) || (name.endsWith("s") && present.has(name.slice(0, -1)))) {
    return true;
  }
  const parts = name.split(/[-./]/).filter((part) => part.length > 0);
  if (parts.length > 1 && parts.every((part) => present.has(part))) return true;
  const letters = name.replace(/s$/, "");
  if (/^[a-z]{2,6}$/.test(letters)) {
    for (let start = 0; start + letters.length <= passageWords.length; start++) {
      let matches = true;
      for (let offset = 0; offset < letters.length && matches; offset++) {
        matches = passageWords[start + offset]?.[0] === letters[offset];
      }
      if (matches) return true;
    }
  }
  return false;
}

/** Head nouns of roles and learner types: "data scientist", "ML engineer", "career switcher". */
const ROLE_HEADS = new Set([
  "engineer",
  "scientist",
  "analyst",
  "developer",
  "researcher",
  "student",
  "beginner",
  "switcher",
  "intern",
  "architect",
]);

/**
 * Roles a text names, as "modifier head" pairs ("data scientist", "ml engineer"): the word before
 * a role noun says which role it is, so "a data scientist focuses on …" and "an ML engineer
 * focuses on …" are different claims even when both roles occur in the passage.
 */
export function rolesOf(canonical: string): Set<string> {
  const roles = new Set<string>();
  const tokens = wordsAsWritten(canonical).map((word) => word.toLowerCase());
  tokens.forEach((token, position) => {
    const head = token.replace(/s$/, "");
    if (!ROLE_HEADS.has(head) || position === 0) return;
    const modifier = tokens[position - 1] ?? "";
    if (ROLE_WORDS_SKIPPED.has(modifier)) return;
    roles.add(`${stem(modifier)} ${head}`);
  });
  return roles;
}

const ROLE_WORDS_SKIPPED = new Set([
  "a",
  "an",
  "the",
  "most",
  "many",
  "some",
  "every",
  "each",
  "for",
  "of",
  "as",
  "and",
  "or",
  "to",
  "good",
  "great",
  "strong",
  "your",
  "our",
  "their",
]);

const NEGATION_CUES = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "nor",
  "neither",
  "none",
  "without",
  "nothing",
  "rarely",
  "seldom",
  "hardly",
  "lack",
  "lacks",
  "lacking",
]);
/** "not only", "not just": a contrast that adds to what follows instead of denying it. */
const NOT_NEGATING_NEXT = new Set(["only", "just", "merely", "simply"]);
/** Words skipped when looking for what a negation applies to. */
const SCOPE_SKIPPED = new Set(
  `a an the be been being is are was were am do does did have has had to really necessarily always
just yet only even you it they we i he she that so very too any all much more most something
anything for of in on at into onto from about by as than like with can could should would will
must may might`.split(/\s+/),
);

/** Stems negated in a text, stems stated without negation, and whether it negates at all. */
export type Polarity = { negated: Set<string>; asserted: Set<string>; hasNegation: boolean };

/**
 * What a canonical text negates: the next `scopeWords` content words after each negation cue
 * ("do not need a GPU" → need, GPU with 2). A scope ends at punctuation and at "but".
 */
export function polarityOf(canonical: string, scopeWords = 2): Polarity {
  const negated = new Set<string>();
  const asserted = new Set<string>();
  const tokens = canonical.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?|[,.;:!?()]/gu) ?? [];
  let scope = 0;
  let hasNegation = false;
  tokens.forEach((token, index) => {
    if (/^[,.;:!?()]$/.test(token) || token === "but") {
      scope = 0;
      return;
    }
    const isCue = NEGATION_CUES.has(token) || token.endsWith("n't");
    if (isCue && !NOT_NEGATING_NEXT.has(tokens[index + 1] ?? "")) {
      scope = scopeWords;
      hasNegation = true;
      return;
    }
    if (isCue || SCOPE_SKIPPED.has(token)) return;
    const term = stem(token);
    if (scope > 0) {
      negated.add(term);
      scope--;
    } else {
      asserted.add(term);
    }
  });
  return { negated, asserted, hasNegation };
}

/**
 * A word one text negates and the other asserts without negating anything: the claim says "is
 * not the better choice" where the passage says "is the better choice", or the claim says "is
 * mandatory" where the passage says "is not mandatory". A text that negates something else
 * ("you don't need to be a mathematician, but you need enough math") is not taken as the
 * opposite of one that does too, since rewording moves negations around.
 */
export function negationConflict(claim: Polarity, passage: Polarity): string | undefined {
  if (!passage.hasNegation) {
    for (const term of claim.negated) if (passage.asserted.has(term)) return term;
  }
  if (!claim.hasNegation) {
    for (const term of passage.negated) if (claim.asserted.has(term)) return term;
  }
  return undefined;
}
