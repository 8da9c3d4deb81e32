import type { Embedder, EmbedProgress } from "../../src/embedders/embedder.ts";

/**
 * An `Embedder` that remembers the vectors of recent queries (least recently used first out), so
 * a repeated question skips the model. Documents are passed through: they are embedded once per
 * build anyway. `enabled = false` turns it into a plain pass-through, to measure both ways with
 * one wiring. The bench's own: `src/` has no query cache.
 */
export class CachingEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly batchSize: number;
  /** Most queries remembered. @default 1000 */
  readonly capacity: number;
  /** When false every query goes to the wrapped embedder and nothing is stored. @default true */
  enabled = true;
  hits = 0;
  misses = 0;
  private readonly inner: Embedder;
  // A Map iterates in insertion order: re-inserting on a hit keeps the oldest entry first.
  private readonly entries = new Map<string, number[]>();

  constructor(inner: Embedder, options: { capacity?: number } = {}) {
    this.inner = inner;
    this.id = inner.id;
    this.dimensions = inner.dimensions;
    this.batchSize = inner.batchSize;
    this.capacity = options.capacity ?? 1000;
  }

  get size(): number {
    return this.entries.size;
  }

  embedDocuments(texts: string[], options?: { onProgress?: EmbedProgress }): Promise<number[][]> {
    return this.inner.embedDocuments(texts, options);
  }

  async embedQuery(text: string): Promise<number[]> {
    if (!this.enabled || this.capacity === 0) return this.inner.embedQuery(text);
    const cached = this.entries.get(text);
    if (cached !== undefined) {
      this.hits++;
      this.entries.delete(text);
      this.entries.set(text, cached);
      return cached;
    }
    this.misses++;
    const vector = await this.inner.embedQuery(text);
    this.entries.set(text, vector);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return vector;
  }

  /** Forgets every vector and zeroes the hit and miss counters. */
  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }
}
