import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/index/index-store.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { makePdf } from "../corpus/loaders/make-pdf.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { TempDir } from "../support/temp-dir.ts";

const page = `<!doctype html><html><head><title>Feature stores</title></head><body>
<nav>Home | Blog | Pricing</nav>
<article><h1>Feature stores</h1><p>A feature store keeps the same feature definitions for training and serving.</p>
<h2>Tools</h2><table><tr><th>Tool</th><th>Purpose</th></tr><tr><td>Feast</td><td>Open-source feature store</td></tr></table></article>
<footer>Subscribe to our newsletter</footer></body></html>`;

let server: Server;
let origin: string;
let failing = false;
let temp: TempDir;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/robots.txt") {
      response.writeHead(404).end();
      return;
    }
    if (failing) {
      response.writeHead(500, { "content-type": "text/plain" }).end("down");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  temp = await TempDir.create();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await temp.remove();
});

describe("sources beyond local Markdown", () => {
  it("indexes a URL, an HTML file and a PDF with page numbers; keeps a failing URL's chunks", async () => {
    await temp.write(
      "corpus/guide.md",
      "---\ntitle: Guide\n---\n## Basics\n\nStart with Python and statistics.\n",
    );
    await temp.write(
      "corpus/local.html",
      "<html><head><title>Local page</title></head><body><article><h1>Local page</h1><p>Gradient boosting builds trees one after another.</p></article></body></html>",
    );
    await temp.write(
      "corpus/slides.pdf",
      makePdf(
        [["Lecture one covers linear regression."], ["Lecture two covers logistic regression."]],
        {
          title: "Slides",
        },
      ),
    );
    await temp.write(
      "corpus/sources.json",
      JSON.stringify({
        sources: [
          { path: "guide.md" },
          { glob: "*.{html,pdf}", tags: ["extra"] },
          { url: `${origin}/feature-stores`, title: "Feature stores" },
        ],
      }),
    );
    const options = tempIngestOptions(temp, new HashEmbedder());
    const first = await ingest(options);
    expect(first.sourceErrors).toBeUndefined();
    const index = await loadIndex(options.indexDir, options.embedder);
    const bySource = new Map(index.chunks.map((chunk) => [chunk.source, chunk]));
    const url = `${origin}/feature-stores`;
    expect([...bySource.keys()].sort()).toEqual(
      ["corpus/guide.md", "corpus/local.html", "corpus/slides.pdf", url].sort(),
    );
    const urlChunks = index.chunks.filter((chunk) => chunk.source === url);
    expect(urlChunks.map((chunk) => chunk.text).join("\n")).toContain("same feature definitions");
    expect(
      urlChunks.some((chunk) => chunk.text === "Tool: Feast; Purpose: Open-source feature store"),
    ).toBe(true);
    expect(urlChunks.map((chunk) => chunk.text).join("\n")).not.toMatch(/newsletter|Pricing/);
    const pdfSections = index.chunks
      .filter((chunk) => chunk.source === "corpus/slides.pdf")
      .map((chunk) => chunk.section);
    expect(pdfSections).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Page 1"),
        expect.stringContaining("Page 2"),
      ]),
    );

    failing = true;
    const second = await ingest(options);
    expect(second.sourceErrors?.[0]).toMatchObject({ entry: url, source: url });
    expect(second.sourceErrors?.[0]?.message).toMatch(/500/);
    expect(second.chunkCount).toBe(first.chunkCount);
    expect(second.embedded).toBe(0);
    const after = await loadIndex(options.indexDir, options.embedder);
    expect(after.chunks.filter((chunk) => chunk.source === url)).toHaveLength(urlChunks.length);
  }, 60_000);
});
