import { z } from "zod";

/** Bumped whenever the files of an index version change shape. */
export const INDEX_FORMAT_VERSION = 1;

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  version: z.string().min(1),
  builtAt: z.iso.datetime(),
  embedder: z.object({ id: z.string().min(1), dimensions: z.number().int().positive() }),
  chunker: z.object({ maxTokens: z.number().int().positive() }),
  hnsw: z.object({
    m: z.number().int().positive(),
    efConstruction: z.number().int().positive(),
    efSearch: z.number().int().positive(),
  }),
  lexical: z.object({ kind: z.string().min(1) }),
  sources: z.array(
    z.object({
      source: z.string().min(1),
      title: z.string(),
      kind: z.string(),
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
      chunkCount: z.number().int().nonnegative(),
      /** The sources-manifest entry the document came from. */
      entry: z.string().optional(),
    }),
  ),
  chunkCount: z.number().int().nonnegative(),
});

/** What built an index version: format, embedder, chunker, graph settings, source hashes. */
export type Manifest = z.infer<typeof manifestSchema>;
