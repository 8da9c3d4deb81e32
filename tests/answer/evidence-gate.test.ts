import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { EvidenceGate, figureRequest } from "../../src/answer/evidence-gate.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { Retrieval } from "../../src/retrieval/retriever.ts";
import { makeChunk } from "../helpers/chunks.ts";

describe("figureRequest", () => {
  it("asks for money when a question asks what something costs", () => {
    expect(figureRequest("How much does the Hugging Face course cost?")?.type).toBe("money");
    expect(figureRequest("What salary can an ML engineer expect?")?.type).toBe("money");
  });

  it("asks for time for hours per week and how long", () => {
    expect(figureRequest("How many hours per week should I study?")).toEqual({
      type: "time",
      words: ["hours", "week"],
    });
    expect(figureRequest("How long does it take to become job-ready?")?.type).toBe("time");
  });

  it("does not read a figure into everyday phrases like 'all day'", () => {
    expect(figureRequest("I code all day, is Python enough?")).toBeUndefined();
  });

  it("asks for a setting for 'what dropout rate'", () => {
    expect(figureRequest("What dropout rate should I use?")).toEqual({
      type: "setting",
      words: ["rate"],
    });
  });

  it("asks for a count for 'how many models', naming the counted thing", () => {
    const request = figureRequest("How many models should I train?");
    expect(request?.type).toBe("count");
    expect(request?.words).toContain("models");
  });

  it("asks for no figure in a plain question", () => {
    expect(figureRequest("What is a decision tree?")).toBeUndefined();
    expect(figureRequest("Which tools are used for MLOps?")).toBeUndefined();
  });
});

const chunks: Chunk[] = [
  makeChunk(
    "dvc",
    "Step 5 > MLOps Essentials",
    "Tool: DVC; Purpose: Data and model version control; Why It Matters: Tracks datasets and model files alongside Git",
    "table-row",
  ),
  makeChunk(
    "docker",
    "Step 5 > Docker for ML",
    "Docker packages your model, dependencies, runtime, and API into a reproducible container.",
  ),
  makeChunk(
    "timeline",
    "How Long Does It Take to Learn Machine Learning?",
    "A complete beginner usually needs 12 months of structured learning to become project-ready.",
  ),
  makeChunk(
    "dropout",
    "Deep Learning Foundations",
    "Learn regularization techniques such as dropout and batch normalization to reduce overfitting.",
  ),
  makeChunk(
    "python",
    "Programming Skills",
    "Python is the best language to start with because most ML libraries support it.",
  ),
  makeChunk(
    "course",
    "Certifications",
    "The Hugging Face course is a good beginner certification for NLP.",
  ),
  makeChunk(
    "salary",
    "Machine Learning Salary",
    "Experience: 0–2 years; Common Roles: Junior ML Engineer; India Salary Range: ₹6L–12L PA",
    "table-row",
  ),
];
const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
const gate = new EvidenceGate(new CorpusStatistics(chunks));

/** A retrieval returning `ids` in rank order with a middling dense similarity. */
function retrieval(question: string, ids: string[], dense = 0.3): Retrieval {
  return {
    question,
    queryVector: [],
    results: ids.map((id, rank) => {
      const chunk = byId.get(id);
      if (chunk === undefined) throw new Error(`no chunk ${id}`);
      return { chunk, score: 1 - rank / 10, dense, lexical: 1 - rank / 5 };
    }),
  };
}

describe("EvidenceGate.assess", () => {
  it("refuses a question about a topic the corpus never mentions, naming it", () => {
    const decision = gate.assess(retrieval("What does Kubernetes do?", ["docker", "dvc"]));
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toContain('"Kubernetes"');
    expect(decision.unknownTopics).toEqual(["Kubernetes"]);
  });

  it("refuses an unknown topic even next to known words", () => {
    const decision = gate.assess(
      retrieval("How do I run Docker containers on Kubernetes?", ["docker", "dvc"]),
    );
    expect(decision.answerable).toBe(false);
    expect(decision.unknownTopics).toContain("Kubernetes");
  });

  it("answers a question whose topic words a top passage covers", () => {
    const decision = gate.assess(
      retrieval("Why is Python the best language to start with?", ["python", "docker"]),
    );
    expect(decision).toMatchObject({ answerable: true, reason: "", unknownTopics: [] });
    expect(decision.coverage).toBeCloseTo(1, 5);
    expect(decision.topDense).toBeCloseTo(0.3, 5);
  });

  it("judges by the passages retrieved, not by the corpus alone", () => {
    const question = "Why is Python the best language to start with?";
    const covered = gate.assess(retrieval(question, ["python"]));
    const missed = gate.assess(retrieval(question, ["dvc", "docker"], 0.1));
    expect(covered.answerable).toBe(true);
    expect(missed.answerable).toBe(false);
    expect(missed.coverage).toBeLessThan(covered.coverage);
    expect(missed.reason).toMatch(/no passage/);
  });

  it("lets a strong dense match rescue a passage that shares no words with the question", () => {
    // Every word is in the corpus, none in the passage retrieved.
    const question = "Which container tool packages models?";
    const weak = gate.assess(retrieval(question, ["python"], 0.1));
    expect(weak.answerable).toBe(false);
    expect(weak.coverage).toBe(0);
    expect(weak.unknownTopics).toEqual([]);
    expect(gate.assess(retrieval(question, ["python"], 0.9)).answerable).toBe(true);
  });

  it("refuses a figure question when no passage holds that figure", () => {
    const decision = gate.assess(
      retrieval("What dropout rate should I use?", ["dropout", "python"]),
    );
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toMatch(/no figure/);
    const cost = gate.assess(
      retrieval("How much does the Hugging Face course cost?", ["course", "python"]),
    );
    expect(cost.answerable).toBe(false);
    expect(cost.reason).toMatch(/no figure/);
  });

  it("answers a figure question when a passage holds the figure", () => {
    expect(
      gate.assess(
        retrieval("How many months does a complete beginner need?", ["timeline", "python"]),
      ).answerable,
    ).toBe(true);
    expect(
      gate.assess(retrieval("What salary does a junior ML engineer get in India?", ["salary"]))
        .answerable,
    ).toBe(true);
  });

  it("refuses a question without topic words", () => {
    for (const question of ["What is it?", "How do I do that?", "?"]) {
      const decision = gate.assess(retrieval(question, ["python", "docker"]));
      expect(decision.answerable, question).toBe(false);
      expect(decision.reason).toMatch(/no topic words/);
    }
  });

  it("refuses when nothing was retrieved", () => {
    const decision = gate.assess(retrieval("Why is Python the best language?", []));
    expect(decision.answerable).toBe(false);
  });

  it("gives the same verdict every time", () => {
    const input = retrieval("What does DVC track alongside Git?", ["dvc", "docker"]);
    expect(gate.assess(input)).toEqual(gate.assess(input));
    expect(gate.assess(input).answerable).toBe(true);
  });
});
