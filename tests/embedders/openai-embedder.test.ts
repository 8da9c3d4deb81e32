import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { OpenAIEmbedder, type OpenAIEmbedderOptions } from "../../src/embedders/openai-embedder.ts";
import { EmbedderError } from "../../src/errors/embedder-error.ts";
import { startFakeOpenAIServer, useFakeOpenAIServer } from "../support/fake-openai-server.ts";
import { hashedBagOfWords } from "../support/hashed-bag-of-words.ts";
import { describeEmbedderContract } from "./embedder-contract.ts";

const apiKey = "sk-test-3f9c1e7a5b2d";
const serverDimensions = 32;
const server = useFakeOpenAIServer({ dimensions: serverDimensions });
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A local-server model: `dimensions` is not sent, so the server's own length comes back. */
function createEmbedder(options: OpenAIEmbedderOptions = {}): OpenAIEmbedder {
  return new OpenAIEmbedder({
    baseURL: server().url,
    apiKey,
    model: "nomic-embed-text",
    dimensions: serverDimensions,
    maxRetries: 0,
    ...options,
  });
}

/** Runs `promise`, expecting it to fail with an `EmbedderError`, and returns that error. */
async function embedderError(promise: Promise<unknown>): Promise<EmbedderError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(EmbedderError);
  return error as EmbedderError;
}

describeEmbedderContract("openai (fake server)", () => createEmbedder({ batchSize: 4 }), {
  semantic: false,
});

