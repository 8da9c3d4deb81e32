import { LRUCache } from "lru-cache";
import type { AnswerResult } from "../answer/answer.ts";
import type { AnswerCache } from "./answer-cache.ts";
import type { CacheStatistics, CacheWithStatistics } from "./cache-statistics.ts";

export type LruAnswerCacheOptions = {
  /** Most answers kept (ANSWER_CACHE_ENTRIES). @default 1000 */
  maxEntries?: number;
  /** Most bytes kept, counting each answer as its JSON text in UTF-16 (ANSWER_CACHE_MB). @default 32 MiB */
  maxBytes?: number;
};

/**
 * The in-process `AnswerCache`: least recently used answers go first once either bound is
 * reached. Answers are kept as JSON text, so what a caller does with an answer it got can never
 * change what the next caller gets, and the byte bound counts what is really held.
 */
export class LruAnswerCache implements AnswerCache, CacheWithStatistics {
  readonly id = "lru";
  private readonly entries: LRUCache<string, string>;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(options: LruAnswerCacheOptions = {}) {
    this.entries = new LRUCache<string, string>({
      max: options.maxEntries ?? 1000,
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      // UTF-16 code units of the JSON and of the key, 2 bytes each.
      sizeCalculation: (value, key) => Math.max(1, 2 * (value.length + key.length)),
      dispose: (_value, _key, reason) => {
        if (reason === "evict") this.evictions++;
      },
    });
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

  async get(key: string): Promise<AnswerResult | undefined> {
    const json = this.entries.get(key);
    if (json === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return JSON.parse(json) as AnswerResult;
  }

  /** Stores an answer; one larger than the whole byte bound is not kept. */
  async set(key: string, answer: AnswerResult): Promise<void> {
    this.entries.set(key, JSON.stringify(answer));
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}
