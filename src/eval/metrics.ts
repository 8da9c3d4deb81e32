import type { AnswerResult } from "../answer/answer.ts";
import { splitSentences } from "../text/sentences.ts";
import { STOPWORDS, words } from "../text/terms.ts";
import type { EvalItem } from "./dataset.ts";
import { matchesEvidence } from "./evidence-match.ts";

/** Share of an answer unit's content words that must come from one evidence string. */
export const UNIT_ON_EVIDENCE_THRESHOLD = 0.6;

/**
 * Whether an answer unit (a sentence, item or row of the answer) lies on the evidence: most of its
 * content words come from one evidence string, or it holds (almost) all of one.
 */
export function unitOnEvidence(unit: string, evidence: readonly string[]): boolean {
  const unitWords = new Set(words(quotedWords(unit)).filter((word) => !STOPWORDS.has(word)));
  if (unitWords.size === 0) return false;
  return evidence.some((text) => {
    if (matchesEvidence(unit, text)) return true;
    const evidenceWords = new Set(words(text));
    let shared = 0;
    for (const word of unitWords) if (evidenceWords.has(word)) shared++;
    return shared / unitWords.size >= UNIT_ON_EVIDENCE_THRESHOLD;
  });
}

/** A table row as the answer renders it: "Django — learning curve: Advanced; best for: …". */
const RENDERED_ROW = /^([^—]+) — ((?:[^:;]+: [^;]*)(?:; [^:;]+: [^;]*)*)$/;

/**
 * The words of a unit that quote its source: for a rendered table row, the row's name and cell
 * values, without the column names the writer puts before each value ("learning curve:"), which
 * come from the table's header rather than from the row the evidence string gives.
 */
function quotedWords(unit: string): string {
  const row = RENDERED_ROW.exec(unit.trim());
  if (row === null) return unit;
  const values = (row[2] ?? "").split("; ").map((field) => field.slice(field.indexOf(": ") + 2));
  return [row[1], ...values].join(" ");
}

/** Rank (0-based) of each evidence string in the answer's `retrieved` list, -1 when absent. */
export function evidenceRanksOf(item: EvalItem, result: AnswerResult): number[] {
  return item.evidence.map((evidence) =>
    result.retrieved.findIndex((passage) => matchesEvidence(passage.text, evidence)),
  );
}

/** Whether the answer's citations hold every evidence string of the item. */
export function citationsHoldEvidence(item: EvalItem, result: AnswerResult): boolean {
  return item.evidence.every((evidence) =>
    result.citations.some((citation) => matchesEvidence(citation.text, evidence)),
  );
}

/** How many of an answerable item's answer sentences lie on its evidence (0 when unanswerable). */
export function sentencesOnEvidenceOf(
  item: EvalItem,
  sentences: ReadonlyArray<{ text: string }>,
): number {
  if (!item.answerable) return 0;
  return sentences.filter((sentence) => unitOnEvidence(sentence.text, item.evidence)).length;
}

/** Per-question outcome. */
export type QuestionScore = {
  id: string;
  kind: EvalItem["kind"];
  answerable: boolean;
  refused: boolean;
  /** Rank (0-based) of each evidence string in `retrieved`, -1 when absent from the top 10. */
  evidenceRanks: number[];
  /** For answered, answerable questions: does some citation hold each evidence string? */
  citedEvidence: boolean | undefined;
  /** Answer sentences and how many are not supported by the passages their markers cite. */
  sentences: number;
  unsupportedSentences: number;
  /** Answer sentences, items and rows that lie on the evidence (answered answerable questions). */
  sentencesOnEvidence: number;
  latencyMs: number;
};

/** Aggregates over a dataset (or one `kind` of it). */
export type Summary = {
  questions: number;
  answerable: number;
  unanswerable: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  /** Unanswerable questions that were refused. */
  refusalRecall: number;
  /** Answerable questions that were refused. */
  falseRefusalRate: number;
  /** Answered answerable questions whose citations hold all their evidence. */
  citationEvidenceRate: number;
  /** Answer sentences not supported by the text they cite, over all answered questions. */
  unsupportedSentenceRate: number;
  /** Answer sentences that lie on the evidence, over answered answerable questions. */
  answerPrecision: number;
  /** Mean sentences (items, rows) per answered question. */
  meanAnswerSentences: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
};

