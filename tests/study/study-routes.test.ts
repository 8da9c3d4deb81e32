import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { type LoadedIndex, loadIndex } from "../../src/index/index-store.ts";
import { createApp } from "../../src/server/app.ts";
import type { AssistantSource } from "../../src/server/live-assistant.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import type { Card, Step } from "../../src/study/study-types.ts";
import { chunksOfEditedRoadmap } from "./study-fixtures.ts";

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string }> } };

const embedder = new UseEmbedder();
let server: Server;
let url: string;
let index: LoadedIndex;
/** What the server serves; a test swaps it as a hot reload would. */
const source: { current: Assistant } & AssistantSource = { current: undefined as never };

beforeAll(async () => {
  index = await loadIndex(inject("sharedIndexDir"), embedder);
  source.current = new Assistant({ index, embedder });
  const app = createApp({ assistant: source, embedder });
  ({ server, url } = await startServer(app, { host: "127.0.0.1", port: 0 }));
});

afterAll(async () => {
  await stopServer(server, 1000);
});

const get = (path: string) => fetch(`${url}${path}`);
const answer = (id: string, body: unknown) =>
  fetch(`${url}/api/study/cards/${id}/answer`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

async function cardsOf(n: number): Promise<Card[]> {
  const response = await get(`/api/study/steps/${n}/cards`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { cards: Card[] }).cards;
}

describe("study routes", () => {
  it("lists the seven steps with their months", async () => {
    const response = await get("/api/study/steps");
    expect(response.status).toBe(200);
    const { steps } = (await response.json()) as { steps: Step[] };
    expect(steps.map((step) => `${step.n} ${step.months.value}`)).toEqual([
      "1 Month 1–2",
      "2 Month 3–4",
      "3 Month 5",
      "4 Month 6–8",
      "5 Month 9",
      "6 Month 10–11",
      "7 Month 12+",
    ]);
  });

  it("serves a guide whose citations are passages of that step", async () => {
    const response = await get("/api/study/steps/3/guide");
    expect(response.status).toBe(200);
    const guide = (await response.json()) as {
      step: { n: number };
      markdown: string;
      generator: string;
      citations: Array<{ n: number; chunkId: string; section: string; text: string }>;
    };
    expect(guide.step.n).toBe(3);
    expect(guide.generator).toBe("extractive");
    expect(guide.markdown).toContain("## Key ideas");
    expect(guide.citations.map((citation) => citation.n)).toEqual(
      guide.citations.map((_citation, position) => position + 1),
    );
    expect(guide.citations.some((citation) => citation.section.startsWith("Step 3:"))).toBe(true);
    for (const citation of guide.citations) {
      expect(index.chunkById.get(citation.chunkId)?.text).toBe(citation.text);
    }
  });

  it("serves at least ten cards per step and grades an answer with a typo", async () => {
    const cards = await cardsOf(5);
    expect(cards.length).toBeGreaterThanOrEqual(10);
    const dvc = cards.find(
      (card) => card.prompt === "Which tool tracks datasets and model files alongside Git?",
    ) as Card;
    const right = await answer(dvc.id, { answer: "dvc" });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({
      cardId: dvc.id,
      correct: true,
      expected: "DVC",
      explanation: dvc.from.text,
    });
    const typo = cards.find((card) => card.answer === "GitHub Actions" && card.kind === "table");
    expect(await (await answer(typo?.id ?? "", { answer: "github actoins" })).json()).toMatchObject(
      {
        correct: true,
      },
    );
    const wrong = await answer(dvc.id, { answer: "MLflow" });
    expect(await wrong.json()).toMatchObject({ correct: false, expected: "DVC" });
  });

  it("answers 404 naming the valid steps, 400 for a malformed step", async () => {
    for (const path of ["/api/study/steps/9/guide", "/api/study/steps/0/cards"]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("step_not_found");
      expect(body.error.message).toContain("1–7");
    }
    const malformed = await get("/api/study/steps/two/cards");
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "invalid_step" });
    expect(body.error.message).toContain("whole number from 1 to 7");
  });

  it("answers 404 for an unknown card and 400 listing a bad body's issues", async () => {
    const unknown = await answer("0000000000000000", { answer: "DVC" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe("card_not_found");
    const [card] = await cardsOf(1);
    for (const body of [{}, { answer: "" }, { answer: "x".repeat(501) }, { answer: "a", x: 1 }]) {
      const response = await answer(card?.id ?? "", body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const error = (await response.json()) as ErrorBody;
      expect(error.error.code).toBe("invalid_request");
      expect(error.error.issues?.length).toBeGreaterThan(0);
    }
    const notJson = await answer(card?.id ?? "", "{answer:");
    expect(notJson.status).toBe(400);
  });

  it("serves the steps and cards of the index that is current now (hot reload)", async () => {
    const before = source.current;
    const chunks = await chunksOfEditedRoadmap((text) =>
      text.replace("| Step 5 | Month 9 |", "| Step 5 | Month 9–10 |"),
    );
    source.current = new Assistant({ index: { ...index, chunks }, embedder });
    try {
      const { steps } = (await (await get("/api/study/steps")).json()) as { steps: Step[] };
      expect(steps.find((step) => step.n === 5)?.months.value).toBe("Month 9–10");
    } finally {
      source.current = before;
    }
    const { steps } = (await (await get("/api/study/steps")).json()) as { steps: Step[] };
    expect(steps.find((step) => step.n === 5)?.months.value).toBe("Month 9");
  });
});
