import type { Chunk } from "../chunking/chunk.ts";
import type { RetrievedChunk } from "../retrieval/retriever.ts";
import { KIND_WORDS, shortNames } from "../retrieval/row-heads.ts";
import { commonWordRank } from "../text/common-words.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { contentTerms, questionText, words } from "../text/terms.ts";
import { askedFigure } from "./asked-figure.ts";
import { VERY_COMMON_RANK } from "./follow-up-detector.ts";
import type { Passage } from "./generator.ts";

/**
 * The passages the writer is shown: the first `count` retrieved and, for a comparison ("mlflow vs
 * dvc whats the diff") or a figure asked ("MLE salary range in India"), the best-ranked row headed
 * by each thing named that ranked below them, so that each thing can answer with its own row
 * rather than with a row that only lists it.
 */
export function writerPassages(
  results: readonly RetrievedChunk[],
  count: number,
  question: string,
): Passage[] {
  const shown = results.slice(0, count);
  const figure = askedFigure(question) !== undefined;
  if (comparedSides(questionText(question)) !== undefined || figure) {
    const asked = ` ${words(question).join(" ")} `;
    const heads = (result: RetrievedChunk) => namedHeads(result.chunk, asked, figure);
    const named = new Set(shown.flatMap(heads));
    for (const result of results.slice(count)) {
      const fresh = heads(result).filter((name) => !named.has(name));
      if (fresh.length === 0) continue;
      for (const name of fresh) named.add(name);
      shown.push(result);
    }
  }
  // "what is deep learning": a passage below them that says what it is ("Deep Learning is a
  // subset of ML…") is shown too, rather than only passages that compare or mention it.
  const defined = DEFINITION_ASKED.exec(questionText(question).trim());
  const term = defined?.[1] ?? defined?.[2];
  if (term !== undefined && !shown.some((result) => definesTerm(result.chunk.text, term))) {
    const defining = results.slice(count).find((result) => definesTerm(result.chunk.text, term));
    if (defining !== undefined) shown.push(defining);
  }
  return shown.map((result, position) => ({
    n: position + 1,
    chunk: result.chunk,
    score: result.score,
  }));
}

