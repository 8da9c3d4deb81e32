import { Document } from "@langchain/core/documents";
import { describe, expect, it } from "vitest";
import { HnswLangChainStore } from "../../src/eval/naive/hnsw-langchain-store.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";

const texts = [
  "Docker packages your model into a container",
  "DVC tracks datasets alongside Git",
  "MLflow tracks experiments and models",
  "Streamlit builds quick demos",
];

describe("HnswLangChainStore", () => {
  it("is a LangChain VectorStore: similarity search returns the closest documents with cosine scores", async () => {
    const embeddings = new HashEmbedder({ dimensions: 64 });
    const store = await HnswLangChainStore.fromDocuments(
      texts.map((text, index) => new Document({ pageContent: text, metadata: { index } })),
      embeddings,
    );
    expect(store._vectorstoreType()).toBe("hnswlib-node");
    expect(store.size).toBe(4);
    const results = await store.similaritySearchWithScore(
      "Docker packages your model into a container",
      2,
    );
    expect(results).toHaveLength(2);
    expect(results[0]?.[0].metadata.index).toBe(0);
    expect(results[0]?.[1]).toBeCloseTo(1, 5);
    expect((results[0]?.[1] ?? 0) >= (results[1]?.[1] ?? 0)).toBe(true);
    const plain = await store.similaritySearch("tracks Git datasets", 1);
    expect(plain[0]?.pageContent).toBe(texts[1]);
  });

  it("adds precomputed vectors, grows past its first capacity and applies a filter", async () => {
    const embeddings = new HashEmbedder({ dimensions: 16 });
    const store = new HnswLangChainStore(embeddings);
    const many = Array.from(
      { length: 300 },
      (_, index) => `document number ${index} about topic ${index % 7}`,
    );
    await store.addVectors(
      await embeddings.embedDocuments(many),
      many.map(
        (text, index) => new Document({ pageContent: text, metadata: { even: index % 2 === 0 } }),
      ),
    );
    expect(store.size).toBe(300);
    const filtered = await store.similaritySearchVectorWithScore(
      await embeddings.embedQuery("document number 3 about topic 3"),
      5,
      (document) => document.metadata.even === true,
    );
    expect(filtered).toHaveLength(5);
    expect(filtered.every(([document]) => document.metadata.even === true)).toBe(true);
    await expect(store.addVectors([[1, 2]], [])).rejects.toThrow(/1 vectors for 0 documents/);
  });

  it("returns nothing from an empty store", async () => {
    const store = new HnswLangChainStore(new HashEmbedder());
    expect(await store.similaritySearch("anything", 4)).toEqual([]);
  });
});
