import hnswlib from "hnswlib-node";
import type { VectorHit, VectorIndex } from "./vector-index.ts";

/** HNSW graph parameters; recorded in the manifest. */
export type HnswSettings = {
  /** Links per node. @default 16 */
  m: number;
  /** Candidate list size while building. @default 200 */
  efConstruction: number;
  /** Candidate list size while searching; raised to `k` when smaller. @default 100 */
  efSearch: number;
};

export const DEFAULT_HNSW_SETTINGS: HnswSettings = { m: 16, efConstruction: 200, efSearch: 100 };

/** Approximate cosine search with `hnswlib-node`. Grows its capacity as vectors are added. */
export class HnswVectorIndex implements VectorIndex {
  readonly kind = "hnsw";
  readonly dimensions: number;
  private readonly settings: HnswSettings;
  private readonly index: hnswlib.HierarchicalNSW;
  /**
   * Vectors read back by label. hnswlib copies a point out of native memory at every `getPoint`
   * (profiled at ~4.5 ms per question, as retrieval reads a few hundred); at corpus size all of
   * them take about 1.3 MB.
   */
  private readonly points = new Map<number, number[]>();

  private constructor(dimensions: number, settings: HnswSettings, index: hnswlib.HierarchicalNSW) {
    this.dimensions = dimensions;
    this.settings = settings;
    this.index = index;
  }

  static create(dimensions: number, settings: HnswSettings, capacity = 1024): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
    // A fixed seed makes builds reproducible.
    index.initIndex({
      maxElements: Math.max(capacity, 16),
      m: settings.m,
      efConstruction: settings.efConstruction,
      randomSeed: 100,
    });
    return new HnswVectorIndex(dimensions, settings, index);
  }

  static async load(
    file: string,
    dimensions: number,
    settings: HnswSettings,
  ): Promise<HnswVectorIndex> {
    const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
    await index.readIndex(file);
    return new HnswVectorIndex(dimensions, settings, index);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  add(label: number, vector: number[]): void {
    if (vector.length !== this.dimensions) {
      throw new RangeError(`vector has ${vector.length} dimensions; expected ${this.dimensions}`);
    }
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(this.index.getMaxElements() * 2);
    }
    this.index.addPoint(vector, label);
    this.points.delete(label);
  }

  search(vector: number[], k: number): VectorHit[] {
    const count = Math.min(k, this.size);
    if (count === 0) return [];
    this.index.setEf(Math.max(this.settings.efSearch, count));
    const { neighbors, distances } = this.index.searchKnn(vector, count);
    return neighbors.map((label, position) => ({
      label,
      // hnswlib's cosine space returns 1 - cosine similarity.
      score: 1 - (distances[position] ?? 1),
    }));
  }

  vector(label: number): number[] {
    let point = this.points.get(label);
    if (point === undefined) {
      point = this.index.getPoint(label);
      this.points.set(label, point);
    }
    return point;
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }
}
