import type { AnswerResult, Citation } from "../answer/answer.ts";
import { rougeL, tokenF1 } from "./answer-overlap.ts";
import { splitClaims, withoutMarkers } from "./claims.ts";
import type { EvalItem } from "./dataset.ts";
import { matchesEvidence } from "./evidence-match.ts";
import type { Judge } from "./judge/judge.ts";
import {
  answerSentences,
  citationsHoldEvidence,
  evidenceRanksOf,
  sentencesOnEvidenceOf,
} from "./metrics.ts";
import type { QuestionRecord } from "./report/report-schema.ts";

/** One answered (or refused) question, with what the writer was shown. */
export type AnswerToAssess = {
  item: EvalItem;
  dataset: string;
  result: AnswerResult;
  /** The passages given to the writer (the answer's citations are a subset); in rank order. */
  shown: Citation[];
  /** How many top retrieved passages the writer sees; context precision is measured on them. */
  contextSize: number;
  latencyMs: number;
  /** For a conversation turn: whether the assistant treated it as a follow-up. */
  followUpPredicted?: boolean;
};

/**
 * Scores one answer: evidence ranks, context precision, claims judged against the shown
 * passages (faithfulness), each citation judged against the sentence citing it (citation
 * precision), dangling markers, and answer overlap with the reference.
 */
export async function assessAnswer(input: AnswerToAssess, judge: Judge): Promise<QuestionRecord> {
  const { item, result } = input;
  const evidenceRanks = evidenceRanksOf(item, result);
  const context = result.retrieved.slice(0, input.contextSize);
  const contextPrecision = item.answerable
    ? averagePrecision(
        context.map((passage) =>
          item.evidence.some((evidence) => matchesEvidence(passage.text, evidence)),
        ),
      )
    : null;

  let claims: QuestionRecord["claims"] = [];
  let citationChecks: QuestionRecord["citationChecks"] = [];
  if (!result.refused) {
    const passages = input.shown.map((passage) => ({
      text: passage.text,
      section: passage.section,
    }));
    const split = splitClaims(result.answer);
    const judged = await judge.judge(
      judge.extractsClaims
        ? { question: item.question, answer: result.answer, passages }
        : { question: item.question, claims: split.map((claim) => claim.text), passages },
    );
    claims = judged.map((verdict, index) => {
      const passage =
        verdict.passageIndex === undefined ? undefined : input.shown[verdict.passageIndex]?.n;
      return {
        text: verdict.claim,
        markers: judge.extractsClaims ? [] : (split[index]?.markers ?? []),
        supported: verdict.supported,
        reason: verdict.reason,
        ...(passage === undefined ? {} : { passage }),
      };
    });
    citationChecks = await checkCitations(split, result.citations, judge);
  }
  const unsupportedClaims = claims.filter((claim) => !claim.supported).length;
  const answerText = withoutMarkers(result.answer);
  const sentences = result.refused ? [] : answerSentences(result.answer);
  const citedEvidence =
    item.answerable && !result.refused ? citationsHoldEvidence(item, result) : null;
  return {
    id: item.id,
    dataset: input.dataset,
    kind: item.kind,
    question: item.question,
    answerable: item.answerable,
    reference: item.answer,
    evidence: item.evidence,
    answer: result.answer,
    refused: result.refused,
    ...(result.refusalReason === undefined ? {} : { refusalReason: result.refusalReason }),
    generator: result.generator,
    ...(result.notices === undefined ? {} : { notices: result.notices }),
    citations: result.citations.map(({ n, chunkId, source, section, text }) => ({
      n,
      chunkId,
      source,
      section,
      text,
    })),
    shown: input.shown.map(({ n, chunkId, section }) => ({ n, chunkId, section })),
    evidenceRanks,
    claims,
    citationChecks,
    faithfulness: claims.length === 0 ? null : (claims.length - unsupportedClaims) / claims.length,
    unsupportedClaims,
    citationPrecision:
      citationChecks.length === 0
        ? null
        : citationChecks.filter((check) => check.supported).length / citationChecks.length,
    contextPrecision,
    droppedCitations: result.droppedCitations,
    answerF1: item.answerable ? tokenF1(answerText, item.answer) : null,
    rougeL: item.answerable ? rougeL(answerText, item.answer) : null,
    answerSentences: sentences.length,
    sentencesOnEvidence: sentencesOnEvidenceOf(item, sentences),
    citedEvidence,
    ...(result.understoodAs === undefined ? {} : { understoodAs: result.understoodAs }),
    ...(item.followUp === undefined ? {} : { followUpExpected: item.followUp }),
    ...(input.followUpPredicted === undefined
      ? {}
      : { followUpPredicted: input.followUpPredicted }),
    ...(item.style === undefined ? {} : { style: item.style }),
    ...(item.split === undefined ? {} : { split: item.split }),
    latencyMs: Math.round(input.latencyMs * 10) / 10,
  };
}

/**
 * A cited passage is precise for a sentence when it supports at least one claim of that sentence
 * on its own. One check per (sentence, cited passage); the judge sees one passage at a time.
 */
async function checkCitations(
  claims: ReturnType<typeof splitClaims>,
  citations: Citation[],
  judge: Judge,
): Promise<QuestionRecord["citationChecks"]> {
  const sentences = new Map<number, { text: string[]; markers: number[] }>();
  for (const claim of claims) {
    const sentence = sentences.get(claim.sentence) ?? { text: [], markers: claim.markers };
    sentence.text.push(claim.text);
    sentences.set(claim.sentence, sentence);
  }
  const checks: QuestionRecord["citationChecks"] = [];
  for (const citation of citations) {
    const citing = [...sentences.values()].filter((sentence) =>
      sentence.markers.includes(citation.n),
    );
    if (citing.length === 0) continue;
    const verdicts = await judge.judge({
      claims: citing.flatMap((sentence) => sentence.text),
      passages: [{ text: citation.text, section: citation.section }],
    });
    let offset = 0;
    for (const sentence of citing) {
      const own = verdicts.slice(offset, offset + sentence.text.length);
      offset += sentence.text.length;
      checks.push({
        sentence: sentence.text.join(" "),
        n: citation.n,
        supported: own.some((verdict) => verdict.supported),
      });
    }
  }
  return checks;
}

/**
 * RAGAS context precision with reference evidence: mean of precision@k over the ranks k that hold
 * evidence, 0 when none does.
 */
export function averagePrecision(relevant: boolean[]): number {
  let hits = 0;
  let sum = 0;
  relevant.forEach((isRelevant, index) => {
    if (!isRelevant) return;
    hits++;
    sum += hits / (index + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}
