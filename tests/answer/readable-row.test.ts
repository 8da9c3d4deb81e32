import { describe, expect, it } from "vitest";
import { readableRow } from "../../src/answer/readable-row.ts";
import { contentTerms } from "../../src/text/terms.ts";

const cells = [
  { header: "Algorithm", value: "XGBoost" },
  { header: "Type", value: "Ensemble" },
  { header: "Key Hyperparameters", value: "learning_rate, n_estimators, max_depth" },
  { header: "Typical Time", value: "2–3 weeks" },
];
const terms = (question: string) => new Set(contentTerms(question));

describe("readableRow", () => {
  it("shows the cells the question asks about, after the row's name", () => {
    expect(readableRow(cells, terms("Which hyperparameters matter for XGBoost?"))).toBe(
      "XGBoost — key hyperparameters: learning_rate, n_estimators, max_depth",
    );
  });

  it("shows every cell when the question asks about the row as a whole", () => {
    expect(readableRow(cells, terms("what is xgboost"))).toBe(
      "XGBoost — type: Ensemble; key hyperparameters: learning_rate, n_estimators, max_depth; typical time: 2–3 weeks",
    );
  });

  it("keeps the cells holding a figure when the question asks for one", () => {
    expect(readableRow(cells, terms("how long does XGBoost take"), { wantsFigure: true })).toBe(
      "XGBoost — typical time: 2–3 weeks",
    );
  });

  it("keeps the column that says why when the question asks why", () => {
    const tool = [
      { header: "Tool", value: "Docker" },
      { header: "Purpose", value: "Containerization" },
      { header: "Why It Matters", value: "Ensures reproducible model serving" },
    ];
    expect(readableRow(tool, terms("why docker tho"), { asksWhy: true })).toBe(
      "Docker — why it matters: Ensures reproducible model serving",
    );
  });

  it("shows the whole row when the question names only a value, not a column", () => {
    const step = [
      { header: "Step", value: "Step 5" },
      { header: "Timeline", value: "Month 9" },
      { header: "Focus Area", value: "Deployment and MLOps" },
    ];
    expect(readableRow(step, terms("wat should i do in month 9"))).toBe(
      "Step 5 — timeline: Month 9; focus area: Deployment and MLOps",
    );
    // A named column still narrows, and keeps the value the question names beside it.
    expect(readableRow(cells, terms("ensemble hyperparameters of xgboost?"))).toBe(
      "XGBoost — type: Ensemble; key hyperparameters: learning_rate, n_estimators, max_depth",
    );
  });
});
