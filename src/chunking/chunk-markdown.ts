import { createHash } from "node:crypto";
import { Lexer, type Token, type Tokens } from "marked";
import type { CorpusDocument } from "../corpus/corpus-document.ts";
import { countTokens, splitSentences } from "../text/sentences.ts";
import type { Chunk, ChunkerSettings } from "./chunk.ts";

type Block = { text: string; tokens: number };

/** Plain text of inline Markdown: emphasis, links and code spans keep only their text. */
function inlineText(tokens: Token[] | undefined, fallback: string): string {
  if (tokens === undefined) return fallback;
  let text = "";
  for (const token of tokens) {
    if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
      text += inlineText(token.tokens, "");
    } else if (token.type === "br") {
      text += "\n";
    } else if ("text" in token && typeof token.text === "string") {
      text += token.text;
    }
  }
  return decodeEntities(text);
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

/** Splits a block that is over budget at sentence boundaries; a sentence is never cut. */
function splitOversized(text: string, maxTokens: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let size = 0;
  for (const sentence of splitSentences(text)) {
    const tokens = countTokens(sentence);
    if (current.length > 0 && size + tokens > maxTokens) {
      blocks.push({ text: current.join(" "), tokens: size });
      current = [];
      size = 0;
    }
    current.push(sentence);
    size += tokens;
  }
  if (current.length > 0) blocks.push({ text: current.join(" "), tokens: size });
  return blocks;
}

function isFaqHeading(text: string): boolean {
  return /^(faqs?|frequently asked questions)$/i.test(text.trim());
}

/**
 * Cuts a Markdown document into chunks along its structure, using marked's lexer:
 * - prose: the paragraphs and lists of one section, packed whole up to `maxTokens`; a paragraph
 *   over budget is split between sentences, never inside one;
 * - tables: one chunk per row, each cell labelled with its column header;
 * - FAQ: a question heading (under an "FAQs" heading) and its whole answer stay together.
 */
export function chunkMarkdown(document: CorpusDocument, settings: ChunkerSettings): Chunk[] {
  const chunks: Chunk[] = [];
  const headings: Array<{ depth: number; text: string }> = [];
  let pending: Block[] = [];
  let pendingTokens = 0;
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
  };

  const addBlock = (text: string) => {
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    const tokens = countTokens(trimmed);
    // An FAQ answer stays whole unless it is far over budget.
    const budget = inFaq() ? settings.maxTokens * 2 : settings.maxTokens;
    const parts = tokens > budget ? splitOversized(trimmed, budget) : [{ text: trimmed, tokens }];
    for (const part of parts) {
      if (pending.length > 0 && pendingTokens + part.tokens > budget) flush();
      pending.push(part);
      pendingTokens += part.tokens;
    }
  };

  for (const token of Lexer.lex(document.body)) {
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
        if (countTokens(whole) <= settings.maxTokens) addBlock(whole);
        else for (const item of items) addBlock(item);
        break;
      }
      case "code": {
        const code = token as Tokens.Code;
        addBlock(`\`\`\`${code.lang ?? ""}\n${code.text}\n\`\`\``);
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
          push("table-row", text, cells);
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
