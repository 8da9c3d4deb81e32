import matter from "gray-matter";
import { z } from "zod";
import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";
import type { CorpusDocument } from "../corpus-document.ts";
import { parseContentType } from "./content-type.ts";
import { decodeText } from "./decode-text.ts";
import type { DocumentLoader, LoaderInput, LoaderSource } from "./document-loader.ts";
import { matchesTypeOrExtension } from "./internal/can-load.ts";
import { assertSafeSource, fileTitle, safeTitle, sha256Hex } from "./internal/safe-text.ts";

// Front matter of corpus Markdown (also read through this loader by load-corpus.ts).
const frontMatterSchema = z.object({
  title: z.string().min(1).optional(),
  source: z.string().optional(),
  kind: z.string().min(1).optional(),
});

const EXTENSIONS = new Set([".md", ".markdown"]);
const MIME_TYPES = new Set(["text/markdown", "text/x-markdown"]);

/** Markdown with optional YAML front matter (`title`, `kind`, `source`), strict UTF-8. */
export class MarkdownLoader implements DocumentLoader {
  readonly kind = "markdown";

  canLoad(source: LoaderSource): boolean {
    return matchesTypeOrExtension(source, MIME_TYPES, EXTENSIONS);
  }

  async load(input: LoaderInput): Promise<CorpusDocument> {
    assertSafeSource(input.source);
    const text = decodeText(input.bytes, input.source, {
      declaredCharset: parseContentType(input.contentType).charset,
    });
    let parsed: matter.GrayMatterFile<string>;
    try {
      // An empty options object stops gray-matter from caching by content across files.
      parsed = matter(text, {});
    } catch (error) {
      throw new InvalidCorpusFileError(input.source, "has front matter that is not valid YAML", {
        cause: error,
      });
    }
    const frontMatter = frontMatterSchema.safeParse(parsed.data);
    if (!frontMatter.success) {
      const problems = frontMatter.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new InvalidCorpusFileError(input.source, `has invalid front matter (${problems})`);
    }
    const body = parsed.content.replace(/^\uFEFF/, "");
    // gray-matter's content is the text after the front matter, so the lines before it are that.
    const bodyLine = text.slice(0, text.length - parsed.content.length).split("\n").length;
    if (body.includes("\u0000")) {
      throw new InvalidCorpusFileError(
        input.source,
        "contains NUL bytes; it does not look like text",
      );
    }
    return {
      source: input.source,
      path: input.path ?? input.source,
      title:
        safeTitle(input.title) ??
        safeTitle(frontMatter.data.title) ??
        fileTitle(input.source) ??
        input.source,
      kind: input.kind ?? frontMatter.data.kind ?? "document",
      ...(frontMatter.data.source === undefined ? {} : { origin: frontMatter.data.source }),
      body,
      bodyLine,
      contentHash: sha256Hex(input.bytes),
    };
  }
}
