/**
 * Terminal escape sequences: CSI (`ESC [` … final byte, also the one-byte C1 CSI), OSC, DCS, SOS,
 * PM and APC strings (ended by BEL or `ESC \`), and two-character escapes (`ESC c` resets).
 */
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;

/** Control characters but the newline, and bidi overrides and isolates ("Trojan Source"). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Invisible characters that can hide or reorder text without being seen: zero-width space and
 * joiners, direction marks, word joiner and invisible operators, byte order mark, soft hyphen.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/**
 * Corpus text as data: escape sequences, control characters (but tab and newline), bidi
 * overrides and invisible characters removed; CRLF line ends become LF.
 */
export function withoutControls(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .replace(ESCAPE_SEQUENCE, "")
    .replace(CONTROL, "")
    .replace(INVISIBLE, "");
}

/**
 * Text safe to write to a terminal: escape sequences (title changes, screen clears, colours,
 * cursor moves) and control characters removed, tabs as spaces, newlines kept. Everything the CLI
 * prints in text mode goes through it; JSON output is already escaped by `JSON.stringify`.
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(/\t/g, " ").replace(CONTROL, "");
}
