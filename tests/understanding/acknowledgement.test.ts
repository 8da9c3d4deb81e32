import { describe, expect, it } from "vitest";
import { isAcknowledgement } from "../../src/understanding/acknowledgement.ts";

describe("isAcknowledgement", () => {
  it.each([
    "ok",
    "Thanks!",
    "got it, thank you so much",
    "cool 👍",
    "ok makes sense",
    "i see",
    "lol ok that's easy enough",
  ])("takes %j for a reply, not a question", (message) => {
    expect(isAcknowledgement(message)).toBe(true);
  });

  it.each(["ok and docker?", "thanks, what about pandas", "is it ok to skip maths", "", "🙏"])(
    "takes %j for a question (or nothing)",
    (message) => {
      expect(isAcknowledgement(message)).toBe(false);
    },
  );
});
