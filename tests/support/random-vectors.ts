/** Mulberry32: a small seeded PRNG, so "random" test data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` unit vectors of `dimensions` with normally distributed components (Box–Muller). */
export function randomUnitVectors(count: number, dimensions: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const gaussian = () => {
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return Array.from({ length: count }, () => {
    const vector = Array.from({ length: dimensions }, gaussian);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}
