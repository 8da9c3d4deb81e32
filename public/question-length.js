// The question's length against the server's limit: a counter once it gets near, and when over,
// a message saying by how much. Nothing is ever cut; Send stays disabled while it is too long.

import { element } from "./dom.js";
import { announce, elements } from "./page-elements.js";

/** MAX_QUESTION_CHARS's default, used until GET /api/health names the served limit. */
let limit = 2000;

/** Share of the limit from which the counter shows. */
const COUNTER_FROM = 0.8;

/** Whether the last check found the question too long, so crossing the limit is announced once. */
let wasOver = false;

/** @param {number} value */
const formatted = (value) => value.toLocaleString("en");

/**
 * Takes the limit from GET /api/health (`limits.questionChars`); anything else keeps the default.
 * @param {unknown} value
 */
export function setQuestionLimit(value) {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) limit = value;
}

/**
 * The length as the server counts it (src/answer/question.ts): after NFKC and with each run of
 * white space as one space, trimmed. Text over four times the limit is refused before any
 * cleaning, so it counts as typed.
 * @param {string} text
 */
export function questionLength(text) {
  if (text.length > limit * 4) return text.length;
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().length;
}

/**
 * Shows the counter (near or over the limit) and the message (over it) for the question box.
 * @returns {boolean} whether the question is too long to send
 */
export function showQuestionLength() {
  const length = questionLength(elements.question.value);
  const over = length > limit;
  const { questionCount: counter, questionError: message } = elements;
  counter.hidden = length < limit * COUNTER_FROM;
  counter.dataset.over = String(over);
  counter.replaceChildren(
    ...(counter.hidden
      ? []
      : [
          `${formatted(length)} / ${formatted(limit)}`,
          element("span", { className: "visually-hidden" }, [" characters"]),
        ]),
  );
  message.hidden = !over;
  message.textContent = over
    ? `Your message is ${formatted(length)} characters; the limit is ${formatted(limit)}. ` +
      "Shorten it, keeping your question and only the context it needs."
    : "";
  if (over) elements.question.setAttribute("aria-invalid", "true");
  else elements.question.removeAttribute("aria-invalid");
  if (over && !wasOver) announce(`Your message is over the ${formatted(limit)}-character limit.`);
  wasOver = over;
  return over;
}
