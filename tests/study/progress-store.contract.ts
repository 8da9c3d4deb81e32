import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CardState,
  ProgressStore,
  ReviewRecord,
} from "../../src/study/progress/progress-store.ts";

/** A fresh learner id per test, so tests sharing one database never see each other's rows. */
const newId = () => randomBytes(16).toString("base64url");

const T0 = new Date("2027-01-04T09:00:00.000Z");
const minutes = (count: number) => new Date(T0.getTime() + count * 60_000);

/** A card state as FSRS computes them: fractional stability and difficulty, whole days. */
function cardState(cardId: string, reps: number, due: Date, extra: Partial<CardState> = {}) {
  return {
    cardId,
    due,
    stability: 2.3065 + reps / 3,
    difficulty: 2.11810397 - reps / 7,
    elapsedDays: reps - 1,
    scheduledDays: reps * 2,
    learningSteps: reps % 2,
    reps,
    lapses: 0,
    state: reps === 1 ? "learning" : "review",
    lastReview: minutes(reps),
    ...extra,
  } satisfies CardState;
}

function review(cardId: string, at: Date, due: Date, extra: Partial<ReviewRecord> = {}) {
  return { cardId, rating: "good", reviewedAt: at, due, ...extra } satisfies ReviewRecord;
}

/**
 * What every ProgressStore must do, whatever its database. `open` returns a new store over the
 * same database each time it is called (a second process, a restart).
 */
