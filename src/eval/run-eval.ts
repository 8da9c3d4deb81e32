import path from "node:path";
import type { AnswerResult, Citation } from "../answer/answer.ts";
import type { Assistant } from "../answer/assistant.ts";
import { AppError } from "../errors/app-error.ts";
import { aggregate, aggregateBy } from "./aggregate.ts";
import { assessAnswer } from "./assess-answer.ts";
import { compareWithBaseline } from "./baseline.ts";
import type { EvalItem } from "./dataset.ts";
import { type JudgeValidation, readCalibrationSet, validateJudge } from "./judge/calibration.ts";
import type { Judge } from "./judge/judge.ts";
import { NAIVE_DESCRIPTION, type NaivePipeline } from "./naive/naive-pipeline.ts";
import type { JudgeReport, QuestionRecord, Report } from "./report/report-schema.ts";
import { applyGate, DEFAULT_JUDGE_FLOOR, type Thresholds } from "./thresholds.ts";

/** A dataset to run: its file and its items. */
export type LoadedDataset = { file: string; items: EvalItem[] };

/** Reports what the run is doing: a stage label and how far it got. */
export type EvalProgress = (stage: string, done: number, total: number) => void;

export type EvalRunOptions = {
  assistant: Assistant;
  datasets: LoadedDataset[];
  judge: Judge;
  /** Labelled pairs the judge is validated on; a missing file fails the gate, not the run. */
  calibrationFile: string;
  thresholds: { file: string; values: Thresholds };
  /** The peer baseline, run on the same questions when given. */
  naive?: NaivePipeline;
  /** An earlier report to compare with. */
  baseline?: { file: string; report: Pick<Report, "metrics" | "questions"> };
  /** Names of the parts, for `config`. */
  generatorId: string;
  embedderId: string;
  onProgress?: EvalProgress;
};

/** How many pairs a remote judge checks at once. */
const REMOTE_JUDGE_CONCURRENCY = 4;

/**
 * Runs the release eval: every question through the assistant (and the naive baseline), every
 * answer judged, the judge validated on its calibration set, metrics aggregated overall, per kind
 * and per dataset, the gate applied and the baseline compared. Writes nothing: see `writeReports`.
 */
export async function runEvaluation(options: EvalRunOptions): Promise<Report> {
  const started = performance.now();
  const judgeReport = await validate(options);
  const questions: QuestionRecord[] = [];
  const total = options.datasets.reduce((sum, dataset) => sum + dataset.items.length, 0);
  for (const dataset of options.datasets) {
    const name = path.basename(dataset.file);
    for (const item of dataset.items) {
      const answered = await askAssistant(options.assistant, item);
      questions.push(
        await assessAnswer(
          { item, dataset: name, ...answered, contextSize: answered.contextSize },
          options.judge,
        ),
      );
      options.onProgress?.("questions", questions.length, total);
    }
  }
  let naive: Report["naive"];
  if (options.naive !== undefined) {
    const naiveQuestions: QuestionRecord[] = [];
    for (const dataset of options.datasets) {
      const name = path.basename(dataset.file);
      for (const item of dataset.items) {
        const startedAt = performance.now();
        const { result, shown } = await options.naive.ask(item.question);
        const latencyMs = performance.now() - startedAt;
        naiveQuestions.push(
          await assessAnswer(
            { item, dataset: name, result, shown, contextSize: shown.length, latencyMs },
            options.judge,
          ),
        );
        options.onProgress?.("naive baseline", naiveQuestions.length, total);
      }
    }
    naive = {
      description: NAIVE_DESCRIPTION,
      chunks: options.naive.chunks.length,
      metrics: aggregate(naiveQuestions),
      byKind: aggregateBy(naiveQuestions, (record) => record.kind),
      questions: naiveQuestions,
    };
  }
  const metrics = aggregate(questions);
  const gate = applyGate(metrics, judgeReport, options.thresholds.values, options.thresholds.file);
  const { manifest, directory } = options.assistant.index;
  return {
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    config: {
      generator: options.generatorId,
      judge: options.judge.id,
      embedder: options.embedderId,
      index: {
        directory,
        version: manifest.version,
        formatVersion: manifest.formatVersion,
        builtAt: manifest.builtAt,
        chunkCount: manifest.chunkCount,
      },
      datasets: options.datasets.map((dataset) => ({
        file: dataset.file,
        name: path.basename(dataset.file),
        questions: dataset.items.length,
      })),
      calibrationFile: options.calibrationFile,
      thresholdsFile: options.thresholds.file,
      compareNaive: options.naive !== undefined,
      durationMs: Math.round(performance.now() - started),
    },
    metrics,
    byKind: aggregateBy(questions, (record) => record.kind),
    byDataset: aggregateBy(questions, (record) => record.dataset),
    judge: judgeReport,
    gate,
    ...(options.baseline === undefined
      ? {}
      : {
          baseline: compareWithBaseline(
            { metrics, questions },
            options.baseline.report,
            options.baseline.file,
          ),
        }),
    ...(naive === undefined ? {} : { naive }),
    questions,
  };
}

