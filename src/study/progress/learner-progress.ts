import {
  createEmptyCard,
  type FSRS,
  type FSRSParameters,
  type Card as FsrsCard,
  type Grade as FsrsGrade,
  fsrs,
  Rating,
  State,
} from "ts-fsrs";
import {
  CardNotFoundError,
  LearnerNotFoundError,
  ReviewConflictError,
  StepNotFoundError,
} from "../../errors/progress-errors.ts";
import type { Card, Grade } from "../study-types.ts";
import { newLearnerId, parseLearnerId } from "./learner-id.ts";
import type {
  CardState,
  ProgressStore,
  ReviewRating,
  ReviewRecord,
  ScheduleState,
} from "./progress-store.ts";

/** The cards a learner can review, and how a typed answer to one is graded. */
export type CardCatalog = {
  /** The card with this id in the current index; undefined when there is none. */
  findCard(id: string): Card | undefined;
  grade(card: Card, answer: string): Grade;
};

/** A review: the learner's own rating, or a typed answer that is graded (right: good, wrong: again). */
export type ReviewInput =
  | { cardId: string; rating: ReviewRating }
  | { cardId: string; answer: string };

/** A card's schedule as the API shows it (dates as ISO 8601 strings). */
export type ScheduleJson = {
  cardId: string;
  /** Next review. */
  due: string;
  state: ScheduleState;
  reps: number;
  lapses: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  elapsedDays: number;
  learningSteps: number;
  lastReview?: string;
};

/** Everything stored for a learner: `GET /api/learners/:id`. */
export type LearnerExport = {
  id: string;
  createdAt: string;
  exportedAt: string;
  steps: Array<{ step: number; doneAt: string }>;
  reviews: Array<{
    cardId: string;
    rating: ReviewRating;
    correct?: boolean;
    reviewedAt: string;
    due: string;
  }>;
  cards: ScheduleJson[];
};

export type ReviewOutcome = {
  cardId: string;
  rating: ReviewRating;
  /** How a typed answer was graded; absent for a rating. */
  grade?: Grade;
  schedule: ScheduleJson;
};

export type DueCards = {
  now: string;
  /** Reviewed cards whose next review is now or past, soonest first. */
  cardIds: string[];
  /** The same cards as the catalog knows them (a card gone from the index is only an id). */
  cards: Card[];
};

export type LearnerProgressOptions = {
  store: ProgressStore;
  catalog: CardCatalog;
  /** The roadmap's number of steps (steps 1…n can be marked); asked per request. */
  stepCount: () => number;
  /** @default () => new Date() */
  now?: () => Date;
  /** FSRS settings; ts-fsrs's defaults (90 % retention, learning steps 1 m and 10 m, no fuzz). */
  scheduler?: Partial<FSRSParameters>;
};

/** Attempts at storing a review when other requests review the same card at the same time. */
const REVIEW_ATTEMPTS = 3;

const RATING: Record<ReviewRating, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const SCHEDULE_STATE: Record<State, ScheduleState> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

const FSRS_STATE: Record<ScheduleState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

/**
 * Learners' progress and reviews, for the HTTP routes: anonymous ids, steps done, spaced
 * repetition with FSRS (ts-fsrs), due cards, export and delete. Every method takes the learner's
 * id as given in the request and checks it first: malformed → 400, unknown → 404; it reads or
 * writes only that learner's rows.
 */
export class LearnerProgress {
  private readonly store: ProgressStore;
  private readonly catalog: CardCatalog;
  private readonly stepCount: () => number;
  private readonly now: () => Date;
  private readonly scheduler: FSRS;

  constructor(options: LearnerProgressOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.stepCount = options.stepCount;
    this.now = options.now ?? (() => new Date());
    this.scheduler = fsrs(options.scheduler ?? {});
  }

  async create(): Promise<{ id: string }> {
    const id = newLearnerId();
    await this.store.createLearner(id, this.now());
    return { id };
  }

