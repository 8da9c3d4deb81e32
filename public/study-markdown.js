// The Markdown of study guides and plans as DOM nodes, never as HTML: headings and tables here,
// paragraphs, lists, **bold**, `code` and [n] citation markers through the chat's answerBlocks
// (so a marker opens its passage in the same dialog). A plan's "## Sources" lines become citations.

/** @import { Citation } from "./chat-api.js" */
import { answerBlocks } from "./answer-text.js";
import { element } from "./dom.js";

const HEADING = /^(#{1,6})\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;
/** "[3] Section > Sub (corpus/roadmap.md, passage 0b8871880fb32d1b)", as render-plan.ts writes. */
const SOURCE_LINE = /^\[(\d+)\] (.+) \(([^,()]+), passage ([\w-]+)\)$/;

/**
 * Inline nodes of one line (markers, bold, code), without a block around them.
 * @param {string} text
 * @param {Map<number, Citation>} citations
 * @returns {Node[]}
 */
function inline(text, citations) {
  const [block] = answerBlocks(text.trim(), citations);
  return block ? [...block.childNodes] : [];
}

/** @param {string} row */
function cells(row) {
  return row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
}

/**
 * @param {string[]} rows the table's lines, the header first
 * @param {Map<number, Citation>} citations
 */
function table(rows, citations) {
  const [header = "", ...rest] = rows;
  const body = rest.filter((row) => !TABLE_RULE.test(row));
  const head = element(
    "tr",
    {},
    cells(header).map((cell) =>
      element("th", { attributes: { scope: "col" } }, inline(cell, citations)),
    ),
  );
  return element(
    "div",
    {
      className: "study-table",
      attributes: { tabindex: "0", role: "region", "aria-label": "Table" },
    },
    [
      element("table", {}, [
        element("thead", {}, [head]),
        element(
          "tbody",
          {},
          body.map((row) =>
            element(
              "tr",
              {},
              cells(row).map((cell) => element("td", {}, inline(cell, citations))),
            ),
          ),
        ),
      ]),
    ],
  );
}

/**
 * Markdown as block elements.
 * @param {string} markdown
 * @param {Map<number, Citation>} citations
 * @param {{ headingLevel?: number }} [options] the level a "#" heading gets (default 3: the view
 *   and its panels hold the h1 and h2); deeper headings follow, at most h6
 * @returns {HTMLElement[]}
 */
export function markdownBlocks(markdown, citations, options = {}) {
  const top = options.headingLevel ?? 3;
  /** @type {HTMLElement[]} */
  const blocks = [];
  /** @type {string[]} */
  let text = [];
  /** @type {string[]} */
  let rows = [];
  const flush = () => {
    if (text.length > 0) blocks.push(...answerBlocks(text.join("\n"), citations));
    if (rows.length > 0) blocks.push(table(rows, citations));
    text = [];
    rows = [];
  };
  for (const line of markdown.split("\n")) {
    if (TABLE_ROW.test(line)) {
      if (text.length > 0) flush();
      rows.push(line);
      continue;
    }
    if (rows.length > 0) flush();
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(top + (heading[1] ?? "#").length - 1, 6);
      const tag = /** @type {"h3" | "h4" | "h5" | "h6"} */ (`h${level}`);
      blocks.push(
        element(tag, { className: "study-heading" }, inline(heading[2] ?? "", citations)),
      );
      continue;
    }
    text.push(line);
  }
  flush();
  return blocks;
}

/**
 * Splits a plan's Markdown into its body and the citations of its "## Sources" list (the passages
 * carry no text: the dialog fetches it from /api/sources/:chunkId).
 * @param {string} markdown
 * @returns {{ body: string, citations: Citation[] }}
 */
export function planSources(markdown) {
  const lines = markdown.split("\n");
  const at = lines.findIndex((line) => /^#{1,6}\s+Sources\s*$/.test(line));
  if (at === -1) return { body: markdown, citations: [] };
  /** @type {Citation[]} */
  const citations = [];
  for (const line of lines.slice(at + 1)) {
    const match = SOURCE_LINE.exec(line.trim());
    if (match === null) continue;
    const [, n = "0", section = "", source = "", chunkId = ""] = match;
    citations.push({ n: Number(n), section, source, chunkId, title: "", text: "" });
  }
  return { body: lines.slice(0, at).join("\n"), citations };
}
