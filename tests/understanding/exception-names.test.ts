import { describe, expect, it } from "vitest";
import { questionTerms } from "../../src/answer/gate-features.ts";
import { stem } from "../../src/text/terms.ts";
import { exceptionExpansions } from "../../src/understanding/exception-names.ts";

describe("exceptionExpansions", () => {
  it("spells out the Python exceptions a question names, once each", () => {
    expect(exceptionExpansions("model.coef_ gives AttributeError, AttributeError again")).toEqual([
      { word: "AttributeError", alternatives: ["attribute error"], source: "lexicon" },
    ]);
    expect(
      exceptionExpansions("ModuleNotFoundError then a SettingWithCopyWarning").map(
        ({ alternatives }) => alternatives[0],
      ),
    ).toEqual(["module not found error", "setting with copy warning"]);
  });

  it("reads no exception into ordinary words or lower-case 'error'", () => {
    expect(exceptionExpansions("why is my error so high, Error rate in MLOps")).toEqual([]);
    expect(exceptionExpansions("what is mean squared error")).toEqual([]);
  });

  it("lets the gate find an exception's words in the material", () => {
    const understoodAs = "model.coef_ gives AttributeError, why";
    const terms = questionTerms({
      understoodAs,
      expansions: exceptionExpansions(understoodAs),
      unknownTopics: [],
    });
    expect(terms.find(({ word }) => word === "AttributeError")?.alternatives).toEqual([
      stem("attribute"),
      stem("error"),
    ]);
  });
});