/** Splits an answer into sentences (list lines count as sentences) with their citation numbers. */
export function answerSentences(answer: string): Array<{ text: string; markers: number[] }> {
  const sentences: Array<{ text: string; markers: number[] }> = [];
  for (const line of answer.split("\n")) {
    // Markers follow the sentence they support: "… sentence. [1] Next sentence. [2]"; a run of
    // markers ("… sentence. [1] [2]") stays with its sentence.
    const pieces = line.split(/(?<=\])\s+(?!\[\d+\])/);
    for (const piece of pieces) {
      const markers = [...piece.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
      const text = piece
        .replace(/\[(\d+)\]/g, "")
        .replace(/^- /, "")
        .trim();
      if (text.length === 0) continue;
      for (const sentence of markers.length > 0 ? [text] : splitSentences(text)) {
        sentences.push({ text: sentence, markers });
      }
    }
  }
  return sentences;
}

/** Scores one answer against its dataset item. */
export function scoreQuestion(
  item: EvalItem,
  result: AnswerResult,
  latencyMs: number,
): QuestionScore {
  const evidenceRanks = evidenceRanksOf(item, result);
  const citedEvidence =
    item.answerable && !result.refused ? citationsHoldEvidence(item, result) : undefined;
  let sentences = 0;
  let unsupportedSentences = 0;
  let sentencesOnEvidence = 0;
  if (!result.refused) {
    const cited = new Map(result.citations.map((citation) => [citation.n, citation.text]));
    const parts = answerSentences(result.answer);
    sentencesOnEvidence = sentencesOnEvidenceOf(item, parts);
    for (const sentence of parts) {
      sentences++;
      const supported = sentence.markers.some((n) => {
        const text = cited.get(n);
        return text !== undefined && matchesEvidence(text, sentence.text);
      });
      if (!supported) unsupportedSentences++;
    }
  }
  return {
    id: item.id,
    kind: item.kind,
    answerable: item.answerable,
    refused: result.refused,
    evidenceRanks,
    citedEvidence,
    sentences,
    unsupportedSentences,
    sentencesOnEvidence,
    latencyMs,
  };
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const ratio = (part: number, whole: number) => (whole === 0 ? Number.NaN : part / whole);

/** Aggregates scores; recall is the mean share of each question's evidence found in the top k. */
export function summarise(scores: QuestionScore[]): Summary {
  const answerable = scores.filter((score) => score.answerable);
  const unanswerable = scores.filter((score) => !score.answerable);
  const recallAt = (k: number) =>
    ratio(
      answerable.reduce(
        (sum, score) =>
          sum +
          score.evidenceRanks.filter((rank) => rank >= 0 && rank < k).length /
            Math.max(1, score.evidenceRanks.length),
        0,
      ),
      answerable.length,
    );
  const mrr = ratio(
    answerable.reduce((sum, score) => {
      const found = score.evidenceRanks.filter((rank) => rank >= 0);
      return sum + (found.length === 0 ? 0 : 1 / (Math.min(...found) + 1));
    }, 0),
    answerable.length,
  );
  const answeredAnswerable = answerable.filter((score) => !score.refused);
  const answered = scores.filter((score) => !score.refused);
  const sentences = answered.reduce((sum, score) => sum + score.sentences, 0);
  return {
    questions: scores.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt1: recallAt(1),
    recallAt5: recallAt(5),
    recallAt10: recallAt(10),
    mrr,
    refusalRecall: ratio(unanswerable.filter((score) => score.refused).length, unanswerable.length),
    falseRefusalRate: ratio(answerable.length - answeredAnswerable.length, answerable.length),
    citationEvidenceRate: ratio(
      answeredAnswerable.filter((score) => score.citedEvidence === true).length,
      answeredAnswerable.length,
    ),
    unsupportedSentenceRate: ratio(
      answered.reduce((sum, score) => sum + score.unsupportedSentences, 0),
      sentences,
    ),
    answerPrecision: ratio(
      answeredAnswerable.reduce((sum, score) => sum + score.sentencesOnEvidence, 0),
      answeredAnswerable.reduce((sum, score) => sum + score.sentences, 0),
    ),
    meanAnswerSentences: ratio(sentences, answered.length),
    latencyP50Ms: percentile(
      scores.map((score) => score.latencyMs),
      0.5,
    ),
    latencyP95Ms: percentile(
      scores.map((score) => score.latencyMs),
      0.95,
    ),
  };
}
