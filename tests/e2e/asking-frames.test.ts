import { beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/answer/assistant.ts";
import { corpusAssistant } from "../support/corpus-assistant.ts";

/**
 * The words learners wrap a topic in ("can someone explain …", "… in a nutshell") ask how to
 * answer, not what about: each frame around a topic the material explains is answered from a
 * passage that names the topic.
 */
describe("asking frames around a topic", () => {
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = await corpusAssistant();
  });

  const frames = [
    "explain X",
    "can someone explain X",
    "help me understand X",
    "X in a nutshell",
    "whats the point of X",
  ];
  const topics = ["dropout", "data drift", "MLflow", "overfitting"];

  it.each(frames)("%j is answered for every topic", async (frame) => {
    for (const topic of topics) {
      const question = frame.replace("X", topic);
      const result = await assistant.ask(question);
      expect(result.refused, `${question}: ${result.refusalReason ?? ""}`).toBe(false);
      const cited = result.citations.map((citation) => citation.text.toLowerCase()).join(" ");
      expect(cited, question).toContain(topic.toLowerCase());
    }
  });

  // How-to requests wrapped in words the material never uses ("tips", "pointers").
  const howToFrames = ["any tips to X", "X tips", "pointers on how to X"];
  const tasks = [
    ["deploy a model", "deploy"],
    ["handle missing values", "missing"],
    ["track experiments", "experiment"],
  ];

  it.each(howToFrames)("%j is answered for every task", async (frame) => {
    for (const [task, word] of tasks) {
      const question = frame.replace("X", task as string);
      const result = await assistant.ask(question);
      expect(result.refused, `${question}: ${result.refusalReason ?? ""}`).toBe(false);
      const cited = result.citations.map((citation) => citation.text.toLowerCase()).join(" ");
      expect(cited, question).toContain(word);
    }
  });

  it.each([
    "what is dropout?? deadline tonight",
    "how do i handle missing values - my boss wants to know",
    "what does mlflow do, asking bc my teacher said so",
    "what is data drift, i am confused since morning",
    "how do i handle missing values (asking for my cousin)",
    "what is data drift for my viva",
    "my friend asked me how to avoid data leakage",
    "prof asked in the viva what is data drift",
    "what's uv, saw it in some yt video",
    "what is dvc? came across it on linkedin",
  ])("%j is answered: the aside names nothing the material covers", async (question) => {
    const result = await assistant.ask(question);
    expect(result.refused, result.refusalReason ?? "").toBe(false);
  });

  it.each([
    "what is dropout plz reply, viva is at 10am tomorrow",
    "viva in 1 hr 😰 what is data leakage?",
    "sorry to bother you before my viva: what is data drift?",
    "what is dropout - senior told me to ask here",
    "dropout for dummies",
    "quick intro to data drift",
  ])(
    "%j is answered: time, emoji, labels and requests of the answer name no topic",
    async (question) => {
      const result = await assistant.ask(question);
      expect(result.refused, result.refusalReason ?? "").toBe(false);
    },
  );

  it.each([
    "can someone explain X",
    "tell me about X",
    "X explain",
    "what do you mean by X",
    "whats the deal with X",
    "give me the gist of X",
  ])("%j leads with the same definition as 'what is X'", async (frame) => {
    const bare = await assistant.ask("what is dropout");
    const lead = bare.answer.split("[1]")[0]?.trim() ?? "";
    expect(lead).toMatch(/^Dropout /);
    const framed = await assistant.ask(frame.replace("X", "dropout"));
    expect(framed.answer.startsWith(lead), framed.answer).toBe(true);
  });

  it.each([
    ["what is ML", /^Machine Learning is a branch of artificial intelligence/],
    ["ML meaning in one line?", /^Machine Learning is a branch of artificial intelligence/],
    ["what is DL", /^Deep Learning is a subset of ML/],
    ["what is deep learning", /^Deep Learning is a subset of ML/],
  ])("%j leads with the sentence that says what it is", async (question, lead) => {
    const result = await assistant.ask(question);
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(result.answer).toMatch(lead);
  });

  it.each([
    "why is pytorch recommended for deep learning",
    "why is everyone pushing pytorch for the deep learning part, whats the reasoning",
  ])("%j leads with the reason, not the row that names PyTorch", async (question) => {
    const result = await assistant.ask(question);
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(result.answer).toMatch(/^PyTorch is recommended for most learners in 2026 because/);
  });

  it("keeps a row whose column the question asks for ('any downside' → its limitation)", async () => {
    const result = await assistant.ask("y not just use transformers for everything? any downside");
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(result.answer).toMatch(/^Transformers — limitation: /);
  });

  it("leads with the reason that holds nearly all of the question's words", async () => {
    const result = await assistant.ask(
      "why does everyone keep telling me to learn SQL for ML? i thought sql was an analyst thing",
    );
    expect(result.refused, result.refusalReason ?? "").toBe(false);
    expect(result.answer).toMatch(/^SQL is especially important because/);
  });
});

describe("a definition asked with 'involve' and where to look", () => {
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = await corpusAssistant();
  });

  it.each([
    "What does responsible AI involve?",
    "What does responsible AI involve according to the future trends section?",
  ])("%j quotes what responsible AI is, not the list naming it", async (question) => {
    const result = await assistant.ask(question);
    expect(result.answer).toMatch(/^Responsible AI: Fairness, explainability/);
  });
});
