import { randomUUID } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import type { AnswerResult, Citation } from "../../answer/answer.ts";
import type { ChatTurn } from "../../answer/question-rewriter.ts";
import { RequestValidationError } from "../../errors/request-errors.ts";
import type { AssistantSource } from "../live-assistant.ts";
import { streamEvents } from "../sse-writer.ts";
import { clientGone } from "./chat-route.ts";

/** The model id the OpenAI-compatible API lists and answers as. */
export const MODEL_ID = "study-assistant";

const contentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
]);

const completionRequestSchema = z.looseObject({
  model: z.string().optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["system", "developer", "user", "assistant", "tool"]),
        content: contentSchema.nullable().optional(),
      }),
    )
    .min(1, "messages must hold at least one message")
    .max(100, "at most 100 messages are accepted"),
  stream: z.boolean().optional(),
});

function textOf(content: z.infer<typeof contentSchema> | null | undefined): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  return content
    .filter((part) => part.type === "text")
    .map((part) => part.text ?? "")
    .join("\n");
}

/** The "Sources:" list appended to answers for clients that only show text. */
export function sourcesText(citations: Citation[]): string {
  if (citations.length === 0) return "";
  const lines = citations.map(
    (citation) => `[${citation.n}] ${citation.section} — ${citation.source}`,
  );
  return `\n\nSources:\n${lines.join("\n")}`;
}

/** `GET /v1/models`, `POST /v1/chat/completions`: the assistant as an OpenAI-compatible model. */
export function openAIRoute(
  assistants: AssistantSource,
  settings: { heartbeatMs?: number; onAnswer?: (answer: AnswerResult) => void } = {},
): Router {
  const router = Router();
  const created = Math.floor(Date.now() / 1000);

  router.get("/v1/models", (_request, response) => {
    response.json({
      object: "list",
      data: [{ id: MODEL_ID, object: "model", created, owned_by: "study-assistant" }],
    });
  });

  router.post("/v1/chat/completions", async (request, response) => {
    const assistant = assistants.current;
    const parsed = completionRequestSchema.safeParse(request.body);
    if (!parsed.success) throw RequestValidationError.fromZod(parsed.error);
    const messages = parsed.data.messages;
    const last = messages.at(-1);
    if (last?.role !== "user") {
      throw new RequestValidationError("the last message must be the user's question", [
        { path: `messages.${messages.length - 1}.role`, message: 'expected "user"' },
      ]);
    }
    const question = textOf(last.content);
    assistant.normalise(question);
    const history: ChatTurn[] = messages
      .slice(0, -1)
      .filter((message) => message.role === "user" || message.role === "assistant")
      .map((message) => ({
        role: message.role as ChatTurn["role"],
        content: textOf(message.content),
      }));
    const signal = clientGone(request, response);
    const id = `chatcmpl-${randomUUID()}`;
    const extra = (answer: AnswerResult) => ({
      citations: answer.citations,
      refused: answer.refused,
      ...(answer.understoodAs === undefined ? {} : { understood_as: answer.understoodAs }),
      ...(answer.suggestions === undefined ? {} : { suggestions: answer.suggestions }),
      ...(answer.notices === undefined ? {} : { notices: answer.notices }),
    });

    if (parsed.data.stream !== true) {
      const answer = await assistant.ask(question, { history, signal });
      settings.onAnswer?.(answer);
      response.json({
        id,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: MODEL_ID,
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: `${answer.answer}${sourcesText(answer.citations)}`,
            },
            finish_reason: "stop",
          },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        ...extra(answer),
      });
      return;
    }

    const chunk = (delta: Record<string, unknown>, finishReason: string | null, more = {}) => ({
      id,
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: MODEL_ID,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
      ...more,
    });
    await streamEvents(response, assistant.stream(question, { history, signal }), {
      name: "completion",
      heartbeatMs: settings.heartbeatMs,
      start: (writer) => writer.send(undefined, chunk({ role: "assistant", content: "" }, null)),
      frames: {
        // OpenAI clients only read text: the passages are listed with the answer instead.
        retrieval: () => {},
        "text-delta": (event, writer) =>
          writer.send(undefined, chunk({ content: event.text }, null)),
        notice: (event, writer) =>
          writer.send(undefined, chunk({ content: `\n\n(${event.message})\n\n` }, null)),
        "answer-end": (event, writer) => {
          settings.onAnswer?.(event.answer);
          const sources = sourcesText(event.answer.citations);
          if (sources !== "") writer.send(undefined, chunk({ content: sources }, null));
          writer.send(undefined, chunk({}, "stop", extra(event.answer)));
          writer.send(undefined, "[DONE]");
        },
        error: (event, writer) => writer.fail(event.message, event.code),
      },
    });
  });
  return router;
}
