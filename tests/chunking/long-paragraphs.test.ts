import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNKER_SETTINGS, maxChunkChars } from "../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../src/chunking/chunk-markdown.ts";
import { MAX_PARAGRAPH_CHARS, splitLongParagraphs } from "../../src/chunking/screen-document.ts";
import type { CorpusDocument } from "../../src/corpus/corpus-document.ts";
import { countTokens } from "../../src/text/sentences.ts";

function document(body: string): CorpusDocument {
  return {
    source: "corpus/long.md",
    path: "/nowhere/long.md",
    title: "Long",
    kind: "document",
    body,
    contentHash: "0".repeat(64),
  };
}

const WORDS = "gradient boosting trees learn residuals from weak learners iteratively ";
const VOCABULARY = new Set([...WORDS.trim().split(" "), "#", "Long"]);

/** `size` characters of words with no sentence break at all. */
function wordsWithoutStops(size: number): string {
  // Ends on a whole word, so every word in the text is one of the vocabulary.
  const text = WORDS.repeat(Math.ceil(size / WORDS.length)).slice(0, size);
  return text.slice(0, text.lastIndexOf(" "));
}

const settings = DEFAULT_CHUNKER_SETTINGS;

function expectBounded(chunks: ReturnType<typeof chunkMarkdown>) {
  for (const chunk of chunks) {
    expect(chunk.text.length).toBeLessThanOrEqual(maxChunkChars(settings));
    expect(countTokens(chunk.text)).toBeLessThanOrEqual(settings.maxTokens);
  }
}

describe("long paragraphs", () => {
  it("splits a 10 MB paragraph with no sentence break at word boundaries before the lexer", () => {
    const body = `# Long\n\n${wordsWithoutStops(10_000_000)}\n`;
    const split = splitLongParagraphs(body);
    const paragraphs = split.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== "");
    expect(paragraphs.length).toBeGreaterThan(10_000_000 / MAX_PARAGRAPH_CHARS);
    const longest = Math.max(...paragraphs.map((paragraph) => paragraph.length));
    expect(longest).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    // Cut between words: every piece starts and ends with a whole word.
    const cutWords = paragraphs.flatMap((paragraph) => {
      const trimmed = paragraph.trim();
      const first = trimmed.slice(0, trimmed.indexOf(" ") + 1 || undefined).trim();
      const last = trimmed.slice(trimmed.lastIndexOf(" ") + 1);
      return [first, last].filter((word) => !VOCABULARY.has(word));
    });
    expect(cutWords).toEqual([]);
    // Nothing is lost but whitespace at the cuts.
    expect(split.replace(/\s+/g, "")).toBe(body.replace(/\s+/g, ""));
  });

  it("chunks a 1 MB paragraph without sentence breaks into bounded chunks (no stack overflow)", () => {
    const chunks = chunkMarkdown(document(`# Long\n\n${wordsWithoutStops(1_000_000)}\n`), settings);
    expect(chunks.length).toBeGreaterThan(1_000_000 / maxChunkChars(settings));
    expectBounded(chunks);
  });

  it("splits long sentences at sentence ends first", () => {
    const sentence = "DVC versions the data of every experiment alongside the code in Git. ";
    const chunks = chunkMarkdown(document(sentence.repeat(20_000)), settings);
    expectBounded(chunks);
    for (const chunk of chunks) expect(chunk.text).toMatch(/^DVC versions.*Git\.$/s);
  });

  it("cuts a single 200 KB word (no spaces) into bounded chunks", () => {
    const chunks = chunkMarkdown(document(`Hash: ${"ab".repeat(100_000)}\n`), settings);
    expect(chunks.length).toBeGreaterThan(1);
    expectBounded(chunks);
  });

  it("bounds a huge table row and a huge list item too", () => {
    const cell = wordsWithoutStops(100_000);
    const body = `| Tool | Notes |\n|---|---|\n| DVC | ${cell} |\n\n- ${cell}\n`;
    const chunks = chunkMarkdown(document(body), settings);
    expectBounded(chunks);
    expect(chunks.map((chunk) => chunk.text).join(" ").length).toBeGreaterThan(190_000);
  });
});
