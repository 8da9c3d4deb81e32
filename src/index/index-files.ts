import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { IndexCorruptError } from "../errors/index-errors.ts";
import { processIsAlive } from "../internal/process-is-alive.ts";
import { INDEX_FILE_NAMES, type Manifest } from "./manifest.ts";

type FileRecords = Manifest["files"];

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Size and SHA-256 of every file of a version folder, for its manifest. */
export async function describeIndexFiles(directory: string): Promise<FileRecords> {
  const entries = await Promise.all(
    INDEX_FILE_NAMES.map(async (name) => {
      const bytes = await readFile(path.join(directory, name));
      return [name, { bytes: bytes.byteLength, sha256: sha256(bytes) }] as const;
    }),
  );
  return Object.fromEntries(entries) as FileRecords;
}

/**
 * Checks every file of a version against the sizes and checksums its manifest records, before
 * any of them is parsed or handed to hnswlib: a damaged `vectors.hnsw` can crash the process in
 * native code (a segmentation fault), which no try/catch can catch. The first mismatch is an
 * IndexCorruptError naming the file.
 */
export async function verifyIndexFiles(
  indexDir: string,
  directory: string,
  files: FileRecords,
): Promise<void> {
  for (const name of INDEX_FILE_NAMES) {
    const expected = files[name];
    const file = path.join(directory, name);
    let size: number;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new IndexCorruptError(indexDir, `${name} is not a file`);
      size = info.size;
    } catch (error) {
      if (error instanceof IndexCorruptError) throw error;
      throw new IndexCorruptError(indexDir, `${name} is missing or unreadable`, { cause: error });
    }
    if (size !== expected.bytes) {
      throw new IndexCorruptError(
        indexDir,
        `${name} is ${size.toLocaleString("en-US")} bytes; the manifest records ${expected.bytes.toLocaleString("en-US")}`,
      );
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new IndexCorruptError(indexDir, `${name} is unreadable`, { cause: error });
    }
    if (sha256(bytes) !== expected.sha256) {
      throw new IndexCorruptError(indexDir, `${name} does not match its checksum in the manifest`);
    }
  }
}

/** `.tmp-<version>-<pid>` (a version being written) and `CURRENT.<pid>.tmp` (a pointer swap). */
const TEMPORARY = [/^\.tmp-.+-(\d+)$/, /^CURRENT\.(\d+)\.tmp$/];

/**
 * Removes temporary files and folders left by builds whose process is gone (killed mid-write).
 * `minimumAgeMs` spares recent ones: a reader passes a minute, since on a folder shared between
 * machines a live writer's pid can look dead from here; a writer holding the lock passes 0.
 * Best effort: a read-only or missing folder is left as it is.
 */
export async function removeStaleTemporaryFiles(
  indexDir: string,
  options: { minimumAgeMs?: number } = {},
): Promise<void> {
  const minimumAgeMs = options.minimumAgeMs ?? 0;
  let names: string[];
  try {
    names = await readdir(indexDir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.map((pattern) => pattern.exec(name)?.[1]).find(Boolean);
    if (pid === undefined || processIsAlive(Number(pid))) continue;
    const file = path.join(indexDir, name);
    try {
      if (minimumAgeMs > 0 && Date.now() - (await stat(file)).mtimeMs < minimumAgeMs) continue;
      await rm(file, { recursive: true, force: true });
    } catch {
      // Read-only folder, or another process removed it first.
    }
  }
}
