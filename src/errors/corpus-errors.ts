import { AppError } from "./app-error.ts";
import type { ErrorCode } from "./error-code.ts";

/** A corpus file cannot be used: not valid UTF-8, broken front matter, unreadable. */
export class InvalidCorpusFileError extends AppError {
  readonly file: string;

  constructor(file: string, problem: string, options: { cause?: unknown } = {}) {
    super(`${file}: ${problem}`, { code: "invalid_corpus_file", exitCode: 2, ...options });
    this.file = file;
  }
}

/** The corpus holds no text to index (no file, or only empty ones): never published as an index. */
export class EmptyCorpusError extends AppError {
  readonly corpusDir: string;

  constructor(corpusDir: string, documentCount: number) {
    super(
      `the corpus in ${corpusDir} has no text to index (${documentCount} document(s), all empty); ` +
        "add Markdown, HTML, text or PDF files with content",
      { code: "empty_corpus", exitCode: 2, httpStatus: 422 },
    );
    this.corpusDir = corpusDir;
  }
}

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

const FETCH_ERROR_CODES = {
  "invalid-url": "fetch_invalid_url",
  blocked: "fetch_blocked",
  timeout: "fetch_timeout",
  network: "fetch_network",
  "http-status": "fetch_http_status",
  "too-many-redirects": "fetch_too_many_redirects",
  "content-type": "fetch_content_type",
  "too-large": "fetch_too_large",
  aborted: "fetch_aborted",
} as const satisfies Record<FetchFailure, ErrorCode>;

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
      code: FETCH_ERROR_CODES[reason],
      exitCode: 1,
      httpStatus: 502,
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    });
    this.url = url;
    this.reason = reason;
    this.status = options.status;
  }
}