describe("OpenAIEmbedder", () => {
  it("names itself after the model and the dimension", () => {
    expect(new OpenAIEmbedder({ baseURL: server().url }).id).toBe(
      "openai:text-embedding-3-small@1536",
    );
    expect(createEmbedder({ dimensions: 768 }).id).toBe("openai:nomic-embed-text@768");
    expect(() => new OpenAIEmbedder({ baseURL: server().url, model: "nomic-embed-text" })).toThrow(
      /set dimensions.*"nomic-embed-text"/,
    );
  });

  it("sends ceil(n / batchSize) requests with the texts in order", async () => {
    const texts = Array.from({ length: 7 }, (_, index) => `chunk number ${index}`);
    const vectors = await createEmbedder({ batchSize: 3 }).embedDocuments(texts);

    const inputs = server().requests.map((request) => (request.body as { input: unknown }).input);
    expect(server().requests.map((request) => `${request.method} ${request.path}`)).toEqual(
      Array(3).fill("POST /v1/embeddings"),
    );
    expect(inputs).toEqual([texts.slice(0, 3), texts.slice(3, 6), texts.slice(6)]);
    texts.forEach((text, index) => {
      const expected = hashedBagOfWords(text, serverDimensions);
      vectors[index]?.forEach((value, position) => {
        expect(value).toBeCloseTo(expected[position] ?? Number.NaN, 6);
      });
    });
  });

  it("sends the configured model, the API key and the text unchanged", async () => {
    await createEmbedder().embedQuery("Step 5\n| Tool | Hours |");
    const [request] = server().requests;
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.body).toMatchObject({
      model: "nomic-embed-text",
      input: ["Step 5\n| Tool | Hours |"],
      encoding_format: "float",
    });
    // Servers other than OpenAI's text-embedding-3 models reject `dimensions`.
    expect(request?.body).not.toHaveProperty("dimensions");
  });

  it("asks text-embedding-3 models for the configured dimension", async () => {
    const embedder = createEmbedder({ model: "text-embedding-3-small", dimensions: 256 });
    const [vector] = await embedder.embedDocuments(["MLOps essentials"]);
    expect(server().requests[0]?.body).toMatchObject({
      model: "text-embedding-3-small",
      dimensions: 256,
    });
    expect(vector).toHaveLength(256);
  });

  it("sends a placeholder key to a custom server when no key is given", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-from-the-environment");
    await new OpenAIEmbedder({
      baseURL: server().url,
      model: "nomic-embed-text",
      dimensions: serverDimensions,
    }).embedQuery("hello");
    expect(server().requests[0]?.headers.authorization).toBe("Bearer not-needed");
  });

  it("refuses to start against OpenAI without a key", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    expect(() => new OpenAIEmbedder()).toThrow(/no API key for https:\/\/api\.openai\.com\/v1/);
  });

  it("turns an HTTP 500 into an EmbedderError naming the status, without the key", async () => {
    server().behaviour = { status: 500 };
    const error = await embedderError(createEmbedder().embedDocuments(["a text"]));
    expect(error.message).toContain(`${server().url} answered HTTP 500`);
    expect(error.message).not.toContain(apiKey);
    expect(error.message).not.toContain("\n");
    expect(server().requests).toHaveLength(1);
  });

  it("redacts the key when the upstream echoes it back", async () => {
    server().behaviour = {
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${apiKey}` } }),
    };
    const error = await embedderError(createEmbedder({ maxRetries: 2 }).embedQuery("a text"));
    expect(error.message).toMatch(/answered HTTP 401: Incorrect API key provided: \[redacted\]/);
    expect(inspect(error, { depth: 10 })).not.toContain(apiKey);
    // 401 is not worth retrying, whatever maxRetries says.
    expect(server().requests).toHaveLength(1);
  });

  it("retries a 503 and succeeds when the server recovers", async () => {
    server().behaviour = () => (server().requests.length === 1 ? { status: 503 } : "ok");
    const [vector] = await createEmbedder({ maxRetries: 1 }).embedDocuments(["retry me"]);
    expect(vector).toHaveLength(serverDimensions);
    expect(server().requests).toHaveLength(2);
  });

  it("turns malformed JSON into an EmbedderError", async () => {
    server().behaviour = "garbage";
    const error = await embedderError(createEmbedder().embedDocuments(["a text"]));
    expect(error.message).toMatch(/sent a malformed response/);
    expect(error.message).toContain(server().url);
  });

  it("turns a well-formed reply with missing vectors into an EmbedderError", async () => {
    server().behaviour = { status: 200, body: JSON.stringify({ object: "list", data: [] }) };
    const error = await embedderError(createEmbedder().embedDocuments(["a", "b"]));
    expect(error.message).toMatch(/sent a malformed response/);
  });

  it("gives up on a stalled server after timeoutMs", async () => {
    server().behaviour = { delayMs: 10_000 };
    const started = Date.now();
    const error = await embedderError(createEmbedder({ timeoutMs: 300 }).embedQuery("slow"));
    expect(error.message).toContain(`${server().url} did not answer within 300 ms`);
    // Bounded well below the server's 10 s stall; not a latency measurement.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("names the cause when nothing listens on the base URL", async () => {
    const closed = await startFakeOpenAIServer();
    await closed.close();
    const error = await embedderError(
      createEmbedder({ baseURL: closed.url }).embedDocuments(["a text"]),
    );
    expect(error.message).toContain(`could not reach ${closed.url} (ECONNREFUSED)`);
  });

  it("rejects vectors of the wrong length, saying expected and actual", async () => {
    const error = await embedderError(createEmbedder({ dimensions: 16 }).embedQuery("a text"));
    expect(error.message).toContain(
      `returned a ${serverDimensions}-dimensional vector; expected 16`,
    );
  });
});

describe("fake OpenAI server", () => {
  it("lists models", async () => {
    const response = await fetch(`${server().url}/models`);
    const body = (await response.json()) as { object: string; data: Array<{ id: string }> };
    expect(response.status).toBe(200);
    expect(body.object).toBe("list");
    expect(body.data.map((model) => model.id)).toContain("text-embedding-3-small");
  });

  it("answers base64 requests with the same vectors as float requests", async () => {
    const post = async (encoding: "float" | "base64") => {
      const response = await fetch(`${server().url}/embeddings`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: "m", input: "data analyst", encoding_format: encoding }),
      });
      return (await response.json()) as { data: Array<{ index: number; embedding: unknown }> };
    };
    const float = (await post("float")).data[0]?.embedding as number[];
    const base64 = Buffer.from((await post("base64")).data[0]?.embedding as string, "base64");
    const decoded = Array.from(
      new Float32Array(base64.buffer, base64.byteOffset, base64.length / 4),
    );
    expect(float).toEqual(hashedBagOfWords("data analyst", serverDimensions));
    decoded.forEach((value, index) => {
      expect(value).toBeCloseTo(float[index] ?? Number.NaN, 6);
    });
  });

  it("places texts that share words closer than texts that do not", () => {
    const dot = (left: number[], right: number[]) =>
      left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
    const anchor = hashedBagOfWords("deploy a model with FastAPI", 256);
    const related = hashedBagOfWords("deploy the model", 256);
    const unrelated = hashedBagOfWords("grandmother bakes apple pie", 256);
    expect(dot(anchor, related)).toBeGreaterThan(dot(anchor, unrelated));
  });

  it("rejects empty input like the real API, and unknown routes with 404", async () => {
    const empty = await fetch(`${server().url}/embeddings`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "m", input: [""] }),
    });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/);
    const missing = await fetch(`${server().url}/nothing-here`);
    expect(missing.status).toBe(404);
    await missing.body?.cancel();
  });
});
