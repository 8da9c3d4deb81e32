import levenshtein from "damerau-levenshtein";
import { canonicalText } from "../eval/judge/internal/judge-text.ts";
import { STOPWORDS } from "../text/terms.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import type { Card, Grade } from "./study-types.ts";

/** Words that never decide an answer: "the DVC", "a Random Forest". */
const ARTICLES = new Set(["a", "an", "the"]);
/** Share of the expected answer's content words a longer answer must hold. */
const MIN_COVERAGE = 0.75;
/** Longest answer graded, in characters; longer ones are cut before grading. */
export const MAX_ANSWER_CHARS = 500;

/** How well an answer matches one target: 0 is exact, higher is worse; undefined is no match. */
type Match = { cost: number; how: string };

/**
 * Grades a free-text answer to a card, tolerantly and deterministically:
 * - case, punctuation, dashes and the articles a/an/the do not matter, nor spaces inside a name
 *   ("k means" for "K-Means");
 * - small typos do: one edit (Damerau-Levenshtein: insert, delete, substitute or swap two
 *   letters) is allowed from 4 letters, two from 7, three from 13;
 * - abbreviations and chat spellings from the learner lexicon ("sklearn", "DL"), the long forms
 *   the local judge folds ("machine learning" ↔ "ML"), initials for a full name and a full name
 *   for initials ("RAG" ↔ "Retrieval-Augmented Generation"), either name of "A / B", and a
 *   name without or with its abbreviation in brackets count as the answer;
 * - an answer of several words needs `MIN_COVERAGE` of the expected content words;
 * - for `choice` cards, the option letter (A–D) or number (1–4) or the option's text;
 * - an answer that matches another value of the same column at least as well as the expected
 *   one is wrong, however close it is: "Linear Regresion" for "Logistic Regression" names the
 *   neighbouring row.
 * The passage the card came from is the explanation.
 */
export function gradeAnswer(card: Card, rawAnswer: string): Grade {
  const answer = rawAnswer.slice(0, MAX_ANSWER_CHARS).trim();
  const grade = (correct: boolean, reason: string): Grade => ({
    correct,
    reason,
    expected: card.answer,
    explanation: card.from.text,
  });
  if (answer === "") return grade(false, "no answer was given");
  if (card.choices !== undefined) {
    const picked = pickedOption(answer, card.choices);
    if (picked !== undefined) {
      return picked.option === card.answer
        ? grade(true, `option ${picked.label} is the answer`)
        : grade(false, `option ${picked.label} is "${picked.option}", not the answer`);
    }
  }
  const expected = matchAnswer(answer, card.answer);
  const others = [
    ...new Set([...(card.others ?? []), ...(card.choices ?? [])].filter((o) => o !== card.answer)),
  ];
  const rival = others
    .map((other) => ({ other, match: matchAnswer(answer, other) }))
    .filter((entry): entry is { other: string; match: Match } => entry.match !== undefined)
    .sort((left, right) => left.match.cost - right.match.cost)[0];
  if (rival !== undefined && (expected === undefined || rival.match.cost <= expected.cost)) {
    // Named only when it was not written as is: the learner sees their answer beside the reason.
    const that = rival.match.cost === 0 ? "that" : `that looks like "${rival.other}", which`;
    return grade(false, `${that} is the answer to a similar card, not this one`);
  }
  if (expected !== undefined) return grade(true, expected.how);
  return grade(false, "does not match the expected answer");
}

/** "b", "B)", "(b)", "2" → the second option. */
function pickedOption(
  answer: string,
  choices: readonly string[],
): { label: string; option: string } | undefined {
  const letter = /^\(?([a-z])[).:]?$/i.exec(answer)?.[1]?.toUpperCase();
  const digit = /^\(?(\d)[).:]?$/.exec(answer)?.[1];
  const index =
    letter !== undefined ? letter.charCodeAt(0) - 65 : digit !== undefined ? Number(digit) - 1 : -1;
  const option = choices[index];
  if (option === undefined) return undefined;
  return { label: String.fromCharCode(65 + index), option };
}

