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
