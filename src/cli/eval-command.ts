import path from "node:path";
import type { Config } from "../config.ts";
import { createAssistant, createEmbedder, llmConnection } from "../create-services.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { UseEmbedder } from "../embedders/use-embedder.ts";
import { AppError } from "../errors/app-error.ts";
import { ConfigError } from "../errors/config-error.ts";
import { readBaseline } from "../eval/baseline.ts";
import { listQaDatasets, readDataset } from "../eval/dataset.ts";
import type { Judge } from "../eval/judge/judge.ts";
import { LlmJudge } from "../eval/judge/llm-judge.ts";
import { LocalJudge, nameLexicon } from "../eval/judge/local-judge.ts";
import { NaivePipeline } from "../eval/naive/naive-pipeline.ts";
import { renderTerminal } from "../eval/report/render-terminal.ts";
import { writeReports } from "../eval/report/write-reports.ts";
import { type LoadedDataset, runEvaluation } from "../eval/run-eval.ts";
import { readThresholds } from "../eval/thresholds.ts";
import type { EvalCommandOptions } from "./eval-options.ts";
import { embeddingProgress, progress } from "./progress.ts";

const DATASET_DIR = "eval/datasets";
const REPORTS_DIR = "eval/reports";

/**
 * `eval`: runs the datasets through the pipeline (and the naive baseline), judges every answer,
 * validates the judge, writes report.json/.md/.html and prints a summary. Returns 1 when the
 * release gate fails (a threshold breached or the judge below its floor), 0 otherwise.
 */
export async function evalCommand(config: Config, options: EvalCommandOptions): Promise<number> {
  const connection = llmConnection(config);
  if ((options.generator === "openai" || options.judge === "llm") && connection === undefined) {
    const flag = options.generator === "openai" ? "--generator openai" : "--judge llm";
    throw new ConfigError(
      `${flag} needs a chat model: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (an OpenAI-compatible server such as Ollama or vLLM); neither is set`,
    );
  }
  // Everything read from disk is checked before any model loads, so mistakes fail fast.
  const files =
    options.dataset.length > 0 ? options.dataset : (await listQaDatasets(DATASET_DIR)).files;
  if (files.length === 0) {
    throw new AppError(`no QA datasets found in ${DATASET_DIR}; pass --dataset FILE`, {
      code: "dataset_missing",
      exitCode: 2,
    });
  }
  const datasets: LoadedDataset[] = [];
  for (const file of files) {
    const items = (await readDataset(file)).filter(
      (item) =>
        options.split === undefined || item.split === undefined || item.split === options.split,
    );
    if (items.length > 0) datasets.push({ file, items });
  }
  const thresholds = { file: options.thresholds, values: await readThresholds(options.thresholds) };
  const baseline =
    options.baseline === undefined
      ? undefined
      : { file: options.baseline, report: await readBaseline(options.baseline) };

  const embedder = await createEmbedder(config);
  const build = embeddingProgress("Building the index");
  // The extractive run must not pick up an LLM just because OPENAI_* is set in the environment.
  const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, ...offline } = config;
  const { assistant } = await createAssistant(options.generator === "openai" ? config : offline, {
    embedder,
    onEmbedProgress: build.onProgress,
  });
  build.stop();
  // The local judge's tie-breaker is always the offline default encoder, whatever the pipeline uses.
  const judgeEmbedder: Embedder = embedder instanceof UseEmbedder ? embedder : new UseEmbedder();
  const judge: Judge =
    options.judge === "llm" && connection !== undefined
      ? new LlmJudge({ ...connection, timeoutMs: config.LLM_TIMEOUT_MS * 2 })
      : new LocalJudge({
          embedder: judgeEmbedder,
          knownNames: nameLexicon(assistant.index.chunks.map((chunk) => chunk.text)),
        });
  const naive = options.compareNaive
    ? await NaivePipeline.build({
        corpusDir: config.CORPUS_DIR,
        embeddings: embedder,
        generator: assistant.generator,
      })
    : undefined;

  // Stage names are at most 17 characters ("judge calibration"), so the bars line up.
  const stages = progress({ labelWidth: 17 });
  const report = await runEvaluation({
    assistant,
    datasets,
    judge,
    calibrationFile: options.calibration,
    thresholds,
    ...(naive === undefined ? {} : { naive }),
    ...(baseline === undefined ? {} : { baseline }),
    generatorId: assistant.generator.id,
    embedderId: embedder.id,
    onProgress: stages.update,
  });
  stages.stop();

  const outDir = options.out ?? path.join(REPORTS_DIR, timestamp(new Date(report.createdAt)));
  await writeReports(report, outDir);
  if (options.json) {
    const { questions: _questions, naive: naiveReport, ...summary } = report;
    const naiveSummary =
      naiveReport === undefined
        ? {}
        : { naive: { metrics: naiveReport.metrics, byKind: naiveReport.byKind } };
    process.stdout.write(`${JSON.stringify({ ...summary, ...naiveSummary, reportDir: outDir })}\n`);
  } else {
    process.stdout.write(renderTerminal(report, outDir));
  }
  return report.gate.passed ? 0 : 1;
}

/** `2026-11-27T09-41-03Z`: sortable and valid in every file system. */
function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}
