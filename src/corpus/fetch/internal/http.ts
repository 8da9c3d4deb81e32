import { FetchError } from "../../../errors/corpus-errors.ts";
import { formatBytes, printable } from "./format.ts";

/** An http(s) URL without fragment or credentials, or a `FetchError` saying why not. */
export function toHttpUrl(input: string | URL, label: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new FetchError(printable(label), "invalid-url", "is not a valid URL", { cause: error });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      printable(label),
      "invalid-url",
      `uses ${url.protocol}; only http and https are fetched`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new FetchError(
      printable(label),
      "invalid-url",
      "contains a user name or password; such URLs are not fetched",
    );
  }
  url.hash = "";
  return url;
}

/** 408, 429 and 5xx other than 501 (which will not change on a retry). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/** `Retry-After` as seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Releases the connection of a response whose body is not wanted. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Reads the body, cancelling the download as soon as it passes `maxBytes`. */
export async function readLimited(
  response: Response,
  url: URL,
  maxBytes: number,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array();
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(
        url.href,
        "too-large",
        `is larger than the limit of ${formatBytes(maxBytes)} (stopped reading at ${formatBytes(total)})`,
        { status: response.status },
      );
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
