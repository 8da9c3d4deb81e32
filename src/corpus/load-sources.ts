import { realpath } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { InvalidCorpusFileError } from "../errors/corpus-errors.ts";
import type { CorpusDocument } from "./corpus-document.ts";
import { crawl } from "./fetch/crawl.ts";
import { loadCorpus } from "./load-corpus.ts";
import { pickLoader } from "./loaders/pick-loader.ts";
import { readCorpusFile } from "./read-corpus-file.ts";
import {
  entryName,
  readSourcesManifest,
  SOURCES_FILE,
  type SourceEntry,
} from "./sources-manifest.ts";

export { MAX_CORPUS_FILE_BYTES } from "./read-corpus-file.ts";

/** A source that could not be loaded; the rest of the corpus is still indexed. */
export type SourceLoadError = { entry: string; source: string; message: string };

export type LoadedSources = { documents: CorpusDocument[]; errors: SourceLoadError[] };

const SUPPORTED = ".md, .markdown, .html, .htm, .pdf, .txt";

/** Loads one local file of the corpus with the loader its extension calls for. */
async function loadFile(
  corpusDir: string,
  relative: string,
  entry: SourceEntry,
): Promise<CorpusDocument> {
  const directory = path.resolve(corpusDir);
  const file = path.resolve(directory, relative);
  const source = path.posix.join(
    path.basename(directory),
    ...path.relative(directory, file).split(path.sep),
  );
  const loader = pickLoader({ path: file });
  if (loader === undefined) {
    throw new InvalidCorpusFileError(
      source,
      `has a file type no loader reads; supported: ${SUPPORTED}`,
    );
  }
  await assertInsideCorpus(directory, file, source, entry);
  const bytes = await readCorpusFile(file, source);
  const document = await loader.load({
    bytes,
    source,
    path: file,
    ...(entry.title === undefined ? {} : { title: entry.title }),
  });
  return tagged(document, entry);
}

/**
 * Refuses a file whose real path (symlinks resolved, in the file and in its folders) is outside
 * the corpus folder: `link.txt -> /etc/os-release` listed in sources.json is never indexed.
 */
async function assertInsideCorpus(
  directory: string,
  file: string,
  source: string,
  entry: SourceEntry,
): Promise<void> {
  const cannotRead = (error: unknown) => {
    throw new InvalidCorpusFileError(source, "cannot be read", { cause: error });
  };
  const [realDirectory, realFile] = await Promise.all([
    realpath(directory).catch(cannotRead),
    realpath(file).catch(cannotRead),
  ]);
  const relative = path.relative(realDirectory, realFile);
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new InvalidCorpusFileError(
      path.join(directory, SOURCES_FILE),
      `source "${entryName(entry)}" (${source}) resolves through a symbolic link to ${realFile}, outside the corpus folder; only files inside it are indexed`,
    );
  }
}

function tagged(document: CorpusDocument, entry: SourceEntry): CorpusDocument {
  return {
    ...document,
    ...(entry.tags === undefined ? {} : { tags: entry.tags }),
    entry: entryName(entry),
  };
}

/**
 * Loads the corpus as its `sources.json` describes (local files, globs, URLs), or every Markdown
 * file when there is no manifest. A local file that cannot be used is an error (the maintainer
 * must fix it); a URL that fails is reported in `errors` and the run goes on.
 */
export async function loadSources(corpusDir: string): Promise<LoadedSources> {
  const manifest = await readSourcesManifest(corpusDir);
  if (manifest === undefined) return { documents: await loadCorpus(corpusDir), errors: [] };
  const documents: CorpusDocument[] = [];
  const errors: SourceLoadError[] = [];
  const seen = new Set<string>();
  const add = (document: CorpusDocument) => {
    if (seen.has(document.source)) return;
    seen.add(document.source);
    documents.push(document);
  };
  for (const entry of manifest.sources) {
    if ("path" in entry) {
      add(await loadFile(corpusDir, entry.path, entry));
    } else if ("glob" in entry) {
      const files = (await glob(entry.glob, { cwd: corpusDir, onlyFiles: true })).sort();
      if (files.length === 0) {
        errors.push({
          entry: entry.glob,
          source: entry.glob,
          message: "the pattern matches no file",
        });
      }
      for (const file of files) add(await loadFile(corpusDir, file, entry));
    } else {
      const result = await crawl(entry.url, {
        ...entry.crawl,
        ...(entry.title === undefined ? {} : { title: entry.title }),
      });
      for (const document of result.documents) add(tagged(document, entry));
      for (const problem of result.errors) {
        errors.push({ entry: entry.url, source: problem.url, message: problem.message });
      }
    }
  }
  if (documents.length === 0) {
    throw new InvalidCorpusFileError(
      path.join(corpusDir, "sources.json"),
      "lists no source that could be loaded",
    );
  }
  return { documents, errors };
}
