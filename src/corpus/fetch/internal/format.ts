/** `250 ms`, `1.5 s`: durations in messages. */
export function formatMs(milliseconds: number): string {
  return milliseconds >= 1000
    ? `${(milliseconds / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} s`
    : `${Math.round(milliseconds)} ms`;
}

/** `1,048,576 bytes`: sizes in messages. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} bytes`;
}

/** Printable ASCII only, at most 300 characters: for echoing untrusted input in messages. */
export function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").slice(0, 300);
}
