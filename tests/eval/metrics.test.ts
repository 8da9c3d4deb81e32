import { describe, expect, it } from "vitest";
import type { AnswerResult, Citation } from "../../src/answer/answer.ts";
import type { EvalItem } from "../../src/eval/dataset.ts";
import {
  answerSentences,
  type QuestionScore,
  scoreQuestion,
  summarise,
  unitOnEvidence,
} from "../../src/eval/metrics.ts";

const MLFLOW = "Tool: MLflow; Purpose: Experiment tracking and model registry";
const DVC = "Tool: DVC; Purpose: Data and model version control";
const DOCKER =
  "Docker packages your model, dependencies, runtime, and API into a reproducible container.";
const OTHER = "Learn one platform deeply first.";

function item(overrides: Partial<EvalItem> = {}): EvalItem {
  return {
    id: "q1",
    question: "Which tools track experiments and data versions?",
    answerable: true,
    evidence: ["Experiment tracking and model registry", "Data and model version control"],
    answer: "MLflow and DVC.",
    kind: "multi",
    ...overrides,
  };
}

function citation(n: number, text: string): Citation {
  return {
    n,
    chunkId: `chunk-${n}`,
    source: "corpus/roadmap.md",
    title: "Roadmap",
    section: "Step 5",
    text,
  };
}

function result(overrides: Partial<AnswerResult> = {}): AnswerResult {
  return {
    question: "Which tools track experiments and data versions?",
    answer: `${MLFLOW} [1]\n${DVC} [2]`,
    refused: false,
    citations: [citation(1, MLFLOW), citation(2, DVC)],
    retrieved: [OTHER, MLFLOW, DOCKER, DVC].map((text, rank) => ({
      chunkId: `r${rank}`,
      score: 1 - rank / 10,
      text,
    })),
    timings: { retrieveMs: 1, generateMs: 1 },
    generator: "test",
    droppedCitations: 0,
    ...overrides,
  };
}

function score(overrides: Partial<QuestionScore>): QuestionScore {
  return {
    id: "s",
    kind: "fact",
    answerable: true,
    refused: false,
    evidenceRanks: [0],
    citedEvidence: true,
    sentences: 1,
    unsupportedSentences: 0,
    sentencesOnEvidence: 1,
    latencyMs: 10,
    ...overrides,
  };
}

describe("answerSentences", () => {
  it("splits after each marker and keeps the marker numbers", () => {
    expect(answerSentences("Python comes first. [1] Docker packages models. [2]")).toEqual([
      { text: "Python comes first.", markers: [1] },
      { text: "Docker packages models.", markers: [2] },
    ]);
  });

  it("keeps a run of markers with the sentence before it", () => {
    expect(answerSentences("Use MLflow and DVC. [1] [3] Then deploy. [2]")).toEqual([
      { text: "Use MLflow and DVC.", markers: [1, 3] },
      { text: "Then deploy.", markers: [2] },
    ]);
    expect(answerSentences("Use both. [1][2]")).toEqual([{ text: "Use both.", markers: [1, 2] }]);
  });

  it("treats list lines as sentences and drops the bullet", () => {
    expect(answerSentences(`- ${MLFLOW} [1]\n- ${DVC} [2]`)).toEqual([
      { text: MLFLOW, markers: [1] },
      { text: DVC, markers: [2] },
    ]);
  });

  it("splits unmarked text into sentences without markers", () => {
    expect(answerSentences("First claim. Second claim.\n\n")).toEqual([
      { text: "First claim.", markers: [] },
      { text: "Second claim.", markers: [] },
    ]);
  });
});

describe("scoreQuestion", () => {
  it("ranks evidence in the retrieved list and checks citations and sentences", () => {
    const scored = scoreQuestion(item(), result(), 42);
    expect(scored).toEqual({
      id: "q1",
      kind: "multi",
      answerable: true,
      refused: false,
      evidenceRanks: [1, 3],
      citedEvidence: true,
      sentences: 2,
      unsupportedSentences: 0,
      sentencesOnEvidence: 2,
      latencyMs: 42,
    });
  });

  it("marks evidence missing from the top 10 with -1", () => {
    const scored = scoreQuestion(item(), result({ retrieved: [] }), 1);
    expect(scored.evidenceRanks).toEqual([-1, -1]);
  });

  it("fails citation evidence when a citation is missing", () => {
    const scored = scoreQuestion(
      item(),
      result({ answer: `${MLFLOW} [1]`, citations: [citation(1, MLFLOW)] }),
      1,
    );
    expect(scored.citedEvidence).toBe(false);
  });

  it("counts sentences without markers, with dangling markers or citing the wrong text", () => {
    const scored = scoreQuestion(
      item(),
      result({
        answer: `${MLFLOW} [1] Kubernetes scales clusters. [2] ${DVC} [9] An unmarked claim.`,
      }),
      1,
    );
    // MLflow is supported; the Kubernetes sentence cites DVC; [9] points nowhere; one is unmarked.
    expect(scored.sentences).toBe(4);
    expect(scored.unsupportedSentences).toBe(3);
  });

  it("leaves citation evidence undefined and counts no sentences for a refusal", () => {
    const scored = scoreQuestion(
      item(),
      result({ refused: true, answer: "The roadmap does not cover this.", citations: [] }),
      1,
    );
    expect(scored.citedEvidence).toBeUndefined();
    expect(scored.sentences).toBe(0);
    expect(scored.refused).toBe(true);
  });

  it("scores an unanswerable item without evidence ranks", () => {
    const scored = scoreQuestion(
      item({ answerable: false, evidence: [], answer: "NOT_IN_CORPUS", kind: "unanswerable" }),
      result({ refused: true, answer: "No.", citations: [] }),
      1,
    );
    expect(scored.evidenceRanks).toEqual([]);
    expect(scored.citedEvidence).toBeUndefined();
  });
});

