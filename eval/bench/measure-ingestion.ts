import { benchEnvironment } from "./bench-config.ts";
import type { IngestionFigures } from "./bench-report.ts";
import { runNode, tsxArgs } from "./internal/child-process.ts";
import { round } from "./statistics.ts";

const WORKER = "eval/bench/ingest-worker.ts";
/** A build of this corpus takes well under a minute; ten minutes means something hangs. */
const BUILD_TIMEOUT_MS = 600_000;

/** Builds one pipeline from scratch in its own process; resolves with its figures. */
async function buildIn(pipeline: "ours" | "naive", directory: string): Promise<IngestionFigures> {
  const run = await runNode(tsxArgs(WORKER, [pipeline, directory]), {
    env: benchEnvironment(),
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  const line = run.stdout.split("\n").find((text) => text.startsWith("BENCH_RESULT "));
  if (run.code !== 0 || line === undefined) {
    throw new Error(
      `the ${pipeline} build failed (exit ${run.code ?? run.signal}): ${run.stderr.trim().slice(-800)}`,
    );
  }
  return {
    ...(JSON.parse(line.slice("BENCH_RESULT ".length)) as IngestionFigures),
    processMs: round(run.ms, 1),
  };
}

/**
 * Ingestion of both pipelines, each in a fresh process into an empty folder: ours into
 * `oursIndexDir` (kept for the later sections), naive into `naiveDir` (its store as LangChain
 * would save it, plus the vectors to replay). One after the other unless `parallel`.
 */
export async function measureIngestion(options: {
  oursIndexDir: string;
  naiveDir: string;
  parallel: boolean;
}): Promise<{
  ours: IngestionFigures;
  naive: IngestionFigures | Error;
}> {
  if (options.parallel) {
    const [ours, naive] = await Promise.allSettled([
      buildIn("ours", options.oursIndexDir),
      buildIn("naive", options.naiveDir),
    ]);
    if (ours.status === "rejected") throw ours.reason;
    return { ours: ours.value, naive: settled(naive) };
  }
  const ours = await buildIn("ours", options.oursIndexDir);
  const naive = await buildIn("naive", options.naiveDir).catch((error: unknown) => asError(error));
  return { ours, naive };
}

function settled<T>(result: PromiseSettledResult<T>): T | Error {
  return result.status === "fulfilled" ? result.value : asError(result.reason);
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
