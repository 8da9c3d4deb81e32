import { describe, expect, it } from "vitest";
import { aggregate, aggregateBy, percentile } from "../../src/eval/aggregate.ts";
import { rougeL, squadTokens, tokenF1 } from "../../src/eval/answer-overlap.ts";
import { averagePrecision } from "../../src/eval/assess-answer.ts";
import { compareWithBaseline, questionChanges } from "../../src/eval/baseline.ts";
import { summariseValidation } from "../../src/eval/judge/calibration.ts";
import type { QuestionRecord } from "../../src/eval/report/report-schema.ts";
import { applyGate, readThresholds } from "../../src/eval/thresholds.ts";
import { TempDir } from "../support/temp-dir.ts";

function record(overrides: Partial<QuestionRecord>): QuestionRecord {
  return {
    id: "q",
    dataset: "set.jsonl",
    kind: "fact",
    question: "Q?",
    answerable: true,
    reference: "reference",
    evidence: ["evidence"],
    answer: "answer [1]",
    refused: false,
    generator: "extractive",
    citations: [],
    shown: [],
    evidenceRanks: [0],
    claims: [{ text: "answer", markers: [1], supported: true, reason: "quoted" }],
    citationChecks: [{ sentence: "answer", n: 1, supported: true }],
    faithfulness: 1,
    unsupportedClaims: 0,
    citationPrecision: 1,
    contextPrecision: 1,
    droppedCitations: 0,
    answerF1: 0.5,
    rougeL: 0.4,
    answerSentences: 1,
    sentencesOnEvidence: 1,
    citedEvidence: true,
    latencyMs: 10,
    ...overrides,
  };
}

const unsupported = { text: "made up", markers: [2], supported: false, reason: "not stated" };

/** Six questions with every case the metrics distinguish. */
const records: QuestionRecord[] = [
  // a: answerable, evidence at ranks 0 and 3, all 2 claims supported.
  record({
    id: "a",
    evidenceRanks: [0, 3],
    contextPrecision: 1,
    answerF1: 1,
    rougeL: 1,
    latencyMs: 10,
  }),
  // b: answerable, evidence at rank 6, 1 of 2 claims unsupported, half its citations precise, 2 dangling.
  record({
    id: "b",
    kind: "multi",
    evidenceRanks: [6],
    claims: [record({}).claims[0] as QuestionRecord["claims"][number], unsupported],
    faithfulness: 0.5,
    unsupportedClaims: 1,
    citationPrecision: 0.5,
    contextPrecision: 0,
    droppedCitations: 2,
    answerF1: 0,
    rougeL: 0,
    latencyMs: 20,
  }),
  // c: answerable but refused.
  record({
    id: "c",
    refused: true,
    evidenceRanks: [-1],
    claims: [],
    citationChecks: [],
    faithfulness: null,
    citationPrecision: null,
    contextPrecision: 0,
    answerF1: 0,
    rougeL: 0,
    latencyMs: 30,
  }),
  // d: answerable, evidence at rank 1.
  record({
    id: "d",
    evidenceRanks: [1],
    contextPrecision: 0.5,
    answerF1: 0.5,
    rougeL: 0.5,
    latencyMs: 40,
  }),
  // e: unanswerable and refused.
  record({
    id: "e",
    kind: "unanswerable",
    answerable: false,
    refused: true,
    evidence: [],
    evidenceRanks: [],
    claims: [],
    citationChecks: [],
    faithfulness: null,
    citationPrecision: null,
    contextPrecision: null,
    answerF1: null,
    rougeL: null,
    latencyMs: 50,
  }),
  // f: unanswerable but answered, its only claim unsupported.
  record({
    id: "f",
    kind: "unanswerable",
    answerable: false,
    evidence: [],
    evidenceRanks: [],
    claims: [unsupported],
    faithfulness: 0,
    unsupportedClaims: 1,
    citationPrecision: 0,
    contextPrecision: null,
    answerF1: null,
    rougeL: null,
    latencyMs: 1000,
  }),
];

