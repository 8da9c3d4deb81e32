import os from "node:os";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { ConfigError } from "../src/errors/config-error.ts";

/** The ConfigError loadConfig throws for these settings. */
function configError(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${Object.keys(environment).join(", ")}`);
}

describe("setting errors never print the rejected value", () => {
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ["a short ADMIN_TOKEN", { ADMIN_TOKEN: "hunter2-secret" }, "hunter2-secret", /ADMIN_TOKEN/],
    [
      "an OPENAI_BASE_URL that is not a URL",
      { OPENAI_BASE_URL: "http://user:pa55word@llm internal/v1" },
      "pa55word",
      /OPENAI_BASE_URL/,
    ],
    [
      "an OPENAI_API_KEY with another bad setting",
      { OPENAI_API_KEY: "sk-live-0123456789", PORT: "sk-live-0123456789" },
      "sk-live-0123456789",
      /PORT/,
    ],
    ["an unknown embedder", { EMBEDDER: "word2vec-secret" }, "word2vec-secret", /EMBEDDER/],
  ];

  it.each(cases)("%s: names the setting and the rule only", (_name, environment, secret, name) => {
    const error = configError(environment);
    expect(error.message).toMatch(name);
    expect(error.message).not.toContain(secret);
    expect(error.message).toMatch(/invalid setting: \w+: .+/);
  });

  it("says what is allowed", () => {
    expect(configError({ ADMIN_TOKEN: "short" }).message).toContain(
      "ADMIN_TOKEN: use at least 16 characters",
    );
    expect(configError({ EMBEDDER: "x" }).message).toMatch(/EMBEDDER: .*"use"/);
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["127.0.0.1", "127.0.0.1"],
    ["10.0.0.0/8, 192.168.1.7", "10.0.0.0/8,192.168.1.7"],
    ["::1", "::1"],
    ["fd00::/8", "fd00::/8"],
    ["loopback", "loopback"],
    ["loopback,uniquelocal", "loopback,uniquelocal"],
  ] as const)("accepts %s", (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it("is off when unset", () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
  });

  it.each(["true", "yes", "*", "proxy.example.com", "10.0.0.0/33", "-1", "1.5", "300.1.1.1"])(
    "rejects %s, saying what is allowed",
    (value) => {
      const message = configError({ TRUST_PROXY: value }).message;
      expect(message).toMatch(/TRUST_PROXY: /);
      expect(message).toMatch(/hop count/);
      expect(message).toMatch(/address/);
    },
  );

  it("explains why true is refused", () => {
    expect(configError({ TRUST_PROXY: "true" }).message).toMatch(/X-Forwarded-For/);
  });
});

describe("answer limits", () => {
  it("has defaults that bound the work the server accepts", () => {
    const config = loadConfig({});
    expect(config.MAX_CONCURRENT_ANSWERS).toBeGreaterThan(0);
    expect(config.MAX_QUEUED_ANSWERS).toBeGreaterThanOrEqual(0);
    expect(config.ANSWER_QUEUE_TIMEOUT_MS).toBeGreaterThan(0);
    expect(config.ANSWER_QUEUE_TIMEOUT_MS).toBeLessThan(5000);
    expect(config.MAX_ANSWER_CHARS).toBeGreaterThanOrEqual(1000);
  });

  it("rejects a limit of 0 concurrent answers", () => {
    expect(configError({ MAX_CONCURRENT_ANSWERS: "0" }).message).toMatch(
      /MAX_CONCURRENT_ANSWERS: /,
    );
  });
});

describe("embedding workers and caches", () => {
  it("defaults to one embedding worker per core, and none under tests", () => {
    expect(loadConfig({}).EMBED_WORKERS).toBe(os.availableParallelism());
    expect(loadConfig({ VITEST: "true" }).EMBED_WORKERS).toBe(0);
    expect(loadConfig({ NODE_ENV: "test", EMBED_WORKERS: "3" }).EMBED_WORKERS).toBe(3);
  });

  it("rejects out-of-range pool and cache sizes, naming the variable", () => {
    expect(configError({ EMBED_WORKERS: "-1" }).message).toMatch(/EMBED_WORKERS: /);
    expect(configError({ ANSWER_CACHE_ENTRIES: "many" }).message).toMatch(/ANSWER_CACHE_ENTRIES: /);
    expect(configError({ ANSWER_CACHE_MB: "0" }).message).toMatch(/ANSWER_CACHE_MB: /);
    expect(configError({ EMBEDDING_CACHE_ENTRIES: "1.5" }).message).toMatch(
      /EMBEDDING_CACHE_ENTRIES: /,
    );
  });
});