/** The forms of an expected answer a learner may give. */
function acceptedForms(expected: string): string[] {
  const forms = new Set([expected]);
  // "Matplotlib / Seaborn", "Prometheus/Grafana": either name.
  if (/\//.test(expected) && !/\s/.test(expected.replace(/\s*\/\s*/g, "/"))) {
    for (const part of expected.split("/")) forms.add(part.trim());
  } else if (/ \/ /.test(expected)) {
    for (const part of expected.split(" / ")) forms.add(part.trim());
  }
  // "Machine learning (ML)": the name, or its abbreviation.
  const bracketed = /^(.+?)\s*\(([^)]+)\)$/.exec(expected);
  if (bracketed?.[1] !== undefined && bracketed[2] !== undefined) {
    forms.add(bracketed[1]);
    forms.add(bracketed[2]);
  }
  return [...forms].filter((form) => form !== "");
}

/** The best match of `answer` with any accepted form of `expected`. */
function matchAnswer(answer: string, expected: string): Match | undefined {
  const answers = answerVariants(answer);
  let best: Match | undefined;
  for (const form of acceptedForms(expected)) {
    for (const variant of answers) {
      const match = matchForm(variant, form);
      if (match !== undefined && (best === undefined || match.cost < best.cost)) best = match;
    }
  }
  return best;
}

/** The answer as written and with the lexicon's abbreviations and chat spellings expanded. */
function answerVariants(answer: string): string[] {
  const lexicon = learnerLexicon();
  const expanded = answer
    .split(/(\s+)/)
    .map((token) => {
      const bare = token.replace(/[^\p{L}\p{N}/+.-]/gu, "");
      return (
        lexicon.caseSensitive.get(bare) ?? lexicon.replacements.get(bare.toLowerCase()) ?? token
      );
    })
    .join("");
  return expanded === answer ? [answer] : [answer, expanded];
}

function matchForm(answer: string, form: string): Match | undefined {
  const given = normalise(answer);
  const wanted = normalise(form);
  if (given.length === 0 || wanted.length === 0) return undefined;
  if (given.join(" ") === wanted.join(" ")) return { cost: 0, how: "matches the answer" };
  const compactGiven = given.join("");
  const compactWanted = wanted.join("");
  if (compactGiven === compactWanted) return { cost: 0, how: "matches the answer" };
  if (initials(wanted) === compactGiven || initials(given) === compactWanted) {
    return { cost: 0.5, how: "matches the answer's abbreviation or full name" };
  }
  const allowed = allowedEdits(compactWanted.length);
  const distance = levenshtein(compactGiven, compactWanted).steps;
  if (distance <= allowed) {
    const letters = distance === 1 ? "one letter" : `${distance} letters`;
    return { cost: distance, how: `matches after correcting ${letters}` };
  }
  // The answer inside a longer reply ("I think it's DVC"), as whole words.
  if (wanted.length <= given.length && ` ${given.join(" ")} `.includes(` ${wanted.join(" ")} `)) {
    return { cost: 1 + (given.length - wanted.length) / 10, how: "names the answer" };
  }
  const coverage = contentCoverage(given, wanted);
  if (wanted.length >= 3 && coverage >= MIN_COVERAGE) {
    return { cost: 1 + (1 - coverage) * 4, how: "holds the answer's key words" };
  }
  return undefined;
}

/** Typos allowed for a word or name of this many letters. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 7) return 1;
  if (length < 13) return 2;
  return 3;
}

/** Canonical text (dashes, acronyms for long forms), lower case, words without articles. */
function normalise(text: string): string[] {
  return canonicalText(text)
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== "" && !ARTICLES.has(word));
}

/** "rag" for ["retrieval", "augmented", "generation"] (hyphenated words were split already). */
function initials(words: readonly string[]): string {
  return words.length < 2 ? "" : words.map((word) => word.charAt(0)).join("");
}

/** Share of the expected content words that some given word matches (typos allowed). */
function contentCoverage(given: readonly string[], wanted: readonly string[]): number {
  const content = wanted.filter((word) => !STOPWORDS.has(word));
  if (content.length === 0) return 0;
  const found = content.filter((word) =>
    given.some(
      (candidate) =>
        candidate === word ||
        levenshtein(candidate, word).steps <= allowedEdits(word.length) ||
        (word.length > 4 && candidate.startsWith(word.slice(0, -1))),
    ),
  );
  return found.length / content.length;
}
