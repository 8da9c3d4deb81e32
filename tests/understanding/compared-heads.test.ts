import { describe, expect, it } from "vitest";
import { ComparedHeads } from "../../src/understanding/compared-heads.ts";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const types = "Main Types of Machine Learning";
const releases = "Releasing a New Model Safely";
const roles = "Career Paths";
const chunks = [
  makeRow("sup", types, [
    ["Type", "Supervised Learning"],
    ["What It Means", "Labelled data"],
  ]),
  makeRow("unsup", types, [
    ["Type", "Unsupervised Learning"],
    ["What It Means", "No labels"],
  ]),
  makeRow("shadow", releases, [
    ["Pattern", "Shadow deployment"],
    ["What Happens", "Copies traffic"],
  ]),
  makeRow("bg", releases, [
    ["Pattern", "Blue-green deployment"],
    ["What Happens", "Two envs"],
  ]),
  makeRow("mle", roles, [
    ["Role", "Machine Learning Engineer"],
    ["Work", "Deploys models"],
  ]),
  makeRow("aie", roles, [
    ["Role", "AI Engineer"],
    ["Work", "Builds GenAI apps"],
  ]),
  makeChunk("deep", "Deep Learning", "Deep learning uses neural networks with many layers."),
];
const heads = new ComparedHeads(chunks);

describe("ComparedHeads", () => {
  it("says the word two compared rows' names share for each side named without it", () => {
    expect(heads.complete("supervised vs unsupervised")).toEqual({
      text: "supervised learning vs unsupervised learning",
      completed: [
        { from: "supervised", to: "supervised learning" },
        { from: "unsupervised", to: "unsupervised learning" },
      ],
    });
    expect(heads.complete("diff between Supervised and unsupervised, which for churn?").text).toBe(
      "diff between Supervised learning and unsupervised learning, which for churn?",
    );
    // A side written with a hyphen or a space alike.
    expect(heads.complete("shadow vs blue green").text).toBe(
      "shadow deployment vs blue green deployment",
    );
  });

  it("leaves questions that compare nothing the tables name", () => {
    for (const question of [
      "supervised learning vs unsupervised learning",
      // One side in full names what both are.
      "shadow or blue-green deployment?",
      // Nouns compare in their own right: fields, not the AI and ML Engineer rows.
      "ai vs ml",
      // "-style" makes an adjective of a name; no name the rows share.
      "bert vs gpt",
      "deep vs shallow networks",
      "is supervised better than unsupervised",
      "supervised or not?",
      "what is shadow deployment",
    ]) {
      expect(heads.complete(question)).toEqual({ text: question, completed: [] });
    }
  });

  it("shows the completed sides among the changes of the understood question", () => {
    const result = new QuestionUnderstanding(chunks).understand("supervised vs unsupervised?");
    expect(result.understoodAs).toBe("supervised learning vs unsupervised learning?");
    expect(result.changes).toContainEqual({
      from: "unsupervised",
      to: "unsupervised learning",
      reason: "comparison",
    });
  });
});
