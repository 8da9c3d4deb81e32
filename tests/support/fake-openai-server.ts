import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import { z } from "zod";
import { hashedBagOfWords } from "./hashed-bag-of-words.ts";

/**
 * How the fake server answers the next request. `"ok"` speaks the protocol; `{ status, body }`
 * answers with that status and body (an OpenAI-style error body by default); `"garbage"` answers
 * 200 with a truncated JSON body (a streamed chat completion sends two good frames, then a
 * malformed one, then ends); `{ delayMs }` waits that long before answering normally;
 * `{ stallAfterChunks }` sends that many content deltas of a streamed chat completion (only the
 * headers otherwise), then sends nothing more until the client disconnects or `close()` is called.
 */
export type FakeBehaviour =
  | "ok"
  | { status: number; body?: string }
  | "garbage"
  | { delayMs: number }
  | { stallAfterChunks: number };

/** What the fake chat model answers: fixed text, or text chosen from the request. */
export type FakeChatReply = string | ((request: RecordedRequest) => string);

/** The default chat reply: one sentence citing the first passage. */
export const defaultChatReply =
  "Docker packages a trained model with its dependencies, so it runs the same everywhere [1].";

/** One request as the fake server received it. */
export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. `/v1/embeddings`. */
  path: string;
  /** Header names are lower-case, as Node delivers them. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown;
  /**
   * Set when the client closed the connection before the whole answer was sent (it timed out or
   * aborted, or it gave up on a malformed reply). A server `close()` does not count. Set
   * asynchronously, when the disconnect reaches the server: poll it (`vi.waitFor`).
   */
  aborted: boolean;
};

export type FakeOpenAIServer = {
  /** Base URL ending in `/v1`, as OpenAI clients expect, e.g. `http://127.0.0.1:53121/v1`. */
  readonly url: string;
  /** Vector length returned when a request does not ask for `dimensions`. */
  readonly dimensions: number;
  /** Every request received, in arrival order, including those answered with an error. */
  readonly requests: RecordedRequest[];
  /**
   * Applied to every request; a function decides per request (e.g. fail the first, then succeed).
   * @default "ok"
   */
  behaviour: FakeBehaviour | ((request: RecordedRequest) => FakeBehaviour);
  /**
   * Text of the next chat completions (`POST /v1/chat/completions`); a function decides per request.
   * Streamed replies are sent word by word.
   * @default defaultChatReply
   */
  chatReply: FakeChatReply;
  /** Empties the request log and restores the `"ok"` behaviour and the default chat reply. */
  reset(): void;
  /** Stops listening, destroys open sockets and cancels pending delays, so tests never hang. */
  close(): Promise<void>;
};

/** Model ids listed by `GET /v1/models`; any model name is accepted by the other routes. */
const listedModels = [
  "text-embedding-3-small",
  "text-embedding-3-large",
  "fake-embedding",
  "gpt-4o-mini",
  "fake-chat",
];

type RouteContext = {
  request: RecordedRequest;
  response: ServerResponse;
  dimensions: number;
  /** The behaviour chosen for this request; only routes listed in `routesWithOwnFailures` see
   * anything but `"ok"`. */
  behaviour: FakeBehaviour;
  chatReply: string;
  /** Resolves when the client disconnects or the server closes; used to stall. */
  hang: () => Promise<void>;
};

/** A route writes its whole answer; streaming routes (SSE) write frames and end the response. */
type RouteHandler = (context: RouteContext) => void | Promise<void>;

const embeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  dimensions: z.number().int().positive().optional(),
  encoding_format: z.enum(["float", "base64"]).optional(),
});

