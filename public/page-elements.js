// The page's fixed elements (from index.html), looked up once.

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  // index.html has every one of these ids: the cast only drops `null`.
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

export const elements = {
  scroller: byId("scroller"),
  welcome: byId("welcome"),
  starters: byId("starters"),
  log: byId("log"),
  form: /** @type {HTMLFormElement} */ (byId("composer")),
  question: /** @type {HTMLTextAreaElement} */ (byId("question")),
  questionCount: byId("composer-count"),
  questionError: byId("composer-error"),
  send: /** @type {HTMLButtonElement} */ (byId("send")),
  stop: /** @type {HTMLButtonElement} */ (byId("stop")),
  newConversation: /** @type {HTMLButtonElement} */ (byId("new-conversation")),
  status: byId("status"),
  statusText: byId("status-text"),
  announcer: byId("announcer"),
  dialog: /** @type {HTMLDialogElement} */ (byId("source-dialog")),
  dialogNumber: byId("source-number"),
  dialogSection: byId("source-section"),
  dialogFile: byId("source-file"),
  dialogDocument: byId("source-document"),
  dialogText: byId("source-text"),
  dialogClose: /** @type {HTMLButtonElement} */ (byId("source-close")),
};

/** Says something to screen readers without showing it. @param {string} message */
export function announce(message) {
  elements.announcer.textContent = "";
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => {
    elements.announcer.textContent = message;
  }, 50);
}
