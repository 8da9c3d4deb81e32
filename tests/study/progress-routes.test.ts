import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { loadConfig } from "../../src/config.ts";
import { createLearnerProgress, createProgressStore } from "../../src/create-services.ts";
import { type LoadedIndex, loadIndex } from "../../src/index/index-store.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import { stepCards } from "../../src/study/cards.ts";
import type { ProgressStore } from "../../src/study/progress/progress-store.ts";
import type { Card } from "../../src/study/study-types.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { TempDir } from "../support/temp-dir.ts";

type ErrorBody = { error: { code: string; message: string; issues?: unknown[] } };
/** The parts of the export these tests read. */
type Exported = { id: string; steps: unknown[]; reviews: unknown[]; cards: unknown[] };
type Due = { now: string; cardIds: string[]; cards: Card[] };

/** A clock the test moves, shared by every server it starts (a restart keeps the time). */
const clock = {
  current: new Date("2027-01-04T09:00:00.000Z"),
  now: () => new Date(clock.current),
  advance(minutes: number) {
    clock.current = new Date(clock.current.getTime() + minutes * 60_000);
  },
};

let temp: TempDir;
/** The real corpus's chunks (the shared index's chunks.json): the cards and steps served. */
let chunks: Chunk[];
/**
 * A one-file index with a hash embedder, for the chat route: these tests need an assistant, not
 * a model (loading the Universal Sentence Encoder would take longer than every test here).
 */
let index: LoadedIndex;
const embedder = new HashEmbedder();

/** A server as `npm start` wires it: the configured store, the real card catalog and grader. */
async function serve(environment: Record<string, string>): Promise<{
  url: string;
  close: () => Promise<void>;
  store: ProgressStore;
}> {
  const config = loadConfig(environment);
  const store = createProgressStore(config);
  const app = createApp({
    assistant: new Assistant({ index, embedder }),
    embedder,
    progress: createLearnerProgress(store, () => chunks, { now: clock.now }),
  });
  const { server, url } = await startServer(app, { host: "127.0.0.1", port: 0 });
  return { url, store, close: () => close(server, store) };
}

async function close(server: Server, store: ProgressStore): Promise<void> {
  await stopServer(server, 500);
  await store.close();
}

function call(url: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
}

async function newLearner(url: string): Promise<string> {
  const response = await call(url, "POST", "/api/learners");
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  temp = await TempDir.create("study-assistant-progress-routes-");
  const shared = inject("sharedIndexDir");
  const version = (await readFile(path.join(shared, "CURRENT"), "utf8")).trim();
  chunks = JSON.parse(await readFile(path.join(shared, version, "chunks.json"), "utf8")) as Chunk[];
  await temp.write("corpus/notes.md", "# Tools\n\nDVC versions datasets next to the code.\n");
  await temp.write("corpus/sources.json", JSON.stringify({ sources: [{ path: "notes.md" }] }));
  const options = tempIngestOptions(temp, embedder);
  await ingest(options);
  index = await loadIndex(options.indexDir, embedder);
});

afterAll(async () => {
  await temp?.remove();
});

