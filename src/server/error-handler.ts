import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError } from "../errors/app-error.ts";
import type { ErrorCode } from "../errors/error-code.ts";
import {
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  RequestValidationError,
  ServerBusyError,
} from "../errors/request-errors.ts";

/** Turns body-parser failures into the project's typed errors. */
function typed(error: unknown, limitBytes: number): unknown {
  const { type, length } = error as { type?: string; length?: number };
  if (type === "entity.too.large") return new PayloadTooLargeError(limitBytes, length);
  if (type === "entity.parse.failed")
    return new RequestValidationError("the request body is not valid JSON");
  if (type === "charset.unsupported")
    return new RequestValidationError("the request body must be UTF-8 JSON");
  if (type === "encoding.unsupported") {
    return new AppError(
      "the request body's Content-Encoding is not supported; use gzip, deflate, br or none",
      {
        code: "unsupported_encoding",
        httpStatus: 415,
      },
    );
  }
  // A URL with broken percent-encoding ("/api/sources/%ff"): Express's router throws a URIError.
  if (error instanceof URIError) {
    return new RequestValidationError("the URL is not valid percent-encoding");
  }
  // Other client errors from body-parser (a corrupt gzip body, an aborted upload…): keep their
  // 4xx status with a safe message.
  const { status, expose } = error as { status?: number; expose?: boolean };
  if (typeof status === "number" && status >= 400 && status < 500 && expose !== false) {
    return new AppError("the request could not be read (a corrupt or incomplete body or URL)", {
      code: "bad_request",
      httpStatus: status,
    });
  }
  return error;
}

/** Unknown routes: 404 JSON. */
export const notFound: RequestHandler = (request, _response, next) => {
  next(new NotFoundError(`no route ${request.method} ${request.path}`));
};

/**
 * The one error handler. AppErrors keep their status and message; anything else is a 500 with
 * a generic message (the cause goes to the log). Never a stack trace in a response. Routes under
 * /v1 answer in OpenAI's error shape so OpenAI clients can read them.
 */
export function errorHandler(limitBytes: number): ErrorRequestHandler {
  return (rawError, request, response, _next) => {
    const error = typed(rawError, limitBytes);
    let status = 500;
    let code: ErrorCode = "internal_error";
    let message = "the request failed; see the server log";
    let issues: unknown;
    if (error instanceof RateLimitedError || error instanceof ServerBusyError) {
      response.setHeader("Retry-After", String(error.retryAfterSeconds));
    }
    if (error instanceof AppError) {
      status = error.httpStatus;
      code = error.code;
      message = error.message;
      if (error instanceof RequestValidationError && error.issues.length > 0) issues = error.issues;
    } else {
      process.stderr.write(
        `request ${request.method} ${request.path} failed: ${(error as Error)?.message}\n`,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    if (request.path.startsWith("/v1/")) {
      response.status(status).json({
        error: {
          message: issues === undefined ? message : `${message}: ${JSON.stringify(issues)}`,
          type: status < 500 ? "invalid_request_error" : "server_error",
          code,
          param: null,
        },
      });
      return;
    }
    response
      .status(status)
      .json({ error: { code, message, ...(issues === undefined ? {} : { issues }) } });
  };
}
