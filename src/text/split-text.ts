import { countTokens, splitSentences } from "./sentences.ts";

/** Upper bounds of one piece of text. */
export type SplitLimits = {
  /** Characters (UTF-16 code units). */
  maxChars: number;
  /** Approximate tokens (`countTokens`); unbounded when absent. */
  maxTokens?: number;
  /**
   * A sentence up to this many tokens (and `maxChars`) stays whole even when it alone is over
   * `maxTokens`; a longer one is cut between words. @default maxTokens
   */
  maxSentenceTokens?: number;
};

/**
 * Cuts `text` into pieces within `limits`, in order, losing only the whitespace at the cuts:
 * between sentences where it can, else between words, and a single word longer than the limit
 * (a hash, a URL without end) at a code point boundary. Text within the limits comes back whole,
 * and so does a sentence within `maxSentenceTokens`.
 */
export function splitText(text: string, limits: SplitLimits): string[] {
  const fits = (piece: string) =>
    piece.length <= limits.maxChars &&
    (limits.maxTokens === undefined || countTokens(piece) <= limits.maxTokens);
  if (fits(text)) return [text];
  const pieces: string[] = [];
  const packer = new Packer(limits, pieces);
  const sentenceTokens = limits.maxSentenceTokens ?? limits.maxTokens;
  const wholeSentence = (sentence: string) =>
    sentence.length <= limits.maxChars &&
    (sentenceTokens === undefined || countTokens(sentence) <= sentenceTokens);
  for (const sentence of splitSentences(text)) {
    if (wholeSentence(sentence)) {
      packer.add(sentence);
      continue;
    }
    for (const word of sentence.split(/\s+/)) {
      if (word.length === 0) continue;
      if (fits(word)) packer.add(word);
      // A character is at most one token, so slices of maxTokens characters fit both limits.
      else
        for (const slice of codePointSlices(
          word,
          Math.min(limits.maxChars, limits.maxTokens ?? Infinity),
        ))
          packer.add(slice);
    }
  }
  packer.flush();
  return pieces;
}

/** Joins parts with spaces into pieces as long as the limits allow. */
class Packer {
  private parts: string[] = [];
  private chars = 0;
  private tokens = 0;

  constructor(
    private readonly limits: SplitLimits,
    private readonly pieces: string[],
  ) {}

  add(part: string): void {
    const tokens = this.limits.maxTokens === undefined ? 0 : countTokens(part);
    const overChars = this.chars + 1 + part.length > this.limits.maxChars;
    const overTokens =
      this.limits.maxTokens !== undefined && this.tokens + tokens > this.limits.maxTokens;
    if (this.parts.length > 0 && (overChars || overTokens)) this.flush();
    this.parts.push(part);
    this.chars += (this.parts.length > 1 ? 1 : 0) + part.length;
    this.tokens += tokens;
  }

  flush(): void {
    if (this.parts.length > 0) this.pieces.push(this.parts.join(" "));
    this.parts = [];
    this.chars = 0;
    this.tokens = 0;
  }
}

function codePointSlices(word: string, maxChars: number): string[] {
  const slices: string[] = [];
  let start = 0;
  while (start < word.length) {
    let end = Math.min(start + maxChars, word.length);
    // Never split a surrogate pair.
    if (end < word.length && /[\ud800-\udbff]/.test(word[end - 1] ?? "")) end--;
    slices.push(word.slice(start, end));
    start = end;
  }
  return slices;
}
