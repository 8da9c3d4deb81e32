import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { runCliInProcess } from "../support/run-cli-in-process.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;

beforeAll(async () => {
  temp = await TempDir.create("study-assistant-damaged-index-");
});

afterAll(async () => {
  await temp.remove();
});

/** A private copy of the shared index; returns its folder and the current version's folder. */
async function copyOfIndex(name: string): Promise<{ indexDir: string; versionDir: string }> {
  const indexDir = temp.join(name);
  await cp(inject("sharedIndexDir"), indexDir, { recursive: true });
  const version = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
  return { indexDir, versionDir: path.join(indexDir, version) };
}

describe("ask over a damaged or outdated index", () => {
  // A segmentation fault (exit 139) or "unexpected failure: Hnswlib Error: Label not found"
  // before the manifest recorded checksums. Only a real process can show a crash.
  it("exits 3 with one line naming vectors.hnsw when 200 bytes in its middle are overwritten", async () => {
    const { indexDir, versionDir } = await copyOfIndex("flipped");
    const file = path.join(versionDir, "vectors.hnsw");
    const bytes = await readFile(file);
    const start = Math.floor(bytes.length / 2) - 100;
    for (let offset = start; offset < start + 200; offset++) bytes[offset] = 0xff;
    await writeFile(file, bytes);
    const result = await runCli(["ask", "What is DVC used for?"], { env: { INDEX_DIR: indexDir } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^error: the index in .* is damaged \(vectors\.hnsw does not match its checksum in the manifest\); rebuild it with `npm run ingest`\n$/,
    );
    expect(result.stdout).toBe("");
  });

  it("asks for a rebuild of an index written before checksums: exit 3, one line", async () => {
    const { indexDir, versionDir } = await copyOfIndex("format-1");
    const file = path.join(versionDir, "manifest.json");
    const { files: _files, ...manifest } = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 1 }));
    const result = await runCliInProcess(["ask", "What is DVC used for?"], {
      env: { INDEX_DIR: indexDir },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^error: the index in .* was built by an older version of the assistant \(index format 1; this version reads format 3\); rebuild it with `npm run ingest`\n$/,
    );
  });
});

describe("ingest of an empty corpus", () => {
  it("exits 2 naming the corpus and writes no index", async () => {
    const corpusDir = temp.join("empty-corpus");
    await temp.write("empty-corpus/empty.md", "");
    await temp.write("empty-corpus/blank.md", "\n   \n");
    const indexDir = temp.join("empty-index");
    const result = await runCliInProcess(["ingest"], {
      env: { INDEX_DIR: indexDir, CORPUS_DIR: corpusDir },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^error: the corpus in ${corpusDir} has no text to index .*\\n$`),
    );
    await expect(readFile(path.join(indexDir, "CURRENT"), "utf8")).rejects.toThrow();
  });
});
