import { dotProduct } from "./dot-product.ts";
import type { VectorHit, VectorIndex } from "./vector-index.ts";

/** Brute-force cosine search: exact, linear in the number of vectors. The oracle for HNSW. */
export class ExactVectorIndex implements VectorIndex {
  readonly kind = "exact";
  readonly dimensions: number;
  private readonly vectors = new Map<number, Float64Array>();

  constructor(dimensions: number) {
    this.dimensions = dimensions;
  }

  get size(): number {
    return this.vectors.size;
  }

  add(label: number, vector: number[]): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions; expected ${this.dimensions}`);
    }
    const norm = Math.hypot(...vector) || 1;
    this.vectors.set(
      label,
      Float64Array.from(vector, (value) => value / norm),
    );
  }

  search(vector: number[], k: number): VectorHit[] {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`query has ${vector.length} dimensions; expected ${this.dimensions}`);
    }
    const norm = Math.hypot(...vector) || 1;
    const hits: VectorHit[] = [];
    for (const [label, stored] of this.vectors) {
      hits.push({ label, score: dotProduct(stored, vector) / norm });
    }
    return hits
      .sort((left, right) => right.score - left.score || left.label - right.label)
      .slice(0, k);
  }

  vector(label: number): number[] {
    const stored = this.vectors.get(label);
    if (stored === undefined) throw new RangeError(`no vector with label ${label}`);
    return Array.from(stored);
  }
}
