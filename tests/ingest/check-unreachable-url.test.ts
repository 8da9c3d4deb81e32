import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ingestCommand } from "../../src/cli/ingest-command.ts";
import { type Config, loadConfig } from "../../src/config.ts";
import { createEmbedder, ingestOptions } from "../../src/create-services.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { checkIndex, ingest } from "../../src/ingest/ingest.ts";

const page = `<!doctype html><html><head><title>Feature stores</title></head><body>
<article><h1>Feature stores</h1><p>A feature store keeps the same feature definitions for training and serving.</p></article>
</body></html>`;
const guide = "---\ntitle: Guide\n---\n## Basics\n\nStart with Python and statistics.\n";

let directory: string;
let server: Server;
let url: string;
let config: Config;
let embedder: Embedder;

/** Runs `ingest --check` in this process; what it printed and its exit code. */
async function runCheck(): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const keep = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(keep(stdout));
  vi.spyOn(process.stderr, "write").mockImplementation(keep(stderr));
  try {
    const code = await ingestCommand(config, { check: true, dryRun: false, json: false });
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    vi.restoreAllMocks();
  }
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "study-assistant-check-"));
  await mkdir(path.join(directory, "corpus"));
  server = createServer((request, response) => {
    if (request.url === "/robots.txt") response.writeHead(404).end();
    else response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feature-stores`;
  await writeFile(path.join(directory, "corpus/guide.md"), guide);
  await writeFile(
    path.join(directory, "corpus/sources.json"),
    JSON.stringify({ sources: [{ path: "guide.md" }, { url, title: "Feature stores" }] }),
  );
  config = loadConfig({
    CORPUS_DIR: path.join(directory, "corpus"),
    INDEX_DIR: path.join(directory, "index"),
    EMBEDDER: "use",
  });
  embedder = await createEmbedder(config);
  const summary = await ingest(ingestOptions(config, embedder));
  expect(summary.sourceErrors).toBeUndefined();
});

afterAll(async () => {
  if (server.listening) await new Promise((resolve) => server.close(resolve));
  await rm(directory, { recursive: true, force: true });
});

describe("ingest --check with a URL source that is down", () => {
  it("indexed the URL while its server was up, and then the index is up to date", async () => {
    const index = await loadIndex(config.INDEX_DIR, embedder);
    expect(index.chunks.some((chunk) => chunk.source === url)).toBe(true);
    expect(await checkIndex(ingestOptions(config, embedder))).toEqual({
      stale: false,
      reasons: [],
    });
  });

  it("does not count the unreachable URL's chunks as removed: it reports the URL unverified", async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const status = await checkIndex(ingestOptions(config, embedder));
    expect(status.reasons).toEqual([]);
    expect(status.stale).toBe(false);
    expect(status.unverified).toEqual([
      { entry: url, source: url, message: expect.stringMatching(/ECONNREFUSED/) },
    ]);
  });

  it("exits 0 with a warning line naming the URL and the error", async () => {
    const result = await runCheck();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`^Warning: could not check ${url.replace(/[.]/g, "\\.")}: .*ECONNREFUSED.*\n$`),
    );
    expect(result.stdout).toBe(
      `The index in ${config.INDEX_DIR} is up to date except for 1 source(s) that could not be checked.\n`,
    );
  });

  it("still reports a changed local file as stale while the URL is down", async () => {
    await writeFile(path.join(directory, "corpus/guide.md"), `${guide}\nThen learn SQL.\n`);
    const result = await runCheck();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("  - corpus/guide.md changed\n");
    expect(result.stdout).not.toContain("removed");
    expect(result.stderr).toContain(`Warning: could not check ${url}: `);
  });
});
