import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LlmJudge, parseReply } from "../../src/eval/judge/llm-judge.ts";
import { type RecordedRequest, useFakeOpenAIServer } from "../support/fake-openai-server.ts";

const server = useFakeOpenAIServer();

const passages = [
  {
    text: "Docker packages your model, dependencies, runtime, and API into a reproducible container.",
  },
  { text: "Tool: DVC; Purpose: Data and model version control", section: "MLOps Essentials" },
];

function judge(maxAttempts = 3): LlmJudge {
  return new LlmJudge({
    model: "fake-chat",
    baseURL: server().url,
    apiKey: "sk-test",
    maxRetries: 0,
    maxAttempts,
    timeoutMs: 5000,
  });
}

/** The last user message of a chat request. */
function lastUserMessage(request: RecordedRequest): string {
  const body = request.body as { messages: Array<{ role: string; content: string }> };
  return body.messages.filter((message) => message.role === "user").at(-1)?.content ?? "";
}

describe("LlmJudge", () => {
  it("extracts claims with the model, then verifies them against numbered passages", async () => {
    server().chatReply = (request) =>
      lastUserMessage(request).includes("<answer>")
        ? JSON.stringify({
            claims: ["Docker packages models into containers.", "DVC tracks experiments."],
          })
        : JSON.stringify({
            verdicts: [
              { statement: 1, supported: true, passage: 1, reason: "passage 1 says so" },
              { statement: 2, supported: false, passage: null, reason: "DVC does version control" },
            ],
          });
    const verdicts = await judge().judge({
      question: "What do Docker and DVC do?",
      answer: "Docker packages models into containers [1]. DVC tracks experiments [2].",
      passages,
    });
    expect(verdicts).toEqual([
      {
        claim: "Docker packages models into containers.",
        supported: true,
        reason: "passage 1 says so",
        passageIndex: 0,
      },
      { claim: "DVC tracks experiments.", supported: false, reason: "DVC does version control" },
    ]);
    expect(server().requests).toHaveLength(2);
    const verification = lastUserMessage(server().requests[1] as RecordedRequest);
    expect(verification).toContain('<passage n="2" section="MLOps Essentials">');
    expect(verification).toContain("2. DVC tracks experiments.");
    expect(
      (server().requests[1]?.body as { response_format?: unknown } | undefined)?.response_format,
    ).toEqual({
      type: "json_object",
    });
  });

  it("verifies given claims without asking for extraction", async () => {
    server().chatReply =
      '```json\n{"verdicts": [{"statement": 1, "supported": true, "passage": 2}]}\n```';
    const verdicts = await judge().judge({ claims: ["DVC versions data."], passages });
    expect(verdicts).toEqual([
      { claim: "DVC versions data.", supported: true, reason: "supported", passageIndex: 1 },
    ]);
    expect(server().requests).toHaveLength(1);
  });

  it("asks again after a malformed reply, showing the model what was wrong", async () => {
    let calls = 0;
    server().chatReply = () => {
      calls++;
      return calls === 1
        ? '{"verdicts": [{"statement": 1, "supported": "yes"}'
        : JSON.stringify({ verdicts: [{ statement: 1, supported: false, reason: "no" }] });
    };
    const verdicts = await judge().judge({ claims: ["Kubernetes is required."], passages });
    expect(verdicts[0]?.supported).toBe(false);
    expect(server().requests).toHaveLength(2);
    const retry = server().requests[1]?.body as {
      messages: Array<{ role: string; content: string }>;
    };
    expect(retry.messages.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
    ]);
    expect(retry.messages[3]?.content).toMatch(/could not be used: the reply is not valid JSON/);
  });

  it("asks again when the verdicts do not match the statements", async () => {
    let calls = 0;
    server().chatReply = () =>
      ++calls === 1
        ? JSON.stringify({ verdicts: [{ statement: 1, supported: true }] })
        : JSON.stringify({
            verdicts: [
              { statement: 1, supported: true },
              { statement: 2, supported: true },
            ],
          });
    const verdicts = await judge().judge({ claims: ["a", "b"], passages });
    expect(verdicts).toHaveLength(2);
    expect(lastUserMessage(server().requests[1] as RecordedRequest)).toMatch(
      /expected 2 verdicts, got 1/,
    );
  });

  it("gives up after its attempts with an error naming the problem", async () => {
    server().chatReply = "I think it is supported.";
    await expect(judge(2).judge({ claims: ["a"], passages })).rejects.toThrow(
      /gave no valid claim verification reply in 2 attempts: the reply holds no JSON object/,
    );
    expect(server().requests).toHaveLength(2);
  });

  it("fails with the endpoint and status when the server errors", async () => {
    server().behaviour = { status: 500 };
    await expect(judge().judge({ claims: ["a"], passages })).rejects.toThrow(
      /LLM judge failed during claim verification: .*answered HTTP 500/,
    );
  });
});

describe("parseReply", () => {
  const schema = z.object({ claims: z.array(z.string()) });
  it("finds the JSON object inside chatter and validates it", () => {
    expect(parseReply('Sure! {"claims": ["a"]} Hope this helps.', schema)).toEqual({
      success: true,
      value: { claims: ["a"] },
    });
    expect(parseReply('{"claims": [1]}', schema)).toMatchObject({
      success: false,
      problem: expect.stringMatching(/claims.0/),
    });
  });
});
