import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";
import type { CorpusDocument } from "../corpus-document.ts";
import { parseContentType } from "./content-type.ts";
import { decodeText } from "./decode-text.ts";
import type { DocumentLoader, LoaderInput, LoaderSource } from "./document-loader.ts";
import { matchesTypeOrExtension } from "./internal/can-load.ts";
import { escapeHeadingText, plainTextToMarkdown } from "./internal/plain-text-to-markdown.ts";
import { assertSafeSource, fileTitle, safeTitle, sha256Hex } from "./internal/safe-text.ts";

const EXTENSIONS = new Set([".txt", ".text"]);

const TEXT_TYPES = new Set(["text/plain"]);

/**
 * Plain text, wrapped as one section under a `# title` heading. Markdown-looking characters are
 * escaped, so the text is indexed as written.
 */
export class TextLoader implements DocumentLoader {
  readonly kind = "text";

  canLoad(source: LoaderSource): boolean {
    return matchesTypeOrExtension(source, TEXT_TYPES, EXTENSIONS);
  }

  async load(input: LoaderInput): Promise<CorpusDocument> {
    assertSafeSource(input.source);
    const text = decodeText(input.bytes, input.source, {
      declaredCharset: parseContentType(input.contentType).charset,
    });
    if (text.includes("\u0000")) {
      throw new InvalidCorpusFileError(
        input.source,
        "contains NUL bytes; it does not look like text",
      );
    }
    const title = safeTitle(input.title) ?? fileTitle(input.source) ?? input.source;
    const content = plainTextToMarkdown(text);
    if (content.length === 0) throw new InvalidCorpusFileError(input.source, "holds no text");
    return {
      source: input.source,
      path: input.path ?? input.source,
      title,
      kind: input.kind ?? "document",
      body: `# ${escapeHeadingText(title)}\n\n${content}\n`,
      contentHash: sha256Hex(input.bytes),
    };
  }
}
