// POST /api/chat with streaming: the request, the error body of a rejected one, and the events of
// an accepted one. The shapes below are what the server sends; its JSON is not re-validated here.

import { readEvents } from "./sse-reader.js";

/**
 * A passage an answer may cite as `[n]`.
 * @typedef {{ n: number, chunkId: string, source: string, title: string, section: string, text: string }} Citation
 */

/** @typedef {{ role: "user" | "assistant", content: string }} ChatTurn */

/**
 * The final answer (`answer-end`); it replaces the streamed text.
 * @typedef {object} AnswerEnd
 * @property {string} [question]
 * @property {string} answer
 * @property {boolean} refused
 * @property {boolean} [reply] the message asked nothing to look up ("thanks!", "???")
 * @property {Citation[]} citations
 * @property {string} [standaloneQuestion] a follow-up rewritten to stand on its own
 * @property {string} [understoodAs] the question as searched (spelling fixed, words expanded)
 * @property {string[]} [suggestions] questions the material covers: the closest topics with a
 *   refusal, what to ask next with an answer
 * @property {string[]} [notices]
 */

/**
 * @typedef {{ type: "retrieval", citations: Citation[] }
 *   | { type: "text-delta", text: string }
 *   | { type: "notice", message: string }
 *   | { type: "answer-end", answer: AnswerEnd }
 *   | { type: "error", message: string }} ChatEvent
 */

/**
 * Sends a question with the earlier turns and asks for a stream of events.
 * @param {string} message
 * @param {ChatTurn[]} history
 * @param {AbortSignal} signal
 */
export function postChat(message, history, signal) {
  return fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    body: JSON.stringify({ message, history, stream: true }),
    signal,
  });
}

/**
 * The message of a 4xx/5xx JSON error, or a generic one.
 * @param {Response} response
 * @returns {Promise<string>}
 */
export async function httpErrorMessage(response) {
  try {
    const body = /** @type {{ error?: { message?: string, issues?: unknown } } | null} */ (
      await response.json()
    );
    const error = body?.error;
    if (error?.message) {
      const issues = Array.isArray(error.issues)
        ? error.issues
            .map((/** @type {{ message?: string }} */ issue) => issue.message)
            .filter(Boolean)
        : [];
      return issues.length > 0 ? `${error.message} (${issues.join("; ")})` : String(error.message);
    }
  } catch {
    // Not JSON: fall back to the status.
  }
  return `The server answered with HTTP ${response.status}. Please try again.`;
}

/** Longest wait shown (s); a longer Retry-After is capped to it. */
const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * How long the server asks to wait before trying again (`Retry-After`, in seconds or as a date,
 * on 429 and 503), rounded up; undefined without one.
 * @param {Response} response
 * @returns {number | undefined}
 */
export function retryAfterSeconds(response) {
  const value = response.headers.get("Retry-After")?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (Number.isNaN(seconds)) return undefined;
  return Math.min(Math.max(Math.ceil(seconds), 0), MAX_RETRY_AFTER_SECONDS);
}

/** @param {number} seconds */
function describeWait(seconds) {
  if (seconds <= 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

/**
 * What the page says about a rejected request, whether trying again can help (a rate limit, a
 * busy or failing server) and how long the server asks to wait first.
 * @param {Response} response
 * @returns {Promise<{ message: string, retryable: boolean, waitSeconds: number | undefined }>}
 */
export async function describeRejection(response) {
  const waitSeconds = retryAfterSeconds(response);
  const retryable = response.status === 429 || response.status >= 500;
  if (response.status !== 429) {
    return { message: await httpErrorMessage(response), retryable, waitSeconds };
  }
  // The server's own words ("retry later") do not say when; Retry-After does.
  const when =
    waitSeconds === undefined || waitSeconds === 0
      ? "Wait a moment, then try again."
      : `You can try again in ${describeWait(waitSeconds)}.`;
  return {
    message: `Too many questions in a short time: the server takes only so many a minute. ${when}`,
    retryable,
    waitSeconds,
  };
}

/**
 * The events of a streamed answer. Frames that are not JSON, and events this page does not know
 * (so the server can add new ones), are skipped.
 * @param {ReadableStream<BufferSource>} body
 * @returns {AsyncGenerator<ChatEvent>}
 */
export async function* chatEvents(body) {
  for await (const frame of readEvents(body)) {
    /** @type {Record<string, unknown>} the server sends objects */
    let data;
    try {
      data = JSON.parse(frame.data);
    } catch {
      continue;
    }
    switch (frame.event) {
      case "retrieval":
        yield {
          type: "retrieval",
          citations: Array.isArray(data.citations) ? data.citations : [],
        };
        break;
      case "text-delta":
        yield { type: "text-delta", text: String(data.text ?? "") };
        break;
      case "notice":
        yield { type: "notice", message: String(data.message ?? "") };
        break;
      case "answer-end":
        yield { type: "answer-end", answer: /** @type {AnswerEnd} */ (data) };
        break;
      case "error":
        yield {
          type: "error",
          message: String(data.message ?? "The answer could not be completed."),
        };
        break;
      default:
        break;
    }
  }
}
