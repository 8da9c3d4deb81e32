// What a Study region shows while it loads or after a request failed, so it is never blank.

import { element, ICONS, icon } from "./dom.js";

/** @param {string} text e.g. "Loading the guide…" */
export function loadingNote(text) {
  return element("p", { className: "study-loading muted", attributes: { role: "status" } }, [
    element("span", { className: "dots", attributes: { "aria-hidden": "true" } }, [
      element("span"),
      element("span"),
      element("span"),
    ]),
    element("span", {}, [text]),
  ]);
}

/**
 * The server's message (or the network failure) with an optional "Try again".
 * @param {string} message
 * @param {(() => void) | undefined} [retry]
 */
export function errorNote(message, retry) {
  const note = element(
    "div",
    { className: "note note--error study-error", attributes: { role: "alert" } },
    [icon(ICONS.warning), element("span", {}, [message])],
  );
  if (retry) {
    const button = element(
      "button",
      { className: "button button--small study-error__retry", attributes: { type: "button" } },
      [icon(ICONS.retry), element("span", {}, ["Try again"])],
    );
    button.addEventListener("click", retry);
    note.append(button);
  }
  return note;
}

/**
 * Whether asking again may help: the server was not reached or failed (not a refused request).
 * @param {unknown} error
 */
export function retryable(error) {
  const status = /** @type {{ status?: unknown }} */ (error).status;
  return typeof status !== "number" || status === 0 || status >= 500;
}

/**
 * The message of any failure, for the page: a StudyApiError's is already readable.
 * @param {unknown} error
 */
export function failureMessage(error) {
  return error instanceof Error && error.name === "StudyApiError"
    ? error.message
    : "Something went wrong in the page. Please reload it.";
}
