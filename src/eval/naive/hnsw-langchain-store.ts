import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import hnswlib from "hnswlib-node";

/** HNSW graph settings of the store; LangChain's `HNSWLib` store uses the same library defaults. */
export type HnswStoreSettings = {
  /** Links per node. @default 16 */
  m: number;
  /** Candidate list size while building. @default 200 */
  efConstruction: number;
  /** Candidate list size while searching (raised to k). @default 100 */
  efSearch: number;
};

const DEFAULT_SETTINGS: HnswStoreSettings = { m: 16, efConstruction: 200, efSearch: 100 };

/**
 * A LangChain `VectorStore` over `hnswlib-node` in cosine space: what `@langchain/community`'s
 * `HNSWLib` store provides (that package cannot be installed next to this project's pinned
 * LangChain). Documents are kept in memory; `similaritySearchVectorWithScore` returns the cosine
 * similarity (1 = same direction) as the score, most similar first.
 */
export class HnswLangChainStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;
  readonly settings: HnswStoreSettings;
  #index: hnswlib.HierarchicalNSW | undefined;
  #dimensions: number | undefined;
  readonly #documents: DocumentInterface[] = [];

  constructor(embeddings: EmbeddingsInterface, settings: Partial<HnswStoreSettings> = {}) {
    super(embeddings, {});
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
  }

  _vectorstoreType(): string {
    return "hnswlib-node";
  }

  /** Number of documents stored. */
  get size(): number {
    return this.#documents.length;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(
      documents.map((document) => document.pageContent),
    );
    return this.addVectors(vectors, documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) {
      throw new RangeError(`${vectors.length} vectors for ${documents.length} documents`);
    }
    const ids: string[] = [];
    vectors.forEach((vector, position) => {
      const index = this.#ensureIndex(vector.length);
      if (index.getCurrentCount() >= index.getMaxElements()) {
        index.resizeIndex(Math.max(16, index.getMaxElements() * 2));
      }
      const label = this.#documents.length;
      index.addPoint(vector, label);
      this.#documents.push(documents[position] as DocumentInterface);
      ids.push(String(label));
    });
    return ids;
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this["FilterType"],
  ): Promise<[DocumentInterface, number][]> {
    const index = this.#index;
    if (index === undefined || this.#documents.length === 0) return [];
    if (query.length !== this.#dimensions) {
      throw new RangeError(
        `query has ${query.length} dimensions; the store holds ${this.#dimensions}`,
      );
    }
    // A filter is applied after the search, so ask for every document when there is one.
    const count = Math.min(
      filter === undefined ? k : this.#documents.length,
      this.#documents.length,
    );
    index.setEf(Math.max(this.settings.efSearch, count));
    const { neighbors, distances } = index.searchKnn(query, count);
    const results: [DocumentInterface, number][] = [];
    neighbors.forEach((label, position) => {
      const document = this.#documents[label];
      if (document === undefined || (filter !== undefined && !filter(document))) return;
      // hnswlib's cosine space reports 1 − cosine similarity.
      results.push([document, 1 - (distances[position] ?? 1)]);
    });
    return results.slice(0, k);
  }

  /** A store holding `documents`, embedded with `embeddings`. */
  static override async fromDocuments(
    documents: DocumentInterface[],
    embeddings: EmbeddingsInterface,
    settings: Partial<HnswStoreSettings> = {},
  ): Promise<HnswLangChainStore> {
    const store = new HnswLangChainStore(embeddings, settings);
    await store.addDocuments(documents);
    return store;
  }

  static override async fromTexts(
    texts: string[],
    metadatas: Array<Record<string, unknown>>,
    embeddings: EmbeddingsInterface,
  ): Promise<HnswLangChainStore> {
    const documents = texts.map(
      (text, index) => new Document({ pageContent: text, metadata: metadatas[index] ?? {} }),
    );
    return HnswLangChainStore.fromDocuments(documents, embeddings);
  }

  #ensureIndex(dimensions: number): hnswlib.HierarchicalNSW {
    if (this.#index !== undefined) {
      if (dimensions !== this.#dimensions) {
        throw new RangeError(
          `vector has ${dimensions} dimensions; the store holds ${this.#dimensions}`,
        );
      }
      return this.#index;
    }
    const index = new hnswlib.HierarchicalNSW("cosine", dimensions);
    index.initIndex({
      maxElements: 256,
      m: this.settings.m,
      efConstruction: this.settings.efConstruction,
      randomSeed: 100,
    });
    this.#index = index;
    this.#dimensions = dimensions;
    return index;
  }
}
