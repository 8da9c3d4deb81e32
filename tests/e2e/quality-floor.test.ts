import { beforeAll, describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { readDataset } from "../../src/eval/dataset.ts";
import { type Summary, scoreQuestion, summarise } from "../../src/eval/metrics.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { answerSchema } from "./answer-schema.ts";

/**
 * Floors a broken pipeline would miss, on the dev set. The measured values are reported by
 * `npm run eval`; these bounds sit below them with room for small changes.
 */
describe("offline pipeline on the dev set", () => {
  let summary: Summary;
  let dangling = 0;

  beforeAll(async () => {
    const embedder = new UseEmbedder();
    const assistant = new Assistant({
      index: await loadIndex(inject("sharedIndexDir"), embedder),
      embedder,
    });
    const items = await readDataset("eval/datasets/roadmap-dev.jsonl");
    const scores = [];
    for (const item of items) {
      const result = await assistant.ask(item.question, { id: item.id });
      answerSchema.parse(result);
      dangling += result.droppedCitations;
      scores.push(scoreQuestion(item, result, 0));
    }
    summary = summarise(scores);
  }, 120_000);

  it("finds the evidence in the top 5 for most answerable questions", () => {
    expect(summary.recallAt5).toBeGreaterThanOrEqual(0.85);
  });

  it("refuses most unanswerable questions and few answerable ones", () => {
    expect(summary.refusalRecall).toBeGreaterThanOrEqual(0.75);
    expect(summary.falseRefusalRate).toBeLessThanOrEqual(0.1);
  });

  it("cites the evidence and writes no sentence its citation does not support", () => {
    expect(summary.citationEvidenceRate).toBeGreaterThanOrEqual(0.8);
    expect(summary.unsupportedSentenceRate).toBeLessThanOrEqual(0.05);
    expect(dangling).toBe(0);
  });
});
