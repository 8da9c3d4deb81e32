import type { Server } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmGenerator } from "../../src/answer/llm-generator.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import type { LiveAssistant } from "../../src/server/live-assistant.ts";
import { stopServer } from "../../src/server/start-server.ts";
import { answerSchema } from "../e2e/answer-schema.ts";
import {
  type FakeBehaviour,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from "../support/fake-openai-server.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { serveLive } from "../support/live-server.ts";
import { TempDir } from "../support/temp-dir.ts";
import { exposeGc, type LoadResult, memoryAfterGc, runLoad } from "./helpers/load.ts";
import {
  openConnections,
  openRequest,
  promisePool,
  rawRequest,
  waitUntil,
} from "./helpers/raw-http.ts";
import { checkResponse, type RouteKind } from "./helpers/response-checks.ts";
import { parseSse, startTestServer } from "./test-server.ts";

/** Every unhandled rejection and uncaught exception while this file runs; none is allowed. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUnhandled);
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUnhandled);
});

const JSON_TYPE = { "content-type": "application/json" };
const QUESTION = "What is DVC used for?";

/** Waits until the server holds no connection at all: nothing hung, nothing leaked. */
async function expectNoOpenConnections(server: Server): Promise<void> {
  await expect.poll(() => openConnections(server), { timeout: 5000, interval: 50 }).toBe(0);
}

describe("bounded load on /api/chat (rate limit off)", () => {
  const questions = [
    "What is DVC used for?",
    "Which hyperparameters matter for XGBoost?",
    "How long does a complete beginner need to become interview-ready?",
    "What is MLflow for?",
    "What are the H-1B visa requirements?",
    "What does Docker do for ML deployment?",
    "How do I transition from data analyst to ML engineer?",
    "Which tools does the roadmap recommend for experiment tracking?",
    "What should I learn in month 3?",
    "What is the difference between precision and recall?",
  ];
  /** Requests per run and connections (concurrency) of the load. */
  const AMOUNT = 60;
  const CONNECTIONS = 20;
  /**
   * Allowed growth of the heap (and of ArrayBuffer memory, where TensorFlow.js keeps tensors)
   * between two identical runs, measured after full collections. Run 1 warms every cache (JIT,
   * TF.js kernels, metrics labels), so run 2 should retain nothing new: we measured well under
   * 1 MB. 40 KB per request (2.4 MB over 60) is less than one retained request/response pair
   * with its socket, or one leaked set of query tensors (a 512-float embedding plus its
   * intermediate activations), so a per-request leak fails while GC noise does not. Without a
   * forced GC the heap holds garbage of unknown size, so the bound is the looser 50 MB.
   */
  const gc = exposeGc();
  const GROWTH_BOUND_MB = gc === undefined ? 50 : (AMOUNT * 40) / 1000;

  let url: string;
  let server: Server;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ url, server, close } = await startTestServer({ rateLimitPerMinute: 0 }));
  });

  afterAll(async () => {
    await close();
  });

  it(`answers ${AMOUNT} requests at ${CONNECTIONS} concurrent, twice, without errors or memory growth`, async () => {
    let invalid = 0;
    let answered = 0;
    const run = (): Promise<LoadResult> =>
      runLoad({
        url,
        amount: AMOUNT,
        connections: CONNECTIONS,
        timeout: 30,
        requests: questions.map((message) => ({
          method: "POST" as const,
          path: "/api/chat",
          headers: JSON_TYPE,
          body: JSON.stringify({ message }),
          onResponse: (status: number, body: string) => {
            // Every response is a whole, valid answer JSON, not just a 200.
            if (status !== 200 || !answerSchema.safeParse(JSON.parse(body)).success) invalid++;
            else answered++;
          },
        })),
      });

    const first = await run();
    const afterFirst = memoryAfterGc(gc);
    const second = await run();
    const afterSecond = memoryAfterGc(gc);

    for (const result of [first, second]) {
      expect(result["2xx"]).toBe(AMOUNT);
      expect(result.non2xx).toBe(0);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
    }
    expect(invalid).toBe(0);
    expect(answered).toBe(2 * AMOUNT);
    const heapGrowth = afterSecond.heapUsedMb - afterFirst.heapUsedMb;
    const bufferGrowth = afterSecond.arrayBuffersMb - afterFirst.arrayBuffersMb;
    console.info(
      `load: ${AMOUNT} requests x 2 runs, ${CONNECTIONS} connections; ` +
        `run 1 ${first.duration.toFixed(1)} s (p50 ${first.latency.p50} ms, p99 ${first.latency.p99} ms), ` +
        `run 2 ${second.duration.toFixed(1)} s (p50 ${second.latency.p50} ms, p99 ${second.latency.p99} ms); ` +
        `heap ${afterFirst.heapUsedMb} → ${afterSecond.heapUsedMb} MB (${heapGrowth.toFixed(1)}), ` +
        `array buffers ${afterFirst.arrayBuffersMb} → ${afterSecond.arrayBuffersMb} MB, ` +
        `rss ${afterFirst.rssMb} → ${afterSecond.rssMb} MB; forced GC: ${gc !== undefined}; bound ${GROWTH_BOUND_MB} MB`,
    );
    expect(heapGrowth).toBeLessThan(GROWTH_BOUND_MB);
    expect(bufferGrowth).toBeLessThan(GROWTH_BOUND_MB);
    await expectNoOpenConnections(server);
    expect((await rawRequest(url, { path: "/api/health" })).status).toBe(200);
  });
});

