import { FetchError } from "../../errors/corpus-errors.ts";
import { parseContentType } from "../loaders/content-type.ts";
import { formatBytes, formatMs, printable } from "./internal/format.ts";
import {
  discard,
  isRetryableStatus,
  parseRetryAfter,
  readLimited,
  toHttpUrl,
} from "./internal/http.ts";
import { sleep } from "./internal/sleep.ts";

/** Names the project in every request, so site owners can match it in robots.txt ("study-assistant"). */
export const DEFAULT_USER_AGENT =
  "study-assistant/0.1 (retrieval-augmented study assistant; honours robots.txt)";

/** Content types the loaders read. `*\/*` in a list accepts any type. */
export const DOCUMENT_CONTENT_TYPES: readonly string[] = [
  "text/html",
  "application/xhtml+xml",
  "text/plain",
  "text/markdown",
  "application/pdf",
];

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export type FetchUrlOptions = {
  /** Limit of one request (each retry and each redirect hop), headers and body, in ms. @default 10_000 */
  timeoutMs?: number;
  /**
   * Extra attempts after a network error, HTTP 408, 429 or 5xx (not 501). Timeouts are not
   * retried: a server too slow once is asked again only by the next run. @default 2
   */
  retries?: number;
  /** First backoff delay in ms; doubled per attempt, with jitter (50–100 % of it). @default 500 */
  retryDelayMs?: number;
  /**
   * Longest wait before a retry, in ms, for the backoff and for `Retry-After`. A server asking
   * for a longer wait is not retried (rather than asked again too early). @default 10_000
   */
  maxRetryDelayMs?: number;
  /** Largest body accepted, in bytes (after decompression); reading stops past it. @default 10 MiB */
  maxBytes?: number;
  /** Redirects followed before giving up; each hop is checked again. @default 5 */
  maxRedirects?: number;
  /** MIME types accepted. @default DOCUMENT_CONTENT_TYPES */
  contentTypes?: readonly string[];
  /** @default DEFAULT_USER_AGENT */
  userAgent?: string;
  /** Cancels the whole fetch, retries and waits included. */
  signal?: AbortSignal;
  /**
   * Called before every request (first, retries, redirect hops). Throw (a `FetchError`) to refuse
   * the URL, e.g. robots.txt; wait in it to pace requests, e.g. crawl-delay.
   */
  beforeRequest?: (url: URL) => void | Promise<void>;
};

/** A document fetched with a 2xx status and an accepted content type. */
export type FetchedResource = {
  /** Final URL after redirects, without fragment. */
  url: string;
  /** URL asked for. */
  requestedUrl: string;
  /** Each redirect hop's target, in order. */
  redirects: string[];
  status: number;
  /** The `Content-Type` header as sent (its charset decides how text is decoded). */
  contentType: string;
  /** Lower-cased MIME type from `contentType`. */
  mimeType: string;
  bytes: Uint8Array;
};

type Settings = Required<Omit<FetchUrlOptions, "signal" | "beforeRequest">> &
  Pick<FetchUrlOptions, "signal" | "beforeRequest">;

/** One request's outcome: a redirect to follow, or the document. */
type Attempt =
  | { kind: "redirect"; location: URL }
  | { kind: "document"; resource: FetchedResource };

/** A failure worth another attempt, with the server's requested wait when it gave one. */
class RetryableFailure extends Error {
  constructor(
    readonly failure: FetchError,
    readonly retryAfterMs?: number,
  ) {
    super(failure.message);
  }
}

/**
 * GETs one URL politely and defensively: per-request timeout, retries with exponential backoff and
 * jitter (honouring `Retry-After` up to a cap), redirects followed by hand up to a cap with every
 * hop re-checked, a content-type allow-list checked before the body is read, and a body size limit
 * enforced while streaming. Throws `FetchError` with a `reason` and a message naming the limit.
 */
export async function fetchUrl(
  input: string | URL,
  options: FetchUrlOptions = {},
): Promise<FetchedResource> {
  const settings: Settings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 500,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 10_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    contentTypes: options.contentTypes ?? DOCUMENT_CONTENT_TYPES,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.beforeRequest === undefined ? {} : { beforeRequest: options.beforeRequest }),
  };
  const requestedUrl = toHttpUrl(input, String(input));
  const redirects: string[] = [];
  let url = requestedUrl;
  for (;;) {
    const attempt = await withRetries(url, settings);
    if (attempt.kind === "document") {
      return { ...attempt.resource, requestedUrl: requestedUrl.href, redirects };
    }
    if (redirects.length >= settings.maxRedirects) {
      throw new FetchError(
        requestedUrl.href,
        "too-many-redirects",
        `redirects more than ${settings.maxRedirects} times (the limit); last hop to ${attempt.location.href}`,
      );
    }
    url = attempt.location;
    redirects.push(url.href);
  }
}

