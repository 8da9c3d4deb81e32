import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Chunk } from "../chunking/chunk.ts";
import {
  EmbedderMismatchError,
  IndexCorruptError,
  IndexMissingError,
  IndexOutdatedError,
} from "../errors/index-errors.ts";
import { readJsonFile } from "../internal/read-json-file.ts";
import { HnswVectorIndex } from "./hnsw-vector-index.ts";
import { describeIndexFiles, removeStaleTemporaryFiles, verifyIndexFiles } from "./index-files.ts";
import { INDEX_FORMAT_VERSION, type Manifest, manifestSchema } from "./manifest.ts";
import { MiniSearchLexicalIndex } from "./minisearch-lexical-index.ts";
import { readUnitVectors, type UnitVectors, writeUnitVectors } from "./unit-vectors.ts";

/**
 * Layout of an index folder (INDEX_DIR, default `indexes/`):
 *   CURRENT              name of the version being served (swapped atomically by rename)
 *   <version>/           one immutable build: manifest.json, chunks.json, vectors.hnsw, lexical.json,
 *                        units.json + unit-vectors.bin (embedded sentences, list items and rows);
 *                        the manifest records the size and SHA-256 of every other file
 *   .tmp-<version>-<pid> a build in progress; never read
 *   CURRENT.<pid>.tmp    the next CURRENT, renamed over it
 */
const CURRENT_FILE = "CURRENT";
const FILES = {
  manifest: "manifest.json",
  chunks: "chunks.json",
  vectors: "vectors.hnsw",
  lexical: "lexical.json",
} as const;

/** A loaded, queryable index version. Chunk `i` has vector label `i`. */
export type LoadedIndex = {
  directory: string;
  manifest: Manifest;
  chunks: Chunk[];
  chunkById: Map<string, Chunk>;
  labelById: Map<string, number>;
  vectorIndex: HnswVectorIndex;
  lexicalIndex: MiniSearchLexicalIndex;
  /** Embedded quotable units by chunk id; empty for a version built before units were embedded. */
  units: UnitVectors;
};

/** What a build hands over to be written; the writer adds the manifest's file checksums. */
export type IndexBuild = {
  manifest: Omit<Manifest, "files">;
  chunks: Chunk[];
  vectorIndex: HnswVectorIndex;
  lexicalIndex: MiniSearchLexicalIndex;
  units: UnitVectors;
};

/** A stored chunk as chunks.json holds it. */
export const chunkSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  title: z.string(),
  section: z.string(),
  kind: z.enum(["prose", "table-row", "faq"]),
  text: z.string(),
  position: z.number().int().nonnegative(),
  cells: z.array(z.object({ header: z.string(), value: z.string() })).optional(),
});

/** A version folder's name: `v` and letters, digits, `.`, `_`, `-` (never a path). */
const VERSION_NAME = /^v[\w.-]{1,200}$/;

