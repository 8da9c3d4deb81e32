import { Worker } from "node:worker_threads";
import type { Config } from "../config.ts";
import { AppError } from "../errors/app-error.ts";
import type { ErrorCode } from "../errors/error-code.ts";
import type { IngestSummary } from "../ingest/ingest.ts";

/**
 * The worker's first script: the sources are TypeScript, so it registers tsx as
 * bin/study-assistant.js does, then imports the entry. (A `.ts` entry with `--import tsx` in
 * execArgv fails on Node 20: the entry loads before the hooks apply.)
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(
  import.meta.resolve("tsx/esm/api"),
)}).then(({ register }) => { register(); return import(${JSON.stringify(
  new URL("./reindex-worker.ts", import.meta.url).href,
)}); });`;

/** What the worker posts back: the summary, or the error (an AppError keeps its code and status). */
export type ReindexMessage =
  | { ok: true; summary: IngestSummary }
  | {
      ok: false;
      error: { message: string; code?: ErrorCode; exitCode?: number; httpStatus?: number };
    };

/**
 * Runs `ingest` for the configured corpus and index in a worker thread, so a rebuild (tens of
 * seconds of embedding) never blocks the server's event loop: health checks and chat keep
 * answering. The worker loads its own embedder; the index lock still keeps builds one at a time.
 * Rejects with the worker's AppError (same code and HTTP status) or a plain Error.
 */
export function reindexInWorker(config: Config): Promise<IngestSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { config } });
    let settled = false;
    worker.once("message", (message: ReindexMessage) => {
      settled = true;
      if (message.ok) {
        resolve(message.summary);
        return;
      }
      const { message: text, code, exitCode, httpStatus } = message.error;
      reject(
        code === undefined
          ? new Error(text)
          : new AppError(text, {
              code,
              ...(exitCode === undefined ? {} : { exitCode }),
              ...(httpStatus === undefined ? {} : { httpStatus }),
            }),
      );
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the re-index worker exited with code ${code}`));
    });
  });
}
