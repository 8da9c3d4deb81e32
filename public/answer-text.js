// Answer text as elements: paragraphs, "- " lists, numbered lists, table rows, **bold**, `code`
// and [n] citation markers as buttons that open the passage.

/** @import { Citation } from "./chat-api.js" */
import { element, prettySection } from "./dom.js";
import { BULLET, rowFields } from "./row-fields.js";
import { openSource } from "./source-dialog.js";

const MARKER_OR_EMPHASIS = /(\[\d+\]|\*\*[^*\n]+\*\*|`[^`\n]+`)/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/**
 * Text with citation markers as buttons, **bold** and `code`.
 * @param {string} text
 * @param {Map<number, Citation>} citations
 * @returns {Node[]}
 */
function inlineNodes(text, citations) {
  /** @type {Node[]} */
  const nodes = [];
  for (const piece of text.split(MARKER_OR_EMPHASIS)) {
    if (piece === "") continue;
    const marker = /^\[(\d+)\]$/.exec(piece);
    const citation = marker ? citations.get(Number(marker[1])) : undefined;
    if (citation !== undefined) {
      nodes.push(citationButton(citation));
    } else if (piece.startsWith("**") && piece.endsWith("**") && piece.length > 4) {
      nodes.push(element("strong", {}, [piece.slice(2, -2)]));
    } else if (piece.startsWith("`") && piece.endsWith("`") && piece.length > 2) {
      nodes.push(element("code", {}, [piece.slice(1, -1)]));
    } else {
      nodes.push(document.createTextNode(piece));
    }
  }
  return nodes;
}

/**
 * One line of an answer: a table row gets its field names in bold, the text itself unchanged.
 * @param {string} line
 * @param {Map<number, Citation>} citations
 * @returns {Node[]}
 */
function lineNodes(line, citations) {
  const trailing = /((?:\s*\[\d+\])+)\s*$/.exec(line);
  const body = trailing ? line.slice(0, trailing.index) : line;
  const fields = rowFields(body);
  if (fields === undefined) return inlineNodes(line, citations);
  /** @type {Node[]} */
  const nodes = [];
  fields.forEach((field, position) => {
    if (position > 0) nodes.push(document.createTextNode("; "));
    nodes.push(element("span", { className: "field-name" }, [`${field.key}:`]));
    nodes.push(document.createTextNode(" "), ...inlineNodes(field.value, citations));
  });
  if (trailing) nodes.push(...inlineNodes(/** @type {string} */ (trailing[1]), citations));
  return nodes;
}

/**
 * The answer as block elements.
 * @param {string} text
 * @param {Map<number, Citation>} citations
 * @returns {HTMLElement[]}
 */
export function answerBlocks(text, citations) {
  /** @type {HTMLElement[]} */
  const blocks = [];
  /** @type {HTMLElement | null} */
  let list = null;
  /** @type {HTMLElement | null} */
  let paragraph = null;
  for (const line of text.split("\n")) {
    const bullet = BULLET.test(line);
    const numbered = !bullet && NUMBERED.test(line);
    if (bullet || numbered) {
      const tag = bullet ? "ul" : "ol";
      if (list === null || list.tagName.toLowerCase() !== tag) {
        list = element(tag);
        blocks.push(list);
      }
      paragraph = null;
      const itemText = line.replace(bullet ? BULLET : NUMBERED, "");
      list.append(element("li", {}, lineNodes(itemText, citations)));
    } else if (line.trim() === "") {
      list = null;
      paragraph = null;
    } else {
      list = null;
      if (paragraph === null) {
        paragraph = element("p");
        blocks.push(paragraph);
      } else {
        paragraph.append(element("br"));
      }
      paragraph.append(...lineNodes(line, citations));
    }
  }
  return blocks;
}

/** @param {Citation} citation */
function citationButton(citation) {
  const button = element(
    "button",
    {
      className: "citation",
      attributes: {
        type: "button",
        "data-n": String(citation.n),
        "data-chunk-id": citation.chunkId,
        "aria-label": `Source ${citation.n}: ${citation.section}`,
        title: prettySection(citation.section),
      },
    },
    [String(citation.n)],
  );
  button.addEventListener("click", () => openSource(citation, button));
  return button;
}
