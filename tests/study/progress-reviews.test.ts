import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CardNotFoundError,
  InvalidLearnerIdError,
  LearnerNotFoundError,
  ReviewConflictError,
  StepNotFoundError,
} from "../../src/errors/progress-errors.ts";
import { newLearnerId, parseLearnerId } from "../../src/study/progress/learner-id.ts";
import { type CardCatalog, LearnerProgress } from "../../src/study/progress/learner-progress.ts";
import type { ProgressStore } from "../../src/study/progress/progress-store.ts";
import { SqliteProgressStore } from "../../src/study/progress/sqlite-progress-store.ts";
import type { Card, Grade } from "../../src/study/study-types.ts";
import { TempDir } from "../support/temp-dir.ts";

function card(id: string, answer: string): Card {
  return {
    id,
    step: 2,
    kind: "table",
    prompt: `Which tool is ${id}?`,
    answer,
    from: {
      chunkId: `chunk-${id}`,
      source: "corpus/roadmap.md",
      section: "Step 2",
      text: `${answer} is the tool.`,
    },
  };
}

/** A card catalog that grades by exact (case-insensitive) match and records what it graded. */
class FakeCatalog implements CardCatalog {
  readonly graded: Array<{ cardId: string; answer: string }> = [];
  readonly cards = new Map<string, Card>([
    ["dvc", card("dvc", "DVC")],
    ["mlflow", card("mlflow", "MLflow")],
  ]);

  findCard(id: string): Card | undefined {
    return this.cards.get(id);
  }

  grade(graded: Card, answer: string): Grade {
    this.graded.push({ cardId: graded.id, answer });
    const correct = answer.trim().toLowerCase() === graded.answer.toLowerCase();
    return {
      correct,
      reason: correct ? "exact" : "different",
      expected: graded.answer,
      explanation: graded.from.text,
    };
  }
}

/** A clock the test moves. */
class Clock {
  current = new Date("2027-01-04T09:00:00.000Z");
  readonly now = () => new Date(this.current);
  advance(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

let temp: TempDir;
let store: SqliteProgressStore;

beforeAll(async () => {
  temp = await TempDir.create("study-assistant-reviews-");
  store = SqliteProgressStore.inDataDir(temp.join("data"));
});

afterAll(async () => {
  await store?.close();
  await temp?.remove();
});

function progress(options: { steps?: () => number; store?: ProgressStore } = {}) {
  const clock = new Clock();
  const catalog = new FakeCatalog();
  const learners = new LearnerProgress({
    store: options.store ?? store,
    catalog,
    stepCount: options.steps ?? (() => 7),
    now: clock.now,
  });
  return { clock, catalog, learners };
}

describe("learner ids", () => {
  it("are 128 random bits in base64url, all different", () => {
    const ids = new Set(Array.from({ length: 500 }, newLearnerId));
    expect(ids.size).toBe(500);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, "base64url")).toHaveLength(16);
      expect(parseLearnerId(id)).toBe(id);
    }
  });

  it("refuses anything that is not such an id, before any database is asked", () => {
    const valid = newLearnerId();
    const malformed = [
      "",
      valid.slice(1),
      `${valid}A`,
      `${valid.slice(0, 21)}+`,
      "../../../../etc/passwd",
      "' OR 1=1 --",
      // 22 characters, but not the canonical encoding of 16 bytes (the last one holds 2 bits).
      `${"A".repeat(21)}B`,
    ];
    for (const id of malformed) {
      expect(() => parseLearnerId(id), id).toThrow(InvalidLearnerIdError);
    }
  });
});

