import { Embeddings } from "@langchain/core/embeddings";
import { describe, expect, it } from "vitest";
import type { Embedder } from "../../src/embedders/embedder.ts";

function cosine(left: number[], right: number[]): number {
  let dot = 0;
  for (let index = 0; index < left.length; index++) dot += (left[index] ?? 0) * (right[index] ?? 0);
  return dot;
}

/**
 * The behaviour every `Embedder` must have. `semantic` is false for embedders whose vectors carry
 * no meaning (a generated test model), which skips the similarity-ordering check.
 */
export function describeEmbedderContract(
  name: string,
  createEmbedder: () => Promise<Embedder> | Embedder,
  options: { semantic: boolean },
): void {
  describe(`Embedder contract: ${name}`, () => {
    it("is a LangChain Embeddings and declares an id and a dimension", async () => {
      const embedder = await createEmbedder();
      expect(embedder).toBeInstanceOf(Embeddings);
      expect(embedder.id).toMatch(/\S+:\S+/);
      expect(embedder.dimensions).toBeGreaterThan(0);
    });

    it("returns one unit-length vector of the declared dimension per text, in order", async () => {
      const embedder = await createEmbedder();
      const texts = ["gradient descent", "Docker containers", "gradient descent"];
      const vectors = await embedder.embedDocuments(texts);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dimensions);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
      }
      // Same text, same vector: the order of outputs follows the order of inputs.
      expect(cosine(vectors[0] ?? [], vectors[2] ?? [])).toBeCloseTo(1, 4);
      expect(cosine(vectors[0] ?? [], vectors[1] ?? [])).toBeLessThan(0.999);
    });

    it("embeds across batch boundaries and reports progress per batch", async () => {
      const embedder = await createEmbedder();
      const texts = Array.from(
        { length: embedder.batchSize * 2 + 1 },
        (_, index) => `text ${index}`,
      );
      const progress: Array<[number, number]> = [];
      const vectors = await embedder.embedDocuments(texts, {
        onProgress: (done, total) => progress.push([done, total]),
      });
      expect(vectors).toHaveLength(texts.length);
      expect(progress.at(-1)).toEqual([texts.length, texts.length]);
      expect(progress).toHaveLength(3);
    });

    it("embeds a query the same way as a document", async () => {
      const embedder = await createEmbedder();
      const [document] = await embedder.embedDocuments(["model deployment with FastAPI"]);
      const query = await embedder.embedQuery("model deployment with FastAPI");
      expect(cosine(document ?? [], query)).toBeCloseTo(1, 4);
    });

    it.runIf(options.semantic)("places related texts closer than unrelated ones", async () => {
      const embedder = await createEmbedder();
      const [anchor, related, unrelated] = await embedder.embedDocuments([
        "How do I deploy a machine learning model as an API?",
        "Serving a trained model behind a REST endpoint",
        "My grandmother bakes apple pie every Sunday",
      ]);
      expect(cosine(anchor ?? [], related ?? [])).toBeGreaterThan(
        cosine(anchor ?? [], unrelated ?? []),
      );
    });
  });
}
