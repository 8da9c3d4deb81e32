import type { Server } from "node:http";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

/** A response read whole: status, lower-case headers and the body as bytes and as UTF-8 text. */
export type RawResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
};

export type RawRequestOptions = {
  /** @default "GET" */
  method?: string;
  /** Sent exactly as given: no normalisation of `..` or percent-escapes, unlike `fetch`. */
  path: string;
  headers?: Record<string, string | number>;
  /** Raw bytes or text; `fetch` cannot send arbitrary bytes with any method and header. */
  body?: string | Buffer;
  /** Sends the body with chunked transfer encoding (no Content-Length). @default false */
  chunked?: boolean;
  /** The request fails (rejects) instead of hanging after this long. @default 15000 */
  timeoutMs?: number;
};

/**
 * One HTTP request over its own connection, closed when the response ends (`Connection: close`,
 * no agent), so a test can count the server's open connections afterwards.
 */
export function rawRequest(baseUrl: string, options: RawRequestOptions): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: hostname,
        port,
        method: options.method ?? "GET",
        path: options.path,
        agent: false,
        headers: { connection: "close", ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          clearTimeout(timer);
          const body = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body,
            text: body.toString("utf8"),
          });
        });
        response.on("error", reject);
      },
    );
    const timeoutMs = options.timeoutMs ?? 15_000;
    const timer = setTimeout(() => {
      request.destroy(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (options.body !== undefined && options.chunked === true) {
      // Several writes without a length: Node sends them chunked.
      const body = Buffer.from(options.body);
      for (let start = 0; start < body.length; start += 16 * 1024) {
        request.write(body.subarray(start, start + 16 * 1024));
      }
      request.end();
    } else {
      request.end(options.body);
    }
  });
}

/** A request in flight that the test can abandon, as a client that goes away would. */
export type OpenRequest = {
  /** The response text received so far. */
  received(): string;
  /** Destroys the connection without waiting for the response. */
  disconnect(): void;
  /** Settles when the connection is gone, however it ended (never rejects). */
  closed: Promise<void>;
};

/** POSTs a JSON body over its own connection and returns at once, before any response. */
export function openRequest(
  baseUrl: string,
  options: { path: string; body: unknown },
): OpenRequest {
  const { hostname, port } = new URL(baseUrl);
  let text = "";
  const request = httpRequest(
    {
      host: hostname,
      port,
      method: "POST",
      path: options.path,
      agent: false,
      headers: { "content-type": "application/json", connection: "close" },
    },
    (response) => {
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      // The response stream errors with "aborted" when we disconnect mid-body.
      response.on("error", () => {});
    },
  );
  const closed = new Promise<void>((resolve) => request.on("close", () => resolve()));
  request.on("error", () => {});
  request.end(JSON.stringify(options.body));
  return { received: () => text, disconnect: () => request.destroy(), closed };
}

/** Waits (polling every 20 ms, at most `timeoutMs`) until `ready()` is true; throws otherwise. */
export async function waitUntil(
  ready: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Connections the server holds open right now (in-flight and idle keep-alive ones). */
export function openConnections(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.getConnections((error, count) => (error ? reject(error) : resolve(count)));
  });
}

/** Runs `task` over `items` with at most `concurrency` in flight; results in input order. */
export async function promisePool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, position: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const position = next++;
      results[position] = await task(items[position] as T, position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
