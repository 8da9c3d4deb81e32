// The conversation's completed exchanges, kept in sessionStorage so that reloading the tab brings
// them back; closing the tab or "New conversation" forgets them. What is read back is checked
// field by field: anything unexpected (damaged, or written by another version of the page) is
// dropped whole, and the page starts empty.

/** @import { AnswerEnd, Citation } from "./chat-api.js" */

/**
 * A question as typed and the final answer it got.
 * @typedef {{ message: string, answer: AnswerEnd }} Exchange
 */

const STORAGE_KEY = "study-assistant.conversation";
/** Bumped when the stored shape changes; other versions are ignored. */
const FORMAT = 1;
/** Most exchanges kept; older ones are dropped first. */
const MAX_EXCHANGES = 30;
/** Most characters stored (the JSON); older exchanges are dropped to fit. About 1 MB in UTF-16. */
const MAX_STORED_CHARS = 500_000;

/** sessionStorage can be missing or throw (storage disabled): nothing is kept then. */
function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** @param {unknown} value @returns {value is string} */
const isString = (value) => typeof value === "string";

/** @param {unknown} value @returns {value is string[]} */
const isStrings = (value) => Array.isArray(value) && value.every(isString);

/**
 * A citation as the page uses it, or undefined.
 * @param {unknown} value
 * @returns {Citation | undefined}
 */
function citation(value) {
  if (typeof value !== "object" || value === null) return undefined;
  const { n, chunkId, source, title, section, text } = /** @type {Record<string, unknown>} */ (
    value
  );
  if (typeof n !== "number" || !Number.isInteger(n)) return undefined;
  if (![chunkId, source, title, section, text].every(isString)) return undefined;
  return /** @type {Citation} */ ({ n, chunkId, source, title, section, text });
}

/**
 * Only the fields the page shows, each of its type; undefined when one is wrong.
 * @param {unknown} value
 * @returns {AnswerEnd | undefined}
 */
function answer(value) {
  if (typeof value !== "object" || value === null) return undefined;
  const fields = /** @type {Record<string, unknown>} */ (value);
  if (!isString(fields.answer) || typeof fields.refused !== "boolean") return undefined;
  if (!Array.isArray(fields.citations)) return undefined;
  const citations = fields.citations.map(citation);
  if (citations.some((entry) => entry === undefined)) return undefined;
  /** @type {AnswerEnd} */
  const checked = {
    answer: fields.answer,
    refused: fields.refused,
    citations: /** @type {Citation[]} */ (citations),
  };
  for (const key of /** @type {const} */ (["question", "standaloneQuestion", "understoodAs"])) {
    const field = fields[key];
    if (field === undefined || field === null) continue;
    if (!isString(field)) return undefined;
    checked[key] = field;
  }
  for (const key of /** @type {const} */ (["suggestions", "notices"])) {
    const field = fields[key];
    if (field === undefined || field === null) continue;
    if (!isStrings(field)) return undefined;
    checked[key] = field;
  }
  if (fields.reply !== undefined && fields.reply !== null) {
    if (typeof fields.reply !== "boolean") return undefined;
    checked.reply = fields.reply;
  }
  return checked;
}

/**
 * The exchanges stored for this tab; none when there are none or they cannot be read.
 * @returns {Exchange[]}
 */
export function loadExchanges() {
  let stored;
  try {
    stored = storage()?.getItem(STORAGE_KEY);
  } catch {
    return [];
  }
  if (stored === null || stored === undefined) return [];
  try {
    const data = JSON.parse(stored);
    if (data?.format !== FORMAT || !Array.isArray(data.exchanges)) throw new Error("other format");
    /** @type {Exchange[]} */
    const exchanges = [];
    for (const entry of data.exchanges.slice(-MAX_EXCHANGES)) {
      const checked = answer(entry?.answer);
      if (!isString(entry?.message) || checked === undefined) throw new Error("damaged");
      exchanges.push({ message: entry.message, answer: checked });
    }
    return exchanges;
  } catch {
    forgetExchanges();
    return [];
  }
}

/**
 * Stores the newest exchanges that fit the caps; with no room at all, nothing.
 * @param {readonly Exchange[]} exchanges
 */
export function saveExchanges(exchanges) {
  // Only what the page shows: not the retrieved list, timings or the understanding details.
  let kept = exchanges
    .slice(-MAX_EXCHANGES)
    .map((exchange) => ({ message: exchange.message, answer: answer(exchange.answer) }))
    .filter((exchange) => exchange.answer !== undefined);
  for (;;) {
    const json = JSON.stringify({ format: FORMAT, exchanges: kept });
    if (json.length <= MAX_STORED_CHARS || kept.length === 0) {
      try {
        storage()?.setItem(STORAGE_KEY, json);
        return;
      } catch {
        // Over the browser's quota: try again with fewer, until there is nothing left.
        if (kept.length === 0) return;
      }
    }
    kept = kept.slice(1);
  }
}

/** Forgets the stored exchanges. */
export function forgetExchanges() {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}
