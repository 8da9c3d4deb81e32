import { describe, expect, it } from "vitest";
import type { VectorIndex } from "../../src/index/vector-index.ts";
import { randomUnitVectors } from "../support/random-vectors.ts";

/**
 * The behaviour every `VectorIndex` must have. `createIndex` gets the dimension and returns an
 * empty index; implementations with a capacity should start small (16) so growth is exercised.
 */
export function describeVectorIndexContract(
  name: string,
  createIndex: (dimensions: number) => VectorIndex,
): void {
  describe(`VectorIndex contract: ${name}`, () => {
    const dimensions = 8;
    const vectors = randomUnitVectors(20, dimensions, 7);

    function filled(): VectorIndex {
      const index = createIndex(dimensions);
      vectors.forEach((vector, label) => {
        index.add(label, vector);
      });
      return index;
    }

    it("declares its kind and dimension and counts what was added", () => {
      const index = filled();
      expect(index.kind).toMatch(/\S/);
      expect(index.dimensions).toBe(dimensions);
      expect(index.size).toBe(vectors.length);
    });

    it("returns the nearest vectors first, with cosine scores in [-1, 1]", () => {
      const index = filled();
      const query = vectors[3] ?? [];
      const hits = index.search(query, 10);
      expect(hits).toHaveLength(10);
      expect(hits[0]?.label).toBe(3);
      for (const hit of hits) {
        expect(hit.score).toBeGreaterThanOrEqual(-1 - 1e-6);
        expect(hit.score).toBeLessThanOrEqual(1 + 1e-6);
      }
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((left, right) => right - left));
      // Scores are cosine similarities, not distances: check one against the definition.
      const second = hits[1];
      const stored = vectors[second?.label ?? -1] ?? [];
      const cosine = stored.reduce(
        (sum, value, position) => sum + value * (query[position] ?? 0),
        0,
      );
      expect(second?.score).toBeCloseTo(cosine, 5);
    });

    it("scores an identical vector about 1, whatever its length", () => {
      const index = filled();
      const scaled = (vectors[5] ?? []).map((value) => value * 7.5);
      const [best] = index.search(scaled, 1);
      expect(best?.label).toBe(5);
      expect(best?.score).toBeCloseTo(1, 5);
    });

    it("ranks an opposite vector last with a score near -1", () => {
      const index = createIndex(3);
      index.add(0, [1, 0, 0]);
      index.add(1, [0, 1, 0]);
      index.add(2, [-1, 0, 0]);
      const hits = index.search([2, 0, 0], 3);
      expect(hits.map((hit) => hit.label)).toEqual([0, 1, 2]);
      expect(hits[1]?.score).toBeCloseTo(0, 5);
      expect(hits[2]?.score).toBeCloseTo(-1, 5);
    });

    it("returns every vector when k is larger than the index", () => {
      const index = filled();
      const hits = index.search(vectors[0] ?? [], 500);
      expect(hits).toHaveLength(vectors.length);
      expect(new Set(hits.map((hit) => hit.label)).size).toBe(vectors.length);
    });

    it("returns nothing from an empty index", () => {
      const index = createIndex(dimensions);
      expect(index.size).toBe(0);
      expect(index.search(vectors[0] ?? [], 5)).toEqual([]);
    });

    it("rejects vectors and queries of the wrong dimension", () => {
      const index = filled();
      expect(() => index.add(99, [1, 2, 3])).toThrow(/dimension|length/i);
      expect(() => index.search([1, 2, 3], 3)).toThrow(/dimension|length/i);
      expect(index.size).toBe(vectors.length);
    });

    it("gives back the stored vector of a label, normalised to unit length", () => {
      const index = createIndex(4);
      index.add(42, [3, 4, 0, 0]);
      const stored = index.vector(42);
      expect(stored).toHaveLength(4);
      expect(stored[0]).toBeCloseTo(0.6, 5);
      expect(stored[1]).toBeCloseTo(0.8, 5);
      expect(stored[2]).toBeCloseTo(0, 5);
      expect(() => index.vector(7)).toThrow();
    });

    it("grows beyond its initial capacity", () => {
      const index = createIndex(dimensions);
      const many = randomUnitVectors(100, dimensions, 11);
      many.forEach((vector, label) => {
        index.add(label, vector);
      });
      expect(index.size).toBe(100);
      for (const label of [0, 16, 17, 50, 99]) {
        expect(index.search(many[label] ?? [], 1)[0]?.label).toBe(label);
      }
    });
  });
}
