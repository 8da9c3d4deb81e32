import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { InvalidCorpusFileError } from "../errors/invalid-corpus-file-error.ts";
import type { CorpusDocument } from "./corpus-document.ts";

const frontMatterSchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().optional(),
  kind: z.string().min(1).optional(),
});

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads one Markdown file: strict UTF-8, validated front matter, hash of the raw bytes. */
export async function loadMarkdownDocument(
  filePath: string,
  source: string,
): Promise<CorpusDocument> {
  const bytes = await readFile(filePath).catch((error: unknown) => {
    throw new InvalidCorpusFileError(source, "cannot be read", { cause: error });
  });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (error) {
    throw new InvalidCorpusFileError(source, "is not valid UTF-8; save it as UTF-8 and re-run", {
      cause: error,
    });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object stops gray-matter from caching by content across files.
    parsed = matter(text, {});
  } catch (error) {
    throw new InvalidCorpusFileError(source, "has front matter that is not valid YAML", {
      cause: error,
    });
  }
  const frontMatter = frontMatterSchema.safeParse(parsed.data);
  if (!frontMatter.success) {
    const problems = frontMatter.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new InvalidCorpusFileError(source, `has invalid front matter (${problems})`);
  }
  const body = parsed.content.replace(/^\uFEFF/, "");
  if (body.includes("\u0000")) {
    throw new InvalidCorpusFileError(source, "contains NUL bytes; it does not look like text");
  }
  return {
    source,
    path: filePath,
    title: frontMatter.data.title ?? path.basename(filePath, path.extname(filePath)),
    kind: frontMatter.data.kind ?? "document",
    ...(frontMatter.data.source === undefined ? {} : { origin: frontMatter.data.source }),
    body,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
  };
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
