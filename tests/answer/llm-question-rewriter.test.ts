import { describe, expect, it, vi } from "vitest";
import {
  buildRewritePrompt,
  LlmQuestionRewriter,
  type LlmQuestionRewriterOptions,
} from "../../src/answer/llm-question-rewriter.ts";
import type { ChatTurn, QuestionRewriter } from "../../src/answer/question-rewriter.ts";
import { startFakeOpenAIServer, useFakeOpenAIServer } from "../support/fake-openai-server.ts";

const apiKey = "sk-test-rewriter-42ab";
const server = useFakeOpenAIServer();

/** A stand-in for the offline rewriter that records its calls and marks its answers. */
class RecordingRewriter implements QuestionRewriter {
  readonly id = "offline";
  readonly calls: Array<{ message: string; history: ChatTurn[] }> = [];

  async rewrite(message: string, history: ChatTurn[]): Promise<string> {
    this.calls.push({ message, history });
    return `offline: ${message}`;
  }
}

const history: ChatTurn[] = [
  { role: "user", content: "What is step 5 of the roadmap about?" },
  { role: "assistant", content: "Step 5 covers MLOps: Docker, DVC and MLflow [1][2]." },
];

function createRewriter(options: Partial<LlmQuestionRewriterOptions> = {}): {
  rewriter: LlmQuestionRewriter;
  fallback: RecordingRewriter;
} {
  const fallback = new RecordingRewriter();
  const rewriter = new LlmQuestionRewriter({
    model: "fake-chat",
    baseURL: server().url,
    apiKey,
    fallback,
    ...options,
  });
  return { rewriter, fallback };
}

type ChatBody = {
  model: string;
  stream?: boolean;
  messages: Array<{ role: string; content: string }>;
};

describe("buildRewritePrompt", () => {
  it("keeps the last turns, without citation markers, and truncates long ones", () => {
    const turns: ChatTurn[] = Array.from({ length: 8 }, (_, index) => ({
      role: index % 2 === 0 ? "user" : "assistant",
      content: `turn ${index} ${"x".repeat(index === 7 ? 100 : 0)} [3]`,
    }));
    const { user } = buildRewritePrompt("and then?", turns, { maxTurns: 3, maxTurnCharacters: 40 });
    expect(user).not.toContain("turn 4");
    expect(user).toContain("Learner: turn 6");
    expect(user).toContain("Assistant: turn 5");
    expect(user).not.toContain("[3]");
    const last = user.split("\n").find((line) => line.includes("turn 7")) ?? "";
    expect(last.length).toBeLessThanOrEqual("Assistant: ".length + 40);
    expect(last.endsWith("…")).toBe(true);
    expect(user).toContain("<follow-up>and then?</follow-up>");
  });
});

describe("LlmQuestionRewriter", () => {
  it("sends the history and the follow-up and returns the model's question, cleaned", async () => {
    server().chatReply = '  "How long does step 5 (MLOps) of the roadmap take?"  \n';
    const { rewriter, fallback } = createRewriter();
    const question = await rewriter.rewrite("How long does it take?", history);

    expect(question).toBe("How long does step 5 (MLOps) of the roadmap take?");
    expect(fallback.calls).toEqual([]);
    expect(rewriter.id).toBe("openai:fake-chat");
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    const body = request?.body as ChatBody;
    expect(body.model).toBe("fake-chat");
    expect(body.stream).not.toBe(true);
    const user = body.messages.find((message) => message.role === "user")?.content ?? "";
    expect(user).toContain("Learner: What is step 5 of the roadmap about?");
    expect(user).toContain("Assistant: Step 5 covers MLOps: Docker, DVC and MLflow.");
    expect(user).toContain("<follow-up>How long does it take?</follow-up>");
    const system = body.messages.find((message) => message.role === "system")?.content ?? "";
    expect(system).toMatch(/standalone question/);
  });

  it("drops a 'Standalone question:' label and curly quotes", async () => {
    server().chatReply = "Standalone question: “Which tools does step 5 use?”";
    const { rewriter } = createRewriter();
    expect(await rewriter.rewrite("Which tools?", history)).toBe("Which tools does step 5 use?");
  });

  it("returns the message unchanged without a request when there is no history", async () => {
    const { rewriter, fallback } = createRewriter();
    expect(await rewriter.rewrite("What is DVC?", [])).toBe("What is DVC?");
    expect(server().requests).toEqual([]);
    expect(fallback.calls).toEqual([]);
  });

  it("asks the fallback when the server fails", async () => {
    server().behaviour = { status: 500 };
    const { rewriter, fallback } = createRewriter();
    expect(await rewriter.rewrite("How long does it take?", history)).toBe(
      "offline: How long does it take?",
    );
    expect(fallback.calls).toEqual([{ message: "How long does it take?", history }]);
    // No retry by default: the fallback is cheap and the rewrite delays every follow-up.
    expect(server().requests).toHaveLength(1);
  });

  it("asks the fallback when the server does not answer within timeoutMs", async () => {
    server().behaviour = { delayMs: 5_000 };
    const { rewriter, fallback } = createRewriter({ timeoutMs: 200 });
    const started = Date.now();
    expect(await rewriter.rewrite("And after that?", history)).toBe("offline: And after that?");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fallback.calls).toHaveLength(1);
    await vi.waitFor(() => expect(server().requests[0]?.aborted).toBe(true), { timeout: 2_000 });
  });

  it("asks the fallback when the reply is empty or malformed", async () => {
    server().chatReply = " \n ";
    const { rewriter, fallback } = createRewriter();
    expect(await rewriter.rewrite("And after that?", history)).toBe("offline: And after that?");
    server().behaviour = "garbage";
    expect(await rewriter.rewrite("And after that?", history)).toBe("offline: And after that?");
    expect(fallback.calls).toHaveLength(2);
  });

  it("asks the fallback when nothing listens on the base URL", async () => {
    const closed = await startFakeOpenAIServer();
    await closed.close();
    const { rewriter, fallback } = createRewriter({ baseURL: closed.url });
    expect(await rewriter.rewrite("And after that?", history)).toBe("offline: And after that?");
    expect(fallback.calls).toHaveLength(1);
  });

  it("rejects with the abort when the caller aborts, without asking the fallback", async () => {
    server().behaviour = { delayMs: 5_000 };
    const { rewriter, fallback } = createRewriter();
    const controller = new AbortController();
    const pending = rewriter.rewrite("And after that?", history, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(fallback.calls).toEqual([]);
  });
});
