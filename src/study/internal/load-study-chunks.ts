import path from "node:path";
import { z } from "zod";
import type { Chunk } from "../../chunking/chunk.ts";
import { IndexCorruptError, IndexMissingError } from "../../errors/index-errors.ts";
import { verifyIndexFiles } from "../../index/index-files.ts";
import { chunkSchema, loadManifest } from "../../index/index-store.ts";
import { readJsonFile } from "../../internal/read-json-file.ts";

/**
 * The chunks of the current index version, checked against the manifest, without loading the
 * embedder or the vector index: the study commands need only what ingest stored, so they start
 * in a fraction of a second. A missing or damaged index is the same typed error as for `ask`.
 */
export async function loadStudyChunks(indexDir: string): Promise<Chunk[]> {
  const manifest = await loadManifest(indexDir);
  if (manifest === undefined) throw new IndexMissingError(indexDir);
  const directory = path.join(indexDir, manifest.version);
  await verifyIndexFiles(indexDir, directory, manifest.files);
  const chunks = await readJsonFile(
    path.join(directory, "chunks.json"),
    z.array(chunkSchema),
    "chunks.json",
    {
      error: ({ problem, cause }) =>
        new IndexCorruptError(indexDir, `chunks.json ${problem}`, { cause }),
    },
  );
  // zod's output type spells optional fields as `T | undefined`; the stored shape is a Chunk.
  return chunks as Chunk[];
}
