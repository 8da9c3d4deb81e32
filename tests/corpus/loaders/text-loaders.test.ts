import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS } from "../../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../../src/chunking/chunk-markdown.ts";
import { loadMarkdownDocument } from "../../../src/corpus/load-corpus.ts";
import { MarkdownLoader } from "../../../src/corpus/loaders/markdown-loader.ts";
import { createDefaultLoaders, pickLoader } from "../../../src/corpus/loaders/pick-loader.ts";
import { TextLoader } from "../../../src/corpus/loaders/text-loader.ts";
import { projectPath } from "../../support/project-root.ts";

describe("MarkdownLoader", () => {
  it("reads a file exactly as loadMarkdownDocument does", async () => {
    const file = projectPath("tests/fixtures/docs/study-notes.md");
    const fromDisk = await loadMarkdownDocument(file, "docs/study-notes.md");
    const fromBytes = await new MarkdownLoader().load({
      bytes: await readFile(file),
      source: "docs/study-notes.md",
      path: file,
    });
    expect(fromBytes).toEqual(fromDisk);
    expect(fromBytes.kind).toBe("tutorial");
    expect(fromBytes.origin).toBe("https://example.org/study-notes");
  });

  it("decodes with the charset a server declares", async () => {
    const document = await new MarkdownLoader().load({
      bytes: Buffer.from("# Caf\u00e9\n\nNa\u00efve Bayes.\n", "latin1"),
      source: "https://127.0.0.1/notes.md",
      contentType: "text/markdown; charset=ISO-8859-1",
    });
    expect(document.body).toContain("Naïve Bayes.");
  });

  it("names the bad front matter field", async () => {
    await expect(
      new MarkdownLoader().load({
        bytes: Buffer.from("---\ntitle: 3\n---\nText\n"),
        source: "a.md",
      }),
    ).rejects.toThrow(/a\.md: has invalid front matter \(title: /);
  });
});

describe("TextLoader", () => {
  it("keeps plain text as written, with nothing read as Markdown structure", async () => {
    const bytes = await readFile(projectPath("tests/fixtures/docs/study-notes.txt"));
    const document = await new TextLoader().load({ bytes, source: "docs/study-notes.txt" });
    expect(document.title).toBe("study-notes");
    expect(document.body.startsWith("# study-notes\n\n")).toBe(true);
    const chunks = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS);
    expect(chunks.every((chunk) => chunk.kind === "prose" && chunk.section === "study-notes")).toBe(
      true,
    );
    const text = chunks.map((chunk) => chunk.text).join("\n");
    expect(text).toContain("# This line starts with a hash but is not a heading.");
    expect(text).toContain("1. Neither is this a list");
    // Tags are never passed on as markup, even written as text: their inner text stays.
    expect(text).toContain("- Nor this, | with a pipe | and angle brackets & an ampersand.");
    expect(text).toContain("learning_rate * gradient");
  });

  it("drops a byte order mark and normalises line ends", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("line one\r\nline two\r\n")]);
    const document = await new TextLoader().load({ bytes, source: "notes.txt", title: "Notes" });
    expect(document.body).toBe("# Notes\n\nline one\nline two\n");
  });

  it("points at the first byte that is not UTF-8", async () => {
    const bytes = Buffer.concat([
      Buffer.from("valid start "),
      Buffer.from([0xe2, 0x82]),
      Buffer.from("!"),
    ]);
    await expect(new TextLoader().load({ bytes, source: "docs/bad.txt" })).rejects.toThrow(
      "docs/bad.txt: is not valid UTF-8 (no charset declared, so UTF-8) (first bad byte at offset 12)",
    );
  });
});

describe("pickLoader", () => {
  const kindFor = (source: { path?: string; contentType?: string }) => pickLoader(source)?.kind;

  it("chooses by extension", () => {
    expect(kindFor({ path: "corpus/roadmap.md" })).toBe("markdown");
    expect(kindFor({ path: "corpus/page.HTM" })).toBe("html");
    expect(kindFor({ path: "/files/notes.pdf?download=1" })).toBe("pdf");
    expect(kindFor({ path: "notes.txt" })).toBe("text");
    expect(kindFor({ path: "archive.zip" })).toBeUndefined();
    expect(kindFor({ path: "README" })).toBeUndefined();
  });

  it("lets a specific content type win, but not text/plain", () => {
    expect(kindFor({ path: "/page.md", contentType: "text/html; charset=utf-8" })).toBe("html");
    expect(kindFor({ path: "/download", contentType: "application/pdf" })).toBe("pdf");
    expect(kindFor({ path: "/notes.md", contentType: "text/plain; charset=utf-8" })).toBe(
      "markdown",
    );
    expect(kindFor({ path: "/notes", contentType: "text/plain" })).toBe("text");
    expect(kindFor({ path: "/", contentType: "application/xhtml+xml" })).toBe("html");
    expect(kindFor({ contentType: "image/png" })).toBeUndefined();
  });

  it("chooses among the loaders it is given", () => {
    const [markdown] = createDefaultLoaders();
    expect(pickLoader({ path: "a.pdf" }, markdown === undefined ? [] : [markdown])).toBeUndefined();
  });
});
