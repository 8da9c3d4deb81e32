import { describe, expect, it } from "vitest";
import { clausesOf, splitClaims, withoutMarkers } from "../../src/eval/claims.ts";

describe("splitClaims", () => {
  it("makes one claim per sentence, keeping its markers and dropping them from the text", () => {
    expect(splitClaims("Python comes first. [1] Docker packages models. [2][3]")).toEqual([
      { text: "Python comes first.", markers: [1], sentence: 0 },
      { text: "Docker packages models.", markers: [2, 3], sentence: 1 },
    ]);
  });

  it("gives the markers at the end of a piece to every sentence in it", () => {
    expect(splitClaims("First fact. Second fact [1].")).toEqual([
      { text: "First fact.", markers: [1], sentence: 0 },
      { text: "Second fact.", markers: [1], sentence: 1 },
    ]);
  });

  it("treats list items as claims and drops bullets and numbering", () => {
    expect(
      splitClaims("- Tool: DVC; Purpose: Data and model version control [2]\n1. Learn SQL. [1]"),
    ).toEqual([
      { text: "Tool: DVC; Purpose: Data and model version control", markers: [2], sentence: 0 },
      { text: "Learn SQL.", markers: [1], sentence: 1 },
    ]);
  });

  it("turns the rows of a Markdown table into labelled claims and skips the header row", () => {
    const table =
      "| Tool | Purpose |\n|---|---|\n| DVC | Data versioning [1] |\n| MLflow | Tracking [2] |";
    expect(splitClaims(table)).toEqual([
      { text: "Tool: DVC; Purpose: Data versioning", markers: [1], sentence: 0 },
      { text: "Tool: MLflow; Purpose: Tracking", markers: [2], sentence: 1 },
    ]);
  });

  it("cuts a long sentence into clauses that can stand alone, as written", () => {
    const sentence =
      "Docker packages your model with its dependencies into a container that runs the same on every machine; MLflow tracks the parameters, metrics and artifacts of every experiment you run, but DVC versions the datasets and model files next to Git.";
    const claims = splitClaims(`${sentence} [4]`);
    expect(claims.map((claim) => claim.text)).toEqual([
      "Docker packages your model with its dependencies into a container that runs the same on every machine",
      "MLflow tracks the parameters, metrics and artifacts of every experiment you run",
      "but DVC versions the datasets and model files next to Git.",
    ]);
    expect(new Set(claims.map((claim) => claim.sentence))).toEqual(new Set([0]));
    expect(claims.every((claim) => claim.markers.join() === "4")).toBe(true);
  });

  it("keeps a short sentence and a labelled table row whole", () => {
    expect(clausesOf("Learn SQL; then learn Python.")).toEqual(["Learn SQL; then learn Python."]);
    const row = `Learner Type: Data Analyst; Starting Point: SQL, Excel, BI tools, basic Python; First Focus: Scikit-learn, feature engineering, model deployment; Expected Timeline: 6–9 months`;
    expect(clausesOf(row)).toEqual([row]);
  });

  it("returns nothing for an empty answer or one of markers only", () => {
    expect(splitClaims("")).toEqual([]);
    expect(splitClaims("[1] [2]")).toEqual([]);
  });
});

describe("withoutMarkers", () => {
  it("removes markers and the space before punctuation they leave", () => {
    expect(withoutMarkers("Docker packages models [1]. It runs anywhere [2][3]")).toBe(
      "Docker packages models. It runs anywhere",
    );
  });
});
