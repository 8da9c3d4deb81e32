import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteProgressStore } from "../../src/study/progress/sqlite-progress-store.ts";
import { projectRoot } from "../support/project-root.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;

beforeAll(async () => {
  temp = await TempDir.create("study-assistant-progress-crash-");
});

afterAll(async () => {
  await temp?.remove();
});

/** Writes the child reported as committed before it was killed. */
const KILL_AFTER = 300;

describe("a server killed with SIGKILL in the middle of a write loop", () => {
  it("leaves a file that opens, with every committed write intact", async () => {
    const dataDir = temp.join("data");
    const learnerId = randomBytes(16).toString("base64url");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(projectRoot, "tests/study/progress-crash-writer.ts"),
        dataDir,
        learnerId,
      ],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let committed = 0;
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => {
      stderr += data.toString();
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (data: Buffer) => {
        const numbers = [...data.toString().matchAll(/committed (\d+)/g)].map((match) =>
          Number(match[1]),
        );
        committed = Math.max(committed, ...numbers);
        if (committed >= KILL_AFTER) resolve();
      });
      child.on("exit", () => resolve());
    });
    // The loop never pauses, so the kill lands inside a transaction or its fsync.
    child.kill("SIGKILL");
    await exited;
    expect(stderr).toBe("");
    expect(committed).toBeGreaterThanOrEqual(KILL_AFTER);
    // The write-ahead log was still open: reopening has to recover from it.
    expect(existsSync(path.join(dataDir, "progress.sqlite-wal"))).toBe(true);

    const store = SqliteProgressStore.inDataDir(dataDir);
    const record = await store.readLearner(learnerId);
    await store.close();
    expect(record).toBeDefined();
    const reviewed = new Set(record?.reviews.map((review) => review.cardId));
    const cards = new Map(record?.cards.map((card) => [card.cardId, card]));
    // Every write reported committed is there, whole; at most the one in flight got in too.
    for (let n = 1; n <= committed; n++) {
      expect(reviewed.has(`card-${n}`)).toBe(true);
      expect(cards.get(`card-${n}`)).toMatchObject({ stability: n / 7, scheduledDays: n, reps: 1 });
    }
    expect(record?.reviews.length).toBeGreaterThanOrEqual(committed);
    expect(record?.reviews.length).toBeLessThanOrEqual(committed + 1);
    // A review and its card state are written together or not at all.
    expect(record?.cards.length).toBe(record?.reviews.length);
    const expectedSteps = new Map<number, boolean>();
    for (let n = 1; n <= committed; n++) expectedSteps.set((n % 7) + 1, n % 2 === 0);
    const done = new Set(record?.steps.map((step) => step.step));
    for (const [step, isDone] of expectedSteps) {
      // Only the last write (possibly committed after the last report) may differ.
      if (step !== ((committed + 1) % 7) + 1) expect(done.has(step)).toBe(isDone);
    }

    const database = new Database(path.join(dataDir, "progress.sqlite"), { readonly: true });
    try {
      expect(database.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      database.close();
    }
  }, 30_000);
});
