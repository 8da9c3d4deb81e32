import { describe, expect, it } from "vitest";
import { learnerLexicon } from "../../src/understanding/learner-lexicon.ts";
import {
  describedLearnerType,
  learnerTypeExpansions,
  rememberedLearnerType,
} from "../../src/understanding/learner-profile.ts";

const lexicon = learnerLexicon();
const typeOf = (text: string) => describedLearnerType(text, lexicon)?.type;
const searched = (question: string) =>
  learnerTypeExpansions(question, lexicon).flatMap(({ alternatives }) => alternatives);

describe("describedLearnerType", () => {
  it("reads the roadmap learner type from how learners describe themselves", () => {
    expect(typeOf("I'm 35, did sales for 10 years, only know excel, no cs degree")).toBe(
      "Career Switcher",
    );
    expect(typeOf("im 31 and work in accounts, no coding background at all")).toBe(
      "Career Switcher",
    );
    expect(typeOf("i've been a backend dev for about 4 yrs, solid coding")).toBe(
      "Software Engineer",
    );
    expect(typeOf("sde here, 4 yrs exp")).toBe("Software Engineer");
    expect(typeOf("i am final year btech cse student")).toBe("CS / IT Student");
    expect(typeOf("I am complete beginner with only basic coding")).toBe("Complete Beginner");
    expect(typeOf("im 34, spent ten years in hotel management, only a bit of python")).toBe(
      "Career Switcher",
    );
    expect(typeOf("zero CS background, i did a bit of python from youtube")).toBe(
      "Career Switcher",
    );
  });

  it("takes the first type of the lexicon that matches: an analyst at a bank is an analyst", () => {
    expect(typeOf("i am a data analyst in a bank, mostly sql and excel")).toBe("Data Analyst");
  });

  it("reads nothing into someone else's or the data's description", () => {
    expect(typeOf("my sales data has 40 columns")).toBeUndefined();
    expect(typeOf("what does a data analyst do")).toBeUndefined();
    expect(typeOf("our marketing team wants a churn model")).toBeUndefined();
    expect(typeOf("i want to predict sales, what project should i build first")).toBeUndefined();
    expect(typeOf("how long for me to become a data analyst")).toBeUndefined();
    expect(typeOf("i have 2 hr a day, how long will it take me")).toBeUndefined();
  });
});

describe("learnerTypeExpansions", () => {
  it("searches for the type when the learner asks about their own path", () => {
    expect(
      searched("I'm 29, been in human resources for 6 years. how many months before I'm ready?"),
    ).toEqual(["career switcher"]);
    expect(searched("backend dev here, what should i focus on first")).toEqual([
      "software engineer",
    ]);
  });

  it("adds nothing to a question about something else", () => {
    expect(searched("im in marketing and my price column is object dtype, why")).toEqual([]);
    // The story names a project; the clause that asks is about an error.
    expect(
      searched(
        "for my final year project as a cse student the model got 99% but fails on new data. what's going on and how do I fix it?",
      ),
    ).toEqual([]);
    expect(
      searched(
        "CUDA out of memory in Colab. I'm a non-tech person, what's the first thing I should change?",
      ),
    ).toEqual([]);
  });
});

describe("rememberedLearnerType", () => {
  const earlier = ["im a data analyst rn (sql, excel, power bi). how long to become ml engineer?"];

  it("carries the type the learner gave earlier into a question about their path", () => {
    expect(rememberedLearnerType("what shud be my first project then", earlier, lexicon)).toEqual([
      { word: "data analyst", alternatives: ["data analyst"], source: "lexicon" },
    ]);
  });

  it("leaves a message alone that is not about the learner's path or says who they are", () => {
    expect(rememberedLearnerType("what does dropout do", earlier, lexicon)).toEqual([]);
    expect(rememberedLearnerType("what is the first project for a sde", earlier, lexicon)).toEqual(
      [],
    );
    expect(rememberedLearnerType("and if im a backend dev, what first", earlier, lexicon)).toEqual(
      [],
    );
  });
});
