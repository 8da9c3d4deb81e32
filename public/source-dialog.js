// The dialog that shows a cited passage: from the citation when it carries the text, else fetched
// from /api/sources/:chunkId. Closing it returns focus to the marker that opened it.

/** @import { Citation } from "./chat-api.js" */
import { element, prettySection } from "./dom.js";
import { elements } from "./page-elements.js";
import { BULLET, rowFields } from "./row-fields.js";

/** @type {HTMLElement | null} the marker that opened the dialog */
let opener = null;

/**
 * Fills the passage: table rows as a list of fields, everything else as paragraphs.
 * @param {string} text
 */
function renderPassage(text) {
  /** @type {HTMLElement[]} */
  const blocks = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const fields = rowFields(line.replace(BULLET, ""));
    if (fields !== undefined) {
      blocks.push(
        element(
          "dl",
          { className: "fields" },
          fields.map((field) =>
            element("div", {}, [element("dt", {}, [field.key]), element("dd", {}, [field.value])]),
          ),
        ),
      );
    } else {
      blocks.push(element("p", {}, [line]));
    }
  }
  elements.dialogText.replaceChildren(...blocks);
}

/**
 * @param {Citation} citation
 * @param {HTMLElement} marker the button that opens it; focused again on close
 */
export async function openSource(citation, marker) {
  opener = marker;
  elements.dialogNumber.textContent = `Source ${citation.n}`;
  elements.dialogSection.textContent = prettySection(citation.section);
  elements.dialogFile.textContent = citation.source;
  elements.dialogDocument.textContent = citation.title;
  if (citation.text) {
    renderPassage(citation.text);
  } else {
    elements.dialogText.replaceChildren(
      element("p", { className: "muted" }, ["Loading the passage…"]),
    );
  }
  if (!elements.dialog.open) elements.dialog.showModal();
  elements.dialogClose.focus();
  if (citation.text) return;
  try {
    const response = await fetch(`/api/sources/${encodeURIComponent(citation.chunkId)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const source = /** @type {{ text?: string }} */ (await response.json());
    renderPassage(String(source.text ?? ""));
  } catch {
    elements.dialogText.replaceChildren(
      element("p", { className: "note note--error" }, ["The passage could not be loaded."]),
    );
  }
}

/** Close button, backdrop click and focus return. */
export function setUpSourceDialog() {
  elements.dialogClose.addEventListener("click", () => elements.dialog.close());
  // A click on the backdrop (outside the panel) closes the dialog.
  elements.dialog.addEventListener("click", (event) => {
    if (event.target === elements.dialog) elements.dialog.close();
  });
  elements.dialog.addEventListener("close", () => {
    const marker = opener;
    opener = null;
    if (marker?.isConnected) marker.focus();
    else elements.question.focus();
  });
}
