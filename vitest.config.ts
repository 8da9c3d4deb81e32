import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // Real models (Universal Sentence Encoder, a generated ONNX model) load in these tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
