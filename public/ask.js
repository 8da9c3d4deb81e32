// Asks one question: adds the bubbles, streams the reply into them, and records the exchange; and
// shows again the exchanges kept before a reload.

import { chatEvents, describeRejection, postChat } from "./chat-api.js";
import { putQuestionBack, takeQuestionBack, updateControls } from "./controls.js";
import { isBusy, recentHistory, remember, restoreExchanges, startRequest } from "./conversation.js";
import { addAssistantBubble, addUserBubble } from "./message-bubbles.js";
import { elements } from "./page-elements.js";

/** How close to the bottom (px) the conversation must be to follow new text automatically. */
const FOLLOW_THRESHOLD_PX = 96;

function nearBottom() {
  const { scrollTop, scrollHeight, clientHeight } = elements.scroller;
  return scrollHeight - scrollTop - clientHeight < FOLLOW_THRESHOLD_PX;
}

function scrollToBottom() {
  elements.scroller.scrollTop = elements.scroller.scrollHeight;
}

/**
 * Runs `change`, then keeps the newest text in view if the reader was already at the bottom.
 * @param {() => void} change
 */
function following(change) {
  const follow = nearBottom();
  change();
  if (follow) scrollToBottom();
}

/**
 * A suggested question, clicked under an answer or a refusal: it is written to stand alone, so
 * it is sent without the conversation, which could otherwise make it read as a follow-up.
 * @param {string} question
 */
function askSuggestion(question) {
  void ask(question, { standalone: true });
  elements.question.focus();
}

/**
 * Does nothing for an empty question or while another answer is streaming.
 * @param {string} rawMessage
 * @param {{ standalone?: boolean }} [options] `standalone`: send no history with it
 */
export async function ask(rawMessage, options = {}) {
  const message = rawMessage.trim();
  if (message === "" || isBusy()) return;
  const history = options.standalone === true ? [] : recentHistory();
  elements.welcome.hidden = true;
  const userBubble = addUserBubble(message);
  const bubble = addAssistantBubble(askSuggestion);
  scrollToBottom();
  const request = startRequest();
  updateControls();
  const retry = () => {
    if (isBusy()) return;
    takeQuestionBack(message);
    userBubble.remove();
    bubble.element.remove();
    void ask(message, options);
  };
  /**
   * The question got no answer: it goes back into the box (unless something new was typed
   * there), so editing it or trying again loses nothing.
   * @param {string} text
   * @param {boolean} retryable
   * @param {number} [waitSeconds]
   */
  const fail = (text, retryable, waitSeconds) => {
    if (!request.isCurrent()) return;
    const back = putQuestionBack(message);
    const note = back ? `${text} Your question is back in the box below.` : text;
    following(() => bubble.fail(note, retryable ? retry : undefined, waitSeconds));
  };

  let finished = false;
  try {
    const response = await postChat(message, history, request.signal);
    if (!response.ok) {
      const rejection = await describeRejection(response);
      fail(rejection.message, rejection.retryable, rejection.waitSeconds);
      finished = true;
      return;
    }
    if (response.body === null) throw new Error("the response has no body");
    for await (const event of chatEvents(response.body)) {
      if (!request.isCurrent()) return;
      switch (event.type) {
        case "retrieval":
          bubble.retrieval(event.citations);
          break;
        case "text-delta":
          following(() => bubble.delta(event.text));
          break;
        case "notice":
          following(() => bubble.addNotice(event.message));
          break;
        case "answer-end": {
          const answer = event.answer;
          following(() => bubble.finish(answer));
          remember(message, answer);
          finished = true;
          break;
        }
        case "error":
          fail(event.message, true);
          finished = true;
          break;
        default:
          // Exhaustive: chatEvents() skips the events this page does not know.
          /** @satisfies {never} */ (event);
      }
    }
    if (!finished && request.isCurrent()) {
      fail("The connection closed before the answer was complete.", true);
      finished = true;
    }
  } catch (error) {
    if (!request.isCurrent() || finished) return;
    if (/** @type {Error} */ (error).name === "AbortError") {
      bubble.stopped();
    } else {
      fail(
        "Could not reach the study assistant. Check that the server is running and try again.",
        true,
      );
    }
  } finally {
    if (request.end()) updateControls();
  }
}

/** Shows the exchanges kept before a reload, as they were answered. */
export function showSavedConversation() {
  const exchanges = restoreExchanges();
  if (exchanges.length === 0) return;
  elements.welcome.hidden = true;
  for (const { message, answer } of exchanges) {
    addUserBubble(message);
    addAssistantBubble(askSuggestion).finish(answer);
  }
  scrollToBottom();
}
