/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` random unit vectors of `dimensions`, uniform on the sphere (normalised Gaussians by
 * Box–Muller), packed row after row in one Float32Array (what hnswlib stores anyway).
 */
export function randomUnitVectors(count: number, dimensions: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const vectors = new Float32Array(count * dimensions);
  const row = new Float64Array(dimensions);
  for (let vector = 0; vector < count; vector++) {
    let norm = 0;
    for (let index = 0; index < dimensions; index++) {
      const value = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      row[index] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    const offset = vector * dimensions;
    for (let index = 0; index < dimensions; index++) {
      vectors[offset + index] = (row[index] ?? 0) / norm;
    }
  }
  return vectors;
}

/** Row `position` of a packed Float32Array as the `number[]` the VectorIndex API takes. */
export function vectorAt(vectors: Float32Array, dimensions: number, position: number): number[] {
  return Array.from(vectors.subarray(position * dimensions, (position + 1) * dimensions));
}
