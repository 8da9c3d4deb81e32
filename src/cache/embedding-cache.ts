import type { Embedder, EmbedProgress } from "../embedders/embedder.ts";
import type { CacheStatistics, CacheWithStatistics } from "./cache-statistics.ts";
import { CountedLru } from "./counted-lru.ts";

export type EmbeddingCacheOptions = {
  /** Most query vectors kept (EMBEDDING_CACHE_ENTRIES). @default 5000 */
  maxEntries?: number;
  /** Most bytes kept, counting 8 per vector value and 2 per character of text. @default 64 MiB */
  maxBytes?: number;
};

/**
 * An `Embedder` that remembers the vectors of recent queries, keyed by the embedder's id and the
 * exact text, so a repeated question skips the model (least recently used first out, bounded in
 * entries and bytes). Concurrent requests for the same text share one embedding. Documents pass
 * through: they are embedded once per build anyway.
 */
export class EmbeddingCache implements Embedder, CacheWithStatistics {
  readonly inner: Embedder;
  private readonly cache: CountedLru<number[]>;
  private readonly pending = new Map<string, Promise<number[]>>();

  constructor(inner: Embedder, options: EmbeddingCacheOptions = {}) {
    this.inner = inner;
    this.cache = new CountedLru<number[]>({
      maxEntries: options.maxEntries ?? 5000,
      maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
      sizeOf: (vector, key) => 8 * vector.length + 2 * key.length,
    });
  }

  get id(): string {
    return this.inner.id;
  }

  get dimensions(): number {
    return this.inner.dimensions;
  }

  get batchSize(): number {
    return this.inner.batchSize;
  }

  get statistics(): CacheStatistics {
    return this.cache.statistics;
  }

  embedDocuments(texts: string[], options?: { onProgress?: EmbedProgress }): Promise<number[][]> {
    return this.inner.embedDocuments(texts, options);
  }

  async embedQuery(text: string): Promise<number[]> {
    const key = JSON.stringify([this.inner.id, text]);
    const cached = this.cache.entries.get(key);
    if (cached !== undefined) {
      this.cache.hits++;
      // A copy: the caller may not change what the next caller gets.
      return [...cached];
    }
    const inFlight = this.pending.get(key);
    if (inFlight !== undefined) {
      this.cache.hits++;
      return [...(await inFlight)];
    }
    this.cache.misses++;
    const embedding = this.inner.embedQuery(text);
    this.pending.set(key, embedding);
    try {
      const vector = await embedding;
      this.cache.entries.set(key, vector);
      return [...vector];
    } finally {
      this.pending.delete(key);
    }
  }

  /** Forgets every vector (the counters stay). */
  clear(): void {
    this.cache.entries.clear();
  }
}
