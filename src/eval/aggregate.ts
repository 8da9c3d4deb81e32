import type { Metrics, QuestionRecord } from "./report/report-schema.ts";

/**
 * Aggregates per-question records into the report's metrics. Rates are fractions in [0, 1] and
 * null when nothing could be measured (no answerable question, nothing answered…).
 */
export function aggregate(records: QuestionRecord[]): Metrics {
  const answerable = records.filter((record) => record.answerable);
  const unanswerable = records.filter((record) => !record.answerable);
  const answered = records.filter((record) => !record.refused);
  const refused = records.filter((record) => record.refused);
  const withClaims = answered.filter((record) => record.faithfulness !== null);
  const answeredAnswerable = answerable.filter((record) => !record.refused);
  const turns = records.filter(
    (record) => record.followUpExpected !== undefined && record.followUpPredicted !== undefined,
  );
  const recallAt = (k: number) =>
    mean(
      answerable.map(
        (record) =>
          record.evidenceRanks.filter((rank) => rank >= 0 && rank < k).length /
          Math.max(1, record.evidenceRanks.length),
      ),
    );
  const reciprocalRank = (record: QuestionRecord) => {
    const found = record.evidenceRanks.filter((rank) => rank >= 0);
    return found.length === 0 ? 0 : 1 / (Math.min(...found) + 1);
  };
  const latencies = records.map((record) => record.latencyMs);
  return {
    questions: records.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    answered: answered.length,
    claims: answered.reduce((sum, record) => sum + record.claims.length, 0),
    unsupportedClaims: answered.reduce((sum, record) => sum + record.unsupportedClaims, 0),
    recallAt1: recallAt(1),
    recallAt5: recallAt(5),
    recallAt10: recallAt(10),
    mrr: mean(answerable.map(reciprocalRank)),
    contextPrecision: mean(answerable.map((record) => record.contextPrecision)),
    faithfulness: mean(withClaims.map((record) => record.faithfulness)),
    hallucinationRate: ratio(
      answered.filter((record) => record.unsupportedClaims > 0).length,
      answered.length,
    ),
    unanswerableAnsweredRate: ratio(
      unanswerable.filter((record) => !record.refused).length,
      unanswerable.length,
    ),
    refusalPrecision: ratio(refused.filter((record) => !record.answerable).length, refused.length),
    refusalRecall: ratio(
      unanswerable.filter((record) => record.refused).length,
      unanswerable.length,
    ),
    falseRefusalRate: ratio(
      answerable.filter((record) => record.refused).length,
      answerable.length,
    ),
    citationPrecision: mean(answered.map((record) => record.citationPrecision)),
    danglingCitations: records.reduce((sum, record) => sum + record.droppedCitations, 0),
    answerF1: mean(answerable.map((record) => record.answerF1)),
    rougeL: mean(answerable.map((record) => record.rougeL)),
    answerPrecision: ratio(
      sum(answeredAnswerable.map((record) => record.sentencesOnEvidence)),
      sum(answeredAnswerable.map((record) => record.answerSentences)),
    ),
    meanAnswerSentences: ratio(
      sum(answered.map((record) => record.answerSentences)),
      answered.length,
    ),
    citationEvidenceRate: ratio(
      answeredAnswerable.filter((record) => record.citedEvidence === true).length,
      answeredAnswerable.length,
    ),
    understoodChangedRate: ratio(
      records.filter(
        (record) => record.understoodAs !== undefined && record.understoodAs !== record.question,
      ).length,
      records.filter((record) => record.understoodAs !== undefined).length,
    ),
    followUpPrecision: ratio(
      turns.filter((record) => record.followUpPredicted && record.followUpExpected).length,
      turns.filter((record) => record.followUpPredicted).length,
    ),
    followUpRecall: ratio(
      turns.filter((record) => record.followUpPredicted && record.followUpExpected).length,
      turns.filter((record) => record.followUpExpected).length,
    ),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    generatorFallbacks: records.filter((record) => (record.notices?.length ?? 0) > 0).length,
  };
}

/** Metrics per value of `key` (kind, dataset), keys sorted. */
export function aggregateBy(
  records: QuestionRecord[],
  key: (record: QuestionRecord) => string,
): Record<string, Metrics> {
  const groups = new Map<string, QuestionRecord[]>();
  for (const record of records) {
    const name = key(record);
    groups.set(name, [...(groups.get(name) ?? []), record]);
  }
  return Object.fromEntries(
    [...groups.keys()].sort().map((name) => [name, aggregate(groups.get(name) ?? [])]),
  );
}

/** Mean of the values that are not null; null when there are none. */
export function mean(values: Array<number | null>): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0
    ? null
    : present.reduce((sum, value) => sum + value, 0) / present.length;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Nearest-rank percentile (`fraction` in (0, 1]); null for no values. */
export function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? null;
}
