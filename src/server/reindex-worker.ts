/**
 * Worker-thread entry of `POST /admin/reindex` (started by `reindexInWorker`): builds the index
 * with the configured embedder, off the server's event loop, and posts back one message.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../config.ts";
import { createEmbedder, ingestOptions } from "../create-services.ts";
import { AppError } from "../errors/app-error.ts";
import { ingest } from "../ingest/ingest.ts";
import type { ReindexMessage } from "./reindex-in-worker.ts";

const { config } = workerData as { config: Config };
let message: ReindexMessage;
try {
  const embedder = await createEmbedder(config);
  message = { ok: true, summary: await ingest(ingestOptions(config, embedder)) };
} catch (error) {
  message = {
    ok: false,
    error:
      error instanceof AppError
        ? {
            message: error.message,
            code: error.code,
            exitCode: error.exitCode,
            httpStatus: error.httpStatus,
          }
        : { message: error instanceof Error ? error.message : String(error) },
  };
}
parentPort?.postMessage(message);
// The embedder's runtime can keep the thread alive; in a worker this ends the thread only.
process.exit(0);
