// The study routes as the Study view calls them: steps, guides, cards, grading, the plan and the
// learner's progress. A rejected request becomes a StudyApiError carrying the server's readable
// message ({ error: { code, message, issues? } }); the JSON is not re-validated here.

/** @import { Citation } from "./chat-api.js" */
import { httpErrorMessage } from "./chat-api.js";

/** @typedef {{ value: string }} Sourced a field of a step, as the roadmap states it */

/**
 * A roadmap step (GET /api/study/steps); only the fields the page shows.
 * @typedef {object} StudyStep
 * @property {number} n
 * @property {string} title
 * @property {Sourced} months e.g. "Month 6–8"
 * @property {Sourced} [focus]
 * @property {Sourced} [milestoneSummary]
 */

/**
 * @typedef {object} StudyGuide
 * @property {{ n: number, title: string, months: string }} step
 * @property {string} markdown
 * @property {Citation[]} citations
 * @property {string[]} [notices]
 */

/**
 * A flashcard (GET /api/study/steps/:n/cards); `choices` only on "choice" cards.
 * @typedef {object} StudyCard
 * @property {string} id
 * @property {"table" | "choice" | "cloze"} kind
 * @property {string} prompt
 * @property {string} answer
 * @property {string[]} [choices]
 * @property {{ chunkId: string, source: string, section: string, text: string }} from
 */

/** @typedef {{ cardId: string, correct: boolean, reason: string, expected: string, explanation: string }} Grade */

/** @typedef {"again" | "hard" | "good" | "easy"} Rating */

/** @typedef {{ id: string, steps: { step: number }[] }} LearnerExport the parts the page reads */

/** @typedef {{ learnerType: string } | { description: string }} PlanLearner */

/** A request the server refused, or one that never reached it (`status` 0). */
export class StudyApiError extends Error {
  /**
   * @param {string} message readable, shown as is
   * @param {number} status
   * @param {string} [code] the server's error code
   */
  constructor(message, status, code) {
    super(message);
    this.name = "StudyApiError";
    this.status = status;
    this.code = code;
  }
}

const UNREACHABLE = "Could not reach the study assistant. Check your connection and try again.";

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<Response>} a 2xx response
 */
async function send(path, init = {}) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new StudyApiError(UNREACHABLE, 0);
  }
  if (response.ok) return response;
  const message = await httpErrorMessage(response.clone());
  /** @type {string | undefined} */
  let code;
  try {
    const body = /** @type {{ error?: { code?: unknown } } | null} */ (await response.json());
    if (typeof body?.error?.code === "string") code = body.error.code;
  } catch {
    // Not JSON: the message already says the status.
  }
  throw new StudyApiError(message, response.status, code);
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 */
async function json(path, init = {}) {
  const response = await send(path, {
    ...init,
    headers: { Accept: "application/json", ...init.headers },
  });
  return /** @type {unknown} */ (await response.json());
}

/**
 * @param {string} method
 * @param {unknown} body
 * @returns {RequestInit}
 */
function withJson(method, body) {
  return { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}

/** @returns {Promise<string[]>} the learner types a plan accepts by name, as the roadmap writes them */
export async function fetchLearnerTypeNames() {
  const body = /** @type {{ learnerTypes: Array<{ name: string }> }} */ (
    await json("/api/study/learner-types")
  );
  return body.learnerTypes.map((type) => type.name);
}

/** @returns {Promise<StudyStep[]>} */
export async function fetchSteps() {
  const body = /** @type {{ steps: StudyStep[] }} */ (await json("/api/study/steps"));
  return body.steps;
}

/** @param {number} n @returns {Promise<StudyGuide>} */
export async function fetchGuide(n) {
  return /** @type {StudyGuide} */ (await json(`/api/study/steps/${n}/guide`));
}

/** @param {number} n @returns {Promise<StudyCard[]>} */
export async function fetchCards(n) {
  const body = /** @type {{ cards: StudyCard[] }} */ (await json(`/api/study/steps/${n}/cards`));
  return body.cards;
}

/** @param {string} cardId @param {string} answer @returns {Promise<Grade>} */
export async function gradeAnswer(cardId, answer) {
  const path = `/api/study/cards/${encodeURIComponent(cardId)}/answer`;
  return /** @type {Grade} */ (await json(path, withJson("POST", { answer })));
}

/**
 * The plan as Markdown, or as the iCalendar file's text.
 * @param {PlanLearner & { hoursPerWeek: number, start?: string }} request
 * @param {"markdown" | "ics"} format
 */
export async function fetchPlan(request, format) {
  const response = await send("/api/study/plan", withJson("POST", { ...request, format }));
  return response.text();
}

/** @returns {Promise<string>} a new anonymous learner id */
export async function createLearner() {
  const body = /** @type {{ id: string }} */ (await json("/api/learners", { method: "POST" }));
  return body.id;
}

/** @param {string} id @returns {Promise<LearnerExport>} */
export async function fetchLearner(id) {
  return /** @type {LearnerExport} */ (await json(`/api/learners/${encodeURIComponent(id)}`));
}

/** @param {string} id @param {number} step @param {boolean} done */
export async function setStepDone(id, step, done) {
  await json(`/api/learners/${encodeURIComponent(id)}/steps/${step}`, withJson("PUT", { done }));
}

/**
 * Records a review: the typed answer (graded by the server) or a self-rating.
 * @param {string} id
 * @param {{ cardId: string, answer: string } | { cardId: string, rating: Rating }} review
 * @returns {Promise<{ schedule: { due: string } }>} when the card is due again
 */
export async function recordReview(id, review) {
  const path = `/api/learners/${encodeURIComponent(id)}/reviews`;
  return /** @type {{ schedule: { due: string } }} */ (await json(path, withJson("POST", review)));
}

/** @param {string} id @returns {Promise<string[]>} the ids of the cards due now */
export async function fetchDue(id) {
  const body = /** @type {{ cardIds: string[] }} */ (
    await json(`/api/learners/${encodeURIComponent(id)}/due`)
  );
  return body.cardIds;
}

/** @param {string} id */
export async function deleteLearner(id) {
  await send(`/api/learners/${encodeURIComponent(id)}`, { method: "DELETE" });
}
