import { inspect } from "node:util";
import { OpenAIEmbeddings } from "@langchain/openai";
import { z } from "zod";
import { EmbedderError } from "../errors/embedder-error.ts";
import {
  DEFAULT_OPENAI_BASE_URL,
  numberField,
  oneLine,
  PLACEHOLDER_API_KEY,
  redact,
  rootCause,
  withoutCredentials,
} from "../internal/upstream.ts";
import { BaseEmbedder } from "./base-embedder.ts";

export type OpenAIEmbedderOptions = {
  /**
   * Embedding model name as the server knows it (`nomic-embed-text` on Ollama, a Hugging Face id
   * on vLLM...).
   * @default "text-embedding-3-small"
   */
  model?: string;
  /**
   * Any OpenAI-compatible endpoint, ending in `/v1`: Ollama `http://localhost:11434/v1`, vLLM,
   * llama.cpp. The `OPENAI_BASE_URL` environment variable is not read here; the composition root
   * passes it.
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
   * Length of the vectors the index expects; every returned vector is checked against it.
   * Required for models not listed in `knownDimensions`. For `text-embedding-3-*` it is also sent
   * to the API, which then shortens the vectors; other servers would reject the parameter.
   * @default 1536 for text-embedding-3-small and text-embedding-ada-002, 3072 for text-embedding-3-large
   */
  dimensions?: number;
  /**
   * Texts per request. OpenAI accepts up to 2048; local servers are often happier with fewer.
   * @default 64
   */
  batchSize?: number;
  /**
   * Time allowed for one request until the response headers arrive, in milliseconds.
   * @default 30000
   */
  timeoutMs?: number;
  /**
   * Retries after a failed request (connection error, timeout, 429, 5xx), with exponential
   * backoff starting at about one second. 4xx answers other than 429 are not retried.
   * @default 2
   */
  maxRetries?: number;
};

/** Vector lengths of OpenAI's own embedding models, so `dimensions` can be left out for them. */
export const knownDimensions: Readonly<Record<string, number>> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
};

const defaultBaseURL = DEFAULT_OPENAI_BASE_URL;
/** Sent when a custom server needs no key; `openai` throws before any request without one. */
const placeholderApiKey = PLACEHOLDER_API_KEY;

/** What LangChain hands back; checked because a broken upstream can yield `undefined` entries. */
const vectorsSchema = z.array(z.array(z.number()));

/**
 * Embeds through any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, vLLM,
 * llama.cpp) using LangChain's `OpenAIEmbeddings`. Every upstream failure becomes an
 * `EmbedderError` whose one-line message names the base URL and the HTTP status or the cause,
 * with the API key redacted.
 */
export class OpenAIEmbedder extends BaseEmbedder {
  /** `openai:<model>@<dimensions>`, e.g. `openai:text-embedding-3-small@1536`. */
  readonly id: string;
  readonly dimensions: number;
  readonly model: string;
  /** Base URL requests go to, without any user:password part, as shown in error messages. */
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly #apiKey: string | undefined;
  readonly #client: OpenAIEmbeddings;

  constructor(options: OpenAIEmbedderOptions = {}) {
    super({ batchSize: options.batchSize ?? 64 });
    this.model = options.model ?? "text-embedding-3-small";
    const dimensions = options.dimensions ?? knownDimensions[this.model];
    this.id = `openai:${this.model}@${dimensions ?? "?"}`;
    if (dimensions === undefined) {
      throw new EmbedderError(
        this.id,
        `set dimensions: the vector length of model "${this.model}" is not known`,
      );
    }
    this.dimensions = dimensions;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    const maxRetries = options.maxRetries ?? 2;
    requireInteger(this.id, "dimensions", this.dimensions, 1);
    requireInteger(this.id, "batchSize", this.batchSize, 1);
    requireInteger(this.id, "timeoutMs", this.timeoutMs, 1);
    requireInteger(this.id, "maxRetries", maxRetries, 0);

    const baseURL = options.baseURL ?? defaultBaseURL;
    this.baseURL = withoutCredentials(baseURL);
    this.#apiKey =
      options.apiKey ??
      (options.baseURL === undefined ? process.env.OPENAI_API_KEY : placeholderApiKey);
    if (this.#apiKey === undefined || this.#apiKey === "") {
      throw new EmbedderError(
        this.id,
        `no API key for ${this.baseURL}: set OPENAI_API_KEY or pass apiKey`,
      );
    }

    this.#client = new OpenAIEmbeddings({
      model: this.model,
      apiKey: this.#apiKey,
      configuration: { baseURL },
      // One request per call: BaseEmbedder already cut the texts into batches.
      batchSize: this.batchSize,
      maxRetries,
      timeout: this.timeoutMs,
      // Only OpenAI's text-embedding-3 models accept `dimensions`; vLLM and older models reject it.
      ...(this.model.startsWith("text-embedding-3") ? { dimensions: this.dimensions } : {}),
      // Send the chunk as it is, as the other embedders see it: newlines carry table and list
      // structure, and replacing them only helped the retired first-generation models.
      stripNewLines: false,
      // The official client otherwise asks for base64, which some compatible servers ignore.
      encodingFormat: "float",
    });
  }

  protected async embedBatch(texts: string[]): Promise<number[][]> {
    let vectors: unknown;
    try {
      vectors = await this.#client.embedDocuments(texts);
    } catch (error) {
      throw new EmbedderError(this.id, this.#describe(error), { cause: this.#safeCause(error) });
    }
    const parsed = vectorsSchema.safeParse(vectors);
    if (!parsed.success) {
      throw new EmbedderError(
        this.id,
        `${this.baseURL} sent a malformed response: expected one vector of numbers per text`,
      );
    }
    return parsed.data;
  }

  /** The upstream error, unless it quotes the API key (some servers echo it back in the body). */
  #safeCause(error: unknown): unknown {
    const key = this.#apiKey;
    if (key === undefined || key === placeholderApiKey) return error;
    if (!inspect(error, { depth: 8 }).includes(key)) return error;
    return new Error(redact(error instanceof Error ? error.message : String(error), key));
  }

  /** One line naming the endpoint and the status or cause; never the API key. */
  #describe(error: unknown): string {
    const status = numberField(error, "status");
    const message = error instanceof Error ? error.message : String(error);
    let description: string;
    if (status !== undefined) {
      // `openai` prefixes the status; LangChain appends a troubleshooting URL on 401/404/429.
      const detail = message.replace(/^\d{3}\s*/, "").replace(/Troubleshooting URL:.*$/s, "");
      description = `${this.baseURL} answered HTTP ${status}: ${detail}`;
    } else if (error instanceof Error && error.name === "TimeoutError") {
      description = `${this.baseURL} did not answer within ${this.timeoutMs} ms`;
    } else if (error instanceof SyntaxError || error instanceof TypeError) {
      // JSON.parse failed, or LangChain read `data[i].embedding` from a body of the wrong shape.
      description = `${this.baseURL} sent a malformed response (${message})`;
    } else {
      description = `could not reach ${this.baseURL} (${rootCause(error)})`;
    }
    return oneLine(redact(description, this.#apiKey));
  }
}

function requireInteger(id: string, name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new EmbedderError(id, `${name} must be an integer >= ${minimum}; got ${value}`);
  }
}