/** The judge's numbers on its calibration set; a set that cannot be read leaves it unvalidated. */
async function validate(options: EvalRunOptions): Promise<JudgeReport> {
  let validation: JudgeValidation;
  try {
    const pairs = await readCalibrationSet(options.calibrationFile);
    validation = await validateJudge(options.judge, pairs, {
      file: options.calibrationFile,
      concurrency: options.judge.id === "local" ? 1 : REMOTE_JUDGE_CONCURRENCY,
      ...(options.onProgress === undefined
        ? {}
        : {
            onProgress: (done: number, total: number) =>
              options.onProgress?.("judge calibration", done, total),
          }),
    });
  } catch (error) {
    // A judge that fails outright (unreachable model) stops the run; a missing set only the gate.
    if (!(error instanceof AppError) || !error.code.startsWith("calibration_")) throw error;
    validation = {
      name: options.judge.id,
      file: options.calibrationFile,
      pairs: 0,
      balancedAccuracy: null,
      precision: null,
      recall: null,
      specificity: null,
      accuracy: null,
      confusion: { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 },
      byKind: {},
      misjudged: [],
      error: error.message,
    };
  }
  const floor = options.thresholds.values.judgeBalancedAccuracy?.min ?? DEFAULT_JUDGE_FLOOR;
  return { ...validation, floor };
}

/**
 * Asks the assistant through its event stream, so the passages shown to the writer (the
 * `retrieval` event) are known as well as the final answer.
 */
async function askAssistant(
  assistant: Assistant,
  item: EvalItem,
): Promise<{
  result: AnswerResult;
  shown: Citation[];
  latencyMs: number;
  contextSize: number;
  followUpPredicted?: boolean;
}> {
  const started = performance.now();
  let shown: Citation[] = [];
  const history = item.history ?? [];
  // A conversation turn: was it treated as depending on the history? (Rewritten or not.)
  const followUp =
    history.length === 0 ? {} : { followUpPredicted: assistant.isFollowUp(item.question, history) };
  for await (const event of assistant.stream(item.question, { id: item.id, history })) {
    switch (event.type) {
      case "retrieval":
        shown = event.citations;
        break;
      case "answer-end": {
        const latencyMs = performance.now() - started;
        // A refusal shows nothing; its context is still the top passages the writer would see.
        const contextSize = shown.length > 0 ? shown.length : DEFAULT_PASSAGES_SHOWN;
        return { result: event.answer, shown, latencyMs, contextSize, ...followUp };
      }
      case "error":
        throw new AppError(`${item.id}: ${event.message}`, { code: event.code });
      case "text-delta":
      case "notice":
        break;
      default: {
        const unknown: never = event;
        throw new Error(`unknown assistant event ${JSON.stringify(unknown)}`);
      }
    }
  }
  throw new AppError(`${item.id}: the answer stream ended without an answer`, {
    code: "no_answer",
  });
}

/** The assistant's default number of passages shown to the writer (`passagesShown`). */
const DEFAULT_PASSAGES_SHOWN = 5;
