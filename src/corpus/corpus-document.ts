/** One source file of the corpus, read and validated. */
export type CorpusDocument = {
  /** Path shown in citations, relative to the corpus folder's parent: `corpus/roadmap.md`. */
  source: string;
  /** Absolute path on disk. */
  path: string;
  title: string;
  /** What the document is (`roadmap`, `tutorial`), from front matter; `document` when absent. */
  kind: string;
  /** Where the text comes from, from front matter. */
  origin?: string;
  /** Markdown body without front matter. */
  body: string;
  /**
   * Line of the file the body starts on (1-based), after front matter; absent when the body is
   * converted text (HTML, PDF, plain text), whose lines are counted from 1.
   */
  bodyLine?: number;
  /** sha256 of the file's bytes; changes whenever the file does. */
  contentHash: string;
  /** Labels from the sources manifest. */
  tags?: string[];
  /** The sources-manifest entry the document came from (path, glob or URL). */
  entry?: string;
};
