import path from "node:path";
import { z } from "zod";
import { InvalidCorpusFileError } from "../errors/corpus-errors.ts";
import { readJsonFile } from "../internal/read-json-file.ts";
import { crawlSettingsSchema } from "./fetch/crawl-settings.ts";

/** The manifest's file name inside the corpus folder. */
export const SOURCES_FILE = "sources.json";

const common = {
  /** Overrides the document's own title. */
  title: z.string().min(1).max(300).optional(),
  tags: z.array(z.string().min(1).max(50)).max(20).optional(),
};

/** Crawl options of a URL source: the crawler's own settings schema, unknown keys refused. */
const crawlSchema = crawlSettingsSchema.strict();

const entrySchema = z.union([
  z.strictObject({ path: z.string().min(1), ...common }),
  z.strictObject({ glob: z.string().min(1), ...common }),
  z.strictObject({
    url: z.url({ protocol: /^https?$/ }),
    crawl: crawlSchema.optional(),
    ...common,
  }),
]);

export const sourcesManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  sources: z.array(entrySchema).min(1, "list at least one source"),
});

export type SourceEntry = z.infer<typeof entrySchema>;
export type SourcesManifest = z.infer<typeof sourcesManifestSchema>;

/** A short stable name for an entry, used in messages and to group its documents. */
export function entryName(entry: SourceEntry): string {
  if ("path" in entry) return entry.path;
  if ("glob" in entry) return entry.glob;
  return entry.url;
}

/**
 * Reads `corpus/sources.json`, or undefined when the corpus has none (then every Markdown file is
 * indexed). Errors name the file and the entry: `sources.json: is invalid: sources[2].url: Invalid
 * URL (entry {...})`.
 */
export async function readSourcesManifest(corpusDir: string): Promise<SourcesManifest | undefined> {
  const file = path.join(corpusDir, SOURCES_FILE);
  const manifest = await readJsonFile(file, sourcesManifestSchema, "the sources manifest", {
    missing: "undefined",
    error: ({ problem, cause }) => new InvalidCorpusFileError(file, problem, { cause }),
  });
  if (manifest === undefined) return undefined;
  for (const entry of manifest.sources) {
    if ("path" in entry || "glob" in entry) {
      const target = "path" in entry ? entry.path : entry.glob;
      if (path.isAbsolute(target) || target.split(/[\\/]/).includes("..")) {
        throw new InvalidCorpusFileError(
          file,
          `source "${target}" must be a path inside the corpus folder (no absolute paths, no "..")`,
        );
      }
    }
  }
  return manifest;
}
