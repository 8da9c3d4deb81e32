import { describe, expect, it } from "vitest";
import { timeExpressions } from "../../src/understanding/time-expressions.ts";

describe("timeExpressions", () => {
  it("finds times, dates and amounts of time as written", () => {
    expect(timeExpressions("viva is at 10am tomorrow")).toEqual(["10am", "tomorrow"]);
    expect(timeExpressions("i have a test in 2 days")).toEqual(["2 days"]);
    expect(timeExpressions("viva in 40 mins")).toEqual(["40 mins"]);
  });

  it("leaves out a bare year, which a figure can be asked for", () => {
    expect(timeExpressions("ml salaries in 2030")).toEqual([]);
  });
});
