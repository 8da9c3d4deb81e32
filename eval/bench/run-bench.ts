/**
 * `npm run bench`: measures our pipeline and the naive LangChain pipeline in one run, prints a
 * Markdown table and writes `eval/bench/results/<timestamp>/bench.json` and `bench.md`. It only
 * measures: nothing here asserts or fails on a figure. See `--help` for sizes and durations.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Config } from "../../src/config.ts";
import { createEmbedder, hnswSettings } from "../../src/create-services.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";
import { type LoadedIndex, loadIndex } from "../../src/index/index-store.ts";
import { benchConfig } from "./bench-config.ts";
import { type BenchOptions, parseBenchOptions, USAGE } from "./bench-options.ts";
import { loadDevQuestions, loadDistinctQuestions } from "./bench-questions.ts";
import type { BenchReport } from "./bench-report.ts";
import { describeEnvironment } from "./environment.ts";
import { formatJson } from "./internal/format-json.ts";
import { measureCluster } from "./measure-cluster.ts";
import { measureColdStart } from "./measure-cold-start.ts";
import { asError, measureIngestion } from "./measure-ingestion.ts";
import { measureNaiveLoad, measureOursLoad } from "./measure-load.ts";
import { measureQueries } from "./measure-queries.ts";
import { measureServing } from "./measure-serving.ts";
import {
  measureCorpusVectorSearch,
  measureSyntheticVectorSearch,
} from "./measure-vector-search.ts";
import { REPLAY_FILE } from "./naive-files.ts";
import { renderMarkdown } from "./render-markdown.ts";

/** Questions the load cycles through: a spread of dev questions. */
const LOAD_QUESTIONS = 8;

/** What the sections after ingestion share. */
type Context = {
  options: BenchOptions;
  report: BenchReport;
  config: Config;
  embedder: Embedder;
  index: LoadedIndex;
  indexDir: string;
  naiveDir: string;
  /** Naive document vectors from its ingest worker; empty when that build failed. */
  naiveVectors: Map<string, number[]>;
  questions: string[];
};

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** `2026-11-27T09-41-03Z`: sortable and valid in every file system (as `npm run eval`). */
function timestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

async function readReplayVectors(naiveDir: string): Promise<Map<string, number[]>> {
  try {
    const raw = JSON.parse(await readFile(path.join(naiveDir, REPLAY_FILE), "utf8")) as Record<
      string,
      number[]
    >;
    return new Map(Object.entries(raw));
  } catch {
    return new Map();
  }
}

/** Runs one section, records its wall time, and turns a failure into a note. */
async function section(
  report: BenchReport,
  key: string,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  try {
    await body();
  } catch (error) {
    report.notes.push(`${name} could not be measured: ${asError(error).message}`);
  } finally {
    report.sectionMs[key] = Math.round(performance.now() - started);
  }
}

async function queriesSection(context: Context): Promise<void> {
  const { questions, report } = context;
  log(`queries: ${questions.length} dev questions, warm-up + 2 passes, plain and cached…`);
  const queries = await measureQueries({
    config: context.config,
    embedder: context.embedder,
    index: context.index,
    naiveVectors: context.naiveVectors,
    questions,
    cacheSize: context.options.cacheSize,
  });
  report.queries = { ours: queries.ours, naive: queries.naive };
  if (queries.naiveReembedded > 0) {
    report.notes.push(
      `The naive store re-embedded ${queries.naiveReembedded} chunks in the bench process.`,
    );
  }
}

async function coldStartSection(context: Context): Promise<void> {
  log(`cold start: ${context.options.coldRuns} × (ask, serve)…`);
  context.report.coldStart = await measureColdStart({
    indexDir: context.indexDir,
    question: context.questions[0] ?? "What is DVC used for?",
    runs: context.options.coldRuns,
  });
  context.report.notes.push(
    "Cold start is measured for ours only: the naive pipeline has no CLI or server of its own and keeps no index on disk (it embeds the corpus again at every start).",
  );
}

async function loadSection(context: Context): Promise<void> {
  const { options, report } = context;
  const spread = Math.max(1, Math.floor(context.questions.length / LOAD_QUESTIONS));
  const settings = {
    questions: context.questions
      .filter((_, position) => position % spread === 0)
      .slice(0, LOAD_QUESTIONS),
    connections: options.connections,
    duration: options.duration,
    indexDir: context.indexDir,
  };
  report.load = {};
  log(`load: ours, ${options.connections} connections × ${options.duration} s…`);
  try {
    report.load.ours = await measureOursLoad({ ...settings, logLevel: options.serverLogLevel });
  } catch (error) {
    report.notes.push(`Load on our server could not be measured: ${asError(error).message}`);
  }
  if (context.naiveVectors.size === 0) {
    report.notes.push("Throughput is ours only: the naive build failed.");
    return;
  }
  log(`load: naive, ${options.connections} connections × ${options.duration} s…`);
  report.load.naive = await measureNaiveLoad({ ...settings, naiveDir: context.naiveDir });
}

