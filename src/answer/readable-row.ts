import { contentTerms } from "../text/terms.ts";

/** A table column that gives each row's reason ("Why It Matters", "Why use it"). */
export const REASON_COLUMN = /^why\b/i;

/**
 * A table row as a sentence a learner can read: the row's name, a dash, then its cells as
 * "column: value" ("XGBoost — key hyperparameters: learning_rate, n_estimators, max_depth").
 * When the question names some columns (or asks for a figure a cell holds), only those cells and
 * the cells whose values it names are shown; otherwise all.
 * Every word comes from the row's own cells and column names.
 */
export function readableRow(
  cells: ReadonlyArray<{ header: string; value: string }>,
  questionTerms: ReadonlySet<string>,
  options: { wantsFigure?: boolean; asksWhy?: boolean } = {},
): string {
  const [name, ...rest] = cells;
  if (name === undefined) return "";
  const filled = rest.filter((cell) => cell.value.trim() !== "");
  const named = (text: string) => contentTerms(text).some((term) => questionTerms.has(term));
  // A question asking for a figure ("how long", "what salary") wants the cells that hold one;
  // one asking why, the column that says why ("Why It Matters").
  const asksFor = (cell: { header: string; value: string }) =>
    named(cell.header) ||
    (options.wantsFigure === true && /\d/.test(cell.value)) ||
    (options.asksWhy === true && REASON_COLUMN.test(cell.header));
  const asked = filled.filter((cell) => asksFor(cell) || named(cell.value));
  // Only a column named (or a figure asked for) narrows the row. A value the question names
  // ("what do I do in month 9") is what the learner already knows, so the whole row is the answer,
  // as it is for a question about the row as a whole ("what is DVC?").
  const narrowed = filled.some(asksFor) && asked.length < filled.length;
  const shown = narrowed ? asked : filled;
  const fields = shown.map(
    (cell) => `${cell.header.replace(/\?$/, "").toLowerCase()}: ${cell.value}`,
  );
  return fields.length === 0 ? name.value : `${name.value} — ${fields.join("; ")}`;
}