  async export(rawId: string): Promise<LearnerExport> {
    const record = await this.store.readLearner(parseLearnerId(rawId));
    if (record === undefined) throw new LearnerNotFoundError();
    return {
      id: record.id,
      createdAt: record.createdAt.toISOString(),
      exportedAt: this.now().toISOString(),
      steps: record.steps.map((step) => ({ step: step.step, doneAt: step.doneAt.toISOString() })),
      reviews: record.reviews.map(reviewJson),
      cards: record.cards.map(scheduleJson),
    };
  }

  /** Marks step `rawStep` (as written in the URL) done or not done. */
  async setStep(
    rawId: string,
    rawStep: string,
    done: boolean,
  ): Promise<{ step: number; done: boolean }> {
    const id = parseLearnerId(rawId);
    const last = this.stepCount();
    const step = /^\d{1,4}$/.test(rawStep) ? Number(rawStep) : Number.NaN;
    if (!(step >= 1 && step <= last)) throw new StepNotFoundError(rawStep, { first: 1, last });
    if (!(await this.store.setStepDone(id, step, done, this.now()))) {
      throw new LearnerNotFoundError();
    }
    return { step, done };
  }

  async review(rawId: string, input: ReviewInput): Promise<ReviewOutcome> {
    const id = parseLearnerId(rawId);
    const card = this.catalog.findCard(input.cardId);
    if (card === undefined) throw new CardNotFoundError(input.cardId);
    const grade = "answer" in input ? this.catalog.grade(card, input.answer) : undefined;
    const rating: ReviewRating =
      "rating" in input ? input.rating : grade?.correct === true ? "good" : "again";
    for (let attempt = 1; attempt <= REVIEW_ATTEMPTS; attempt++) {
      const now = this.now();
      const previous = await this.store.readCardState(id, card.id);
      const next = this.scheduler.next(
        previous === undefined ? createEmptyCard(now) : toFsrsCard(previous),
        now,
        RATING[rating],
      ).card;
      const state = fromFsrsCard(card.id, next);
      const review: ReviewRecord = {
        cardId: card.id,
        rating,
        ...(grade === undefined ? {} : { correct: grade.correct }),
        reviewedAt: now,
        due: state.due,
      };
      const outcome = await this.store.recordReview(id, review, state);
      if (outcome === "missing") throw new LearnerNotFoundError();
      if (outcome === "recorded") {
        return {
          cardId: card.id,
          rating,
          ...(grade === undefined ? {} : { grade }),
          schedule: scheduleJson(state),
        };
      }
    }
    throw new ReviewConflictError(REVIEW_ATTEMPTS);
  }

  async due(rawId: string): Promise<DueCards> {
    const now = this.now();
    const cardIds = await this.store.dueCardIds(parseLearnerId(rawId), now);
    if (cardIds === undefined) throw new LearnerNotFoundError();
    return {
      now: now.toISOString(),
      cardIds,
      cards: cardIds
        .map((cardId) => this.catalog.findCard(cardId))
        .filter((card): card is Card => card !== undefined),
    };
  }

  async delete(rawId: string): Promise<void> {
    if (!(await this.store.deleteLearner(parseLearnerId(rawId)))) throw new LearnerNotFoundError();
  }
}

function toFsrsCard(state: CardState): FsrsCard {
  return {
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: FSRS_STATE[state.state],
    ...(state.lastReview === undefined ? {} : { last_review: state.lastReview }),
  };
}

function fromFsrsCard(cardId: string, card: FsrsCard): CardState {
  return {
    cardId,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: SCHEDULE_STATE[card.state],
    ...(card.last_review === undefined ? {} : { lastReview: card.last_review }),
  };
}

function scheduleJson(state: CardState): ScheduleJson {
  return {
    cardId: state.cardId,
    due: state.due.toISOString(),
    state: state.state,
    reps: state.reps,
    lapses: state.lapses,
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    elapsedDays: state.elapsedDays,
    learningSteps: state.learningSteps,
    ...(state.lastReview === undefined ? {} : { lastReview: state.lastReview.toISOString() }),
  };
}

function reviewJson(review: ReviewRecord): LearnerExport["reviews"][number] {
  return {
    cardId: review.cardId,
    rating: review.rating,
    ...(review.correct === undefined ? {} : { correct: review.correct }),
    reviewedAt: review.reviewedAt.toISOString(),
    due: review.due.toISOString(),
  };
}
