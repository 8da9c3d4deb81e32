import { describe, expect, it } from "vitest";
import { listsKindsAsked, rowOfAskedKind, rowOfListedKind } from "../../src/answer/listed-kind.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const sentence = { kind: "sentence", passage: { chunk: makeChunk("faq", "FAQ", "Pick one.") } };
const certificate = {
  kind: "row",
  passage: { chunk: makeRow("tf", "Certifications", [["Certification", "TF Certificate"]]) },
};
const ranked = [sentence, certificate];

describe("rowOfListedKind", () => {
  it("finds the row of the table whose rows are the things a list question asks for", () => {
    expect(rowOfListedKind("which certifications does the roadmap list?", ranked)).toBe(
      certificate,
    );
    expect(rowOfListedKind("what are the main certifications", ranked)).toBe(certificate);
  });

  it("finds none for a question that picks one, counts them or asks something else", () => {
    for (const question of [
      "which certification should i do first",
      "what are the 3 certifications",
      "what is a certification",
      "which tools are free",
    ]) {
      expect(rowOfListedKind(question, ranked)).toBeUndefined();
    }
  });
});

describe("rowOfAskedKind", () => {
  const step = (id: string, name: string, tools: string) => {
    const chunk = makeRow(id, "Roadmap", [
      ["Step", name],
      ["Main Tools", tools],
    ]);
    return {
      kind: "row",
      text: chunk.text,
      terms: new Set(tools.toLowerCase().split(", ")),
      passage: { chunk },
    };
  };
  const aside = {
    kind: "sentence",
    text: "Docker goes one step further.",
    terms: new Set(["docker", "step"]),
    passage: { chunk: makeChunk("docker", "Docker", "Docker goes one step further.") },
  };
  const ranked = [
    aside,
    step("s2", "Step 2", "pandas, numpy"),
    step("s5", "Step 5", "fastapi, docker"),
  ];

  it("finds the row of the asked kind's table that holds the question's rarest noun", () => {
    expect(rowOfAskedKind("which roadmap step covers docker", ranked, () => "docker")).toBe(
      ranked[2],
    );
  });

  it("finds none for several of a kind, no row holding the noun, or another question", () => {
    expect(rowOfAskedKind("which steps cover docker", ranked, () => "docker")).toBeUndefined();
    expect(
      rowOfAskedKind("which step covers kubernetes", ranked, () => "kubernetes"),
    ).toBeUndefined();
    expect(rowOfAskedKind("how does docker work", ranked, () => "docker")).toBeUndefined();
  });
});

describe("listsKindsAsked", () => {
  const listing = "Useful tests for an ML project include unit tests for feature functions.";

  it("tells a unit that says which kinds of the things asked there are", () => {
    for (const question of [
      "What kinds of automated tests are useful in a CI pipeline?",
      "what kind of tests shud an ml repo run in CI pls",
      "which types of test does the tutorial suggest",
      "what tests should my ml ci pipeline run",
    ]) {
      const lists = listsKindsAsked(question);
      expect(lists?.(listing), question).toBe(true);
      expect(lists?.("GitHub Actions runs tests and builds on every change.")).toBe(false);
    }
  });

  it("asks nothing of a question that does not ask what kinds there are", () => {
    expect(listsKindsAsked("which tests should i write first")).toBeUndefined();
    expect(listsKindsAsked("what kind of model is xgboost")).toBeUndefined();
  });
});
