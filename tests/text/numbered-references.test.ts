import { describe, expect, it } from "vitest";
import { numberedReferences, referenceAgreement } from "../../src/text/numbered-references.ts";

describe("numberedReferences", () => {
  it("reads steps, months, ranges, open ranges and ordinals as learners write them", () => {
    expect(numberedReferences("whats the milestone for step 4")).toEqual([
      { noun: "step", first: 4, last: 4 },
    ]);
    expect(numberedReferences("Step 4 | Month 6–8 | Deep learning")).toEqual([
      { noun: "step", first: 4, last: 4 },
      { noun: "month", first: 6, last: 8 },
    ]);
    expect(numberedReferences("months 3 to 4?")).toEqual([{ noun: "month", first: 3, last: 4 }]);
    expect(numberedReferences("Month 12+")).toEqual([
      { noun: "month", first: 12, last: Number.POSITIVE_INFINITY },
    ]);
    // Numbers listed after a plural noun; one with a range of its own is left out.
    expect(numberedReferences("what do i do in weeks 3 and 4, then steps 2, 5 & 6")).toEqual([
      { noun: "week", first: 3, last: 3 },
      { noun: "step", first: 2, last: 2 },
      { noun: "week", first: 4, last: 4 },
      { noun: "step", first: 5, last: 5 },
      { noun: "step", first: 6, last: 6 },
    ]);
    expect(numberedReferences("steps 3 and 4-5")).toEqual([{ noun: "step", first: 3, last: 3 }]);
    expect(numberedReferences("the 2nd step and the third month")).toEqual([
      { noun: "step", first: 2, last: 2 },
      { noun: "month", first: 3, last: 3 },
    ]);
    expect(numberedReferences("a few steps in 5 months")).toEqual([]);
  });
});

describe("referenceAgreement", () => {
  const asked = numberedReferences("month 5??");
  it("agrees when a passage names an overlapping number of the same kind", () => {
    expect(
      referenceAgreement(asked, numberedReferences("Step 3 | Month 5 | Feature engineering")),
    ).toBe("agrees");
    expect(referenceAgreement(asked, numberedReferences("Month 4–6"))).toBe("agrees");
  });
  it("differs when the passage names only other numbers of that kind", () => {
    expect(referenceAgreement(asked, numberedReferences("Step 5 | Month 9 | Deployment"))).toBe(
      "differs",
    );
  });
  it("is silent when either side names none of that kind", () => {
    expect(referenceAgreement(asked, numberedReferences("Step 5: Learn Model Deployment"))).toBe(
      "silent",
    );
    expect(referenceAgreement([], numberedReferences("Month 9"))).toBe("silent");
  });
});
