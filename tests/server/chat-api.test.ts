import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSchema } from "../e2e/answer-schema.ts";
import { ScriptedGenerator } from "../support/scripted-generator.ts";
import { parseSse, startTestServer } from "./test-server.ts";

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string }> } };
type FollowUp = { standaloneQuestion?: string; answer: string };
type Health = {
  status: string;
  index: { chunks: number; version: string };
  embedder: string;
  generator: string;
  limits: { questionChars: number };
};

let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ url, close } = await startTestServer());
});

afterAll(async () => {
  await close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/chat", () => {
  it("answers with the DESIGN.md answer JSON and citations", async () => {
    const response = await post("/api/chat", {
      message: "Which hyperparameters matter for XGBoost?",
      id: "q1",
    });
    expect(response.status).toBe(200);
    const answer = answerSchema.parse(await response.json());
    expect(answer.id).toBe("q1");
    expect(answer.refused).toBe(false);
    expect(answer.citations[0]?.section).toBe(
      "Step 2: Learn Core Machine Learning Algorithms > Machine Learning Algorithm Comparison Table",
    );
    expect(answer.answer).toContain("learning_rate, n_estimators, max_depth");
  });

  it("refuses an off-topic question", async () => {
    const response = await post("/api/chat", { message: "What are the H-1B visa requirements?" });
    const answer = answerSchema.parse(await response.json());
    expect(answer.refused).toBe(true);
    expect(answer.citations).toEqual([]);
  });

  it("streams retrieval, text deltas and answer-end as exact SSE frames", async () => {
    const response = await post("/api/chat", {
      message: "Which hyperparameters matter for XGBoost?",
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const frames = parseSse(await response.text());
    for (const frame of frames) expect(frame.raw).toMatch(/^event: [a-z-]+\ndata: \{.*\}$/);
    const names = frames.map((frame) => frame.event);
    expect(names[0]).toBe("retrieval");
    expect(names.at(-1)).toBe("answer-end");
    expect(names.slice(1, -1).every((name) => name === "text-delta")).toBe(true);
    expect(names.length).toBeGreaterThan(2);
    const retrieval = JSON.parse(frames[0]?.data ?? "{}");
    expect(retrieval.citations.map((citation: { n: number }) => citation.n)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    const streamed = frames
      .slice(1, -1)
      .map((frame) => JSON.parse(frame.data).text)
      .join("");
    const final = answerSchema.parse(JSON.parse(frames.at(-1)?.data ?? "{}"));
    expect(streamed).toBe(final.answer);
    expect(final.answer).toContain("learning_rate, n_estimators, max_depth");
    // Every citation of the final answer was announced in the retrieval event, with the same number.
    for (const citation of final.citations) {
      expect(retrieval.citations).toContainEqual(citation);
    }
  });

  it("streams when the client asks for text/event-stream", async () => {
    const response = await post(
      "/api/chat",
      { message: "What is MLflow?" },
      { accept: "text/event-stream" },
    );
    const frames = parseSse(await response.text());
    expect(frames[0]?.event).toBe("retrieval");
    expect(frames.at(-1)?.event).toBe("answer-end");
  });

  it("streams a refusal as text and an answer-end with refused: true", async () => {
    const response = await post("/api/chat", {
      message: "How do I get an H-1B visa?",
      stream: true,
    });
    const frames = parseSse(await response.text());
    expect(frames.map((frame) => frame.event)).toEqual(["retrieval", "text-delta", "answer-end"]);
    expect(JSON.parse(frames[0]?.data ?? "{}").citations).toEqual([]);
    expect(JSON.parse(frames[2]?.data ?? "{}").refused).toBe(true);
  });

  it("rewrites a follow-up with the conversation before retrieval", async () => {
    const response = await post("/api/chat", {
      message: "what about LightGBM?",
      history: [
        { role: "user", content: "Which hyperparameters matter for XGBoost?" },
        { role: "assistant", content: "learning_rate, n_estimators, max_depth [1]" },
      ],
    });
    const answer = (await response.json()) as FollowUp;
    expect(answer.standaloneQuestion).toBe("Which hyperparameters matter for LightGBM?");
    expect(answer.answer).toContain("num_leaves, learning_rate");
  });

  it("remembers the background a learner gave earlier when they ask about their own path", async () => {
    const firstProject = async (background: string) => {
      const response = await post("/api/chat", {
        message: "ok so what should my first project be",
        history: [
          { role: "user", content: background },
          { role: "assistant", content: "Yes. [1]" },
        ],
      });
      return ((await response.json()) as FollowUp).answer;
    };
    expect(await firstProject("backend dev here, 5 yrs java. is ML worth it?")).toMatch(
      /^Software Engineer/,
    );
    expect(await firstProject("im a final year btech cse student. is ML worth it?")).toMatch(
      /^CS \/ IT Student/,
    );
  });
});

describe("bad requests", () => {
  it.each([
    ["invalid JSON", "{ nope", 400, "invalid_request", "not valid JSON"],
    ["a missing message", { history: [] }, 400, "invalid_request", "does not match"],
    ["a wrong type", { message: 42 }, 400, "invalid_request", "does not match"],
    ["an unknown field", { message: "hi", extra: true }, 400, "invalid_request", "does not match"],
    ["an empty question", { message: "   " }, 400, "invalid_question", "the question is empty"],
    [
      "a bad history role",
      { message: "hi", history: [{ role: "system", content: "x" }] },
      400,
      "invalid_request",
      "does not match",
    ],
  ])("%s → %i", async (_name, body, status, code, message) => {
    const response = await post("/api/chat", body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as ErrorBody;
    expect(json.error.code).toBe(code);
    expect(json.error.message).toContain(message);
    expect(JSON.stringify(json)).not.toMatch(/\n\s+at |node_modules/);
  });

  it("lists every schema problem", async () => {
    const response = await post("/api/chat", { message: 1, stream: "yes" });
    const json = (await response.json()) as ErrorBody;
    expect((json.error.issues ?? []).map((issue: { path: string }) => issue.path).sort()).toEqual([
      "message",
      "stream",
    ]);
  });

  it("answers a body over 32 KB with 413", async () => {
    const response = await post("/api/chat", { message: "x".repeat(40_000) });
    expect(response.status).toBe(413);
    const json = (await response.json()) as ErrorBody;
    expect(json.error.code).toBe("body_too_large");
    expect(json.error.message).toContain("the limit is 32,768 bytes");
  });

  it("answers an unknown route with 404 JSON", async () => {
    const response = await fetch(`${url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "no route GET /api/nope" },
    });
  });
});

describe("other routes", () => {
  it("reports health with the index, embedder and generator", async () => {
    const health = (await (await fetch(`${url}/api/health`)).json()) as Health;
    expect(health.status).toBe("ok");
    expect(health.index.chunks).toBeGreaterThan(100);
    expect(health.index.version).toMatch(/^v\d{8}T\d{6}Z-[0-9a-f]{8}/);
    expect(health.embedder).toBe("use:universal-sentence-encoder-en@0.2.0");
    expect(health.generator).toBe("extractive");
    // The chat page counts a message against the limit the server enforces.
    expect(health.limits.questionChars).toBe(2000);
  });

  it("returns a cited passage by id and 404 for unknown or traversal ids", async () => {
    const answer = answerSchema.parse(
      await (await post("/api/chat", { message: "What is DVC used for?" })).json(),
    );
    const chunkId = answer.citations[0]?.chunkId;
    const source = await (await fetch(`${url}/api/sources/${chunkId}`)).json();
    expect(source).toMatchObject({
      chunkId,
      source: answer.citations[0]?.source,
      section: answer.citations[0]?.section,
    });
    for (const id of ["nope", "..%2F..%2Fpackage.json", "%2e%2e%2fREADME.md"]) {
      const response = await fetch(`${url}/api/sources/${id}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe("not_found");
    }
  });
});

describe("streaming lifecycle", () => {
  it("stops generating when the client disconnects mid-stream", async () => {
    const generator = new ScriptedGenerator({
      pieces: ["a ", "b ", "c ", "d ", "e [1]"],
      delayMs: 150,
    });
    const slow = await startTestServer({ generator });
    try {
      const controller = new AbortController();
      const response = await fetch(`${slow.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "What is DVC used for?", stream: true }),
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      let text = "";
      while (!text.includes("event: text-delta")) {
        const { value, done } = (await reader?.read()) ?? { done: true, value: undefined };
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      controller.abort();
      await expect.poll(() => generator.aborted, { timeout: 2000 }).toBe(true);
      expect(generator.deltasSent).toBeLessThan(5);
    } finally {
      await slow.close();
    }
  });

  it("sends heartbeat comments during a long generation", async () => {
    const generator = new ScriptedGenerator({ pieces: ["slow ", "answer [1]"], delayMs: 250 });
    const slow = await startTestServer({ generator, heartbeatMs: 100 });
    try {
      const response = await fetch(`${slow.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "What is DVC used for?", stream: true }),
      });
      const frames = parseSse(await response.text());
      expect(frames.some((frame) => frame.raw === ": heartbeat")).toBe(true);
      expect(frames.at(-1)?.event).toBe("answer-end");
    } finally {
      await slow.close();
    }
  });
});
