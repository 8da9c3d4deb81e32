import { describe, expect, it } from "vitest";
import { isAcknowledgement } from "../../src/understanding/acknowledgement.ts";

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
