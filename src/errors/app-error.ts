import type { ErrorCode } from "./error-code.ts";

/**
 * Base class of every error the assistant reports to a person. `code` is stable and machine
 * readable; `message` says what was wrong and what is allowed, in one line. `exitCode` is what the
 * CLI exits with, `httpStatus` what the server answers with.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** @default 1 */
  readonly exitCode: number;
  /** @default 500 */
  readonly httpStatus: number;

  constructor(
    message: string,
    options: { code: ErrorCode; exitCode?: number; httpStatus?: number; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.exitCode = options.exitCode ?? 1;
    this.httpStatus = options.httpStatus ?? 500;
  }
}
