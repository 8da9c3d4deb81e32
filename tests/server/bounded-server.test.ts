import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerMetrics } from "../../src/server/observability.ts";
import { ScriptedGenerator } from "../support/scripted-generator.ts";
import { promisePool, rawRequest } from "./helpers/raw-http.ts";
import { startTestServer } from "./test-server.ts";

const JSON_TYPE = { "content-type": "application/json" };
const QUESTION = "What is DVC used for?";

/** The distinct `route` labels of the request counter in a `/metrics` text. */
function routeLabels(metricsText: string): Set<string> {
  const labels = new Set<string>();
  for (const match of metricsText.matchAll(
    /^study_assistant_http_requests_total\{[^}]*route="([^"]*)"/gm,
  )) {
    labels.add(match[1] ?? "");
  }
  return labels;
}

describe("unknown paths: bounded metric labels, rate limit and body limit", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    server = await startTestServer({ metrics: new ServerMetrics() });
  });
  afterAll(() => server.close());

  /** One request to a random unknown path, in one of the shapes an attacker would vary. */
  const randomRequest = (position: number) => {
    const token = `${position}-${Math.random().toString(36).slice(2, 10)}`;
    const shapes = [
      { method: "POST", path: `/api/${token}`, body: JSON.stringify({ message: QUESTION }) },
      { method: "POST", path: `/api/${token}`, body: "{not json" },
      { method: "GET", path: `/api/${token}/x` },
      { method: "POST", path: `/v1/${token}`, body: "{}" },
      { method: "GET", path: `/${token}.js` },
      { method: "DELETE", path: `/admin/${token}` },
    ] as const;
    const shape = shapes[position % shapes.length] as (typeof shapes)[number];
    return fetch(`${server.url}${shape.path}`, {
      method: shape.method,
      headers: JSON_TYPE,
      ...("body" in shape ? { body: shape.body } : {}),
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });
  };

  // Before the fix each request added a series: 1,000 requests are enough to show none is added
  // (the issue's 20,000 take minutes on a loaded machine), and the size no longer depends on it.
  it("1,000 requests to random unknown paths add no route label and keep /metrics small", async () => {
    // Warm-up: every shape once, and /metrics itself, so the labels they add exist already.
    await promisePool([0, 1, 2, 3, 4, 5], 6, (_item, position) => randomRequest(position));
    await (await fetch(`${server.url}/metrics`)).text();
    const before = await (await fetch(`${server.url}/metrics`)).text();
    const statuses = await promisePool(
      Array.from({ length: 1000 }, (_item, position) => position),
      16,
      (position) => randomRequest(position),
    );
    expect(statuses.every((status) => status >= 400 && status < 500)).toBe(true);
    const after = await (await fetch(`${server.url}/metrics`)).text();
    expect([...routeLabels(after)].sort()).toEqual([...routeLabels(before)].sort());
    for (const label of routeLabels(after)) expect(label).not.toMatch(/\d+-[a-z0-9]{4,}/);
    expect(Buffer.byteLength(after)).toBeLessThan(200 * 1024);
  });

  it("labels failures on known routes with the route, everything else as one shared label", async () => {
    await fetch(`${server.url}/api/chat`, { method: "POST", headers: JSON_TYPE, body: "{broken" });
    await fetch(`${server.url}/api/no-such-route`, {
      method: "POST",
      headers: JSON_TYPE,
      body: "{",
    });
    const labels = routeLabels(await (await fetch(`${server.url}/metrics`)).text());
    expect(labels).toContain("/api/chat");
    expect(labels).toContain("(unmatched)");
    expect(labels).not.toContain("/api/no-such-route");
  });

  it("applies the body limit to unknown paths", async () => {
    const response = await rawRequest(server.url, {
      method: "POST",
      path: "/api/unknown-path",
      headers: JSON_TYPE,
      body: JSON.stringify({ message: "x".repeat(64 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: "body_too_large" } });
  });
});

describe("rate limit on every path", () => {
  it("limits requests to unknown paths too, with 429 and Retry-After", async () => {
    const server = await startTestServer({ rateLimitPerMinute: 2 });
    try {
      const statuses: number[] = [];
      let limited: Response | undefined;
      // Every other path gets a larger allowance than the answering routes, but not an endless one.
      for (let attempt = 0; attempt < 40; attempt++) {
        const response = await fetch(`${server.url}/api/unknown-${attempt}`, { method: "POST" });
        statuses.push(response.status);
        if (response.status === 429 && limited === undefined) limited = response;
        else await response.arrayBuffer();
      }
      expect(statuses).toContain(404);
      expect(limited, `statuses: ${statuses.join(",")}`).toBeDefined();
      expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited?.json()).toMatchObject({ error: { code: "rate_limited" } });
    } finally {
      await server.close();
    }
  });
});

