import { inject } from "vitest";
import { z } from "zod";
import { answerSchema } from "../../e2e/answer-schema.ts";
import { projectRoot } from "../../support/project-root.ts";
import { parseSse } from "../test-server.ts";
import type { RawResponse } from "./raw-http.ts";

/** Which answering route a response came from, and whether it was asked to stream. */
export type RouteKind = "chat-json" | "chat-sse" | "openai-json" | "openai-sse" | "other";

/** What a response turned out to be, for tallies in property tests. */
export type Outcome = { kind: "answer"; refused: boolean } | { kind: "error"; code: string };

const errorBodySchema = z.object({
  error: z.object({ code: z.string().min(1), message: z.string().min(1) }),
});

const completionSchema = z.object({
  object: z.literal("chat.completion"),
  model: z.string(),
  choices: z
    .array(z.object({ message: z.object({ role: z.literal("assistant"), content: z.string() }) }))
    .length(1),
  refused: z.boolean(),
});

const completionChunkSchema = z.object({
  object: z.literal("chat.completion.chunk"),
  choices: z.array(z.object({ delta: z.object({ content: z.string().optional() }) })),
});

/**
 * Signs that internals leaked into a response: a stack frame, a source or dependency path, the
 * project folder or the index folder on this machine.
 */
export function leakPatterns(): RegExp[] {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [
    /\n\s+at /,
    /\bat (?:async )?[\w.<>$]+ \((?:file:|node:|\/)/,
    /node_modules/,
    /\.(?:ts|js|mjs|cjs):\d+:\d+/,
    new RegExp(literal(projectRoot)),
    new RegExp(literal(inject("sharedIndexDir"))),
  ];
}

/** Throws, naming the pattern, when `text` shows a stack trace or a path of this machine. */
export function assertNoLeak(text: string, context: string): void {
  for (const pattern of leakPatterns()) {
    if (pattern.test(text)) {
      throw new Error(
        `${context}: the response leaks internals (${pattern}): ${text.slice(0, 400)}`,
      );
    }
  }
}

/**
 * The contract every response of the public API keeps: either a 4xx JSON error with
 * `error.code` and `error.message` and no internals, or a 200 that is a complete, valid answer in
 * the route's format. Throws with the reason otherwise; returns what it was.
 */
export function checkResponse(route: RouteKind, response: RawResponse, context: string): Outcome {
  const where = `${context} → ${response.status} ${response.text.slice(0, 300)}`;
  if (response.status !== 200) {
    if (response.status < 400 || response.status > 499) {
      throw new Error(`${where}: expected 200 or a 4xx, got ${response.status}`);
    }
    if (!String(response.headers["content-type"]).startsWith("application/json")) {
      throw new Error(`${where}: a 4xx that is not JSON (${response.headers["content-type"]})`);
    }
    assertNoLeak(response.text, context);
    const body = errorBodySchema.safeParse(JSON.parse(response.text));
    if (!body.success) throw new Error(`${where}: not the error shape: ${body.error.message}`);
    return { kind: "error", code: body.data.error.code };
  }
  assertNoLeak(response.text, context);
  switch (route) {
    case "chat-json": {
      const answer = answerSchema.parse(JSON.parse(response.text));
      return { kind: "answer", refused: answer.refused };
    }
    case "chat-sse": {
      const frames = parseSse(response.text).filter((frame) => frame.event !== ":");
      if (frames[0]?.event !== "retrieval" || frames.at(-1)?.event !== "answer-end") {
        throw new Error(`${where}: the stream does not run from retrieval to answer-end`);
      }
      const answer = answerSchema.parse(JSON.parse(frames.at(-1)?.data ?? ""));
      return { kind: "answer", refused: answer.refused };
    }
    case "openai-json": {
      const completion = completionSchema.parse(JSON.parse(response.text));
      if (completion.choices[0]?.message.content.trim() === "") {
        throw new Error(`${where}: an empty completion`);
      }
      return { kind: "answer", refused: completion.refused };
    }
    case "openai-sse": {
      const frames = parseSse(response.text).filter((frame) => frame.event !== ":");
      if (frames.at(-1)?.data !== "[DONE]" || frames.some((frame) => frame.event === "error")) {
        throw new Error(`${where}: the stream does not end with [DONE]`);
      }
      const chunks = frames.slice(0, -1).map((frame) => JSON.parse(frame.data) as unknown);
      for (const chunk of chunks) completionChunkSchema.parse(chunk);
      // The last chunk carries the extra fields (`citations`, `refused`).
      const refused = (chunks.at(-1) as { refused?: unknown } | undefined)?.refused === true;
      return { kind: "answer", refused };
    }
    case "other":
      return { kind: "answer", refused: false };
    default: {
      const unknown: never = route;
      throw new Error(`unknown route kind ${String(unknown)}`);
    }
  }
}
