import type { Metrics } from "./report-schema.ts";

/** How a metric is shown: its short and long names, its unit and which way is better. */
export type MetricLabel = {
  short: string;
  long: string;
  unit: "rate" | "count" | "mean" | "ms";
  better: "higher" | "lower" | "neither";
};

export const METRIC_LABELS: Record<keyof Metrics, MetricLabel> = {
  questions: { short: "n", long: "questions", unit: "count", better: "neither" },
  answerable: {
    short: "answerable",
    long: "answerable questions",
    unit: "count",
    better: "neither",
  },
  unanswerable: {
    short: "unanswerable",
    long: "unanswerable questions",
    unit: "count",
    better: "neither",
  },
  answered: {
    short: "answered",
    long: "questions answered (not refused)",
    unit: "count",
    better: "neither",
  },
  claims: { short: "claims", long: "claims judged", unit: "count", better: "neither" },
  unsupportedClaims: { short: "unsup", long: "unsupported claims", unit: "count", better: "lower" },
  recallAt1: { short: "R@1", long: "recall@1", unit: "rate", better: "higher" },
  recallAt5: { short: "R@5", long: "recall@5", unit: "rate", better: "higher" },
  recallAt10: { short: "R@10", long: "recall@10", unit: "rate", better: "higher" },
  mrr: { short: "MRR", long: "mean reciprocal rank", unit: "rate", better: "higher" },
  contextPrecision: { short: "CtxP", long: "context precision", unit: "rate", better: "higher" },
  faithfulness: { short: "Faith", long: "faithfulness", unit: "rate", better: "higher" },
  hallucinationRate: { short: "Halluc", long: "hallucination rate", unit: "rate", better: "lower" },
  unanswerableAnsweredRate: {
    short: "UnansAns",
    long: "unanswerable questions answered",
    unit: "rate",
    better: "lower",
  },
  refusalPrecision: { short: "RefP", long: "refusal precision", unit: "rate", better: "higher" },
  refusalRecall: { short: "RefR", long: "refusal recall", unit: "rate", better: "higher" },
  falseRefusalRate: {
    short: "FalseRef",
    long: "false-refusal rate",
    unit: "rate",
    better: "lower",
  },
  citationPrecision: { short: "CitP", long: "citation precision", unit: "rate", better: "higher" },
  danglingCitations: { short: "Dangl", long: "dangling citations", unit: "count", better: "lower" },
  answerF1: { short: "F1", long: "answer token F1", unit: "rate", better: "higher" },
  rougeL: { short: "ROUGE-L", long: "answer ROUGE-L", unit: "rate", better: "higher" },
  answerPrecision: {
    short: "AnsP",
    long: "answer sentences on the evidence",
    unit: "rate",
    better: "higher",
  },
  meanAnswerSentences: {
    short: "Len",
    long: "sentences per answer",
    unit: "mean",
    better: "neither",
  },
  citationEvidenceRate: {
    short: "CitEv",
    long: "answers whose citations hold the evidence",
    unit: "rate",
    better: "higher",
  },
  understoodChangedRate: {
    short: "Underst",
    long: "questions normalised before search",
    unit: "rate",
    better: "neither",
  },
  followUpPrecision: { short: "FupP", long: "follow-up precision", unit: "rate", better: "higher" },
  followUpRecall: { short: "FupR", long: "follow-up recall", unit: "rate", better: "higher" },
  latencyP50Ms: { short: "p50", long: "latency p50", unit: "ms", better: "lower" },
  latencyP95Ms: { short: "p95", long: "latency p95", unit: "ms", better: "lower" },
  generatorFallbacks: { short: "fallbk", long: "LLM fallbacks", unit: "count", better: "lower" },
};

/** A metric value as text: "94.0%", "12", "21 ms", "–" when not measured. */
export function formatMetric(
  name: keyof Metrics | string,
  value: number | null | undefined,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const unit = (METRIC_LABELS as Record<string, MetricLabel | undefined>)[name]?.unit ?? "rate";
  if (unit === "ms") return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  if (unit === "count") return String(value);
  if (unit === "mean") return value.toFixed(2);
  return `${(value * 100).toFixed(1)}%`;
}

/** A difference as text: "+1.2 pt", "−3 ms", "+2". */
export function formatDelta(name: keyof Metrics | string, delta: number | null): string {
  if (delta === null || Number.isNaN(delta)) return "–";
  const unit = (METRIC_LABELS as Record<string, MetricLabel | undefined>)[name]?.unit ?? "rate";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  const size = Math.abs(delta);
  if (unit === "ms") return `${sign}${size.toFixed(1)} ms`;
  if (unit === "count") return `${sign}${size}`;
  if (unit === "mean") return `${sign}${size.toFixed(2)}`;
  return `${sign}${(size * 100).toFixed(1)} pt`;
}

/** Columns of the two summary tables: retrieval and refusal, then the answers. */
export const RETRIEVAL_COLUMNS: Array<keyof Metrics> = [
  "questions",
  "recallAt1",
  "recallAt5",
  "recallAt10",
  "mrr",
  "contextPrecision",
  "refusalPrecision",
  "refusalRecall",
  "falseRefusalRate",
  "unanswerableAnsweredRate",
];

export const ANSWER_COLUMNS: Array<keyof Metrics> = [
  "answered",
  "faithfulness",
  "hallucinationRate",
  "citationPrecision",
  "citationEvidenceRate",
  "danglingCitations",
  "answerPrecision",
  "meanAnswerSentences",
  "answerF1",
  "rougeL",
  "latencyP50Ms",
  "latencyP95Ms",
];

/** How questions were understood: normalised before search, follow-ups recognised. */
export const UNDERSTANDING_COLUMNS: Array<keyof Metrics> = [
  "questions",
  "understoodChangedRate",
  "followUpPrecision",
  "followUpRecall",
];

/** Metrics shown side by side with the naive baseline and in baseline deltas. */
export const HEADLINE_METRICS: Array<keyof Metrics> = [
  "recallAt1",
  "recallAt5",
  "recallAt10",
  "mrr",
  "contextPrecision",
  "faithfulness",
  "hallucinationRate",
  "unanswerableAnsweredRate",
  "refusalPrecision",
  "refusalRecall",
  "falseRefusalRate",
  "citationPrecision",
  "citationEvidenceRate",
  "danglingCitations",
  "answerPrecision",
  "meanAnswerSentences",
  "answerF1",
  "rougeL",
  "latencyP50Ms",
  "latencyP95Ms",
];