/** The version named in CURRENT, or undefined when no index was ever built here. */
export async function readCurrentVersion(indexDir: string): Promise<string | undefined> {
  let version: string;
  try {
    version = (await readFile(path.join(indexDir, CURRENT_FILE), "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new IndexCorruptError(indexDir, "CURRENT cannot be read", { cause: error });
  }
  if (version.length === 0) return undefined;
  if (!VERSION_NAME.test(version)) {
    throw new IndexCorruptError(indexDir, "CURRENT does not name a version folder");
  }
  return version;
}

/**
 * Reads one JSON file of an index version. Any problem is an IndexCorruptError: the index is
 * written by `ingest` alone, and rebuilding it is the fix.
 */
function readIndexJson<Schema extends z.ZodType>(
  indexDir: string,
  file: string,
  schema: Schema,
): Promise<z.output<Schema>> {
  const name = path.basename(file);
  return readJsonFile(file, schema, name, {
    error: ({ step, problem, cause }) =>
      new IndexCorruptError(
        indexDir,
        step === "read"
          ? `${name} is missing or unreadable`
          : step === "parse"
            ? `${name} is not valid JSON`
            : `${name} ${problem}`,
        { cause },
      ),
  });
}

/**
 * Reads and validates only the manifest of the current version. A manifest of another format
 * (e.g. one written before file checksums) is an IndexOutdatedError.
 */
export async function loadManifest(indexDir: string): Promise<Manifest | undefined> {
  const version = await readCurrentVersion(indexDir);
  if (version === undefined) return undefined;
  const file = path.join(indexDir, version, FILES.manifest);
  const { formatVersion } = await readIndexJson(
    indexDir,
    file,
    z.object({ formatVersion: z.number().int() }),
  );
  if (formatVersion !== INDEX_FORMAT_VERSION) {
    throw new IndexOutdatedError(indexDir, formatVersion, INDEX_FORMAT_VERSION);
  }
  const manifest = await readIndexJson(indexDir, file, manifestSchema);
  if (manifest.version !== version) {
    throw new IndexCorruptError(
      indexDir,
      `manifest.json names version ${manifest.version}, which does not match CURRENT (${version})`,
    );
  }
  return manifest;
}

/**
 * Loads the current version. Fails with a clear error when there is none, when a file is
 * damaged (every file is checked against the manifest's sizes and checksums before it is read),
 * or when it was built by another embedder than `expectedEmbedder`.
 */
export async function loadIndex(
  indexDir: string,
  expectedEmbedder: { id: string; dimensions: number },
): Promise<LoadedIndex> {
  const manifest = await loadManifest(indexDir);
  if (manifest === undefined) throw new IndexMissingError(indexDir);
  if (
    manifest.embedder.id !== expectedEmbedder.id ||
    manifest.embedder.dimensions !== expectedEmbedder.dimensions
  ) {
    throw new EmbedderMismatchError(indexDir, manifest.embedder, expectedEmbedder);
  }
  const directory = path.join(indexDir, manifest.version);
  await verifyIndexFiles(indexDir, directory, manifest.files);
  const chunks = await readIndexJson(
    indexDir,
    path.join(directory, FILES.chunks),
    z.array(chunkSchema),
  );
  if (chunks.length !== manifest.chunkCount) {
    throw new IndexCorruptError(indexDir, "chunks.json does not match the manifest");
  }
  let vectorIndex: HnswVectorIndex;
  let lexicalIndex: MiniSearchLexicalIndex;
  try {
    vectorIndex = await HnswVectorIndex.load(
      path.join(directory, FILES.vectors),
      manifest.embedder.dimensions,
      manifest.hnsw,
    );
    lexicalIndex = MiniSearchLexicalIndex.fromJSON(
      await readFile(path.join(directory, FILES.lexical), "utf8"),
    );
  } catch (error) {
    throw new IndexCorruptError(indexDir, "vectors.hnsw or lexical.json cannot be read", {
      cause: error,
    });
  }
  if (vectorIndex.size !== manifest.chunkCount) {
    throw new IndexCorruptError(indexDir, "vectors.hnsw does not match the manifest");
  }
  const units = await readUnitVectors(indexDir, directory, manifest.embedder.dimensions);
  // zod's output type spells optional fields as `T | undefined`; the stored shape is a Chunk.
  const chunkList = chunks as Chunk[];
  return {
    directory,
    manifest,
    chunks: chunkList,
    chunkById: new Map(chunkList.map((chunk) => [chunk.id, chunk])),
    labelById: new Map(chunkList.map((chunk, label) => [chunk.id, label])),
    vectorIndex,
    lexicalIndex,
    units,
  };
}

/**
 * Writes a build as a new version and makes it current. Files go to a temporary folder first,
 * which is renamed into place; CURRENT is then replaced by an atomic rename. A crash at any
 * point leaves the previous version current and loadable. Keeps the `keepPrevious` most recent
 * older versions and removes the rest, and any temporary folder left by a dead build.
 */
export async function writeIndex(
  indexDir: string,
  build: IndexBuild,
  options: { keepPrevious?: number } = {},
): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  // Two builds within one second can get the same name; a version folder is never replaced.
  let version = build.manifest.version;
  for (let counter = 1; await exists(path.join(indexDir, version)); counter++) {
    version = `${build.manifest.version}-${counter}`;
  }
  const unchecked = { ...build.manifest, version };
  const temporary = path.join(indexDir, `.tmp-${version}-${process.pid}`);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary);
  try {
    await writeFile(path.join(temporary, FILES.chunks), JSON.stringify(build.chunks));
    await writeFile(path.join(temporary, FILES.lexical), JSON.stringify(build.lexicalIndex));
    await build.vectorIndex.save(path.join(temporary, FILES.vectors));
    await writeUnitVectors(temporary, build.units, build.manifest.embedder.dimensions);
    // Checksums of the files as they are on disk; the manifest goes last: a folder with a
    // manifest is complete.
    const manifest: Manifest = { ...unchecked, files: await describeIndexFiles(temporary) };
    await writeFile(path.join(temporary, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(temporary, path.join(indexDir, version));
  } catch (error) {
    // This process is alive, so prune() would never remove its half-written folder.
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }

  const pointer = path.join(indexDir, `${CURRENT_FILE}.${process.pid}.tmp`);
  await writeFile(pointer, `${version}\n`);
  await rename(pointer, path.join(indexDir, CURRENT_FILE));

  await prune(indexDir, version, options.keepPrevious ?? 2);
  return version;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Removes versions older than the `keepPrevious` most recent ones besides `current`, and temporary
 * files and folders of builds whose process is gone. Call it holding the index lock.
 */
export async function prune(
  indexDir: string,
  current: string,
  keepPrevious: number,
): Promise<void> {
  const entries = await readdir(indexDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory() && /^v\d/.test(entry.name) && entry.name !== current)
    .map((entry) => entry.name);
  // Newest first by folder time: names alone misorder builds within one second.
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await stat(path.join(indexDir, name))).mtimeMs })),
  );
  dated.sort((left, right) => right.time - left.time || right.name.localeCompare(left.name));
  for (const old of dated.slice(keepPrevious)) {
    await rm(path.join(indexDir, old.name), { recursive: true, force: true });
  }
  await removeStaleTemporaryFiles(indexDir);
}
