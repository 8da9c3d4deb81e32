// The Study view's fixed elements (from index.html), looked up once.

import { byId } from "./page-elements.js";

export const studyElements = {
  viewTabs: byId("view-tabs"),
  panel: byId("study-panel"),
  summary: byId("study-summary"),
  progressBar: /** @type {HTMLProgressElement} */ (byId("study-progress-bar")),
  due: byId("study-due"),
  progressNotes: byId("study-progress-notes"),
  steps: byId("study-steps"),
  forget: /** @type {HTMLButtonElement} */ (byId("study-forget")),
  tabs: byId("study-tabs"),
  guide: byId("study-guide"),
  cards: byId("study-cards"),
  planForm: /** @type {HTMLFormElement} */ (byId("study-plan-form")),
  planLearnerType: /** @type {HTMLSelectElement} */ (byId("plan-learner-type")),
  planDescriptionField: byId("plan-description-field"),
  planDescription: /** @type {HTMLTextAreaElement} */ (byId("plan-description")),
  planHours: /** @type {HTMLInputElement} */ (byId("plan-hours")),
  planStart: /** @type {HTMLInputElement} */ (byId("plan-start")),
  planSubmit: /** @type {HTMLButtonElement} */ (byId("plan-submit")),
  plan: byId("study-plan"),
};
