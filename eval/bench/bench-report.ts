import type { ClusterFigures } from "./measure-cluster.ts";
import type { LatencySummary } from "./statistics.ts";

/** What one index build cost (one child process, model loaded cold). */
export type IngestionFigures = {
  chunks: number;
  /** Time inside `embedDocuments`, model already loaded. */
  embedMs: number;
  embeddedCharacters: number;
  /** Loading the embedding model (first call), before the build. */
  modelLoadMs: number;
  /** The build call itself, from an empty folder, model loaded. */
  buildMs: number;
  /** Model load + build, from process start of the work. */
  totalMs: number;
  indexBytes: number;
  indexFiles: Record<string, number>;
  /** Peak resident memory of the building process. */
  peakRssBytes: number;
  peakRssSource: "VmHWM" | "sampled";
  /** Wall time of the worker process, spawn to exit (Node and tsx start, model load, build). */
  processMs?: number;
  note: string;
};

/** Query latency of one pipeline, per pass over the dev questions (ms). */
export type QueryFigures = {
  questions: number;
  /** Warm, no cache: embedding + search (+ BM25 and fusion for ours). */
  retrieval: LatencySummary;
  /** Warm, no cache: the whole offline answer. */
  answer: LatencySummary;
  /** LRU on, first pass over the list: every query a miss (the cache's overhead). */
  answerCachedFirstPass: LatencySummary;
  /** LRU on, second pass: every query a hit. */
  answerCachedSecondPass: LatencySummary;
  retrievalCachedSecondPass: LatencySummary;
  cacheHitRateSecondPass: number;
  refusals: number;
};

export type ColdStartFigures = {
  /** `node bin/study-assistant.js ask --json "…"`, spawn to exit (ms). */
  askMs: number[];
  /** `serve` with PORT=0: spawn to the log line with its URL (ms). */
  serveUrlMs: number[];
  /** Spawn until `/api/health` first answers 200 (ms). */
  serveHealthMs: number[];
  /** Spawn until the first `POST /api/chat` answer (the model loads on the first question). */
  serveFirstAnswerMs: number[];
};

export type VectorSearchFigures = {
  label: string;
  vectors: number;
  dimensions: number;
  /** Vectors asked for; smaller than `vectors` when the build hit its time budget. */
  requestedVectors: number;
  queries: number;
  queryKind: string;
  k: number;
  hnsw: { m: number; efConstruction: number; efSearch: number };
  /** HNSW build time (ms); undefined when the index was loaded from disk. */
  hnswBuildMs: number | undefined;
  exactBuildMs: number;
  /** Mean share of exact top-k labels that HNSW also returned. */
  recallAtK: number;
  /** Lowest per-query recall. */
  minRecallAtK: number;
  hnswLatency: LatencySummary;
  exactLatency: LatencySummary;
  /** The same HNSW queries with larger candidate lists (ef), against the same exact top-k. */
  efSweep: Array<{ efSearch: number; recallAtK: number; hnswLatency: LatencySummary }>;
  note?: string;
};

export type LoadFigures = {
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; mean: number; max: number };
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Peak RSS of the server process after warm-up and load (VmHWM; Linux only). */
  serverPeakRssBytes: number | undefined;
  middleware: string;
};

export type EnvironmentFigures = {
  date: string;
  node: string;
  platform: string;
  cpuModel: string;
  cpus: number;
  totalMemoryBytes: number;
  loadAverageStart: number[];
  loadAverageEnd: number[];
  gitCommit: string | undefined;
  gitDirty: boolean | undefined;
  embedder: string;
};

/** One run of requests against one server process. */
export type ServingPhase = {
  label: string;
  requests: number;
  distinct: number;
  seconds: number;
  /** Successful answers per second of the run. */
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  /** The server's CPU time (every thread) over the run, per answer; undefined off Linux. */
  cpuMsPerAnswer: number | undefined;
  failures: number;
};

/** `POST /api/chat` on one process: unique questions, a mix with repeats, one at a time. */
export type ServingFigures = {
  connections: number;
  unique: ServingPhase;
  mix: ServingPhase;
  /** One request at a time, questions the server has not seen. */
  sequentialNew: LatencySummary;
  /** One request at a time, questions of the mix asked again: the warm answer. */
  sequentialRepeated: LatencySummary;
  peakRssBytes: number | undefined;
  /** Cache counters from `/metrics` at the end (ours), per `cache` label. */
  caches?: Record<string, { hits: number; misses: number; evictions: number }>;
};

/** Ours and naive side by side; either may be missing when it could not be measured. */
export type Pair<T> = { ours?: T; naive?: T };

/** bench.json */
export type BenchReport = {
  createdAt: string;
  options: Record<string, unknown>;
  environment: EnvironmentFigures;
  durationMs: number;
  ingestion?: Pair<IngestionFigures> & { parallel: boolean };
  queries?: Pair<QueryFigures>;
  coldStart?: ColdStartFigures;
  vectorSearch?: VectorSearchFigures[];
  load?: Pair<LoadFigures>;
  serving?: Pair<ServingFigures>;
  /** One process vs `npm run cluster` (eval/bench/measure-cluster.ts). */
  cluster?: ClusterFigures | { skipped: string };
  /** Wall time of each section (ms). */
  sectionMs: Record<string, number>;
  /** Parts that failed or were left out, with why. */
  notes: string[];
};
