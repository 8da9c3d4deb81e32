import { AppError } from "./app-error.ts";

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
