import { ExactVectorIndex } from "../../src/index/exact-vector-index.ts";
import { type HnswSettings, HnswVectorIndex } from "../../src/index/hnsw-vector-index.ts";
import type { VectorHit, VectorIndex } from "../../src/index/vector-index.ts";
import type { VectorSearchFigures } from "./bench-report.ts";
import { randomUnitVectors, vectorAt } from "./internal/seeded-random.ts";
import { round, summarise } from "./statistics.ts";

const K = 10;
/** Seeds of the synthetic data and of its queries. */
const DATA_SEED = 20_261_127;
const QUERY_SEED = 7;

/** Larger candidate lists tried besides the configured `efSearch`, to show what recall costs. */
const EF_SWEEP = [200, 400, 800];

function meanRecall(recalls: number[]): number {
  return round(recalls.reduce((sum, value) => sum + value, 0) / Math.max(1, recalls.length), 4);
}

/** Share of the exact top-k labels that the approximate list also holds. */
function recall(approximate: VectorHit[], truth: VectorHit[]): number {
  const found = new Set(approximate.map((hit) => hit.label));
  return truth.length === 0 ? 1 : truth.filter((hit) => found.has(hit.label)).length / truth.length;
}

/**
 * Times k-NN queries on HNSW (with the configured efSearch) and on the exact oracle and compares
 * their top-k labels; then the same HNSW queries with larger candidate lists. HnswVectorIndex
 * searches with max(efSearch, k), so asking for `ef` results and keeping the first k is a search
 * with that ef (hnswlib returns the best k of the same candidate list).
 */
function compare(hnsw: VectorIndex, exact: VectorIndex, queries: number[][], efSearch: number) {
  // One untimed query each, so lazy set-up is not in the first sample.
  if (queries[0] !== undefined) {
    hnsw.search(queries[0], K);
    exact.search(queries[0], K);
  }
  const hnswMs: number[] = [];
  const exactMs: number[] = [];
  const recalls: number[] = [];
  const truths: VectorHit[][] = [];
  for (const query of queries) {
    let started = performance.now();
    const approximate = hnsw.search(query, K);
    hnswMs.push(performance.now() - started);
    started = performance.now();
    const truth = exact.search(query, K);
    exactMs.push(performance.now() - started);
    truths.push(truth);
    recalls.push(recall(approximate, truth));
  }
  const efSweep = EF_SWEEP.filter((ef) => ef > efSearch).map((ef) => {
    const sweepMs: number[] = [];
    const sweepRecalls: number[] = [];
    queries.forEach((query, position) => {
      const started = performance.now();
      const approximate = hnsw.search(query, ef).slice(0, K);
      sweepMs.push(performance.now() - started);
      sweepRecalls.push(recall(approximate, truths[position] ?? []));
    });
    return { efSearch: ef, recallAtK: meanRecall(sweepRecalls), hnswLatency: summarise(sweepMs) };
  });
  return {
    recallAtK: meanRecall(recalls),
    minRecallAtK: round(Math.min(...recalls), 4),
    hnswLatency: summarise(hnswMs),
    exactLatency: summarise(exactMs),
    efSweep,
  };
}

/** HNSW of the built index (loaded from disk) against exact search over its own vectors. */
export function measureCorpusVectorSearch(options: {
  hnsw: HnswVectorIndex;
  settings: HnswSettings;
  queries: number[][];
}): VectorSearchFigures {
  const { hnsw } = options;
  const exact = new ExactVectorIndex(hnsw.dimensions);
  const started = performance.now();
  for (let label = 0; label < hnsw.size; label++) exact.add(label, hnsw.vector(label));
  const exactBuildMs = performance.now() - started;
  return {
    label: "corpus (built index, real vectors)",
    vectors: hnsw.size,
    requestedVectors: hnsw.size,
    dimensions: hnsw.dimensions,
    queries: options.queries.length,
    queryKind: "dev questions embedded by the embedder",
    k: K,
    hnsw: options.settings,
    hnswBuildMs: undefined,
    exactBuildMs: round(exactBuildMs),
    ...compare(hnsw, exact, options.queries, options.settings.efSearch),
  };
}

/**
 * Seeded random unit vectors (uniform on the sphere: the hardest case for HNSW, as no structure
 * helps the graph), built into HNSW with our settings within `budgetSeconds`, and the same
 * vectors into the exact index.
 */
export function measureSyntheticVectorSearch(options: {
  size: number;
  dimensions: number;
  queries: number;
  settings: HnswSettings;
  budgetSeconds: number;
  onProgress?: (message: string) => void;
}): VectorSearchFigures {
  const { dimensions, settings } = options;
  const data = randomUnitVectors(options.size, dimensions, DATA_SEED);
  const hnsw = HnswVectorIndex.create(dimensions, settings, options.size);
  const budgetMs = options.budgetSeconds * 1000;
  let started = performance.now();
  let added = 0;
  for (; added < options.size; added++) {
    hnsw.add(added, vectorAt(data, dimensions, added));
    if ((added + 1) % 1000 === 0) {
      const elapsed = performance.now() - started;
      if ((added + 1) % 10_000 === 0) {
        options.onProgress?.(`${added + 1} vectors in ${Math.round(elapsed / 1000)} s`);
      }
      if (elapsed > budgetMs) {
        added++;
        break;
      }
    }
  }
  const hnswBuildMs = performance.now() - started;
  const exact = new ExactVectorIndex(dimensions);
  started = performance.now();
  for (let label = 0; label < added; label++) exact.add(label, vectorAt(data, dimensions, label));
  const exactBuildMs = performance.now() - started;
  const queryData = randomUnitVectors(options.queries, dimensions, QUERY_SEED);
  const queries = Array.from({ length: options.queries }, (_, position) =>
    vectorAt(queryData, dimensions, position),
  );
  const truncated = added < options.size;
  return {
    label: `synthetic (${added.toLocaleString("en")} random unit vectors)`,
    vectors: added,
    requestedVectors: options.size,
    dimensions,
    queries: queries.length,
    queryKind: "random unit vectors (another seed)",
    k: K,
    hnsw: settings,
    hnswBuildMs: round(hnswBuildMs),
    exactBuildMs: round(exactBuildMs),
    ...compare(hnsw, exact, queries, settings.efSearch),
    ...(truncated
      ? {
          note: `the HNSW build reached its ${options.budgetSeconds} s budget at ${added} of ${options.size} vectors (--synthetic-budget)`,
        }
      : {}),
  };
}
