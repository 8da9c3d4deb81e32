/**
 * Child process of the bench: the naive pipeline behind a minimal `POST /api/chat` (Express 5,
 * JSON body, no security headers, logging, metrics or rate limit), so that its throughput can be
 * measured like ours. Reads the document vectors left by the naive ingest worker
 * (`NAIVE_DIR/replay-vectors.json`) instead of embedding the corpus again, and our index
 * (`INDEX_DIR`) only for the shared answer writer. Logs `listening on <url>` when ready.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import express from "express";
import { Assistant } from "../../src/answer/assistant.ts";
import { createEmbedder } from "../../src/create-services.ts";
import { NaivePipeline } from "../../src/eval/naive/naive-pipeline.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { benchConfig } from "./bench-config.ts";
import { ReplayEmbedder } from "./instrumented-embedder.ts";
import { REPLAY_FILE } from "./naive-files.ts";

const naiveDir = process.env.NAIVE_DIR;
if (naiveDir === undefined) throw new Error("set NAIVE_DIR to the naive ingest worker's folder");
const config = benchConfig();
const embedder = await createEmbedder(config);
const vectors = new Map(
  Object.entries(
    JSON.parse(await readFile(path.join(naiveDir, REPLAY_FILE), "utf8")) as Record<
      string,
      number[]
    >,
  ),
);
const index = await loadIndex(config.INDEX_DIR, embedder);
const naive = await NaivePipeline.build({
  corpusDir: config.CORPUS_DIR,
  embeddings: new ReplayEmbedder(embedder, vectors),
  generator: new Assistant({ index, embedder }).generator,
});

const app = express();
app.use(express.json({ limit: "32kb" }));
app.get("/api/health", (_request, response) => {
  response.json({ status: "ok", chunks: naive.chunks.length });
});
app.post("/api/chat", async (request, response) => {
  const message: unknown = request.body?.message;
  if (typeof message !== "string" || message.trim() === "") {
    response
      .status(400)
      .json({ error: { code: "invalid_request", message: "message is required" } });
    return;
  }
  const { result } = await naive.ask(message);
  response.json(result);
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(
    `${JSON.stringify({ msg: `naive listening on http://127.0.0.1:${port}` })}\n`,
  );
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
