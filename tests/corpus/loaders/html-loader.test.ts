import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS } from "../../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../../src/chunking/chunk-markdown.ts";
import { fetchUrl } from "../../../src/corpus/fetch/fetch-url.ts";
import { HtmlLoader } from "../../../src/corpus/loaders/html-loader.ts";
import { InvalidCorpusFileError } from "../../../src/errors/corpus-errors.ts";
import { projectPath } from "../../support/project-root.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

const loader = new HtmlLoader();
const load = (html: string | Uint8Array, extra: { contentType?: string; title?: string } = {}) =>
  loader.load({
    bytes: typeof html === "string" ? new TextEncoder().encode(html) : html,
    source: "https://127.0.0.1/page.html",
    ...extra,
  });

async function loadError(promise: Promise<unknown>): Promise<InvalidCorpusFileError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(InvalidCorpusFileError);
  return error as InvalidCorpusFileError;
}

describe("HtmlLoader on a page with boilerplate around the article", async () => {
  const bytes = await readFile(projectPath("tests/fixtures/site/article.html"));
  const document = await loader.load({ bytes, source: "tests/fixtures/site/article.html" });

  it("keeps the article's headings, table, code and lists as Markdown", () => {
    expect(document.title).toBe("Feature Scaling Explained");
    expect(document.body.startsWith("# Feature Scaling Explained\n")).toBe(true);
    expect(document.body).toContain("\n## Common scaling methods\n");
    expect(document.body).toContain("\n## Scaling in scikit-learn\n");
    expect(document.body).toContain(
      "| Method | Formula | Sensitive to outliers |\n| --- | --- | --- |\n| Min-max scaling | `(x - min) / (max - min)` | Yes |",
    );
    expect(document.body).toContain(
      "```python\nfrom sklearn.preprocessing import StandardScaler\n",
    );
    expect(document.body).toMatch(/^- {1,3}Fit on the training data only\.$/m);
  });

  it("drops navigation, cookie banner, promo and newsletter blocks, sidebar, footer and scripts", () => {
    for (const boilerplate of [
      "Pricing plans",
      "Log in",
      "Accept all cookies",
      "We use cookies",
      "Subscribe to our newsletter",
      "Join 40,000 readers",
      "premium bootcamp",
      "Enrol now",
      "Related posts",
      "complete course bundle",
      "All rights reserved",
      "Privacy policy",
      "tracking pixel",
      "window.analytics",
      "font-family",
    ]) {
      expect([boilerplate, document.body.includes(boilerplate)]).toEqual([boilerplate, false]);
    }
  });

  it("keeps the text of links, not their URLs", () => {
    expect(document.body).toContain("so it slots into a pipeline.");
    expect(document.body).not.toContain("scikit-learn.org");
  });

  it("gives the chunker one labelled table-row chunk per row, under the table's heading", () => {
    const chunks = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS);
    const rows = chunks.filter((chunk) => chunk.kind === "table-row");
    expect(rows.map((row) => row.text)).toEqual([
      "Method: Min-max scaling; Formula: (x - min) / (max - min); Sensitive to outliers: Yes",
      "Method: Standardisation; Formula: (x - mean) / std; Sensitive to outliers: Somewhat",
      "Method: Robust scaling; Formula: (x - median) / IQR; Sensitive to outliers: No",
    ]);
    expect(rows.every((row) => row.section === "Common scaling methods")).toBe(true);
    expect(rows[1]?.cells).toEqual([
      { header: "Method", value: "Standardisation" },
      { header: "Formula", value: "(x - mean) / std" },
      { header: "Sensitive to outliers", value: "Somewhat" },
    ]);
    expect(chunks.some((chunk) => chunk.text.includes("cookies"))).toBe(false);
  });
});

describe("HtmlLoader tables", () => {
  it("uses the first row as the header when a table has no <th>", async () => {
    const bytes = await readFile(projectPath("tests/fixtures/docs/glossary.html"));
    const document = await loader.load({ bytes, source: "docs/glossary.html" });
    const rows = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS).filter(
      (chunk) => chunk.kind === "table-row",
    );
    expect(rows.map((row) => row.text)).toEqual([
      "Term: Epoch; Meaning: One full pass over the training data",
      "Term: Batch; Meaning: The examples used for one gradient step",
    ]);
  });

  it("keeps a cell with a pipe or line breaks in one row", async () => {
    const document = await load(
      "<html><body><main><h2>Operators</h2><table><tr><th>Symbol</th><th>Meaning</th></tr><tr><td>a | b</td><td><p>bitwise or,</p><p>set union</p></td></tr></table></main></body></html>",
    );
    const rows = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS).filter(
      (chunk) => chunk.kind === "table-row",
    );
    expect(rows.map((row) => row.cells)).toEqual([
      [
        { header: "Symbol", value: "a | b" },
        { header: "Meaning", value: "bitwise or, set union" },
      ],
    ]);
  });

  it("unwraps one-column layout tables into text", async () => {
    const document = await load(
      "<html><body><table><tr><td><h2>Layout</h2><p>A page laid out with a table, one cell wide.</p></td></tr></table></body></html>",
    );
    expect(document.body).toContain("## Layout");
    expect(document.body).not.toContain("|");
  });

  it("turns h5 and h6 into bold lines, not headings", async () => {
    const document = await load(
      "<html><body><article><h2>Section</h2><h5>Minor point</h5><p>Some words for this section.</p></article></body></html>",
    );
    expect(document.body).toContain("**Minor point**");
    expect(document.body).not.toContain("##### ");
  });
});