async function servingSection(context: Context): Promise<void> {
  const { options, report } = context;
  const questions = await loadDistinctQuestions(options.servingQuestions);
  log(
    `serving: ${questions.length} distinct questions once each, then a mix of ${options.mixRequests} with repeats, ${options.connections} connections; ours then naive…`,
  );
  report.serving = await measureServing({
    questions,
    mixRequests: options.mixRequests,
    connections: options.connections,
    indexDir: context.indexDir,
    naiveDir: context.naiveVectors.size === 0 ? undefined : context.naiveDir,
    logLevel: options.serverLogLevel,
  });
  if (context.naiveVectors.size === 0)
    report.notes.push("Serving is ours only: the naive build failed.");
}

async function clusterSection(context: Context): Promise<void> {
  const { options, report } = context;
  report.cluster = await measureCluster(
    {
      questions: await loadDistinctQuestions(options.servingQuestions),
      mixRequests: options.mixRequests,
      connections: options.connections,
      indexDir: context.indexDir,
      logLevel: options.serverLogLevel,
    },
    log,
  );
  if ("skipped" in report.cluster) log(`cluster: skipped (${report.cluster.skipped})`);
}

async function vectorsSection(context: Context): Promise<void> {
  const { options, report, embedder } = context;
  const settings = hnswSettings(context.config);
  report.vectorSearch = [];
  log("vectors: HNSW vs exact at corpus size…");
  const queries: number[][] = [];
  for (const question of context.questions) queries.push(await embedder.embedQuery(question));
  report.vectorSearch.push(
    measureCorpusVectorSearch({ hnsw: context.index.vectorIndex, settings, queries }),
  );
  const dimensions = options.syntheticDimensions;
  log(
    `vectors: synthetic ${options.syntheticSize} × ${dimensions} (build budget ${options.syntheticBudget} s)…`,
  );
  const synthetic = measureSyntheticVectorSearch({
    size: options.syntheticSize,
    dimensions,
    queries: options.syntheticQueries,
    settings,
    budgetSeconds: options.syntheticBudget,
    onProgress: (message) => log(`vectors: ${message}`),
  });
  report.vectorSearch.push(synthetic);
  if (synthetic.note !== undefined) report.notes.push(`Synthetic set: ${synthetic.note}.`);
  if (dimensions !== embedder.dimensions) {
    report.notes.push(
      `Synthetic vectors have ${dimensions} dimensions, not the embedder's ${embedder.dimensions}, to keep the build within minutes; \`--synthetic-dims ${embedder.dimensions}\` measures at the embedder's size.`,
    );
  }
}

async function run(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const environment = describeEnvironment(benchConfig().EMBEDDER);
  const report: BenchReport = {
    createdAt: new Date().toISOString(),
    options: { ...options, skip: [...options.skip] },
    environment,
    durationMs: 0,
    sectionMs: {},
    notes: [],
  };
  const temporary = await mkdtemp(path.join(os.tmpdir(), "study-assistant-bench-"));
  const indexDir = path.join(temporary, "ours-index");
  const naiveDir = path.join(temporary, "naive");
  await mkdir(naiveDir);
  try {
    // Every later section needs our index, so a failed build of ours ends the run.
    const ingestStarted = performance.now();
    log(
      `ingestion: building both pipelines from scratch${options.parallelBuilds ? " (in parallel)" : ""}…`,
    );
    const ingestion = await measureIngestion({
      oursIndexDir: indexDir,
      naiveDir,
      parallel: options.parallelBuilds,
    });
    report.sectionMs.ingestion = Math.round(performance.now() - ingestStarted);
    report.ingestion = { ours: ingestion.ours, parallel: options.parallelBuilds };
    if (ingestion.naive instanceof Error) {
      report.notes.push(`Naive ingestion failed: ${ingestion.naive.message}`);
    } else {
      report.ingestion.naive = ingestion.naive;
      report.notes.push(`Naive index size: ${ingestion.naive.note}.`);
    }

    const config = benchConfig({ INDEX_DIR: indexDir });
    const embedder = await createEmbedder(config);
    environment.embedder = embedder.id;
    const context: Context = {
      options,
      report,
      config,
      embedder,
      index: await loadIndex(indexDir, embedder),
      indexDir,
      naiveDir,
      naiveVectors:
        ingestion.naive instanceof Error ? new Map() : await readReplayVectors(naiveDir),
      questions: await loadDevQuestions(options.questions),
    };
    const sections = [
      ["queries", "Query latency", queriesSection],
      ["cold-start", "Cold start", coldStartSection],
      ["load", "Load", loadSection],
      ["serving", "Serving", servingSection],
      ["cluster", "Cluster", clusterSection],
      ["vectors", "HNSW vs exact", vectorsSection],
    ] as const;
    for (const [key, name, body] of sections) {
      if (!options.skip.has(key)) await section(report, key, name, () => body(context));
    }
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
  environment.loadAverageEnd = os.loadavg().map((value) => Math.round(value * 100) / 100);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

const options = (() => {
  try {
    return parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${asError(error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const report = await run(options);
const folder = path.join(options.out, timestamp(new Date(report.createdAt)));
await mkdir(folder, { recursive: true });
const markdown = renderMarkdown(report);
await writeFile(path.join(folder, "bench.json"), formatJson(report));
await writeFile(path.join(folder, "bench.md"), markdown);
process.stdout.write(`${markdown}\nWrote ${folder}/bench.json and bench.md\n`);
// Nothing should be left running, but a stray keep-alive socket must not keep the bench alive.
process.exit(0);
