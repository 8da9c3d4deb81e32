import { ChatOpenAI } from "@langchain/openai";
import { ConfigError } from "../errors/config-error.ts";
import {
  DEFAULT_OPENAI_BASE_URL,
  numberField,
  PLACEHOLDER_API_KEY,
  rootCause,
  withoutCredentials,
} from "../internal/upstream.ts";

/**
 * Where and how to reach an OpenAI-compatible chat model; shared by the LLM answer writer, the
 * LLM question rewriter and the LLM judge.
 */
export type ChatModelOptions = {
  /** Model name as the server knows it, e.g. `gpt-4o-mini`, `llama3.1` on Ollama. */
  model: string;
  /**
   * Any OpenAI-compatible endpoint ending in `/v1` (OpenAI, Ollama, vLLM, llama.cpp). The
   * `OPENAI_BASE_URL` environment variable is not read here; the composition root passes it.
   * @default "https://api.openai.com/v1"
   */
  baseURL?: string;
  /**
   * Sent as `Authorization: Bearer <apiKey>`. Without a `baseURL` it falls back to
   * `OPENAI_API_KEY`; with a `baseURL` and no key a placeholder is sent, because local servers
   * ignore it but the client library refuses to run without one.
   */
  apiKey?: string;
  /**
   * Sampling temperature. Reasoning models (`o1`, `o3`, `gpt-5`…) accept only their default, so
   * none is sent for them unless given.
   * @default 0 (1 is not sent for reasoning models)
   */
  temperature?: number;
};

/** What `createChatModel` settles on; the key is kept to redact it from messages. */
export type ChatModel = { client: ChatOpenAI; apiKey: string; baseURL: string };

/**
 * A `ChatOpenAI` for the options. Its own per-request `timeout` only covers the wait for response
 * headers in `openai` 6 (a stream that stalls later is not cut), so callers also bound the whole
 * call with a `Deadline`.
 */
export function createChatModel(
  options: ChatModelOptions,
  settings: { streaming: boolean; timeoutMs: number; maxRetries: number },
): ChatModel {
  const baseURL = options.baseURL ?? DEFAULT_OPENAI_BASE_URL;
  // `openai` throws before any request without a key, even for servers that need none.
  const apiKey =
    options.apiKey ??
    (options.baseURL === undefined ? process.env.OPENAI_API_KEY : PLACEHOLDER_API_KEY);
  if (apiKey === undefined || apiKey === "") {
    throw new ConfigError(
      `no API key for ${withoutCredentials(baseURL)}: set OPENAI_API_KEY or OPENAI_BASE_URL`,
    );
  }
  const temperature = options.temperature ?? (isReasoningModel(options.model) ? undefined : 0);
  const client = new ChatOpenAI({
    model: options.model,
    apiKey,
    configuration: {
      baseURL,
      // Every failure reaches the learner as a one-line notice; `openai` would also print raw
      // frames of a malformed stream to stderr. OPENAI_LOG still turns its logging on.
      ...(process.env.OPENAI_LOG === undefined ? { logLevel: "off" as const } : {}),
    },
    ...(temperature === undefined ? {} : { temperature }),
    streaming: settings.streaming,
    // The usage frame (`stream_options`) is not needed, and some compatible servers reject it.
    streamUsage: false,
    timeout: settings.timeoutMs,
    // LangChain retries (its AsyncCaller, 6 times by default); the `openai` client itself never does.
    maxRetries: settings.maxRetries,
  });
  return { client, apiKey, baseURL: withoutCredentials(baseURL) };
}

/**
 * One timer and one AbortController per call: aborts when `timeoutMs` runs out or when the
 * caller's signal aborts, whichever comes first, and says which.
 */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly callerSignal: AbortSignal | undefined;
  private readonly onCallerAbort = () => this.controller.abort(this.callerSignal?.reason);
  private expired = false;

  constructor(timeoutMs: number, callerSignal: AbortSignal | undefined) {
    this.callerSignal = callerSignal;
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort(
        new DOMException(`no complete answer within ${timeoutMs} ms`, "TimeoutError"),
      );
    }, timeoutMs);
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener("abort", this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the time ran out before the caller aborted. */
  get timedOut(): boolean {
    return this.expired;
  }

  /** Stops the timer and aborts whatever is still in flight; safe to call twice. */
  release(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener("abort", this.onCallerAbort);
    if (!this.controller.signal.aborted) this.controller.abort(new Error("released"));
  }
}

/** Reasoning models reject any temperature but the default (same test as `@langchain/openai`). */
function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith("gpt-5") && !model.startsWith("gpt-5-chat"));
}

/** The signal's reason when it is an Error, else a standard `AbortError`. */
export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException("The operation was aborted.", "AbortError");
}

/** The endpoint and the HTTP status or cause of a failed chat call, e.g. `http://…/v1 answered HTTP 500: …`. */
export function describeChatFailure(error: unknown, baseURL: string): string {
  const status = numberField(error, "status");
  const message = error instanceof Error ? error.message : String(error);
  if (status !== undefined) {
    // `openai` prefixes the status; LangChain appends a troubleshooting URL on 401/404/429.
    const detail = message.replace(/^\d{3}\s*/, "").replace(/Troubleshooting URL:.*$/s, "");
    return `${baseURL} answered HTTP ${status}: ${detail}`;
  }
  if (error instanceof SyntaxError || error instanceof TypeError) {
    // JSON.parse failed on a frame, or a frame had the wrong shape.
    return `${baseURL} sent a malformed reply: ${message}`;
  }
  return `could not reach ${baseURL}: ${rootCause(error)}`;
}
