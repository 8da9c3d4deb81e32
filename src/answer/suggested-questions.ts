import type { Chunk } from "../chunking/chunk.ts";
import type { Retrieval } from "../retrieval/retriever.ts";

/** How many questions a refusal, or an answer, offers. */
const SUGGESTIONS = 3;
/** A retrieved passage suggests a next question when it scores at least this share of the best. */
const RELATED_SHARE = 0.8;

/**
 * The question a passage answers, phrased for a learner to click or ask: an FAQ's own question,
 * a heading that is already a question, or "What does the roadmap say about …?". A generic
 * heading ("Tools in This Step") names its step, and one opening with "A" or "The" reads as a
 * phrase ("A Staged Learning Plan" → "… about the staged learning plan?").
 */
export function questionFor(chunk: Pick<Chunk, "kind" | "section" | "text" | "source">): string {
  const path = chunk.section.split(" > ");
  const heading = path.at(-1) ?? chunk.section;
  if (chunk.kind === "faq") {
    return (chunk.text.split("\n")[0] ?? heading).replace(/^\d+\.\s*/, "");
  }
  if (heading.endsWith("?")) return heading;
  const step = /^(Step \d+)/.exec(path[0] ?? "")?.[1];
  const topic = step === undefined ? heading : heading.replace(/\bThis Step\b/, step);
  const where = chunk.source.includes("tutorials/") ? "the tutorial" : "the roadmap";
  const phrase = topic
    .replace(/^\d+\.\s*/, "")
    // "A Small PyTorch Training Loop" → "the small PyTorch training loop": names keep their case.
    .replace(
      /^(?:An?|The)\s+(.+)$/,
      (_whole, rest: string) =>
        `the ${rest.replace(/\b([A-Z])([a-z]+)\b/g, (word) => word.toLowerCase())}`,
    );
  return `What does ${where} say about ${phrase}?`;
}

/** With a refusal: questions about the closest topics the material covers. */
export function suggestedQuestions(retrieval: Retrieval): string[] {
  return firstDistinct(
    retrieval.results.map((result) => questionFor(result.chunk)),
    [],
  );
}

/**
 * After an answer: what to ask next, from the headings and FAQ questions next to the cited
 * passages: the sections just before and after each cited one in its document, then the
 * retrieved passages that were not cited. The cited sections themselves and the question just
 * asked are left out.
 */
export function nextQuestions(
  asked: string,
  cited: readonly Chunk[],
  retrieval: Retrieval,
  chunks: readonly Chunk[],
): string[] {
  const citedSections = new Set(cited.map((chunk) => `${chunk.source}#${chunk.section}`));
  const elsewhere = (chunk: Chunk) => !citedSections.has(`${chunk.source}#${chunk.section}`);
  const candidates: Chunk[] = [];
  for (const chunk of cited) {
    const document = chunks.filter((other) => other.source === chunk.source);
    const before = document
      .filter((other) => other.position < chunk.position && elsewhere(other))
      .at(-1);
    const after = document.find((other) => other.position > chunk.position && elsewhere(other));
    if (after !== undefined) candidates.push(after);
    if (before !== undefined) candidates.push(before);
  }
  const best = retrieval.results[0]?.score ?? 0;
  for (const result of retrieval.results.slice(0, 5)) {
    // Only passages nearly as relevant as the best: the rest of the top 5 can be far off topic.
    if (elsewhere(result.chunk) && result.score >= RELATED_SHARE * best) {
      candidates.push(result.chunk);
    }
  }
  const excluded = [asked, ...cited.map((chunk) => questionFor(chunk))];
  return firstDistinct(
    candidates.map((chunk) => questionFor(chunk)),
    excluded,
  );
}

function firstDistinct(questions: string[], excluded: string[]): string[] {
  const seen = new Set(excluded.map(comparable));
  const kept: string[] = [];
  for (const question of questions) {
    const key = comparable(question);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(question);
    if (kept.length === SUGGESTIONS) break;
  }
  return kept;
}

function comparable(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
