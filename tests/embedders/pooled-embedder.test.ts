import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PooledEmbedder } from "../../src/embedders/pooled-embedder.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";

const TEXTS = ["What is DVC used for?", "diff between DS and MLE?"];

let pooled: PooledEmbedder;

// One worker, started once: it loads the Universal Sentence Encoder in its own thread.
beforeAll(async () => {
  pooled = await PooledEmbedder.start({ spec: { kind: "use" }, workers: 1 });
});

afterAll(async () => {
  await pooled?.close();
});

describe("PooledEmbedder", () => {
  it("reports the embedder the workers load", () => {
    const main = new UseEmbedder();
    expect(pooled.id).toBe(main.id);
    expect(pooled.dimensions).toBe(512);
    expect(pooled.batchSize).toBe(main.batchSize);
  });

  it("gives exactly the main thread's vectors, for queries and documents", async () => {
    const main = new UseEmbedder();
    for (const text of TEXTS) {
      expect(await pooled.embedQuery(text)).toEqual(await main.embedQuery(text));
    }
    const progress: number[] = [];
    const documents = await pooled.embedDocuments(TEXTS, {
      onProgress: (done) => progress.push(done),
    });
    expect(documents).toEqual(await main.embedDocuments(TEXTS));
    expect(progress.at(-1)).toBe(TEXTS.length);
  });

  it("answers concurrent queries each with its own vector", async () => {
    const vectors = await Promise.all(TEXTS.map((text) => pooled.embedQuery(text)));
    for (const [position, text] of TEXTS.entries()) {
      expect(vectors[position]).toEqual(await pooled.embedQuery(text));
    }
    expect(vectors[0]).not.toEqual(vectors[1]);
  });
});
