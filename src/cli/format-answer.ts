import type { AnswerResult } from "../answer/answer.ts";
import { terminalSafe } from "../text/terminal-safe.ts";

function quote(text: string, limit = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/**
 * The human-readable form of an answer: what was searched when it differs from what was typed,
 * the text, then numbered sources with a quote each (or, for a refusal, questions to try; for a
 * reply to "thanks!", questions to ask next).
 * Corpus text can hold terminal escapes: the whole output goes through `terminalSafe`.
 */
export function formatAnswer(result: AnswerResult): string {
  // A reply to "ok thx" searched nothing.
  const searched =
    result.reply === true
      ? undefined
      : (result.standaloneQuestion ??
        (result.understoodAs !== undefined && result.understoodAs !== result.question
          ? result.understoodAs
          : undefined));
  const lines = searched === undefined ? [] : [`(Searched for: ${searched})`, ""];
  lines.push(result.answer, "");
  if (result.refused) {
    // A reply to "thanks!" is not a question the material failed to cover.
    if (result.reply !== true) {
      lines.push("(No answer: the material does not cover this question.)", "");
    }
    if ((result.suggestions?.length ?? 0) > 0) {
      lines.push(result.reply === true ? "Ask next:" : "Try asking:");
      for (const suggestion of result.suggestions ?? []) lines.push(`  - ${suggestion}`);
    }
  } else if (result.citations.length > 0) {
    lines.push("Sources:");
    for (const citation of result.citations) {
      lines.push(`[${citation.n}] ${citation.section} (${citation.source})`);
      lines.push(`    "${quote(citation.text)}"`);
    }
    if ((result.suggestions?.length ?? 0) > 0) {
      lines.push("", "Ask next:");
      for (const suggestion of result.suggestions ?? []) lines.push(`  - ${suggestion}`);
    }
  }
  return `${terminalSafe(lines.join("\n"))}\n`;
}
