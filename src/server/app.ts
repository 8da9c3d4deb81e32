import path from "node:path";
import express, { type Express, Router } from "express";
import { Assistant } from "../answer/assistant.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { NotFoundError } from "../errors/not-found-error.ts";
import type { IngestSummary } from "../ingest/ingest.ts";
import { errorHandler, notFound } from "./error-handler.ts";
import type { AssistantSource, LiveAssistant } from "./live-assistant.ts";
import { adminRoute } from "./routes/admin-route.ts";
import { chatRoute } from "./routes/chat-route.ts";
import { openAIRoute } from "./routes/openai-route.ts";

/** Largest accepted request body. @default 32 KB */
export const BODY_LIMIT_BYTES = 32 * 1024;

const PUBLIC_DIR = path.resolve(import.meta.dirname, "../../public");

export type AppServices = {
  /** The assistant, or a source of it that hot reload can swap (LiveAssistant). */
  assistant: Assistant | AssistantSource;
  embedder: Embedder;
  /** Mounts `POST /admin/reindex` when a token is configured. */
  admin?: { token: string; live: LiveAssistant; reindex: () => Promise<IngestSummary> };
};

export type AppOptions = {
  /** Milliseconds between SSE heartbeat comments. @default 15000 */
  heartbeatMs?: number;
};

function infoRoutes(assistants: AssistantSource, embedder: Embedder): Router {
  const router = Router();
  router.get("/api/health", (_request, response) => {
    const assistant = assistants.current;
    const { manifest } = assistant.index;
    response.json({
      status: "ok",
      index: { version: manifest.version, chunks: manifest.chunkCount, builtAt: manifest.builtAt },
      embedder: embedder.id,
      generator: assistant.generator.id,
      rewriter: assistant.rewriter.id,
    });
  });
  router.get("/api/sources/:chunkId", (request, response) => {
    const chunk = assistants.current.index.chunkById.get(request.params.chunkId);
    if (chunk === undefined) {
      throw new NotFoundError(
        `no passage with id ${JSON.stringify(request.params.chunkId.slice(0, 100))}`,
      );
    }
    response.json({
      chunkId: chunk.id,
      source: chunk.source,
      title: chunk.title,
      section: chunk.section,
      text: chunk.text,
    });
  });
  return router;
}

/** The Express app: JSON API, OpenAI-compatible API, the chat page, one error handler. */
export function createApp(services: AppServices, options: AppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: BODY_LIMIT_BYTES }));
  const assistants: AssistantSource =
    services.assistant instanceof Assistant ? { current: services.assistant } : services.assistant;
  app.use(infoRoutes(assistants, services.embedder));
  app.use(chatRoute(assistants, options));
  app.use(openAIRoute(assistants, options));
  if (services.admin !== undefined) app.use(adminRoute(services.admin));
  // no-cache: browsers revalidate (cheap, ETag) so a deploy never leaves an old app.js running.
  app.use(express.static(PUBLIC_DIR, { index: "index.html", cacheControl: true, maxAge: 0 }));
  app.use(notFound);
  app.use(errorHandler(BODY_LIMIT_BYTES));
  return app;
}
