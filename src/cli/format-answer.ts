import type { AnswerResult } from "../answer/answer.ts";

function quote(text: string, limit = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** The human-readable form of an answer: the text, then numbered sources with a quote each. */
export function formatAnswer(result: AnswerResult): string {
  const lines = [result.answer, ""];
  if (result.refused) {
    lines.push("(No answer: the material does not cover this question.)");
  } else if (result.citations.length > 0) {
    lines.push("Sources:");
    for (const citation of result.citations) {
      lines.push(`[${citation.n}] ${citation.section} (${citation.source})`);
      lines.push(`    "${quote(citation.text)}"`);
    }
  }
  return `${lines.join("\n")}\n`;
}
