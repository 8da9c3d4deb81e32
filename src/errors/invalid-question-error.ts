import { AppError } from "./app-error.ts";

/** The question cannot be asked as given: empty, too long, or not text. */
export class InvalidQuestionError extends AppError {
  constructor(message: string) {
    super(message, { code: "invalid_question", exitCode: 2, httpStatus: 400 });
  }
}
