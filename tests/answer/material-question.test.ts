import { describe, expect, it } from "vitest";
import { materialAspect } from "../../src/answer/material-question.ts";

describe("materialAspect", () => {
  it.each([
    ["how long is the whole roadmap", "length"],
    ["roadmap length?", "length"],
    ["how many months is this ML roadmap", "length"],
    ["who's this for tho", "audience"],
    ["Who is this machine learning roadmap intended for?", "audience"],
    ["is this roadmap ok for me", "audience"],
    ["is this roadmap ok for a total noob", "fit"],
    ["is the roadmap good for freshers", "fit"],
  ])("%j asks about the material's %s", (question, aspect) => {
    expect(materialAspect(question)).toBe(aspect);
  });

  it.each([
    // A topic of its own.
    "how long is step 5 of the roadmap",
    "how long does the roadmap take for a data analyst",
    "how long does it take to learn pandas",
    "who is the AI engineer path for",
    // Nothing about the material.
    "how long should i train my model",
    "what is this",
  ])("%j does not", (question) => {
    expect(materialAspect(question)).toBeUndefined();
  });
});
