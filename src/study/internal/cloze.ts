import { quotableUnits } from "../../answer/quotable-units.ts";
import type { Chunk } from "../../chunking/chunk.ts";

/** A sentence with the term it defines blanked out. */
export type Cloze = { prompt: string; answer: string };

/** The blank shown in place of the answer. */
export const BLANK = "____";

/**
 * Verbs that open a definition or a statement of what a named thing does: "Feature engineering
 * means…", "Docker packages…", "RAG, or Retrieval-Augmented Generation, connects…".
 */
const DEFINING_VERBS =
  "is|are|means|refers to|uses|finds|checks|happens when|connects|changes|packages|computes|measures|tracks|stores|records|learns|turns|gives";

/** Words a definition's subject must not start with: they point elsewhere or quantify. */
const NOT_A_SUBJECT =
  /^(this|these|that|those|it|its|they|their|there|here|a|an|the|each|every|many|most|some|your|you|we|our|one|both|all|such|other|another|how|what|why|when|where|if|in|for|at|on|with|without|after|before|once|start|learn|use|do|keep|avoid|choose|build|try|ordinary|deeper|no|not|yes)\b/i;

/** A subject of one to five words (parenthesised abbreviations and hyphens included). */
const SUBJECT = String.raw`[A-Z][\p{L}\p{N}+#.'-]*(?: (?:\([\p{L}\p{N}-]+\)|[\p{L}\p{N}+#./'-]+)){0,4}`;

const DEFINITION = new RegExp(`^(${SUBJECT})(, or [^,]{3,60},)? (${DEFINING_VERBS}) (.+)$`, "u");

/** "Problem framing: define the prediction, …" list items. */
const LABELLED_ITEM = new RegExp(`^(${SUBJECT}): (.+)$`, "u");

/** Shortest rest of a definition, in words: "Evaluation is critical." defines nothing. */
const MIN_REST_WORDS = 4;
/** Longest sentence turned into a card, in characters. */
const MAX_SENTENCE_CHARS = 320;

/**
 * Cloze cards from the definition sentences and labelled list items of a chunk, in reading
 * order. The answer is the defined term exactly as the passage writes it.
 */
export function clozesOf(chunk: Pick<Chunk, "kind" | "text">): Cloze[] {
  const clozes: Cloze[] = [];
  for (const unit of quotableUnits(chunk)) {
    const text = unit.text.replace(/^\d+\.\s+/, "").trim();
    if (text.length > MAX_SENTENCE_CHARS || /^milestone\b/i.test(text)) continue;
    const definition = DEFINITION.exec(text);
    const labelled = definition === null && unit.kind === "item" ? LABELLED_ITEM.exec(text) : null;
    const subject = definition?.[1] ?? labelled?.[1];
    const rest = definition?.[4] ?? labelled?.[2];
    if (subject === undefined || rest === undefined) continue;
    if (NOT_A_SUBJECT.test(subject) || rest.split(/\s+/).length < MIN_REST_WORDS) continue;
    // A trailing abbreviation "(AI)" belongs to the subject; a dangling bracket does not.
    if ((subject.match(/\(/g) ?? []).length !== (subject.match(/\)/g) ?? []).length) continue;
    clozes.push({ prompt: BLANK + text.slice(subject.length), answer: subject });
  }
  return clozes;
}
