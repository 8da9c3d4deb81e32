import { describe, expect, it } from "vitest";
import { asksAboutAge, speaksOfAge } from "../../src/answer/age-question.ts";

describe("asksAboutAge", () => {
  it.each([
    "is there any age limit for getting into ML jobs",
    "do companies actually have an age cutoff for entry-level ML roles?",
    "is it too late for me to get hired as an ML engineer at this age?",
    "am i too old for this",
    "is it too late at 35",
    "Do ML companies hire people my age, or is it too late to start?",
    "will they hire anyone over 50",
    "realistically, will companies in India hire a 38 year old fresher in ML",
    "or will my age be held against me?",
    "does age matter for ML jobs",
  ])("%j asks about the learner's age", (question) => {
    expect(asksAboutAge(question)).toBe(true);
  });

  it.each([
    // The field being late, not the learner.
    "is ML still worth learning in 2026 or is it too late",
    "how long will it take for someone like me",
    "my model is too old, should i retrain",
    "python 3.8 on my laptop, is it too old for pandas",
    "my 10 year old laptop, can it train a CNN",
  ])("%j does not", (question) => {
    expect(asksAboutAge(question)).toBe(false);
  });
});

describe("speaksOfAge", () => {
  it("holds for a passage that speaks of age, not for one using 'age' inside another word", () => {
    expect(speaksOfAge(["Learners of any age can switch careers."])).toBe(true);
    expect(speaksOfAge(["Average salaries vary.", "Manage your package versions."])).toBe(false);
  });
});
