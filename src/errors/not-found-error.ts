import { AppError } from "./app-error.ts";

/** An unknown route or resource. */
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, { code: "not_found", httpStatus: 404 });
  }
}
