import type { Passage } from "./generator.ts";

/**
 * Renumbers citation markers in order of first use, so an answer cites [1], [2], … without gaps
 * whichever passages it draws on. Works on a stream: a marker split across deltas ("[" then "3]")
 * is held back until it is complete. Markers that point at no shown passage are left for
 * `resolveCitations` to remove and count.
 */
export class CitationNumbering {
  private readonly passages: Map<number, Passage>;
  private readonly numbers = new Map<number, number>();
  private pending = "";

  constructor(passages: readonly Passage[]) {
    this.passages = new Map(passages.map((passage) => [passage.n, passage]));
  }

  /** Text of a delta that can be shown now, renumbered. */
  push(delta: string): string {
    const text = this.pending + delta;
    const partial = /\[\d*$/.exec(text);
    this.pending = partial === null ? "" : partial[0];
    return this.renumber(partial === null ? text : text.slice(0, partial.index));
  }

  /** What is still held back, at the end of the stream. */
  flush(): string {
    const rest = this.renumber(this.pending);
    this.pending = "";
    return rest;
  }

  /** Renumbers whole text, continuing the numbering used so far. */
  renumber(text: string): string {
    return text.replace(/\[(\d+)\]/g, (marker, digits: string) => {
      const original = Number(digits);
      if (!this.passages.has(original)) return marker;
      let number = this.numbers.get(original);
      if (number === undefined) {
        number = this.numbers.size + 1;
        this.numbers.set(original, number);
      }
      return `[${number}]`;
    });
  }

  /** The passages cited so far, carrying their new numbers. */
  cited(): Passage[] {
    return [...this.numbers].map(([original, number]) => ({
      ...(this.passages.get(original) as Passage),
      n: number,
    }));
  }
}
