/**
 * Bounds on what an answer returns (MAX_ANSWER_CHARS), so one very long passage or a runaway
 * writer cannot turn a response into hundreds of kilobytes: a 40 KB chunk used to come back three
 * times (answer, citation, retrieved list) in a 123 KB response.
 */

/** The mark that ends a shortened text. */
const ELLIPSIS = "…";

/**
 * `text` cut to at most `maxCharacters`, at a word break when one is near the limit, ending
 * in "…"; unchanged when it fits.
 */
export function capText(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  const room = Math.max(0, maxCharacters - ELLIPSIS.length);
  const head = text.slice(0, room);
  const wordBreak = head.search(/\s\S*$/);
  const cut = wordBreak >= room * 0.8 ? head.slice(0, wordBreak) : head;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}

/**
 * An answer text cut to at most `maxCharacters` that still shows every citation marker it had:
 * markers in the part cut off are appended after the "…", so each listed citation stays
 * pointed at.
 */
export function capAnswerText(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  const markers = [...new Set(text.match(/\[\d+\]/g) ?? [])];
  for (let room = maxCharacters; room > 0; room -= 20) {
    const kept = capText(text, room);
    const missing = markers.filter((marker) => !kept.includes(marker));
    const capped = missing.length === 0 ? kept : `${kept} ${missing.join("")}`;
    if (capped.length <= maxCharacters) return capped;
  }
  return capText(text, maxCharacters);
}
