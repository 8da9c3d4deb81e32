import { describe, expect, it } from "vitest";
import { escapeRegExp } from "../../src/text/escape-reg-exp.ts";

describe("escapeRegExp", () => {
  it("matches a text with regular-expression characters literally", () => {
    const pattern = new RegExp(escapeRegExp("c++ (v1.2) a/b $x"));
    expect(pattern.test("learn c++ (v1.2) a/b $x now")).toBe(true);
    expect(pattern.test("learn cc (v112) a/b $x now")).toBe(false);
  });
});
