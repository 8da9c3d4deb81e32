import { describe, expect, it } from "vitest";
import { asksWhatPlaceHolds, materialAspect } from "../../src/answer/material-question.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { RetrievedChunk } from "../../src/retrieval/retriever.ts";

describe("materialAspect", () => {
  it.each([
    ["how long is the whole roadmap", "length"],
    ["roadmap length?", "length"],
    ["how many months is this ML roadmap", "length"],
    ["who's this for tho", "audience"],
    ["Who is this machine learning roadmap intended for?", "audience"],
    ["is this roadmap ok for me", "audience"],
    ["is this roadmap ok for a total noob", "fit"],
    ["is the roadmap good for freshers", "fit"],
  ])("%j asks about the material's %s", (question, aspect) => {
    expect(materialAspect(question)).toBe(aspect);
  });

  it.each([
    // A topic of its own.
    "how long is step 5 of the roadmap",
    "how long does the roadmap take for a data analyst",
    "how long does it take to learn pandas",
    "who is the AI engineer path for",
    // Nothing about the material.
    "how long should i train my model",
    "what is this",
  ])("%j does not", (question) => {
    expect(materialAspect(question)).toBeUndefined();
  });
});

describe("asksWhatPlaceHolds", () => {
  const found = (section: string, text: string): RetrievedChunk[] => [
    { chunk: { section, text } as Chunk, score: 1, dense: 0.5, lexical: 1 },
  ];
  const step4 = found("12-Month Machine Learning Roadmap", "Step: Step 4; Timeline: Month 6–8");

  it.each([
    "what does step 4 cover",
    "what comes in step 4",
    "step 4 is about what exactly",
    "month 7??",
  ])("%j asks what the place holds", (question) => {
    expect(asksWhatPlaceHolds(question, step4)).toBe(true);
  });

  it("not when the question has a topic of its own, or the passage found names another place", () => {
    expect(asksWhatPlaceHolds("which python libraries does step 4 cover", step4)).toBe(false);
    expect(asksWhatPlaceHolds("what does step 5 cover", step4)).toBe(false);
    expect(asksWhatPlaceHolds("what does the roadmap cover", step4)).toBe(false);
  });
});