export function progressStoreContract(name: string, open: () => Promise<ProgressStore>): void {
  describe(`${name}: the ProgressStore contract`, () => {
    let store: ProgressStore;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
    });

    it("creates a learner with nothing stored yet, and keeps its creation time", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      expect(await store.readLearner(id)).toEqual({
        id,
        createdAt: T0,
        steps: [],
        reviews: [],
        cards: [],
      });
      expect(await store.dueCardIds(id, minutes(1_000_000))).toEqual([]);
    });

    it("refuses a second learner with the same id", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      await expect(store.createLearner(id, minutes(1))).rejects.toThrow();
      expect((await store.readLearner(id))?.createdAt).toEqual(T0);
    });

    it("knows nothing of an id that was never created", async () => {
      const id = newId();
      expect(await store.readLearner(id)).toBeUndefined();
      expect(await store.setStepDone(id, 1, true, T0)).toBe(false);
      expect(await store.readCardState(id, "card-a")).toBeUndefined();
      expect(
        await store.recordReview(id, review("card-a", T0, minutes(10)), cardState("card-a", 1, T0)),
      ).toBe("missing");
      expect(await store.dueCardIds(id, T0)).toBeUndefined();
      expect(await store.deleteLearner(id)).toBe(false);
      // None of those calls created the learner.
      expect(await store.readLearner(id)).toBeUndefined();
    });

    it("marks steps done and not done, keeping the date a step was first marked", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      expect(await store.setStepDone(id, 3, true, minutes(1))).toBe(true);
      expect(await store.setStepDone(id, 1, true, minutes(2))).toBe(true);
      expect(await store.setStepDone(id, 3, true, minutes(3))).toBe(true);
      expect((await store.readLearner(id))?.steps).toEqual([
        { step: 1, doneAt: minutes(2) },
        { step: 3, doneAt: minutes(1) },
      ]);
      expect(await store.setStepDone(id, 3, false, minutes(4))).toBe(true);
      expect(await store.setStepDone(id, 5, false, minutes(5))).toBe(true);
      expect((await store.readLearner(id))?.steps).toEqual([{ step: 1, doneAt: minutes(2) }]);
    });

    it("records reviews with the card's state after each, exactly as given", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      const first = cardState("card-a", 1, minutes(10));
      const second = cardState("card-a", 2, minutes(3 * 24 * 60), { lapses: 1 });
      const other = cardState("card-b", 1, minutes(1), { state: "relearning" });
      const { lastReview: _none, ...withoutLastReview } = other;
      expect(await store.recordReview(id, review("card-a", minutes(0), first.due), first)).toBe(
        "recorded",
      );
      expect(
        await store.recordReview(
          id,
          review("card-a", minutes(10), second.due, { rating: "easy", correct: true }),
          second,
        ),
      ).toBe("recorded");
      expect(
        await store.recordReview(
          id,
          review("card-b", minutes(11), other.due, { rating: "again", correct: false }),
          withoutLastReview,
        ),
      ).toBe("recorded");

      expect(await store.readCardState(id, "card-a")).toEqual(second);
      expect(await store.readCardState(id, "card-b")).toEqual(withoutLastReview);
      expect(await store.readCardState(id, "card-c")).toBeUndefined();
      const record = await store.readLearner(id);
      expect(record?.reviews).toEqual([
        review("card-a", minutes(0), first.due),
        review("card-a", minutes(10), second.due, { rating: "easy", correct: true }),
        review("card-b", minutes(11), other.due, { rating: "again", correct: false }),
      ]);
      expect(record?.cards).toEqual([second, withoutLastReview]);
    });

    it("stores nothing for a review computed from an outdated state (a concurrent review)", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      const winner = cardState("card-a", 1, minutes(10));
      const loser = cardState("card-a", 1, minutes(1), { stability: 0.5 });
      const outcomes = await Promise.all([
        store.recordReview(id, review("card-a", minutes(0), winner.due), winner),
        store.recordReview(id, review("card-a", minutes(0), loser.due, { rating: "again" }), loser),
      ]);
      expect(outcomes.sort()).toEqual(["conflict", "recorded"]);
      const record = await store.readLearner(id);
      expect(record?.reviews).toHaveLength(1);
      // The stored state is the one of the review that was stored, never a mix of the two.
      const stored = record?.cards[0];
      const storedReview = record?.reviews[0];
      expect(stored).toEqual(storedReview?.rating === "again" ? loser : winner);
    });

    it("lists the cards due at a time, soonest first, and only the learner's own", async () => {
      const id = newId();
      const neighbour = newId();
      await store.createLearner(id, T0);
      await store.createLearner(neighbour, T0);
      const states = [
        cardState("card-late", 1, minutes(60)),
        cardState("card-now", 1, minutes(30)),
        cardState("card-soon", 1, minutes(5)),
      ];
      for (const state of states) {
        await store.recordReview(id, review(state.cardId, T0, state.due), state);
      }
      const theirs = cardState("card-theirs", 1, minutes(1));
      await store.recordReview(neighbour, review("card-theirs", T0, theirs.due), theirs);

      expect(await store.dueCardIds(id, minutes(4))).toEqual([]);
      expect(await store.dueCardIds(id, minutes(30))).toEqual(["card-soon", "card-now"]);
      expect(await store.dueCardIds(id, minutes(90))).toEqual([
        "card-soon",
        "card-now",
        "card-late",
      ]);
      expect(await store.dueCardIds(neighbour, minutes(90))).toEqual(["card-theirs"]);
    });

    it("keeps learners apart: one learner's writes and delete never touch another's rows", async () => {
      const alice = newId();
      const bob = newId();
      await store.createLearner(alice, T0);
      await store.createLearner(bob, T0);
      const state = cardState("card-shared", 1, minutes(10));
      await store.setStepDone(alice, 2, true, minutes(1));
      await store.recordReview(alice, review("card-shared", T0, state.due), state);
      // Bob reviews the same card: his own first review, not a conflict with Alice's.
      expect(await store.recordReview(bob, review("card-shared", T0, state.due), state)).toBe(
        "recorded",
      );
      expect(await store.deleteLearner(bob)).toBe(true);
      const record = await store.readLearner(alice);
      expect(record?.steps).toEqual([{ step: 2, doneAt: minutes(1) }]);
      expect(record?.reviews).toHaveLength(1);
      expect(record?.cards).toEqual([state]);
    });

    it("deletes a learner and everything stored for it", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      const state = cardState("card-a", 1, minutes(10));
      await store.setStepDone(id, 1, true, minutes(1));
      await store.recordReview(id, review("card-a", T0, state.due), state);
      expect(await store.deleteLearner(id)).toBe(true);
      expect(await store.readLearner(id)).toBeUndefined();
      expect(await store.readCardState(id, "card-a")).toBeUndefined();
      expect(await store.dueCardIds(id, minutes(100))).toBeUndefined();
      expect(await store.deleteLearner(id)).toBe(false);
      // The id created again starts empty: no rows were left behind under it.
      await store.createLearner(id, minutes(2));
      expect(await store.readLearner(id)).toEqual({
        id,
        createdAt: minutes(2),
        steps: [],
        reviews: [],
        cards: [],
      });
    });

    it("shows what one store wrote to another store opened on the same database", async () => {
      const id = newId();
      await store.createLearner(id, T0);
      await store.setStepDone(id, 4, true, minutes(1));
      const other = await open();
      try {
        expect((await other.readLearner(id))?.steps).toEqual([{ step: 4, doneAt: minutes(1) }]);
        await other.setStepDone(id, 5, true, minutes(2));
      } finally {
        await other.close();
      }
      expect((await store.readLearner(id))?.steps.map((step) => step.step)).toEqual([4, 5]);
    });
  });
}
