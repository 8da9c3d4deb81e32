import { createHash } from "node:crypto";
import { Lexer, type Token, type Tokens } from "marked";
import type { CorpusDocument } from "../corpus/corpus-document.ts";
import { countTokens } from "../text/sentences.ts";
import { splitText } from "../text/split-text.ts";
import { type Chunk, type ChunkerSettings, maxChunkChars } from "./chunk.ts";
import { splitLongParagraphs } from "./screen-document.ts";
import { splitCode } from "./split-code.ts";

type Block = { text: string; tokens: number };

/**
 * Plain text of inline Markdown: emphasis and links keep only their text, inline HTML is dropped,
 * and tags written as text are removed from prose; code spans keep their text as written.
 */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (tokens === undefined) return withoutMarkup(decodeEntities(fallback));
  const pieces: Array<{ text: string; code: boolean }> = [];
  collectInline(tokens, pieces);
  let text = "";
  let prose = "";
  for (const piece of pieces) {
    if (!piece.code) {
      prose += piece.text;
      continue;
    }
    text += withoutMarkup(decodeEntities(prose)) + decodeEntities(piece.text);
    prose = "";
  }
  return text + withoutMarkup(decodeEntities(prose));
}

function collectInline(tokens: Token[], pieces: Array<{ text: string; code: boolean }>): void {
  for (const token of tokens) {
    if (token.type === "html") continue;
    if (token.type === "codespan") {
      pieces.push({ text: (token as Tokens.Codespan).text, code: true });
    } else if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
      collectInline(token.tokens, pieces);
    } else if (token.type === "br") {
      pieces.push({ text: "\n", code: false });
    } else if ("text" in token && typeof token.text === "string") {
      pieces.push({ text: token.text, code: false });
    }
  }
}

/** Script and style elements with their content, comments, declarations and any other tag. */
const MARKUP =
  /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/**
 * Prose without HTML markup: corpus HTML is never passed on as markup, whatever the format it
 * came in (a Markdown paragraph, an escaped tag in a text file). The text between tags stays.
 */
function withoutMarkup(text: string): string {
  if (!text.includes("<")) return text;
  return text.replace(MARKUP, "").replace(/[ \t]{2,}/g, " ");
}

/** marked keeps a few characters entity-encoded in inline text; turn them back. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function isFaqHeading(text: string): boolean {
  return /^(faqs?|frequently asked questions)$/i.test(text.trim());
}

/**
 * Cuts a Markdown document into chunks along its structure, using marked's lexer:
 * - prose: the paragraphs and lists of one section, packed whole up to `maxTokens`; a paragraph
 *   over budget is split between sentences; a sentence stays whole up to twice `maxTokens` and is
 *   cut between words beyond that, so no chunk holds more than `2 × maxTokens` tokens;
 * - no chunk is longer than `maxChunkChars(settings)` characters, however long its words, and
 *   paragraphs are cut to `MAX_PARAGRAPH_CHARS` before the lexer sees them;
 * - tables: one chunk per row, each cell labelled with its column header;
 * - code: fenced blocks keep their lines; a block over budget is cut between lines, each piece
 *   fenced again;
 * - FAQ: a question heading (under an "FAQs" heading) and its whole answer stay together.
 */
