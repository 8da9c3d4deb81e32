import { z } from "zod";

/** A share in [0, 1]; null when there was nothing to measure it on (never NaN). */
const rate = z.number().min(0).max(1).nullable();
const count = z.number().int().nonnegative();
const milliseconds = z.number().nonnegative().nullable();

/** Aggregated metrics of a set of questions; definitions in eval/README.md. */
export const metricsSchema = z.object({
  questions: count,
  answerable: count,
  unanswerable: count,
  answered: count,
  claims: count,
  unsupportedClaims: count,
  recallAt1: rate,
  recallAt5: rate,
  recallAt10: rate,
  mrr: rate,
  contextPrecision: rate,
  faithfulness: rate,
  hallucinationRate: rate,
  unanswerableAnsweredRate: rate,
  refusalPrecision: rate,
  refusalRecall: rate,
  falseRefusalRate: rate,
  citationPrecision: rate,
  danglingCitations: count,
  answerF1: rate,
  rougeL: rate,
  /** Answer sentences, items and rows that lie on the evidence (answered answerable questions). */
  answerPrecision: rate,
  /** Mean sentences (items, rows) per answer given. */
  meanAnswerSentences: z.number().nonnegative().nullable(),
  /** Answered answerable questions whose citations hold all their evidence. */
  citationEvidenceRate: rate,
  /** Questions whose understood form differs from what was typed. */
  understoodChangedRate: rate,
  /** Conversation turns: predicted follow-ups that were follow-ups, and follow-ups found. */
  followUpPrecision: rate,
  followUpRecall: rate,
  latencyP50Ms: milliseconds,
  latencyP95Ms: milliseconds,
  /** Answers where the LLM writer failed and the extractive one answered instead. */
  generatorFallbacks: count,
});

export type Metrics = z.infer<typeof metricsSchema>;

/** Metric names, in report order. */
export const METRIC_NAMES = Object.keys(metricsSchema.shape) as Array<keyof Metrics>;

export const judgedClaimSchema = z.object({
  text: z.string(),
  markers: z.array(z.number().int()),
  supported: z.boolean(),
  reason: z.string(),
  /** Number `n` of the shown passage that supports it (or came closest). */
  passage: z.number().int().optional(),
});

export const questionRecordSchema = z.object({
  id: z.string(),
  dataset: z.string(),
  kind: z.string(),
  question: z.string(),
  answerable: z.boolean(),
  reference: z.string(),
  evidence: z.array(z.string()),
  answer: z.string(),
  refused: z.boolean(),
  refusalReason: z.string().optional(),
  generator: z.string(),
  notices: z.array(z.string()).optional(),
  citations: z.array(
    z.object({
      n: z.number().int(),
      chunkId: z.string(),
      source: z.string(),
      section: z.string(),
      text: z.string(),
    }),
  ),
  /** Passages the writer was shown, by number. */
  shown: z.array(z.object({ n: z.number().int(), chunkId: z.string(), section: z.string() })),
  /** Rank (0-based) of each evidence string in the top 10 retrieved chunks; -1 when absent. */
  evidenceRanks: z.array(z.number().int()),
  claims: z.array(judgedClaimSchema),
  /** For each cited passage of each sentence: does it support that sentence? */
  citationChecks: z.array(
    z.object({ sentence: z.string(), n: z.number().int(), supported: z.boolean() }),
  ),
  faithfulness: rate,
  unsupportedClaims: count,
  citationPrecision: rate,
  contextPrecision: rate,
  droppedCitations: count,
  answerF1: rate,
  rougeL: rate,
  /** Sentences (items, rows) of the answer, and how many lie on the evidence. */
  answerSentences: count,
  sentencesOnEvidence: count,
  /** For an answered answerable question: do its citations hold all its evidence? */
  citedEvidence: z.boolean().nullable(),
  /** The normalised question that was searched. */
  understoodAs: z.string().optional(),
  /** For a conversation turn: whether it depends on the history, expected and as treated. */
  followUpExpected: z.boolean().optional(),
  followUpPredicted: z.boolean().optional(),
  style: z.string().optional(),
  split: z.string().optional(),
  latencyMs: z.number().nonnegative(),
});

export type QuestionRecord = z.infer<typeof questionRecordSchema>;

export const judgeReportSchema = z.object({
  name: z.string(),
  file: z.string(),
  pairs: count,
  balancedAccuracy: rate,
  precision: rate,
  recall: rate,
  specificity: rate,
  accuracy: rate,
  floor: z.number(),
  confusion: z.object({
    truePositive: count,
    falsePositive: count,
    trueNegative: count,
    falseNegative: count,
  }),
  byKind: z.record(
    z.string(),
    z.object({ pairs: count, correct: count, accuracy: z.number().min(0).max(1) }),
  ),
  misjudged: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      expected: z.boolean(),
      reason: z.string(),
      claim: z.string(),
    }),
  ),
  error: z.string().optional(),
});

export const breachSchema = z.object({
  metric: z.string(),
  bound: z.enum(["min", "max"]),
  threshold: z.number(),
  actual: z.number().nullable(),
  message: z.string(),
});

export type Breach = z.infer<typeof breachSchema>;

export const gateSchema = z.object({
  passed: z.boolean(),
  breaches: z.array(breachSchema),
  /** Thresholds that could not be checked because the metric had nothing to measure. */
  unmeasured: z.array(z.string()),
  thresholdsFile: z.string(),
  thresholds: z.record(
    z.string(),
    z.object({ min: z.number().optional(), max: z.number().optional() }),
  ),
});

export const baselineComparisonSchema = z.object({
  file: z.string(),
  deltas: z.record(
    z.string(),
    z.object({
      baseline: z.number().nullable(),
      current: z.number().nullable(),
      delta: z.number().nullable(),
      worse: z.boolean(),
    }),
  ),
  worseQuestions: z.array(
    z.object({ id: z.string(), question: z.string(), changes: z.array(z.string()) }),
  ),
});

export type BaselineComparison = z.infer<typeof baselineComparisonSchema>;

const breakdownSchema = z.record(z.string(), metricsSchema);

export const naiveReportSchema = z.object({
  description: z.string(),
  chunks: count,
  metrics: metricsSchema,
  byKind: breakdownSchema,
  questions: z.array(questionRecordSchema),
});

/** report.json: the fields the release issue asks for, and what is needed to trust them. */
export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  config: z.object({
    generator: z.string(),
    judge: z.string(),
    embedder: z.string(),
    index: z.object({
      directory: z.string(),
      version: z.string(),
      formatVersion: z.number(),
      builtAt: z.string(),
      chunkCount: count,
    }),
    datasets: z.array(z.object({ file: z.string(), name: z.string(), questions: count })),
    calibrationFile: z.string(),
    thresholdsFile: z.string(),
    compareNaive: z.boolean(),
    durationMs: z.number().nonnegative(),
  }),
  metrics: metricsSchema,
  byKind: breakdownSchema,
  byDataset: breakdownSchema,
  judge: judgeReportSchema,
  gate: gateSchema,
  baseline: baselineComparisonSchema.optional(),
  naive: naiveReportSchema.optional(),
  questions: z.array(questionRecordSchema),
});

export type Report = z.infer<typeof reportSchema>;
export type JudgeReport = z.infer<typeof judgeReportSchema>;
export type Gate = z.infer<typeof gateSchema>;
export type NaiveReport = z.infer<typeof naiveReportSchema>;