describe("back-pressure on the answering routes", () => {
  // Each accepted answer takes about 300 ms of timers (not CPU), so the test does not depend on
  // how fast this machine is: 2 run at a time, 4 wait, the rest are turned away at once.
  const generator = () =>
    new ScriptedGenerator({ pieces: ["Scripted ", "answer. [1]"], delayMs: 150 });

  it("50 concurrent requests: each gets an answer or a 503 with Retry-After within 5 s", async () => {
    const server = await startTestServer({
      generator: generator(),
      answerLimit: { maxConcurrent: 2, maxQueued: 4, maxWaitMs: 2000 },
    });
    try {
      // Not timed: the first answer of a fresh server warms its caches.
      const warm = await fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ message: QUESTION }),
      });
      expect(warm.status).toBe(200);
      await warm.arrayBuffer();
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: 50 }, async (_item, position) => {
          const path = position % 2 === 0 ? "/api/chat" : "/v1/chat/completions";
          const body =
            path === "/api/chat"
              ? { message: QUESTION }
              : { messages: [{ role: "user", content: QUESTION }] };
          const response = await rawRequest(server.url, {
            method: "POST",
            path,
            headers: JSON_TYPE,
            body: JSON.stringify(body),
            timeoutMs: 10_000,
          });
          return { path, response, elapsed: Date.now() - started };
        }),
      );
      // The issue's own bound; generous for answers that take about 300 ms each.
      for (const { elapsed } of results) expect(elapsed).toBeLessThan(5000);
      const statuses = results.map(({ response }) => response.status);
      expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
      const answered = statuses.filter((status) => status === 200).length;
      // 2 run and 4 wait when the burst arrives; the rest are turned away. How many of the
      // waiting ones get a slot within 2 s depends on this machine's load, so only the two that
      // started are certain.
      expect(answered).toBeGreaterThanOrEqual(2);
      expect(answered).toBeLessThan(50);
      for (const { path, response } of results.filter(({ response }) => response.status === 503)) {
        expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
        const body = JSON.parse(response.text) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("server_busy");
        expect(body.error.message).toMatch(/at most 2 answers at a time and 4 waiting/);
        if (path.startsWith("/v1/")) expect(body.error).toHaveProperty("type", "server_error");
      }
      // Nothing stays reserved: once the burst is over a new request is answered at once.
      const after = await fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: JSON_TYPE,
        body: JSON.stringify({ message: QUESTION }),
      });
      expect(after.status).toBe(200);
      await after.arrayBuffer();
    } finally {
      await server.close();
    }
  });

  it("turns a request away when it waited longer than maxWaitMs", async () => {
    const server = await startTestServer({
      generator: new ScriptedGenerator({ pieces: ["Slow answer. [1]"], delayMs: 1500 }),
      answerLimit: { maxConcurrent: 1, maxQueued: 4, maxWaitMs: 200 },
    });
    try {
      const post = () =>
        rawRequest(server.url, {
          method: "POST",
          path: "/api/chat",
          headers: JSON_TYPE,
          body: JSON.stringify({ message: QUESTION }),
        });
      const first = post();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await post();
      expect(second.status).toBe(503);
      expect(JSON.parse(second.text)).toMatchObject({ error: { code: "server_busy" } });
      expect((await first).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("answer size", () => {
  it("caps the answer text and every quoted passage at maxAnswerCharacters", async () => {
    const long = `${"Docker packages the model and its dependencies. ".repeat(900)}[1]`;
    const server = await startTestServer({
      generator: new ScriptedGenerator({ pieces: [long] }),
      maxAnswerCharacters: 300,
    });
    try {
      for (const stream of [false, true]) {
        const response = await rawRequest(server.url, {
          method: "POST",
          path: "/api/chat",
          headers: JSON_TYPE,
          body: JSON.stringify({ message: QUESTION, stream }),
        });
        expect(response.status).toBe(200);
        const answerJson = stream
          ? (/event: answer-end\ndata: (.*)\n/.exec(response.text)?.[1] ?? "{}")
          : response.text;
        const answer = JSON.parse(answerJson) as {
          answer: string;
          citations: Array<{ text: string }>;
          retrieved: Array<{ text: string }>;
        };
        expect(answer.answer.length).toBeLessThanOrEqual(300);
        expect(answer.answer.length).toBeGreaterThan(100);
        for (const passage of [...answer.citations, ...answer.retrieved]) {
          expect(passage.text.length).toBeLessThanOrEqual(300);
        }
        // Streamed deltas stop at the cap too.
        expect(response.body.length).toBeLessThan(20 * 1024);
      }
    } finally {
      await server.close();
    }
  });

  it("by default a 44 KB answer comes back as a response of a few KB, not 120 KB", async () => {
    const long = `${"Docker packages the model and its dependencies. ".repeat(900)}[1]`;
    const server = await startTestServer({ generator: new ScriptedGenerator({ pieces: [long] }) });
    try {
      const response = await rawRequest(server.url, {
        method: "POST",
        path: "/api/chat",
        headers: JSON_TYPE,
        body: JSON.stringify({ message: QUESTION }),
      });
      expect(response.status).toBe(200);
      expect(response.body.length).toBeLessThan(32 * 1024);
    } finally {
      await server.close();
    }
  });
});
