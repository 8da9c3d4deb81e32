import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { Generator } from "../../src/answer/generator.ts";
import { LlmGenerator } from "../../src/answer/llm-generator.ts";
import { LlmQuestionRewriter } from "../../src/answer/llm-question-rewriter.ts";
import type { QuestionRewriter } from "../../src/answer/question-rewriter.ts";
import { LlmJudge } from "../../src/eval/judge/llm-judge.ts";

const apiKey = "sk-test-never-shown-91c4";
const connection = { model: "fake-chat", baseURL: "http://127.0.0.1:9/v1", apiKey };
const fallback: Generator = {
  id: "extractive",
  async *generate() {
    yield { type: "answer-end", text: "", generator: "extractive" };
  },
};
const unchanged: QuestionRewriter = { id: "offline", rewrite: async (message) => message };

describe("chat-model clients keep the API key out of logs", () => {
  it.each([
    ["LlmGenerator", () => new LlmGenerator({ ...connection, fallback })],
    ["LlmQuestionRewriter", () => new LlmQuestionRewriter({ ...connection, fallback: unchanged })],
    ["LlmJudge", () => new LlmJudge(connection)],
  ])("%s: neither util.inspect nor JSON.stringify shows it", (_name, create) => {
    const client = create();
    expect(inspect(client, { depth: 20, showHidden: true })).not.toContain(apiKey);
    expect(JSON.stringify(client)).not.toContain(apiKey);
  });
});
