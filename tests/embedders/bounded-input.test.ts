import { describe, expect, it } from "vitest";
import { MAX_EMBED_INPUT_CHARS } from "../../src/embedders/base-embedder.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";

describe("embedder input is bounded", () => {
  it("cuts a text over the limit at a word before the model sees it, and leaves short ones alone", async () => {
    const embedder = new HashEmbedder();
    const long = "residual ".repeat(100_000);
    await embedder.embedDocuments([long, "What is DVC used for?"]);
    await embedder.embedQuery(long);
    const [first, second, query] = embedder.embeddedTexts;
    expect(first?.length).toBeLessThanOrEqual(MAX_EMBED_INPUT_CHARS);
    expect(first?.length).toBeGreaterThan(MAX_EMBED_INPUT_CHARS - 20);
    expect(first?.endsWith("residual")).toBe(true);
    expect(second).toBe("What is DVC used for?");
    expect(query?.length).toBeLessThanOrEqual(MAX_EMBED_INPUT_CHARS);
  });
});
