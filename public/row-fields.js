// Table rows as the corpus writes them: "Key: value; Key: value".

/** A "- ", "* " or "• " list marker at the start of a line. */
export const BULLET = /^\s*[-*•]\s+/;
const ROW_FIELD = /^([A-Z][^:;\n]{0,40}?): (\S.*)$/s;

/**
 * Splits a table-row line into fields, or returns undefined for ordinary prose.
 * @param {string} line
 * @returns {{ key: string, value: string }[] | undefined}
 */
export function rowFields(line) {
  const parts = line.split("; ");
  if (parts.length < 2) return undefined;
  const fields = [];
  for (const part of parts) {
    const match = ROW_FIELD.exec(part);
    if (match === null) return undefined;
    fields.push({ key: /** @type {string} */ (match[1]), value: /** @type {string} */ (match[2]) });
  }
  return fields;
}
