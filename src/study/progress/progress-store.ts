/**
 * Where learners' progress lives: SQLite in a local data folder by default, PostgreSQL when
 * `DATABASE_URL` is set (several replicas). Both keep the same schema, created by the same
 * numbered migrations (`migrations/`). A learner is known only by an anonymous random id; nothing
 * else about the person is stored.
 *
 * Every method that names a learner touches only that learner's rows. Writes are transactions:
 * a process killed mid-write leaves each write either whole or absent. A store that cannot reach
 * its database throws `ProgressUnavailableError` (HTTP 503) and keeps trying on later calls.
 */
export type ProgressStore = {
  readonly dialect: "sqlite" | "postgres";
  /** Stores a new learner; a second learner with the same id is an error. */
  createLearner(id: string, createdAt: Date): Promise<void>;
  /** Everything stored for the learner (the export); undefined when there is no such learner. */
  readLearner(id: string): Promise<LearnerRecord | undefined>;
  /**
   * Marks a step done (keeping the date it was first marked) or not done. False when there is
   * no such learner.
   */
  setStepDone(id: string, step: number, done: boolean, at: Date): Promise<boolean>;
  /** The card's scheduling state for the learner; undefined when never reviewed. */
  readCardState(id: string, cardId: string): Promise<CardState | undefined>;
  /**
   * Appends a review and replaces the card's state with `state`, in one transaction.
   * `conflict`: another review of this card with the same number (`state.reps`) was stored
   * first, so `state` was computed from an outdated state; nothing was written. `missing`: there
   * is no such learner.
   */
  recordReview(
    id: string,
    review: ReviewRecord,
    state: CardState,
  ): Promise<"recorded" | "conflict" | "missing">;
  /** Ids of the learner's cards due at or before `at`, soonest first; undefined when no learner. */
  dueCardIds(id: string, at: Date): Promise<string[] | undefined>;
  /** Deletes the learner and everything stored for it; false when there was no such learner. */
  deleteLearner(id: string): Promise<boolean>;
  /** Closes the database connection(s); later calls fail. */
  close(): Promise<void>;
};

/** How a learner rated their recall of a card (FSRS's four grades). */
export type ReviewRating = "again" | "hard" | "good" | "easy";

export const REVIEW_RATINGS = ["again", "hard", "good", "easy"] as const satisfies ReviewRating[];

/** Where a card is in its schedule (FSRS's states). */
export type ScheduleState = "new" | "learning" | "review" | "relearning";

/** One card's spaced-repetition state for one learner (the fields of an FSRS card). */
export type CardState = {
  cardId: string;
  /** Next review. */
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  /** Position in the (re)learning steps. */
  learningSteps: number;
  /** Reviews so far; the number of the latest review. */
  reps: number;
  lapses: number;
  state: ScheduleState;
  lastReview?: Date;
};

/** One review as stored: no free text, only the rating and, for a graded answer, the verdict. */
export type ReviewRecord = {
  cardId: string;
  rating: ReviewRating;
  /** Present when the rating came from grading a typed answer: whether it was right. */
  correct?: boolean;
  reviewedAt: Date;
  /** Next review, as scheduled by this one. */
  due: Date;
};

/** A step the learner marked done. */
export type StepDone = { step: number; doneAt: Date };

/** Everything stored for one learner. */
export type LearnerRecord = {
  id: string;
  createdAt: Date;
  /** By step number. */
  steps: StepDone[];
  /** Oldest first. */
  reviews: ReviewRecord[];
  /** By card id. */
  cards: CardState[];
};
