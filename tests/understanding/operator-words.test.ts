import { describe, expect, it } from "vitest";
import { questionTerms } from "../../src/answer/gate-features.ts";
import { stem } from "../../src/text/terms.ts";
import { operatorExpansions } from "../../src/understanding/operator-words.ts";

const symbols = (question: string) => operatorExpansions(question).map(({ word }) => word);

describe("operatorExpansions", () => {
  it("names the Python operators a question writes as symbols", () => {
    expect(symbols("diff b/w @ and * in numpy?")).toEqual(["@", "*"]);
    expect(symbols("what is the difference between / and // in python")).toEqual(["//", "/"]);
    expect(symbols("5//2 gives 2 and 7 % 2 gives 1")).toEqual(["//", "%"]);
    expect(symbols("what do // and % give")).toEqual(["//", "%"]);
    expect(operatorExpansions("X @ w")).toEqual([
      { word: "@", alternatives: ["matrix multiplication"], source: "lexicon" },
    ]);
  });

  it("reads no operator into shares, fractions, links or slashes between words", () => {
    expect(symbols("what % of the data goes to the test set")).toEqual([]);
    expect(symbols("20% of rows are missing, is 1/2 an hour enough")).toEqual([]);
    expect(symbols("see https://example.com and b/w sql / excel")).toEqual([]);
  });

  it("makes an operator a topic term of the gate, named by the material's words", () => {
    const understoodAs = "5//2 gives 2, why?";
    const terms = questionTerms({
      understoodAs,
      expansions: operatorExpansions(understoodAs),
      unknownTopics: [],
    });
    expect(terms).toContainEqual({
      word: "//",
      term: stem("floor"),
      alternatives: [stem("division")],
      token: "//",
    });
  });
});
