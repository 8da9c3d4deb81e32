import { PassThrough, Readable } from "node:stream";
import { describe, expect, inject, it } from "vitest";
import { runQuiz } from "../../src/cli/study-command.ts";
import { stepCards } from "../../src/study/cards.ts";
import type { Card, Step } from "../../src/study/study-types.ts";
import { runCliInProcess } from "../support/run-cli-in-process.ts";
import { committedChunks } from "./study-fixtures.ts";

const study = (...args: string[]) =>
  runCliInProcess(["--index", inject("sharedIndexDir"), "study", ...args], {
    env: { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined },
  });

describe("study CLI", () => {
  it("lists the steps, as text and as JSON", async () => {
    const text = await study("steps");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Step 4 (Month 6–8): Learn Advanced ML, Deep Learning");
    const json = await study("steps", "--json");
    const { steps } = JSON.parse(json.stdout) as { steps: Step[] };
    expect(steps.map((step) => step.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("prints a step's guide as Markdown with its sources", async () => {
    const result = await study("guide", "5");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Step 5: Learn Model Deployment and MLOps/);
    expect(result.stdout).toContain("## Milestone");
    expect(result.stdout).toMatch(/\nSources:\n\[1\] 12-Month Machine Learning Roadmap/);
  });

  it("refuses a malformed or unknown step with exit 2 and the valid range", async () => {
    const malformed = await study("guide", "five");
    expect(malformed).toMatchObject({ code: 2, stdout: "" });
    expect(malformed.stderr).toBe('error: step must be a whole number from 1 to 7; got "five"\n');
    const unknown = await study("quiz", "8");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("the roadmap's steps are 1–7");
    const limit = await study("quiz", "2", "--limit", "lots");
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--limit must be a whole number");
  });

  it("prints the cards of a quiz with --json", async () => {
    const result = await study("quiz", "3", "--json");
    const { step, cards } = JSON.parse(result.stdout) as { step: number; cards: Card[] };
    expect(step).toBe(3);
    expect(cards.length).toBeGreaterThanOrEqual(10);
    expect(cards.map((card) => card.id)).toEqual(
      (stepCards(committedChunks(), 3) ?? []).map((card) => card.id),
    );
  });

  it("runs an interactive quiz: asks, grades, shows the passage and the score", async () => {
    const all = stepCards(committedChunks(), 5) ?? [];
    const cards = [
      "Which tool tracks parameters, metrics, artifacts, and versions?",
      "What is DVC used for?",
    ].map((prompt) => all.find((card) => card.prompt === prompt) as Card);
    const choices = cards[1]?.choices ?? [];
    const wrongLetter = String.fromCharCode(
      65 + ((choices.indexOf("Data and model version control") + 1) % choices.length),
    );
    const output = new PassThrough();
    let printed = "";
    output.on("data", (data: Buffer) => {
      printed += data.toString("utf8");
    });
    const score = await runQuiz(cards, {
      input: Readable.from([`mlfow\n${wrongLetter}\n`]),
      output,
    });
    expect(score).toEqual({ asked: 2, correct: 1 });
    expect(printed).toContain(
      "1/2  Which tool tracks parameters, metrics, artifacts, and versions?",
    );
    expect(printed).toContain("Right: matches after correcting one letter. Answer: MLflow");
    expect(printed).toContain(`Not quite: option ${wrongLetter} is`);
    expect(printed).toContain('"Tool: DVC; Purpose: Data and model version control;');
    expect(printed).toContain("Score: 1 of 2 right.");
  });

  it("stops with the score so far when the input ends", async () => {
    const cards = (stepCards(committedChunks(), 1) ?? []).slice(0, 3);
    const output = new PassThrough();
    let printed = "";
    output.on("data", (data: Buffer) => {
      printed += data.toString("utf8");
    });
    const score = await runQuiz(cards, { input: Readable.from([]), output });
    expect(score).toEqual({ asked: 0, correct: 0 });
    expect(printed).toContain("(no more input)");
  });
});
