import { describe, expect, it } from "vitest";
import { askedFigure } from "../../src/answer/asked-figure.ts";

describe("askedFigure", () => {
  it("reads the figure in the clauses that ask, not in the learner's story", () => {
    expect(
      askedFigure(
        "We retrain our churn model on the first of every month. What other ways are there to decide when to retrain?",
      ),
    ).toBeUndefined();
    expect(askedFigure("I have 2 hours a day, how long will the roadmap take?")).toEqual({
      type: "time",
      words: [],
    });
  });

  it("reads it in the learner's own words first, then with the topic a follow-up carries", () => {
    expect(askedFigure("and how many questions? (cost aws exam)")?.type).toBe("count");
    expect(askedFigure("and in bengaluru? (salary engineer india)")?.type).toBe("money");
  });

  it("takes no figure from the carried topic when the learner asks for a thing of their own", () => {
    expect(
      askedFigure("ok which certification goes with that cloud (cost monthly host platform)"),
    ).toBeUndefined();
    expect(askedFigure("which one is cheaper? (cost aws exam)")?.type).toBe("money");
    expect(askedFigure("what about hyderabad? (salary engineer india)")?.type).toBe("money");
  });
});
