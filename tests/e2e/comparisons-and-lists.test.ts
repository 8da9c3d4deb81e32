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
