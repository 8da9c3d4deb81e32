// "Your progress": the roadmap's steps with their months and a done checkbox each, the summary
// ("2 of 7 steps done"), how many cards are due for review, and "Forget my progress". Progress
// goes through the learner routes under the anonymous id of study-learner.js.

/** @import { StudyStep } from "./study-api.js" */
import { element } from "./dom.js";
import { announce } from "./page-elements.js";
import { fetchDue, fetchLearner, setStepDone } from "./study-api.js";
import { studyElements } from "./study-elements.js";
import { dropLearnerId, forgetLearner, learnerId, storedLearnerId } from "./study-learner.js";
import { errorNote, failureMessage } from "./study-notes.js";

/** @type {StudyStep[]} */
let steps = [];
/** @type {Set<number>} */
const done = new Set();

/** @param {string} message */
function showProblem(message) {
  studyElements.progressNotes.replaceChildren(errorNote(message));
}

function clearProblem() {
  studyElements.progressNotes.replaceChildren();
}

function updateSummary() {
  const count = steps.filter((step) => done.has(step.n)).length;
  studyElements.summary.textContent = `${count} of ${steps.length} steps done`;
  studyElements.progressBar.max = Math.max(steps.length, 1);
  studyElements.progressBar.value = count;
  studyElements.forget.disabled = storedLearnerId() === undefined;
  for (const box of studyElements.steps.querySelectorAll("input[type=checkbox]")) {
    const input = /** @type {HTMLInputElement} */ (box);
    input.checked = done.has(Number(input.dataset.step));
    input.closest("li")?.classList.toggle("study-step--done", input.checked);
  }
}

/**
 * @param {HTMLInputElement} box
 * @param {number} n
 */
async function toggle(box, n) {
  const wanted = box.checked;
  box.disabled = true;
  try {
    await setStepDone(await learnerId(), n, wanted);
    if (wanted) done.add(n);
    else done.delete(n);
    clearProblem();
    announce(`Step ${n} marked ${wanted ? "done" : "not done"}`);
  } catch (error) {
    showProblem(`Step ${n} could not be saved: ${failureMessage(error)}`);
  } finally {
    box.disabled = false;
    updateSummary();
  }
}

/**
 * Lists the steps; opening one (its button) calls `onOpen`.
 * @param {StudyStep[]} list
 * @param {(step: StudyStep) => void} onOpen
 */
export function showSteps(list, onOpen) {
  steps = list;
  const items = list.map((step) => {
    const box = element("input", {
      className: "study-step__check",
      attributes: { type: "checkbox", "data-step": String(step.n) },
    });
    box.addEventListener("change", () => void toggle(box, step.n));
    const open = element(
      "button",
      {
        className: "study-step__open",
        attributes: { type: "button", "data-step": String(step.n) },
      },
      [
        element("span", { className: "study-step__meta" }, [
          element("span", { className: "study-step__n" }, [`Step ${step.n}`]),
          element("span", { className: "study-step__months" }, [step.months.value]),
        ]),
        element("span", { className: "study-step__title" }, [step.title]),
      ],
    );
    open.addEventListener("click", () => onOpen(step));
    return element("li", { className: "study-step" }, [
      element("label", { className: "study-step__done" }, [
        box,
        element("span", { className: "visually-hidden" }, [`Step ${step.n} done`]),
      ]),
      open,
    ]);
  });
  studyElements.steps.replaceChildren(...items);
  updateSummary();
}

/** Marks the opened step in the list. @param {number} n */
export function markOpened(n) {
  for (const button of studyElements.steps.querySelectorAll(".study-step__open")) {
    if (Number(/** @type {HTMLElement} */ (button).dataset.step) === n) {
      button.setAttribute("aria-current", "true");
    } else {
      button.removeAttribute("aria-current");
    }
  }
}

/** The first step not done yet (the first step when all are). */
export function nextStep() {
  return steps.find((step) => !done.has(step.n)) ?? steps[0];
}

/** Reads what the server keeps for the stored id, if there is one. */
export async function loadProgress() {
  const id = storedLearnerId();
  if (id === undefined) return;
  try {
    const learner = await fetchLearner(id);
    done.clear();
    for (const entry of learner.steps) done.add(entry.step);
  } catch (error) {
    const code = /** @type {{ code?: string }} */ (error).code;
    // Deleted elsewhere, or a database started afresh: start again with a new id on first use.
    if (code === "learner_not_found" || code === "invalid_learner_id") dropLearnerId();
    else showProblem(`Your progress could not be loaded: ${failureMessage(error)}`);
  }
  updateSummary();
}

/** @type {Set<string>} */
let dueIds = new Set();

/** The ids of the cards due for review, as last read. */
export function dueCards() {
  return dueIds;
}

/** Reads the due cards again and says how many there are. */
export async function refreshDue() {
  const id = storedLearnerId();
  if (id === undefined) {
    dueIds = new Set();
    studyElements.due.textContent = "Answer a flashcard to start reviewing with spaced repetition.";
    return dueIds;
  }
  try {
    dueIds = new Set(await fetchDue(id));
    const count = dueIds.size;
    studyElements.due.textContent =
      count === 0
        ? "No flashcards due for review right now."
        : `${count} flashcard${count === 1 ? "" : "s"} due for review.`;
  } catch (error) {
    studyElements.due.textContent = `Due reviews could not be read: ${failureMessage(error)}`;
  }
  return dueIds;
}

/** "Forget my progress": after a confirmation, deletes everything stored for the id. */
export function setUpForget(/** @type {() => void} */ onForgotten) {
  studyElements.forget.addEventListener("click", async () => {
    const sure = window.confirm(
      "Delete your progress and reviews from the server, and forget this browser's anonymous id?",
    );
    if (!sure) return;
    studyElements.forget.disabled = true;
    try {
      await forgetLearner();
      done.clear();
      clearProblem();
      announce("Your progress was deleted");
      onForgotten();
    } catch (error) {
      showProblem(`Your progress could not be deleted: ${failureMessage(error)}`);
    } finally {
      updateSummary();
      void refreshDue();
    }
  });
}
