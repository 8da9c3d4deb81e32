// The chat page: asks POST /api/chat with streaming, renders the answer as it arrives, and opens
// cited passages in a dialog. Plain ES module, no build step. Every piece of text from the server
// is inserted with textContent / text nodes, never as HTML.

/** Earlier messages sent with a question (user questions and assistant answers, newest last). */
const MAX_HISTORY_MESSAGES = 10;
/** How close to the bottom (px) the conversation must be to follow new text automatically. */
const FOLLOW_THRESHOLD_PX = 96;
/** How long the "Copied" state stays on a copy button (ms). */
const COPIED_MS = 2000;

const elements = {
  scroller: /** @type {HTMLElement} */ (document.getElementById("scroller")),
  welcome: /** @type {HTMLElement} */ (document.getElementById("welcome")),
  starters: /** @type {HTMLElement} */ (document.getElementById("starters")),
  log: /** @type {HTMLElement} */ (document.getElementById("log")),
  form: /** @type {HTMLFormElement} */ (document.getElementById("composer")),
  question: /** @type {HTMLTextAreaElement} */ (document.getElementById("question")),
  send: /** @type {HTMLButtonElement} */ (document.getElementById("send")),
  stop: /** @type {HTMLButtonElement} */ (document.getElementById("stop")),
  newConversation: /** @type {HTMLButtonElement} */ (document.getElementById("new-conversation")),
  status: /** @type {HTMLElement} */ (document.getElementById("status")),
  statusText: /** @type {HTMLElement} */ (document.getElementById("status-text")),
  announcer: /** @type {HTMLElement} */ (document.getElementById("announcer")),
  dialog: /** @type {HTMLDialogElement} */ (document.getElementById("source-dialog")),
  dialogNumber: /** @type {HTMLElement} */ (document.getElementById("source-number")),
  dialogSection: /** @type {HTMLElement} */ (document.getElementById("source-section")),
  dialogFile: /** @type {HTMLElement} */ (document.getElementById("source-file")),
  dialogDocument: /** @type {HTMLElement} */ (document.getElementById("source-document")),
  dialogText: /** @type {HTMLElement} */ (document.getElementById("source-text")),
  dialogClose: /** @type {HTMLButtonElement} */ (document.getElementById("source-close")),
};

/**
 * @typedef {{ n: number, chunkId: string, source: string, title: string, section: string, text: string }} Citation
 * @typedef {{ role: "user" | "assistant", content: string }} ChatTurn
 */

const state = {
  /** @type {ChatTurn[]} completed exchanges only; stopped or failed ones are left out */
  history: [],
  /** @type {AbortController | null} */
  controller: null,
  /** Increases with every "New conversation", so a reply that is still arriving is discarded. */
  conversation: 0,
  /** @type {HTMLElement | null} the marker that opened the source dialog */
  opener: null,
};

/** Numbers the sources lists, for their ids. */
let sourceListCount = 0;

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/**
 * Creates an element with classes, attributes and children (strings become text nodes).
 * @param {string} tag
 * @param {{ className?: string, attributes?: Record<string, string> }} [options]
 * @param {(Node | string)[]} [children]
 */
function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/**
 * An inline SVG icon drawn with strokes (paths as given).
 * @param {string[]} paths
 * @param {string} [className]
 */
