import { readdir } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexLockedError } from "../../src/errors/index-errors.ts";
import { acquireIndexLock } from "../../src/index/index-lock.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;

beforeEach(async () => {
  temp = await TempDir.create();
});

afterEach(async () => {
  await temp.remove();
});

describe("acquireIndexLock", () => {
  it("gives the lock to exactly one of many simultaneous takers", async () => {
    for (let round = 0; round < 200; round++) {
      const directory = temp.join(`index-${round}`);
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, () => acquireIndexLock(directory)),
      );
      const winners = results.filter((result) => result.status === "fulfilled");
      expect(winners).toHaveLength(1);
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason).toBeInstanceOf(IndexLockedError);
      }
    }
  });

  it("takes over a damaged (empty) lock file and leaves no candidate files behind", async () => {
    await temp.write("index/.lock", "");
    const release = await acquireIndexLock(temp.join("index"));
    await release();
    expect(await readdir(temp.join("index"))).toEqual([]);
  });
});
