import { AppError } from "./app-error.ts";

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
