import type { Chunk } from "../../chunking/chunk.ts";

/**
 * `compute` memoised per index (its chunks array) and step number: a hot reload brings a new
 * chunks array, so what was worked out for the old index is dropped with it. An undefined result
 * (no such step) is not kept.
 */
export function memoisePerStep<T>(
  compute: (chunks: readonly Chunk[], n: number) => T | undefined,
): (chunks: readonly Chunk[], n: number) => T | undefined {
  const cache = new WeakMap<readonly Chunk[], Map<number, T>>();
  return (chunks, n) => {
    let perStep = cache.get(chunks);
    if (perStep === undefined) {
      perStep = new Map();
      cache.set(chunks, perStep);
    }
    const cached = perStep.get(n);
    if (cached !== undefined) return cached;
    const value = compute(chunks, n);
    if (value !== undefined) perStep.set(n, value);
    return value;
  };
}
