// Asks one question: adds the bubbles, streams the reply into them, and records the exchange.

import { chatEvents, httpErrorMessage, postChat } from "./chat-api.js";
import { updateControls } from "./controls.js";
import { isBusy, recentHistory, remember, startRequest } from "./conversation.js";
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

/** A suggested question, clicked under a refusal. @param {string} question */
function askSuggestion(question) {
  void ask(question);
  elements.question.focus();
}

/**
 * Does nothing for an empty question or while another answer is streaming.
 * @param {string} rawMessage
 */
export async function ask(rawMessage) {
  const message = rawMessage.trim();
  if (message === "" || isBusy()) return;
  const history = recentHistory();
  elements.welcome.hidden = true;
  const userBubble = addUserBubble(message);
  const bubble = addAssistantBubble(askSuggestion);
  scrollToBottom();
  const request = startRequest();
  updateControls();
  const retry = () => {
    if (isBusy()) return;
    userBubble.remove();
    bubble.element.remove();
    void ask(message);
  };

  let finished = false;
  try {
    const response = await postChat(message, history, request.signal);
    if (!response.ok) {
      const text = await httpErrorMessage(response);
      following(() => bubble.fail(text, response.status >= 500 ? retry : undefined));
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
          remember(answer.standaloneQuestion ?? message, answer.answer);
          finished = true;
          break;
        }
        case "error":
          following(() => bubble.fail(event.message, retry));
          finished = true;
          break;
        default:
          // Exhaustive: chatEvents() skips the events this page does not know.
          /** @satisfies {never} */ (event);
      }
    }
    if (!finished && request.isCurrent()) {
      following(() => bubble.fail("The connection closed before the answer was complete.", retry));
      finished = true;
    }
  } catch (error) {
    if (!request.isCurrent() || finished) return;
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
    if (request.end()) updateControls();
  }
}
