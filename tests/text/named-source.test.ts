import { describe, expect, it } from "vitest";
import { namedSource } from "../../src/text/named-source.ts";

const titles = [
  "Machine Learning Roadmap 2026: A 12-Month Path from Fundamentals to Job Readiness",
  "MLOps Roadmap: From Notebook to Production",
  "Python Tutorial for Machine Learning",
  "Deep Learning and Machine Learning: How They Fit Together",
];

describe("namedSource", () => {
  it("finds the tutorial a question points to and leaves out the words that name it", () => {
    expect(
      namedSource(
        "What are the two ways of doing transfer learning described in the deep learning tutorial?",
        titles,
      ),
    ).toEqual({
      title: "Deep Learning and Machine Learning: How They Fit Together",
      question: "What are the two ways of doing transfer learning?",
    });
    expect(namedSource("what is a shadow deployment in the MLOps tutorial", titles)?.title).toBe(
      "MLOps Roadmap: From Notebook to Production",
    );
    expect(
      namedSource("what does the python tutorial say about numpy broadcasting", titles)?.question,
    ).toBe("what does say about numpy broadcasting");
  });

  it("keeps a tutorial the question asks about, and names no tutorial for words no title holds", () => {
    expect(namedSource("what tools does the mlops tutorial cover", titles)).toBeUndefined();
    expect(namedSource("in the ml tutorial what is x", titles)).toBeUndefined();
    expect(namedSource("is there a tutorial on docker", titles)).toBeUndefined();
    // "machine learning" is in several titles: which one is meant is not said.
    expect(namedSource("in the machine learning tutorial, what is x", titles)).toBeUndefined();
  });
});
