import { type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import type { ChatOpenAI } from "@langchain/openai";
import { ConfigError } from "../errors/config-error.ts";
import { oneLine, redact } from "../internal/upstream.ts";
import {
  abortError,
  type ChatModelOptions,
  createChatModel,
  Deadline,
  describeChatFailure,
} from "../llm/chat-model.ts";
import { buildAnswerPrompt, echoesPrompt } from "./answer-prompt.ts";
import type { GenerationInput, Generator, GeneratorEvent } from "./generator.ts";

export type LlmGeneratorOptions = ChatModelOptions & {
  /**
   * Budget for the whole generation, in milliseconds: connecting, waiting for the first token,
   * every pause between tokens and any retry. When it runs out the request is aborted and the
   * fallback answers.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Retries of the request after a connection error, 429 or 5xx, with LangChain's exponential
   * backoff (about 1–2 s before the retry), all within `timeoutMs`. One retry rides out a
   * transient rate limit or restart; more would mostly spend the learner's time, since the
   * extractive fallback is always ready. A stream that breaks after it started is never retried.
   * @default 1
   */
  maxRetries?: number;
  /** Answers instead when the model fails; the extractive generator. */
  fallback: Generator;
  /**
   * Told the full reason of each failure (endpoint without credentials, HTTP status, the server's
   * error text; the API key redacted), for the operator's log. The learner's notice stays generic.
   */
  onFailure?: (detail: string) => void;
};

/**
 * Writes the answer with a chat model behind any OpenAI-compatible endpoint, through LangChain's
 * `ChatOpenAI`, streaming its tokens as `text-delta` events.
 *
 * Whatever goes wrong upstream (HTTP error, unreachable server, `timeoutMs` exceeded, malformed
 * stream, empty answer), the iterator does not throw: it emits one `notice` saying why and then
 * the fallback's events, whose `answer-end` carries the fallback's id. Deltas already streamed
 * by the model stay streamed; `answer-end.text` is the authoritative answer.
 *
 * When the caller's signal aborts, the upstream request is aborted and the iterator ends
 * promptly with a single `error` event holding an `AbortError` (the signal's reason when it is an
 * Error), as the `GeneratorEvent` contract wants every stream to end in `answer-end` or `error`;
 * no fallback runs.
 *
 * Citation markers are passed through as the model wrote them: `resolveCitations` removes and
 * counts those that point at no shown passage.
 */
export class LlmGenerator implements Generator {
  /** `openai:<model>`, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  readonly model: string;
  /** Base URL requests go to, without any user:password part, as shown in notices. */
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  // `#` rather than `private`: the client holds the API key, and true private fields keep it out
  // of util.inspect, JSON.stringify and loggers.
  readonly #fallback: Generator;
  readonly #apiKey: string;
  readonly #client: ChatOpenAI;
  readonly #onFailure: ((detail: string) => void) | undefined;

  constructor(options: LlmGeneratorOptions) {
    this.model = options.model;
    this.id = `openai:${this.model}`;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 1;
    requireInteger("timeoutMs", this.timeoutMs, 1);
    requireInteger("maxRetries", this.maxRetries, 0);
    this.#fallback = options.fallback;
    this.#onFailure = options.onFailure;
    const { client, apiKey, baseURL } = createChatModel(options, {
      streaming: true,
      timeoutMs: this.timeoutMs,
      maxRetries: this.maxRetries,
    });
    this.#client = client;
    this.#apiKey = apiKey;
    this.baseURL = baseURL;
  }

  async *generate(
    input: GenerationInput,
    options: { signal?: AbortSignal } = {},
  ): AsyncIterable<GeneratorEvent> {
    const callerSignal = options.signal;
    if (callerSignal?.aborted) {
      yield { type: "error", error: abortError(callerSignal) };
      return;
    }
    const deadline = new Deadline(this.timeoutMs, callerSignal);
    const prompt = buildAnswerPrompt(input);
    const messages: BaseMessage[] = [
      new SystemMessage(prompt.system),
      new HumanMessage(prompt.user),
    ];
    let text = "";
    let failure: unknown;
    try {
      const stream = await this.#client.stream(messages, { signal: deadline.signal });
      for await (const chunk of stream) {
        const piece = chunk.text;
        if (piece === "") continue;
        text += piece;
        yield { type: "text-delta", text: piece };
      }
      // `openai` ends an aborted stream quietly instead of throwing: a stall cut short by the
      // deadline would otherwise pass for a complete answer.
      deadline.signal.throwIfAborted();
    } catch (error) {
      failure = error;
    } finally {
      // Also reached when the consumer stops reading early: free the upstream request.
      deadline.release();
    }

    if (callerSignal?.aborted) {
      yield { type: "error", error: abortError(callerSignal) };
      return;
    }
    if (failure === undefined && text.trim() !== "" && !echoesPrompt(text)) {
      yield { type: "answer-end", text, generator: this.id };
      return;
    }
    const message =
      failure === undefined && echoesPrompt(text)
        ? "The language model repeated its instructions instead of answering; showing the extractive answer instead."
        : this.#notice(failure, deadline.timedOut);
    yield { type: "notice", message };
    yield* this.#fallback.generate(input, options);
  }

  /**
   * One line for the learner saying that the model's answer is not shown, without the endpoint
   * or the server's error text (they can name internal hosts or echo secrets); those go to
   * `onFailure`, with the API key redacted.
   */
  #notice(failure: unknown, timedOut: boolean): string {
    const instead = `showing the ${this.#fallback.id} answer instead.`;
    if (failure === undefined) {
      this.#onFailure?.(`${this.baseURL} returned an empty answer`);
      return `The language model returned an empty answer; ${instead}`;
    }
    if (timedOut || (failure instanceof Error && failure.name === "TimeoutError")) {
      this.#onFailure?.(`${this.baseURL} gave no complete answer within ${this.timeoutMs} ms`);
      return `The language model did not answer in time (${seconds(this.timeoutMs)} s); ${instead}`;
    }
    this.#onFailure?.(
      oneLine(redact(describeChatFailure(failure, this.baseURL), this.#apiKey), 500),
    );
    return `The language model could not answer; ${instead}`;
  }
}

function requireInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigError(`${name} must be an integer >= ${minimum}; got ${value}`);
  }
}

function seconds(milliseconds: number): string {
  return String(Math.round(milliseconds / 100) / 10);
}