describe("summarise", () => {
  const scores: QuestionScore[] = [
    // Answerable, evidence at rank 0 and rank 3: recall@1 0.5, recall@5 1, reciprocal rank 1.
    score({
      id: "a",
      evidenceRanks: [0, 3],
      sentences: 2,
      unsupportedSentences: 0,
      sentencesOnEvidence: 2,
      latencyMs: 10,
    }),
    // Answerable, evidence at rank 6: recall@5 0, recall@10 1, reciprocal rank 1/7.
    score({
      id: "b",
      evidenceRanks: [6],
      citedEvidence: false,
      sentences: 2,
      unsupportedSentences: 1,
      sentencesOnEvidence: 0,
      latencyMs: 20,
    }),
    // Answerable but refused, evidence not retrieved.
    score({
      id: "c",
      evidenceRanks: [-1],
      refused: true,
      citedEvidence: undefined,
      sentences: 0,
      latencyMs: 30,
    }),
    // Answerable, answered, evidence at rank 1: reciprocal rank 1/2.
    score({ id: "d", evidenceRanks: [1], sentences: 1, unsupportedSentences: 0, latencyMs: 40 }),
    // Unanswerable and refused.
    score({
      id: "e",
      answerable: false,
      kind: "unanswerable",
      evidenceRanks: [],
      refused: true,
      citedEvidence: undefined,
      sentences: 0,
      latencyMs: 50,
    }),
    // Unanswerable but answered with one unsupported sentence.
    score({
      id: "f",
      answerable: false,
      kind: "unanswerable",
      evidenceRanks: [],
      citedEvidence: undefined,
      sentences: 1,
      unsupportedSentences: 1,
      latencyMs: 1000,
    }),
  ];

  it("computes retrieval, refusal, citation and faithfulness rates", () => {
    const summary = summarise(scores);
    expect(summary.questions).toBe(6);
    expect(summary.answerable).toBe(4);
    expect(summary.unanswerable).toBe(2);
    expect(summary.recallAt1).toBeCloseTo((0.5 + 0 + 0 + 0) / 4, 10);
    expect(summary.recallAt5).toBeCloseTo((1 + 0 + 0 + 1) / 4, 10);
    expect(summary.recallAt10).toBeCloseTo((1 + 1 + 0 + 1) / 4, 10);
    expect(summary.mrr).toBeCloseTo((1 + 1 / 7 + 0 + 1 / 2) / 4, 10);
    expect(summary.refusalRecall).toBeCloseTo(1 / 2, 10);
    expect(summary.falseRefusalRate).toBeCloseTo(1 / 4, 10);
    expect(summary.citationEvidenceRate).toBeCloseTo(2 / 3, 10);
    // Answered: a (2 sentences), b (2, 1 unsupported), d (1), f (1, 1 unsupported).
    expect(summary.unsupportedSentenceRate).toBeCloseTo(2 / 6, 10);
    // Answered answerable: a (2 of 2 on the evidence), b (0 of 2), d (1 of 1).
    expect(summary.answerPrecision).toBeCloseTo(3 / 5, 10);
    expect(summary.meanAnswerSentences).toBeCloseTo(6 / 4, 10);
  });

  it("counts an answer sentence on the evidence when most of its words come from it", () => {
    const evidence = ["DVC | Data and model version control | Tracks datasets and model files"];
    expect(unitOnEvidence("DVC — purpose: Data and model version control", evidence)).toBe(true);
    expect(unitOnEvidence("Docker packages a model into a container.", evidence)).toBe(false);
    // A rendered row's column names come from the table header, not from the evidence row.
    const django = ["Django | Full web apps with ML backend | Advanced | Larger applications"];
    expect(unitOnEvidence("Django — learning curve: Advanced", django)).toBe(true);
    expect(unitOnEvidence("Flask — learning curve: Intermediate", django)).toBe(false);
    // A sentence holding the whole evidence counts, however long.
    expect(
      unitOnEvidence(
        "In short, DVC | Data and model version control | Tracks datasets and model files, and more besides that matter a lot.",
        evidence,
      ),
    ).toBe(true);
  });

  it("reports nearest-rank latency percentiles", () => {
    const summary = summarise(scores);
    expect(summary.latencyP50Ms).toBe(30);
    expect(summary.latencyP95Ms).toBe(1000);
    expect(summarise([score({ latencyMs: 7 })]).latencyP95Ms).toBe(7);
  });

  it("reports NaN for rates without questions to measure", () => {
    const summary = summarise([]);
    expect(summary.questions).toBe(0);
    expect(summary.recallAt1).toBeNaN();
    expect(summary.refusalRecall).toBeNaN();
    expect(summary.latencyP50Ms).toBe(0);
  });
});
