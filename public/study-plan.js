// The plan form: a learner type (or a description), hours per week and a start date give the
// plan as Markdown, shown with its sources, and "Download calendar (.ics)" saves the same plan as
// plan.ics (fetched, then saved through a Blob and an object URL).

/** @import { PlanLearner } from "./study-api.js" */
import { sourcesList } from "./answer-footer.js";
import { element } from "./dom.js";
import { announce } from "./page-elements.js";
import { fetchLearnerTypeNames, fetchPlan } from "./study-api.js";
import { studyElements } from "./study-elements.js";
import { markdownBlocks, planSources } from "./study-markdown.js";
import { errorNote, failureMessage, loadingNote, retryable } from "./study-notes.js";

/** The range POST /api/study/plan accepts (docs/study.md). */
const HOURS = { min: 1, max: 60 };

/** @typedef {PlanLearner & { hoursPerWeek: number, start?: string }} PlanRequest */

/** Today on the learner's calendar, as YYYY-MM-DD. */
function today() {
  const now = new Date();
  const pad = (/** @type {number} */ value) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** @returns {PlanRequest | string} the request, or what is wrong with the form */
function readForm() {
  const { planLearnerType, planDescription, planHours, planStart } = studyElements;
  const description = planDescription.value.trim();
  /** @type {PlanLearner} */
  let learner;
  if (planLearnerType.value !== "") learner = { learnerType: planLearnerType.value };
  else if (description !== "") learner = { description };
  else return "Describe yourself in a few words, or choose a learner type.";
  const hours = planHours.valueAsNumber;
  if (Number.isNaN(hours)) {
    return `Hours per week must be a number from ${HOURS.min} to ${HOURS.max}.`;
  }
  const start = planStart.value;
  return { ...learner, hoursPerWeek: hours, ...(start === "" ? {} : { start }) };
}

/** @param {PlanRequest} request */
async function download(request, /** @type {HTMLButtonElement} */ button) {
  button.disabled = true;
  const status = element("p", { className: "muted", attributes: { role: "status" } }, [
    "Preparing the calendar…",
  ]);
  button.after(status);
  try {
    const calendar = await fetchPlan(request, "ics");
    const url = URL.createObjectURL(new Blob([calendar], { type: "text/calendar" }));
    const link = element("a", { attributes: { href: url, download: "plan.ics" } });
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own reference by now; the URL is not needed any more.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = "Calendar saved as plan.ics.";
    announce("Calendar saved as plan.ics");
  } catch (error) {
    status.replaceWith(errorNote(`The calendar could not be made: ${failureMessage(error)}`));
  } finally {
    button.disabled = false;
  }
}

/** @param {PlanRequest} request */
async function showPlan(request) {
  const { plan, planSubmit } = studyElements;
  planSubmit.disabled = true;
  plan.setAttribute("aria-busy", "true");
  plan.replaceChildren(loadingNote("Making your plan…"));
  try {
    const { body, citations } = planSources(await fetchPlan(request, "markdown"));
    const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
    const calendar = element(
      "button",
      { className: "button button--primary plan-download", attributes: { type: "button" } },
      ["Download calendar (.ics)"],
    );
    calendar.addEventListener("click", () => void download(request, calendar));
    plan.replaceChildren(
      element("div", { className: "plan-actions" }, [calendar]),
      element("div", { className: "answer-body study-plan__body" }, [
        ...markdownBlocks(body, byNumber, { headingLevel: 3 }),
      ]),
      element("div", { className: "message__footer" }, [
        ...(citations.length > 0 ? sourcesList(citations) : []),
      ]),
    );
  } catch (error) {
    plan.replaceChildren(
      errorNote(failureMessage(error), retryable(error) ? () => void showPlan(request) : undefined),
    );
  } finally {
    planSubmit.disabled = false;
    plan.removeAttribute("aria-busy");
  }
}

/**
 * Replaces the page's built-in learner types with the ones the served roadmap lists, keeping the
 * "describe myself" option; when they cannot be fetched the built-in ones stay.
 * @param {HTMLSelectElement} select
 */
async function offerServedLearnerTypes(select) {
  try {
    const names = await fetchLearnerTypeNames();
    if (names.length === 0) return;
    const chosen = select.value;
    const describe = [...select.options].find((option) => option.value === "");
    select.replaceChildren(
      ...names.map((name) => element("option", {}, [name])),
      ...(describe === undefined ? [] : [describe]),
    );
    if ([...select.options].some((option) => option.value === chosen)) select.value = chosen;
  } catch {
    // The built-in list still works: the server checks the name either way.
  }
}

export function setUpPlanForm() {
  const { planForm, planLearnerType, planDescriptionField, planStart } = studyElements;
  if (planStart.value === "") planStart.value = today();
  void offerServedLearnerTypes(planLearnerType);
  planLearnerType.addEventListener("change", () => {
    planDescriptionField.hidden = planLearnerType.value !== "";
    if (!planDescriptionField.hidden) studyElements.planDescription.focus();
  });
  planForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = readForm();
    if (typeof request === "string") {
      studyElements.plan.replaceChildren(errorNote(request));
      return;
    }
    void showPlan(request);
  });
}
