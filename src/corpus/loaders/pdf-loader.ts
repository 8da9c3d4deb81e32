import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";
import type { CorpusDocument } from "../corpus-document.ts";
import type { DocumentLoader, LoaderInput, LoaderSource } from "./document-loader.ts";
import { matchesTypeOrExtension } from "./internal/can-load.ts";
import { escapeHeadingText, plainTextToMarkdown } from "./internal/plain-text-to-markdown.ts";
import { assertSafeSource, fileTitle, safeTitle, sha256Hex } from "./internal/safe-text.ts";

const PDF_TYPES = new Set(["application/pdf"]);
const PDF_EXTENSIONS = new Set([".pdf"]);

/**
 * PDF text through unpdf (a serverless build of PDF.js), one `## Page N` section per page, so
 * every chunk carries its page in its heading path ("Page 3") and citations can show it.
 * Title from the PDF's metadata, else the file name. A PDF without a text layer (a scan) is an
 * error: there is nothing to index.
 */
export class PdfLoader implements DocumentLoader {
  readonly kind = "pdf";

  canLoad(source: LoaderSource): boolean {
    return matchesTypeOrExtension(source, PDF_TYPES, PDF_EXTENSIONS);
  }

  async load(input: LoaderInput): Promise<CorpusDocument> {
    assertSafeSource(input.source);
    const contentHash = sha256Hex(input.bytes);
    let pages: string[];
    let metadataTitle: unknown;
    try {
      // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
      // verbosity 0 keeps PDF.js from printing warnings about damaged files to the console.
      // A plain Uint8Array copy: PDF.js detaches the buffer it gets and rejects Node Buffers.
      const pdf = await getDocumentProxy(Uint8Array.from(input.bytes), { verbosity: 0 });
      try {
        const meta = await getMeta(pdf);
        metadataTitle = meta.info.Title;
        pages = (await extractText(pdf, { mergePages: false })).text;
      } finally {
        await pdf.destroy();
      }
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new InvalidCorpusFileError(input.source, `cannot be read as a PDF (${reason})`, {
        cause: error,
      });
    }
    const title =
      safeTitle(input.title) ??
      safeTitle(typeof metadataTitle === "string" ? metadataTitle : undefined) ??
      fileTitle(input.source) ??
      input.source;
    const sections = pages.map((text, index) => ({
      page: index + 1,
      markdown: plainTextToMarkdown(text),
    }));
    if (sections.every((section) => section.markdown.length === 0)) {
      throw new InvalidCorpusFileError(
        input.source,
        `has no text layer in its ${pages.length} page(s) (a scanned PDF?); nothing to index`,
      );
    }
    const body = [
      `# ${escapeHeadingText(title)}`,
      ...sections.map((section) =>
        section.markdown.length === 0
          ? `## Page ${section.page}`
          : `## Page ${section.page}\n\n${section.markdown}`,
      ),
    ].join("\n\n");
    return {
      source: input.source,
      path: input.path ?? input.source,
      title,
      kind: input.kind ?? "document",
      body: `${body}\n`,
      contentHash,
    };
  }
}
