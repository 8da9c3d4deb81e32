import { fileURLToPath } from "node:url";
import { Embeddings } from "@langchain/core/embeddings";
import { Piscina } from "piscina";
import { EmbedderError } from "../errors/embedder-error.ts";
import type { EmbedderIdentity, EmbedTask, LocalEmbedderSpec } from "./embed-worker.ts";
import type { Embedder, EmbedProgress } from "./embedder.ts";

export type { LocalEmbedderSpec } from "./embed-worker.ts";

const WORKER_ENTRY = fileURLToPath(new URL("./embed-worker-entry.mjs", import.meta.url));

export type PooledEmbedderOptions = {
  /** The embedder each worker builds (its model loads once per worker, as the pool starts). */
  spec: LocalEmbedderSpec;
  /** Worker threads; at least 1 (EMBED_WORKERS, whose 0 means no pool at all). */
  workers: number;
};

/**
 * An `Embedder` whose model runs in a pool of worker threads (piscina), so embedding a question
 * (about 14 ms of CPU with the Universal Sentence Encoder) never blocks the event loop and every
 * core can embed at once. Each query is embedded alone, exactly as on the main thread, so the
 * vectors are identical (batching questions together would change the last bits of each vector,
 * and with them the answer to one question would depend on what else was asked at that moment).
 * Documents go out in batches of `batchSize`, spread over the workers.
 */
export class PooledEmbedder extends Embeddings implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly batchSize: number;
  readonly workers: number;
  private readonly pool: Piscina<EmbedTask, number[][] | EmbedderIdentity>;

  private constructor(
    pool: Piscina<EmbedTask, number[][] | EmbedderIdentity>,
    identity: EmbedderIdentity,
    workers: number,
  ) {
    super({ maxRetries: 0 });
    this.pool = pool;
    this.id = identity.id;
    this.dimensions = identity.dimensions;
    this.batchSize = identity.batchSize;
    this.workers = workers;
  }

  /**
   * Starts the workers and waits until one has loaded its model and reported the embedder's
   * identity (the others load theirs meanwhile). Rejects with the worker's error when the model
   * cannot be loaded, after stopping the pool.
   */
  static async start(options: PooledEmbedderOptions): Promise<PooledEmbedder> {
    const workers = Math.max(1, Math.floor(options.workers));
    const pool = new Piscina<EmbedTask, number[][] | EmbedderIdentity>({
      filename: WORKER_ENTRY,
      minThreads: workers,
      maxThreads: workers,
      // The model stays loaded: an idle worker is never stopped.
      idleTimeout: Number.POSITIVE_INFINITY,
      workerData: { spec: options.spec },
    });
    try {
      const identity = (await pool.run({ describe: true })) as EmbedderIdentity;
      return new PooledEmbedder(pool, identity, workers);
    } catch (error) {
      await pool.destroy();
      throw new EmbedderError(
        options.spec.kind,
        `the embedding workers could not start: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async embedDocuments(
    texts: string[],
    options: { onProgress?: EmbedProgress } = {},
  ): Promise<number[][]> {
    const batches: string[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      batches.push(texts.slice(start, start + this.batchSize));
    }
    let done = 0;
    const embedded = await Promise.all(
      batches.map(async (batch) => {
        const vectors = await this.run(batch);
        done += batch.length;
        options.onProgress?.(done, texts.length);
        return vectors;
      }),
    );
    return embedded.flat();
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.run([text]);
    if (vector === undefined) throw new EmbedderError(this.id, "returned no vector for the query");
    return vector;
  }

  /** Stops the workers; embedding afterwards fails. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(texts: string[]): Promise<number[][]> {
    let vectors: number[][];
    try {
      vectors = (await this.pool.run({ texts })) as number[][];
    } catch (error) {
      throw new EmbedderError(this.id, (error as Error).message, { cause: error });
    }
    if (vectors.length !== texts.length) {
      throw new EmbedderError(
        this.id,
        `returned ${vectors.length} vectors for ${texts.length} texts`,
      );
    }
    return vectors;
  }
}
