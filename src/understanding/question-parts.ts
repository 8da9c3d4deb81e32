import { contentTerms, questionText, withoutAnswerStyle } from "../text/terms.ts";
import { questionFocus } from "./question-focus.ts";

/**
 * Opens a clause that asks on its own: a question word, a request, or an auxiliary verb with its
 * subject ("should i", "is it"; "and can move on" continues the question before it).
 */
const ASKS =
  "(?:what|what's|whats|which|who|when|where|why|how|tell|explain|give|list|name|(?:is|are|do|does|can|could|should|shud|will|would)\\s+(?:i|you|we|they|it|there|this|that|these|those|the|an?|my|your|our|their))";

/** After a question mark, any yes/no question starts a new one: "… which metrics? is accuracy fine?". */
const YES_NO = "(?:is|are|do|does|can|should|shud)\\s+[\\w-]+\\b";

/**
 * After a question mark, a phrase that ends in a question mark of its own is a question too ("NLP
 * engineer salary in india? computer vision engineer salary in india?"); a phrase that adds to the
 * last ("like for ml jobs?"), a guess at a figure ("12–18 months?", "around 8k?") or a phrase of
 * under four words ("ready for prod?") is not.
 */
const OWN_QUESTION =
  "(?!(?:like|or|maybe|right|around|about|approx|approximately|roughly|i mean|ie|eg|e\\.g\\.|i\\.e\\.)\\b)[a-z][^?\\s]*(?:\\s+[^?\\s]+){3,}\\s*\\?";

/** "… and roughly how much does it cost": a hedge before the word that asks. */
const HEDGE =
  "(?:roughly|approximately|approx|around|about|exactly|actually|really|typically|usually)";

/**
 * Where one question ends and the next begins: a question mark, a comma or "and", "also", "and
 * also", "plus" right before a word that asks, or a question mark before a yes/no question or a
 * phrase asked on its own. A guess after a question mark ("… how long? 12–18 months?") is not a
 * new question.
 */
const BOUNDARY = new RegExp(
  `\\?+\\s+(?:(?:and also|and|also|plus|so|ok)\\s+)?(?=${ASKS}\\b|${YES_NO}|${OWN_QUESTION})|,?\\s+(?:and also|and|also|plus|&)\\s+(?=(?:${HEDGE}\\s+)?${ASKS}\\b)|,\\s+(?=(?:also\\s+)?${ASKS}\\b)`,
  "i",
);

/** Most parts answered separately; the rest stays with the last part. */
const MAX_PARTS = 3;

/**
 * The separate things a message asks, in order: "What is LlamaIndex used for, and what should my
 * final RAG milestone include?" asks two. Only the clauses that ask are cut (`questionFocus`:
 * the learner's situation is not a part), and a piece becomes a part only when it names a topic
 * of its own: "is python enough, and why?" stays one question, since "why" names nothing and
 * leans on the first. A message asking one thing gives one part, the message itself.
 */
export function questionParts(message: string): string[] {
  const focus = questionFocus(message);
  const pieces = focus
    .split(new RegExp(BOUNDARY.source, "gi"))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  const parts: string[] = [];
  for (const piece of pieces) {
    const previous = parts.at(-1);
    // A piece that names nothing ("and why?") leans on the one before it.
    if (previous !== undefined && (ownTerms(piece).length === 0 || parts.length >= MAX_PARTS)) {
      parts[parts.length - 1] = `${previous} ${piece}`;
    } else {
      parts.push(piece);
    }
  }
  // A first piece that names nothing ("ok so why?") joins the next.
  if (parts.length > 1 && ownTerms(parts[0] as string).length === 0) {
    parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
  }
  return parts.length > 1 ? parts : [message];
}

/** The words of a piece that name a topic, not the asking ("exactly", "roadmap"). */
function ownTerms(piece: string): string[] {
  return contentTerms(questionText(withoutAnswerStyle(piece)));
}
