import { spawnSync } from "node:child_process";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indexText } from "../../src/chunking/chunk.ts";
import {
  EmbedderMismatchError,
  IndexCorruptError,
  IndexMissingError,
  IndexOutdatedError,
} from "../../src/errors/index-errors.ts";
import { DEFAULT_HNSW_SETTINGS } from "../../src/index/hnsw-vector-index.ts";
import {
  loadIndex,
  loadManifest,
  readCurrentVersion,
  writeIndex,
} from "../../src/index/index-store.ts";
import { manifestSchema } from "../../src/index/manifest.ts";
import { checkIndex, type IngestOptions, ingest } from "../../src/ingest/ingest.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { TempDir } from "../support/temp-dir.ts";

const ALPHA = `---
title: Alpha Notes
kind: tutorial
---
## Python

Python is the first language to learn. It comes with NumPy and Pandas.

## Docker

Docker packages a model with its dependencies.

| Tool | Purpose |
|---|---|
| MLflow | Experiment tracking |
| DVC | Data version control |
`;

const BETA = `---
title: Beta Notes
---
## Deployment

FastAPI serves trained models as web APIs.

## Monitoring

Prometheus tracks the latency of a model service.
`;

/** Chunks of ALPHA (2 prose + 2 rows) and BETA (2 prose). */
const CHUNK_COUNT = 6;
/**
 * Quotable units embedded on their own: the two sentences of ALPHA's Python paragraph. Every other
 * chunk is a single unit, which takes its chunk's vector.
 */
const MULTI_UNIT_SENTENCES = 2;
const EMBEDDER = { id: "test:hash@32", dimensions: 32 };

let temp: TempDir;
let corpusDir: string;
let indexDir: string;

function options(embedder = new HashEmbedder(), extra: Partial<IngestOptions> = {}): IngestOptions {
  return {
    corpusDir,
    indexDir,
    embedder,
    chunker: { maxTokens: 180 },
    hnsw: DEFAULT_HNSW_SETTINGS,
    ...extra,
  };
}

/** Runs `promise`, expecting it to fail with an error of `type`, and returns that error. */
async function failure<T extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

async function versionFolders(): Promise<string[]> {
  const entries = await readdir(indexDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && entry.name.startsWith("v"))
    .map((entry) => entry.name)
    .sort();
}

async function currentFile(name: string): Promise<string> {
  const version = await readCurrentVersion(indexDir);
  return path.join(indexDir, version ?? "missing", name);
}

beforeEach(async () => {
  temp = await TempDir.create();
  corpusDir = await temp.mkdir("corpus");
  indexDir = temp.join("indexes");
  await temp.write("corpus/alpha.md", ALPHA);
  await temp.write("corpus/beta.md", BETA);
});

afterEach(async () => {
  await temp.remove();
});

