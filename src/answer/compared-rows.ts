import type { Chunk } from "../chunking/chunk.ts";
import { shortNames } from "../retrieval/row-heads.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { contentTerms, questionText, words } from "../text/terms.ts";
import { figureRequest, suppliesFigure } from "./figure-request.ts";

/**
 * The table rows a comparison names by their whole names, one for each side ("which one pays
 * more, nlp engineer or computer vision engineer": the NLP Engineer and Computer Vision Engineer
 * rows), when every side names a row of two words or more; none otherwise. A search ranks such
 * rows below the passages that mention both roles, and the writer needs a row of each to compare.
 */
export function comparedRowPassages(
  chunks: readonly Chunk[],
  question: string,
  found: readonly Chunk[],
): Chunk[] {
  const sides = comparedSides(questionText(question));
  if (sides === undefined) return [];
  // "salary for both? (ml engineer or ai engineer)": a row found already compares them in its
  // columns ("Salary India — ml engineer: …; ai engineer: …").
  const sideNames = sides.map((side) => ` ${words(side).join(" ")} `);
  const comparesBoth = found.some(
    (chunk) =>
      COMPARED_IN_COLUMNS.test(chunk.cells?.[0]?.header ?? "") &&
      sideNames.every((side) =>
        (chunk.cells ?? []).slice(1).some((cell) => {
          // "ai engineer" names the column "AI Engineer 2026"; "ml engineer", "ML Engineer".
          const header = ` ${words(cell.header).join(" ")} `;
          return [header, ...shortNames(header)].some(
            (name) => side.includes(name) || name.includes(side),
          );
        }),
      ),
  );
  if (comparesBoth) return [];
  // The row must hold what is compared: a column the question names, or the figure it asks for.
  const asked = new Set(contentTerms(question));
  const request = figureRequest(question);
  const holdsAsked = (row: Chunk) =>
    (row.cells ?? [])
      .slice(1)
      .some(
        (cell) =>
          contentTerms(cell.header).some((term) => asked.has(term)) ||
          (request !== undefined && suppliesFigure(request, cell.value)),
      );
  const named = sides.map((side) => rowsNamed(chunks, words(side)).filter(holdsAsked));
  return named.every((rows) => rows.length > 0) ? named.flat() : [];
}

/**
 * The first column of a table that compares things in its columns, one property per row
 * ("Dimension | ML Engineer | AI Engineer").
 */
export const COMPARED_IN_COLUMNS =
  /^(?:dimension|aspect|feature|criteri(?:on|a)|attribute|factor)s?$/i;

/**
 * Rows whose name (or its short form, "ml engineer") is the side's last words: "more nlp
 * engineer" of "which one pays more, nlp engineer…" names the NLP Engineer row.
 */
function rowsNamed(chunks: readonly Chunk[], side: string[]): Chunk[] {
  for (let start = 0; start < side.length - 1; start++) {
    const name = side.slice(start).join(" ");
    const rows = chunks.filter((chunk) => {
      const head = words(chunk.cells?.[0]?.value ?? "").join(" ");
      return head.includes(" ") && (head === name || shortNames(head).includes(name));
    });
    if (rows.length > 0) return rows;
  }
  return [];
}
