import { describe, expect, it } from "vitest";
import { asksResumeWriting, speaksOfResumes } from "../../src/answer/resume-writing.ts";

describe("asksResumeWriting", () => {
  it.each([
    "how to write resume for data analyst role as a fresher",
    "one page or two page resume for ml fresher?",
    "kindly tell how to prepare resume for ML fresher role, what all points to mention",
    "How should I format my ML engineer resume so it gets past ATS screening?",
    "any good cv template for ml jobs",
    "Should an ML resume be one page or two?",
  ])("%j asks how to write a resume", (question) => {
    expect(asksResumeWriting(question)).toBe(true);
  });

  it.each([
    // About the model or the projects, with the resume only where they would go.
    "my fraud model got 98% accuracy, thats good enough to put on resume right?",
    "if I collect 5-6 certs can I skip building projects? certs look good on resume na",
    "what projects should i build for ml interviews",
    "CV engineer salary in india",
  ])("%j does not", (question) => {
    expect(asksResumeWriting(question)).toBe(false);
  });
});

describe("speaksOfResumes", () => {
  it("holds for a passage that speaks of resumes", () => {
    expect(speaksOfResumes(["Keep your resume to one page."])).toBe(true);
    expect(speaksOfResumes(["Build projects and publish them on GitHub."])).toBe(false);
  });
});
