import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "./test-server.ts";

let client: OpenAI;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ url, close } = await startTestServer());
  client = new OpenAI({ baseURL: `${url}/v1`, apiKey: "not-needed", maxRetries: 0 });
});

afterAll(async () => {
  await close();
});

describe("the official openai client against /v1", () => {
  it("lists the assistant as a model", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(["study-assistant"]);
  });

  it("gets a non-streaming completion with a Sources list and citations", async () => {
    const completion = await client.chat.completions.create({
      model: "study-assistant",
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Which hyperparameters matter for XGBoost?" },
      ],
    });
    const content = completion.choices[0]?.message.content ?? "";
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(content).toContain("learning_rate, n_estimators, max_depth");
    expect(content).toMatch(
      /\n\nSources:\n\[1\] Step 2: Learn Core Machine Learning Algorithms > Machine Learning Algorithm Comparison Table — corpus\/roadmap\.md/,
    );
    const extra = completion as unknown as {
      citations: Array<{ n: number }>;
      refused: boolean;
      understood_as: string;
    };
    expect(extra.refused).toBe(false);
    expect(extra.citations[0]?.n).toBe(1);
    expect(extra.understood_as).toBe("Which hyperparameters matter for XGBoost?");
  });

  it("streams a completion ending with the Sources list", async () => {
    const stream = await client.chat.completions.create({
      model: "study-assistant",
      stream: true,
      messages: [{ role: "user", content: "Which hyperparameters matter for XGBoost?" }],
    });
    const deltas: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) deltas.push(choice.delta.content);
      if (choice?.finish_reason) finish = choice.finish_reason;
    }
    const text = deltas.join("");
    expect(deltas.length).toBeGreaterThan(2);
    expect(finish).toBe("stop");
    expect(text).toContain("learning_rate, n_estimators, max_depth");
    expect(text).toMatch(/\n\nSources:\n\[\d\] /);
  });

  it("uses earlier messages as the conversation for follow-ups", async () => {
    const completion = await client.chat.completions.create({
      model: "study-assistant",
      messages: [
        { role: "user", content: "Which hyperparameters matter for XGBoost?" },
        { role: "assistant", content: "learning_rate, n_estimators, max_depth [1]" },
        { role: "user", content: "what about LightGBM?" },
      ],
    });
    expect(completion.choices[0]?.message.content).toContain("num_leaves, learning_rate");
  });

  it("reports bad requests in OpenAI's error shape", async () => {
    await expect(
      client.chat.completions.create({ model: "study-assistant", messages: [] }),
    ).rejects.toMatchObject({
      status: 400,
      error: { type: "invalid_request_error", code: "invalid_request" },
    });
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "assistant", content: "hi" }] }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("the last message must be the user's question");
  });
});
