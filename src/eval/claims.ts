import { splitSentences } from "../text/sentences.ts";

/**
 * One checkable statement of an answer: its text, the citation markers of the sentence it came
 * from, and that sentence's position (clauses of one sentence share it).
 */
export type Claim = { text: string; markers: number[]; sentence: number };

/** Sentences longer than this many words are split into clauses. */
export const LONG_SENTENCE_WORDS = 25;
/** A clause needs at least this many words to stand alone; shorter pieces stay joined. */
const MIN_CLAUSE_WORDS = 4;

const MARKER = /\[(\d+)\]/g;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
/** "Tool: DVC; Purpose: …": a table row written as labelled cells, one claim, never split. */
const LABELLED_ROW = /^[^:;]{1,40}: [^;]+; [^:;]{1,40}: /;
/** Where a long sentence may be cut into clauses: semicolons and clause-joining conjunctions. */
const CLAUSE_BREAK =
  /(;\s+|,\s+(?=(?:but|while|whereas|so|yet|and then|which means)\s)|\s+(?=but\s))/;

/**
 * Splits an answer into claims, the units faithfulness is measured on: one per sentence, list
 * item or table row; a sentence longer than LONG_SENTENCE_WORDS words is cut into clauses at
 * semicolons and conjunctions when each piece can stand alone. Citation markers are removed from
 * the text and kept in `markers`; a marker applies to the sentence it follows.
 */
export function splitClaims(answer: string): Claim[] {
  const claims: Claim[] = [];
  let sentence = 0;
  let headers: string[] | undefined;
  const lines = answer.split("\n").map((line) => line.trim());
  lines.forEach((line, index) => {
    if (line === "") {
      headers = undefined;
      return;
    }
    if (isTableRow(line)) {
      if (TABLE_SEPARATOR.test(line)) return;
      const cells = tableCells(line);
      // A row followed by a separator is the header row: it labels the rows below, claims nothing.
      if (TABLE_SEPARATOR.test(lines[index + 1] ?? "")) {
        headers = cells.map(withoutMarkers);
        return;
      }
      const markers = markersOf(line);
      const values = cells.map(withoutMarkers);
      const text =
        headers !== undefined && headers.length === values.length
          ? values.map((value, position) => `${headers?.[position]}: ${value}`).join("; ")
          : values.join("; ");
      if (hasWords(text)) claims.push({ text, markers, sentence: sentence++ });
      return;
    }
    headers = undefined;
    const body = line.replace(/^(?:#{1,6}\s+|[-*•]\s+|\d+[.)]\s+)/, "");
    // Markers follow the sentence they support ("… first. [1] Second. [2]"); a run of markers
    // stays with its sentence.
    for (const piece of body.split(/(?<=\])\s+(?!\[\d+\])/)) {
      const markers = markersOf(piece);
      const text = withoutMarkers(piece);
      if (!hasWords(text)) continue;
      const sentences = LABELLED_ROW.test(text) ? [text] : splitSentences(text);
      for (const sentenceText of sentences) {
        for (const clause of clausesOf(sentenceText))
          claims.push({ text: clause, markers, sentence });
        sentence++;
      }
    }
  });
  return claims;
}

/** A long sentence cut into clauses that can stand alone; short sentences unchanged. */
export function clausesOf(sentence: string): string[] {
  if (wordCount(sentence) <= LONG_SENTENCE_WORDS || LABELLED_ROW.test(sentence)) return [sentence];
  // Odd positions hold the separators, so a piece too short to stand alone is joined back to the
  // one before it exactly as written.
  const parts = sentence.split(CLAUSE_BREAK);
  const clauses: string[] = [];
  let pendingSeparator = "";
  parts.forEach((part, position) => {
    if (position % 2 === 1) {
      pendingSeparator = part;
      return;
    }
    const previous = clauses.at(-1);
    const piece = part.trim();
    if (
      previous !== undefined &&
      (wordCount(piece) < MIN_CLAUSE_WORDS || wordCount(previous) < MIN_CLAUSE_WORDS)
    ) {
      clauses[clauses.length - 1] = `${previous}${pendingSeparator}${piece}`;
    } else if (piece !== "") {
      clauses.push(piece);
    }
  });
  return clauses.filter(hasWords);
}

/** The answer's text without citation markers, as a reader sees the prose. */
export function withoutMarkers(text: string): string {
  return text
    .replace(/\s*\[\d+\]/g, "")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function markersOf(text: string): number[] {
  return [...new Set([...text.matchAll(MARKER)].map((match) => Number(match[1])))];
}

function isTableRow(line: string): boolean {
  return line.startsWith("|") && line.endsWith("|") && line.length > 1;
}

function tableCells(line: string): string[] {
  return line
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.trim());
}

function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
