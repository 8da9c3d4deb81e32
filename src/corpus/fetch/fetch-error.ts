import { AppError } from "../../errors/app-error.ts";

/** Why a URL could not be fetched; stable, for reports and tests. */
export type FetchFailure =
  | "invalid-url"
  | "blocked"
  | "timeout"
  | "network"
  | "http-status"
  | "too-many-redirects"
  | "content-type"
  | "too-large"
  | "aborted";

/**
 * A URL could not be fetched or was refused (robots.txt, another host, a content type that is
 * not a document). The message names the URL, the limit and the actual value.
 */
export class FetchError extends AppError {
  readonly url: string;
  readonly reason: FetchFailure;
  /** HTTP status of the last response, when there was one. */
  readonly status: number | undefined;

  constructor(
    url: string,
    reason: FetchFailure,
    problem: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(`${url}: ${problem}`, {
      code: `fetch_${reason.replaceAll("-", "_")}`,
      exitCode: 1,
      httpStatus: 502,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.url = url;
    this.reason = reason;
    this.status = options.status;
  }
}
