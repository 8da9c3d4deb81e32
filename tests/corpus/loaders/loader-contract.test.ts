import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS } from "../../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../../src/chunking/chunk-markdown.ts";
import type { DocumentLoader } from "../../../src/corpus/loaders/document-loader.ts";
import { HtmlLoader } from "../../../src/corpus/loaders/html-loader.ts";
import { MarkdownLoader } from "../../../src/corpus/loaders/markdown-loader.ts";
import { PdfLoader } from "../../../src/corpus/loaders/pdf-loader.ts";
import { TextLoader } from "../../../src/corpus/loaders/text-loader.ts";
import { InvalidCorpusFileError } from "../../../src/errors/corpus-errors.ts";
import { makePdf } from "./make-pdf.ts";

const encode = (text: string) => new TextEncoder().encode(text);

/** One valid and one broken document per loader, with how they would be named and served. */
type LoaderCase = {
  loader: DocumentLoader;
  kind: DocumentLoader["kind"];
  path: string;
  contentType: string;
  valid: Uint8Array;
  /** Text that must reach the body. */
  expectedText: string;
  broken: Uint8Array;
};

const INVALID_UTF8 = new Uint8Array([0x48, 0x69, 0x20, 0xc3, 0x28, 0x0a]);

const cases: LoaderCase[] = [
  {
    loader: new MarkdownLoader(),
    kind: "markdown",
    path: "corpus/notes/gradient-descent.md",
    contentType: "text/markdown; charset=utf-8",
    valid: encode(
      "---\ntitle: Gradient Descent\n---\n# Gradient Descent\n\nStep against the gradient, scaled by the learning rate.\n",
    ),
    expectedText: "scaled by the learning rate",
    broken: INVALID_UTF8,
  },
  {
    loader: new HtmlLoader(),
    kind: "html",
    path: "corpus/notes/gradient-descent.html",
    contentType: "text/html; charset=utf-8",
    valid: encode(
      "<!doctype html><html><head><title>Gradient Descent</title></head><body><main><h1>Gradient Descent</h1><p>Step against the gradient, scaled by the learning rate.</p></main></body></html>",
    ),
    expectedText: "scaled by the learning rate",
    broken: INVALID_UTF8,
  },
  {
    loader: new PdfLoader(),
    kind: "pdf",
    path: "corpus/notes/gradient-descent.pdf",
    contentType: "application/pdf",
    valid: makePdf([["Step against the gradient, scaled by the learning rate."]], {
      title: "Gradient Descent",
    }),
    expectedText: "scaled by the learning rate",
    broken: encode("%PDF-1.4\nthis is not really a PDF\n"),
  },
  {
    loader: new TextLoader(),
    kind: "text",
    path: "corpus/notes/gradient-descent.txt",
    contentType: "text/plain; charset=utf-8",
    valid: encode("Step against the gradient, scaled by the learning rate.\n"),
    expectedText: "scaled by the learning rate",
    broken: INVALID_UTF8,
  },
];

describe.each(cases)("DocumentLoader contract: $kind", (loaderCase) => {
  const { loader, path, contentType } = loaderCase;

  it("reads its own extension and content type, and no other case's", () => {
    expect(loader.kind).toBe(loaderCase.kind);
    expect(loader.canLoad({ path })).toBe(true);
    expect(loader.canLoad({ path: path.toUpperCase() })).toBe(true);
    expect(loader.canLoad({ contentType })).toBe(true);
    for (const other of cases.filter((candidate) => candidate !== loaderCase)) {
      expect(loader.canLoad({ path: other.path })).toBe(false);
      expect(loader.canLoad({ contentType: other.contentType })).toBe(false);
    }
    expect(loader.canLoad({})).toBe(false);
  });

  it("loads Markdown the chunker can cut, hashed and named as asked", async () => {
    const bytes = loaderCase.valid.slice();
    const document = await loader.load({ bytes, source: path, contentType });
    expect(document.source).toBe(path);
    expect(document.path).toBe(path);
    expect(document.kind).toBe("document");
    expect(document.title).toBe(
      loaderCase.kind === "text" ? "gradient-descent" : "Gradient Descent",
    );
    expect(document.contentHash).toBe(createHash("sha256").update(loaderCase.valid).digest("hex"));
    // The caller's bytes are left as they were (PDF.js detaches buffers it is given).
    expect(bytes).toEqual(loaderCase.valid);
    const chunks = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((chunk) => chunk.source === path)).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join("\n")).toContain(loaderCase.expectedText);
  });

  it("takes title, kind and path from the caller, made safe", async () => {
    const document = await loader.load({
      bytes: loaderCase.valid,
      source: path,
      path: `/srv/${path}`,
      title: "  Week 3:\n\tGradient\u202e Descent\u0000  ",
      kind: "tutorial",
      tags: ["optimisation"],
    });
    expect(document.title).toBe("Week 3: Gradient Descent");
    expect(document.kind).toBe("tutorial");
    expect(document.path).toBe(`/srv/${path}`);
  });

  it("rejects a document it cannot read, naming the source", async () => {
    const error = await loader.load({ bytes: loaderCase.broken, source: path }).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(InvalidCorpusFileError);
    expect((error as InvalidCorpusFileError).file).toBe(path);
    expect((error as Error).message.startsWith(`${path}: `)).toBe(true);
  });

  it("rejects a source name with control characters", async () => {
    await expect(loader.load({ bytes: loaderCase.valid, source: "notes\n.md" })).rejects.toThrow(
      /control or invisible characters/,
    );
  });
});
