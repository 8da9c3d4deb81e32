import type { DocumentLoader, LoaderSource } from "./document-loader.ts";
import { HtmlLoader } from "./html-loader.ts";
import { MarkdownLoader } from "./markdown-loader.ts";
import { PdfLoader } from "./pdf-loader.ts";
import { TextLoader } from "./text-loader.ts";

/** One loader of each kind: Markdown, HTML, PDF, plain text. */
export function createDefaultLoaders(): DocumentLoader[] {
  return [new MarkdownLoader(), new HtmlLoader(), new PdfLoader(), new TextLoader()];
}

/**
 * The loader for a file or a fetched page, or undefined when none reads it. A specific content
 * type (HTML, PDF, Markdown) wins over the extension; `text/plain` does not, because servers send
 * Markdown files as `text/plain`: `notes.md` served as `text/plain` is loaded as Markdown.
 */
export function pickLoader(
  source: LoaderSource,
  loaders: readonly DocumentLoader[] = defaultLoaders,
): DocumentLoader | undefined {
  const byType =
    source.contentType === undefined
      ? undefined
      : loaders.find((loader) => loader.canLoad({ contentType: source.contentType ?? "" }));
  if (byType !== undefined && byType.kind !== "text") return byType;
  const byPath =
    source.path === undefined
      ? undefined
      : loaders.find((loader) => loader.canLoad({ path: source.path ?? "" }));
  return byPath ?? byType;
}

const defaultLoaders = createDefaultLoaders();
