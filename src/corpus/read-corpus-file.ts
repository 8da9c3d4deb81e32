import { readFile, stat } from "node:fs/promises";
import { InvalidCorpusFileError } from "../errors/corpus-errors.ts";

/**
 * Largest corpus file read, in bytes (5 MiB; the roadmap is 40 KB). A bigger file is an error
 * naming it, its size and the limit, not a slow ingest.
 */
export const MAX_CORPUS_FILE_BYTES = 5 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads one local corpus file, refusing it before reading when it is over the size limit. */
export async function readCorpusFile(file: string, source: string): Promise<Buffer> {
  const cannotRead = (error: unknown) => {
    throw new InvalidCorpusFileError(source, "cannot be read", { cause: error });
  };
  const info = await stat(file).catch(cannotRead);
  const tooBig = (size: number) =>
    new InvalidCorpusFileError(
      source,
      `is ${megabytes(size)}; the limit for a corpus file is ${megabytes(MAX_CORPUS_FILE_BYTES)} (split it into smaller files)`,
    );
  if (info.size > MAX_CORPUS_FILE_BYTES) throw tooBig(info.size);
  const bytes = await readFile(file).catch(cannotRead);
  // The file may have grown between the two calls.
  if (bytes.length > MAX_CORPUS_FILE_BYTES) throw tooBig(bytes.length);
  return bytes;
}
