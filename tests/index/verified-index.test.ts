import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { createAssistant } from "../../src/create-services.ts";
import { AppError } from "../../src/errors/app-error.ts";
import { IndexCorruptError, IndexOutdatedError } from "../../src/errors/index-errors.ts";
import { DEFAULT_HNSW_SETTINGS } from "../../src/index/hnsw-vector-index.ts";
import { loadIndex, readCurrentVersion } from "../../src/index/index-store.ts";
import { checkIndex, type IngestOptions, ingest } from "../../src/ingest/ingest.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { TempDir } from "../support/temp-dir.ts";

const NOTES = `---
title: Notes
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

const EMBEDDER = { id: "test:hash@32", dimensions: 32 };
/** Every file of a version besides the manifest, which records their size and checksum. */
const INDEX_FILES = [
  "chunks.json",
  "lexical.json",
  "vectors.hnsw",
  "units.json",
  "unit-vectors.bin",
] as const;

let temp: TempDir;
let indexDir: string;

function options(extra: Partial<IngestOptions> = {}): IngestOptions {
  return {
    corpusDir: temp.join("corpus"),
    indexDir,
    embedder: new HashEmbedder(),
    chunker: { maxTokens: 180 },
    hnsw: DEFAULT_HNSW_SETTINGS,
    ...extra,
  };
}

async function versionFile(name: string): Promise<string> {
  return path.join(indexDir, (await readCurrentVersion(indexDir)) ?? "missing", name);
}

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ["-e", ""]).pid;
  expect(pid).toBeGreaterThan(0);
  return pid;
}

beforeEach(async () => {
  temp = await TempDir.create();
  indexDir = temp.join("indexes");
  await temp.write("corpus/notes.md", NOTES);
});

afterEach(async () => {
  await temp.remove();
});

/** Ways an index file gets damaged: a bad disk sector, a copy cut short, a stray write. */
const DAMAGE: Record<string, (file: string) => Promise<void>> = {
  "200 bytes overwritten in the middle": async (file) => {
    const bytes = await readFile(file);
    const length = Math.min(200, Math.floor(bytes.length / 2));
    const start = Math.floor((bytes.length - length) / 2);
    for (let offset = start; offset < start + length; offset++) {
      bytes[offset] = (bytes[offset] ?? 0) ^ 0xa5;
    }
    await writeFile(file, bytes);
  },
  "truncated to half": async (file) => {
    await truncate(file, Math.floor((await stat(file)).size / 2));
  },
  "zero-length": async (file) => {
    await writeFile(file, "");
  },
  "garbage of the same size": async (file) => {
    const size = (await stat(file)).size;
    await writeFile(file, Buffer.alloc(size, 0x7f));
  },
  "an extra byte": async (file) => {
    await writeFile(file, Buffer.concat([await readFile(file), Buffer.from([0])]));
  },
  missing: async (file) => {
    await rm(file);
  },
};

describe("verified index files", () => {
  it("records the size and SHA-256 of every file of a version in its manifest", async () => {
    const summary = await ingest(options());
    const manifest = JSON.parse(await readFile(await versionFile("manifest.json"), "utf8")) as {
      files: Record<string, { bytes: number; sha256: string }>;
    };
    expect(Object.keys(manifest.files).sort()).toEqual([...INDEX_FILES].sort());
    for (const name of INDEX_FILES) {
      const bytes = await readFile(path.join(indexDir, summary.version, name));
      expect(manifest.files[name]).toEqual({
        bytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
  });

  // Before the checksums, 200 changed bytes in vectors.hnsw crashed the process inside hnswlib
  // (a segmentation fault) or failed later with "Label not found".
  for (const name of INDEX_FILES) {
    for (const [kind, damage] of Object.entries(DAMAGE)) {
      it(`refuses ${name} ${kind} with a one-line error naming the file`, async () => {
        await ingest(options());
        await damage(await versionFile(name));
        const error = await loadIndex(indexDir, EMBEDDER).then(
          () => undefined,
          (rejection: unknown) => rejection,
        );
        expect(error).toBeInstanceOf(IndexCorruptError);
        const message = (error as Error).message;
        expect(message).toContain(name);
        expect(message).toContain("npm run ingest");
        expect(message).not.toContain("\n");
      });
    }
  }

  it("refuses a CURRENT that names something other than a version folder", async () => {
    await ingest(options());
    await writeFile(path.join(indexDir, "CURRENT"), "../../etc\n");
    await expect(loadIndex(indexDir, EMBEDDER)).rejects.toThrow(IndexCorruptError);
  });

  it("refuses a manifest whose version is not the folder CURRENT names", async () => {
    await ingest(options());
    const file = await versionFile("manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...manifest, version: "v20200101T000000Z-other" }));
    await expect(loadIndex(indexDir, EMBEDDER)).rejects.toThrow(/does not match CURRENT/);
  });

  it("asks for a rebuild of an index written before checksums, and a build replaces it", async () => {
    await ingest(options());
    const file = await versionFile("manifest.json");
    const { files: _files, ...manifest } = JSON.parse(await readFile(file, "utf8"));
    await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 1 }));
    const error = await loadIndex(indexDir, EMBEDDER).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(IndexOutdatedError);
    expect((error as AppError).exitCode).toBe(3);
    expect((error as Error).message).toMatch(
      /the index in .* was built by an older version .* rebuild it with `npm run ingest`/,
    );
    const status = await checkIndex(options());
    expect(status.stale).toBe(true);
    expect(status.reasons.join("\n")).toMatch(/older version/);
    const summary = await ingest(options());
    expect(summary.fullRebuildReason).toMatch(/older version/);
    await expect(loadIndex(indexDir, EMBEDDER)).resolves.toMatchObject({
      chunks: expect.any(Array),
    });
  });
});

describe("stale temporary files", () => {
  it("removes a CURRENT.<pid>.tmp left by a killed build when ingest starts", async () => {
    await ingest(options());
    const leftover = path.join(indexDir, `CURRENT.${deadPid()}.tmp`);
    const live = path.join(indexDir, `CURRENT.${process.ppid}.tmp`);
    await writeFile(leftover, "v20200101T000000Z-deadbeef\n");
    await writeFile(live, "v20200101T000000Z-cafecafe\n");
    // Nothing changed: the build writes nothing, but still cleans up.
    await expect(ingest(options())).resolves.toMatchObject({ upToDate: true });
    await expect(stat(leftover)).rejects.toThrow();
    expect((await stat(live)).isFile()).toBe(true);
  });

  it("removes an old CURRENT.<pid>.tmp of a dead process when the server or CLI loads the index", async () => {
    await ingest(options());
    const leftover = path.join(indexDir, `CURRENT.${deadPid()}.tmp`);
    await writeFile(leftover, "v20200101T000000Z-deadbeef\n");
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await utimes(leftover, anHourAgo, anHourAgo);
    const config = loadConfig({ INDEX_DIR: indexDir, CORPUS_DIR: temp.join("corpus") });
    await createAssistant(config, { embedder: new HashEmbedder() });
    expect((await readdir(indexDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an empty corpus", () => {
  it("is an error naming the corpus (exit code 2), and no index is written", async () => {
    await rm(temp.join("corpus/notes.md"));
    await temp.write("corpus/empty.md", "");
    await temp.write("corpus/blank.md", "\n\n   \n");
    await temp.write("corpus/front-matter-only.md", "---\ntitle: Nothing\n---\n");
    const error = await ingest(options()).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).exitCode).toBe(2);
    expect((error as Error).message).toContain(temp.join("corpus"));
    expect((error as Error).message).toMatch(/no text to index/);
    expect(await readCurrentVersion(indexDir)).toBeUndefined();
  });
});
