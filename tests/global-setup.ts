import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { UseEmbedder } from "../src/embedders/use-embedder.ts";
import { DEFAULT_HNSW_SETTINGS } from "../src/index/hnsw-vector-index.ts";
import { ingest } from "../src/ingest/ingest.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** An index of the real corpus built once with the default embedder, shared read-only. */
    sharedIndexDir: string;
  }
}

/** Builds the real index once for all end-to-end tests (about 15 s with the default embedder). */
export default async function setup(project: TestProject) {
  const directory = await mkdtemp(path.join(os.tmpdir(), "study-assistant-index-"));
  await ingest({
    corpusDir: "corpus",
    indexDir: directory,
    embedder: new UseEmbedder(),
    chunker: { maxTokens: 180 },
    hnsw: DEFAULT_HNSW_SETTINGS,
  });
  project.provide("sharedIndexDir", directory);
  return async () => {
    await rm(directory, { recursive: true, force: true });
  };
}
