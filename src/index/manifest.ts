import { z } from "zod";

/**
 * Bumped whenever the files of an index version change shape or meaning. 2: the manifest records
 * the size and SHA-256 of every file (`files`), checked before any file is read. 3: lexical terms
 * are stemmed from American spellings ("normalisation" and "normalization" are one term).
 */
export const INDEX_FORMAT_VERSION = 3;

/** Size and checksum of one file of a version, as written. */
const fileRecordSchema = z.strictObject({
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Every file of a version besides the manifest itself. */
export const INDEX_FILE_NAMES = [
  "chunks.json",
  "vectors.hnsw",
  "lexical.json",
  "units.json",
  "unit-vectors.bin",
] as const;

export type IndexFileName = (typeof INDEX_FILE_NAMES)[number];

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
  /**
   * Size and SHA-256 of every file of the version, written by the index writer and verified
   * before any of them is parsed or handed to hnswlib (which can crash on a damaged file).
   */
  files: z.strictObject(
    Object.fromEntries(INDEX_FILE_NAMES.map((name) => [name, fileRecordSchema])) as Record<
      IndexFileName,
      typeof fileRecordSchema
    >,
  ),
});

/** What built an index version: format, embedder, chunker, graph settings, source hashes, files. */
export type Manifest = z.infer<typeof manifestSchema>;
