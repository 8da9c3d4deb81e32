import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createAssistant } from "../../src/create-services.ts";
import { createApp } from "../../src/server/app.ts";
import { LiveAssistant } from "../../src/server/live-assistant.ts";
import { reindexInWorker } from "../../src/server/reindex-in-worker.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import { TempDir } from "../support/temp-dir.ts";

const TOKEN = "a-long-admin-token-for-tests";
const TOPICS = ["MLflow", "DVC", "Airflow", "Docker", "FastAPI", "Prometheus", "Kubeflow", "Ray"];
const section = (topic: string) =>
  `## ${topic} basics\n\nThe ${topic} tool is used in machine learning projects. ` +
  `Teams adopt ${topic} to keep work reproducible. Start with the ${topic} tutorial and ` +
  `practise on a small project.\n`;

let temp: TempDir;
let server: Server;
let url: string;
let live: LiveAssistant;

beforeAll(async () => {
  temp = await TempDir.create();
  await temp.write("corpus/tools.md", `# Tools\n\n${TOPICS.slice(0, 2).map(section).join("\n")}`);
  // The real default embedder: its embedding is CPU work that blocked the event loop.
  const config = loadConfig({
    CORPUS_DIR: temp.join("corpus"),
    INDEX_DIR: temp.join("index"),
    ADMIN_TOKEN: TOKEN,
  });
  const { assistant, embedder, create } = await createAssistant(config);
  live = new LiveAssistant({ initial: assistant, indexDir: config.INDEX_DIR, embedder, create });
  const app = createApp({
    assistant: live,
    embedder,
    admin: { token: TOKEN, live, reindex: () => reindexInWorker(config) },
  });
  ({ server, url } = await startServer(app, { host: "127.0.0.1", port: 0 }));
});

afterAll(async () => {
  await stopServer(server, 500);
  await temp.remove();
});

describe("POST /admin/reindex", () => {
  // Before, the rebuild ran on the event loop: /api/health waited up to 20.7 s during a 21.5 s
  // rebuild, so a loop of health checks got one answer, after the rebuild. In a worker the loop
  // stays free and the checks keep being answered while it runs (counted, not timed).
  it("rebuilds in a worker: /api/health keeps answering meanwhile, then the new version is served", async () => {
    await temp.write("corpus/tools.md", `# Tools\n\n${TOPICS.map(section).join("\n")}`);
    const before = live.version;
    let done = false;
    const reindex = fetch(`${url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    }).finally(() => {
      done = true;
    });
    let answeredDuringRebuild = 0;
    while (!done) {
      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(200);
      if (!done) answeredDuringRebuild++;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const response = await reindex;
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { version: string; serving: string; added: number };
    expect(summary.added).toBeGreaterThan(0);
    expect(summary.serving).toBe(summary.version);
    expect(summary.version).not.toBe(before);
    expect(answeredDuringRebuild).toBeGreaterThan(5);
  });

  it("answers an error of the build with its own status and message", async () => {
    await temp.write("corpus/tools.md", "");
    const response = await fetch(`${url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("empty_corpus");
    expect(body.error.message).toContain(temp.join("corpus"));
  });
});