const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z
    .array(
      z.object({
        role: z.enum(["system", "developer", "user", "assistant", "tool"]),
        content: z.union([z.string(), z.array(z.unknown()), z.null()]),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
});

/** Routes that implement `"garbage"` and `{ stallAfterChunks }` themselves. */
const routesWithOwnFailures = new Set(["POST /v1/chat/completions"]);

const routes: Record<string, RouteHandler> = {
  "GET /v1/models": ({ response }) => {
    sendJson(response, 200, {
      object: "list",
      data: listedModels.map((id) => ({ id, object: "model", created: 0, owned_by: "fake" })),
    });
  },

  "POST /v1/embeddings": ({ request, response, dimensions }) => {
    const parsed = embeddingsRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      sendError(response, 400, `invalid embeddings request: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const inputs = typeof parsed.data.input === "string" ? [parsed.data.input] : parsed.data.input;
    // The real API rejects empty strings; a fake that accepted them would hide that bug.
    if (inputs.some((input) => input.length === 0)) {
      sendError(response, 400, "'$.input' is invalid: empty strings are not allowed");
      return;
    }
    const length = parsed.data.dimensions ?? dimensions;
    const base64 = parsed.data.encoding_format === "base64";
    let tokens = 0;
    const data = inputs.map((input, index) => {
      const embedding = hashedBagOfWords(input, length);
      tokens += input.split(/\s+/).filter(Boolean).length;
      return {
        object: "embedding",
        index,
        // The official client asks for base64 (little-endian float32) unless told otherwise.
        embedding: base64
          ? Buffer.from(new Float32Array(embedding).buffer).toString("base64")
          : embedding,
      };
    });
    sendJson(response, 200, {
      object: "list",
      data,
      model: parsed.data.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  },

  "POST /v1/chat/completions": async (context) => {
    const parsed = chatRequestSchema.safeParse(context.request.body);
    if (!parsed.success) {
      sendError(
        context.response,
        400,
        `invalid chat completions request: ${z.prettifyError(parsed.error)}`,
      );
      return;
    }
    if (parsed.data.stream === true) {
      await streamChatCompletion(context, parsed.data.model, parsed.data.stream_options);
      return;
    }
    const { response, behaviour, chatReply } = context;
    if (behaviour === "garbage") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"mess');
      return;
    }
    if (typeof behaviour === "object" && "stallAfterChunks" in behaviour) {
      response.writeHead(200, { "content-type": "application/json" });
      response.flushHeaders();
      await context.hang();
      response.destroy();
      return;
    }
    const completionTokens = countWords(chatReply);
    const promptTokens = countWords(JSON.stringify(parsed.data.messages));
    sendJson(response, 200, {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 0,
      model: parsed.data.model,
      system_fingerprint: null,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: chatReply, refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    });
  },
};

/**
 * Answers `stream: true` like OpenAI: `data: <chat.completion.chunk>` frames (a role frame, one
 * frame per word of the reply, a `finish_reason: "stop"` frame, a usage frame when asked for),
 * then `data: [DONE]`.
 */
async function streamChatCompletion(
  context: RouteContext,
  model: string,
  streamOptions: { include_usage?: boolean | undefined } | undefined,
): Promise<void> {
  const { response, behaviour, chatReply } = context;
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const frame = (choices: unknown[], extra: Record<string, unknown> = {}) => {
    const chunk = {
      id: "chatcmpl-fake",
      object: "chat.completion.chunk",
      created: 0,
      model,
      system_fingerprint: null,
      choices,
      ...extra,
    };
    // A client that went away cannot be written to; the caller notices through `hang`/`aborted`.
    if (!response.destroyed) response.write(`data: ${JSON.stringify(chunk)}\n\n`);
  };
  const delta = (content: string) => ({
    index: 0,
    delta: { content },
    logprobs: null,
    finish_reason: null,
  });

  const pieces = chatReply.match(/\S+\s*|\s+/g) ?? [];
  frame([
    { index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null },
  ]);
  if (behaviour === "garbage") {
    for (const piece of pieces.slice(0, 2)) frame([delta(piece)]);
    response.end(
      'data: {"id":"chatcmpl-fake","object":"chat.completion.chunk","choices":[{"in\n\n',
    );
    return;
  }
  if (typeof behaviour === "object" && "stallAfterChunks" in behaviour) {
    for (const piece of pieces.slice(0, behaviour.stallAfterChunks)) frame([delta(piece)]);
    await context.hang();
    response.destroy();
    return;
  }
  for (const piece of pieces) frame([delta(piece)]);
  frame([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]);
  if (streamOptions?.include_usage === true) {
    const tokens = countWords(chatReply);
    frame([], { usage: { prompt_tokens: 0, completion_tokens: tokens, total_tokens: tokens } });
  }
  if (!response.destroyed) response.end("data: [DONE]\n\n");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}

function sendError(response: ServerResponse, status: number, message: string): void {
  const type = status >= 500 ? "server_error" : "invalid_request_error";
  sendJson(response, status, { error: { message, type, param: null, code: null } });
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Starts a real HTTP server on 127.0.0.1 and a free port that speaks enough of the OpenAI API for
 * tests: `POST /v1/embeddings` (string or string-array input, float or base64 encoding, optional
 * `dimensions`), `POST /v1/chat/completions` (plain or `stream: true` server-sent events) and
 * `GET /v1/models`.
 */
export async function startFakeOpenAIServer(
  options: {
    /**
     * Vector length when a request does not ask for `dimensions`.
     * @default 1536
     */
    dimensions?: number;
  } = {},
): Promise<FakeOpenAIServer> {
  const dimensions = options.dimensions ?? 1536;
  const requests: RecordedRequest[] = [];
  // Delays and stalls in progress, so `close` can end them instead of leaving timers and sockets
  // behind.
  const pendingDelays = new Map<NodeJS.Timeout, () => void>();
  const pendingHangs = new Set<() => void>();
  let closing = false;

  /** Resolves when the response closes (client gone) or the server closes. */
  const hangUntilClosed = (response: ServerResponse): Promise<void> =>
    new Promise<void>((resolve) => {
      if (closing || response.destroyed) {
        resolve();
        return;
      }
      const done = () => {
        pendingHangs.delete(done);
        response.off("close", done);
        resolve();
      };
      pendingHangs.add(done);
      response.once("close", done);
    });

  const answer = async (recorded: RecordedRequest, response: ServerResponse): Promise<void> => {
    const behaviour =
      typeof fake.behaviour === "function" ? fake.behaviour(recorded) : fake.behaviour;
    const routeKey = `${recorded.method} ${recorded.path}`;
    const ownFailures = routesWithOwnFailures.has(routeKey);
    if (behaviour === "garbage" && !ownFailures) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"object":"list","data":[{"object":"embedding","embedding":[0.1,');
      return;
    }
    if (typeof behaviour === "object" && "status" in behaviour) {
      response.writeHead(behaviour.status, { "content-type": "application/json" });
      response.end(
        behaviour.body ??
          JSON.stringify({ error: { message: "fake server error", type: "server_error" } }),
      );
      return;
    }
    if (typeof behaviour === "object" && "stallAfterChunks" in behaviour && !ownFailures) {
      response.writeHead(200, { "content-type": "application/json" });
      response.flushHeaders();
      await hangUntilClosed(response);
      response.destroy();
      return;
    }
    if (typeof behaviour === "object" && "delayMs" in behaviour) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pendingDelays.delete(timer);
          resolve();
        }, behaviour.delayMs);
        pendingDelays.set(timer, resolve);
      });
      // The client gave up (timeout or abort) or the server is closing: nobody is listening.
      if (closing || response.destroyed || response.socket?.destroyed !== false) {
        response.destroy();
        return;
      }
    }
    const route = routes[routeKey];
    if (route === undefined) {
      sendError(response, 404, `no route for ${recorded.method} ${recorded.path}`);
      return;
    }
    const chatReply =
      typeof fake.chatReply === "function" ? fake.chatReply(recorded) : fake.chatReply;
    await route({
      request: recorded,
      response,
      dimensions,
      behaviour: ownFailures ? behaviour : "ok",
      chatReply,
      hang: () => hangUntilClosed(response),
    });
  };

  const server = createServer((request, response) => {
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: new URL(request.url ?? "/", "http://fake").pathname,
      headers: request.headers,
      body: undefined,
      aborted: false,
    };
    // `close` also follows a complete answer; only an unfinished one means the client left.
    response.once("close", () => {
      if (!response.writableFinished && !closing) recorded.aborted = true;
    });
    void (async () => {
      recorded.body = await readBody(request);
      requests.push(recorded);
      await answer(recorded, response);
    })().catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, 500, `fake server failed: ${String(error)}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenAIServer = {
    url: `http://127.0.0.1:${port}/v1`,
    dimensions,
    requests,
    behaviour: "ok",
    chatReply: defaultChatReply,
    reset() {
      requests.length = 0;
      fake.behaviour = "ok";
      fake.chatReply = defaultChatReply;
    },
    close() {
      closing = true;
      for (const [timer, resolve] of pendingDelays) {
        clearTimeout(timer);
        resolve();
      }
      pendingDelays.clear();
      for (const release of [...pendingHangs]) release();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Keep-alive and stalled connections would otherwise keep `close` waiting.
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

/**
 * One fake server for the calling test file: started before its tests, reset after each test,
 * closed after all of them. Call the returned function inside a test to reach it.
 */
export function useFakeOpenAIServer(
  options: Parameters<typeof startFakeOpenAIServer>[0] = {},
): () => FakeOpenAIServer {
  let server: FakeOpenAIServer | undefined;
  beforeAll(async () => {
    server = await startFakeOpenAIServer(options);
  });
  afterEach(() => {
    server?.reset();
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined) throw new Error("the fake OpenAI server starts in beforeAll");
    return server;
  };
}