describe("HtmlLoader titles and fallbacks", () => {
  const page = (head: string, body = "<h1>Heading One</h1><p>Body text.</p>") =>
    `<!doctype html><html><head>${head}</head><body><main>${body}</main></body></html>`;

  it("prefers the caller's title, then og:title, then <title>, then <h1>, then the file name", async () => {
    const both = page('<title>Title Tag</title><meta property="og:title" content="OG Title">');
    expect((await load(both, { title: "Given" })).title).toBe("Given");
    expect((await load(both)).title).toBe("OG Title");
    expect((await load(page("<title>Title Tag</title>"))).title).toBe("Title Tag");
    expect((await load(page(""))).title).toBe("Heading One");
    expect((await load(page("", "<p>No heading at all.</p>"))).title).toBe("page");
  });

  it("makes a hostile title safe: one line, no control or bidi characters, bounded", async () => {
    const long = "Very long title ".repeat(30);
    const document = await load(page(`<title>Evil\u202e\u0007 Title\n\n${long}</title>`));
    const unsafe = [...document.title].filter(
      (character) => character < " " || character === "\u202e",
    );
    expect(unsafe).toEqual([]);
    expect(document.title.startsWith("Evil Title Very long title")).toBe(true);
    expect(document.title.length).toBeLessThanOrEqual(200);
    expect(document.title.endsWith("…")).toBe(true);
  });

  it("reads a page that leaves out <html>, <head> and <body>", async () => {
    const document = await load("<!doctype html><title>Bare</title><p>Only a paragraph here.</p>");
    expect(document.title).toBe("Bare");
    expect(document.body).toContain("Only a paragraph here.");
  });

  it("rejects a page with no text", async () => {
    const error = await loadError(
      load(page("<title>Empty</title>", "<nav><a href='/'>Home</a></nav>")),
    );
    expect(error.message).toBe(
      "https://127.0.0.1/page.html: has no readable text in its main content",
    );
  });
});

describe("HtmlLoader charsets", () => {
  const latin1Page = (meta: string) =>
    Buffer.from(
      `<!doctype html><html><head>${meta}<title>Caf\u00e9</title></head><body><main><p>Na\u00efve Bayes \u00e0 la carte.</p></main></body></html>`,
      "latin1",
    );

  it("decodes a Latin-1 page declared in <meta>", async () => {
    const document = await load(latin1Page('<meta charset="iso-8859-1">'));
    expect(document.title).toBe("Café");
    expect(document.body).toContain("Naïve Bayes à la carte.");
  });

  it("decodes with the Content-Type charset, which wins over <meta>", async () => {
    const document = await load(latin1Page('<meta charset="utf-8">'), {
      contentType: "text/html; charset=ISO-8859-1",
    });
    expect(document.body).toContain("Naïve Bayes à la carte.");
  });

  it("decodes a Latin-1 page fetched from a server that declares it only in <meta>", async () => {
    let site: SiteServer | undefined;
    try {
      site = await startSiteServer();
      const resource = await fetchUrl(`${site.origin}/latin1.html`, { retries: 0 });
      expect(resource.contentType).toBe("text/html");
      const document = await loader.load({
        bytes: resource.bytes,
        source: resource.url,
        contentType: resource.contentType,
      });
      expect(document.title).toBe("Café résumé");
      expect(document.body).toContain("Naïve Bayes à la carte: a déjà vu of probabilities.");
    } finally {
      await site?.close();
    }
  });

  it("rejects bytes that are not valid in the declared UTF-8, saying where", async () => {
    const error = await loadError(load(latin1Page('<meta charset="utf-8">')));
    expect(error.file).toBe("https://127.0.0.1/page.html");
    expect(error.message).toMatch(
      /^https:\/\/127\.0\.0\.1\/page\.html: is not valid UTF-8 \(charset from <meta>\) \(first bad byte at offset \d+\)/,
    );
  });

  it("rejects a charset no decoder knows", async () => {
    const error = await loadError(load(page('<meta charset="klingon-8">')));
    expect(error.message).toContain('declares the charset "klingon-8" (charset from <meta>)');
  });

  function page(head: string) {
    return `<html><head>${head}</head><body><p>Text.</p></body></html>`;
  }
});

describe("HtmlLoader against a local server", () => {
  let site: SiteServer;
  beforeAll(async () => {
    site = await startSiteServer();
  });
  afterAll(async () => {
    await site.close();
  });

  it("loads a fetched page under its final URL", async () => {
    const resource = await fetchUrl(`${site.origin}/moved`, { retries: 0 });
    const document = await loader.load({
      bytes: resource.bytes,
      source: resource.url,
      contentType: resource.contentType,
    });
    expect(document.source).toBe(`${site.origin}/c.html`);
    expect(document.title).toBe("Chapter C: Decision Trees");
    expect(document.body).toContain("Deep trees overfit");
  });
});
