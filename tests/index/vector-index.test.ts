import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ExactVectorIndex } from "../../src/index/exact-vector-index.ts";
import { DEFAULT_HNSW_SETTINGS, HnswVectorIndex } from "../../src/index/hnsw-vector-index.ts";
import { randomUnitVectors } from "../support/random-vectors.ts";
import { TempDir } from "../support/temp-dir.ts";
import { describeVectorIndexContract } from "./vector-index-contract.ts";

describeVectorIndexContract("hnsw", (dimensions) =>
  HnswVectorIndex.create(dimensions, DEFAULT_HNSW_SETTINGS, 16),
);
describeVectorIndexContract("exact", (dimensions) => new ExactVectorIndex(dimensions));

describe("HnswVectorIndex against the exact oracle", () => {
  const dimensions = 64;
  const data = randomUnitVectors(2000, dimensions, 2026);
  const queries = randomUnitVectors(100, dimensions, 4711);

  let built: { hnsw: HnswVectorIndex; exact: ExactVectorIndex } | undefined;
  /** Built once and shared: searching does not change an index. */
  function build(): { hnsw: HnswVectorIndex; exact: ExactVectorIndex } {
    if (built !== undefined) return built;
    const hnsw = HnswVectorIndex.create(dimensions, DEFAULT_HNSW_SETTINGS, 256);
    const exact = new ExactVectorIndex(dimensions);
    data.forEach((vector, label) => {
      hnsw.add(label, vector);
      exact.add(label, vector);
    });
    built = { hnsw, exact };
    return built;
  }

  it("finds at least 95% of the true 10 nearest neighbours with default settings", () => {
    const { hnsw, exact } = build();
    let found = 0;
    for (const query of queries) {
      const truth = new Set(exact.search(query, 10).map((hit) => hit.label));
      found += hnsw.search(query, 10).filter((hit) => truth.has(hit.label)).length;
    }
    const recall = found / (queries.length * 10);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it("agrees with the oracle's scores for the neighbours it returns", () => {
    const { hnsw, exact } = build();
    const query = queries[0] ?? [];
    const exactScores = new Map(exact.search(query, 2000).map((hit) => [hit.label, hit.score]));
    for (const hit of hnsw.search(query, 10)) {
      expect(hit.score).toBeCloseTo(exactScores.get(hit.label) ?? Number.NaN, 4);
    }
  });

  describe("save and load", () => {
    let temp: TempDir | undefined;
    afterEach(async () => {
      await temp?.remove();
      temp = undefined;
    });

    it("round-trips to the same search results", async () => {
      temp = await TempDir.create();
      const { hnsw } = build();
      const file = path.join(temp.path, "vectors.hnsw");
      await hnsw.save(file);
      const loaded = await HnswVectorIndex.load(file, dimensions, DEFAULT_HNSW_SETTINGS);
      expect(loaded.size).toBe(data.length);
      for (const query of queries.slice(0, 20)) {
        expect(loaded.search(query, 10)).toEqual(hnsw.search(query, 10));
      }
      expect(loaded.vector(123)).toEqual(hnsw.vector(123));
    });
  });
});
