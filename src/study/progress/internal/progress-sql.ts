import type { CardState, ReviewRating, ReviewRecord, ScheduleState } from "../progress-store.ts";

/**
 * The statements both stores run, written once with `?` placeholders (PostgreSQL's store numbers
 * them), so the two cannot drift apart. Times are milliseconds since the epoch.
 */
export const SQL = {
  insertLearner: "INSERT INTO learners (id, created_at_ms) VALUES (?, ?)",
  learner: "SELECT id, created_at_ms FROM learners WHERE id = ?",
  steps: "SELECT step, done_at_ms FROM steps_done WHERE learner_id = ? ORDER BY step",
  reviews:
    "SELECT card_id, rep, rating, correct, reviewed_at_ms, due_ms FROM reviews WHERE learner_id = ? " +
    "ORDER BY reviewed_at_ms, card_id, rep",
  cards:
    "SELECT card_id, due_ms, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, " +
    "lapses, state, last_review_ms FROM card_states WHERE learner_id = ? ORDER BY card_id",
  card:
    "SELECT card_id, due_ms, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, " +
    "lapses, state, last_review_ms FROM card_states WHERE learner_id = ? AND card_id = ?",
  // Marking a done step again keeps the date it was first marked.
  markStep:
    "INSERT INTO steps_done (learner_id, step, done_at_ms) VALUES (?, ?, ?) " +
    "ON CONFLICT (learner_id, step) DO NOTHING",
  unmarkStep: "DELETE FROM steps_done WHERE learner_id = ? AND step = ?",
  // No row inserted: a review with this number is already stored (a concurrent review).
  insertReview:
    "INSERT INTO reviews (learner_id, card_id, rep, rating, correct, reviewed_at_ms, due_ms) " +
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, card_id, rep) DO NOTHING",
  upsertCard:
    "INSERT INTO card_states (learner_id, card_id, due_ms, stability, difficulty, elapsed_days, " +
    "scheduled_days, learning_steps, reps, lapses, state, last_review_ms) " +
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, card_id) DO UPDATE SET " +
    "due_ms = excluded.due_ms, stability = excluded.stability, difficulty = excluded.difficulty, " +
    "elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days, " +
    "learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses, " +
    "state = excluded.state, last_review_ms = excluded.last_review_ms",
  due: "SELECT card_id FROM card_states WHERE learner_id = ? AND due_ms <= ? ORDER BY due_ms, card_id",
  // Children first, so a delete never depends on ON DELETE CASCADE being enforced.
  deleteLearner: [
    "DELETE FROM reviews WHERE learner_id = ?",
    "DELETE FROM card_states WHERE learner_id = ?",
    "DELETE FROM steps_done WHERE learner_id = ?",
    "DELETE FROM learners WHERE id = ?",
  ],
} as const;

/** `?` placeholders as PostgreSQL's `$1, $2, …` (none of the statements has a `?` in a literal). */
export function numberedPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}

/** A column of either driver: PostgreSQL returns BIGINT as a string, SQLite as a number. */
type Value = string | number | null;

export type LearnerRow = { id: string; created_at_ms: Value };
export type StepRow = { step: Value; done_at_ms: Value };
export type ReviewRow = {
  card_id: string;
  rep: Value;
  rating: string;
  correct: Value;
  reviewed_at_ms: Value;
  due_ms: Value;
};
export type CardRow = {
  card_id: string;
  due_ms: Value;
  stability: Value;
  difficulty: Value;
  elapsed_days: Value;
  scheduled_days: Value;
  learning_steps: Value;
  reps: Value;
  lapses: Value;
  state: string;
  last_review_ms: Value;
};

const date = (value: Value) => new Date(Number(value));

export function cardFromRow(row: CardRow): CardState {
  return {
    cardId: row.card_id,
    due: date(row.due_ms),
    stability: Number(row.stability),
    difficulty: Number(row.difficulty),
    elapsedDays: Number(row.elapsed_days),
    scheduledDays: Number(row.scheduled_days),
    learningSteps: Number(row.learning_steps),
    reps: Number(row.reps),
    lapses: Number(row.lapses),
    state: row.state as ScheduleState,
    ...(row.last_review_ms === null ? {} : { lastReview: date(row.last_review_ms) }),
  };
}

export function reviewFromRow(row: ReviewRow): ReviewRecord {
  return {
    cardId: row.card_id,
    rating: row.rating as ReviewRating,
    ...(row.correct === null ? {} : { correct: Number(row.correct) === 1 }),
    reviewedAt: date(row.reviewed_at_ms),
    due: date(row.due_ms),
  };
}

export function stepFromRow(row: StepRow): { step: number; doneAt: Date } {
  return { step: Number(row.step), doneAt: date(row.done_at_ms) };
}

export function learnerCreatedAt(row: LearnerRow): Date {
  return date(row.created_at_ms);
}

/** Parameters of `SQL.insertReview`. */
export function reviewParameters(id: string, review: ReviewRecord, rep: number): Value[] {
  return [
    id,
    review.cardId,
    rep,
    review.rating,
    review.correct === undefined ? null : review.correct ? 1 : 0,
    review.reviewedAt.getTime(),
    review.due.getTime(),
  ];
}

/** Parameters of `SQL.upsertCard`. */
export function cardParameters(id: string, state: CardState): Value[] {
  return [
    id,
    state.cardId,
    state.due.getTime(),
    state.stability,
    state.difficulty,
    state.elapsedDays,
    state.scheduledDays,
    state.learningSteps,
    state.reps,
    state.lapses,
    state.state,
    state.lastReview === undefined ? null : state.lastReview.getTime(),
  ];
}
