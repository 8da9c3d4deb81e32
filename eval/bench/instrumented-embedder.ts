import type { Embedder, EmbedProgress } from "../../src/embedders/embedder.ts";

/**
 * An `Embedder` that times document embedding and remembers every document vector by its text,
 * so the bench can report embedding throughput and hand the same vectors to another process.
 */
export class InstrumentedEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly batchSize: number;
  /** Milliseconds spent in `embedDocuments`. */
  documentMs = 0;
  /** Texts embedded by `embedDocuments`. */
  documentCount = 0;
  /** Characters embedded by `embedDocuments`. */
  documentCharacters = 0;
  readonly vectorsByText = new Map<string, number[]>();
  private readonly inner: Embedder;

  constructor(inner: Embedder) {
    this.inner = inner;
    this.id = inner.id;
    this.dimensions = inner.dimensions;
    this.batchSize = inner.batchSize;
  }

  async embedDocuments(
    texts: string[],
    options?: { onProgress?: EmbedProgress },
  ): Promise<number[][]> {
    const started = performance.now();
    const vectors = await this.inner.embedDocuments(texts, options);
    this.documentMs += performance.now() - started;
    this.documentCount += texts.length;
    texts.forEach((text, position) => {
      this.documentCharacters += text.length;
      const vector = vectors[position];
      if (vector !== undefined) this.vectorsByText.set(text, vector);
    });
    return vectors;
  }

  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}

/**
 * An `Embedder` that answers document texts it was given vectors for (computed by an earlier
 * build with the same embedder) and embeds anything else, queries included, with `inner`. Lets a
 * process rebuild the naive pipeline through its public API without embedding the corpus again.
 */
export class ReplayEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  readonly batchSize: number;
  /** Document texts that had no stored vector and were embedded. */
  embeddedFresh = 0;
  private readonly inner: Embedder;
  private readonly vectorsByText: ReadonlyMap<string, number[]>;

  constructor(inner: Embedder, vectorsByText: ReadonlyMap<string, number[]>) {
    this.inner = inner;
    this.id = inner.id;
    this.dimensions = inner.dimensions;
    this.batchSize = inner.batchSize;
    this.vectorsByText = vectorsByText;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const missing = texts.filter((text) => !this.vectorsByText.has(text));
    const fresh = new Map<string, number[]>();
    if (missing.length > 0) {
      const vectors = await this.inner.embedDocuments(missing);
      missing.forEach((text, position) => {
        fresh.set(text, vectors[position] ?? []);
      });
      this.embeddedFresh += missing.length;
    }
    return texts.map((text) => this.vectorsByText.get(text) ?? fresh.get(text) ?? []);
  }

  embedQuery(text: string): Promise<number[]> {
    return this.inner.embedQuery(text);
  }
}
