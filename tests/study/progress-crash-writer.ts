/**
 * Child process of progress-crash.test.ts: writes reviews and steps to a SQLite progress store as
 * fast as it can and prints `committed <n>` after each write returns, until it is killed.
 * Usage: node --import tsx progress-crash-writer.ts <dataDir> <learnerId>
 */
import { SqliteProgressStore } from "../../src/study/progress/sqlite-progress-store.ts";

const [dataDir, learnerId] = process.argv.slice(2);
if (dataDir === undefined || learnerId === undefined)
  throw new Error("usage: <dataDir> <learnerId>");

const store = SqliteProgressStore.inDataDir(dataDir);
const start = Date.UTC(2027, 0, 4);
await store.createLearner(learnerId, new Date(start));
for (let n = 1; ; n++) {
  const at = new Date(start + n * 1000);
  await store.recordReview(
    learnerId,
    { cardId: `card-${n}`, rating: "good", correct: true, reviewedAt: at, due: at },
    {
      cardId: `card-${n}`,
      due: at,
      stability: n / 7,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: n,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: "review",
      lastReview: at,
    },
  );
  await store.setStepDone(learnerId, (n % 7) + 1, n % 2 === 0, at);
  process.stdout.write(`committed ${n}\n`);
}
