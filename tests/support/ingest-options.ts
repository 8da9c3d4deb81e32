import type { Embedder } from "../../src/embedders/embedder.ts";
import { DEFAULT_HNSW_SETTINGS } from "../../src/index/hnsw-vector-index.ts";
import type { IngestOptions } from "../../src/ingest/ingest.ts";
import type { TempDir } from "./temp-dir.ts";

/** Ingest settings for a test corpus in `<temp>/corpus` indexed into `<temp>/index`. */
export function tempIngestOptions(
  temp: TempDir,
  embedder: Embedder,
  extra: Partial<IngestOptions> = {},
): IngestOptions {
  return {
    corpusDir: temp.join("corpus"),
    indexDir: temp.join("index"),
    embedder,
    chunker: { maxTokens: 180 },
    hnsw: DEFAULT_HNSW_SETTINGS,
    ...extra,
  };
}
