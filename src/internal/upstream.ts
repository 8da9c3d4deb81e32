/** Helpers shared by the clients of OpenAI-compatible servers (embeddings and chat). */

/** OpenAI's API, used when no base URL is configured. */
export const DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";

/** Sent as the key to local servers (Ollama, vLLM) that need none. */
export const PLACEHOLDER_API_KEY = "not-needed";

/** A URL as it may appear in messages: without user:password. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.href.replace(/\/$/, "");
  } catch {
    return url;
  }
}

/** A numeric field of an unknown error object (e.g. `status`), if present. */
export function numberField(value: unknown, name: string): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === "number" ? field : undefined;
}

/**
 * The first system error code (ECONNREFUSED, ENOTFOUND...) along the `cause` chain, else the
 * innermost message: `openai` only says "Connection error." and undici "fetch failed".
 */
export function rootCause(error: unknown): string {
  let current: unknown = error;
  let message = String(error);
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    if (current instanceof Error) message = current.message;
    current = cause;
  }
  return message;
}

/** Replaces every occurrence of the API key (a real one) with "[redacted]". */
export function redact(text: string, apiKey: string | undefined): string {
  if (apiKey === undefined || apiKey === PLACEHOLDER_API_KEY || apiKey.length < 4) return text;
  return text.split(apiKey).join("[redacted]");
}

/** Collapses whitespace and caps the length, so an HTML error page stays one readable line. */
export function oneLine(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
