import { describe, expect, it } from "vitest";
import {
  isAcknowledgement,
  withoutLeadingAcknowledgement,
} from "../../src/understanding/acknowledgement.ts";

describe("isAcknowledgement", () => {
  it.each([
    "ok",
    "ok nvm",
    "never mind, thanks",
    "Thanks!",
    "got it, thank you so much",
    "cool 👍",
    "ok makes sense",
    "i see",
    "lol ok that's easy enough",
    "ok got it, thx a lot",
    "wow that makes sense 👍",
    "cool, thank u so much sir",
    "great explanation, very helpful",
    "thanks a lot, that clears it up 🙏",
    "dhanyavaad bhai, bahut help hui",
    "thik hai thanks yaar",
    "acha ok",
  ])("takes %j for a reply, not a question", (message) => {
    expect(isAcknowledgement(message)).toBe(true);
  });

  it.each([
    "ok and docker?",
    "thanks, what about pandas",
    "is it ok to skip maths",
    "",
    "🙏",
    "ok so dropout",
    "thanks but how do i install it",
    "that makes sense, so should i learn pytorch first",
    "thanks bhai ab pandas kaise seekhu",
  ])("takes %j for a question (or nothing)", (message) => {
    expect(isAcknowledgement(message)).toBe(false);
  });
});

describe("withoutLeadingAcknowledgement", () => {
  it.each([
    ["got it. what does the roadmap mean by edge ML?", "what does the roadmap mean by edge ML?"],
    ["thanks! which plot shows correlations", "which plot shows correlations"],
    ["ok cool, makes sense. is dropout on at eval?", "is dropout on at eval?"],
  ])("drops the thank-you that opens %j", (message, rest) => {
    expect(withoutLeadingAcknowledgement(message)).toBe(rest);
  });

  it.each([
    "ok and which is better for it, rtx 4090 or rtx 3060?",
    "what is dropout, and is it on at eval?",
    "thanks!",
    "got it.",
  ])("keeps %j whole", (message) => {
    expect(withoutLeadingAcknowledgement(message)).toBe(message);
  });
});
