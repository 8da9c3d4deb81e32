// Below a finished answer: the questions offered with a refusal, and the collapsible sources list.

/** @import { Citation } from "./chat-api.js" */
import { element, prettySection } from "./dom.js";
import { openSource } from "./source-dialog.js";

/** Numbers the sources lists, for their ids. */
let sourceListCount = 0;

/**
 * Questions to click: the closest topics the material covers after a refusal ("Try instead"),
 * what to ask next after an answer ("Ask next").
 * @param {string[]} suggestions
 * @param {(question: string) => void} onChoose called with the suggestion clicked
 * @param {string} label what the list offers, for screen readers
 */
export function suggestionList(suggestions, onChoose, label) {
  const list = element("ul", {
    className: "suggestions",
    attributes: { "aria-label": label },
  });
  for (const suggestion of suggestions) {
    const button = element("button", { className: "suggestion", attributes: { type: "button" } }, [
      suggestion,
    ]);
    button.addEventListener("click", () => onChoose(suggestion));
    list.append(element("li", {}, [button]));
  }
  return list;
}

/**
 * A "Sources (n)" toggle and the list it shows; each entry opens its passage.
 * @param {Citation[]} citations
 */
export function sourcesList(citations) {
  sourceListCount++;
  const id = `sources-${sourceListCount}`;
  const list = element("ol", { className: "sources__list", attributes: { id, hidden: "" } });
  for (const citation of citations) {
    const button = element(
      "button",
      {
        className: "source-link",
        attributes: {
          type: "button",
          "aria-label": `Open source ${citation.n}: ${citation.section}`,
        },
      },
      [
        element("span", { className: "source-link__n", attributes: { "aria-hidden": "true" } }, [
          String(citation.n),
        ]),
        element("span", { className: "source-link__section" }, [prettySection(citation.section)]),
        element("span", { className: "source-link__file" }, [citation.source]),
      ],
    );
    button.addEventListener("click", () => openSource(citation, button));
    list.append(element("li", {}, [button]));
  }
  const toggle = element(
    "button",
    {
      className: "sources__toggle",
      attributes: { type: "button", "aria-expanded": "false", "aria-controls": id },
    },
    [
      element("span", { className: "sources__chevron", attributes: { "aria-hidden": "true" } }),
      `Sources (${citations.length})`,
    ],
  );
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    list.hidden = !open;
  });
  return [toggle, list];
}
