import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { answerCacheKey } from "../../src/cache/answer-cache.ts";
import { LruAnswerCache } from "../../src/cache/lru-answer-cache.ts";

function answer(text: string): AnswerResult {
  return {
    question: "What is DVC used for?",
    answer: text,
    refused: false,
    citations: [],
    retrieved: [],
    timings: { retrieveMs: 1, generateMs: 1 },
    generator: "extractive",
    droppedCitations: 0,
  };
}

const key = (question: string, indexVersion = "v1") =>
  answerCacheKey({ question, indexVersion, generator: "extractive" });

describe("LruAnswerCache", () => {
  it("returns the stored answer on a hit and counts hits and misses", async () => {
    const cache = new LruAnswerCache();
    expect(await cache.get(key("a"))).toBeUndefined();
    await cache.set(key("a"), answer("DVC versions data. [1]"));
    expect(await cache.get(key("a"))).toEqual(answer("DVC versions data. [1]"));
    expect(cache.statistics).toMatchObject({ hits: 1, misses: 1, evictions: 0, entries: 1 });
  });

  it("hands out copies: changing a returned answer does not change the cached one", async () => {
    const cache = new LruAnswerCache();
    await cache.set(key("a"), answer("kept"));
    const first = await cache.get(key("a"));
    if (first !== undefined) first.answer = "changed";
    expect((await cache.get(key("a")))?.answer).toBe("kept");
  });

  it("misses when the index version or the generator differs", async () => {
    const cache = new LruAnswerCache();
    await cache.set(key("a", "v1"), answer("old"));
    expect(await cache.get(key("a", "v2"))).toBeUndefined();
    expect(
      await cache.get(answerCacheKey({ question: "a", indexVersion: "v1", generator: "llm" })),
    ).toBeUndefined();
    expect(
      answerCacheKey({ question: "a", indexVersion: "v1", generator: "x", context: "[]" }),
    ).not.toBe(answerCacheKey({ question: "a", indexVersion: "v1", generator: "x" }));
  });

  it("evicts the least recently used answer past the byte bound and counts it", async () => {
    const size = 2 * (JSON.stringify(answer("x".repeat(1000))).length + key("a").length);
    const cache = new LruAnswerCache({ maxEntries: 100, maxBytes: Math.floor(size * 2.5) });
    await cache.set(key("a"), answer("x".repeat(1000)));
    await cache.set(key("b"), answer("y".repeat(1000)));
    await cache.get(key("a"));
    await cache.set(key("c"), answer("z".repeat(1000)));
    expect(await cache.get(key("b"))).toBeUndefined();
    expect((await cache.get(key("a")))?.answer).toBe("x".repeat(1000));
    expect(cache.statistics.evictions).toBe(1);
    expect(cache.statistics.bytes).toBeLessThanOrEqual(size * 2.5);
  });

  it("evicts past the entry bound, and clear empties it without counting evictions", async () => {
    const cache = new LruAnswerCache({ maxEntries: 2 });
    for (const question of ["a", "b", "c"]) await cache.set(key(question), answer(question));
    expect(await cache.get(key("a"))).toBeUndefined();
    expect(cache.statistics).toMatchObject({ evictions: 1, entries: 2 });
    await cache.clear();
    expect(cache.statistics).toMatchObject({ evictions: 1, entries: 0, bytes: 0 });
  });
});
