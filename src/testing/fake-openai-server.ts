import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/**
 * How the fake server answers the next request. `"ok"` speaks the protocol; `{ status, body }`
 * answers with that status and body (an OpenAI-style error body by default); `"garbage"` answers
 * 200 with a truncated JSON body; `{ delayMs }` waits that long before answering normally.
 */
export type FakeBehaviour =
  | "ok"
  | { status: number; body?: string }
  | "garbage"
  | { delayMs: number };

/** One request as the fake server received it. */
export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. `/v1/embeddings`. */
  path: string;
  /** Header names are lower-case, as Node delivers them. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown;
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
  /** Empties the request log and restores the `"ok"` behaviour. */
  reset(): void;
  /** Stops listening, destroys open sockets and cancels pending delays, so tests never hang. */
  close(): Promise<void>;
};

/** Model ids listed by `GET /v1/models`; any model name is accepted by the other routes. */
const listedModels = ["text-embedding-3-small", "text-embedding-3-large", "fake-embedding"];

/**
 * Deterministic stand-in for an embedding model: a signed, hashed bag of lower-cased words,
 * normalised to unit length. Identical texts give identical vectors and texts that share words
 * are closer than texts that do not. A text without words gets a fixed non-zero vector.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [""];
  for (const word of words) {
    const hash = fnv1a(word);
    const bucket = hash % dimensions;
    // A second hash bit chooses the sign, so collisions cancel out instead of piling up.
    vector[bucket] = (vector[bucket] ?? 0) + ((hash >>> 31) & 1 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

type RouteContext = {
  request: RecordedRequest;
  response: ServerResponse;
  dimensions: number;
};

/** A route writes its whole answer; streaming routes (SSE) write frames and end the response. */
type RouteHandler = (context: RouteContext) => void | Promise<void>;

const embeddingsRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1)]),
  dimensions: z.number().int().positive().optional(),
  encoding_format: z.enum(["float", "base64"]).optional(),
});

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
      const embedding = fakeEmbedding(input, length);
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
};

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
 * `dimensions`) and `GET /v1/models`.
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
  // Delays in progress, so `close` can end them instead of leaving timers and sockets behind.
  const pendingDelays = new Map<NodeJS.Timeout, () => void>();
  let closing = false;

  const answer = async (recorded: RecordedRequest, response: ServerResponse): Promise<void> => {
    const behaviour =
      typeof fake.behaviour === "function" ? fake.behaviour(recorded) : fake.behaviour;
    if (behaviour === "garbage") {
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
    if (typeof behaviour === "object") {
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
    const route = routes[`${recorded.method} ${recorded.path}`];
    if (route === undefined) {
      sendError(response, 404, `no route for ${recorded.method} ${recorded.path}`);
      return;
    }
    await route({ request: recorded, response, dimensions });
  };

  const server = createServer((request, response) => {
    void (async () => {
      const recorded: RecordedRequest = {
        method: request.method ?? "GET",
        path: new URL(request.url ?? "/", "http://fake").pathname,
        headers: request.headers,
        body: await readBody(request),
      };
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
    reset() {
      requests.length = 0;
      fake.behaviour = "ok";
    },
    close() {
      closing = true;
      for (const [timer, resolve] of pendingDelays) {
        clearTimeout(timer);
        resolve();
      }
      pendingDelays.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Keep-alive and stalled connections would otherwise keep `close` waiting.
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