function icon(paths, className = "icon") {
  const namespace = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(namespace, "svg");
  svg.setAttribute("viewBox", "0 0 20 20");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", className);
  for (const d of paths) {
    const path = document.createElementNS(namespace, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

const ICONS = {
  assistant: ["M4 7.5l6-3 6 3-6 3z", "M6.5 9v3.5c0 1.2 1.6 2.2 3.5 2.2s3.5-1 3.5-2.2V9"],
  notCovered: ["M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "M5.2 14.8l9.6-9.6"],
  notice: ["M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14", "M10 9v4.5", "M10 6.3v.2"],
  warning: ["M10 3.5l7 12.5H3z", "M10 8.5v3.5", "M10 14.2v.1"],
  copy: ["M7 7h8.5v9H7z", "M4.5 13V4h8"],
  check: ["M4.5 10.5l3.5 3.5 7.5-8"],
  retry: ["M15.5 10a5.5 5.5 0 1 1-1.8-4.1", "M15.5 3.5v3.5H12"],
  search: ["M8.5 3.5a5 5 0 1 0 0 10a5 5 0 1 0 0-10", "M12.2 12.2l4.3 4.3"],
};

/** Says something to screen readers without showing it. @param {string} message */
function announce(message) {
  elements.announcer.textContent = "";
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => {
    elements.announcer.textContent = message;
  }, 50);
}

/** A section path "A > B > C" as the page shows it. @param {string} section */
function prettySection(section) {
  return section.split(" > ").join(" › ");
}

// ---------------------------------------------------------------------------------------------
// Answer text rendering: paragraphs, "- " lists, numbered lists, table rows, [n] markers

const MARKER_OR_EMPHASIS = /(\[\d+\]|\*\*[^*\n]+\*\*|`[^`\n]+`)/;
const BULLET = /^\s*[-*•]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
/** A table row written as "Key: value; Key: value" (the corpus writes rows this way). */
const ROW_FIELD = /^([A-Z][^:;\n]{0,40}?): (\S.*)$/s;

/**
 * Splits a table-row line into fields, or returns undefined for ordinary prose.
 * @param {string} line
 * @returns {{ key: string, value: string }[] | undefined}
 */
function rowFields(line) {
  const parts = line.split("; ");
  if (parts.length < 2) return undefined;
  const fields = [];
  for (const part of parts) {
    const match = ROW_FIELD.exec(part);
    if (match === null) return undefined;
    fields.push({ key: /** @type {string} */ (match[1]), value: /** @type {string} */ (match[2]) });
  }
  return fields;
}

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
function answerBlocks(text, citations) {
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

// ---------------------------------------------------------------------------------------------
// Conversation bubbles

function hideWelcome() {
  elements.welcome.hidden = true;
}

/** @param {string} text */
function addUserBubble(text) {
  const bubble = element("div", { className: "message message--user" }, [
    element("p", { className: "visually-hidden" }, ["You asked:"]),
    element("p", { className: "message__text" }, [text]),
  ]);
  elements.log.append(bubble);
  return bubble;
}

/** An assistant bubble and the operations the stream performs on it. */
function addAssistantBubble() {
  const label = element("span", { className: "message__label-text" }, ["Assistant"]);
  const header = element("p", { className: "message__label" }, [
    icon(ICONS.assistant, "icon message__label-icon"),
    label,
  ]);
  const searched = element("p", { className: "message__searched", attributes: { hidden: "" } });
  const pending = element("p", { className: "message__pending" }, [
    element("span", { className: "dots", attributes: { "aria-hidden": "true" } }, [
      element("span"),
      element("span"),
      element("span"),
    ]),
    element("span", { className: "message__pending-text" }, ["Searching the roadmap…"]),
  ]);
  const body = element("div", { className: "answer-body" });
  const notes = element("div", { className: "message__notes" });
  const footer = element("div", { className: "message__footer" });
  const bubble = element(
    "div",
    {
      className: "message message--assistant",
      attributes: { "data-state": "pending", "data-refused": "false", "aria-busy": "true" },
    },
    [
      element("p", { className: "visually-hidden" }, ["The assistant answered:"]),
      header,
      searched,
      pending,
      body,
      notes,
      footer,
    ],
  );
  elements.log.append(bubble);

  /** @type {Map<number, Citation>} */
  let citations = new Map();
  /** @type {Set<string>} */
  const shownNotices = new Set();
  let streamed = "";

  /** @param {string} message */
  const addNotice = (message) => {
    if (shownNotices.has(message)) return;
    shownNotices.add(message);
    notes.append(
      element("p", { className: "note note--notice" }, [
        icon(ICONS.notice),
        element("span", {}, [message]),
      ]),
    );
  };

  /** @param {string} text */
  const render = (text) => {
    body.replaceChildren(...answerBlocks(text, citations));
  };

  const settle = (/** @type {string} */ state) => {
    bubble.dataset.state = state;
    bubble.removeAttribute("aria-busy");
    pending.remove();
  };

  return {
    element: bubble,
    /** @param {Citation[]} passages */
    retrieval(passages) {
      citations = new Map(passages.map((citation) => [citation.n, citation]));
      const text = pending.querySelector(".message__pending-text");
      if (text && passages.length > 0) {
        text.textContent = `Reading ${passages.length} passage${passages.length === 1 ? "" : "s"}…`;
      }
    },
    /** @param {string} text */
    delta(text) {
      streamed += text;
      bubble.dataset.state = "streaming";
      render(streamed);
    },
    addNotice,
    /**
     * The final answer replaces the streamed text.
     * @param {{ question?: string, answer: string, refused: boolean, citations: Citation[], standaloneQuestion?: string, understoodAs?: string, suggestions?: string[], notices?: string[] }} answer
     */
    finish(answer) {
      citations = new Map(answer.citations.map((citation) => [citation.n, citation]));
      render(answer.answer);
      for (const notice of answer.notices ?? []) addNotice(notice);
      // Show what was searched when it is not what was typed (a follow-up, an expanded "cert").
      const searchedFor =
        answer.standaloneQuestion ??
        (answer.understoodAs && answer.understoodAs !== answer.question
          ? answer.understoodAs
          : undefined);
      if (searchedFor) {
        searched.replaceChildren(
          icon(ICONS.search),
          element("span", {}, [`Searched for: ${searchedFor}`]),
        );
        searched.hidden = false;
      }
      if (answer.refused && (answer.suggestions?.length ?? 0) > 0) {
        footer.append(suggestionList(answer.suggestions ?? []));
      }
      if (answer.refused) {
        bubble.dataset.refused = "true";
        header.replaceChildren(
          icon(ICONS.notCovered, "icon message__label-icon"),
          element("span", { className: "message__label-text" }, ["Not covered by the material"]),
        );
      }
      if (answer.citations.length > 0) footer.append(...sourcesList(answer.citations));
      footer.append(copyButton(answer.answer, answer.citations));
      settle("done");
    },
    /** @param {string} message @param {(() => void) | undefined} retry */
    fail(message, retry) {
      bubble.classList.add("message--error");
      header.replaceChildren(
        icon(ICONS.warning, "icon message__label-icon"),
        element("span", { className: "message__label-text" }, ["Something went wrong"]),
      );
      notes.append(element("p", { className: "note note--error" }, [message]));
      if (retry) {
        const button = element(
          "button",
          { className: "button button--small", attributes: { type: "button" } },
          [icon(ICONS.retry), element("span", {}, ["Try again"])],
        );
        button.addEventListener("click", retry);
        footer.append(button);
      }
      settle("error");
    },
    stopped() {
      notes.append(
        element("p", { className: "note note--notice" }, [
          icon(ICONS.notice),
          element("span", {}, [
            streamed === ""
              ? "Stopped before an answer arrived."
              : "Stopped — this answer is incomplete.",
          ]),
        ]),
      );
      settle("stopped");
    },
  };
}

/**
 * Questions about the closest topics the material covers, offered with a refusal; a click asks one.
 * @param {string[]} suggestions
 */
function suggestionList(suggestions) {
  const list = element("ul", {
    className: "suggestions",
    attributes: { "aria-label": "Try instead" },
  });
  for (const suggestion of suggestions) {
    const button = element("button", { className: "suggestion", attributes: { type: "button" } }, [
      suggestion,
    ]);
    button.addEventListener("click", () => {
      void ask(suggestion);
      elements.question.focus();
    });
    list.append(element("li", {}, [button]));
  }
  return list;
}

/** @param {Citation[]} citations */
function sourcesList(citations) {
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

// ---------------------------------------------------------------------------------------------
// Copy an answer

/**
 * @param {string} answer
 * @param {Citation[]} citations
 */
function copyButton(answer, citations) {
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

/** navigator.clipboard where allowed (secure contexts), else a hidden textarea and execCommand. @param {string} text */
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
  /** @type {HTMLTextAreaElement} */ (area).value = text;
  document.body.append(area);
  const focused = document.activeElement;
  /** @type {HTMLTextAreaElement} */ (area).select();
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

// ---------------------------------------------------------------------------------------------
// The source dialog

const ROW_SEPARATOR = /\n/;

/**
 * Fills the passage: table rows as a list of fields, everything else as paragraphs.
 * @param {string} text
 */
function renderPassage(text) {
  /** @type {HTMLElement[]} */
  const blocks = [];
  for (const line of text.split(ROW_SEPARATOR)) {
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
 * @param {HTMLElement} opener
 */
async function openSource(citation, opener) {
  state.opener = opener;
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
    const source = await response.json();
    renderPassage(String(source.text ?? ""));
  } catch {
    elements.dialogText.replaceChildren(
      element("p", { className: "note note--error" }, ["The passage could not be loaded."]),
    );
  }
}

elements.dialogClose.addEventListener("click", () => elements.dialog.close());
// A click on the backdrop (outside the panel) closes the dialog.
elements.dialog.addEventListener("click", (event) => {
  if (event.target === elements.dialog) elements.dialog.close();
});
elements.dialog.addEventListener("close", () => {
  const opener = state.opener;
  state.opener = null;
  if (opener?.isConnected) opener.focus();
  else elements.question.focus();
});

// ---------------------------------------------------------------------------------------------
// Server-Sent Events over fetch (EventSource cannot POST)

/**
 * Yields `{ event, data }` for each frame; comment lines (heartbeats) are skipped.
 * @param {ReadableStream<Uint8Array>} stream
 * @returns {AsyncGenerator<{ event: string, data: string }>}
 */
async function* readEvents(stream) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let event = "message";
  /** @type {string[]} */
  let data = [];
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline = buffer.search(/\r\n|\n|\r/);
      while (newline !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
        if (line === "") {
          if (data.length > 0) yield { event, data: data.join("\n") };
          event = "message";
          data = [];
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "event") event = value;
          else if (field === "data") data.push(value);
        }
        newline = buffer.search(/\r\n|\n|\r/);
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** The message of a 4xx/5xx JSON error, or a generic one. @param {Response} response */
async function httpErrorMessage(response) {
  try {
    const body = await response.json();
    const error = body?.error;
    if (error?.message) {
      const issues = Array.isArray(error.issues)
        ? error.issues
            .map((/** @type {{ message?: string }} */ issue) => issue.message)
            .filter(Boolean)
        : [];
      return issues.length > 0 ? `${error.message} (${issues.join("; ")})` : String(error.message);
    }
  } catch {
    // Not JSON: fall back to the status.
  }
  return `The server answered with HTTP ${response.status}. Please try again.`;
}

// ---------------------------------------------------------------------------------------------
// Asking

function isBusy() {
  return state.controller !== null;
}

function updateControls() {
  const busy = isBusy();
  elements.send.disabled = busy || elements.question.value.trim() === "";
  const stopHadFocus = document.activeElement === elements.stop;
  elements.stop.hidden = !busy;
  if (stopHadFocus && !busy) elements.question.focus();
  elements.log.setAttribute("aria-busy", String(busy));
}

function nearBottom() {
  const { scrollTop, scrollHeight, clientHeight } = elements.scroller;
  return scrollHeight - scrollTop - clientHeight < FOLLOW_THRESHOLD_PX;
}

function scrollToBottom() {
  elements.scroller.scrollTop = elements.scroller.scrollHeight;
}

/** Runs `change`, then keeps the newest text in view if the reader was already at the bottom. @param {() => void} change */
function following(change) {
  const follow = nearBottom();
  change();
  if (follow) scrollToBottom();
}

/** @param {string} rawMessage */
async function ask(rawMessage) {
  const message = rawMessage.trim();
  if (message === "" || isBusy()) return;
  const conversation = state.conversation;
  const history = state.history.slice(-MAX_HISTORY_MESSAGES);
  hideWelcome();
  const userBubble = addUserBubble(message);
  const bubble = addAssistantBubble();
  scrollToBottom();
  const controller = new AbortController();
  state.controller = controller;
  updateControls();
  const current = () => state.conversation === conversation;
  const retry = () => {
    if (isBusy()) return;
    userBubble.remove();
    bubble.element.remove();
    void ask(message);
  };

  let finished = false;
  try {
    const response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify({ message, history, stream: true }),
      signal: controller.signal,
    });
    if (!response.ok) {
      const text = await httpErrorMessage(response);
      following(() => bubble.fail(text, response.status >= 500 ? retry : undefined));
      finished = true;
      return;
    }
    if (response.body === null) throw new Error("the response has no body");
    for await (const frame of readEvents(response.body)) {
      if (!current()) return;
      /** @type {any} */
      let data;
      try {
        data = JSON.parse(frame.data);
      } catch {
        continue;
      }
      switch (frame.event) {
        case "retrieval":
          bubble.retrieval(Array.isArray(data.citations) ? data.citations : []);
          break;
        case "text-delta":
          following(() => bubble.delta(String(data.text ?? "")));
          break;
        case "notice":
          following(() => bubble.addNotice(String(data.message ?? "")));
          break;
        case "answer-end":
          following(() => bubble.finish(data));
          // The standalone form keeps chains of follow-ups anchored ("and CatBoost?").
          state.history.push(
            { role: "user", content: data.standaloneQuestion ?? message },
            { role: "assistant", content: data.answer },
          );
          finished = true;
          break;
        case "error":
          following(() =>
            bubble.fail(String(data.message ?? "The answer could not be completed."), retry),
          );
          finished = true;
          break;
        default:
          // Unknown events are ignored, so the server can add new ones.
          break;
      }
    }
    if (!finished && current()) {
      following(() => bubble.fail("The connection closed before the answer was complete.", retry));
      finished = true;
    }
  } catch (error) {
    if (!current() || finished) return;
    if (/** @type {Error} */ (error).name === "AbortError") {
      bubble.stopped();
    } else {
      following(() =>
        bubble.fail(
          "Could not reach the study assistant. Check that the server is running and try again.",
          retry,
        ),
      );
    }
  } finally {
    if (state.controller === controller) {
      state.controller = null;
      updateControls();
    }
  }
}

function resizeQuestion() {
  const area = elements.question;
  area.style.height = "auto";
  area.style.height = `${Math.min(area.scrollHeight, 200)}px`;
}

function submitQuestion() {
  if (isBusy()) return;
  const text = elements.question.value;
  if (text.trim() === "") {
    elements.question.focus();
    return;
  }
  elements.question.value = "";
  resizeQuestion();
  void ask(text);
  elements.question.focus();
}

elements.form.addEventListener("submit", (event) => {
  event.preventDefault();
  submitQuestion();
});

elements.question.addEventListener("keydown", (event) => {
  // Enter sends; Shift+Enter adds a line; Enter that confirms an IME composition does neither.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submitQuestion();
  }
});

elements.question.addEventListener("input", () => {
  resizeQuestion();
  updateControls();
});

elements.stop.addEventListener("click", () => {
  state.controller?.abort();
  elements.question.focus();
});

elements.starters.addEventListener("click", (event) => {
  const button = /** @type {HTMLElement} */ (event.target).closest("button.starter");
  if (!button) return;
  void ask(button.textContent?.trim() ?? "");
  elements.question.focus();
});

elements.newConversation.addEventListener("click", () => {
  state.conversation++;
  state.controller?.abort();
  state.controller = null;
  state.history = [];
  elements.log.replaceChildren();
  elements.welcome.hidden = false;
  elements.question.value = "";
  resizeQuestion();
  updateControls();
  elements.scroller.scrollTop = 0;
  elements.question.focus();
  announce("New conversation started");
});

// ---------------------------------------------------------------------------------------------
// Status line

/** @param {string} generator */
function describeGenerator(generator) {
  if (generator === "extractive") return "answers quoted from the material (offline)";
  const [kind, ...model] = generator.split(":");
  if (kind === "openai" && model.length > 0)
    return `answers written by ${model.join(":")} from the material`;
  return `answers by ${generator}`;
}

async function loadStatus() {
  try {
    const response = await fetch("/api/health", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const health = await response.json();
    const chunks = Number(health?.index?.chunks ?? 0);
    elements.status.dataset.state = health?.status === "ok" ? "ok" : "warn";
    elements.statusText.textContent = `${chunks.toLocaleString("en")} passages indexed · ${describeGenerator(String(health?.generator ?? "unknown"))}`;
    elements.status.title = `Index ${health?.index?.version ?? "?"} · embedder ${health?.embedder ?? "?"}`;
  } catch {
    elements.status.dataset.state = "error";
    elements.statusText.textContent = "The assistant is not reachable right now.";
  }
}

updateControls();
void loadStatus();
