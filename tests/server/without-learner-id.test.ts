import { describe, expect, it } from "vitest";
import { withoutLearnerId } from "../../src/server/observability.ts";

describe("withoutLearnerId", () => {
  it("hides the learner id of every learner route in logged URLs", () => {
    const id = "q3Jb1x0m9YkPzL2a7cT5wQ";
    expect(withoutLearnerId(`/api/learners/${id}`)).toBe("/api/learners/[redacted]");
    expect(withoutLearnerId(`/api/learners/${id}/steps/3`)).toBe(
      "/api/learners/[redacted]/steps/3",
    );
    expect(withoutLearnerId(`/api/learners/${id}/due?now=1`)).toBe(
      "/api/learners/[redacted]/due?now=1",
    );
    expect(withoutLearnerId("/api/learners")).toBe("/api/learners");
    expect(withoutLearnerId("/api/chat")).toBe("/api/chat");
  });
});
