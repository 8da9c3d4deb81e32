import type { z } from "zod";
import { AppError } from "./app-error.ts";

/** One problem with a request body: where and what. */
export type RequestIssue = { path: string; message: string };

/** A request body that is not valid JSON or does not match the route's schema. */
export class RequestValidationError extends AppError {
  readonly issues: RequestIssue[];

  constructor(message: string, issues: RequestIssue[] = []) {
    super(message, { code: "invalid_request", exitCode: 2, httpStatus: 400 });
    this.issues = issues;
  }

  static fromZod(error: z.ZodError): RequestValidationError {
    return new RequestValidationError(
      "the request body does not match the expected shape",
      error.issues.map((issue) => ({
        path: issue.path.join(".") || "(body)",
        message: issue.message,
      })),
    );
  }
}

/** A request body over the size limit. */
export class PayloadTooLargeError extends AppError {
  readonly limitBytes: number;

  constructor(limitBytes: number, actualBytes?: number) {
    const actual =
      actualBytes === undefined ? "" : ` (${actualBytes.toLocaleString("en-US")} bytes)`;
    super(
      `the request body is too large${actual}; the limit is ${limitBytes.toLocaleString("en-US")} bytes`,
      {
        code: "body_too_large",
        httpStatus: 413,
      },
    );
    this.limitBytes = limitBytes;
  }
}

/** A client sent more requests than the per-minute limit allows. */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(limitPerMinute: number, retryAfterSeconds: number) {
    super(`too many requests: the limit is ${limitPerMinute} per minute per client; retry later`, {
      code: "rate_limited",
      httpStatus: 429,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The answering routes are at their concurrency limit and their queue is full, or a request
 * waited in the queue longer than allowed: 503 with `Retry-After`, so accepted requests still
 * finish in bounded time.
 */
export class ServerBusyError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(limits: { maxConcurrent: number; maxQueued: number }, retryAfterSeconds: number) {
    super(
      `the server is busy: it writes at most ${limits.maxConcurrent} answers at a time and ` +
        `${limits.maxQueued} waiting; retry in ${retryAfterSeconds} s`,
      { code: "server_busy", httpStatus: 503 },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A request to the admin API without the right bearer token. */
export class UnauthorizedError extends AppError {
  constructor() {
    super("missing or wrong bearer token for the admin API", {
      code: "unauthorized",
      httpStatus: 401,
    });
  }
}

/** An unknown route or resource. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, { code: "not_found", httpStatus: 404 });
  }
}
