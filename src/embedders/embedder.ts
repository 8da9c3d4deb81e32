import type { EmbeddingsInterface } from "@langchain/core/embeddings";

/** Reports progress while a long list of texts is embedded. */
export type EmbedProgress = (done: number, total: number) => void;

/**
 * Turns texts into unit-length vectors. Every implementation is also a LangChain `Embeddings`
 * (it extends `BaseEmbedder`, which extends LangChain's class), so LangChain vector stores and
 * retrievers can use it directly.
 */
export type Embedder = EmbeddingsInterface & {
  /** Stable identity recorded in the index manifest, e.g. `use:universal-sentence-encoder-en@0.2.0`. */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** How many texts are sent to the model in one call. */
  readonly batchSize: number;
  /** Embeds documents in batches of `batchSize`, calling `onProgress` after each batch. */
  embedDocuments(texts: string[], options?: { onProgress?: EmbedProgress }): Promise<number[][]>;
};
