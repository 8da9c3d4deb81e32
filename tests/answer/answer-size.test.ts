import { describe, expect, it } from "vitest";
import { capAnswerText, capText } from "../../src/answer/answer-size.ts";

describe("capText", () => {
  it("leaves a text that fits unchanged", () => {
    expect(capText("Docker packages the model.", 100)).toBe("Docker packages the model.");
  });

  it("cuts at a word break near the limit and ends with an ellipsis", () => {
    const capped = capText("Docker packages the model and its dependencies together.", 30);
    expect(capped.length).toBeLessThanOrEqual(30);
    // "and" might be cut mid-word at the limit, so the break before it is taken.
    expect(capped).toBe("Docker packages the model…");
  });

  it("cuts a text without spaces hard", () => {
    expect(capText("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

describe("capAnswerText", () => {
  it("keeps every citation marker of a long answer within the limit", () => {
    const text = `Docker packages the model [1]. ${"More words here. ".repeat(100)}MLflow tracks runs [2].`;
    const capped = capAnswerText(text, 120);
    expect(capped.length).toBeLessThanOrEqual(120);
    expect(capped).toContain("[1]");
    expect(capped).toContain("[2]");
    expect(capped).toMatch(/… \[2\]$/);
  });
});