export function chunkMarkdown(document: CorpusDocument, settings: ChunkerSettings): Chunk[] {
  const chunks: Chunk[] = [];
  const headings: Array<{ depth: number; text: string }> = [];
  let pending: Block[] = [];
  let pendingTokens = 0;
  let pendingChars = 0;
  const maxChars = maxChunkChars(settings);
  const hardTokens = settings.maxTokens * 2;
  const seenIds = new Map<string, number>();

  const section = () => headings.map((heading) => heading.text).join(" > ") || document.title;
  const inFaq = () =>
    headings.some((heading) => isFaqHeading(heading.text)) &&
    (headings.at(-1)?.text.endsWith("?") ?? false);

  const push = (kind: Chunk["kind"], text: string, cells?: Chunk["cells"]) => {
    const sectionPath = section();
    const hash = createHash("sha256")
      .update(`${document.source}\n${sectionPath}\n${text}`)
      .digest("hex")
      .slice(0, 16);
    // Identical passages in the same section get a counter, so ids stay unique and stable.
    const seen = seenIds.get(hash) ?? 0;
    seenIds.set(hash, seen + 1);
    chunks.push({
      id: seen === 0 ? hash : `${hash}-${seen}`,
      source: document.source,
      title: document.title,
      section: sectionPath,
      kind,
      text,
      position: chunks.length,
      ...(cells === undefined ? {} : { cells }),
    });
  };

  const flush = () => {
    if (pending.length === 0) return;
    if (inFaq()) {
      const question = headings.at(-1)?.text ?? "";
      push("faq", [question, ...pending.map((block) => block.text)].join("\n"));
    } else {
      push("prose", pending.map((block) => block.text).join("\n"));
    }
    pending = [];
    pendingTokens = 0;
    pendingChars = 0;
  };

  /** The limits of one block of the current section: an FAQ answer gets twice the budget. */
  const blockLimits = () => {
    // An FAQ answer stays whole unless it is far over budget; its question shares the characters.
    const faq = inFaq();
    return {
      maxChars: faq
        ? Math.max(maxChars / 2, maxChars - (headings.at(-1)?.text.length ?? 0) - 1)
        : maxChars,
      maxTokens: faq ? settings.maxTokens * 2 : settings.maxTokens,
      // A sentence over budget stays whole up to twice the prose budget, then is cut between words.
      maxSentenceTokens: hardTokens,
    };
  };

  /** Packs pieces already within the limits into the pending chunk, flushing when it is full. */
  const addPieces = (parts: string[], limits: { maxChars: number; maxTokens: number }) => {
    for (const part of parts) {
      const tokens = countTokens(part);
      if (
        pending.length > 0 &&
        (pendingTokens + tokens > limits.maxTokens ||
          pendingChars + 1 + part.length > limits.maxChars)
      ) {
        flush();
      }
      pending.push({ text: part, tokens });
      pendingTokens += tokens;
      pendingChars += (pending.length > 1 ? 1 : 0) + part.length;
    }
  };

  const addBlock = (text: string) => {
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    const limits = blockLimits();
    addPieces(splitText(trimmed, limits), limits);
  };

  for (const token of Lexer.lex(splitLongParagraphs(document.body))) {
    switch (token.type) {
      case "heading": {
        flush();
        const heading = token as Tokens.Heading;
        while ((headings.at(-1)?.depth ?? 0) >= heading.depth) headings.pop();
        const text = inlineText(heading.tokens, heading.text).trim();
        // A level-1 heading equal to the title adds nothing to the path.
        if (!(heading.depth === 1 && text === document.title)) {
          headings.push({ depth: heading.depth, text });
        }
        break;
      }
      case "paragraph": {
        const paragraph = token as Tokens.Paragraph;
        addBlock(inlineText(paragraph.tokens, paragraph.text));
        break;
      }
      case "list": {
        const list = token as Tokens.List;
        const start = typeof list.start === "number" ? list.start : 1;
        const items = list.items.map((item, index) => {
          const marker = list.ordered ? `${start + index}.` : "-";
          return `${marker} ${inlineText(item.tokens, item.text).trim()}`;
        });
        // Keep a list whole when it fits, otherwise pack its items.
        const whole = items.join("\n");
        if (countTokens(whole) <= settings.maxTokens && whole.length <= maxChars) addBlock(whole);
        else for (const item of items) addBlock(item);
        break;
      }
      case "code": {
        const code = token as Tokens.Code;
        // Cut between lines and fenced again, so long code never runs on as one line of prose.
        const limits = blockLimits();
        addPieces(splitCode(code.lang ?? "", code.text, limits), limits);
        break;
      }
      case "blockquote": {
        const quote = token as Tokens.Blockquote;
        addBlock(inlineText(quote.tokens, quote.text));
        break;
      }
      case "table": {
        flush();
        const table = token as Tokens.Table;
        const headers = table.header.map((cell) => inlineText(cell.tokens, cell.text).trim());
        for (const row of table.rows) {
          const cells = row.map((cell, index) => ({
            header: headers[index] ?? `Column ${index + 1}`,
            value: inlineText(cell.tokens, cell.text).trim(),
          }));
          const text = cells.map((cell) => `${cell.header}: ${cell.value}`).join("; ");
          const parts = splitText(text, {
            maxChars,
            maxTokens: settings.maxTokens,
            maxSentenceTokens: hardTokens,
          });
          // A row too long for one chunk is cut like prose; its cells are then not kept.
          if (parts.length === 1) push("table-row", text, cells);
          else for (const part of parts) push("prose", part);
        }
        break;
      }
      default:
        // space, hr, html and front-matter leftovers carry no content of their own.
        break;
    }
  }
  flush();
  return chunks;
}
