// The conversation, in memory only: the turns sent along with the next question, the request in
// flight, and a generation number that "New conversation" bumps so a reply still arriving is dropped.

/** @import { ChatTurn } from "./chat-api.js" */

/** Earlier messages sent with a question (user questions and assistant answers, newest last). */
const MAX_HISTORY_MESSAGES = 10;

/** @type {ChatTurn[]} completed exchanges only; stopped or failed ones are left out */
let history = [];
/** @type {AbortController | null} */
let controller = null;
let generation = 0;

/** The turns to send with the next question. */
export function recentHistory() {
  return history.slice(-MAX_HISTORY_MESSAGES);
}

/**
 * Records a completed exchange.
 * @param {string} question as looked up: the standalone form keeps chains of follow-ups anchored
 * @param {string} answer
 */
export function remember(question, answer) {
  history.push({ role: "user", content: question }, { role: "assistant", content: answer });
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

/** Forgets the history and drops the request in flight. */
export function clearConversation() {
  generation++;
  controller?.abort();
  controller = null;
  history = [];
}
