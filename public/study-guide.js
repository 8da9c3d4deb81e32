// The opened step's study guide: its Markdown as elements, [n] markers opening the cited passage,
// the notices the server adds, and the sources list the chat uses.

/** @import { StudyGuide } from "./study-api.js" */
import { sourcesList } from "./answer-footer.js";
import { element, ICONS, icon } from "./dom.js";
import { fetchGuide } from "./study-api.js";
import { studyElements } from "./study-elements.js";
import { markdownBlocks } from "./study-markdown.js";
import { errorNote, failureMessage, loadingNote, retryable } from "./study-notes.js";

/** @type {Map<number, Promise<StudyGuide>>} guides do not change while the page is open */
const guides = new Map();
/** The step whose guide should be on screen: a slower, older request must not replace it. */
let wanted = 0;

/** @param {number} n */
export async function showGuide(n) {
  wanted = n;
  const target = studyElements.guide;
  target.setAttribute("aria-busy", "true");
  target.replaceChildren(loadingNote(`Loading the study guide for step ${n}…`));
  let request = guides.get(n);
  if (request === undefined) {
    request = fetchGuide(n);
    guides.set(n, request);
  }
  try {
    const guide = await request;
    if (wanted !== n) return;
    const citations = new Map(guide.citations.map((citation) => [citation.n, citation]));
    const notices = (guide.notices ?? []).map((notice) =>
      element("p", { className: "note note--notice" }, [
        icon(ICONS.notice),
        element("span", {}, [notice]),
      ]),
    );
    const footer = element("div", { className: "message__footer study-guide__sources" }, [
      ...(guide.citations.length > 0 ? sourcesList(guide.citations) : []),
    ]);
    target.replaceChildren(
      ...notices,
      ...markdownBlocks(guide.markdown, citations, { headingLevel: 2 }),
      footer,
    );
  } catch (error) {
    guides.delete(n);
    if (wanted !== n) return;
    target.replaceChildren(
      errorNote(failureMessage(error), retryable(error) ? () => void showGuide(n) : undefined),
    );
  } finally {
    if (wanted === n) target.removeAttribute("aria-busy");
  }
}
