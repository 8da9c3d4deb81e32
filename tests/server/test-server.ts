import type { Server } from "node:http";
import { inject } from "vitest";
import { Assistant, type AssistantOptions } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { type LoadedIndex, loadIndex } from "../../src/index/index-store.ts";
import { type AppOptions, createApp } from "../../src/server/app.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";

const embedder = new UseEmbedder();
let sharedIndex: Promise<LoadedIndex> | undefined;

/** A real server on 127.0.0.1, port 0, over the shared prebuilt index. */
export async function startTestServer(
  options: Omit<AssistantOptions, "index" | "embedder"> & AppOptions = {},
): Promise<{ url: string; server: Server; assistant: Assistant; close: () => Promise<void> }> {
  sharedIndex ??= loadIndex(inject("sharedIndexDir"), embedder);
  const index = await sharedIndex;
  const {
    heartbeatMs,
    rateLimitPerMinute,
    corsOrigins,
    logger,
    metrics,
    trustProxy,
    answerLimit,
    ...assistantOptions
  } = options;
  const assistant = new Assistant({ index, embedder, ...assistantOptions });
  const appOptions: AppOptions = {
    ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
    ...(rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute }),
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
    ...(logger === undefined ? {} : { logger }),
    ...(metrics === undefined ? {} : { metrics }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
    ...(answerLimit === undefined ? {} : { answerLimit }),
  };
  const app = createApp({ assistant, embedder }, appOptions);
  const { server, url } = await startServer(app, { host: "127.0.0.1", port: 0 });
  return { url, server, assistant, close: () => stopServer(server, 1000) };
}

/** One parsed SSE frame; `raw` is the frame exactly as sent. */
export type SseFrame = { event: string | undefined; data: string; raw: string };

/** Splits an SSE body into frames; heartbeat comments are returned with event ":". */
export function parseSse(body: string): SseFrame[] {
  return body
    .split("\n\n")
    .filter((raw) => raw.length > 0)
    .map((raw) => {
      if (raw.startsWith(":")) return { event: ":", data: raw.slice(1).trim(), raw };
      const event = /^event: (.+)$/m.exec(raw)?.[1];
      const data = /^data: (.*)$/m.exec(raw)?.[1] ?? "";
      return { event, data, raw };
    });
}