async function withRetries(url: URL, settings: Settings): Promise<Attempt> {
  for (let attempt = 0; ; attempt++) {
    try {
      await settings.beforeRequest?.(url);
      return await requestOnce(url, settings);
    } catch (error) {
      if (settings.signal?.aborted === true && !(error instanceof FetchError)) {
        // Cancelled while beforeRequest waited (e.g. for a crawl-delay slot).
        throw new FetchError(url.href, "aborted", "was cancelled", { cause: error });
      }
      if (!(error instanceof RetryableFailure)) throw error;
      const attemptsMade = attempt + 1;
      if (attempt >= settings.retries) {
        throw withAttempts(error.failure, attemptsMade);
      }
      const backoff = Math.min(settings.maxRetryDelayMs, settings.retryDelayMs * 2 ** attempt);
      const delay = error.retryAfterMs ?? backoff * (0.5 + Math.random() * 0.5);
      if (delay > settings.maxRetryDelayMs) {
        throw new FetchError(
          url.href,
          error.failure.reason,
          `${problemOf(error.failure)}; the server asks to retry after ${formatMs(delay)}, longer than the ${formatMs(settings.maxRetryDelayMs)} cap`,
          withStatus(error.failure.status),
        );
      }
      try {
        await sleep(delay, settings.signal);
      } catch (abort) {
        throw new FetchError(url.href, "aborted", "was cancelled", { cause: abort });
      }
    }
  }
}

async function requestOnce(url: URL, settings: Settings): Promise<Attempt> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal =
    settings.signal === undefined ? timeout : AbortSignal.any([timeout, settings.signal]);
  // What a rejected fetch or body read means: cancelled, timed out, or a network error (retried).
  const describeFailure = (error: unknown): FetchError | RetryableFailure => {
    if (settings.signal?.aborted === true) {
      return new FetchError(url.href, "aborted", "was cancelled", { cause: error });
    }
    if (timeout.aborted) {
      return new FetchError(
        url.href,
        "timeout",
        `did not answer within ${formatMs(settings.timeoutMs)} (the timeout)`,
        { cause: error },
      );
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const detail =
      (cause as { code?: unknown }).code ??
      (cause instanceof Error ? cause.message : String(cause));
    return new RetryableFailure(
      new FetchError(url.href, "network", `network error (${String(detail)})`, { cause: error }),
    );
  };

  let response: Response;
  try {
    response = await fetch(url, {
      redirect: "manual",
      signal,
      headers: {
        "user-agent": settings.userAgent,
        accept: settings.contentTypes.join(", "),
      },
    });
  } catch (error) {
    throw describeFailure(error);
  }

  if (REDIRECT_STATUSES.has(response.status)) {
    await discard(response);
    const location = response.headers.get("location");
    if (location === null || location.trim() === "") {
      throw new FetchError(
        url.href,
        "http-status",
        `answered HTTP ${response.status} without a Location`,
        {
          status: response.status,
        },
      );
    }
    return {
      kind: "redirect",
      location: toHttpUrl(location, `${url.href} → ${location}`, url),
    };
  }
  if (!response.ok) {
    await discard(response);
    const failure = new FetchError(
      url.href,
      "http-status",
      `HTTP ${response.status}${statusText(response)}`,
      {
        status: response.status,
      },
    );
    if (isRetryableStatus(response.status)) {
      throw new RetryableFailure(failure, parseRetryAfter(response.headers.get("retry-after")));
    }
    throw failure;
  }

  const contentType = response.headers.get("content-type") ?? "";
  const { mimeType } = parseContentType(contentType);
  if (!settings.contentTypes.includes("*/*") && !settings.contentTypes.includes(mimeType)) {
    await discard(response);
    throw new FetchError(
      url.href,
      "content-type",
      `has content type ${mimeType === "" ? "(none)" : JSON.stringify(mimeType.slice(0, 100))}; accepted: ${settings.contentTypes.join(", ")}`,
      { status: response.status },
    );
  }
  const declaredLength = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declaredLength) && declaredLength > settings.maxBytes) {
    await discard(response);
    throw new FetchError(
      url.href,
      "too-large",
      `is ${formatBytes(declaredLength)} (Content-Length); the limit is ${formatBytes(settings.maxBytes)}`,
      { status: response.status },
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(response, url, settings.maxBytes);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw describeFailure(error);
  }
  return {
    kind: "document",
    resource: {
      url: url.href,
      requestedUrl: url.href,
      redirects: [],
      status: response.status,
      contentType,
      mimeType,
      bytes,
    },
  };
}

function statusText(response: Response): string {
  return response.statusText === "" ? "" : ` ${printable(response.statusText).slice(0, 80)}`;
}

function withStatus(status: number | undefined): { status?: number } {
  return status === undefined ? {} : { status };
}

function problemOf(error: FetchError): string {
  return error.message.slice(error.url.length + 2);
}

function withAttempts(error: FetchError, attempts: number): FetchError {
  if (attempts === 1) return error;
  return new FetchError(
    error.url,
    error.reason,
    `${problemOf(error)} (after ${attempts} attempts)`,
    {
      ...withStatus(error.status),
      cause: error.cause,
    },
  );
}
