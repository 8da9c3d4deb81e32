import { parseArgs } from "node:util";

/** The parts of the bench after ingestion (which the others need); `--skip` leaves some out. */
export const SECTIONS = ["queries", "cold-start", "load", "serving", "cluster", "vectors"] as const;
export type Section = (typeof SECTIONS)[number];

/** Sizes and durations of one bench run; every field has a flag. */
export type BenchOptions = {
  quick: boolean;
  /** Dev questions timed per pass; all of them when undefined. Quick: 40. */
  questions: number | undefined;
  /** Query-embedding LRU capacity for the cached passes. @default 1000 */
  cacheSize: number;
  /** Repetitions of each cold start (`ask`, `serve`). @default 5 (quick 2) */
  coldRuns: number;
  /** Seconds of load per server. @default 10 (quick 4) */
  duration: number;
  /** Concurrent connections of the load. @default 10 */
  connections: number;
  /** Distinct questions of the serving runs; all of them when undefined. Quick: 200. */
  servingQuestions: number | undefined;
  /** Requests of the serving runs' mix with repeats. @default 800 (quick 300) */
  mixRequests: number;
  /** Vectors of the synthetic HNSW-vs-exact set. @default 100000 (quick 5000) */
  syntheticSize: number;
  /**
   * Their dimension. @default 128: a 100k × 512 HNSW build takes about 5 minutes on 2 cores,
   * against 2 at 128; pass the embedder's (512 for USE) to measure at its size.
   */
  syntheticDimensions: number;
  /** Queries timed against the synthetic set (exact search is a JS loop). @default 50 (quick 20) */
  syntheticQueries: number;
  /**
   * Seconds the synthetic HNSW build may take; it stops adding vectors past this and reports the
   * size it reached. @default 240 (quick 30)
   */
  syntheticBudget: number;
  /** Build our index and the naive store at the same time (2 cores). @default false (quick true) */
  parallelBuilds: boolean;
  /** Server log level during the load (`info` is the production default). @default "info" */
  serverLogLevel: string;
  skip: Set<Section>;
  /** Parent folder of the `<timestamp>/` results folder. @default "eval/bench/results" */
  out: string;
  help: boolean;
};

export const USAGE = `Usage: npm run bench -- [options]

Measures our pipeline and the naive LangChain pipeline in one run; writes
<out>/<timestamp>/bench.json and bench.md and prints the Markdown table.

  --quick                 about a minute: fewer questions, runs, seconds and vectors
  --questions N           dev questions per timed pass (default all; quick 40)
  --cache-size N          query-embedding LRU capacity (default 1000)
  --cold-runs N           repetitions of each cold start (default 5; quick 2)
  --duration S            seconds of load per server (default 10; quick 4)
  --connections N         concurrent connections of the load (default 10)
  --serving-questions N   distinct questions of the serving runs (default all; quick 200)
  --mix-requests N        requests of the serving mix with repeats (default 800; quick 300)
  --synthetic-size N      synthetic vectors for HNSW vs exact (default 100000; quick 5000)
  --synthetic-dims N      their dimension (default 128; 512 is the embedder's, ~5 min to build)
  --synthetic-queries N   queries against them (default 50; quick 20)
  --synthetic-budget S    seconds the synthetic HNSW build may take (default 240; quick 30)
  --parallel-builds       build ours and naive concurrently (default in --quick)
  --server-log-level L    LOG_LEVEL of the server under load (default info)
  --skip a,b              leave out sections: ${SECTIONS.join(", ")}
  --out DIR               results parent folder (default eval/bench/results)
  --help
`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new Error(`--${name} must be a positive number; got ${JSON.stringify(value)}`);
  }
  return number;
}

/** Parses the bench flags; throws with a message naming the bad flag. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      questions: { type: "string" },
      "cache-size": { type: "string" },
      "cold-runs": { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      "serving-questions": { type: "string" },
      "mix-requests": { type: "string" },
      "synthetic-size": { type: "string" },
      "synthetic-dims": { type: "string" },
      "synthetic-queries": { type: "string" },
      "synthetic-budget": { type: "string" },
      "parallel-builds": { type: "boolean" },
      "server-log-level": { type: "string", default: "info" },
      skip: { type: "string", default: "" },
      out: { type: "string", default: "eval/bench/results" },
      help: { type: "boolean", default: false },
    },
  });
  const quick = values.quick ?? false;
  const skip = new Set<Section>();
  for (const name of (values.skip ?? "").split(",").map((part) => part.trim())) {
    if (name === "") continue;
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(
        `--skip: unknown section ${JSON.stringify(name)}; use ${SECTIONS.join(", ")}`,
      );
    }
    skip.add(name as Section);
  }
  return {
    quick,
    questions:
      values.questions === undefined
        ? quick
          ? 40
          : undefined
        : Math.floor(positive("questions", values.questions, 1)),
    cacheSize: Math.floor(positive("cache-size", values["cache-size"], 1000)),
    coldRuns: Math.floor(positive("cold-runs", values["cold-runs"], quick ? 2 : 5)),
    duration: positive("duration", values.duration, quick ? 4 : 10),
    connections: Math.floor(positive("connections", values.connections, 10)),
    servingQuestions:
      values["serving-questions"] === undefined
        ? quick
          ? 200
          : undefined
        : Math.floor(positive("serving-questions", values["serving-questions"], 1)),
    mixRequests: Math.floor(positive("mix-requests", values["mix-requests"], quick ? 300 : 800)),
    syntheticSize: Math.floor(
      positive("synthetic-size", values["synthetic-size"], quick ? 5000 : 100_000),
    ),
    syntheticDimensions: Math.floor(positive("synthetic-dims", values["synthetic-dims"], 128)),
    syntheticQueries: Math.floor(
      positive("synthetic-queries", values["synthetic-queries"], quick ? 20 : 50),
    ),
    syntheticBudget: positive("synthetic-budget", values["synthetic-budget"], quick ? 30 : 240),
    parallelBuilds: values["parallel-builds"] ?? quick,
    serverLogLevel: values["server-log-level"] ?? "info",
    skip,
    out: values.out ?? "eval/bench/results",
    help: values.help ?? false,
  };
}
