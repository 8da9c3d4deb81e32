import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { InvalidCorpusFileError } from "../errors/corpus-errors.ts";
import type { CorpusDocument } from "./corpus-document.ts";
import { MarkdownLoader } from "./loaders/markdown-loader.ts";
import { readCorpusFile } from "./read-corpus-file.ts";

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);
const markdownLoader = new MarkdownLoader();

/** Reads one Markdown file (at most `MAX_CORPUS_FILE_BYTES`): strict UTF-8, validated front matter, hash of the raw bytes. */
export async function loadMarkdownDocument(
  filePath: string,
  source: string,
): Promise<CorpusDocument> {
  const bytes = await readCorpusFile(filePath, source);
  return markdownLoader.load({ bytes, source, path: filePath });
}

/**
 * Loads every Markdown file under `corpusDir`, sorted by path so builds are reproducible.
 * Sources are named relative to the corpus folder's parent (`corpus/tutorials/python.md`).
 */
export async function loadCorpus(corpusDir: string): Promise<CorpusDocument[]> {
  const directory = path.resolve(corpusDir);
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new InvalidCorpusFileError(corpusDir, "is not a folder; set CORPUS_DIR or --corpus");
  }
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && MARKDOWN_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const prefix = path.basename(directory);
  const documents: CorpusDocument[] = [];
  for (const file of files) {
    const source = path.posix.join(prefix, ...path.relative(directory, file).split(path.sep));
    documents.push(await loadMarkdownDocument(file, source));
  }
  if (documents.length === 0) {
    throw new InvalidCorpusFileError(corpusDir, "holds no Markdown (.md) files to index");
  }
  return documents;
}
