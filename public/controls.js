// The composer's controls: Send enabled with a question short enough to send, Stop shown while an
// answer streams, and the question box grown to fit its text.

import { isBusy } from "./conversation.js";
import { elements } from "./page-elements.js";
import { showQuestionLength } from "./question-length.js";

/** Largest height the question box grows to (px); past it, it scrolls. */
const QUESTION_MAX_HEIGHT_PX = 200;

export function updateControls() {
  const busy = isBusy();
  const tooLong = showQuestionLength();
  elements.send.disabled = busy || tooLong || elements.question.value.trim() === "";
  const stopHadFocus = document.activeElement === elements.stop;
  elements.stop.hidden = !busy;
  if (stopHadFocus && !busy) elements.question.focus();
  elements.log.setAttribute("aria-busy", String(busy));
}

export function resizeQuestion() {
  const area = elements.question;
  area.style.height = "auto";
  area.style.height = `${Math.min(area.scrollHeight, QUESTION_MAX_HEIGHT_PX)}px`;
}

/**
 * Puts a question that got no answer back into the box, unless the learner has typed since.
 * @param {string} text
 * @returns {boolean} whether it was put back
 */
export function putQuestionBack(text) {
  if (elements.question.value.trim() !== "") return false;
  elements.question.value = text;
  resizeQuestion();
  updateControls();
  return true;
}

/**
 * Empties the box if it still holds `text` as put back, before that question is sent again.
 * @param {string} text
 */
export function takeQuestionBack(text) {
  if (elements.question.value.trim() !== text) return;
  elements.question.value = "";
  resizeQuestion();
  updateControls();
}
