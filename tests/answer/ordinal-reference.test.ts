import { describe, expect, it } from "vitest";
import { itemAt, listedItems, ordinalReference } from "../../src/answer/ordinal-reference.ts";

describe("ordinalReference", () => {
  it.each([
    ["examples of the last one?", -1],
    ["stack for the second one?", 2],
    ["the 3rd option, any caveat?", 3],
    ["the fifth one, what kind of model should that be?", 5],
    ["ok and the latter?", -1],
    ["is the former free", 1],
  ])("%j points at place %i", (message, place) => {
    expect(ordinalReference(message)?.place).toBe(place);
  });

  it.each([
    // The learner's last question, not an item.
    "ok last one, what does dropout do",
    // A step of the plan, not an item of the reply.
    "what is the first step of the roadmap",
    "what should i learn first",
  ])("%j points at no item", (message) => {
    expect(ordinalReference(message)).toBeUndefined();
  });
});

describe("listedItems", () => {
  it("reads an enumeration after a lead-in, without its parentheses", () => {
    expect(
      listedItems(
        "The roadmap lists three: Supervised Learning (labelled data), Unsupervised Learning (patterns in unlabelled data) and Reinforcement Learning (actions and rewards). [1]",
      ),
    ).toEqual(["Supervised Learning", "Unsupervised Learning", "Reinforcement Learning"]);
    expect(
      listedItems(
        "Four: a schedule, a performance drop, a drift alert, and enough new labelled data.",
      ),
    ).toEqual(["a schedule", "a performance drop", "a drift alert", "enough new labelled data"]);
  });

  it("reads the lines of a list reply, a quoted row by its name", () => {
    expect(
      listedItems(
        "- FastAPI — best for: Production-ready APIs [1]\n- Streamlit — best for: Interactive demos [2]",
      ),
    ).toEqual(["FastAPI", "Streamlit"]);
  });

  it("reads only the rows of a list reply that quotes a sentence after them", () => {
    expect(
      listedItems(
        "- Unsupervised Learning — what it means: The model finds patterns [1]\n- Supervised Learning — what it means: The model learns from labelled data [2]\n- Machine learning is different from traditional programming. [3]",
      ),
    ).toEqual(["Unsupervised Learning", "Supervised Learning"]);
  });

  it("finds no list in clauses joined by commas", () => {
    expect(
      listedItems(
        "The House Price Predictor (1–2 weeks) is the beginner project, and the Customer Churn Classifier (2 weeks) is rated Beginner–Intermediate.",
      ),
    ).toEqual([]);
    expect(listedItems("No, you do not need a GPU for foundational machine learning. [1]")).toEqual(
      [],
    );
  });
});

describe("itemAt", () => {
  it("picks by place, the last for -1, nothing past the end or from a single item", () => {
    expect(itemAt(["a", "b", "c"], 2)).toBe("b");
    expect(itemAt(["a", "b", "c"], -1)).toBe("c");
    expect(itemAt(["a", "b", "c"], 5)).toBeUndefined();
    expect(itemAt(["a"], -1)).toBeUndefined();
  });
});
