import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { LruAnswerCache } from "../../src/cache/lru-answer-cache.ts";
import { ServerMetrics } from "../../src/server/observability.ts";
import { parseSse, startTestServer } from "./test-server.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
const cache = new LruAnswerCache();

beforeAll(async () => {
  const metrics = new ServerMetrics();
  metrics.trackCaches({ answers: cache });
  server = await startTestServer({ answerCache: cache, metrics });
});

afterAll(async () => {
  await server?.close();
});

async function chat(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The SSE frames with the answer's timings blanked: the only part a cached answer changes. */
function withoutTimings(body: string): string[] {
  return parseSse(body)
    .filter((frame) => frame.event !== ":")
    .map((frame) => {
      if (frame.event !== "answer-end") return frame.raw;
      const answer = JSON.parse(frame.data) as AnswerResult;
      return JSON.stringify({ ...answer, timings: null });
    });
}

describe("answer cache behind /api/chat", () => {
  it("streams a cached answer with the same events, counts the hit in /metrics", async () => {
    const question = "What does the roadmap say about MLflow for experiment tracking?";
    const fresh = await chat({ message: question, stream: true });
    const before = cache.statistics.hits;
    const cached = await chat({ message: question, stream: true });
    expect(cache.statistics.hits).toBe(before + 1);
    expect(withoutTimings(cached)).toEqual(withoutTimings(fresh));
    expect(parseSse(cached).map((frame) => frame.event)).toContain("text-delta");
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/study_assistant_cache_hits_total\{cache="answers"\} [1-9]/);
    expect(metrics).toMatch(/study_assistant_cache_misses_total\{cache="answers"\} [1-9]/);
  });

  it("answers JSON from the cache with the current request's id and question", async () => {
    const first = JSON.parse(
      await chat({ message: "What is DVC used for?", id: "first" }),
    ) as AnswerResult;
    const hits = cache.statistics.hits;
    // Cleaned to the same question (spacing), so the same answer, but typed differently.
    const second = JSON.parse(
      await chat({ message: "  What is DVC   used for?", id: "second" }),
    ) as AnswerResult;
    const third = JSON.parse(await chat({ message: "What is DVC used for?" })) as AnswerResult;
    expect(cache.statistics.hits).toBe(hits + 2);
    expect(second.id).toBe("second");
    expect(third.id).toBeUndefined();
    const { id: _first, timings: _t1, ...firstRest } = first;
    const { id: _second, timings: _t2, ...secondRest } = second;
    expect(secondRest).toEqual(firstRest);
  });

  it("caches refusals by the evidence gate, replayed the same", async () => {
    const question = "What are the H-1B visa requirements?";
    const fresh = await chat({ message: question, stream: true });
    const cached = await chat({ message: question, stream: true });
    expect(JSON.parse(parseSse(fresh).at(-1)?.data ?? "{}").refused).toBe(true);
    expect(withoutTimings(cached)).toEqual(withoutTimings(fresh));
  });
});
