import { AppError } from "./app-error.ts";

/** A learner id that cannot be one this server issued (wrong length or alphabet). */
export class InvalidLearnerIdError extends AppError {
  constructor(length: number) {
    super(
      `a learner id is 22 characters of A–Z, a–z, 0–9, "-" and "_" (as POST /api/learners returns it); this one has ${length} characters or others`,
      { code: "invalid_learner_id", exitCode: 2, httpStatus: 400 },
    );
  }
}

/** A well-formed learner id with nothing stored under it (never created, or deleted). */
export class LearnerNotFoundError extends AppError {
  constructor() {
    super(
      "no learner with this id (never created, or deleted); create one with POST /api/learners",
      {
        code: "learner_not_found",
        httpStatus: 404,
      },
    );
  }
}

/** A step number the roadmap does not have. */
export class StepNotFoundError extends AppError {
  readonly step: string;
  readonly range: { first: number; last: number };

  constructor(step: string, range: { first: number; last: number }) {
    super(
      `step ${JSON.stringify(step.slice(0, 20))} does not exist; the roadmap's steps are ${range.first}–${range.last}`,
      { code: "step_not_found", exitCode: 2, httpStatus: 404 },
    );
    this.step = step;
    this.range = range;
  }
}

/** A card id the card catalog does not know. */
export class CardNotFoundError extends AppError {
  readonly cardId: string;

  constructor(cardId: string) {
    super(
      `no card with id ${JSON.stringify(cardId.slice(0, 100))}; card ids come from GET /api/study/steps/:n/cards`,
      { code: "card_not_found", exitCode: 2, httpStatus: 404 },
    );
    this.cardId = cardId;
  }
}

/** The same card was reviewed by several requests at once and this one kept losing the race. */
export class ReviewConflictError extends AppError {
  constructor(attempts: number) {
    super(
      `the card was reviewed by other requests at the same time; gave up after ${attempts} attempts, retry`,
      { code: "review_conflict", httpStatus: 409 },
    );
  }
}

/**
 * The progress database cannot be used right now (unreachable, refusing connections, out of
 * space, unwritable folder). Progress routes answer 503; chat does not need the database and keeps
 * answering. The message is for learners and says nothing about the database; `detail` (never a
 * password) is for the operator's log.
 */
export class ProgressUnavailableError extends AppError {
  readonly detail: string;

  constructor(detail: string, options: { cause?: unknown } = {}) {
    super("learner progress is unavailable right now (its database cannot be used); retry later", {
      code: "progress_unavailable",
      httpStatus: 503,
      ...options,
    });
    this.detail = detail;
  }
}
