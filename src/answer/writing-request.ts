/**
 * Whether a message asks the assistant to write a document for the learner ("can u write me a
 * cover letter for a bank po job", "kindly draft a leave application to my HOD", "write my college
 * essay") or to make something up ("tell me a joke about neural networks lol"). The assistant
 * only quotes the roadmap and its tutorials, so such a request is refused before anything is
 * looked up, saying what was asked. Questions about writing ("how to write a custom callback",
 * "what should go in my README") ask something else and do not match.
 */

/** What is made up rather than looked up: a joke, a riddle, a poem, a story. */
const MADE_UP = "(?:jokes?|riddles?|poems?|stor(?:y|ies))";

/** What a learner asks to have written; the last word names it in the refusal. */
const DOCUMENT = `(?:${MADE_UP}|cover letters?|leave applications?|job applications?|letters?|essays?|e-?mails?|cvs?|resumes?|résumés?|speech(?:es)?|linkedin posts?|blog posts?|tweets?|captions?|bios?|sops?|statements? of purpose|assignments?|homework)`;

/**
 * An order or a request to write: "write …", "pls draft …", "can u write me …", "help me write …",
 * "… and write me a poem".
 */
const WRITE_FOR_ME = new RegExp(
  `(?:^(?:(?:pls|plz|please|kindly|bro|hey|yo|ok|okay|hi|hello)[\\s,!]+)*|\\b(?:can|could|would|will) (?:you|u)(?: (?:pls|plz|please|kindly))? |\\bhelp me |\\b(?:and|then|just|now) )(?:(?:pls|plz|please|kindly) )?(?:write|draft|compose|generate|prepare|make) (?:me |us )?(?:a |an |my |the |our )?(?:[\\p{L}'-]+ ){0,3}?(${DOCUMENT})\\b`,
  "iu",
);

/** "tell me a joke about neural networks", "give us a riddle": something made up, not looked up. */
const TELL_ME = new RegExp(
  `^(?:(?:pls|plz|please|kindly|bro|hey|yo|ok|okay|hi|hello)[\\s,!]+)*(?:(?:can|could|would|will) (?:you|u) )?(?:tell|give) (?:me|us) (?:a|an|some|another) (?:(?:funny|good|short|quick) )?(${MADE_UP})\\b`,
  "i",
);

/** What the learner asks to have written ("cover letter"), or undefined for any other message. */
export function documentAskedFor(message: string): string | undefined {
  const trimmed = message.trim();
  return (WRITE_FOR_ME.exec(trimmed)?.[1] ?? TELL_ME.exec(trimmed)?.[1])?.toLowerCase();
}

/** How the refusal reason for a request to write a document begins. */
const WRITING_REASON_START = "it asks me to write ";

/** Whether a refusal reason is the one given for a request to write a document. */
export function isWritingRefusal(reason: string): boolean {
  return reason.startsWith(WRITING_REASON_START);
}

/** The refusal reason for a request to write `document`. */
export function writingRefusalReason(document: string): string {
  const one = /(?:stories|speeches|homework|purpose)$/.test(document)
    ? document
    : document.replace(/s$/, "");
  const article = /^(?:homework|stor|speech)/.test(one) ? "" : /^[aeiou]/.test(one) ? "an " : "a ";
  return `${WRITING_REASON_START}${article}${one}, and I only answer questions from the roadmap and its tutorials`;
}
