import { describe, expect, it } from "vitest";
import {
  namedSource,
  roadmapNamed,
  withoutClosingSourceFrame,
} from "../../src/text/named-source.ts";

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

describe("roadmapNamed", () => {
  const roadmap = [titles[0] as string];
  it("reads 'the roadmap' as the one document of kind roadmap, not the MLOps tutorial", () => {
    expect(roadmapNamed("How does the roadmap define machine learning?", roadmap)).toBe(titles[0]);
    expect(roadmapNamed("what does this 12-month roadmap say about sql", roadmap)).toBe(titles[0]);
    expect(roadmapNamed("what does the mlops roadmap cover in week 2", roadmap)).toBeUndefined();
    expect(roadmapNamed("what is a roadmap", roadmap)).toBeUndefined();
    // Two roadmaps, or none: which one is meant is not said.
    expect(roadmapNamed("what does the roadmap say", [...titles])).toBeUndefined();
    expect(roadmapNamed("what does the roadmap say", [])).toBeUndefined();
  });
});

describe("withoutClosingSourceFrame", () => {
  it("drops a closing phrase that says where to look: roadmap, tutorial or section", () => {
    expect(withoutClosingSourceFrame("What is machine learning, as defined in the roadmap?")).toBe(
      "What is machine learning?",
    );
    expect(
      withoutClosingSourceFrame("what is a shadow deployment according to the MLOps tutorial"),
    ).toBe("what is a shadow deployment");
    expect(
      withoutClosingSourceFrame(
        "What does responsible AI involve according to the future trends section?",
      ),
    ).toBe("What does responsible AI involve?");
    // Only where it closes the question.
    expect(withoutClosingSourceFrame("what does the roadmap say about sql")).toBe(
      "what does the roadmap say about sql",
    );
  });
});
