import { LRUCache } from "lru-cache";
import type { Embedder, EmbedProgress } from "../embedders/embedder.ts";
import type { CacheStatistics, CacheWithStatistics } from "./cache-statistics.ts";

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
  private readonly entries: LRUCache<string, number[]>;
  private readonly pending = new Map<string, Promise<number[]>>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(inner: Embedder, options: EmbeddingCacheOptions = {}) {
    this.inner = inner;
    this.entries = new LRUCache<string, number[]>({
      max: options.maxEntries ?? 5000,
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (vector, key) => 8 * vector.length + 2 * key.length,
      dispose: (_vector, _key, reason) => {
        if (reason === "evict") this.evictions++;
      },
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
    return {
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
    };
  }

  embedDocuments(texts: string[], options?: { onProgress?: EmbedProgress }): Promise<number[][]> {
    return this.inner.embedDocuments(texts, options);
  }

  async embedQuery(text: string): Promise<number[]> {
    const key = JSON.stringify([this.inner.id, text]);
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.hits++;
      // A copy: the caller may not change what the next caller gets.
      return [...cached];
    }
    const inFlight = this.pending.get(key);
    if (inFlight !== undefined) {
      this.hits++;
      return [...(await inFlight)];
    }
    this.misses++;
    const embedding = this.inner.embedQuery(text);
    this.pending.set(key, embedding);
    try {
      const vector = await embedding;
      this.entries.set(key, vector);
      return [...vector];
    } finally {
      this.pending.delete(key);
    }
  }

  /** Forgets every vector (the counters stay). */
  clear(): void {
    this.entries.clear();
  }
}
