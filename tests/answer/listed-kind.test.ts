import { describe, expect, it } from "vitest";
import { rowOfListedKind } from "../../src/answer/listed-kind.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const sentence = { kind: "sentence", passage: { chunk: makeChunk("faq", "FAQ", "Pick one.") } };
const certificate = {
  kind: "row",
  passage: { chunk: makeRow("tf", "Certifications", [["Certification", "TF Certificate"]]) },
};
const ranked = [sentence, certificate];

describe("rowOfListedKind", () => {
  it("finds the row of the table whose rows are the things a list question asks for", () => {
    expect(rowOfListedKind("which certifications does the roadmap list?", ranked)).toBe(
      certificate,
    );
    expect(rowOfListedKind("what are the main certifications", ranked)).toBe(certificate);
  });

  it("finds none for a question that picks one, counts them or asks something else", () => {
    for (const question of [
      "which certification should i do first",
      "what are the 3 certifications",
      "what is a certification",
      "which tools are free",
    ]) {
      expect(rowOfListedKind(question, ranked)).toBeUndefined();
    }
  });
});
