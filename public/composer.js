// The form and the buttons around it: Send and Enter, Stop, the starter questions and
// "New conversation".

import { ask } from "./ask.js";
import { resizeQuestion, updateControls } from "./controls.js";
import { clearConversation, isBusy, stopRequest } from "./conversation.js";
import { announce, elements } from "./page-elements.js";
import { showQuestionLength } from "./question-length.js";

function submitQuestion() {
  if (isBusy()) return;
  const text = elements.question.value;
  if (text.trim() === "") {
    elements.question.focus();
    return;
  }
  // Too long: the message under the box says by how much; nothing is sent or cut.
  if (showQuestionLength()) {
    announce(elements.questionError.textContent ?? "");
    elements.question.focus();
    return;
  }
  elements.question.value = "";
  resizeQuestion();
  void ask(text);
  elements.question.focus();
}

function startNewConversation() {
  clearConversation();
  elements.log.replaceChildren();
  elements.welcome.hidden = false;
  elements.question.value = "";
  resizeQuestion();
  updateControls();
  elements.scroller.scrollTop = 0;
  elements.question.focus();
  announce("New conversation started");
}

export function setUpComposer() {
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
    stopRequest();
    elements.question.focus();
  });

  elements.starters.addEventListener("click", (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest("button.starter");
    if (!button) return;
    void ask(button.textContent?.trim() ?? "");
    elements.question.focus();
  });

  elements.newConversation.addEventListener("click", startNewConversation);
}
