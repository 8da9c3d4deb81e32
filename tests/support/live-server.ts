import type { Server } from "node:http";
import { Assistant } from "../../src/answer/assistant.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { type IngestOptions, ingest } from "../../src/ingest/ingest.ts";
import { createApp } from "../../src/server/app.ts";
import { LiveAssistant } from "../../src/server/live-assistant.ts";
import { startServer } from "../../src/server/start-server.ts";

/**
 * Builds the index of `options`, then serves it through a LiveAssistant (hot reload) on a free
 * loopback port, as `npm start` does; with a token, `POST /admin/reindex` rebuilds in-process.
 */
export async function serveLive(
  options: IngestOptions,
  admin: { token?: string } = {},
): Promise<{ server: Server; url: string; live: LiveAssistant }> {
  const embedder: Embedder = options.embedder;
  await ingest(options);
  const create = (index: Awaited<ReturnType<typeof loadIndex>>) =>
    new Assistant({ index, embedder });
  const live = new LiveAssistant({
    initial: create(await loadIndex(options.indexDir, embedder)),
    indexDir: options.indexDir,
    embedder,
    create,
  });
  const app = createApp({
    assistant: live,
    embedder,
    ...(admin.token === undefined
      ? {}
      : { admin: { token: admin.token, live, reindex: () => ingest(options) } }),
  });
  const { server, url } = await startServer(app, { host: "127.0.0.1", port: 0 });
  return { server, url, live };
}
