// The conversation's bubbles: the learner's question, and the assistant's answer with the
// operations the stream performs on it (passages found, text, notices, the end, failure, stop).

/** @import { AnswerEnd, Citation } from "./chat-api.js" */
import { sourcesList, suggestionList } from "./answer-footer.js";
import { answerBlocks } from "./answer-text.js";
import { copyButton } from "./copy-button.js";
import { element, ICONS, icon } from "./dom.js";
import { elements } from "./page-elements.js";

/** @param {string} text */
export function addUserBubble(text) {
  const bubble = element("div", { className: "message message--user" }, [
    element("p", { className: "visually-hidden" }, ["You asked:"]),
    element("p", { className: "message__text" }, [text]),
  ]);
  elements.log.append(bubble);
  return bubble;
}

/**
 * An assistant bubble, appended to the log, and the operations the stream performs on it.
 * @param {(question: string) => void} onSuggestion called when a suggested question is clicked
 */
export function addAssistantBubble(onSuggestion) {
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

  /** @param {"done" | "error" | "stopped"} state */
  const settle = (state) => {
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
     * @param {AnswerEnd} answer
     */
    finish(answer) {
      citations = new Map(answer.citations.map((citation) => [citation.n, citation]));
      render(answer.answer);
      for (const notice of answer.notices ?? []) addNotice(notice);
      // Show what was searched when it is not what was typed (a follow-up, an expanded "cert");
      // a reply to "ok thx" searched nothing.
      const searchedFor = answer.reply
        ? undefined
        : (answer.standaloneQuestion ??
          (answer.understoodAs && answer.understoodAs !== answer.question
            ? answer.understoodAs
            : undefined));
      if (searchedFor) {
        searched.replaceChildren(
          icon(ICONS.search),
          element("span", {}, [`Searched for: ${searchedFor}`]),
        );
        searched.hidden = false;
      }

      // A reply to "thanks!" is not a refusal of a topic.
      if (answer.refused && !answer.reply) {
        bubble.dataset.refused = "true";
        header.replaceChildren(
          icon(ICONS.notCovered, "icon message__label-icon"),
          element("span", { className: "message__label-text" }, ["Not covered by the material"]),
        );
      }
      if (answer.citations.length > 0) footer.append(...sourcesList(answer.citations));
      // Closest topics after a refusal, what to ask next after an answer: both clickable.
      if ((answer.suggestions?.length ?? 0) > 0) {
        const label = answer.refused && !answer.reply ? "Try instead" : "Ask next";
        footer.append(suggestionList(answer.suggestions ?? [], onSuggestion, label));
      }
      footer.append(copyButton(answer.answer, answer.citations));
      settle("done");
    },
    /**
     * @param {string} message
     * @param {(() => void) | undefined} retry offered as a "Try again" button when given
     * @param {number} [waitSeconds] how long the button stays disabled, counting down
     */
    fail(message, retry, waitSeconds = 0) {
      bubble.classList.add("message--error");
      header.replaceChildren(
        icon(ICONS.warning, "icon message__label-icon"),
        element("span", { className: "message__label-text" }, ["Something went wrong"]),
      );
      notes.append(element("p", { className: "note note--error" }, [message]));
      if (retry) footer.append(retryButton(retry, waitSeconds));
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
 * "Try again", disabled for `waitSeconds` with the time left beside it ("Try again in 42 s"). The
 * countdown is hidden from screen readers, or the live log would read it every second; the
 * message above says how long to wait.
 * @param {() => void} retry
 * @param {number} waitSeconds
 */
function retryButton(retry, waitSeconds) {
  const countdown = element("span", { attributes: { "aria-hidden": "true" } });
  const button = element(
    "button",
    { className: "button button--small", attributes: { type: "button" } },
    [icon(ICONS.retry), element("span", {}, ["Try again", countdown])],
  );
  button.addEventListener("click", retry);
  const readyAt = Date.now() + waitSeconds * 1000;
  const tick = () => {
    const left = readyAt - Date.now();
    button.disabled = left > 0;
    countdown.textContent = left > 0 ? ` in ${Math.ceil(left / 1000)} s` : "";
    // On each whole second until ready; stops early once the bubble is gone (a new conversation).
    if (left > 0) setTimeout(next, left % 1000 || 1000);
  };
  const next = () => {
    if (button.isConnected) tick();
  };
  tick();
  return button;
}
