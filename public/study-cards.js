// The opened step's flashcards, one at a time: a card flips (the "Show answer" button) to its
// answer and passage; a typed answer or a chosen option is graded by the server and recorded as a
// review, and a card turned without answering can be rated (Again … Easy). Cards due for review
// come first.

/** @import { Grade, Rating, StudyCard, StudyStep } from "./study-api.js" */
import { element, ICONS, icon, prettySection } from "./dom.js";
import { fetchCards, gradeAnswer, recordReview } from "./study-api.js";
import { studyElements } from "./study-elements.js";
import { learnerId } from "./study-learner.js";
import { errorNote, failureMessage, loadingNote, retryable } from "./study-notes.js";
import { dueCards, refreshDue } from "./study-progress.js";

/** @typedef {{ flipped: boolean, grade?: Grade, chosen?: string, saved?: string, problem?: string, busy?: boolean }} CardState */

/** @type {Record<StudyCard["kind"], string>} */
const KIND_LABELS = { table: "Question", choice: "Multiple choice", cloze: "Fill in the blank" };

/** @type {{ label: string, rating: Rating }[]} */
const RATINGS = [
  { label: "Again", rating: "again" },
  { label: "Hard", rating: "hard" },
  { label: "Good", rating: "good" },
  { label: "Easy", rating: "easy" },
];

/** @type {Map<number, Promise<StudyCard[]>>} */
const decks = new Map();
/** @type {Map<string, CardState>} kept while the page is open, so going back shows the verdict */
const states = new Map();

/** @type {{ step: StudyStep, cards: StudyCard[], position: number } | undefined} */
let deck;
/** The step whose cards should be on screen: a slower, older request must not replace them. */
let wanted = 0;

/** @param {StudyCard} card */
function stateOf(card) {
  let state = states.get(card.id);
  if (state === undefined) {
    state = { flipped: false };
    states.set(card.id, state);
  }
  return state;
}

/** @param {string} due an ISO date */
function whenDue(due) {
  const date = new Date(due);
  return Number.isNaN(date.getTime())
    ? due
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * Records the review under the learner id (created on the first one), then reads the due cards.
 * @param {StudyCard} card
 * @param {{ answer: string } | { rating: Rating }} review
 */
async function saveReview(card, review) {
  const state = stateOf(card);
  try {
    const saved = await recordReview(await learnerId(), { cardId: card.id, ...review });
    state.saved = `Review saved · next review ${whenDue(saved.schedule.due)}`;
    delete state.problem;
  } catch (error) {
    state.problem = `The review was not saved: ${failureMessage(error)}`;
  }
  await refreshDue();
  if (deck?.cards[deck.position] === card) render();
}

/**
 * @param {StudyCard} card
 * @param {string} answer
 */
async function submit(card, answer) {
  const state = stateOf(card);
  if (state.busy) return;
  state.busy = true;
  delete state.problem;
  render();
  try {
    state.grade = await gradeAnswer(card.id, answer);
    state.chosen = answer;
    state.flipped = true;
  } catch (error) {
    state.problem = failureMessage(error);
  } finally {
    state.busy = false;
  }
  render();
  if (state.grade) {
    /** @type {HTMLElement | null} */ (
      studyElements.cards.querySelector(".flashcard__verdict")
    )?.focus();
    await saveReview(card, { answer });
  }
}

/** @param {StudyCard} card @param {CardState} state */
function front(card, state) {
  const face = element("div", { className: "flashcard__face flashcard__front" }, [
    element("p", { className: "flashcard__kind" }, [KIND_LABELS[card.kind]]),
    element("p", { className: "flashcard__prompt", attributes: { id: `prompt-${card.id}` } }, [
      card.prompt,
    ]),
  ]);
  if (card.kind === "choice" && card.choices) {
    const choices = card.choices.map((choice) => {
      const button = element(
        "button",
        { className: "flashcard__choice", attributes: { type: "button" } },
        [choice],
      );
      button.disabled = Boolean(state.busy || state.grade);
      if (state.chosen === choice) button.dataset.chosen = "true";
      button.addEventListener("click", () => void submit(card, choice));
      return element("li", {}, [button]);
    });
    face.append(
      element(
        "ul",
        { className: "flashcard__choices", attributes: { "aria-labelledby": `prompt-${card.id}` } },
        choices,
      ),
    );
  } else {
    const input = element("input", {
      className: "flashcard__input",
      attributes: { type: "text", id: `answer-${card.id}`, autocomplete: "off", maxlength: "500" },
    });
    input.value = state.chosen ?? "";
    input.disabled = Boolean(state.busy);
    const check = element(
      "button",
      { className: "button button--primary flashcard__check", attributes: { type: "submit" } },
      [state.busy ? "Checking…" : "Check"],
    );
    check.disabled = Boolean(state.busy);
    const form = element(
      "form",
      { className: "flashcard__answer", attributes: { novalidate: "" } },
      [
        element("label", { attributes: { for: `answer-${card.id}` } }, ["Your answer"]),
        element("div", { className: "flashcard__answer-row" }, [input, check]),
      ],
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const answer = input.value.trim();
      if (answer === "") {
        state.problem = "Type an answer first, or use Show answer.";
        render();
        return;
      }
      void submit(card, answer);
    });
    face.append(form);
  }
  if (state.problem && !state.flipped) face.append(errorNote(state.problem));
  return face;
}

