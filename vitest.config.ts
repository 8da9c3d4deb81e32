import { defineConfig } from "vitest/config";

/**
 * Suites that need the real index of the corpus, a real model, a server or a CLI process; the
 * rest is the `unit` project (`npm test -- --project unit`, under 20 s of vitest on 2 cores).
 */
const INTEGRATION = [
  "tests/e2e/**/*.test.ts",
  "tests/browser/chat-page.test.ts",
  "tests/browser/study-page.test.ts",
  "tests/cli/**/*.test.ts",
  "tests/server/**/*.test.ts",
  "tests/eval/eval-cli.test.ts",
  "tests/eval/release-gate.test.ts",
  "tests/eval/local-judge.test.ts",
  "tests/answer/offline-question-rewriter.test.ts",
  "tests/understanding/learner-lexicon-as-understood.test.ts",
  "tests/embedders/use-embedder.test.ts",
  "tests/embedders/transformers-embedder.test.ts",
  "tests/embedders/pooled-embedder.test.ts",
  "tests/ingest/**/*.test.ts",
  "tests/study/plan-api.test.ts",
  "tests/study/plan-cli.test.ts",
  // Learners' progress: a PostgreSQL cluster, a killed child process, HTTP servers.
  "tests/study/progress-store.test.ts",
  "tests/study/progress-crash.test.ts",
  "tests/study/progress-routes.test.ts",
  // Study steps, guides and cards: HTTP servers, the fake OpenAI server, the CLI.
  "tests/study/study-routes.test.ts",
  "tests/study/study-guide-llm.test.ts",
  "tests/study/study-cli.test.ts",
  // Shared state across replicas: a real redis-server per file, HTTP servers.
  "tests/shared-state/redis-*.test.ts",
  "tests/shared-state/reindex-announcements.test.ts",
  // Redis, PostgreSQL, three replicas and nginx (npm run cluster), started once for the file.
  "tests/cluster/cluster.test.ts",
];

export default defineConfig({
  test: {
    // Real models (Universal Sentence Encoder, a generated ONNX model) load in these tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Both cores: the default leaves one free, and most suites wait on I/O or child processes.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: INTEGRATION,
          // The same: the tagger, dictionary and word lists load once per worker, not per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: INTEGRATION,
          // Files share a worker's module cache, so the model and TF.js load once per worker.
          isolate: false,
          // Shares the committed index (or builds one when it is stale) with every suite.
          globalSetup: ["tests/global-setup.ts"],
        },
      },
    ],
  },
});
