import { readdir, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexLockedError } from "../../src/errors/index-errors.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { type IngestOptions, ingest } from "../../src/ingest/ingest.ts";
import type { LiveAssistant } from "../../src/server/live-assistant.ts";
import { stopServer } from "../../src/server/start-server.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { serveLive } from "../support/live-server.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;
let embedder: HashEmbedder;
let options: IngestOptions;

const guide = (topic: string) =>
  `---\ntitle: ${topic} guide\n---\n## ${topic} basics\n\nThe ${topic} library is used for experiment tracking in machine learning projects.\n\n## ${topic} tips\n\nKeep every ${topic} run reproducible with pinned versions.\n`;

beforeEach(async () => {
  temp = await TempDir.create();
  embedder = new HashEmbedder();
  await temp.write("corpus/mlflow.md", guide("MLflow"));
  await temp.write("corpus/dvc.md", guide("DVC"));
  await temp.write(
    "corpus/sources.json",
    JSON.stringify({ sources: [{ path: "mlflow.md" }, { glob: "*.md", tags: ["guide"] }] }),
  );
  options = tempIngestOptions(temp, embedder);
});

afterEach(async () => {
  await temp.remove();
});

const versions = async () =>
  (await readdir(options.indexDir)).filter((name) => name.startsWith("v")).sort();

describe("sources manifest", () => {
  it("indexes the listed paths and globs once each, with their tags", async () => {
    const summary = await ingest(options);
    expect(summary.documentCount).toBe(2);
    const index = await loadIndex(options.indexDir, embedder);
    expect(index.manifest.sources.map((source) => source.source).sort()).toEqual([
      "corpus/dvc.md",
      "corpus/mlflow.md",
    ]);
  });

  it("names the bad entry when the manifest is invalid", async () => {
    await temp.write(
      "corpus/sources.json",
      JSON.stringify({ sources: [{ path: "a.md" }, { url: "ftp://x" }] }),
    );
    await expect(ingest(options)).rejects.toThrow(
      /sources\.json: is invalid: sources\[1\].*\(entry \{"url":"ftp:\/\/x"\}\)/,
    );
    await temp.write(
      "corpus/sources.json",
      JSON.stringify({ sources: [{ path: "../secrets.md" }] }),
    );
    await expect(ingest(options)).rejects.toThrow(/must be a path inside the corpus folder/);
  });

  it("reports a glob that matches nothing without failing the build", async () => {
    await temp.write(
      "corpus/sources.json",
      JSON.stringify({ sources: [{ path: "dvc.md" }, { glob: "tutorials/*.md" }] }),
    );
    const summary = await ingest(options);
    expect(summary.sourceErrors).toEqual([
      { entry: "tutorials/*.md", source: "tutorials/*.md", message: "the pattern matches no file" },
    ]);
    expect(summary.documentCount).toBe(1);
  });
});

describe("dry run, keep, lock", () => {
  it("shows the plan without embedding or writing", async () => {
    await ingest(options);
    const before = await versions();
    await temp.write(
      "corpus/dvc.md",
      guide("DVC").replace("pinned versions", "pinned package versions"),
    );
    embedder.batches.length = 0;
    const plan = await ingest({ ...options, dryRun: true });
    expect(plan).toMatchObject({ dryRun: true, updated: 1, added: 0, removed: 0, embedded: 1 });
    expect(embedder.batches).toHaveLength(0);
    expect(await versions()).toEqual(before);
  });

  it("writes nothing when the corpus and settings are unchanged, so a committed index stays as it is", async () => {
    const first = await ingest(options);
    const before = await versions();
    const current = await readFile(temp.join("index/CURRENT"), "utf8");
    embedder.batches.length = 0;
    const again = await ingest(options);
    expect(again).toMatchObject({ upToDate: true, version: first.version, embedded: 0 });
    expect(embedder.batches).toHaveLength(0);
    expect(await versions()).toEqual(before);
    expect(await readFile(temp.join("index/CURRENT"), "utf8")).toBe(current);
    // A changed title alone (same passages) is still a change.
    await temp.write("corpus/dvc.md", guide("DVC").replace("title: DVC guide", "title: DVC notes"));
    expect(await ingest(options)).not.toHaveProperty("upToDate");
  });

  it("keeps only the requested number of older versions", async () => {
    for (const word of ["one", "two", "three", "four"]) {
      await temp.write("corpus/dvc.md", `${guide("DVC")}\nExtra note ${word}.\n`);
      await ingest({ ...options, keepPrevious: 1 });
    }
    expect(await versions()).toHaveLength(2);
    const current = (await readFile(temp.join("index/CURRENT"), "utf8")).trim();
    expect(await versions()).toContain(current);
  });

  it("refuses a second concurrent ingest with a clear message and leaves the first intact", async () => {
    const results = await Promise.allSettled([ingest(options), ingest(options)]);
    const failures = results.filter((result) => result.status === "rejected");
    expect(failures).toHaveLength(1);
    const reason = (failures[0] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(IndexLockedError);
    expect(reason.message).toMatch(
      /another ingest \(pid \d+, started .*\) is writing to .*; wait for it/,
    );
    await expect(loadIndex(options.indexDir, embedder)).resolves.toBeDefined();
    // The lock is released: the next build runs.
    await expect(ingest(options)).resolves.toMatchObject({ embedded: 0 });
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    await temp.write("index/.lock", JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: "earlier" }));
    await expect(ingest(options)).resolves.toMatchObject({ documentCount: 2 });
  });
});

describe("hot reload", () => {
  let server: Server | undefined;
  let live: LiveAssistant | undefined;

  afterEach(async () => {
    live?.close();
    if (server !== undefined) await stopServer(server, 500);
    server = undefined;
  });

  const serve = async (token?: string) => {
    let url: string;
    ({ server, url, live } = await serveLive(options, token === undefined ? {} : { token }));
    return url;
  };

  const health = async (url: string) =>
    ((await (await fetch(`${url}/api/health`)).json()) as { index: { version: string } }).index
      .version;

  it("serves a new version built by another ingest, and in-flight requests all succeed", async () => {
    const url = await serve();
    live?.watch(50);
    const first = await health(url);
    await temp.write(
      "corpus/dvc.md",
      `${guide("DVC")}\nDVC pipelines describe stages in dvc.yaml.\n`,
    );
    const requests = Array.from({ length: 30 }, () =>
      fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "What is the DVC library used for?" }),
      }).then((response) => response.status),
    );
    await ingest(options);
    const statuses = await Promise.all(requests);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expect.poll(() => health(url), { timeout: 5000 }).not.toBe(first);
    const answer = (await (
      await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "Where do DVC pipelines describe stages?" }),
      })
    ).json()) as { answer: string };
    expect(answer.answer).toContain("dvc.yaml");
  });

  it("has no admin route without a token", async () => {
    const url = await serve();
    const response = await fetch(`${url}/admin/reindex`, { method: "POST" });
    expect(response.status).toBe(404);
  });

  it("reindexes on POST /admin/reindex with the right bearer token only", async () => {
    const token = "a-long-admin-token-for-tests";
    const url = await serve(token);
    const denied = await fetch(`${url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: "Bearer wrong-token" },
    });
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    await rm(temp.join("corpus/mlflow.md"));
    await temp.write("corpus/sources.json", JSON.stringify({ sources: [{ path: "dvc.md" }] }));
    const response = await fetch(`${url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const summary = (await response.json()) as {
      removed: number;
      serving: string;
      version: string;
    };
    expect(summary.removed).toBeGreaterThan(0);
    expect(summary.serving).toBe(summary.version);
    expect(await health(url)).toBe(summary.version);
  });
});
