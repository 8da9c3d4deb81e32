import { describe, expect, it } from "vitest";
import {
  nextQuestions,
  questionFor,
  suggestedQuestions,
} from "../../src/answer/suggested-questions.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { Retrieval } from "../../src/retrieval/retriever.ts";

function chunk(
  position: number,
  section: string,
  kind: Chunk["kind"] = "prose",
  text = "A passage.",
): Chunk {
  return {
    id: `c${position}`,
    source: "corpus/roadmap.md",
    title: "Roadmap",
    section,
    kind,
    text,
    position,
  };
}

const chunks = [
  chunk(0, "Step 5: Learn Model Deployment and MLOps > Docker for ML"),
  chunk(1, "Step 5: Learn Model Deployment and MLOps > MLOps Essentials"),
  chunk(2, "Step 5: Learn Model Deployment and MLOps > MLOps Essentials"),
  chunk(3, "Step 5: Learn Model Deployment and MLOps > Tools in This Step", "table-row"),
  chunk(
    4,
    "FAQs > 10. Do I need a GPU?",
    "faq",
    "10. Do I need a GPU to learn machine learning?\nNo.",
  ),
];
const retrieval = (...positions: number[]): Retrieval => ({
  question: "q",
  queryVector: [],
  results: positions.map((position, rank) => ({
    chunk: chunks[position] as Chunk,
    dense: 0,
    lexical: 0,
    score: 1 - rank * 0.1,
  })),
});

describe("questionFor", () => {
  it("uses an FAQ's own question and names the step of a generic heading", () => {
    expect(questionFor(chunks[4] as Chunk)).toBe("Do I need a GPU to learn machine learning?");
    expect(questionFor(chunks[3] as Chunk)).toBe(
      "What does the roadmap say about Tools in Step 5?",
    );
  });

  it("reads a heading that opens with 'A' or 'The' as a phrase, keeping names as written", () => {
    const heading = { ...(chunks[3] as Chunk), section: "A Small PyTorch Training Loop" };
    expect(questionFor(heading)).toBe(
      "What does the roadmap say about the small PyTorch training loop?",
    );
  });
});

describe("nextQuestions", () => {
  it("offers the sections around the cited passage, then related passages, never the cited section", () => {
    const cited = [chunks[1] as Chunk];
    const next = nextQuestions("what is mlops", cited, retrieval(1, 2, 4), chunks);
    expect(next).toEqual([
      "What does the roadmap say about Tools in Step 5?",
      "What does the roadmap say about Docker for ML?",
      "Do I need a GPU to learn machine learning?",
    ]);
  });

  it("leaves out the question just asked and repeats nothing", () => {
    const cited = [chunks[3] as Chunk];
    const next = nextQuestions(
      "Do I need a GPU to learn machine learning",
      cited,
      retrieval(3, 4, 4),
      chunks,
    );
    expect(next).not.toContain("Do I need a GPU to learn machine learning?");
    expect(new Set(next).size).toBe(next.length);
  });
});

describe("suggestedQuestions", () => {
  it("offers at most three distinct questions about the closest passages", () => {
    expect(suggestedQuestions(retrieval(1, 2, 0, 3, 4))).toEqual([
      "What does the roadmap say about MLOps Essentials?",
      "What does the roadmap say about Docker for ML?",
      "What does the roadmap say about Tools in Step 5?",
    ]);
  });
});
