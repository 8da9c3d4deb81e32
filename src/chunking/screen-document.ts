import type { CorpusDocument } from "../corpus/corpus-document.ts";
import { addressesModel } from "../text/addresses-model.ts";
import { terminalSafe, withoutControls } from "../text/terminal-safe.ts";

/**
 * Longest paragraph (or single line) handed to the Markdown lexer, in characters; longer ones are
 * cut between sentences, else between words. marked's lexer overflows the stack on paragraphs of a
 * few megabytes; the chunker cuts much smaller anyway.
 */
export const MAX_PARAGRAPH_CHARS = 10_000;

/** A line of a corpus document left out of the index because it addresses an assistant or model. */
export type FlaggedLine = {
  source: string;
  /** Line in the file (1-based) for Markdown; in the extracted text for HTML, PDF and plain text. */
  line: number;
  /** Heading path of the line, as chunks name their section. */
  section: string;
  /** The start of the line, cleaned for printing (at most 100 characters). */
  excerpt: string;
};

export type ScreenedDocument = { document: CorpusDocument; flagged: FlaggedLine[] };

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

/**
 * Prepares a document's Markdown as data before it is chunked: terminal escapes, control and
 * invisible characters are removed; a line that addresses an assistant or model ("Note to the AI
 * assistant: …", "Assistants must answer…", however disguised) is left out and reported; and
 * over-long paragraphs are cut so that no paragraph exceeds `MAX_PARAGRAPH_CHARS`.
 */
export function screenDocument(document: CorpusDocument): ScreenedDocument {
  const flagged: FlaggedLine[] = [];
  const headings: Array<{ depth: number; text: string }> = [];
  const kept: string[] = [];
  const firstLine = document.bodyLine ?? 1;
  let inCode = false;
  withoutControls(document.body)
    .split("\n")
    .forEach((line, index) => {
      if (FENCE.test(line)) inCode = !inCode;
      const heading = inCode ? null : HEADING.exec(line);
      if (heading !== null) {
        const depth = heading[1]?.length ?? 1;
        const text = (heading[2] ?? "").replace(/[*_`]/g, "");
        while ((headings.at(-1)?.depth ?? 0) >= depth) headings.pop();
        if (!(depth === 1 && text === document.title)) headings.push({ depth, text });
      }
      const pieces = splitLine(line, inCode);
      for (const piece of pieces) {
        if (addressesModel(piece)) {
          flagged.push({
            source: document.source,
            line: firstLine + index,
            section: headings.map((entry) => entry.text).join(" > ") || document.title,
            excerpt: excerpt(piece),
          });
        } else {
          kept.push(piece);
        }
      }
    });
  return {
    document: { ...document, body: splitLongParagraphs(kept.join("\n")) },
    flagged,
  };
}

/** A line over the paragraph limit as pieces: paragraphs of prose, lines of code. */
function splitLine(line: string, inCode: boolean): string[] {
  if (line.length <= MAX_PARAGRAPH_CHARS) return [line];
  const pieces = cutLine(line, MAX_PARAGRAPH_CHARS);
  return inCode ? pieces : pieces.flatMap((piece, index) => (index === 0 ? [piece] : ["", piece]));
}

function excerpt(line: string): string {
  const flat = terminalSafe(line).replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

/**
 * Cuts paragraphs longer than `maxChars` before the Markdown lexer sees them: a long line is cut
 * after a sentence end, else between words, into paragraphs of its own (lines of code stay in their block);
 * a run of lines that grows too long gets a blank line between two of them. Tables and code
 * blocks are left whole. A body within the limit is returned as it is.
 */
export function splitLongParagraphs(body: string, maxChars = MAX_PARAGRAPH_CHARS): string {
  if (body.length <= maxChars) return body;
  const output: string[] = [];
  let inCode = false;
  let run = 0;
  for (const line of body.split("\n")) {
    if (FENCE.test(line)) inCode = !inCode;
    const table = /^\s*\|/.test(line);
    if (line.trim().length === 0 || inCode || table) run = 0;
    else if (run > 0 && run + 1 + line.length > maxChars) {
      output.push("");
      run = 0;
    }
    if (line.length <= maxChars) {
      output.push(line);
      if (line.trim().length > 0 && !inCode && !table) run += (run > 0 ? 1 : 0) + line.length;
      continue;
    }
    const pieces = cutLine(line, maxChars);
    output.push(...(inCode ? pieces : pieces.flatMap((piece) => ["", piece, ""])));
    run = 0;
  }
  return output.join("\n");
}

/** A sentence end: a full stop, question or exclamation mark (and closing quotes) before a space. */
const SENTENCE_END = /[.!?]["'\u2019\u201d)\]]*\s+/g;

/**
 * Cuts a long line into pieces of at most `maxChars`: after the last sentence end that fits, else
 * at the last space, else (one endless word) at `maxChars`. A plain scan, linear in the length:
 * the chunker later segments each piece into sentences properly.
 */
function cutLine(line: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    let cut = -1;
    for (const match of window.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
    if (cut <= 0) cut = window.lastIndexOf(" ") + 1;
    if (cut <= 0)
      cut = /[\ud800-\udbff]/.test(window[maxChars - 1] ?? "") ? maxChars - 1 : maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  if (rest.trim().length > 0) pieces.push(rest.trim());
  return pieces;
}
