import type { AnswerResult } from "../answer/answer.ts";
import type { AnswerCache } from "./answer-cache.ts";
import type { CacheStatistics, CacheWithStatistics } from "./cache-statistics.ts";
import { CountedLru } from "./counted-lru.ts";

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
  private readonly cache: CountedLru<string>;

  constructor(options: LruAnswerCacheOptions = {}) {
    this.cache = new CountedLru<string>({
      maxEntries: options.maxEntries ?? 1000,
      maxBytes: options.maxBytes ?? 32 * 1024 * 1024,
      // UTF-16 code units of the JSON and of the key, 2 bytes each.
      sizeOf: (value, key) => Math.max(1, 2 * (value.length + key.length)),
    });
  }

  get statistics(): CacheStatistics {
    return this.cache.statistics;
  }

  async get(key: string): Promise<AnswerResult | undefined> {
    const json = this.cache.entries.get(key);
    if (json === undefined) {
      this.cache.misses++;
      return undefined;
    }
    this.cache.hits++;
    return JSON.parse(json) as AnswerResult;
  }

  /** Stores an answer; one larger than the whole byte bound is not kept. */
  async set(key: string, answer: AnswerResult): Promise<void> {
    this.cache.entries.set(key, JSON.stringify(answer));
  }

  async clear(): Promise<void> {
    this.cache.entries.clear();
  }
}