/** One request of each answering route and mode. */
const variants: Array<{ path: string; body: unknown; route: RouteKind }> = [
  { path: "/api/chat", body: { message: QUESTION }, route: "chat-json" },
  { path: "/api/chat", body: { message: QUESTION, stream: true }, route: "chat-sse" },
  {
    path: "/v1/chat/completions",
    body: { messages: [{ role: "user", content: QUESTION }] },
    route: "openai-json",
  },
  {
    path: "/v1/chat/completions",
    body: { messages: [{ role: "user", content: QUESTION }], stream: true },
    route: "openai-sse",
  },
];

/** The notices the answer carries, read from whichever format the route speaks. */
function noticesOf(route: RouteKind, text: string): string[] {
  switch (route) {
    case "chat-json":
    case "openai-json":
      return (JSON.parse(text) as { notices?: string[] }).notices ?? [];
    case "chat-sse":
      return parseSse(text)
        .filter((frame) => frame.event === "notice")
        .map((frame) => (JSON.parse(frame.data) as { message: string }).message);
    case "openai-sse": {
      // Notices travel inside the text as "\n\n(…)\n\n" for clients that only show text.
      const content = parseSse(text)
        .filter((frame) => frame.data.startsWith("{"))
        .map((frame) => {
          const chunk = JSON.parse(frame.data) as {
            choices: Array<{ delta: { content?: string } }>;
          };
          return chunk.choices[0]?.delta.content ?? "";
        })
        .join("");
      return [...content.matchAll(/\n\n\((The language model[\s\S]*?)\)\n\n/g)].map(
        (match) => match[1] ?? "",
      );
    }
    default:
      return [];
  }
}

/** The generator that wrote the final answer, where the format says. */
function generatorOf(route: RouteKind, text: string): string | undefined {
  if (route === "chat-json") return (JSON.parse(text) as { generator: string }).generator;
  if (route === "chat-sse") {
    return (JSON.parse(parseSse(text).at(-1)?.data ?? "{}") as { generator?: string }).generator;
  }
  return undefined;
}

