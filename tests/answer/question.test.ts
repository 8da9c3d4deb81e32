import { describe, expect, it } from "vitest";
import { latinShare, normaliseQuestion } from "../../src/answer/question.ts";
import { AppError } from "../../src/errors/app-error.ts";
import { InvalidQuestionError } from "../../src/errors/invalid-question-error.ts";

function questionError(run: () => unknown): InvalidQuestionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidQuestionError);
    return error as InvalidQuestionError;
  }
  throw new Error("expected an InvalidQuestionError");
}

describe("normaliseQuestion", () => {
  it("rejects an empty or blank question with a clear message", () => {
    for (const raw of ["", "   ", "\n\t ", "\u200b\u200b", "\u0000\u0007"]) {
      const error = questionError(() => normaliseQuestion(raw, 2000));
      expect(error.message).toMatch(/question is empty/);
      expect(error.httpStatus).toBe(400);
      expect(error.code).toBe("invalid_question");
      expect(error).toBeInstanceOf(AppError);
    }
  });

  it("rejects a question over the limit, stating its length and the limit", () => {
    const error = questionError(() => normaliseQuestion("a".repeat(2500), 2000));
    expect(error.message).toBe("the question is 2,500 characters; the limit is 2,000");
  });

  it("accepts a question exactly at the limit", () => {
    expect(normaliseQuestion("a".repeat(2000), 2000)).toHaveLength(2000);
  });

  it("fails fast on a 100 KB body with the limit message", () => {
    const huge = "What is MLflow? ".repeat(6400);
    expect(huge.length).toBeGreaterThan(100_000);
    const error = questionError(() => normaliseQuestion(huge, 2000));
    expect(error.message).toContain(huge.length.toLocaleString("en-US"));
    expect(error.message).toContain("the limit is 2,000");
  });

  it("removes control, zero-width and bidi characters and collapses whitespace", () => {
    expect(normaliseQuestion("  What\u200b is\u0000 Ml\u202eflow?\r\n\tNow ", 2000)).toBe(
      "What is Ml flow? Now",
    );
    expect(normaliseQuestion("DVC\u200bMLflow", 2000)).not.toMatch(/[\u200b]/);
  });

  it("normalises compatibility characters (NFKC)", () => {
    expect(normaliseQuestion("ＭＬｆｌｏｗ？", 2000)).toBe("MLflow?");
  });

  it("counts the cleaned length against the limit, up to four times the limit raw", () => {
    const padded = `What is MLflow?${" ".repeat(5000)}Thanks.`;
    expect(normaliseQuestion(padded, 2000)).toBe("What is MLflow? Thanks.");
    const tooPadded = `What is MLflow?${" ".repeat(8000)}Thanks.`;
    expect(questionError(() => normaliseQuestion(tooPadded, 2000)).message).toContain(
      "8,022 characters",
    );
  });
});

describe("latinShare", () => {
  it("is 1 for English and below 0.5 for Chinese", () => {
    expect(latinShare("How do I learn MLflow?")).toBe(1);
    expect(latinShare("我应该先学习哪种编程语言？")).toBeLessThan(0.5);
    expect(latinShare("如何使用 MLflow 跟踪实验")).toBeLessThan(0.5);
  });

  it("is 0 for text without letters", () => {
    expect(latinShare("1234 ?!")).toBe(0);
  });
});
