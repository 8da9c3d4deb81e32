import { contentTerms } from "./terms.ts";

/**
 * "in the deep learning tutorial", "according to the MLOps guide", "the python tutorial's", "what
 * does the python tutorial say about": where the learner says to look, with the words that name
 * the tutorial.
 */
const SOURCE_PHRASE =
  /\b(in|from|per|by|according to|described in|explained in|covered in)?\s*(?:the|this|that|your)\s+((?:[\p{L}\p{N}+#-]+\s+){0,5}?)(?:tutorial|guide)('s|’s)?\b/giu;
/**
 * "what does the python tutorial say about …": the tutorial is where to look; "what does the
 * MLOps tutorial cover" asks about the tutorial itself.
 */
const SAYS = /^\s*(?:say|recommend|suggest|list|mention|describe|explain)s?\b/i;

/** The source a question names and the question without the words that name it. */
export type NamedSource = {
  /** Title of the document named, as the passages give it. */
  title: string;
  /** The question with the naming phrase left out: what it asks about. */
  question: string;
};

/**
 * The document a question names by its title's words ("What are the two ways of doing transfer
 * learning described in the deep learning tutorial?" names "Deep Learning and Machine Learning:
 * How They Fit Together"), among `titles`. Undefined when it names none, or names words no
 * title holds in full.
 */
export function namedSource(question: string, titles: Iterable<string>): NamedSource | undefined {
  const candidates = [...new Set(titles)].map((title) => ({
    title,
    terms: new Set(contentTerms(title)),
  }));
  for (const match of question.matchAll(SOURCE_PHRASE)) {
    const named = contentTerms(match[2] ?? "");
    const after = question.slice(match.index + match[0].length);
    const pointer = match[1] !== undefined || match[3] !== undefined || SAYS.test(after);
    if (named.length === 0 || !pointer) continue;
    const holding = candidates.filter(({ terms }) => named.every((term) => terms.has(term)));
    if (holding.length !== 1) continue;
    const title = holding[0]?.title as string;
    const rest = `${question.slice(0, match.index)} ${question.slice(match.index + match[0].length)}`;
    return { title, question: closedUp(rest) };
  }
  return undefined;
}

/**
 * The text without the phrases that say where to look ("according to the deep learning
 * tutorial"), whichever document they name: "deep learning" there names no topic.
 */
export function withoutSourcePhrases(text: string): string {
  return closedUp(text.replace(SOURCE_PHRASE, " "));
}

/**
 * "… as defined in the roadmap", "… according to the MLOps tutorial", "… as described in the future
 * trends section" closing a question: where to find the answer, not part of what is asked.
 */
const CLOSING_SOURCE_FRAME =
  /,?\s+(?:as (?:defined|described|explained|given) )?(?:in|by|according to|as per|per) (?:the |this )?(?:[\p{L}-]+ ){0,3}(?:roadmap|article|tutorials?|guide|material|section)(?=\s*[?.!]*$)/iu;

/** The question without a closing phrase that says where to look ("…, as defined in the roadmap"). */
export function withoutClosingSourceFrame(question: string): string {
  return question.replace(CLOSING_SOURCE_FRAME, "");
}

/**
 * Text with a phrase cut out of it closed up: one space between words, none before punctuation,
 * and no comma left before a closing mark ("problem, according to …?" → "problem?").
 */
function closedUp(text: string): string {
  return text
    .replace(/\s+([?.!,])/g, "$1")
    .replace(/,+(?=[?.!]|$)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * "the roadmap", "this 12-month roadmap": the main article, whatever the question asks of it ("the
 * MLOps roadmap" is a tutorial's title, named by `namedSource`).
 */
const ROADMAP_NAMED = /\b(?:the|this|your|ur) (?:12[- ]month |ml |machine learning )?roadmap\b/i;

/**
 * The title of the roadmap a question names as "the roadmap", when the corpus has exactly one
 * document of kind `roadmap` (`roadmapTitles`); otherwise undefined.
 */
export function roadmapNamed(
  question: string,
  roadmapTitles: readonly string[],
): string | undefined {
  return roadmapTitles.length === 1 && ROADMAP_NAMED.test(question) ? roadmapTitles[0] : undefined;
}