describe("a failing upstream LLM: fallback answers, no hung sockets", () => {
  let upstream: FakeOpenAIServer;
  let url: string;
  let server: Server;
  let close: () => Promise<void>;

  beforeAll(async () => {
    upstream = await startFakeOpenAIServer();
    ({ url, server, close } = await startTestServer({
      generator: ({ extractive }) =>
        new LlmGenerator({
          model: "fake-chat",
          baseURL: upstream.url,
          timeoutMs: 700,
          fallback: extractive,
        }),
    }));
  });

  afterAll(async () => {
    await close();
    await upstream.close();
  });

  beforeEach(() => upstream.reset());

  const faults: Array<[string, FakeBehaviour, RegExp]> = [
    ["times out", { delayMs: 20_000 }, /did not answer in time \(0\.7 s\)/],
    ["answers 503", { status: 503 }, /could not answer|did not answer in time/],
    ["stalls mid-stream", { stallAfterChunks: 2 }, /did not answer in time \(0\.7 s\)/],
    ["sends malformed SSE", "garbage", /could not answer/],
  ];

  it.each(faults)(
    "upstream %s → 8 concurrent requests all get a 200 fallback answer with a notice",
    async (_name, behaviour, notice) => {
      upstream.behaviour = behaviour;
      const requests = [...variants, ...variants];
      const responses = await Promise.all(
        requests.map((variant) =>
          rawRequest(url, {
            method: "POST",
            path: variant.path,
            headers: JSON_TYPE,
            body: JSON.stringify(variant.body),
            // Each answer is bounded by the 0.7 s budget; a request still open after 15 s hangs.
            timeoutMs: 15_000,
          }),
        ),
      );
      responses.forEach((response, position) => {
        const { route } = requests[position] as (typeof requests)[number];
        expect(checkResponse(route, response, `${route} ${_name}`)).toEqual({
          kind: "answer",
          refused: false,
        });
        const notices = noticesOf(route, response.text);
        expect(notices.length, `${route}: ${response.text.slice(0, 300)}`).toBeGreaterThan(0);
        expect(notices[0]).toMatch(notice);
        const generator = generatorOf(route, response.text);
        if (generator !== undefined) expect(generator).toBe("extractive");
      });
      const calls = upstream.requests.filter((request) => request.path === "/v1/chat/completions");
      expect(calls.length).toBeGreaterThanOrEqual(requests.length);
      if (typeof behaviour === "object" && !("status" in behaviour)) {
        // The deadline released every upstream call it gave up on.
        await waitUntil(
          () => calls.every((call) => call.aborted),
          "upstream calls to be released",
          5000,
        );
      }
      await expectNoOpenConnections(server);
    },
  );

  it("still answers from the model once the upstream recovers", async () => {
    const response = await rawRequest(url, {
      method: "POST",
      path: "/api/chat",
      headers: JSON_TYPE,
      body: JSON.stringify({ message: QUESTION }),
    });
    const answer = JSON.parse(response.text) as { generator: string; notices?: string[] };
    expect(answer.generator).toBe("openai:fake-chat");
    expect(answer.notices).toBeUndefined();
    await expectNoOpenConnections(server);
  });
});

describe("clients that disconnect release their upstream call", () => {
  let upstream: FakeOpenAIServer;
  let url: string;
  let server: Server;
  let close: () => Promise<void>;

  beforeAll(async () => {
    upstream = await startFakeOpenAIServer();
    // A budget far longer than the test: only the client's disconnect can end the upstream call.
    ({ url, server, close } = await startTestServer({
      generator: ({ extractive }) =>
        new LlmGenerator({
          model: "fake-chat",
          baseURL: upstream.url,
          timeoutMs: 60_000,
          fallback: extractive,
        }),
    }));
  });

  afterAll(async () => {
    await close();
    await upstream.close();
  });

  beforeEach(() => {
    upstream.reset();
    upstream.behaviour = { stallAfterChunks: 2 };
  });

  it.each([
    ["/api/chat streaming", variants[1], /event: text-delta/],
    ["/v1/chat/completions streaming", variants[3], /"content":"[^"]/],
    ["/api/chat JSON", variants[0], undefined],
    ["/v1/chat/completions JSON", variants[2], undefined],
  ] as const)(
    "%s: leaving mid-answer aborts the stalled upstream call",
    async (_name, variant, firstText) => {
      const request = openRequest(url, { path: variant?.path ?? "", body: variant?.body });
      // Mid-answer: the model has started (and, when streaming, text has reached the client).
      await waitUntil(() => upstream.requests.length === 1, "the upstream call", 5000);
      if (firstText !== undefined) {
        await waitUntil(() => firstText.test(request.received()), "the first streamed text", 5000);
      }
      const upstreamCall = upstream.requests[0];
      expect(upstreamCall?.aborted).toBe(false);
      request.disconnect();
      await request.closed;
      await waitUntil(
        () => upstreamCall?.aborted === true,
        "the upstream call to be aborted",
        5000,
      );
      await expectNoOpenConnections(server);
    },
  );
});

