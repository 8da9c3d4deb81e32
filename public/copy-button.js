// "Copy answer": the answer and its sources as plain text, to the clipboard.

/** @import { Citation } from "./chat-api.js" */
import { element, ICONS, icon, prettySection } from "./dom.js";
import { announce } from "./page-elements.js";

/** How long the "Copied" state stays on a copy button (ms). */
const COPIED_MS = 2000;

/**
 * @param {string} answer
 * @param {Citation[]} citations
 */
export function copyButton(answer, citations) {
  const label = element("span", {}, ["Copy answer"]);
  const button = element(
    "button",
    { className: "button button--small copy", attributes: { type: "button" } },
    [icon(ICONS.copy), label],
  );
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  button.addEventListener("click", async () => {
    const sources = citations.map(
      (citation) => `[${citation.n}] ${prettySection(citation.section)} — ${citation.source}`,
    );
    const text = sources.length > 0 ? `${answer}\n\nSources:\n${sources.join("\n")}` : answer;
    const copied = await copyText(text);
    clearTimeout(timer);
    button.dataset.copied = String(copied);
    button.replaceChildren(icon(copied ? ICONS.check : ICONS.warning), label);
    label.textContent = copied ? "Copied" : "Copy failed";
    announce(copied ? "Answer copied to the clipboard" : "The answer could not be copied");
    timer = setTimeout(() => {
      delete button.dataset.copied;
      button.replaceChildren(icon(ICONS.copy), label);
      label.textContent = "Copy answer";
    }, COPIED_MS);
  });
  return button;
}

/**
 * navigator.clipboard where allowed (secure contexts), else a hidden textarea and execCommand.
 * @param {string} text
 * @returns {Promise<boolean>} whether the text was copied
 */
async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: fall through to the old way.
  }
  const area = element("textarea", {
    className: "copy-buffer",
    attributes: { readonly: "", "aria-hidden": "true" },
  });
  area.value = text;
  document.body.append(area);
  const focused = document.activeElement;
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  if (focused instanceof HTMLElement) focused.focus();
  return copied;
}
