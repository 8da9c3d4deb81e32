import { LRUCache } from "lru-cache";
import type { CacheStatistics } from "./cache-statistics.ts";

/**
 * An LRU map bounded in entries and bytes (`lru-cache`) that counts its hits, misses and
 * evictions for `/metrics`; the caches built on it say what a hit is.
 */
export class CountedLru<Value extends NonNullable<unknown>> {
  readonly entries: LRUCache<string, Value>;
  hits = 0;
  misses = 0;
  private evictions = 0;

  constructor(options: {
    maxEntries: number;
    maxBytes: number;
    sizeOf: (value: Value, key: string) => number;
  }) {
    this.entries = new LRUCache<string, Value>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: options.sizeOf,
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
}
