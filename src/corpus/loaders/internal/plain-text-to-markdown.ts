/**
 * Turns plain text (a .txt file, a PDF page) into Markdown that reads back as the same text: every
 * character that Markdown would treat as structure is escaped, so a line starting with "# " or
 * "1." stays prose and a "<b>" is not swallowed as HTML. Blank lines still separate paragraphs.
 */
export function plainTextToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(escapeLine)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function escapeLine(line: string): string {
  // Leading indentation would make an indented code block.
  const escaped = line
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
  return escaped.replace(/^([#+=-])/, "\\$1").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** Escapes a title for use in a `# heading` so it reads back unchanged. */
export function escapeHeadingText(text: string): string {
  // A "#" anywhere could close the heading ("# Learn C #"), so escape them all.
  return escapeLine(text).replace(/(?<!\\)#/g, "\\#");
}
