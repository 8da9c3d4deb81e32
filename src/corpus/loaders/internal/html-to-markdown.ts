import type { parseHTML } from "linkedom";
import TurndownService from "turndown";
import { gfm } from "turndown-plugin-gfm";

type HtmlDocument = ReturnType<typeof parseHTML>["document"];
type HtmlElement = ReturnType<HtmlDocument["createElement"]>;

/**
 * Converts article HTML to Markdown: ATX headings (h5/h6 become bold lines, the chunker's heading
 * path stops at h4), "-" lists, fenced code with its language, GFM tables, links reduced to their
 * text (a relative URL means nothing in a citation), images dropped.
 *
 * The HTML is given to turndown as a string, which it parses with its own DOM (domino): the GFM
 * table rules read `table.rows`, which linkedom does not implement.
 */
export function htmlToMarkdown(html: string): string {
  return turndown
    .turndown(html)
    .replace(/\u00a0/g, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const turndown = createTurndown();

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    codeBlockStyle: "fenced",
    bulletListMarker: "-",
    emDelimiter: "_",
    strongDelimiter: "**",
    // A table that still has no heading row after `normaliseTables` keeps its text, not its HTML.
    keepReplacement: (content) => `\n\n${content}\n\n`,
  });
  service.use(gfm);
  // Rules added later win over earlier ones and over the built-in rules.
  service.addRule("linkText", { filter: "a", replacement: (content) => content });
  service.addRule("dropImages", {
    filter: ["img", "picture", "video", "audio"],
    replacement: () => "",
  });
  service.addRule("minorHeadings", {
    filter: ["h5", "h6"],
    replacement: (content) => (content.trim() === "" ? "" : `\n\n**${content.trim()}**\n\n`),
  });
  service.addRule("plainPre", {
    filter: (node) => node.nodeName === "PRE" && node.firstChild?.nodeName !== "CODE",
    replacement: (_content, node) => fence(node.textContent ?? "", ""),
  });
  service.addRule("tableCellOneLine", {
    filter: ["th", "td"],
    replacement: (content, node) => {
      // A cell is one line of a GFM row: line breaks become spaces, pipes are escaped.
      const text = content
        .replace(/\s*\n+\s*/g, " ")
        .replace(/\|/g, "\\|")
        .trim();
      const first = node.parentNode?.firstChild === node;
      return `${first ? "| " : " "}${text} |`;
    },
  });
  return service;
}

function fence(code: string, language: string): string {
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marker = "`".repeat(longestRun + 1);
  return `\n\n${marker}${language}\n${code.replace(/\n$/, "")}\n${marker}\n\n`;
}

/**
 * Makes every table convertible to a GFM table: whitespace between cells removed, a `colspan`
 * expanded into empty cells, and the first row moved into a `<thead>` as header cells when the
 * page gave none. Tables of one row or one column are layout, not data: they are unwrapped.
 */
export function normaliseTables(document: HtmlDocument, root: HtmlElement): void {
  // Innermost first, so a data table inside a layout table survives the unwrapping.
  const tables = [...root.querySelectorAll("table")].reverse();
  for (const table of tables) {
    const rows = [...table.querySelectorAll("tr")].filter((row) => row.closest("table") === table);
    const cellsOf = (row: HtmlElement) =>
      [...row.children].filter((cell) => cell.localName === "td" || cell.localName === "th");
    const width = Math.max(0, ...rows.map((row) => cellsOf(row).length));
    if (rows.length < 2 || width < 2) {
      const replacement = document.createElement("div");
      for (const row of rows) {
        for (const cell of cellsOf(row)) {
          const block = document.createElement("div");
          while (cell.firstChild !== null) block.appendChild(cell.firstChild);
          replacement.appendChild(block);
        }
      }
      table.replaceWith(replacement);
      continue;
    }
    for (const row of rows) {
      for (const child of [...row.childNodes]) {
        if (child.nodeType !== 1) child.remove();
      }
      for (const cell of cellsOf(row)) {
        const span = Number.parseInt(cell.getAttribute("colspan") ?? "1", 10);
        cell.removeAttribute("colspan");
        for (let extra = 1; extra < Math.min(Number.isFinite(span) ? span : 1, 20); extra++) {
          cell.after(document.createElement(cell.localName));
        }
      }
    }
    const [headerRow, ...bodyRows] = rows;
    if (headerRow === undefined) continue;
    const head = document.createElement("thead");
    const headRow = document.createElement("tr");
    for (const cell of cellsOf(headerRow)) {
      const header = document.createElement("th");
      while (cell.firstChild !== null) header.appendChild(cell.firstChild);
      headRow.appendChild(header);
    }
    head.appendChild(headRow);
    const body = document.createElement("tbody");
    for (const row of bodyRows) body.appendChild(row);
    const caption = [...table.children].find((child) => child.localName === "caption");
    while (table.firstChild !== null) table.firstChild.remove();
    // A caption names the table; keep it as a line of text before the table.
    if (caption !== undefined && (caption.textContent ?? "").trim() !== "") {
      const paragraph = document.createElement("p");
      paragraph.textContent = (caption.textContent ?? "").trim();
      table.before(paragraph);
    }
    table.appendChild(head);
    table.appendChild(body);
  }
}
