import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { FollowUpDetector } from "../../src/answer/follow-up-detector.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { makeChunk } from "../support/chunks.ts";

const chunks = [
  makeChunk(
    "dropout",
    "Deep Learning",
    "Dropout switches off random neurons to reduce overfitting.",
  ),
  makeChunk("gpu", "Hardware", "You do not need a GPU to start; Google Colab and Kaggle are free."),
  makeChunk("salary", "Salary", "An NLP engineer earns a salary of ₹6L–12L PA in India."),
  makeChunk("row", "Tools", "Tool: XGBoost; Purpose: Gradient boosting", "table-row"),
];
chunks[3] = {
  ...(chunks[3] as (typeof chunks)[number]),
  cells: [
    { header: "Tool", value: "XGBoost" },
    { header: "Purpose", value: "Gradient boosting" },
  ],
};
const detector = new FollowUpDetector(new EntityLexicon(chunks), new CorpusStatistics(chunks));

describe("FollowUpDetector.dependsOnHistory", () => {
  it.each([
    "what about LightGBM?",
    "and salary?",
    "is it free?",
    "which one pays more",
    "how much does the aws one cost",
    "what should my first project be then",
    "how long?",
  ])("treats %j as a follow-up", (message) => {
    expect(detector.dependsOnHistory(message)).toBe(true);
  });

  it.each([
    "what does dropout do",
    "is it worth learning ML in 2026",
    "how long does it take to learn XGBoost",
    "do I need a GPU for this roadmap",
    // A reply to the last answer does not ask its question again.
    "ok",
    "thanks!",
  ])("treats %j as standing alone", (message) => {
    expect(detector.dependsOnHistory(message)).toBe(false);
  });
});
