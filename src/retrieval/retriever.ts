import type { Chunk } from "../chunking/chunk.ts";

/** A chunk found for a question, with the evidence behind its rank. */
export type RetrievedChunk = {
  chunk: Chunk;
  /** Fused relevance used for ranking (larger is better). */
  score: number;
  /** Cosine similarity between question and chunk embeddings. */
  dense: number;
  /** BM25 score divided by the best BM25 score of the query (0–1). */
  lexical: number;
};

/** Result of one retrieval: ranked chunks plus what the evidence gate and generator need. */
export type Retrieval = {
  question: string;
  results: RetrievedChunk[];
  queryVector: number[];
};

/** How to retrieve: how many chunks, and extra words to look for besides the question's. */
export type RetrieveOptions = {
  /** @default 10 */
  k?: number;
  /** Synonyms and expansions of question words; matched lexically with a lower weight. */
  expansions?: string[];
  /**
   * Words only: BM25, name boosts and step references, without embedding the question (a cheap
   * second search; the result's `queryVector` is empty). @default false
   */
  lexicalOnly?: boolean;
};

/** Finds the chunks most likely to answer a question. */
export type Retriever = {
  retrieve(question: string, options?: RetrieveOptions): Promise<Retrieval>;
};