/** "what is deep learning", "define overfitting", "mlops meaning?": a definition asked, and of what. */
const DEFINITION_ASKED =
  /^(?:what(?: is|'s| are)|define|meaning of)\s+(?:an?\s+|the\s+)?([\p{L}\d][\p{L}\d' -]{0,40}?)\s*\??$|^([\p{L}\d][\p{L}\d' -]{0,40}?)\s+(?:meaning|definition)\s*\??$/iu;

/**
 * Whether a text says what a term is: a sentence that opens with the term (after "a", "an" or
 * "the", maybe with a short form in brackets) and goes on "is a", "are the", "refers to"…
 */
function definesTerm(text: string, term: string): boolean {
  const name = term
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join("[\\s-]+");
  return new RegExp(
    `(?:^|[.!?:]\\s+|\\n)(?:(?:an?|the)\\s+)?${name}(?:\\s*\\([^)]{1,40}\\))?\\s+(?:(?:is|are)\\s+(?:an?|the|one)|refers to|means)\\b`,
    "i",
  ).test(text);
}

/**
 * The shown passages followed by those of `results` not shown yet, numbered on, each scored as the
 * lowest shown passage so that a second search does not outrank the first.
 */
export function withPassagesOf(shown: Passage[], results: readonly RetrievedChunk[]): Passage[] {
  const ids = new Set(shown.map((passage) => passage.chunk.id));
  const floor = Math.min(...shown.map((passage) => passage.score));
  const added = results
    .filter((result) => !ids.has(result.chunk.id))
    .map((result, position) => ({
      n: shown.length + position + 1,
      chunk: result.chunk,
      score: floor,
    }));
  return [...shown, ...added];
}

/**
 * The names heading a table row that the question (its words, space-padded) names as whole
 * words, in the singular or the plural ("cnn" names "CNNs"), or without a closing "style" or
 * "type" ("bert" names "BERT-style") when the question also names a column the table compares
 * them in ("bert vs gpt architecture"); "conda / mamba" heads a row for each of its names, and
 * "blue green deployment" names "Blue-green deployment"; a comparison may drop a closing word
 * that says the kind ("canary vs blue green", "supervised and unsupervised learning"). When the
 * question asks a figure, a name learners shorten counts shortened too ("MLE vs DS salary":
 * "Machine Learning Engineer"); a difference asked in words is answered in prose.
 */
export function namedHeads(
  chunk: Pick<Chunk, "cells">,
  paddedQuestionWords: string,
  figureAsked = false,
): string[] {
  const asked = singular(paddedQuestionWords);
  // "blue green" names "Blue-green deployment": its hyphen read as a space on both sides.
  const unhyphenated = singular(paddedQuestionWords.replace(/-/g, " "));
  const said = (name: string[]) =>
    name.length > 0 && asked.includes(` ${singular(name.join(" "))} `);
  const saidUnhyphenated = (name: string[]) =>
    unhyphenated.includes(` ${singular(name.join(" ").replace(/-/g, " "))} `);
  // "canary vs blue green": a comparison may name a row without the word saying its kind.
  const comparing = COMPARING.test(paddedQuestionWords);
  const saidWithoutKindWord = (name: string[]) => {
    const rest = KIND_WORDS.has(name.at(-1) ?? "") ? name.slice(0, -1) : [];
    // "Deep Learning" is not named by "deep": a bare everyday word names no row.
    if (
      rest.every((word) => (commonWordRank(word) ?? Number.POSITIVE_INFINITY) < VERY_COMMON_RANK)
    ) {
      return false;
    }
    return said(rest) || saidUnhyphenated(rest);
  };
  const namesColumn = () => {
    const asksTerms = new Set(contentTerms(paddedQuestionWords));
    const headers = (chunk.cells ?? []).slice(1).map((cell) => cell.header);
    return contentTerms(headers.join(" ")).some((term) => asksTerms.has(term));
  };
  const parts = (chunk.cells?.[0]?.value ?? "").split(/[/,+]/);
  return parts
    .map((part) => words(part))
    .filter(
      (name) =>
        // The "A" of "A/B test" is no name of its own; it would be said by every "a".
        !(parts.length > 1 && name.length === 1 && (name[0]?.length ?? 0) < 2) &&
        (said(name) ||
          (name.some((word) => word.includes("-")) && saidUnhyphenated(name)) ||
          saidShort(asked, name) ||
          (figureAsked && shortNames(name.join(" ")).some((short) => said(short.split(" ")))) ||
          (said(withoutKind(name)) && namesColumn()) ||
          (comparing && saidWithoutKindWord(name))),
    )
    .map((name) => name.join(" "));
}

/** How a question compares, in its space-padded words. */
const COMPARING = / (?:vs|versus|difference|diff|between|or) /;

/** Fewest words of a name that learners shorten to its first and last ("aws ml specialty"). */
const LONG_NAME_WORDS = 4;
/** Most words a learner puts between a long name's first and last word ("google ml engineer"). */
const SHORTENED_GAP = 3;

/**
 * Whether the question (singular, space-padded words) says a long name by its first and last word,
 * in order, with a few words between: "aws ml specialty" names "AWS Certified Machine Learning –
 * Specialty", "google ml engineer cert" "Google Professional Machine Learning Engineer".
 */
function saidShort(asked: string, name: string[]): boolean {
  if (name.length < LONG_NAME_WORDS) return false;
  const first = escapeRegExp(singular(name[0] ?? ""));
  const last = escapeRegExp(singular(name.at(-1) ?? ""));
  return new RegExp(` ${first} (?:\\S+ ){0,${SHORTENED_GAP}}${last} `).test(asked);
}

/** A name without a closing word that says what kind of thing it is ("BERT-style" → "bert"). */
function withoutKind(name: string[]): string[] {
  const last = name.at(-1) ?? "";
  const bare = last.replace(/-(?:style|type|based|like)$/, "");
  return bare === last || bare === "" ? [] : [...name.slice(0, -1), bare];
}

/** Each word without a plural "s" ("cnns" → "cnn", "transformers" → "transformer"; not "loss"). */
function singular(text: string): string {
  return text.replace(/(?<=[\p{L}\d]{2}[^\Ws])s(?=\s|$)/gu, "");
}
