import { Embeddings } from "@langchain/core/embeddings";
import { EmbedderError } from "../errors/embedder-error.ts";
import type { Embedder, EmbedProgress } from "./embedder.ts";

/**
 * Longest text given to a model, in characters; longer ones are cut at a word. Chunks are far
 * shorter (at most 24 characters per token of the chunker's budget), so this only guards against
 * inputs whose embedding time would grow faster than their length (a 40 KB text took 25 s).
 */
export const MAX_EMBED_INPUT_CHARS = 8_000;

function bounded(text: string): string {
  if (text.length <= MAX_EMBED_INPUT_CHARS) return text;
  const cut = text.slice(0, MAX_EMBED_INPUT_CHARS + 1);
  const space = cut.lastIndexOf(" ");
  return (space > MAX_EMBED_INPUT_CHARS / 2 ? cut.slice(0, space) : cut.slice(0, -1)).trimEnd();
}

/**
 * Shared batching, input bounds (`MAX_EMBED_INPUT_CHARS`), progress and output checks. Subclasses implement `embedBatch` for one batch;
 * vectors are checked for the declared dimension and normalised to unit length, so cosine
 * similarity and inner product agree for every embedder.
 */
export abstract class BaseEmbedder extends Embeddings implements Embedder {
  abstract readonly id: string;
  abstract readonly dimensions: number;
  readonly batchSize: number;

  constructor(options: { batchSize?: number } = {}) {
    // Retries are handled by each implementation where they make sense (network calls).
    super({ maxRetries: 0 });
    this.batchSize = options.batchSize ?? 32;
  }

  protected abstract embedBatch(texts: string[]): Promise<number[][]>;

  async embedDocuments(
    texts: string[],
    options: { onProgress?: EmbedProgress } = {},
  ): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map(bounded);
      const embedded = await this.embedBatch(batch);
      if (embedded.length !== batch.length) {
        throw new EmbedderError(
          this.id,
          `returned ${embedded.length} vectors for ${batch.length} texts`,
        );
      }
      for (const vector of embedded) vectors.push(this.checked(vector));
      options.onProgress?.(Math.min(start + batch.length, texts.length), texts.length);
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    if (vector === undefined) throw new EmbedderError(this.id, "returned no vector for the query");
    return vector;
  }

  private checked(vector: number[]): number[] {
    if (vector.length !== this.dimensions) {
      throw new EmbedderError(
        this.id,
        `returned a ${vector.length}-dimensional vector; expected ${this.dimensions}`,
      );
    }
    let norm = 0;
    for (const value of vector) {
      if (!Number.isFinite(value)) throw new EmbedderError(this.id, "returned a non-finite value");
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    return norm === 0 ? vector : vector.map((value) => value / norm);
  }
}
