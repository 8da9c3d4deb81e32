import { describe, expect, it } from "vitest";
import { EVIDENCE_MATCH_THRESHOLD, matchesEvidence } from "../../src/eval/evidence-match.ts";

const DVC_CHUNK =
  "Tool: DVC; Purpose: Data and model version control; Why It Matters: Tracks datasets and model files alongside Git";

describe("matchesEvidence", () => {
  it("matches a passage that contains the evidence verbatim", () => {
    expect(matchesEvidence(`Before. ${DVC_CHUNK}. After.`, "Data and model version control")).toBe(
      true,
    );
  });

  it("ignores case and punctuation", () => {
    expect(
      matchesEvidence("DATA, AND MODEL; VERSION CONTROL!", "data and model version control."),
    ).toBe(true);
  });

  it("keeps a hyphenated name as one word, as the corpus writes it", () => {
    expect(matchesEvidence("the bias-variance tradeoff", "bias-variance tradeoff")).toBe(true);
    expect(matchesEvidence("bias and variance tradeoff", "bias-variance tradeoff")).toBe(false);
  });

  it("ignores table pipes and the 'Header: value' labels of a table-row chunk", () => {
    const row =
      "| DVC | Data and model version control | Tracks datasets and model files alongside Git |";
    expect(matchesEvidence(DVC_CHUNK, row)).toBe(true);
  });

  it("fails when a key word of a short evidence string is missing", () => {
    expect(matchesEvidence(DVC_CHUNK, "Data and model version control for notebooks")).toBe(false);
    expect(
      matchesEvidence("Tool: MLflow; Purpose: Experiment tracking", "DVC version control"),
    ).toBe(false);
  });

  it("tolerates one missing word in ten, no more", () => {
    expect(EVIDENCE_MATCH_THRESHOLD).toBe(0.9);
    const evidence = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    expect(matchesEvidence("alpha beta gamma delta epsilon zeta eta theta iota", evidence)).toBe(
      true,
    );
    expect(matchesEvidence("alpha beta gamma delta epsilon zeta eta theta", evidence)).toBe(false);
  });

  it("counts distinct words, so a repeated word in the evidence is not needed twice", () => {
    expect(matchesEvidence("model model", "model model model")).toBe(true);
  });

  it("never matches evidence without words", () => {
    expect(matchesEvidence(DVC_CHUNK, " | — | ")).toBe(false);
  });
});
