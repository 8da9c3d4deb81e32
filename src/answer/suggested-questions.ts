import type { Retrieval } from "../retrieval/retriever.ts";

/** How many questions a refusal offers. */
const SUGGESTIONS = 3;

/**
 * Questions about the closest topics the material covers, for a refusal to offer: an FAQ's own
 * question, a heading that is already a question, or "What does the roadmap say about …?". A
 * generic heading ("Tools in This Step") names its step.
 */
export function suggestedQuestions(retrieval: Retrieval): string[] {
  const suggestions: string[] = [];
  for (const result of retrieval.results) {
    const { chunk } = result;
    const path = chunk.section.split(" > ");
    const heading = path.at(-1) ?? chunk.section;
    let suggestion: string;
    if (chunk.kind === "faq") {
      suggestion = (chunk.text.split("\n")[0] ?? heading).replace(/^\d+\.\s*/, "");
    } else if (heading.endsWith("?")) {
      suggestion = heading;
    } else {
      const step = /^(Step \d+)/.exec(path[0] ?? "")?.[1];
      const topic = step === undefined ? heading : heading.replace(/\bThis Step\b/, step);
      const where = chunk.source.includes("tutorials/") ? "the tutorial" : "the roadmap";
      suggestion = `What does ${where} say about ${topic.replace(/^\d+\.\s*/, "")}?`;
    }
    if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
    if (suggestions.length === SUGGESTIONS) break;
  }
  return suggestions;
}
