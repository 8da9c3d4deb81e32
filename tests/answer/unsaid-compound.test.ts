import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { unsaidCompound } from "../../src/answer/unsaid-compound.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const statistics = new CorpusStatistics([
  makeRow("svm", "Core ML Algorithms", [
    ["Algorithm", "SVM"],
    ["Key Hyperparameters", "C, kernel, gamma"],
  ]),
  makeChunk(
    "activations",
    "Activation Functions",
    "ReLU passes positive values and zeroes the rest; it is the default for hidden layers.",
  ),
  makeChunk(
    "attention",
    "Transformers and Attention",
    "In self-attention, every token computes how strongly it should attend to every other token.",
  ),
  ...Array.from({ length: 12 }, (_, index) =>
    makeChunk(
      `timeline-${index}`,
      "Learner Types",
      `The expected timeline for path ${index} varies.`,
    ),
  ),
]);

describe("unsaidCompound", () => {
  it.each([
    ["explain the svm kernel trick in simple terms", ["trick"], "kernel trick"],
    ["kernel trick in SVM explain like im 5", ["trick"], "kernel trick"],
    ["what is the dying relu problem", ["dying"], "dying relu"],
    ["how does flash attention work", ["flash"], "flash attention"],
    ["how does the kernel trick in an svm work", ["trick"], "kernel trick"],
    ["How does the kernel trick in an SVM actually work?", ["trick"], "kernel trick"],
    ["What is the kernel trick in support vector machines?", ["trick"], "kernel trick"],
    ["does flash attention fix that?", ["flash"], "flash attention"],
    ["what's the dying relu problem in deep nets", ["dying"], "dying relu"],
  ])("names %j's compound of an unused word and a rare one", (asking, unfamiliar, compound) => {
    expect(unsaidCompound(asking, unfamiliar, statistics)).toBe(compound);
  });

  it("leaves a word next to a common word of the material ('realistic timeline')", () => {
    expect(unsaidCompound("what is a realistic timeline", ["realistic"], statistics)).toBe(
      undefined,
    );
  });

  it("leaves a word that names nothing ('the reason behind it')", () => {
    expect(unsaidCompound("what's the reason behind attention", ["behind"], statistics)).toBe(
      undefined,
    );
  });

  it("leaves questions that ask nothing explained, or use no word the corpus lacks", () => {
    expect(unsaidCompound("is the kernel trick on the exam", ["trick"], statistics)).toBe(
      undefined,
    );
    expect(unsaidCompound("explain the svm kernel in simple terms", [], statistics)).toBe(
      undefined,
    );
  });
});
