import type { Chunk } from "../chunking/chunk.ts";
import { addressesModel } from "../text/addresses-model.ts";
import { splitSentences } from "../text/sentences.ts";

/** A piece of a chunk that an answer may quote whole: a sentence, a list item or a table row. */
export type QuotableUnit = { text: string; kind: "sentence" | "item" | "row" };

/**
 * A sentence about the document rather than its subject ("This tutorial is about …", "This
 * section covers …"): a signpost, never an answer.
 */
const SIGNPOST =
  /^(this|the) (tutorial|article|guide|section|page|post|chapter)( below| here)? (is about|covers|explains|walks you through|shows|describes|introduces)\b/i;

/** A line that reads as code rather than prose: assignments, calls, imports, shell prompts. */
const CODE_LINE =
  /^\s*(from \S+ import|import \S|def |class \w+[:(]|for \w+ in |if .+:$|return\b|pip install|npm |\$ |>>> |#!|[\w.[\]]+\s*[+\-*/]?=\s*\S)|^[\w.]+\([^)]*\)\s*$/;

/**
 * Splits a chunk into quotable units in reading order: a table row is one unit, list items are
 * units, prose is cut into sentences. An FAQ chunk's first line (its question) is not an answer,
 * fenced or indented code is shown in the cited passage but never quoted, and planted
 * instructions to a model (lines and sentences that `addressesModel` flags, however disguised)
 * and signposts about the document itself are dropped.
 */
export function quotableUnits(chunk: Pick<Chunk, "kind" | "text">): QuotableUnit[] {
  if (chunk.kind === "table-row") return [{ text: chunk.text, kind: "row" }];
  const lines = chunk.text.split("\n");
  const body = chunk.kind === "faq" ? lines.slice(1) : lines;
  const units: QuotableUnit[] = [];
  let inCode = false;
  for (const line of body) {
    if (line.trimStart().startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    if (inCode || /^( {4}|\t)/.test(line) || CODE_LINE.test(line)) continue;
    // Ingest already leaves such lines out of chunks; an index built before that still has them.
    if (addressesModel(line)) continue;
    if (/^(- |\* |\d+\. )/.test(line)) {
      units.push({ text: line.replace(/^(- |\* )/, ""), kind: "item" });
    } else {
      for (const sentence of splitSentences(line)) units.push({ text: sentence, kind: "sentence" });
    }
  }
  return units.filter(
    (unit) =>
      /[\p{L}\p{N}]/u.test(unit.text) && !addressesModel(unit.text) && !SIGNPOST.test(unit.text),
  );
}
