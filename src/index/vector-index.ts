/** A nearest neighbour with its cosine similarity to the query (1 = same direction). */
export type VectorHit = { label: number; score: number };

/**
 * Nearest-neighbour search over unit vectors addressed by integer labels. Implementations: HNSW
 * (`hnswlib-node`, approximate, the one the index uses) and exact brute force (the test oracle).
 */
export type VectorIndex = {
  readonly kind: string;
  readonly dimensions: number;
  /** Number of vectors stored. */
  readonly size: number;
  add(label: number, vector: number[]): void;
  /** Up to `k` nearest vectors, most similar first. */
  search(vector: number[], k: number): VectorHit[];
  /** The stored vector of `label`. */
  vector(label: number): number[];
};
