/**
 * Child process of the bench: builds one pipeline's index from scratch and prints one line
 * `BENCH_RESULT {json}` (an IngestionFigures). A process of its own, so that its peak RSS is
 * the build's alone and the model loads cold.
 *
 *   node --import tsx eval/bench/ingest-worker.ts ours  <index dir>
 *   node --import tsx eval/bench/ingest-worker.ts naive <output dir>
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import hnswlib from "hnswlib-node";
import type { Generator } from "../../src/answer/generator.ts";
import { createEmbedder, ingestOptions } from "../../src/create-services.ts";
import { HnswLangChainStore } from "../../src/eval/naive/hnsw-langchain-store.ts";
import { NaivePipeline } from "../../src/eval/naive/naive-pipeline.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { benchConfig } from "./bench-config.ts";
import type { IngestionFigures } from "./bench-report.ts";
import { InstrumentedEmbedder } from "./instrumented-embedder.ts";
import { diskUsage } from "./internal/disk-usage.ts";
import { PeakRssMonitor } from "./internal/peak-rss.ts";
import { NAIVE_STORE_DIR, REPLAY_FILE } from "./naive-files.ts";

const [pipeline, directory] = process.argv.slice(2);
if ((pipeline !== "ours" && pipeline !== "naive") || directory === undefined) {
  process.stderr.write("usage: ingest-worker.ts ours|naive <directory>\n");
  process.exit(2);
}

const monitor = new PeakRssMonitor();
const started = performance.now();
const config = benchConfig({ INDEX_DIR: directory });
const base = await createEmbedder(config);
// The first call loads the model; measured apart so that throughput is the model's alone.
await base.embedQuery("warm up");
const modelLoadMs = performance.now() - started;
const embedder = new InstrumentedEmbedder(base);

let figures: IngestionFigures;
if (pipeline === "ours") {
  const buildStarted = performance.now();
  const summary = await ingest({ ...ingestOptions(config, embedder), keepPrevious: 0 });
  const buildMs = performance.now() - buildStarted;
  const peak = monitor.stop();
  const usage = await diskUsage(directory);
  figures = {
    chunks: summary.chunkCount,
    embedMs: embedder.documentMs,
    embeddedCharacters: embedder.documentCharacters,
    modelLoadMs,
    buildMs,
    totalMs: performance.now() - started,
    indexBytes: usage.bytes,
    indexFiles: usage.files,
    peakRssBytes: peak.bytes,
    peakRssSource: peak.source,
    note: `ingest() into an empty folder: load, chunk, embed, HNSW + BM25, write version ${summary.version}`,
  };
} else {
  // NaivePipeline.build never calls the writer; the bench times answers in the parent process.
  const unused: Generator = {
    id: "unused",
    generate: () => {
      throw new Error("the ingest worker writes no answers");
    },
  };
  const buildStarted = performance.now();
  const naive = await NaivePipeline.build({
    corpusDir: config.CORPUS_DIR,
    embeddings: embedder,
    generator: unused,
  });
  const buildMs = performance.now() - buildStarted;
  const peak = monitor.stop();
  const saveStarted = performance.now();
  const storeDir = path.join(directory, NAIVE_STORE_DIR);
  await saveLikeHnswLib(storeDir, naive.chunks, embedder);
  const saveMs = performance.now() - saveStarted;
  const usage = await diskUsage(storeDir);
  await writeFile(
    path.join(directory, REPLAY_FILE),
    JSON.stringify(Object.fromEntries(embedder.vectorsByText)),
  );
  figures = {
    chunks: naive.chunks.length,
    embedMs: embedder.documentMs,
    embeddedCharacters: embedder.documentCharacters,
    modelLoadMs,
    buildMs,
    totalMs: performance.now() - started - saveMs,
    indexBytes: usage.bytes,
    indexFiles: usage.files,
    peakRssBytes: peak.bytes,
    peakRssSource: peak.source,
    note:
      "NaivePipeline.build(): split, embed, in-memory HNSW store; it writes nothing. Size on disk is " +
      `what LangChain's HNSWLib.save() layout holds for the same vectors (written by the bench in ${Math.round(saveMs)} ms, not in the build time)`,
  };
}
for (const key of ["embedMs", "modelLoadMs", "buildMs", "totalMs"] as const) {
  figures[key] = Math.round(figures[key] * 10) / 10;
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify(figures)}\n`);

/**
 * Writes the naive store as `@langchain/community`'s `HNSWLib.save()` does: `hnswlib.index`
 * (same space and graph settings), `docstore.json` (id → document) and `args.json`.
 */
async function saveLikeHnswLib(
  folder: string,
  chunks: NaivePipeline["chunks"],
  embedder: InstrumentedEmbedder,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const settings = new HnswLangChainStore(embedder).settings;
  const index = new hnswlib.HierarchicalNSW("cosine", embedder.dimensions);
  index.initIndex({
    maxElements: Math.max(chunks.length, 16),
    m: settings.m,
    efConstruction: settings.efConstruction,
    randomSeed: 100,
  });
  chunks.forEach((chunk, label) => {
    const vector = embedder.vectorsByText.get(chunk.text);
    if (vector === undefined) throw new Error(`no vector recorded for naive chunk ${chunk.id}`);
    index.addPoint(vector, label);
  });
  await index.writeIndex(path.join(folder, "hnswlib.index"));
  const docstore = chunks.map((chunk, label) => [
    String(label),
    { pageContent: chunk.text, metadata: { id: chunk.id } },
  ]);
  await writeFile(path.join(folder, "docstore.json"), JSON.stringify(docstore));
  await writeFile(
    path.join(folder, "args.json"),
    JSON.stringify({ space: "cosine", numDimensions: embedder.dimensions }),
  );
}
