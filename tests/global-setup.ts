import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { DEFAULT_CHUNKER_SETTINGS } from "../src/chunking/chunk.ts";
import { UseEmbedder } from "../src/embedders/use-embedder.ts";
import { DEFAULT_HNSW_SETTINGS } from "../src/index/hnsw-vector-index.ts";
import { checkIndex, ingest } from "../src/ingest/ingest.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** An index of the real corpus with the default embedder, shared read-only. */
    sharedIndexDir: string;
  }
}

const COMMITTED_INDEX = "indexes";

/**
 * Shares the committed index of the real corpus with the end-to-end tests. When it no longer
 * matches corpus/ (the corpus was edited and not re-indexed yet: tests/ingest/committed-index
 * fails then), a fresh index is built in a temporary folder instead, so the other tests still
 * measure the current corpus.
 */
export default async function setup(project: TestProject) {
  const embedder = new UseEmbedder();
  const settings = { corpusDir: "corpus", embedder, chunker: DEFAULT_CHUNKER_SETTINGS };
  const status = await checkIndex({ ...settings, indexDir: COMMITTED_INDEX });
  if (!status.stale) {
    project.provide("sharedIndexDir", path.resolve(COMMITTED_INDEX));
    return;
  }
  console.warn(
    `The committed index is stale (${status.reasons.join("; ")}): building one for this run.`,
  );
  const directory = await mkdtemp(path.join(os.tmpdir(), "study-assistant-index-"));
  await ingest({ ...settings, indexDir: directory, hnsw: DEFAULT_HNSW_SETTINGS });
  project.provide("sharedIndexDir", directory);
  return async () => {
    await rm(directory, { recursive: true, force: true });
  };
}
