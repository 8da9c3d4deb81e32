import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import {
  expansionWords,
  QuestionUnderstanding,
} from "../../src/understanding/question-understanding.ts";

/**
 * Each way the lexicon lists for a learner to describe themselves, and each word it expands, must
 * survive the rest of the understanding over the real corpus: "cs undergrad" is expanded to "cs
 * undergraduate" and "hr executive" was read as "hour executive" before the learner type was
 * looked for; "crore" was corrected to the corpus's "core" before its expansion was.
 */
const lexicon = JSON.parse(
  readFileSync(new URL("../../src/understanding/learner-lexicon.json", import.meta.url), "utf8"),
) as { learnerTypes: Record<string, string[]>; expansions: Record<string, string[]> };
const phrases = Object.entries(lexicon.learnerTypes).flatMap(([type, said]) =>
  said.map((phrase) => [type, phrase] as const),
);

let understanding: QuestionUnderstanding;

beforeAll(async () => {
  const index = await loadIndex(inject("sharedIndexDir"), new UseEmbedder());
  understanding = new QuestionUnderstanding(index.chunks);
});

describe("learner types, as the assistant understands a learner's words", () => {
  it.each(phrases)("reads %j from %j", (type, phrase) => {
    const understood = understanding.understand(`i am a ${phrase}, how long will it take me?`);
    expect(expansionWords(understood).join(" ").toLowerCase()).toContain(type.toLowerCase());
  });
});

describe("a learner's story, as the assistant understands it", () => {
  it("reads 'never studied CS' as a career switch, not as a CS student", () => {
    const understood = understanding.understand(
      "i'm 31 and work in hotel management, never studied CS. what should i focus on first",
    );
    const expanded = expansionWords(understood).join(" ").toLowerCase();
    expect(expanded).toContain("career switcher");
    expect(expanded).not.toContain("student");
  });
});

describe("chat verbs, as the assistant understands a learner's words", () => {
  it("reads 'hit the api' as reaching it, the material's word", () => {
    const understood = understanding.understand(
      "my fastapi container is running but i cant hit the api from outside",
    );
    expect(expansionWords(understood)).toContain("reached");
  });
});

describe("lexicon expansions, as the assistant understands a learner's words", () => {
  it.each(Object.entries(lexicon.expansions))("expands %j", (word, alternatives) => {
    const understood = understanding.understand(`what about ${word} here`);
    const expanded = expansionWords(understood).map((alternative) => alternative.toLowerCase());
    expect(alternatives.some((alternative) => expanded.includes(alternative.toLowerCase()))).toBe(
      true,
    );
  });
});

describe("currencies, as the assistant understands a learner's words", () => {
  it("reads a figure asked 'in INR' as one in India's rupees, not an unknown topic", () => {
    const understood = understanding.understand("NLP eng - key skills & sal in INR?");
    expect(understood.unknownTopics).toEqual([]);
    expect(expansionWords(understood)).toContain("₹");
  });
});

describe("replacements, as the assistant understands a learner's words", () => {
  it.each([
    ["SVM: when 2 use + key hparams?", "key hyperparameters"],
    // "poora" is Hindi for "whole", not a misspelt "poor".
    ["poora step 5 finish karne mein kitna time lagega?", "whole step 5"],
    // "uske" alone is filler; "uske baad" is "after that", which asks what comes next.
    ["aur uske baad?", "after that"],
    // "lvl" is "level"; "fam" is chat filler, not a topic the material lacks.
    ["google cloud ML engineer cert - wat lvl n how much $$ fam", "what level and how much $$"],
    // "pos encodings" and "conv layer" are the material's positional encodings and convolutional layers.
    ["how do pos encodings work in transformers", "positional encodings"],
    ["what does a conv layer actually do to the image", "convolutional layer"],
    // "bs=32" is a batch size.
    ["10000 train samples, bs=32 -> how many steps in 1 epoch?", "batch size=32"],
    ["why do ML projects fail irl?", "fail in the real world"],
    ["py3: / vs // diff?", "Python 3: / vs // difference"],
    // "under the hood" asks nothing the question without it does not.
    ["how does dropout work under the hood?", "how does dropout work?"],
    // "dose" before "the" is a misspelt "does"; "np arr" is a NumPy array.
    ["how many weeks dose the sentiment analysis project take", "how many weeks does the"],
    ["np arr shape convention for X & y in sklearn?", "np array shape"],
    // "eng" after "feature" is engineering, not an engineer.
    ["after scikit-learn and feature eng, what comes next", "feature engineering,"],
    // Slang for doing well and failing.
    [
      "my model slaps in the notebook but flops once its live",
      "works great in the notebook but fails",
    ],
  ])("reads %j as holding %j", (question, understood) => {
    expect(understanding.understand(question).understoodAs).toContain(understood);
  });
});

describe("filler, as the assistant understands a learner's words", () => {
  it("drops a topic change said as 'different q' rather than searching for the letter q", () => {
    const understood = understanding.understand("ok different q — what does dropout actually do");
    expect(understood.understoodAs).not.toMatch(/\bq\b/);
    expect(understood.unfamiliarWords).toEqual([]);
  });
});
