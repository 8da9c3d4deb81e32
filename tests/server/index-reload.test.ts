import { readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type IngestOptions, ingest } from "../../src/ingest/ingest.ts";
import type { LiveAssistant } from "../../src/server/live-assistant.ts";
import { stopServer } from "../../src/server/start-server.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { serveLive } from "../support/live-server.ts";
import { TempDir } from "../support/temp-dir.ts";

const guide = (topic: string) =>
  `---\ntitle: ${topic} guide\n---\n## ${topic} basics\n\nThe ${topic} library is used for experiment tracking in machine learning projects.\n\n## ${topic} tips\n\nKeep every ${topic} run reproducible with pinned versions.\n`;

type Health = {
  status: string;
  index: { version: string };
  indexRefused?: { version: string; error: string; at: string };
};

let temp: TempDir;
let options: IngestOptions;
let server: Server | undefined;
let live: LiveAssistant | undefined;
const embedder = new HashEmbedder();

beforeEach(async () => {
  temp = await TempDir.create();
  await temp.write("corpus/mlflow.md", guide("MLflow"));
  options = tempIngestOptions(temp, embedder);
});

afterEach(async () => {
  live?.close();
  if (server !== undefined) await stopServer(server, 500);
  server = undefined;
  await temp.remove();
});

async function serve(): Promise<string> {
  let url: string;
  ({ server, url, live } = await serveLive(options));
  return url;
}

const health = async (url: string) => (await (await fetch(`${url}/api/health`)).json()) as Health;

/** Builds a new version and overwrites 200 bytes in the middle of its vectors.hnsw. */
async function damagedNewVersion(): Promise<string> {
  await temp.write("corpus/dvc.md", guide("DVC"));
  const { version } = await ingest(options);
  const file = path.join(options.indexDir, version, "vectors.hnsw");
  const bytes = await readFile(file);
  const start = Math.floor(bytes.length / 2) - 100;
  for (let offset = start; offset < start + 200; offset++) bytes[offset] = 0xff;
  await writeFile(file, bytes);
  return version;
}

describe("hot reload onto a damaged version", () => {
  // Before the checksums, hnswlib read the damaged graph: a segmentation fault took the server
  // down, or "Label not found" failed the next questions.
  it("keeps serving the previous version and reports the refusal in health, the log and /metrics", async () => {
    const url = await serve();
    const lines: string[] = [];
    live?.watch(50, (message) => lines.push(message));
    const served = (await health(url)).index.version;
    const damaged = await damagedNewVersion();

    await expect.poll(() => lines.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(lines[0]).toMatch(
      new RegExp(`index reload failed, still serving ${served}: .*vectors\\.hnsw`),
    );
    const report = await health(url);
    expect(report.index.version).toBe(served);
    expect(report.status).toBe("degraded");
    expect(report.indexRefused).toMatchObject({ version: damaged });
    expect(report.indexRefused?.error).toMatch(/vectors\.hnsw does not match its checksum/);

    const chat = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "What is the MLflow library used for?" }),
    });
    expect(chat.status).toBe(200);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^study_assistant_index_reload_failures_total 1$/m);
    expect(metrics).toContain(`study_assistant_index_refused{version="${damaged}"} 1`);
  });

  it("clears the refusal once a good version is current again", async () => {
    const url = await serve();
    live?.watch(50);
    await damagedNewVersion();
    await expect.poll(async () => (await health(url)).status, { timeout: 5000 }).toBe("degraded");
    await temp.write("corpus/airflow.md", guide("Airflow"));
    const { version } = await ingest(options);
    await expect
      .poll(async () => (await health(url)).index.version, { timeout: 5000 })
      .toBe(version);
    const report = await health(url);
    expect(report.status).toBe("ok");
    expect(report.indexRefused).toBeUndefined();
    expect(await (await fetch(`${url}/metrics`)).text()).not.toMatch(
      /^study_assistant_index_refused\{/m,
    );
  });
});
