import { describe, expect, it } from "vitest";
import { CitationNumbering } from "../../src/answer/citation-numbering.ts";
import type { Passage } from "../../src/answer/generator.ts";
import { makeChunk } from "../support/chunks.ts";

const passages: Passage[] = [1, 2, 3, 4].map((n) => ({
  n,
  chunk: makeChunk(`c${n}`, `Section ${n}`, `Passage ${n}.`),
  score: 1 / n,
}));

describe("CitationNumbering", () => {
  it("numbers cited passages 1..n in order of first use, without gaps", () => {
    const numbering = new CitationNumbering(passages);
    expect(numbering.renumber("A. [3] B. [1] C. [3] D. [4]")).toBe("A. [1] B. [2] C. [1] D. [3]");
    expect(numbering.cited().map((passage) => [passage.n, passage.chunk.id])).toEqual([
      [1, "c3"],
      [2, "c1"],
      [3, "c4"],
    ]);
  });

  it("holds back a marker split across stream deltas until it is complete", () => {
    const numbering = new CitationNumbering(passages);
    const out = ["First [", "4", "] second [2", "] end."].map((delta) => numbering.push(delta));
    expect(out).toEqual(["First ", "", "[1] second ", "[2] end."]);
    expect(numbering.flush()).toBe("");
  });

  it("leaves markers that point at no shown passage for resolveCitations to drop", () => {
    const numbering = new CitationNumbering(passages);
    expect(numbering.renumber("A. [9] B. [2]")).toBe("A. [9] B. [1]");
    expect(numbering.cited()).toHaveLength(1);
  });
});
