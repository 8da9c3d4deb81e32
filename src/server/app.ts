import express, { type ErrorRequestHandler, type Express } from "express";
import { z } from "zod";
import type { Assistant } from "../answer/assistant.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { AppError } from "../errors/app-error.ts";

const chatRequestSchema = z.object({
  message: z.string(),
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }))
    .max(200)
    .optional(),
  stream: z.boolean().optional(),
  id: z.string().max(200).optional(),
});

/** The HTTP edge over the assistant: JSON in, answer JSON out, errors as JSON with a code. */
export function createApp(services: { assistant: Assistant; embedder: Embedder }): Express {
  const { assistant, embedder } = services;
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json({ limit: "32kb" }));

  app.get("/api/health", (_request, response) => {
    response.json({
      status: "ok",
      index: {
        version: assistant.index.manifest.version,
        chunks: assistant.index.manifest.chunkCount,
        builtAt: assistant.index.manifest.builtAt,
      },
      embedder: embedder.id,
      generator: assistant.generator.id,
    });
  });

  app.post("/api/chat", async (request, response, next) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({
        error: {
          code: "invalid_request",
          message: "the request body does not match the expected shape",
          issues: parsed.error.issues.map((issue) => ({
            path: issue.path.join("."),
            message: issue.message,
          })),
        },
      });
      return;
    }
    try {
      const result = await assistant.ask(
        parsed.data.message,
        parsed.data.id === undefined ? {} : { id: parsed.data.id },
      );
      response.json(result);
    } catch (error) {
      next(error);
    }
  });

  app.get("/api/sources/:chunkId", (request, response) => {
    const chunk = assistant.index.chunkById.get(request.params.chunkId);
    if (chunk === undefined) {
      response.status(404).json({
        error: {
          code: "not_found",
          message: `no passage with id ${JSON.stringify(request.params.chunkId)}`,
        },
      });
      return;
    }
    response.json({
      chunkId: chunk.id,
      source: chunk.source,
      title: chunk.title,
      section: chunk.section,
      text: chunk.text,
    });
  });

  app.use((request, response) => {
    response.status(404).json({
      error: { code: "not_found", message: `no route ${request.method} ${request.path}` },
    });
  });

  const handleError: ErrorRequestHandler = (error: unknown, _request, response, _next) => {
    if (error instanceof AppError) {
      response
        .status(error.httpStatus)
        .json({ error: { code: error.code, message: error.message } });
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (status === 413 || type === "entity.too.large") {
      response.status(413).json({
        error: { code: "body_too_large", message: "the request body is over the 32 KB limit" },
      });
      return;
    }
    if (status === 400 && type === "entity.parse.failed") {
      response
        .status(400)
        .json({ error: { code: "invalid_json", message: "the request body is not valid JSON" } });
      return;
    }
    process.stderr.write(`request failed: ${(error as Error).message}\n`);
    response.status(500).json({
      error: { code: "internal_error", message: "the request failed; see the server log" },
    });
  };
  app.use(handleError);
  return app;
}
