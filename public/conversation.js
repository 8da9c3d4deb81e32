// The conversation: its completed exchanges (shown, sent along as history, kept for a reload by
// saved-conversation.js), the request in flight, and a generation number that "New conversation"
// bumps so a reply still arriving is dropped.

/** @import { AnswerEnd, ChatTurn } from "./chat-api.js" */
/** @import { Exchange } from "./saved-conversation.js" */
import { forgetExchanges, loadExchanges, saveExchanges } from "./saved-conversation.js";

/** Earlier messages sent with a question (user questions and assistant answers, newest last). */
const MAX_HISTORY_MESSAGES = 10;

/** @type {Exchange[]} completed exchanges only; stopped or failed ones are left out */
let exchanges = [];
/** @type {AbortController | null} */
let controller = null;
let generation = 0;

/** The turns to send with the next question. */
export function recentHistory() {
  return exchanges
    .flatMap(({ message, answer }) => [
      // The question as looked up: the standalone form keeps chains of follow-ups anchored.
      /** @type {ChatTurn} */ ({ role: "user", content: answer.standaloneQuestion ?? message }),
      /** @type {ChatTurn} */ ({ role: "assistant", content: answer.answer }),
    ])
    .slice(-MAX_HISTORY_MESSAGES);
}

/**
 * Records a completed exchange, and keeps the conversation for a reload.
 * @param {string} message as typed
 * @param {AnswerEnd} answer
 */
export function remember(message, answer) {
  exchanges.push({ message, answer });
  saveExchanges(exchanges);
}

/**
 * Takes back the exchanges kept before a reload, to be shown again.
 * @returns {readonly Exchange[]}
 */
export function restoreExchanges() {
  exchanges = loadExchanges();
  return exchanges;
}

export function isBusy() {
  return controller !== null;
}

/** Marks a question as in flight. */
export function startRequest() {
  const started = generation;
  const request = new AbortController();
  controller = request;
  return {
    signal: request.signal,
    /** False once "New conversation" has been pressed. */
    isCurrent: () => generation === started,
    /** Clears the in-flight mark if it is still this request; true when it was. */
    end: () => {
      if (controller !== request) return false;
      controller = null;
      return true;
    },
  };
}

/** Aborts the request in flight, if any. */
export function stopRequest() {
  controller?.abort();
}

/** Forgets the exchanges, here and in storage, and drops the request in flight. */
export function clearConversation() {
  generation++;
  controller?.abort();
  controller = null;
  exchanges = [];
  forgetExchanges();
}