describe("concurrent requests during hot index reloads", () => {
  let temp: TempDir;
  let server: Server | undefined;
  let live: LiveAssistant | undefined;

  const guide = (topic: string, extra: string) =>
    `---\ntitle: ${topic} guide\n---\n## ${topic} basics\n\nThe ${topic} library is used for experiment tracking in machine learning projects. ${extra}\n\n## ${topic} tips\n\nKeep every ${topic} run reproducible with pinned versions.\n`;

  beforeAll(async () => {
    temp = await TempDir.create();
  });

  afterEach(async () => {
    live?.close();
    if (server !== undefined) await stopServer(server, 500);
    server = undefined;
  });

  afterAll(async () => {
    await temp.remove();
  });

  it("answers every request (JSON and streams) while three new versions are built and swapped in", async () => {
    const embedder = new HashEmbedder();
    await temp.write("corpus/mlflow.md", guide("MLflow", "Version 0."));
    await temp.write("corpus/dvc.md", guide("DVC", "Version 0."));
    const options = tempIngestOptions(temp, embedder, { keepPrevious: 1 });
    const started = await serveLive(options);
    ({ server, live } = started);
    const versions = new Set([live.version]);

    let reloading = true;
    const reloads = (async () => {
      try {
        for (let round = 1; round <= 3; round++) {
          await temp.write(
            "corpus/dvc.md",
            guide("DVC", `DVC pipelines describe stages, round ${round}.`),
          );
          const summary = await ingest(options);
          expect(await live?.reload()).toBe(true);
          versions.add(summary.version);
          expect(live?.version).toBe(summary.version);
        }
      } finally {
        reloading = false;
      }
    })();
    // Awaited below; a failure must not count as an unhandled rejection meanwhile.
    reloads.catch(() => {});

    const routes: Array<{ route: RouteKind; body: unknown; path: string }> = [
      {
        route: "chat-json",
        path: "/api/chat",
        body: { message: "What is the DVC library used for?" },
      },
      {
        route: "chat-sse",
        path: "/api/chat",
        body: { message: "How do I keep MLflow runs reproducible?", stream: true },
      },
      {
        route: "openai-json",
        path: "/v1/chat/completions",
        body: { messages: [{ role: "user", content: "What is DVC used for?" }] },
      },
    ];
    // Requests keep coming until the reloads are done (at least 150, at most 3,000).
    let sent = 0;
    const outcomes: Array<{ status: number; ok: boolean }> = [];
    await promisePool(Array.from({ length: 20 }), 20, async () => {
      while ((reloading || sent < 150) && sent < 3000) {
        const variant = routes[sent++ % routes.length] as (typeof routes)[number];
        const response = await rawRequest(started.url, {
          method: "POST",
          path: variant.path,
          headers: JSON_TYPE,
          body: JSON.stringify(variant.body),
        });
        let ok = true;
        try {
          checkResponse(variant.route, response, variant.route);
        } catch {
          ok = false;
        }
        outcomes.push({ status: response.status, ok: ok && response.status === 200 });
      }
    });
    await reloads;
    console.info(
      `hot reload: ${outcomes.length} requests at 20 concurrent across ${versions.size} index versions`,
    );
    expect(outcomes.length).toBeGreaterThanOrEqual(150);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(versions.size).toBe(4);
    const health = JSON.parse((await rawRequest(started.url, { path: "/api/health" })).text) as {
      index: { version: string };
    };
    expect(health.index.version).toBe(live.version);
    await expectNoOpenConnections(server);
  });
});

describe("the whole file", () => {
  it("had no unhandled rejection or uncaught exception", () => {
    expect(unhandled.map((reason) => String((reason as Error)?.stack ?? reason))).toEqual([]);
  });
});
