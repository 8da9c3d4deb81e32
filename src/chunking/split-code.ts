import { countTokens } from "../text/sentences.ts";
import { type SplitLimits, splitText } from "../text/split-text.ts";

/**
 * A fenced code block as pieces within `limits`, each fenced again with the block's language, so
 * every chunk shows its code line by line and no chunk starts or ends inside a fence. Whole lines
 * are packed in order; a single line over the limits is cut like prose.
 */
export function splitCode(language: string, code: string, limits: SplitLimits): string[] {
  const open = `\`\`\`${language}`;
  const fence = (lines: string[]) => `${open}\n${lines.join("\n")}\n\`\`\``;
  const overhead = fence([]);
  const lineLimits: SplitLimits = {
    ...limits,
    maxChars: Math.max(1, limits.maxChars - overhead.length),
    ...(limits.maxTokens === undefined
      ? {}
      : { maxTokens: Math.max(1, limits.maxTokens - countTokens(overhead)) }),
  };
  const fits = (piece: string) =>
    piece.length <= limits.maxChars &&
    (limits.maxTokens === undefined || countTokens(piece) <= limits.maxTokens);

  const pieces: string[] = [];
  let lines: string[] = [];
  for (const line of code.split("\n").flatMap((line) => fitLine(line, lineLimits))) {
    if (lines.length > 0 && !fits(fence([...lines, line]))) {
      pieces.push(fence(lines));
      lines = [];
    }
    // A blank line never opens a piece.
    if (lines.length === 0 && line.trim() === "") continue;
    lines.push(line);
  }
  if (lines.some((line) => line.trim() !== "")) pieces.push(fence(lines));
  return pieces;
}

/** A line as it is, or cut between words when it alone is over the limits. */
function fitLine(line: string, limits: SplitLimits): string[] {
  const tooLong =
    line.length > limits.maxChars ||
    (limits.maxTokens !== undefined && countTokens(line) > limits.maxTokens);
  return tooLong ? splitText(line, limits) : [line];
}
