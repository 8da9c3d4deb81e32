import type { ErrorCode } from "../errors/error-code.ts";
import type { AnswerResult, Citation } from "./answer.ts";

/**
 * The stream of one answer, in order: one `retrieval` (the passages the writer may cite, before
 * any text), any number of `text-delta` and `notice`, then exactly one `answer-end` (the final
 * answer JSON, authoritative) or `error`.
 */
export type AssistantEvent =
  | { type: "retrieval"; question: string; citations: Citation[] }
  | { type: "text-delta"; text: string }
  | { type: "notice"; message: string }
  | { type: "answer-end"; answer: AnswerResult }
  | { type: "error"; message: string; code: ErrorCode };
