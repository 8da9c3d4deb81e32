import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransformersEmbedder } from "../../src/embedders/transformers-embedder.ts";
import { EmbedderError } from "../../src/errors/embedder-error.ts";
import { writeTinyModel } from "../support/write-tiny-model.ts";
import { describeEmbedderContract } from "./embedder-contract.ts";

const HIDDEN_SIZE = 12;

let directory: string;
let modelId: string;
let modelsDir: string;
let embedder: TransformersEmbedder;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "transformers-embedder-"));
  ({ modelId, modelsDir } = await writeTinyModel(path.join(directory, "models"), {
    modelId: "test/tiny-bert",
    hiddenSize: HIDDEN_SIZE,
  }));
  embedder = await TransformersEmbedder.create({
    model: modelId,
    modelsDir,
    allowRemoteModels: false,
    batchSize: 4,
  });
});

afterAll(async () => {
  await embedder?.dispose();
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

function dot(left: number[], right: number[]): number {
  return left.reduce((total, value, index) => total + value * (right[index] ?? 0), 0);
}

describeEmbedderContract("transformers (generated tiny model)", () => embedder, {
  semantic: false,
});

describe("TransformersEmbedder", () => {
  it("names the model and the weight file in its id and reads hidden_size as the dimension", () => {
    expect(embedder.id).toBe("transformers:test/tiny-bert@quantized");
    expect(embedder.dimensions).toBe(HIDDEN_SIZE);
    expect(embedder.modelsDir).toBe(modelsDir);
  });

  it("gives different texts different vectors", async () => {
    const [first, second] = await embedder.embedDocuments([
      "gradient descent",
      "my grandmother bakes apple pie",
    ]);
    expect(dot(first ?? [], second ?? [])).toBeLessThan(0.99);
  });

  it("pools only the tokens the attention mask keeps, so padding does not change a vector", async () => {
    const short = "deploy a model";
    const long =
      "a much longer text about training neural networks with gradient descent and dropout";
    const alone = await embedder.embedQuery(short);
    // In one batch the short text is padded to the long one's length with [PAD] tokens, whose
    // hidden states are non-zero in the tiny model: averaging over them would move the vector.
    const [padded, other] = await embedder.embedDocuments([short, long]);
    expect(padded).toHaveLength(HIDDEN_SIZE);
    for (const [index, value] of alone.entries()) expect(padded?.[index]).toBeCloseTo(value, 5);
    expect(dot(alone, other ?? [])).toBeLessThan(0.99);
  });

  it("tokenizes text outside its vocabulary letter by letter instead of failing", async () => {
    // Both words are out of vocabulary: were they read as [UNK], their vectors would be equal.
    const [forwards, backwards] = await embedder.embedDocuments(["zyxwvutsrq", "qrstuvwxyz"]);
    expect(forwards).toHaveLength(HIDDEN_SIZE);
    expect(dot(forwards ?? [], backwards ?? [])).toBeLessThan(0.99);
  });

  it("refuses up front when dimensions disagree with the model's hidden_size", async () => {
    const creating = TransformersEmbedder.create({ model: modelId, modelsDir, dimensions: 384 });
    await expect(creating).rejects.toBeInstanceOf(EmbedderError);
    await expect(creating).rejects.toThrow(/dimensions is 384 .* hidden_size is 12/);
  });

  it("reports a model missing locally with the folder, the model id and the fix, without fetching", async () => {
    const originalFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = async (input) => {
      fetched.push(String(input));
      throw new Error("the test forbids network access");
    };
    try {
      const error = await TransformersEmbedder.create({
        model: "nobody/missing-model",
        modelsDir,
        allowRemoteModels: false,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EmbedderError);
      const message = (error as EmbedderError).message;
      expect(message).toContain("nobody/missing-model");
      expect(message).toContain(modelsDir);
      expect(message).toContain("ALLOW_REMOTE_MODELS=true");
      expect(message).not.toContain("\n");
      expect(fetched).toEqual([]);
    } finally {
      globalThis.fetch = originalFetch;
    }
  });

  describe("with quantized: false", () => {
    let fp32Models: string;

    beforeAll(async () => {
      // Only onnx/model.onnx: loading must not fall back to, or require, the quantized file.
      ({ modelsDir: fp32Models } = await writeTinyModel(path.join(directory, "fp32"), {
        modelId,
        hiddenSize: HIDDEN_SIZE,
      }));
      await rm(path.join(fp32Models, modelId, "onnx", "model_quantized.onnx"));
    });

    it("loads onnx/model.onnx and says fp32 in its id", async () => {
      const fp32 = await TransformersEmbedder.create({
        model: modelId,
        modelsDir: fp32Models,
        quantized: false,
      });
      try {
        expect(fp32.id).toBe("transformers:test/tiny-bert@fp32");
        // Same generated weights in both files, so the same vectors as the quantized embedder.
        const [vector] = await fp32.embedDocuments(["gradient descent"]);
        const expected = await embedder.embedQuery("gradient descent");
        expect(dot(vector ?? [], expected)).toBeCloseTo(1, 5);
      } finally {
        await fp32.dispose();
      }
    });

    it("names the quantized file when it is the one missing", async () => {
      await expect(
        TransformersEmbedder.create({ model: modelId, modelsDir: fp32Models, quantized: true }),
      ).rejects.toThrow(/missing onnx\/model_quantized\.onnx/);
    });
  });
});