/** @param {StudyCard} card @param {CardState} state */
function back(card, state) {
  const face = element("div", { className: "flashcard__face flashcard__back" });
  if (state.grade) {
    const correct = state.grade.correct;
    face.append(
      element(
        "p",
        {
          className: "flashcard__verdict",
          attributes: { "data-correct": String(correct), tabindex: "-1" },
        },
        [
          icon(correct ? ICONS.check : ICONS.warning),
          element("span", {}, [
            correct ? "Correct" : "Not quite",
            element("span", { className: "flashcard__reason" }, [
              ` — you answered “${state.chosen ?? ""}”: ${state.grade.reason}`,
            ]),
          ]),
        ],
      ),
    );
  }
  face.append(
    element("p", { className: "flashcard__kind" }, ["Answer"]),
    element("p", { className: "flashcard__expected" }, [state.grade?.expected ?? card.answer]),
    element("figure", { className: "flashcard__passage" }, [
      element("blockquote", {}, [state.grade?.explanation ?? card.from.text]),
      element("figcaption", {}, [`${prettySection(card.from.section)} · ${card.from.source}`]),
    ]),
  );
  if (!state.grade && !state.saved) {
    const buttons = RATINGS.map(({ label, rating }) => {
      const button = element(
        "button",
        { className: "button button--small", attributes: { type: "button" } },
        [label],
      );
      button.addEventListener("click", () => {
        for (const other of face.querySelectorAll(".flashcard__ratings button")) {
          /** @type {HTMLButtonElement} */ (other).disabled = true;
        }
        void saveReview(card, { rating });
      });
      return button;
    });
    face.append(
      element(
        "div",
        {
          className: "flashcard__rate",
          attributes: { role: "group", "aria-labelledby": `rate-${card.id}` },
        },
        [
          element("p", { attributes: { id: `rate-${card.id}` } }, ["How well did you know it?"]),
          element("div", { className: "flashcard__ratings" }, buttons),
        ],
      ),
    );
  }
  if (state.saved)
    face.append(element("p", { className: "flashcard__saved muted" }, [state.saved]));
  if (state.problem && state.flipped) face.append(errorNote(state.problem));
  return face;
}

function render() {
  if (deck === undefined) return;
  const { step, cards, position } = deck;
  const card = cards[position];
  const heading = element("h2", { className: "study__title" }, [`Flashcards · Step ${step.n}`]);
  if (card === undefined) {
    studyElements.cards.replaceChildren(
      heading,
      element("p", { className: "muted" }, ["This step has no flashcards."]),
    );
    return;
  }
  const state = stateOf(card);
  const due = cards.filter((item) => dueCards().has(item.id)).length;
  const flashcard = element(
    "section",
    {
      className: "flashcard",
      attributes: {
        "data-flipped": String(state.flipped),
        "data-kind": card.kind,
        "aria-label": `Card ${position + 1} of ${cards.length}`,
      },
    },
    [element("div", { className: "flashcard__inner" }, [front(card, state), back(card, state)])],
  );
  // Only the face turned up is read and reachable.
  const [shown, hidden] = state.flipped ? [1, 0] : [0, 1];
  const faces = flashcard.querySelectorAll(".flashcard__face");
  faces[hidden]?.setAttribute("inert", "");
  faces[hidden]?.setAttribute("aria-hidden", "true");
  faces[shown]?.removeAttribute("inert");

  const previous = element(
    "button",
    { className: "button button--ghost", attributes: { type: "button" } },
    ["Previous"],
  );
  previous.disabled = position === 0;
  previous.addEventListener("click", () => move(-1));
  const flip = element(
    "button",
    { className: "button button--primary flashcard__flip", attributes: { type: "button" } },
    [state.flipped ? "Show question" : "Show answer"],
  );
  flip.addEventListener("click", () => {
    state.flipped = !state.flipped;
    render();
    /** @type {HTMLElement | null} */ (
      studyElements.cards.querySelector(".flashcard__flip")
    )?.focus();
  });
  const next = element(
    "button",
    { className: "button button--ghost", attributes: { type: "button" } },
    ["Next"],
  );
  next.disabled = position === cards.length - 1;
  next.addEventListener("click", () => move(1));

  studyElements.cards.replaceChildren(
    heading,
    element("p", { className: "deck__count" }, [
      `Card ${position + 1} of ${cards.length} · `,
      due === 0 ? "none due for review in this step" : `${due} due for review in this step`,
    ]),
    flashcard,
    element("div", { className: "deck__nav" }, [previous, flip, next]),
  );
}

/** @param {number} by */
function move(by) {
  if (deck === undefined) return;
  deck.position = Math.min(Math.max(deck.position + by, 0), deck.cards.length - 1);
  render();
  const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (
    studyElements.cards.querySelectorAll(".deck__nav button")
  );
  const pressed = buttons[by < 0 ? 0 : 2];
  (pressed && !pressed.disabled ? pressed : buttons[1])?.focus();
}

/** @param {StudyStep} step */
export async function showCards(step) {
  deck = undefined;
  wanted = step.n;
  studyElements.cards.replaceChildren(loadingNote(`Loading the flashcards for step ${step.n}…`));
  let request = decks.get(step.n);
  if (request === undefined) {
    request = fetchCards(step.n);
    decks.set(step.n, request);
  }
  try {
    const cards = await request;
    await refreshDue();
    if (wanted !== step.n) return;
    const due = dueCards();
    // Due cards first, each group in the server's order.
    const ordered = [
      ...cards.filter((card) => due.has(card.id)),
      ...cards.filter((card) => !due.has(card.id)),
    ];
    deck = { step, cards: ordered, position: 0 };
    render();
  } catch (error) {
    decks.delete(step.n);
    if (wanted !== step.n) return;
    studyElements.cards.replaceChildren(
      errorNote(failureMessage(error), retryable(error) ? () => void showCards(step) : undefined),
    );
  }
}

/** After the progress was forgotten: reviews are gone, so are the saved notes. */
export function forgetReviews() {
  states.clear();
  render();
}