describe("reviews scheduled with FSRS", () => {
  it("schedules a new card by its rating and moves it along on later reviews", async () => {
    const { clock, learners } = progress();
    const { id } = await learners.create();
    const first = await learners.review(id, { cardId: "dvc", rating: "good" });
    // ts-fsrs's first learning step after Good is 10 minutes.
    expect(first).toMatchObject({
      cardId: "dvc",
      rating: "good",
      schedule: { state: "learning", reps: 1, due: "2027-01-04T09:10:00.000Z" },
    });
    expect(first).not.toHaveProperty("grade");
    clock.advance(10);
    const second = await learners.review(id, { cardId: "dvc", rating: "good" });
    expect(second.schedule).toMatchObject({ state: "review", reps: 2, lapses: 0 });
    expect(second.schedule.scheduledDays).toBeGreaterThanOrEqual(1);
    clock.advance(second.schedule.scheduledDays * 24 * 60);
    const forgotten = await learners.review(id, { cardId: "dvc", rating: "again" });
    expect(forgotten.schedule).toMatchObject({ state: "relearning", reps: 3, lapses: 1 });
    const easy = await learners.review(id, { cardId: "mlflow", rating: "easy" });
    const hard = await learners.review((await learners.create()).id, {
      cardId: "mlflow",
      rating: "hard",
    });
    expect(Date.parse(easy.schedule.due)).toBeGreaterThan(Date.parse(hard.schedule.due));
  });

  it("grades a typed answer with the catalog's grader: right is Good, wrong is Again", async () => {
    const { catalog, learners } = progress();
    const { id } = await learners.create();
    const right = await learners.review(id, { cardId: "dvc", answer: "dvc" });
    expect(right.rating).toBe("good");
    expect(right.grade).toEqual({
      correct: true,
      reason: "exact",
      expected: "DVC",
      explanation: "DVC is the tool.",
    });
    const wrong = await learners.review(id, { cardId: "mlflow", answer: "Airflow" });
    expect(wrong.rating).toBe("again");
    expect(wrong.grade?.correct).toBe(false);
    expect(catalog.graded).toEqual([
      { cardId: "dvc", answer: "dvc" },
      { cardId: "mlflow", answer: "Airflow" },
    ]);
    // The export keeps the verdict, never the typed text.
    const exported = await learners.export(id);
    expect(
      exported.reviews.map((review) => [review.cardId, review.rating, review.correct]),
    ).toEqual([
      ["dvc", "good", true],
      ["mlflow", "again", false],
    ]);
    expect(JSON.stringify(exported)).not.toContain("Airflow");
  });

  it("refuses a card the catalog does not know and stores nothing", async () => {
    const { learners } = progress();
    const { id } = await learners.create();
    await expect(learners.review(id, { cardId: "no-such-card", rating: "good" })).rejects.toThrow(
      CardNotFoundError,
    );
    expect((await learners.export(id)).reviews).toEqual([]);
  });

  it("lists due cards when their time comes, with the catalog's card when it still has it", async () => {
    const { clock, catalog, learners } = progress();
    const { id } = await learners.create();
    await learners.review(id, { cardId: "dvc", rating: "good" });
    await learners.review(id, { cardId: "mlflow", rating: "again" });
    expect((await learners.due(id)).cardIds).toEqual([]);
    clock.advance(1);
    expect(await learners.due(id)).toEqual({
      now: "2027-01-04T09:01:00.000Z",
      cardIds: ["mlflow"],
      cards: [catalog.cards.get("mlflow")],
    });
    clock.advance(9);
    catalog.cards.delete("dvc");
    const due = await learners.due(id);
    expect(due.cardIds).toEqual(["mlflow", "dvc"]);
    expect(due.cards.map((dueCard) => dueCard.id)).toEqual(["mlflow"]);
  });

  it("retries a review that lost a race, and gives up with 409 if it keeps losing", async () => {
    let conflicts = 1;
    const racing: ProgressStore = Object.create(store, {
      recordReview: {
        value: (...args: Parameters<ProgressStore["recordReview"]>) =>
          conflicts-- > 0 ? Promise.resolve("conflict") : store.recordReview(...args),
      },
    });
    const { learners } = progress({ store: racing });
    const { id } = await learners.create();
    expect((await learners.review(id, { cardId: "dvc", rating: "good" })).schedule.reps).toBe(1);
    conflicts = 100;
    await expect(learners.review(id, { cardId: "dvc", rating: "good" })).rejects.toThrow(
      ReviewConflictError,
    );
    expect((await learners.export(id)).reviews).toHaveLength(1);
  });
});

describe("steps, export and delete", () => {
  it("marks steps done by the roadmap's step numbers and refuses others, naming the range", async () => {
    let steps = 7;
    const { learners } = progress({ steps: () => steps });
    const { id } = await learners.create();
    expect(await learners.setStep(id, "7", true)).toEqual({ step: 7, done: true });
    expect(await learners.setStep(id, "1", true)).toEqual({ step: 1, done: true });
    expect(await learners.setStep(id, "7", false)).toEqual({ step: 7, done: false });
    for (const step of ["0", "8", "-1", "1.5", "abc", "99999999999"]) {
      await expect(learners.setStep(id, step, true), step).rejects.toThrow(
        "the roadmap's steps are 1–7",
      );
    }
    // The step count is asked each time: a re-index with fewer steps refuses the missing ones.
    steps = 5;
    await expect(learners.setStep(id, "6", true)).rejects.toThrow(StepNotFoundError);
    const exported = await learners.export(id);
    expect(exported.steps).toEqual([{ step: 1, doneAt: "2027-01-04T09:00:00.000Z" }]);
  });

  it("exports everything stored as JSON, and deletes it all", async () => {
    const { learners } = progress();
    const { id } = await learners.create();
    await learners.setStep(id, "2", true);
    await learners.review(id, { cardId: "dvc", rating: "good" });
    const exported = await learners.export(id);
    expect(exported).toEqual({
      id,
      createdAt: "2027-01-04T09:00:00.000Z",
      exportedAt: "2027-01-04T09:00:00.000Z",
      steps: [{ step: 2, doneAt: "2027-01-04T09:00:00.000Z" }],
      reviews: [
        {
          cardId: "dvc",
          rating: "good",
          reviewedAt: "2027-01-04T09:00:00.000Z",
          due: "2027-01-04T09:10:00.000Z",
        },
      ],
      cards: [expect.objectContaining({ cardId: "dvc", state: "learning", reps: 1 })],
    });
    await learners.delete(id);
    await expect(learners.export(id)).rejects.toThrow(LearnerNotFoundError);
    await expect(learners.delete(id)).rejects.toThrow(LearnerNotFoundError);
  });

  it("answers 404 for a well-formed id that was never created, whatever the call", async () => {
    const { learners } = progress();
    const stranger = newLearnerId();
    const calls = [
      learners.export(stranger),
      learners.setStep(stranger, "1", true),
      learners.review(stranger, { cardId: "dvc", rating: "good" }),
      learners.due(stranger),
      learners.delete(stranger),
    ];
    for (const call of calls) await expect(call).rejects.toThrow(LearnerNotFoundError);
    await expect(learners.export(stranger)).rejects.toThrow(LearnerNotFoundError);
  });
});
