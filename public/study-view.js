// The Study view beside the chat: the Chat/Study tabs in the header (the choice kept in the URL
// as #study, so a reload stays there), and, on first opening, the steps with the learner's
// progress, the first step not done yet with its guide and flashcards, and the plan form.

/** @import { StudyStep } from "./study-api.js" */
import { elements } from "./page-elements.js";
import { fetchSteps } from "./study-api.js";
import { forgetReviews, showCards } from "./study-cards.js";
import { studyElements } from "./study-elements.js";
import { showGuide } from "./study-guide.js";
import { errorNote, failureMessage } from "./study-notes.js";
import { setUpPlanForm } from "./study-plan.js";
import {
  loadProgress,
  markOpened,
  nextStep,
  refreshDue,
  setUpForget,
  showSteps,
} from "./study-progress.js";
import { setUpTabs } from "./study-tabs.js";

const STUDY_HASH = "#study";
/** Where styles.css stacks the step list above the guide. */
const SINGLE_COLUMN = "(max-width: 860px)";

/** @param {StudyStep} step */
function openStep(step) {
  markOpened(step.n);
  void showGuide(step.n);
  void showCards(step);
}

let loaded = false;

async function loadStudy() {
  if (loaded) return;
  loaded = true;
  try {
    const steps = await fetchSteps();
    showSteps(steps, (step) => {
      openStep(step);
      // In one column (phones) the step list sits above the guide: bring what was opened into view.
      if (window.matchMedia(SINGLE_COLUMN).matches) {
        studyElements.tabs.scrollIntoView({ block: "start", behavior: "smooth" });
      }
    });
    await loadProgress();
    void refreshDue();
    const first = nextStep();
    if (first) openStep(first);
  } catch (error) {
    loaded = false;
    studyElements.summary.textContent = "The steps could not be loaded.";
    studyElements.steps.replaceChildren(
      errorNote(failureMessage(error), () => {
        studyElements.steps.replaceChildren();
        void loadStudy();
      }),
    );
  }
}

export function setUpStudyView() {
  const views = setUpTabs(studyElements.viewTabs, (tab) => {
    const study = tab.id === "tab-study";
    elements.newConversation.hidden = study;
    document.body.dataset.view = study ? "study" : "chat";
    const url = new URL(window.location.href);
    url.hash = study ? STUDY_HASH : "";
    history.replaceState(null, "", url);
    if (study) void loadStudy();
  });
  setUpTabs(studyElements.tabs);
  setUpPlanForm();
  setUpForget(forgetReviews);

  // The skip link leads to the question box, which only the Chat view has.
  document.querySelector(".skip-link")?.addEventListener("click", () => {
    const chat = views.tab("tab-chat");
    if (chat) views.select(chat);
  });
  if (window.location.hash === STUDY_HASH) {
    const study = views.tab("tab-study");
    if (study) views.select(study);
  }
}
