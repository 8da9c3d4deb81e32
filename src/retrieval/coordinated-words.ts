import type { Chunk } from "../chunking/chunk.ts";
import { words } from "../text/terms.ts";

/** Two words joined as alternatives or a pair: "regression and classification", "India or globally". */
const COORDINATED =
  /([\p{L}][\p{L}\d-]*)\s*(?:,|\/|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*([\p{L}][\p{L}\d-]*)/giu;

/**
 * Words the corpus names side by side as a pair or as alternatives ("for regression … and
 * classification", "in India and Globally", "PyTorch or TensorFlow"), so "and for
 * classification?" after "regression metrics?" asks the same about classification.
 */
export class CoordinatedWords {
  private readonly pairs = new Set<string>();

  constructor(chunks: readonly Pick<Chunk, "section" | "text">[]) {
    for (const chunk of chunks) {
      for (const match of `${chunk.section}\n${chunk.text}`.matchAll(COORDINATED)) {
        const left = words(match[1] ?? "")[0];
        const right = words(match[2] ?? "")[0];
        if (left === undefined || right === undefined || left === right) continue;
        this.pairs.add(`${left}\u0000${right}`);
        this.pairs.add(`${right}\u0000${left}`);
      }
    }
  }

  /** Whether the corpus joins these two words (any case) as a pair or as alternatives. */
  together(left: string, right: string): boolean {
    return this.pairs.has(`${left.toLowerCase()}\u0000${right.toLowerCase()}`);
  }
}
