import { AppError } from "./app-error.ts";

/** A step given as something other than a whole number (`/api/study/steps/two/guide`). */
export class InvalidStepError extends AppError {
  constructor(step: string, range: { first: number; last: number }) {
    super(
      `step must be a whole number from ${range.first} to ${range.last}; got ${JSON.stringify(step.slice(0, 20))}`,
      { code: "invalid_step", exitCode: 2, httpStatus: 400 },
    );
  }
}
