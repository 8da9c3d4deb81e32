import { describe, expect, it } from "vitest";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";
import { SpelledOut } from "../../src/understanding/spelled-out.ts";
import { makeChunk } from "../support/chunks.ts";

const chunks = [
  makeChunk("ml", "Basics", "Machine learning (ML) learns patterns from data."),
  makeChunk("rnn", "Sequences", "A recurrent neural network (RNN) reads a sequence."),
  makeChunk("dvc", "Tools", "DVC (Data Version Control) versions large files."),
  makeChunk("api", "Serving", "Serve the model behind an HTTP endpoint (API)."),
];
const spelledOut = new SpelledOut(chunks);

describe("SpelledOut", () => {
  it("spells out a short form the material writes after its long form, in a definition question", () => {
    expect(spelledOut.spellOut("what is ML")).toEqual({
      text: "what is machine learning",
      from: "ML",
      to: "machine learning",
    });
    expect(spelledOut.spellOut("ML meaning in one line?").text).toBe(
      "machine learning meaning in one line?",
    );
    expect(spelledOut.spellOut("what is an RNN exactly?").text).toBe(
      "what is a recurrent neural network exactly?",
    );
  });

  it("leaves a short form the material names things by, one it does not spell, and other questions", () => {
    for (const question of [
      // "DVC (Data Version Control) versions …": the material says what "DVC" is.
      "what is DVC",
      // The brackets do not spell "HTTP endpoint".
      "what is API",
      "what is ML engineering",
      "is ML hard",
    ]) {
      expect(spelledOut.spellOut(question)).toEqual({ text: question });
    }
  });

  it("shows the spelled-out form among the changes of the understood question", () => {
    const result = new QuestionUnderstanding(chunks).understand("what is ML");
    expect(result.understoodAs).toBe("what is machine learning");
    expect(result.changes).toContainEqual({
      from: "ML",
      to: "machine learning",
      reason: "abbreviation",
    });
  });
});
