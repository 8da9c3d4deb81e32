import type { Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createAssistant } from "../../src/create-services.ts";
import { createApp } from "../../src/server/app.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../support/fake-openai-server.ts";
import { parseSse } from "./test-server.ts";

/** The server wired from settings, as `npm start` does, with a fake OpenAI-compatible upstream. */
let upstream: FakeOpenAIServer;
let server: Server;
let url: string;

beforeAll(async () => {
  upstream = await startFakeOpenAIServer();
  const config = loadConfig({
    INDEX_DIR: inject("sharedIndexDir"),
    OPENAI_BASE_URL: upstream.url,
    LLM_MODEL: "fake-chat",
    LLM_TIMEOUT_MS: "4000",
  });
  const { assistant, embedder } = await createAssistant(config);
  ({ server, url } = await startServer(createApp({ assistant, embedder }), {
    host: "127.0.0.1",
    port: 0,
  }));
});

afterAll(async () => {
  await stopServer(server, 500);
  await upstream.close();
});

beforeEach(() => upstream.reset());

const chat = async (body: unknown) =>
  parseSse(
    await (
      await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ stream: true, ...(body as object) }),
      })
    ).text(),
  );

describe("chat with an LLM generator", () => {
  it("reports the LLM generator in health", async () => {
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      generator: string;
      rewriter: string;
    };
    expect(health.generator).toBe("openai:fake-chat");
    expect(health.rewriter).toBe("openai:fake-chat");
  });

  it("streams the model's answer and drops citations that point at no passage", async () => {
    upstream.chatReply =
      "DVC tracks datasets and model files alongside Git. [1] It is versioning. [7]";
    const frames = await chat({ message: "What is DVC used for?" });
    expect(frames.map((frame) => frame.event).filter((name) => name !== "text-delta")).toEqual([
      "retrieval",
      "answer-end",
    ]);
    const answer = JSON.parse(frames.at(-1)?.data ?? "{}");
    expect(answer.generator).toBe("openai:fake-chat");
    expect(answer.answer).toBe(
      "DVC tracks datasets and model files alongside Git. [1] It is versioning.",
    );
    expect(answer.droppedCitations).toBe(1);
    expect(answer.citations.map((citation: { n: number }) => citation.n)).toEqual([1]);
    // The gate decided before the model was asked; the prompt holds the numbered passages.
    const request = upstream.requests.find((entry) => entry.path === "/v1/chat/completions");
    const shown = JSON.parse(frames[0]?.data ?? "{}").citations as Array<{ section: string }>;
    expect(JSON.stringify(request?.body)).toContain(shown[0]?.section ?? "(no passage)");
  });

  it("never calls the model for a question the gate refuses", async () => {
    const frames = await chat({ message: "What are the H-1B visa requirements?" });
    expect(JSON.parse(frames.at(-1)?.data ?? "{}").refused).toBe(true);
    expect(upstream.requests.filter((entry) => entry.path === "/v1/chat/completions")).toHaveLength(
      0,
    );
  });

  it("falls back to the extractive answer with a notice when the upstream fails", async () => {
    upstream.behaviour = { status: 500 };
    const frames = await chat({ message: "What is DVC used for?" });
    const names = frames.map((frame) => frame.event);
    expect(names).toContain("notice");
    expect(names.at(-1)).toBe("answer-end");
    const answer = JSON.parse(frames.at(-1)?.data ?? "{}");
    expect(answer.generator).toBe("extractive");
    expect(answer.notices).toEqual([
      "The language model could not answer; showing the extractive answer instead.",
    ]);
    expect(answer.answer).toMatch(/DVC/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it("falls back when the upstream stalls mid-stream, without hanging", async () => {
    upstream.behaviour = { stallAfterChunks: 2 };
    const started = Date.now();
    const frames = await chat({ message: "What is DVC used for?" });
    expect(Date.now() - started).toBeLessThan(10_000);
    const answer = JSON.parse(frames.at(-1)?.data ?? "{}");
    expect(answer.notices[0]).toContain("did not answer in time");
    expect(answer.generator).toBe("extractive");
  });

  it("condenses a follow-up with the model before retrieval", async () => {
    upstream.chatReply = (request) =>
      JSON.stringify(request.body).includes("standalone")
        ? "Which hyperparameters matter for LightGBM?"
        : "num_leaves and learning_rate. [1]";
    const frames = await chat({
      message: "and that one?",
      history: [
        { role: "user", content: "Which hyperparameters matter for XGBoost?" },
        { role: "assistant", content: "learning_rate, n_estimators, max_depth [1]" },
      ],
    });
    const answer = JSON.parse(frames.at(-1)?.data ?? "{}");
    expect(answer.standaloneQuestion).toBe("Which hyperparameters matter for LightGBM?");
    expect(JSON.parse(frames[0]?.data ?? "{}").question).toBe(
      "Which hyperparameters matter for LightGBM?",
    );
  });
});
