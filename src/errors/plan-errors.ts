import { AppError } from "./app-error.ts";

/** Hours per week outside the range a plan can be made for. */
export class HoursOutOfRangeError extends AppError {
  readonly hoursPerWeek: number;
  readonly range: { min: number; max: number };

  constructor(hoursPerWeek: number, range: { min: number; max: number }) {
    super(`hours per week must be between ${range.min} and ${range.max}; got ${hoursPerWeek}`, {
      code: "hours_out_of_range",
      exitCode: 2,
      httpStatus: 400,
    });
    this.hoursPerWeek = hoursPerWeek;
    this.range = range;
  }
}

/** A start date that is not a real calendar date written as `YYYY-MM-DD`. */
export class InvalidDateError extends AppError {
  constructor(given: string, problem: string) {
    super(
      `start is ${JSON.stringify(given.slice(0, 40))}; ${problem} (a date written YYYY-MM-DD, e.g. 2027-01-04)`,
      { code: "invalid_date", exitCode: 2, httpStatus: 400 },
    );
  }
}

/** A learner type name that matches no row of the roadmap's learner-type table. */
export class UnknownLearnerTypeError extends AppError {
  readonly known: string[];

  constructor(given: string, known: readonly string[]) {
    super(
      `no learner type called ${JSON.stringify(given.slice(0, 100))}; the roadmap's learner types are: ${known.join(", ")}; or describe yourself instead`,
      { code: "unknown_learner_type", exitCode: 2, httpStatus: 400 },
    );
    this.known = [...known];
  }
}

/** The index holds no learner-type table, so no plan can be scaled to a learner's timeline. */
export class LearnerTypesMissingError extends AppError {
  constructor() {
    super(
      'the roadmap has no learner-type table (table rows with "Learner Type" and "Expected Timeline" columns); a personal plan needs it',
      { code: "learner_types_missing", exitCode: 1, httpStatus: 500 },
    );
  }
}

/** A file the plan was asked to be written to (the `.ics` calendar) cannot be written. */
export class OutputUnwritableError extends AppError {
  constructor(file: string, problem: string, options: { cause?: unknown } = {}) {
    super(`cannot write ${file}: ${problem}`, {
      code: "output_unwritable",
      exitCode: 2,
      ...options,
    });
  }
}