describe("ingest and loadIndex", () => {
  it("builds a version folder with every file and points CURRENT at it", async () => {
    const embedder = new HashEmbedder();
    const summary = await ingest(options(embedder));
    expect(summary).toMatchObject({
      added: CHUNK_COUNT,
      updated: 0,
      removed: 0,
      reused: 0,
      embedded: CHUNK_COUNT,
      embeddedUnits: MULTI_UNIT_SENTENCES,
      chunkCount: CHUNK_COUNT,
      documentCount: 2,
    });
    expect(summary.fullRebuildReason).toBeUndefined();
    expect(embedder.embeddedTexts).toHaveLength(CHUNK_COUNT + MULTI_UNIT_SENTENCES);
    expect(embedder.embeddedTexts).toContain("It comes with NumPy and Pandas.");
    expect((await temp.read("indexes/CURRENT")).trim()).toBe(summary.version);
    expect((await readdir(path.join(indexDir, summary.version))).sort()).toEqual([
      "chunks.json",
      "lexical.json",
      "manifest.json",
      "unit-vectors.bin",
      "units.json",
      "vectors.hnsw",
    ]);
    const loaded = await loadIndex(indexDir, EMBEDDER);
    const units = [...loaded.units.values()].flat();
    expect(units).toHaveLength(CHUNK_COUNT + MULTI_UNIT_SENTENCES - 1);
    for (const unit of units) expect(unit.vector).toHaveLength(EMBEDDER.dimensions);
    const manifest = manifestSchema.parse(
      JSON.parse(await readFile(path.join(indexDir, summary.version, "manifest.json"), "utf8")),
    );
    expect(manifest.version).toBe(summary.version);
    expect(manifest.embedder).toEqual(EMBEDDER);
    expect(manifest.chunker).toEqual({ maxTokens: 180 });
    expect(
      manifest.sources.map((source) => [source.source, source.title, source.chunkCount]),
    ).toEqual([
      ["corpus/alpha.md", "Alpha Notes", 4],
      ["corpus/beta.md", "Beta Notes", 2],
    ]);
  });

  it("loads what it built: chunks, vectors and the lexical index agree", async () => {
    await ingest(options());
    const index = await loadIndex(indexDir, EMBEDDER);
    expect(index.chunks).toHaveLength(CHUNK_COUNT);
    expect(index.manifest.chunkCount).toBe(CHUNK_COUNT);
    expect(index.vectorIndex.size).toBe(CHUNK_COUNT);
    expect(index.chunkById.size).toBe(CHUNK_COUNT);
    const dvc = index.chunks.find((chunk) => chunk.text.startsWith("Tool: DVC"));
    expect(dvc?.cells).toEqual([
      { header: "Tool", value: "DVC" },
      { header: "Purpose", value: "Data version control" },
    ]);
    const label = index.labelById.get(dvc?.id ?? "");
    expect(label).toBeDefined();
    const query = await new HashEmbedder().embedQuery(indexText(dvc ?? { section: "", text: "" }));
    expect(index.vectorIndex.search(query, 1)[0]?.label).toBe(label);
    expect(index.lexicalIndex.search("DVC", 3)[0]?.id).toBe(dvc?.id);
  });

  it("embeds nothing when nothing changed", async () => {
    const first = await ingest(options());
    const embedder = new HashEmbedder();
    const second = await ingest(options(embedder));
    expect(second).toMatchObject({
      embedded: 0,
      embeddedUnits: 0,
      reused: CHUNK_COUNT,
      added: 0,
      updated: 0,
      removed: 0,
      chunkCount: CHUNK_COUNT,
    });
    expect(embedder.embeddedTexts).toEqual([]);
    // Nothing is written either: the current version stays.
    expect(second).toMatchObject({ upToDate: true, version: first.version });
    expect(await versionFolders()).toEqual([first.version]);
    expect((await loadIndex(indexDir, EMBEDDER)).chunks).toHaveLength(CHUNK_COUNT);
  });

  it("embeds only the chunk of an edited paragraph", async () => {
    await ingest(options());
    await temp.write(
      "corpus/beta.md",
      BETA.replace("Prometheus tracks the latency", "Grafana draws dashboards of the latency"),
    );
    const embedder = new HashEmbedder();
    const summary = await ingest(options(embedder));
    expect(summary).toMatchObject({ embedded: 1, reused: CHUNK_COUNT - 1, updated: 1, added: 0 });
    expect(embedder.embeddedTexts).toHaveLength(1);
    expect(embedder.embeddedTexts[0]).toContain("Grafana");
    const index = await loadIndex(indexDir, EMBEDDER);
    const texts = index.chunks.map((chunk) => chunk.text).join("\n");
    expect(texts).toContain("Grafana draws dashboards");
    expect(texts).not.toContain("Prometheus");
    expect(index.lexicalIndex.search("Prometheus", 5)).toEqual([]);
  });

  it("removes the chunks of a deleted file", async () => {
    await ingest(options());
    await rm(temp.join("corpus/beta.md"));
    const summary = await ingest(options());
    expect(summary).toMatchObject({ chunkCount: 4, removed: 2, embedded: 0, documentCount: 1 });
    const index = await loadIndex(indexDir, EMBEDDER);
    expect(index.chunks.every((chunk) => chunk.source === "corpus/alpha.md")).toBe(true);
    expect(index.manifest.sources.map((source) => source.source)).toEqual(["corpus/alpha.md"]);
    expect(index.vectorIndex.size).toBe(4);
  });

  it("re-embeds everything when the embedder changes, saying why", async () => {
    await ingest(options());
    const other = new HashEmbedder({ id: "test:hash@16", dimensions: 16 });
    const summary = await ingest(options(other));
    expect(summary.embedded).toBe(CHUNK_COUNT);
    expect(summary.fullRebuildReason).toContain("test:hash@16");
    expect((await loadIndex(indexDir, { id: "test:hash@16", dimensions: 16 })).chunks).toHaveLength(
      CHUNK_COUNT,
    );
  });

  it("gives every build its own version folder, even several within one second", async () => {
    const versions: string[] = [];
    for (let build = 0; build < 4; build++) {
      await temp.write("corpus/beta.md", `${BETA}\nEdit number ${build}.\n`);
      versions.push((await ingest(options(new HashEmbedder(), { keepPrevious: 5 }))).version);
    }
    expect(new Set(versions).size).toBe(4);
    expect(await versionFolders()).toEqual([...versions].sort());
    expect(await readCurrentVersion(indexDir)).toBe(versions.at(-1));
  });
});

