import type { CorpusDocument } from "../corpus-document.ts";

/** What a loader is asked about before loading: a file path or URL path, and/or a MIME type. */
export type LoaderSource = {
  /** File path or URL path; only its extension is looked at (`.html`, `.pdf`). */
  path?: string;
  /** A MIME type or a whole `Content-Type` header value (`text/html; charset=utf-8`). */
  contentType?: string;
};

/** The raw bytes of one document and how to name it. */
export type LoaderInput = {
  bytes: Uint8Array;
  /** Name shown in citations: a corpus path (`corpus/notes.pdf`) or the final URL of a page. */
  source: string;
  /** Overrides the title found in the document (front matter, `<title>`, PDF metadata). */
  title?: string;
  /**
   * Labels from the sources manifest. `CorpusDocument` has no field for them yet, so loaders
   * accept and ignore them; the caller keeps them next to the document.
   */
  tags?: string[];
  /** What the document is (`tutorial`); overrides front matter. @default "document" */
  kind?: string;
  /** The `Content-Type` the document was served with; its `charset` decides how text is decoded. */
  contentType?: string;
  /** Absolute path on disk, or the URL; stored as `CorpusDocument.path`. @default source */
  path?: string;
};

/**
 * Turns the bytes of one file or web page into a `CorpusDocument` whose body is Markdown, so the
 * Markdown chunker can cut every format along its headings and tables. `contentHash` is the
 * sha256 of the bytes. Failures are `InvalidCorpusFileError`s naming the source.
 */
export type DocumentLoader = {
  readonly kind: "markdown" | "html" | "pdf" | "text";
  /** True when the extension or the content type is one this loader reads. */
  canLoad(source: LoaderSource): boolean;
  load(input: LoaderInput): Promise<CorpusDocument>;
};
