import { TextDecoder } from "node:util";
import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";

/** How many leading bytes are searched for `<meta charset>`; the HTML standard says 1,024. */
const META_SCAN_BYTES = 4096;

export type DecodeTextOptions = {
  /** Charset from the `Content-Type` header; wins over `<meta>`, loses to a byte order mark. */
  declaredCharset?: string | undefined;
  /** Look for `<meta charset>` / `<meta http-equiv="Content-Type">` near the start. @default false */
  htmlMeta?: boolean;
};

/**
 * Decodes text strictly: a byte order mark first, then the declared charset, then (for HTML) the
 * `<meta>` charset, else UTF-8. Bytes that are not valid in that encoding are an
 * `InvalidCorpusFileError` naming the source, never replacement characters in the index.
 */
export function decodeText(bytes: Uint8Array, source: string, options: DecodeTextOptions = {}) {
  const { encoding, origin } = chooseEncoding(bytes, options);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch (error) {
    throw new InvalidCorpusFileError(
      source,
      `declares the charset "${printable(encoding)}" (${origin}), which is not a known text encoding`,
      { cause: error },
    );
  }
  try {
    // The decoder drops a byte order mark that matches its encoding.
    return decoder.decode(bytes);
  } catch (error) {
    const where =
      decoder.encoding === "utf-8"
        ? ` (first bad byte at offset ${firstInvalidUtf8Offset(bytes)})`
        : "";
    throw new InvalidCorpusFileError(
      source,
      `is not valid ${decoder.encoding.toUpperCase()} (${origin})${where}; save it in the encoding it declares`,
      { cause: error },
    );
  }
}

function chooseEncoding(
  bytes: Uint8Array,
  options: DecodeTextOptions,
): { encoding: string; origin: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", origin: "byte order mark" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: "utf-16le", origin: "byte order mark" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: "utf-16be", origin: "byte order mark" };
  if (options.declaredCharset !== undefined && options.declaredCharset !== "") {
    return { encoding: options.declaredCharset, origin: "charset from Content-Type" };
  }
  if (options.htmlMeta === true) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, META_SCAN_BYTES));
    const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
    if (match?.[1] !== undefined) {
      // A page cannot declare UTF-16 from inside itself (HTML standard): it would not be readable.
      const label = match[1].toLowerCase();
      const encoding = label.startsWith("utf-16") ? "utf-8" : label;
      return { encoding, origin: "charset from <meta>" };
    }
  }
  return { encoding: "utf-8", origin: "no charset declared, so UTF-8" };
}

/** Offset of the first byte that breaks UTF-8, for an error message a person can act on. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    let length: number;
    let minimum: number;
    if (lead < 0x80) {
      index += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      minimum = 0x10000;
    } else {
      return index;
    }
    let codePoint = lead & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (
      codePoint < minimum ||
      codePoint > 0x10ffff ||
      (codePoint >= 0xd800 && codePoint <= 0xdfff)
    ) {
      return index;
    }
    index += length;
  }
  return -1;
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 40);
}
