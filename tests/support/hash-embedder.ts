import { BaseEmbedder } from "../../src/embedders/base-embedder.ts";
import { hashedBagOfWords } from "./hashed-bag-of-words.ts";

export type HashEmbedderOptions = {
  /** @default "test:hash@32" */
  id?: string;
  /** @default 32 */
  dimensions?: number;
  /** @default 8 */
  batchSize?: number;
  /** Throw from this batch call on (1-based), to simulate a model failing mid-build. */
  failOnBatch?: number;
};

/**
 * A deterministic bag-of-words embedder for tests (the fake OpenAI server's vectors): texts
 * sharing words get similar vectors; no model is loaded. Records every batch it
 * embeds, so a test can count what was (re-)embedded.
 */
export class HashEmbedder extends BaseEmbedder {
  readonly id: string;
  readonly dimensions: number;
  /** Every batch of texts passed to the model, in call order. */
  readonly batches: string[][] = [];
  private readonly failOnBatch: number | undefined;

  constructor(options: HashEmbedderOptions = {}) {
    super({ batchSize: options.batchSize ?? 8 });
    this.id = options.id ?? "test:hash@32";
    this.dimensions = options.dimensions ?? 32;
    this.failOnBatch = options.failOnBatch;
  }

  /** All texts embedded so far. */
  get embeddedTexts(): string[] {
    return this.batches.flat();
  }

  protected async embedBatch(texts: string[]): Promise<number[][]> {
    this.batches.push(texts);
    if (this.failOnBatch !== undefined && this.batches.length >= this.failOnBatch) {
      throw new Error(`hash embedder failed on batch ${this.batches.length}`);
    }
    return texts.map((text) => this.vectorOf(text));
  }

  private vectorOf(text: string): number[] {
    return hashedBagOfWords(text, this.dimensions);
  }
}
