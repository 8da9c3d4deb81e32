import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS } from "../../src/chunking/chunk.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { checkIndex } from "../../src/ingest/ingest.ts";

describe("the committed default index", () => {
  it("matches corpus/ (run `npm run ingest` and commit indexes/ after changing the corpus)", async () => {
    const status = await checkIndex({
      corpusDir: "corpus",
      indexDir: "indexes",
      embedder: new UseEmbedder(),
      chunker: DEFAULT_CHUNKER_SETTINGS,
    });
    expect(status.reasons).toEqual([]);
    expect(status.stale).toBe(false);
  });
});
