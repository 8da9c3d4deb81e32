import { describe, expect, it } from "vitest";
import { qualityCompared, saysQualityOf } from "../../src/answer/compared-attribute.ts";

describe("qualityCompared", () => {
  it("finds the quality two things are compared on", () => {
    expect(qualityCompared("GRU vs LSTM diff? which one is faster to train")?.quality).toBe(
      "faster",
    );
    expect(
      qualityCompared("whats the difference between lstm and gru, which one trains faster")
        ?.quality,
    ).toBe("faster");
    expect(qualityCompared("xgboost vs random forest which is more accurate")?.quality).toBe(
      "more accurate",
    );
  });

  it("reads 'X faster than Y' as a comparison of X and Y", () => {
    expect(qualityCompared("is pytorch faster than tensorflow for training models")).toEqual({
      quality: "faster",
      sides: [["pytorch"], ["tensorflow"]],
    });
    expect(qualityCompared("is lightgbm really cheaper than xgboost")?.quality).toBe("cheaper");
    expect(qualityCompared("how is vectorization faster than a for loop")).toBeUndefined();
  });

  it("finds none without two things compared, or without a measurable quality", () => {
    expect(qualityCompared("how do i make my training faster")).toBeUndefined();
    expect(qualityCompared("tensorflow or pytorch which one first")).toBeUndefined();
  });
});

describe("saysQualityOf", () => {
  it("holds only when a unit says the quality of one of the things compared", () => {
    const cheaper = qualityCompared(
      "batch vs online prediction, which one is cheaper to run",
    ) as NonNullable<ReturnType<typeof qualityCompared>>;
    expect(saysQualityOf(cheaper, ["Batch prediction is simpler and cheaper to operate."])).toBe(
      true,
    );
    const faster = qualityCompared("GRU vs LSTM, which one trains faster") as NonNullable<
      ReturnType<typeof qualityCompared>
    >;
    // Naming both together does not say which is faster.
    expect(
      saysQualityOf(faster, [
        "LSTM and GRU cells add gates that decide what to keep and what to forget.",
        "Transformers train fast because they drop recurrence.",
      ]),
    ).toBe(false);
    expect(saysQualityOf(faster, ["A GRU trains faster than an LSTM."])).toBe(true);
  });
});