describe("aggregate", () => {
  const metrics = aggregate(records);

  it("counts questions, answers and claims", () => {
    expect(metrics).toMatchObject({
      questions: 6,
      answerable: 4,
      unanswerable: 2,
      answered: 4,
      claims: 5,
      unsupportedClaims: 2,
    });
  });

  it("computes retrieval metrics over answerable questions", () => {
    expect(metrics.recallAt1).toBeCloseTo((0.5 + 0 + 0 + 0) / 4, 10);
    expect(metrics.recallAt5).toBeCloseTo((1 + 0 + 0 + 1) / 4, 10);
    expect(metrics.recallAt10).toBeCloseTo((1 + 1 + 0 + 1) / 4, 10);
    expect(metrics.mrr).toBeCloseTo((1 + 1 / 7 + 0 + 1 / 2) / 4, 10);
    expect(metrics.contextPrecision).toBeCloseTo((1 + 0 + 0 + 0.5) / 4, 10);
  });

  it("computes faithfulness and hallucination over answered questions", () => {
    // a 1, b 0.5, d 1, f 0.
    expect(metrics.faithfulness).toBeCloseTo(2.5 / 4, 10);
    // b and f have an unsupported claim, out of 4 answered.
    expect(metrics.hallucinationRate).toBeCloseTo(2 / 4, 10);
    expect(metrics.unanswerableAnsweredRate).toBeCloseTo(1 / 2, 10);
  });

  it("computes refusal, citation and answer metrics", () => {
    // Refused: c (answerable) and e (unanswerable).
    expect(metrics.refusalPrecision).toBeCloseTo(1 / 2, 10);
    expect(metrics.refusalRecall).toBeCloseTo(1 / 2, 10);
    expect(metrics.falseRefusalRate).toBeCloseTo(1 / 4, 10);
    expect(metrics.citationPrecision).toBeCloseTo((1 + 0.5 + 1 + 0) / 4, 10);
    expect(metrics.danglingCitations).toBe(2);
    expect(metrics.answerF1).toBeCloseTo((1 + 0 + 0 + 0.5) / 4, 10);
    expect(metrics.rougeL).toBeCloseTo((1 + 0 + 0 + 0.5) / 4, 10);
  });

  it("reports nearest-rank latency percentiles", () => {
    expect(metrics.latencyP50Ms).toBe(30);
    expect(metrics.latencyP95Ms).toBe(1000);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it("reports null, never NaN, when there is nothing to measure", () => {
    const empty = aggregate([]);
    expect(empty.recallAt5).toBeNull();
    expect(empty.faithfulness).toBeNull();
    expect(empty.latencyP50Ms).toBeNull();
    expect(JSON.stringify(empty)).not.toMatch(/NaN/);
    expect(aggregate([records[0] as QuestionRecord]).refusalRecall).toBeNull();
  });

  it("breaks metrics down by kind", () => {
    const byKind = aggregateBy(records, (entry) => entry.kind);
    expect(Object.keys(byKind)).toEqual(["fact", "multi", "unanswerable"]);
    expect(byKind.unanswerable?.refusalRecall).toBe(0.5);
    expect(byKind.multi?.faithfulness).toBe(0.5);
  });
});

describe("answer overlap", () => {
  it("computes SQuAD token F1", () => {
    expect(tokenF1("The cat sat.", "a cat sat")).toBe(1);
    // prediction: cat sat mat (3); reference: cat ran (2); common: cat.
    expect(tokenF1("cat sat on mat", "cat ran")).toBeCloseTo(
      (2 * (1 / 4) * (1 / 2)) / (1 / 4 + 1 / 2),
      10,
    );
    expect(tokenF1("dog", "cat")).toBe(0);
    expect(squadTokens("6–9 months, ₹9L!")).toEqual(["6–9", "months", "₹9l"]);
  });

  it("computes ROUGE-L F1 from the longest common subsequence", () => {
    // LCS of "a b c d" and "a c d e" is "a c d" (3): P = 3/4, R = 3/4.
    expect(rougeL("a b c d", "a c d e")).toBeCloseTo(0.75, 10);
    expect(rougeL("", "a")).toBe(0);
    expect(rougeL("Same text.", "same text")).toBe(1);
  });

  it("computes context precision as average precision at the relevant ranks", () => {
    expect(averagePrecision([true, false, true])).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(averagePrecision([false, false])).toBe(0);
  });
});

describe("judge validation numbers", () => {
  it("counts the confusion matrix and balanced accuracy with 'supported' as positive", () => {
    const pairs = [true, true, true, false, false].map((supported, index) => ({
      id: `p${index}`,
      passage: "p",
      claim: "c",
      supported,
      kind: supported ? "paraphrase" : "number",
    }));
    const verdicts = [true, true, false, true, false].map((supported) => ({
      supported,
      reason: "r",
    }));
    const validation = summariseValidation("local", "file", pairs, verdicts);
    expect(validation.confusion).toEqual({
      truePositive: 2,
      falseNegative: 1,
      falsePositive: 1,
      trueNegative: 1,
    });
    expect(validation.recall).toBeCloseTo(2 / 3, 10);
    expect(validation.specificity).toBeCloseTo(1 / 2, 10);
    expect(validation.precision).toBeCloseTo(2 / 3, 10);
    expect(validation.balancedAccuracy).toBeCloseTo((2 / 3 + 1 / 2) / 2, 10);
    expect(validation.misjudged.map((entry) => entry.id)).toEqual(["p2", "p3"]);
    expect(validation.byKind.number).toEqual({ pairs: 2, correct: 1, accuracy: 0.5 });
  });
});

describe("release gate", () => {
  const metrics = aggregate(records);
  const judge = { balancedAccuracy: 0.9, precision: 0.9, recall: 0.9 };

  it("passes when every threshold holds", () => {
    const gate = applyGate(
      metrics,
      judge,
      { falseRefusalRate: { max: 0.25 }, recallAt10: { min: 0.75 } },
      "t.json",
    );
    expect(gate).toMatchObject({ passed: true, breaches: [] });
    expect(gate.thresholds.judgeBalancedAccuracy).toEqual({ min: 0.85 });
  });

  it("lists every breached threshold with the actual value", () => {
    const gate = applyGate(
      metrics,
      judge,
      { faithfulness: { min: 0.9 }, hallucinationRate: { max: 0.1 } },
      "t.json",
    );
    expect(gate.passed).toBe(false);
    expect(gate.breaches.map((breach) => breach.message)).toEqual([
      "faithfulness 0.625 is below the minimum 0.900",
      "hallucinationRate 0.500 is above the maximum 0.100",
    ]);
  });

  it("fails below the judge floor and when the judge was not validated", () => {
    expect(
      applyGate(metrics, { ...judge, balancedAccuracy: 0.8 }, {}, "t.json").breaches[0]?.metric,
    ).toBe("judgeBalancedAccuracy");
    const unvalidated = applyGate(
      metrics,
      { balancedAccuracy: null, precision: null, recall: null, error: "missing file" },
      {},
      "t.json",
    );
    expect(unvalidated.passed).toBe(false);
    expect(unvalidated.breaches[0]?.message).toMatch(/not validated \(missing file\)/);
  });

  it("lists a metric with nothing to measure as unmeasured, not as a breach", () => {
    const gate = applyGate(
      aggregate([records[0] as QuestionRecord]),
      judge,
      { refusalRecall: { min: 0.8 } },
      "t.json",
    );
    expect(gate).toMatchObject({ passed: true, unmeasured: ["refusalRecall"] });
  });

  it("refuses a thresholds file naming an unknown metric", async () => {
    const temp = await TempDir.create();
    try {
      const file = await temp.write(
        "t.json",
        JSON.stringify({ $comment: "x", faithfulnes: { min: 1 } }),
      );
      await expect(readThresholds(file)).rejects.toThrow(/unknown metric "faithfulnes"/);
      const good = await temp.write("ok.json", JSON.stringify({ faithfulness: { min: 0.9 } }));
      expect(await readThresholds(good)).toEqual({ faithfulness: { min: 0.9 } });
    } finally {
      await temp.remove();
    }
  });
});

describe("baseline comparison", () => {
  it("reports per-metric deltas and flags the worse ones", () => {
    const before = aggregate(records);
    const after = aggregate(
      records.map((entry) =>
        entry.id === "a" ? { ...entry, refused: true, claims: [], faithfulness: null } : entry,
      ),
    );
    const comparison = compareWithBaseline(
      { metrics: after, questions: [] },
      { metrics: before, questions: [] },
      "old.json",
    );
    expect(comparison.deltas.falseRefusalRate).toMatchObject({
      baseline: 0.25,
      current: 0.5,
      worse: true,
    });
    expect(comparison.deltas.falseRefusalRate?.delta).toBeCloseTo(0.25, 10);
    expect(comparison.deltas.questions?.worse).toBe(false);
  });

  it("lists the questions that got worse, by id", () => {
    const before = record({ id: "x", evidenceRanks: [0, 2], unsupportedClaims: 0, answerF1: 0.8 });
    const after = record({
      id: "x",
      refused: true,
      evidenceRanks: [0, 7],
      unsupportedClaims: 2,
      answerF1: 0.1,
    });
    expect(questionChanges(before, after)).toEqual([
      "newly refused",
      "lost evidence from the top 5 (2 → 1 of 2)",
      "new unsupported claims (0 → 2)",
      "answer F1 0.80 → 0.10",
    ]);
    const comparison = compareWithBaseline(
      { metrics: aggregate([after]), questions: [after, record({ id: "new" })] },
      { metrics: aggregate([before]), questions: [before] },
      "old.json",
    );
    expect(comparison.worseQuestions.map((entry) => entry.id)).toEqual(["x"]);
    expect(questionChanges(before, before)).toEqual([]);
  });
});
