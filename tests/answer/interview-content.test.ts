import { describe, expect, it } from "vitest";
import { asksInterviewContent, givesInterviewContent } from "../../src/answer/interview-content.ts";

describe("asksInterviewContent", () => {
  it.each([
    "common ML system design interview questions list pls",
    "give me a list of the most common ml interview questions asked in product based companies",
    "how many interview rounds does google have for an MLE role",
    "what questions are usually asked in ML interviews at startups",
    "how do i prepare for the coding round",
    "what do they ask freshers in the HR round",
    "can you give me the top 15 questions they usually ask on bias variance",
    "are sql window functions asked in ml interviews?",
  ])("%j asks what an interview holds", (question) => {
    expect(asksInterviewContent(question)).toBe(true);
  });

  it.each([
    // Being ready for interviews, and what to show there, the material answers.
    "ml from zero to interview ready realistically how long?",
    "what projects should i build for ml interviews",
    "do my interview projects need to be deployed or is github code enough",
    "what questions should i ask myself before picking a model",
    "which questions does the model get asked most by users",
  ])("%j does not", (question) => {
    expect(asksInterviewContent(question)).toBe(false);
  });
});

describe("givesInterviewContent", () => {
  it("holds for a passage listing interview questions, not for one only naming them", () => {
    expect(
      givesInterviewContent(["Common interview questions include: what is overfitting?"]),
    ).toBe(true);
    expect(givesInterviewContent(["Practise interview questions before applying."])).toBe(false);
  });
});
