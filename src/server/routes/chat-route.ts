import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { AnswerResult } from "../../answer/answer.ts";
import { RequestValidationError } from "../../errors/request-errors.ts";
import type { AssistantSource } from "../live-assistant.ts";
import { streamEvents } from "../sse-writer.ts";

const MAX_HISTORY_TURNS = 50;

export const chatRequestSchema = z.strictObject({
  message: z.string(),
  history: z
    .array(
      z.strictObject({
        role: z.enum(["user", "assistant"]),
        content: z.string().max(8000),
      }),
    )
    .max(MAX_HISTORY_TURNS, `at most ${MAX_HISTORY_TURNS} history turns are accepted`)
    .optional(),
  stream: z.boolean().optional(),
  id: z.string().max(200).optional(),
});

/** An AbortSignal that fires when the client goes away before the response is complete. */
export function clientGone(request: Request, response: Response): AbortSignal {
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort(new Error("the client disconnected"));
  });
  request.on("aborted", () => controller.abort(new Error("the client disconnected")));
  return controller.signal;
}

/** `POST /api/chat`: the answer JSON, or SSE events with `"stream": true` / `Accept: text/event-stream`. */
export function chatRoute(
  assistants: AssistantSource,
  settings: { heartbeatMs?: number; onAnswer?: (answer: AnswerResult) => void } = {},
): Router {
  const router = Router();
  router.post("/api/chat", async (request, response) => {
    // Taken once: a hot reload during this request does not change the version it answers from.
    const assistant = assistants.current;
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success) throw RequestValidationError.fromZod(parsed.error);
    const { message, history = [], id } = parsed.data;
    // Rejects an empty or oversized question with a 400 before any stream starts.
    assistant.normalise(message);
    const signal = clientGone(request, response);
    const options = { history, signal, ...(id === undefined ? {} : { id }) };
    const wantsStream =
      parsed.data.stream ?? (request.get("accept") ?? "").includes("text/event-stream");
    if (!wantsStream) {
      const answer = await assistant.ask(message, options);
      settings.onAnswer?.(answer);
      response.json(answer);
      return;
    }
    await streamEvents(response, assistant.stream(message, options), {
      name: "chat",
      heartbeatMs: settings.heartbeatMs,
      frames: {
        retrieval: (event, writer) =>
          writer.send("retrieval", { question: event.question, citations: event.citations }),
        "text-delta": (event, writer) => writer.send("text-delta", { text: event.text }),
        notice: (event, writer) => writer.send("notice", { message: event.message }),
        "answer-end": (event, writer) => {
          settings.onAnswer?.(event.answer);
          writer.send("answer-end", event.answer);
        },
        error: (event, writer) => writer.fail(event.message, event.code),
      },
    });
  });
  return router;
}
