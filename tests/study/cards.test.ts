import { describe, expect, it } from "vitest";
import { findCard, stepCards } from "../../src/study/cards.ts";
import { extractSteps } from "../../src/study/extract-steps.ts";
import type { Card } from "../../src/study/study-types.ts";
import { chunksOfEditedRoadmap, committedChunks } from "./study-fixtures.ts";

const chunks = committedChunks();
const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
const steps = extractSteps(chunks);

function cardsOf(n: number): Card[] {
  const cards = stepCards(chunks, n);
  if (cards === undefined) throw new Error(`no step ${n}`);
  return cards;
}

describe("stepCards over the committed index", () => {
  it("has at least ten cards for each of the seven steps", () => {
    expect(steps.map((step) => step.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const step of steps) expect(cardsOf(step.n).length).toBeGreaterThanOrEqual(10);
  });

  it("cites a real passage for every card, whose text holds the answer word for word", () => {
    for (const step of steps) {
      for (const card of cardsOf(step.n)) {
        const chunk = byId.get(card.from.chunkId);
        expect(chunk, card.prompt).toBeDefined();
        expect(card.from.text).toBe(chunk?.text);
        expect(card.from.section).toBe(chunk?.section);
        expect(chunk?.text.includes(card.answer), `${card.prompt} → ${card.answer}`).toBe(true);
        expect(card.step).toBe(step.n);
      }
    }
  });

  it("never repeats a prompt within a step, and ids are unique", () => {
    const ids = new Set<string>();
    for (const step of steps) {
      const prompts = cardsOf(step.n).map((card) => card.prompt.toLowerCase());
      expect(new Set(prompts).size).toBe(prompts.length);
      for (const card of cardsOf(step.n)) {
        expect(ids.has(card.id)).toBe(false);
        ids.add(card.id);
      }
    }
  });

  it("phrases table rows from the column headers and blanks defined terms", () => {
    const step5 = cardsOf(5);
    expect(step5).toContainEqual(
      expect.objectContaining({
        kind: "table",
        prompt: "Which tool tracks datasets and model files alongside Git?",
        answer: "DVC",
      }),
    );
    expect(cardsOf(3)).toContainEqual(
      expect.objectContaining({
        kind: "cloze",
        prompt: "____ means transforming raw data into useful model inputs.",
        answer: "Feature engineering",
      }),
    );
    for (const step of steps) {
      for (const card of cardsOf(step.n)) {
        if (card.kind === "cloze") {
          expect(card.prompt).toContain("____");
          expect(card.from.text).toContain(card.prompt.replace("____", card.answer));
        }
      }
    }
  });

  it("gives choice cards the answer and three distractors from the same column", () => {
    const choice = cardsOf(5).find((card) => card.prompt === "What is DVC used for?");
    expect(choice?.kind).toBe("choice");
    expect(choice?.choices).toHaveLength(4);
    expect(choice?.choices).toContain("Data and model version control");
    const column = ["Experiment tracking and model registry", "CI/CD automation"];
    column.push("Containerization", "Monitoring", "Data and model version control");
    for (const option of choice?.choices ?? []) expect(column).toContain(option);
    for (const step of steps) {
      for (const card of cardsOf(step.n).filter((candidate) => candidate.kind === "choice")) {
        expect(new Set(card.choices).size).toBe(4);
        expect(card.choices).toContain(card.answer);
      }
    }
  });

  it("keeps ids stable across runs and finds every card by id", () => {
    const again = stepCards([...chunks], 4);
    expect(again?.map((card) => card.id)).toEqual(cardsOf(4).map((card) => card.id));
    const card = cardsOf(6)[3] as Card;
    expect(findCard(chunks, card.id)).toEqual(card);
    expect(findCard(chunks, "0000000000000000")).toBeUndefined();
    expect(stepCards(chunks, 8)).toBeUndefined();
  });

  it("follows the corpus: a changed tool row changes its cards", async () => {
    const edited = await chunksOfEditedRoadmap((text) =>
      text.replace("| DVC | Data and model version control |", "| LakeFS | Data lake versioning |"),
    );
    const cards = stepCards(edited, 5) ?? [];
    expect(
      cards.find((card) => card.prompt === "Which tool is used for data lake versioning?"),
    ).toMatchObject({ answer: "LakeFS" });
    // The row's other cells now describe LakeFS, so the question they ask has the new answer.
    expect(
      cards.find(
        (card) => card.prompt === "Which tool tracks datasets and model files alongside Git?",
      ),
    ).toMatchObject({ answer: "LakeFS" });
    expect(cards.some((card) => card.prompt.includes("data and model version control"))).toBe(
      false,
    );
  });
});
