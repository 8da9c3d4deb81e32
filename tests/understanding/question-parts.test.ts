import { describe, expect, it } from "vitest";
import { questionParts } from "../../src/understanding/question-parts.ts";

describe("questionParts", () => {
  it.each([
    [
      "What is LlamaIndex used for, and what should my final RAG milestone include?",
      ["What is LlamaIndex used for", "what should my final RAG milestone include?"],
    ],
    [
      "why do transformers train faster than LSTMs? and also what's the catch with long inputs",
      ["why do transformers train faster than LSTMs", "what's the catch with long inputs"],
    ],
    [
      "which python version should i install and should i use pip or conda",
      ["which python version should i install", "should i use pip or conda"],
    ],
    [
      // A clause that asks after a phrase saying where is a part of its own.
      "in the 8 week mlops plan what do i do in week 3, and what's the deliverable for weeks 7–8",
      ["in the 8 week mlops plan what do i do in week 3", "what's the deliverable for weeks 7–8"],
    ],
    [
      // After a question mark, a yes/no question is a new one whatever its subject.
      "which metrics for an imbalanced dataset? is accuracy fine?",
      ["which metrics for an imbalanced dataset", "is accuracy fine?"],
    ],
    [
      // After a question mark, a phrase asked with a question mark of its own is a new question.
      "NLP engineer salary in India? computer vision engineer salary in India? and is there a free certification?",
      [
        "NLP engineer salary in India",
        "computer vision engineer salary in India",
        "is there a free certification?",
      ],
    ],
    [
      // A hedge before the word that asks.
      "which cert makes the most sense for ML in my situation and roughly how much does it cost?",
      ["which cert makes the most sense for ML in my situation", "roughly how much does it cost?"],
    ],
  ])("cuts %j into the things it asks", (message, parts) => {
    expect(questionParts(message)).toEqual(parts);
  });

  it.each([
    // A piece that names nothing leans on the one before it.
    "is python enough, and why?",
    // A guess after the question mark is not a new question.
    "ml from zero to interview ready how long? 12–18 months?",
    // "and can move on" has no subject: it continues the question.
    "how can I tell I've done enough of the basics and can move on to the algorithms?",
    // A guess or a short add-on after the question mark is not a question of its own.
    "tensorflow developer certificate exam fee in rupees? around 8k?",
    "so model is good na? ready for prod?",
    "is python enough? like for real ml jobs?",
    // "and" inside a topic does not cut it.
    "what is the difference between data drift and model drift",
  ])("keeps %j whole", (message) => {
    expect(questionParts(message)).toEqual([message]);
  });

  it("leaves the learner's situation out of the parts", () => {
    expect(
      questionParts("I'm 28, in marketing, what is a baseline model and which metric do I report?"),
    ).toEqual(["what is a baseline model", "which metric do I report?"]);
  });

  it("keeps a clause that asks after a label ('two questions:', 'FastAPI q:')", () => {
    expect(
      questionParts(
        "CS undergrad here, two questions: how long should the roadmap take me, and which metrics for regression?",
      ),
    ).toEqual([
      "two questions: how long should the roadmap take me",
      "which metrics for regression?",
    ]);
    expect(
      questionParts(
        "FastAPI q: what happens when a field is missing, and where are the auto docs?",
      ),
    ).toEqual(["FastAPI q: what happens when a field is missing", "where are the auto docs?"]);
  });
});
