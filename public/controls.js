// The composer's controls: Send enabled with a question, Stop shown while an answer streams, and
// the question box grown to fit its text.

import { isBusy } from "./conversation.js";
import { elements } from "./page-elements.js";

/** Largest height the question box grows to (px); past it, it scrolls. */
const QUESTION_MAX_HEIGHT_PX = 200;

export function updateControls() {
  const busy = isBusy();
  elements.send.disabled = busy || elements.question.value.trim() === "";
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
