import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS } from "../../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../../src/chunking/chunk-markdown.ts";
import { PdfLoader } from "../../../src/corpus/loaders/pdf-loader.ts";
import { makePdf } from "./make-pdf.ts";

const loader = new PdfLoader();

describe("PdfLoader", () => {
  const pdf = makePdf(
    [
      ["Gradient descent basics", "The learning rate (step size) matters a lot."],
      ["Overfitting", "1. Hold out a validation set.", "# Not a heading: page text stays text."],
    ],
    { title: "Optimisation Notes" },
  );

  it("makes each page a '## Page N' section, so chunks carry their page", async () => {
    const document = await loader.load({ bytes: pdf, source: "corpus/notes/optimisation.pdf" });
    expect(document.title).toBe("Optimisation Notes");
    expect(document.body).toMatch(
      /^# Optimisation Notes\n\n## Page 1\n\nGradient descent basics\n/,
    );
    expect(document.body).toContain("\n## Page 2\n\nOverfitting\n");
    const chunks = chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS);
    expect(chunks.map((chunk) => [chunk.section, chunk.text])).toEqual([
      ["Page 1", "Gradient descent basics\nThe learning rate (step size) matters a lot."],
      [
        "Page 2",
        "Overfitting\n1. Hold out a validation set.\n# Not a heading: page text stays text.",
      ],
    ]);
  });

  it("names a PDF without a title after its file", async () => {
    const untitled = makePdf([["Some text on the only page."]]);
    const document = await loader.load({
      bytes: untitled,
      source: "https://127.0.0.1/files/Week%203%20notes.pdf",
    });
    expect(document.title).toBe("Week 3 notes");
  });

  it("rejects a PDF with no text layer, and bytes that are not a PDF", async () => {
    await expect(loader.load({ bytes: makePdf([[], []]), source: "scan.pdf" })).rejects.toThrow(
      "scan.pdf: has no text layer in its 2 page(s) (a scanned PDF?); nothing to index",
    );
    await expect(
      loader.load({
        bytes: new TextEncoder().encode("<html>not a pdf</html>"),
        source: "fake.pdf",
      }),
    ).rejects.toThrow(/^fake\.pdf: cannot be read as a PDF \(/);
  });
});