describe("loadIndex errors", () => {
  it("names both embedders and the fix when the index was built by another embedder", async () => {
    await ingest(options());
    const error = await failure(
      loadIndex(indexDir, { id: "other:model@64", dimensions: 64 }),
      EmbedderMismatchError,
    );
    expect(error.message).toContain("test:hash@32");
    expect(error.message).toContain("other:model@64");
    expect(error.message).toContain("npm run ingest");
    expect(error.indexEmbedder).toEqual(EMBEDDER);
  });

  it("rejects the same embedder id with another dimension", async () => {
    await ingest(options());
    await failure(
      loadIndex(indexDir, { id: "test:hash@32", dimensions: 64 }),
      EmbedderMismatchError,
    );
  });

  it("reports a missing index when there is no CURRENT", async () => {
    const error = await failure(loadIndex(indexDir, EMBEDDER), IndexMissingError);
    expect(error.message).toContain(indexDir);
    expect(error.message).toContain("npm run ingest");
    await temp.mkdir("indexes");
    await failure(loadIndex(indexDir, EMBEDDER), IndexMissingError);
    expect(await loadManifest(indexDir)).toBeUndefined();
  });

  it("reports a manifest that is not JSON as corrupt", async () => {
    await ingest(options());
    await writeFile(await currentFile("manifest.json"), "{ this is not json");
    const error = await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
    expect(error.message).toContain("manifest.json");
    expect(error.message).toContain("npm run ingest");
  });

  it("reports a manifest that fails its schema as corrupt", async () => {
    await ingest(options());
    const file = await currentFile("manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...manifest, embedder: { id: "", dimensions: -3 } }));
    const error = await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
    expect(error.message).toMatch(/manifest\.json is invalid/);
    expect(error.message).toContain("embedder");
    await writeFile(file, JSON.stringify({ formatVersion: "2" }));
    await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
    // A format from a later release is not damage: it asks for a rebuild by this version.
    await writeFile(file, JSON.stringify({ formatVersion: 99 }));
    const newer = await failure(loadIndex(indexDir, EMBEDDER), IndexOutdatedError);
    expect(newer.message).toMatch(/built by a newer version .* rebuild it with `npm run ingest`/);
  });

  it("reports a truncated chunks.json as corrupt", async () => {
    await ingest(options());
    const file = await currentFile("chunks.json");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const error = await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
    expect(error.message).toContain("chunks.json");
  });

  it("reports chunks.json that does not match the manifest as corrupt", async () => {
    await ingest(options());
    const file = await currentFile("chunks.json");
    const chunks = JSON.parse(await readFile(file, "utf8")) as unknown[];
    await writeFile(file, JSON.stringify(chunks.slice(1)));
    await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
  });

  it("reports a damaged vector file as corrupt", async () => {
    await ingest(options());
    await writeFile(await currentFile("vectors.hnsw"), "not a graph");
    await failure(loadIndex(indexDir, EMBEDDER), IndexCorruptError);
  });

  it("rebuilds from scratch when the current index is damaged", async () => {
    await ingest(options());
    await writeFile(await currentFile("manifest.json"), "{");
    const summary = await ingest(options());
    expect(summary.embedded).toBe(CHUNK_COUNT);
    expect(summary.fullRebuildReason).toMatch(/could not be read/);
    expect((await loadIndex(indexDir, EMBEDDER)).chunks).toHaveLength(CHUNK_COUNT);
  });
});

describe("atomic writes and housekeeping", () => {
  it("removes a temporary folder left by a dead build, and keeps one of a live build", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    expect(dead).toBeGreaterThan(0);
    const leftover = await temp.mkdir(`indexes/.tmp-v20200101T000000Z-deadbeef-${dead}`);
    await writeFile(path.join(leftover, "chunks.json"), "[");
    const live = await temp.mkdir(`indexes/.tmp-v20200101T000000Z-cafecafe-${process.ppid}`);
    await ingest(options());
    await expect(stat(leftover)).rejects.toThrow();
    expect((await stat(live)).isDirectory()).toBe(true);
    expect((await loadIndex(indexDir, EMBEDDER)).chunks).toHaveLength(CHUNK_COUNT);
  });

  it("keeps the previous version current when the embedder fails mid-build", async () => {
    const first = await ingest(options());
    await temp.write("corpus/alpha.md", ALPHA.replace("first language", "main language"));
    await temp.write("corpus/gamma.md", "## More\n\nOne. \n\nTwo.\n");
    const failing = new HashEmbedder({ batchSize: 1, failOnBatch: 2 });
    await expect(ingest(options(failing))).rejects.toThrow(/failed on batch 2/);
    expect(failing.batches.length).toBe(2);
    expect(await readCurrentVersion(indexDir)).toBe(first.version);
    expect(await versionFolders()).toEqual([first.version]);
    const index = await loadIndex(indexDir, EMBEDDER);
    expect(index.chunks).toHaveLength(CHUNK_COUNT);
    expect(index.chunks.map((chunk) => chunk.text).join("\n")).toContain("first language");
  });

  it("keeps the previous version current when writing a version fails", async () => {
    const first = await ingest(options());
    const loaded = await loadIndex(indexDir, EMBEDDER);
    const vectorIndex = loaded.vectorIndex;
    vectorIndex.save = async () => {
      throw new Error("disk full");
    };
    const build = {
      manifest: { ...loaded.manifest, version: "v29990101T000000Z-00000000" },
      chunks: loaded.chunks,
      vectorIndex,
      lexicalIndex: loaded.lexicalIndex,
      units: loaded.units,
    };
    await expect(writeIndex(indexDir, build)).rejects.toThrow("disk full");
    expect(await readCurrentVersion(indexDir)).toBe(first.version);
    expect(await versionFolders()).toEqual([first.version]);
    expect((await readdir(indexDir)).filter((name) => name.startsWith(".tmp-"))).toEqual([]);
    expect((await loadIndex(indexDir, EMBEDDER)).chunks).toHaveLength(CHUNK_COUNT);
  });

  it("keeps only keepPrevious older versions", async () => {
    const versions: string[] = [];
    for (let build = 0; build < 4; build++) {
      await temp.write("corpus/beta.md", `${BETA}\nEdit number ${build}.\n`);
      versions.push((await ingest(options(new HashEmbedder(), { keepPrevious: 1 }))).version);
    }
    const folders = await versionFolders();
    expect(folders).toHaveLength(2);
    expect(folders).toContain(versions.at(-1));
    expect(await readCurrentVersion(indexDir)).toBe(versions.at(-1));
    await ingest(options(new HashEmbedder(), { keepPrevious: 0 }));
    expect(await versionFolders()).toHaveLength(1);
  });

  it("keeps two older versions by default", async () => {
    for (let build = 0; build < 4; build++) {
      await temp.write("corpus/beta.md", `${BETA}\nEdit number ${build}.\n`);
      await ingest(options());
    }
    expect(await versionFolders()).toHaveLength(3);
  });
});

