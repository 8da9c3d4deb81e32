import { beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/answer/assistant.ts";
import { corpusAssistant } from "../support/corpus-assistant.ts";

/** Comparisons and list questions said the short way learners say them, over the real material. */
describe("comparisons and lists as learners ask them", () => {
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = await corpusAssistant();
  });

  it.each([
    ["supervised vs unsupervised", ["Supervised Learning — ", "Unsupervised Learning — "]],
    [
      "diff b/w supervised and unsupervised",
      ["Supervised Learning — ", "Unsupervised Learning — "],
    ],
    ["shadow vs blue green", ["Shadow deployment — ", "Blue-green deployment — "]],
  ])("%j quotes the row of each side", async (question, rows) => {
    const result = await assistant.ask(question);
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    for (const row of rows) expect(result.answer).toContain(row);
  });

  it("lists the table of the things a list question names", async () => {
    const result = await assistant.ask("which certifications does the roadmap list?");
    expect(result.refused).toBe(false);
    const items = result.answer.split("\n");
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.every((item) => /^- .+ — provider: /.test(item))).toBe(true);
  });

  it("answers which place of the plan covers a thing with that place's row", async () => {
    const result = await assistant.ask("hi which roadmap step covers docker");
    expect(result.refused).toBe(false);
    expect(result.answer).toMatch(/^Step 5 — .*Docker/);
    // Also when another table's row names the thing best ("PyTorch — purpose: …").
    const pytorch = await assistant.ask("in which step do i learn pytorch");
    expect(pytorch.answer).toMatch(/^Step 4 — .*PyTorch/);
  });

  it("finds a row written with the material's short form of the learner's word ('DBs')", async () => {
    const result = await assistant.ask("Are vector databases free to use?");
    expect(result.answer).toMatch(/^Vector DBs — free: Free tiers available \[1\]$/);
  });

  it("lists the things a list question asks for when it asks more of each", async () => {
    const result = await assistant.ask(
      "What are the three main types of machine learning, and what is an example use case for each?",
    );
    expect(result.refused).toBe(false);
    const heads = result.answer.split("\n").map((item) => item.split(" — ")[0]);
    expect(heads.sort()).toEqual([
      "- Reinforcement Learning",
      "- Supervised Learning",
      "- Unsupervised Learning",
    ]);
  });

  it.each([
    ["mlops plan week 3-4 what am i supposed to build", ["Week 3 — ", "Week 4 — "]],
    ["what are steps 1-3 about", ["Step 1 — ", "Step 2 — ", "Step 3 — "]],
  ])("answers %j with the row of each place asked, in order", async (question, rows) => {
    const result = await assistant.ask(question);
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(
      result.answer.split("\n").map((item) => item.slice(2, 2 + (rows[0]?.length ?? 0))),
    ).toEqual(rows);
  });

  it("reads a message that only shares everyday words with a refused question as its own", async () => {
    const asked = "what is the exact fee of the scaler program in rupees";
    const refused = await assistant.ask(asked);
    expect(refused.refused).toBe(true);
    const history = [
      { role: "user" as const, content: asked },
      { role: "assistant" as const, content: refused.answer },
    ];
    const next = await assistant.ask("ok tell me the projects for resume", { history });
    expect(next.refused, next.refusalReason ?? "").toBe(false);
    expect(next.standaloneQuestion ?? next.understoodAs).not.toMatch(/scaler/i);
  });

  it("answers a topic with an aside before a question that points back at it", async () => {
    const result = await assistant.ask(
      "federated learning?? sounds like a buzzword fr, what is it",
    );
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(result.answer).toMatch(/^Federated Learning: /);
  });
});
