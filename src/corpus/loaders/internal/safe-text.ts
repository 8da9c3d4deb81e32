import { createHash } from "node:crypto";
import { InvalidCorpusFileError } from "../../../errors/corpus-errors.ts";

/** Longest title kept, in characters; longer ones are cut at a word and end with "…". */
const MAX_TITLE_LENGTH = 200;
/** Longest source name accepted, in characters (URLs included). */
const MAX_SOURCE_LENGTH = 2048;

// C0/C1 controls, bidirectional overrides and isolates, zero-width and other invisible formatting:
// they can reorder or hide text in citations ("Trojan Source").
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A title safe to show anywhere: one line, no control or bidi characters, no runs of spaces, at
 * most 200 characters. Returns undefined when nothing readable is left.
 */
export function safeTitle(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\t\n\r\f\v]/g, " ")
    .replace(UNSAFE_CHARACTERS, "")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned.length === 0) return undefined;
  if (cleaned.length <= MAX_TITLE_LENGTH) return cleaned;
  const cut = cleaned.slice(0, MAX_TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > MAX_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** Rejects a source name that could not be shown safely in a citation. */
export function assertSafeSource(source: string): void {
  if (source.trim().length === 0) {
    throw new InvalidCorpusFileError("(unnamed source)", "has an empty source name");
  }
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new InvalidCorpusFileError(
      `${source.slice(0, 80)}…`,
      `has a source name of ${source.length.toLocaleString("en-US")} characters; the limit is ${MAX_SOURCE_LENGTH.toLocaleString("en-US")}`,
    );
  }
  if (new RegExp(UNSAFE_CHARACTERS.source).test(source)) {
    throw new InvalidCorpusFileError(
      JSON.stringify(source),
      "has control or invisible characters in its name; rename it",
    );
  }
}

/** The file name of a path or URL without its extension, decoded: `notes/Week%201.pdf` → `Week 1`. */
export function fileTitle(source: string): string | undefined {
  const withoutQuery = source.replace(/[?#].*$/, "").replace(/\/+$/, "");
  let name = withoutQuery.slice(withoutQuery.lastIndexOf("/") + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all; keep it as written.
  }
  const dot = name.lastIndexOf(".");
  return safeTitle(dot > 0 ? name.slice(0, dot) : name);
}

/** sha256 of the raw bytes, hex: changes whenever the file does. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
