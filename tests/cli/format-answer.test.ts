import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { formatAnswer } from "../../src/cli/format-answer.ts";
import { terminalSafe } from "../../src/text/terminal-safe.ts";

const ESCAPES = "\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u009b0m\u001bP1;2q\u001b\\\u0008\u000d";
/** Any control character but newline (ESC, BEL, CSI, backspace, carriage return…). */
const CONTROL = /(?!\n)\p{Cc}/u;

describe("formatAnswer prints no terminal control from corpus text", () => {
  it("strips escapes from the answer, sections, sources, quotes and suggestions", () => {
    const result = {
      question: "Is DVC deprecated?",
      understoodAs: `is dvc deprecated${ESCAPES}`,
      answer: `DVC${ESCAPES} is maintained [1].`,
      refused: false,
      citations: [
        {
          n: 1,
          chunkId: "c1",
          source: `corpus/dvc${ESCAPES}.md`,
          title: "DVC",
          section: `Basics${ESCAPES}`,
          text: `DVC${ESCAPES} is maintained.`,
        },
      ],
      retrieved: [],
      timings: { retrieveMs: 0, generateMs: 0 },
    } as unknown as AnswerResult;
    const printed = formatAnswer(result);
    expect(printed).not.toMatch(CONTROL);
    expect(printed).toContain("DVC is maintained [1].");
    expect(printed).toContain("[1] Basics (corpus/dvc.md)");

    const refused = formatAnswer({
      ...result,
      refused: true,
      suggestions: [`What is DVC?${ESCAPES}`],
    } as AnswerResult);
    expect(refused).not.toMatch(CONTROL);
    expect(refused).toContain("Try asking:\n  - What is DVC?");

    const answered = formatAnswer({
      ...result,
      suggestions: [`What does the roadmap say about MLOps Essentials?${ESCAPES}`],
    } as AnswerResult);
    expect(answered).not.toMatch(CONTROL);
    expect(answered).toContain("Ask next:\n  - What does the roadmap say about MLOps Essentials?");
  });
});

describe("terminalSafe", () => {
  it("removes CSI, OSC, DCS and single-character escapes and C0/C1 controls, keeps newlines and text", () => {
    expect(terminalSafe(`a${ESCAPES}b\nc\td`)).toBe("ab\nc d");
    expect(terminalSafe("naïve — “quoted” 中文 ✓")).toBe("naïve — “quoted” 中文 ✓");
  });
});

describe("formatAnswer for a reply to a thank-you", () => {
  it("offers what to ask next without calling it a question the material does not cover", () => {
    const printed = formatAnswer({
      question: "ok thx",
      // "thx" is filler for search: nothing was searched, so nothing is shown as searched.
      understoodAs: "ok",
      answer: "Glad to help.",
      refused: true,
      reply: true,
      citations: [],
      retrieved: [],
      timings: { retrieveMs: 0, generateMs: 0 },
      generator: "evidence-gate",
      droppedCitations: 0,
      suggestions: ["What is DVC?"],
    });
    expect(printed).toBe("Glad to help.\n\nAsk next:\n  - What is DVC?\n");
  });
});