describe("checkIndex", () => {
  const check = (embedder = new HashEmbedder()) =>
    checkIndex({ corpusDir, indexDir, embedder, chunker: { maxTokens: 180 } });

  it("reports a missing index as stale", async () => {
    const result = await check();
    expect(result.stale).toBe(true);
    expect(result.reasons.join(" ")).toContain("no index");
  });

  it("is not stale right after ingest", async () => {
    await ingest(options());
    expect(await check()).toEqual({ stale: false, reasons: [] });
  });

  it("names changed, new and removed files", async () => {
    await ingest(options());
    await temp.write("corpus/alpha.md", `${ALPHA}\nA new closing line.\n`);
    await temp.write("corpus/gamma.md", "## New\n\nA new file.\n");
    await rm(temp.join("corpus/beta.md"));
    const result = await check();
    expect(result.stale).toBe(true);
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        "corpus/alpha.md changed",
        "corpus/gamma.md is new",
        "corpus/beta.md was removed",
      ]),
    );
    expect(result.reasons).toHaveLength(3);
  });

  it("is stale when the embedder or chunker settings changed", async () => {
    await ingest(options());
    const embedderChanged = await check(new HashEmbedder({ id: "test:other@32" }));
    expect(embedderChanged.stale).toBe(true);
    expect(embedderChanged.reasons.join(" ")).toContain("test:other@32");
    const chunkerChanged = await checkIndex({
      corpusDir,
      indexDir,
      embedder: new HashEmbedder(),
      chunker: { maxTokens: 90 },
    });
    expect(chunkerChanged.stale).toBe(true);
    expect(chunkerChanged.reasons.join(" ")).toContain("maxTokens");
  });
});
