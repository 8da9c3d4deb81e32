import { describe, expect, it } from "vitest";
import {
  asksForReadingOrChannels,
  namesReadingOrChannels,
} from "../../src/answer/recommended-resources.ts";

describe("asksForReadingOrChannels", () => {
  it.each([
    "can you recommend a good book for learning linear algebra for ML",
    "which book should i follow for that",
    "Which textbook does the roadmap recommend for linear algebra?",
    "best youtube channels for linear algebra like 3blue1brown?",
    "any good podcasts about MLOps",
  ])("%j asks the material to name a book, podcast or channel", (question) => {
    expect(asksForReadingOrChannels(question)).toBe(true);
  });

  it.each([
    // Learning from YouTube is the learner's story, not what is asked.
    "now learning python on youtube. how many hours per day should I study",
    "saw a youtube video saying its easy, is it true",
    "following a youtube MLflow tutorial and log_model isn't behaving like in the video",
    "which course is best for linear algebra",
  ])("%j does not", (question) => {
    expect(asksForReadingOrChannels(question)).toBe(false);
  });
});

describe("namesReadingOrChannels", () => {
  it("holds for a passage that names a book or channel, not for one that names neither", () => {
    expect(namesReadingOrChannels(["Read the book Deep Learning by Goodfellow et al."])).toBe(true);
    expect(namesReadingOrChannels(["Learn linear algebra at an intuitive level."])).toBe(false);
  });
});
