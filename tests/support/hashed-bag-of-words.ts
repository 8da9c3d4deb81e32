/**
 * Deterministic stand-in for an embedding model: a signed, hashed bag of lower-cased words,
 * normalised to unit length. Identical texts give identical vectors and texts that share words
 * are closer than texts that do not. A text without words gets a fixed non-zero vector.
 */
export function hashedBagOfWords(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [""];
  for (const word of words) {
    const hash = fnv1a(word);
    const bucket = hash % dimensions;
    // A second hash bit chooses the sign, so collisions cancel out instead of piling up.
    vector[bucket] = (vector[bucket] ?? 0) + ((hash >>> 31) & 1 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
