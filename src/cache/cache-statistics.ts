/** What a cache has done since it was created, for `/metrics` (`cache="answers"|"embeddings"`). */
export type CacheStatistics = {
  hits: number;
  misses: number;
  /** Entries pushed out to make room (by the entry bound or the byte bound), not cleared ones. */
  evictions: number;
  /** Entries held now. */
  entries: number;
  /** Estimated bytes held now. */
  bytes: number;
};

/** Something whose hits, misses and evictions `/metrics` reports under a `cache` label. */
export type CacheWithStatistics = { readonly statistics: CacheStatistics };