describe("the learner routes over SQLite", () => {
  let server: Awaited<ReturnType<typeof serve>>;
  const environment = () => ({ DATA_DIR: temp.join("data") });
  let cards: Card[];

  beforeAll(async () => {
    server = await serve(environment());
    cards = (stepCards(chunks, 1) ?? []).filter((card) => card.kind !== "choice");
    expect(cards.length).toBeGreaterThanOrEqual(2);
  });

  afterAll(async () => {
    await server?.close();
  });

  it("creates an anonymous learner: 201 with an unguessable id, nothing asked, nothing cached", async () => {
    const response = await call(server.url, "POST", "/api/learners");
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(response.headers.get("location")).toBe(`/api/learners/${id}`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect((await call(server.url, "POST", "/api/learners", {})).status).toBe(201);
    const named = await call(server.url, "POST", "/api/learners", { name: "Ada" });
    expect(named.status).toBe(400);
    expect(((await named.json()) as ErrorBody).error.code).toBe("invalid_request");
  });

  it("marks steps 1–7 done or not, and refuses other steps and bodies", async () => {
    const id = await newLearner(server.url);
    const done = await call(server.url, "PUT", `/api/learners/${id}/steps/3`, { done: true });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ step: 3, done: true });
    for (const step of ["0", "8", "three"]) {
      const response = await call(server.url, "PUT", `/api/learners/${id}/steps/${step}`, {
        done: true,
      });
      expect(response.status, step).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("step_not_found");
      expect(body.error.message).toContain("the roadmap's steps are 1–7");
    }
    for (const body of [{ done: "yes" }, { done: true, note: "x" }, {}]) {
      const response = await call(server.url, "PUT", `/api/learners/${id}/steps/2`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.issues).toBeDefined();
    }
    const exported = (await (
      await call(server.url, "GET", `/api/learners/${id}`)
    ).json()) as Exported;
    expect(exported.steps).toEqual([{ step: 3, doneAt: clock.current.toISOString() }]);
  });

  it("reviews real cards: a typed answer graded by gradeAnswer (a typo still right), or a rating", async () => {
    const id = await newLearner(server.url);
    const [first, second] = cards as [Card, Card];
    // One letter swapped in a long enough answer is still right.
    const typo =
      first.answer.length >= 7
        ? `${first.answer.slice(0, 3)}${first.answer[4]}${first.answer[3]}${first.answer.slice(5)}`
        : first.answer.toLowerCase();
    const right = await call(server.url, "POST", `/api/learners/${id}/reviews`, {
      cardId: first.id,
      answer: typo,
    });
    expect(right.status).toBe(200);
    const rightBody = await right.json();
    expect(rightBody).toMatchObject({
      cardId: first.id,
      rating: "good",
      grade: { correct: true, expected: first.answer, explanation: first.from.text },
      schedule: { state: "learning", reps: 1 },
    });
    const wrong = await call(server.url, "POST", `/api/learners/${id}/reviews`, {
      cardId: second.id,
      answer: "definitely not the answer",
    });
    expect(await wrong.json()).toMatchObject({ rating: "again", grade: { correct: false } });
    const rated = await call(server.url, "POST", `/api/learners/${id}/reviews`, {
      cardId: first.id,
      rating: "easy",
    });
    expect(await rated.json()).toMatchObject({ rating: "easy", schedule: { reps: 2 } });

    // Again is due in a minute; the card comes back with its text from the catalog.
    expect(
      ((await (await call(server.url, "GET", `/api/learners/${id}/due`)).json()) as Due).cardIds,
    ).toEqual([]);
    clock.advance(2);
    const due = (await (await call(server.url, "GET", `/api/learners/${id}/due`)).json()) as Due;
    expect(due).toEqual({
      now: clock.current.toISOString(),
      cardIds: [second.id],
      cards: [second],
    });
  });

  it("refuses unknown cards (404) and malformed reviews (400)", async () => {
    const id = await newLearner(server.url);
    const unknown = await call(server.url, "POST", `/api/learners/${id}/reviews`, {
      cardId: "0000000000000000",
      rating: "good",
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe("card_not_found");
    const cardId = cards[0]?.id;
    const malformed = [
      { cardId },
      { cardId, rating: "good", answer: "DVC" },
      { cardId, rating: "perfect" },
      { cardId, answer: "" },
      { cardId, rating: "good", extra: true },
      { rating: "good" },
    ];
    for (const body of malformed) {
      const response = await call(server.url, "POST", `/api/learners/${id}/reviews`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_request");
    }
    const exported = (await (
      await call(server.url, "GET", `/api/learners/${id}`)
    ).json()) as Exported;
    expect(exported.reviews).toEqual([]);
  });

  it("answers 400 for a malformed id and 404 for an id that does not exist, on every route", async () => {
    const routes: Array<[string, string, unknown?]> = [
      ["GET", ""],
      ["PUT", "/steps/1", { done: true }],
      ["POST", "/reviews", { cardId: cards[0]?.id, rating: "good" }],
      ["GET", "/due"],
      ["DELETE", ""],
    ];
    for (const [method, suffix, body] of routes) {
      const malformed = await call(server.url, method, `/api/learners/not-an-id${suffix}`, body);
      expect(malformed.status, `${method} ${suffix}`).toBe(400);
      expect(((await malformed.json()) as ErrorBody).error.code).toBe("invalid_learner_id");
      const stranger = await call(
        server.url,
        method,
        `/api/learners/AAAAAAAAAAAAAAAAAAAAAA${suffix}`,
        body,
      );
      expect(stranger.status, `${method} ${suffix}`).toBe(404);
      expect(((await stranger.json()) as ErrorBody).error.code).toBe("learner_not_found");
    }
  });

  it("keeps progress across a restart, invisible to another id, and deletes all of it", async () => {
    const id = await newLearner(server.url);
    const other = await newLearner(server.url);
    await call(server.url, "PUT", `/api/learners/${id}/steps/5`, { done: true });
    await call(server.url, "POST", `/api/learners/${id}/reviews`, {
      cardId: cards[0]?.id,
      rating: "hard",
    });
    const before = (await (
      await call(server.url, "GET", `/api/learners/${id}`)
    ).json()) as Exported;
    expect(before.steps).toHaveLength(1);
    expect(before.reviews).toHaveLength(1);
    expect(before.cards).toHaveLength(1);

    // A new process over the same DATA_DIR.
    await server.close();
    server = await serve(environment());
    const after = await (await call(server.url, "GET", `/api/learners/${id}`)).json();
    expect(after).toEqual(before);

    const theirs = await (await call(server.url, "GET", `/api/learners/${other}`)).json();
    expect(theirs).toMatchObject({ id: other, steps: [], reviews: [], cards: [] });
    expect(JSON.stringify(theirs)).not.toContain(id);

    const deleted = await call(server.url, "DELETE", `/api/learners/${id}`);
    expect(deleted.status).toBe(204);
    expect((await call(server.url, "GET", `/api/learners/${id}`)).status).toBe(404);
    expect((await call(server.url, "GET", `/api/learners/${id}/due`)).status).toBe(404);
    expect((await call(server.url, "DELETE", `/api/learners/${id}`)).status).toBe(404);
    expect((await call(server.url, "GET", `/api/learners/${other}`)).status).toBe(200);
    // Gone from the file itself, not only hidden.
    const database = new Database(temp.join("data", "progress.sqlite"), { readonly: true });
    try {
      for (const [table, column] of [
        ["learners", "id"],
        ["steps_done", "learner_id"],
        ["reviews", "learner_id"],
        ["card_states", "learner_id"],
      ]) {
        const row = database
          .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
          .get(id) as { n: number };
        expect(row.n, table).toBe(0);
      }
    } finally {
      database.close();
    }
  });
});

describe("with the progress database unreachable", () => {
  it("answers 503 progress_unavailable on the learner routes while chat keeps answering", async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const config = loadConfig({ DATABASE_URL: "postgres://learner:secret-pw@127.0.0.1:9/study" });
    const store = createProgressStore(config);
    const app = createApp({
      assistant: new Assistant({ index, embedder }),
      embedder,
      progress: createLearnerProgress(store, () => chunks),
    });
    const { server, url } = await startServer(app, { host: "127.0.0.1", port: 0 });
    try {
      const created = await call(url, "POST", "/api/learners");
      expect(created.status).toBe(503);
      const body = (await created.json()) as ErrorBody;
      expect(body.error.code).toBe("progress_unavailable");
      expect(body.error.message).not.toMatch(/secret-pw|127\.0\.0\.1/);
      const due = await call(url, "GET", "/api/learners/AAAAAAAAAAAAAAAAAAAAAA/due");
      expect(due.status).toBe(503);
      const chat = await call(url, "POST", "/api/chat", { message: "What does DVC version?" });
      expect(chat.status).toBe(200);
      // Answered (here a refusal: a one-line corpus and a hash embedder), not failed.
      const answer = (await chat.json()) as { answer: string; refused: boolean };
      expect(typeof answer.refused).toBe("boolean");
      expect(answer.answer.length).toBeGreaterThan(0);
    } finally {
      await close(server, store);
    }
  });
});
