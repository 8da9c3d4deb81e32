import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/index/index-store.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { DEFAULT_HYBRID_SETTINGS, HybridRetriever } from "../../src/retrieval/hybrid-retriever.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;
let retriever: HybridRetriever;
let embedder: HashEmbedder;

beforeAll(async () => {
  temp = await TempDir.create();
  embedder = new HashEmbedder();
  await temp.write(
    "corpus/notes.md",
    "# Notes\n\n## Versioning\n\nDVC versions datasets next to the code.\n\n## Serving\n\nFastAPI serves a model as an API.\n\n## Deep Learning Tutorial\n\nThe deep learning tutorial explains deep learning: the problem of training deep networks by gradient descent.\n",
  );
  await temp.write(
    "corpus/deep.md",
    '---\ntitle: "Deep Learning Tutorial"\nkind: tutorial\n---\n## Sequences\n\nPlain RNNs struggle with long inputs because gradients shrink, the vanishing gradient problem.\n',
  );
  await temp.write(
    "corpus/sources.json",
    JSON.stringify({ sources: [{ path: "notes.md" }, { path: "deep.md" }] }),
  );
  await ingest(tempIngestOptions(temp, embedder));
  retriever = new HybridRetriever(await loadIndex(temp.join("index"), embedder), embedder);
});
afterAll(async () => {
  await temp?.remove();
});

describe("HybridRetriever.retrieve", () => {
  it("searches by words alone, without embedding the question, when asked to", async () => {
    const embedded = embedder.embeddedTexts.length;
    const retrieval = await retriever.retrieve("which tool versions datasets", {
      lexicalOnly: true,
    });
    expect(embedder.embeddedTexts.length).toBe(embedded);
    expect(retrieval.queryVector).toEqual([]);
    expect(retrieval.results[0]?.chunk.text).toContain("DVC versions datasets");
    expect(retrieval.results.every((result) => result.dense === 0)).toBe(true);
    // The full search embeds it.
    await retriever.retrieve("which tool versions datasets");
    expect(embedder.embeddedTexts.length).toBe(embedded + 1);
  });

  it("searches a question that names a tutorial as where to look without the naming words", async () => {
    const retrieval = await retriever.retrieve(
      "what is the vanishing gradient problem, according to the deep learning tutorial?",
    );
    // "deep learning" says where to look, and finds the notes' deep learning section by its words.
    expect(embedder.embeddedTexts.at(-1)).toBe("what is the vanishing gradient problem?");
    expect(retrieval.results[0]?.chunk.title).toBe("Deep Learning Tutorial");
    expect(retrieval.results[0]?.chunk.text).toContain("vanishing gradient");
    // The question keeps its words in what the retrieval reports.
    expect(retrieval.question).toContain("deep learning tutorial");
  });
});

describe("HybridRetriever count boost", () => {
  let counting: TempDir;
  let index: Awaited<ReturnType<typeof loadIndex>>;

  beforeAll(async () => {
    counting = await TempDir.create();
    await counting.write(
      "corpus/notes.md",
      "# Notes\n\n## Portfolio\n\nDo your portfolio projects need a README?\n\n## Milestone\n\nYour portfolio needs three projects.\n",
    );
    await counting.write(
      "corpus/sources.json",
      JSON.stringify({ sources: [{ path: "notes.md" }] }),
    );
    await ingest(tempIngestOptions(counting, embedder));
    index = await loadIndex(counting.join("index"), embedder);
  });
  afterAll(async () => {
    await counting?.remove();
  });

  it("adds the count boost to a passage counting the things a how-many question counts, not to one naming them", async () => {
    const question = "how many projects do i need in my portfolio";
    const scores = async (countBoost?: number) => {
      const retriever = new HybridRetriever(
        index,
        embedder,
        countBoost === undefined ? {} : { countBoost },
      );
      const { results } = await retriever.retrieve(question);
      return new Map(results.map((result) => [result.chunk.section, result.score]));
    };
    const [without, boosted] = [await scores(0), await scores()];
    expect(boosted.get("Notes > Milestone")).toBeCloseTo(
      (without.get("Notes > Milestone") ?? 0) + DEFAULT_HYBRID_SETTINGS.countBoost,
    );
    expect(boosted.get("Notes > Portfolio")).toBeCloseTo(without.get("Notes > Portfolio") ?? 0);
    // Asking no count boosts nothing.
    const plain = await new HybridRetriever(index, embedder).retrieve("do i need a portfolio");
    const unboosted = await new HybridRetriever(index, embedder, { countBoost: 0 }).retrieve(
      "do i need a portfolio",
    );
    expect(plain.results.map((result) => result.score)).toEqual(
      unboosted.results.map((result) => result.score),
    );
  });
});
