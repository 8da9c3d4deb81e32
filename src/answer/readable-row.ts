import { contentTerms } from "../text/terms.ts";

/**
 * A table row as a sentence a learner can read: the row's name, a dash, then its cells as
 * "column: value" ("XGBoost — key hyperparameters: learning_rate, n_estimators, max_depth").
 * When the question names some columns or values (or asks for a figure a cell holds), only those
 * cells are shown; otherwise all.
 * Every word comes from the row's own cells and column names.
 */
export function readableRow(
  cells: ReadonlyArray<{ header: string; value: string }>,
  questionTerms: ReadonlySet<string>,
  options: { wantsFigure?: boolean } = {},
): string {
  const [name, ...rest] = cells;
  if (name === undefined) return "";
  const filled = rest.filter((cell) => cell.value.trim() !== "");
  // A question asking for a figure ("how long", "what salary") wants the cells that hold one.
  const asked = filled.filter(
    (cell) =>
      contentTerms(`${cell.header} ${cell.value}`).some((term) => questionTerms.has(term)) ||
      (options.wantsFigure === true && /\d/.test(cell.value)),
  );
  // Asked about the row as a whole ("what is DVC?"): every cell says something about it.
  const shown = asked.length > 0 && asked.length < filled.length ? asked : filled;
  const fields = shown.map(
    (cell) => `${cell.header.replace(/\?$/, "").toLowerCase()}: ${cell.value}`,
  );
  return fields.length === 0 ? name.value : `${name.value} — ${fields.join("; ")}`;
}
