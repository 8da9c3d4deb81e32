import { beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/answer/assistant.ts";
import { corpusAssistant } from "../support/corpus-assistant.ts";

/** Questions about the material as a whole, answered from the roadmap's own passages. */
describe("questions about the material itself", () => {
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = await corpusAssistant();
  });

  it.each(["how long is the whole roadmap", "roadmap length?"])(
    "%j is answered with the roadmap's own length",
    async (question) => {
      const result = await assistant.ask(question);
      expect(result.refused).toBe(false);
      // "This machine learning roadmap…" names its document: it needs no sentence before it.
      expect(result.answer).toMatch(
        /^This machine learning roadmap gives you a structured 12-month path/,
      );
      expect(result.citations[0]?.source).toBe("corpus/roadmap.md");
    },
  );

  it.each(["who's this for tho", "Who is this machine learning roadmap intended for?"])(
    "%j is answered with whom the roadmap is for",
    async (question) => {
      const result = await assistant.ask(question);
      expect(result.refused).toBe(false);
      expect(result.answer).toMatch(/^This roadmap is useful for learners at different/);
      expect(result.citations[0]?.section).toBe("Who Is This Machine Learning Roadmap For?");
    },
  );

  it("answers whether it fits a kind of learner with that learner's row", async () => {
    const result = await assistant.ask("is this roadmap ok for a total noob");
    expect(result.refused).toBe(false);
    expect(result.answer).toMatch(/^Complete Beginner — /);
  });

  it.each([
    ["what does step 4 cover", "Step 4"],
    ["wat comes after step 3", "Step 4"],
    ["what does week 3 of the mlops plan cover", "Week 3"],
  ])("%j is answered from the place of the plan it names", async (question, place) => {
    const result = await assistant.ask(question);
    expect(result.refused).toBe(false);
    expect(result.answer.startsWith(`${place} — `)).toBe(true);
  });

  it("answers a step's milestone with the roadmap's milestone sentence for that step", async () => {
    const result = await assistant.ask("milestone for step 5?");
    expect(result.refused).toBe(false);
    expect(result.answer).toMatch(
      /^Milestone: You are ready for the next step when you can deploy/,
    );
  });

  it.each([
    ["step 2 exit criteria? how many models n which metrics", /train at least three models/],
    ["what should a newcomer be able to do before leaving step 1?", /load a CSV dataset/],
  ])("answers %j, which asks when a step is done, with its milestone", async (question, said) => {
    const result = await assistant.ask(question);
    expect(result.refused).toBe(false);
    expect(result.answer).toMatch(/^Milestone: /);
    expect(result.answer).toMatch(said);
  });

  it("still refuses a thing the material never names, asked of a step's milestone", async () => {
    const result = await assistant.ask("does it cover kubernetes too?", {
      history: [
        { role: "user", content: "whats the milestone for step 5" },
        { role: "assistant", content: "Milestone: You are ready for the next step when… [1]" },
      ],
    });
    expect(result.refused).toBe(true);
  });

  it("leaves a question with a topic of its own to the usual search", async () => {
    const result = await assistant.ask("how long is step 5 of the roadmap");
    expect(result.answer).toContain("Month 9");
  });
});
