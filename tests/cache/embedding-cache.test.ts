import { describe, expect, it } from "vitest";
import { EmbeddingCache } from "../../src/cache/embedding-cache.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";

/** A 4-dimensional embedder that records the queries it embeds. */
class RecordingEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions = 4;
  readonly batchSize = 8;
  readonly queries: string[] = [];

  constructor(id = "recording") {
    this.id = id;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => [text.length, 1, 0, 0]);
  }

  async embedQuery(text: string): Promise<number[]> {
    this.queries.push(text);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return [text.length, 0, 1, 0];
  }
}

describe("EmbeddingCache", () => {
  it("embeds a text once and answers repeats from the cache", async () => {
    const inner = new RecordingEmbedder();
    const cache = new EmbeddingCache(inner);
    expect(await cache.embedQuery("What is DVC?")).toEqual([12, 0, 1, 0]);
    expect(await cache.embedQuery("What is DVC?")).toEqual([12, 0, 1, 0]);
    expect(await cache.embedQuery("what is DVC?")).toEqual([12, 0, 1, 0]);
    expect(inner.queries).toEqual(["What is DVC?", "what is DVC?"]);
    expect(cache.statistics).toMatchObject({ hits: 1, misses: 2, entries: 2 });
    expect(cache.id).toBe("recording");
  });

  it("shares one embedding between concurrent requests for the same text", async () => {
    const inner = new RecordingEmbedder();
    const cache = new EmbeddingCache(inner);
    await Promise.all([cache.embedQuery("a"), cache.embedQuery("a"), cache.embedQuery("a")]);
    expect(inner.queries).toEqual(["a"]);
  });

  it("evicts past the byte bound and counts it", async () => {
    const inner = new RecordingEmbedder();
    // One entry is 4 × 8 bytes plus the key's characters; room for two.
    const entry = 32 + 2 * JSON.stringify(["recording", "q1"]).length;
    const cache = new EmbeddingCache(inner, { maxEntries: 100, maxBytes: entry * 2 });
    for (const text of ["q1", "q2", "q3"]) await cache.embedQuery(text);
    expect(cache.statistics).toMatchObject({ evictions: 1, entries: 2 });
    await cache.embedQuery("q1");
    expect(inner.queries).toEqual(["q1", "q2", "q3", "q1"]);
  });

  it("passes documents through", async () => {
    const inner = new RecordingEmbedder();
    const cache = new EmbeddingCache(inner);
    expect(await cache.embedDocuments(["ab"])).toEqual([[2, 1, 0, 0]]);
    expect(cache.statistics.misses).toBe(0);
  });
});
