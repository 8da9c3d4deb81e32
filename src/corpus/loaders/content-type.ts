/** A `Content-Type` header split into its lower-cased MIME type and its charset, if any. */
export type ParsedContentType = { mimeType: string; charset?: string };

/** Parses `text/html; charset="ISO-8859-1"` into `{ mimeType: "text/html", charset: "iso-8859-1" }`. */
export function parseContentType(header: string | null | undefined): ParsedContentType {
  if (header === null || header === undefined) return { mimeType: "" };
  const [type = "", ...parameters] = header.split(";");
  const mimeType = type.trim().toLowerCase();
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match?.[1] !== undefined) return { mimeType, charset: match[1].toLowerCase() };
  }
  return { mimeType };
}

/** The lower-cased extension of a path or URL path, with its dot (`.html`); "" when none. */
export function extensionOf(filePath: string): string {
  const withoutQuery = filePath.replace(/[?#].*$/, "");
  const name = withoutQuery.slice(withoutQuery.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot).toLowerCase();
}
