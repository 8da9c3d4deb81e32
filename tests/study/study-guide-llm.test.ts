import { describe, expect, it } from "vitest";
import { LlmGuideWriter } from "../../src/study/internal/llm-guide-writer.ts";
import { studyGuide } from "../../src/study/study-guide.ts";
import { useFakeOpenAIServer } from "../support/fake-openai-server.ts";
import { committedChunks } from "./study-fixtures.ts";

const server = useFakeOpenAIServer();
const chunks = committedChunks();

function writer(failures: string[] = []): LlmGuideWriter {
  return new LlmGuideWriter({
    model: "fake-chat",
    baseURL: server().url,
    apiKey: "sk-test",
    timeoutMs: 5000,
    onFailure: (detail) => failures.push(detail),
  });
}

describe("the LLM study guide", () => {
  it("is written from the step's numbered passages, markers checked and renumbered", async () => {
    server().chatReply =
      "## Key ideas\n- Docker packages the model into a container [5].\n- A made-up claim [99].\n- The overview [1].";
    const guide = await studyGuide(chunks, 5, { writer: writer() });
    expect(guide?.generator).toBe("openai:fake-chat");
    expect(guide?.droppedCitations).toBe(1);
    expect(guide?.markdown).toBe(
      "## Key ideas\n- Docker packages the model into a container [1].\n- A made-up claim.\n- The overview [2].",
    );
    expect(guide?.citations.map((citation) => citation.n)).toEqual([1, 2]);
    expect(guide?.citations[1]?.section).toBe("12-Month Machine Learning Roadmap");
    // The passages went to the model as data, with the step named.
    const request = server().requests.at(-1)?.body as { messages: Array<{ content: string }> };
    const user = request.messages.at(-1)?.content ?? "";
    expect(user).toContain('<passage n="1"');
    expect(user).toContain("Write the study guide for Step 5: Learn Model Deployment and MLOps");
  });

  it("falls back to the extractive guide with a notice when the model fails", async () => {
    server().behaviour = { status: 500 };
    const failures: string[] = [];
    const guide = await studyGuide(chunks, 2, { writer: writer(failures) });
    expect(guide?.generator).toBe("extractive");
    expect(guide?.notices).toEqual([
      "The language model could not write the guide; showing the extractive guide instead.",
    ]);
    expect(failures[0]).toContain("HTTP 500");
    expect(failures[0]).not.toContain("sk-test");
  });

  it("falls back when the model's guide cites no shown passage", async () => {
    server().chatReply = "A guide without any markers, or only [42].";
    const guide = await studyGuide(chunks, 1, { writer: writer() });
    expect(guide?.generator).toBe("extractive");
    expect(guide?.notices?.[0]).toContain("cited none of the step's passages");
  });
});
