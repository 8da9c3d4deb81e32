import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { answerSchema } from "../e2e/answer-schema.ts";
import { projectRoot, runCli } from "../support/run-cli.ts";
import { runCliInProcess } from "../support/run-cli-in-process.ts";

let workDir: string;
let indexDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "study-assistant-cli-"));
  // A private copy of the shared index, so tests that damage it do not disturb others.
  indexDir = path.join(workDir, "index");
  await cp(inject("sharedIndexDir"), indexDir, { recursive: true });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const env = () => ({ INDEX_DIR: indexDir });

/** Runs of the real binary; everything else runs the same code in-process. */
describe("the real binary (bin/study-assistant.js)", () => {
  it("answers with numbered sources, and stops quietly when the reader goes away (`ask … | head -1`)", async () => {
    const input = path.join(workDir, "many.txt");
    await writeFile(input, "Which hyperparameters matter for XGBoost?\n".repeat(10));
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "bin/study-assistant.js"), "ask", "--input", input, "--json"],
      { env: { ...process.env, ...env(), CI: "true" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    // Like `head -1`: read the first answer, then close the pipe.
    let first = "";
    child.stdout.on("data", (chunk) => {
      first += String(chunk);
      if (first.includes("\n")) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(first.split("\n")[0] ?? ""));
    expect(answer.answer).toMatch(/XGBoost — key hyperparameters: .* \[1\]/);
    expect(answer.citations[0]?.n).toBe(1);
  }, 60_000);

  it("reports bad input on one line of stderr with exit code 2, never a stack trace", async () => {
    const result = await runCli(["ask", ""], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: the question is empty; ask something about the roadmap\n");
  });
});

describe("ask", () => {
  it("prints a readable answer with numbered sources", async () => {
    const result = await runCliInProcess(["ask", "Which hyperparameters matter for XGBoost?"], {
      env: env(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /XGBoost — key hyperparameters: learning_rate, n_estimators, max_depth; python implementation: xgboost\.XGBClassifier \[1\]/,
    );
    expect(result.stdout).toMatch(
      /Sources:\n\[1\] Step 2: Learn Core Machine Learning Algorithms > Machine Learning Algorithm Comparison Table \(corpus\/roadmap\.md\)/,
    );
  });

  it("prints one JSON object in the DESIGN.md shape with --json", async () => {
    const result = await runCliInProcess(
      ["ask", "--json", "Which hyperparameters matter for XGBoost?"],
      {
        env: env(),
      },
    );
    expect(result.code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(result.stdout));
    expect(answer.refused).toBe(false);
    expect(answer.retrieved).toHaveLength(10);
    expect(answer.answer).toContain("learning_rate, n_estimators, max_depth");
    // Every marker in the text has a citation and every citation is used.
    const markers = new Set(
      [...answer.answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])),
    );
    expect([...markers].sort()).toEqual(answer.citations.map((citation) => citation.n));
  });

  it("refuses a question the roadmap does not cover, with the closest topics", async () => {
    const result = await runCliInProcess(
      ["ask", "--json", "What are the H-1B visa requirements for ML engineers?"],
      {
        env: env(),
      },
    );
    const answer = answerSchema.parse(JSON.parse(result.stdout));
    expect(answer.refused).toBe(true);
    expect(answer.citations).toEqual([]);
    expect(answer.answer).toMatch(/don't cover this .*Closest topics it does cover: /);
  });

  it("answers every line of a JSONL file, echoing ids, loading models once", async () => {
    const input = path.join(workDir, "questions.jsonl");
    await writeFile(
      input,
      [
        JSON.stringify({ id: "a", question: "What is MLflow for?" }),
        "not json",
        JSON.stringify({ id: "b", question: "   " }),
        JSON.stringify({
          id: "c",
          question: "How long does a complete beginner need to become interview-ready?",
        }),
        JSON.stringify({
          id: "d",
          question: "and its key hyperparameters?",
          history: [
            { role: "user", content: "what is xgboost good for" },
            { role: "assistant", content: "High-performance structured data. [1]" },
          ],
        }),
      ].join("\n"),
    );
    const result = await runCliInProcess(["ask", "--input", input, "--json"], { env: env() });
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(answerSchema.parse(lines[0]).id).toBe("a");
    expect(lines[1]).toEqual({ error: "line 2: not valid JSON" });
    expect(lines[2]).toEqual({
      id: "b",
      error: "the question is empty; ask something about the roadmap",
    });
    const timeline = answerSchema.parse(lines[3]);
    expect(timeline.id).toBe("c");
    expect(timeline.answer).toContain("12–18 months");
    // A line with a conversation is answered as a follow-up of it.
    const followUp = lines[4] as { id: string; standaloneQuestion?: string; answer: string };
    expect(followUp.id).toBe("d");
    expect(followUp.standaloneQuestion).toMatch(/xgboost/i);
    expect(followUp.answer).toContain("learning_rate");
  });

  it("answers a .txt file with one question per line, the line number as id", async () => {
    const input = path.join(workDir, "questions.txt");
    await writeFile(input, "which cert shud i get tbh\r\n\nWhat is MLflow for?\n");
    const result = await runCliInProcess(["ask", "--input", input, "--json"], { env: env() });
    expect(result.code).toBe(0);
    const answers = result.stdout
      .trim()
      .split("\n")
      .map((line) => answerSchema.parse(JSON.parse(line)));
    expect(answers.map((answer) => answer.id)).toEqual(["1", "3"]);
    expect(answers[0]?.question).toBe("which cert shud i get tbh");
    expect(answers[1]?.answer).toMatch(/MLflow/);
  });

  it("fails with exit code 2 and says what the file should hold when no line is JSON", async () => {
    const input = path.join(workDir, "plain-lines.jsonl");
    await writeFile(input, "what is mlflow\nwhat is dvc\n");
    const result = await runCliInProcess(["ask", "--input", input, "--json"], { env: env() });
    expect(result.code).toBe(2);
    // Each line still gets its error object, then one line says what to give instead.
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual([{ error: "line 1: not valid JSON" }, { error: "line 2: not valid JSON" }]);
    expect(result.stderr).toMatch(
      /no line of .*plain-lines\.jsonl is a \{"id", "question"\} JSON object; give a \.jsonl file of such lines, or a \.txt file with one question per line/,
    );
  });
});

describe("bad input gets a one-line error, never a stack trace", () => {
  it.each([
    [["ask", ""], 2, "the question is empty"],
    [["ask", "x".repeat(100_000)], 2, "the question is 100,000 characters; the limit is 2,000"],
    [
      ["ask", "--input", "/nonexistent/questions.jsonl"],
      2,
      "cannot read /nonexistent/questions.jsonl",
    ],
  ])("%j", async (args, code, message) => {
    const result = await runCliInProcess(args as string[], { env: env() });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("answers control and zero-width characters as the cleaned question", async () => {
    const result = await runCliInProcess(
      ["ask", "--json", "What\u200b is\u0007 DVC\u202e used for?"],
      {
        env: env(),
      },
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).question).toBe("What is DVC used for?");
  });

  it("reports a corrupt index clearly and leaves it as it was", async () => {
    const damaged = path.join(workDir, "damaged");
    await cp(indexDir, damaged, { recursive: true });
    const version = (await readFile(path.join(damaged, "CURRENT"), "utf8")).trim();
    const manifest = path.join(damaged, version, "manifest.json");
    await writeFile(manifest, "{ not json");
    const result = await runCliInProcess(["ask", "What is DVC?"], { env: { INDEX_DIR: damaged } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /index in .* is damaged \(manifest\.json is not valid JSON\); rebuild it with `npm run ingest`/,
    );
    expect(await readFile(manifest, "utf8")).toBe("{ not json");
  });

  it("names both embedders when the index was built by another one", async () => {
    const other = path.join(workDir, "other-embedder");
    await cp(indexDir, other, { recursive: true });
    const version = (await readFile(path.join(other, "CURRENT"), "utf8")).trim();
    const manifestPath = path.join(other, version, "manifest.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    manifest.embedder = { id: "transformers:Xenova/bge-small-en-v1.5@quantized", dimensions: 384 };
    await writeFile(manifestPath, JSON.stringify(manifest));
    const result = await runCliInProcess(["ask", "What is DVC?"], { env: { INDEX_DIR: other } });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'built with embedder "transformers:Xenova/bge-small-en-v1.5@quantized" (384-d)',
    );
    expect(result.stderr).toContain(
      'configured embedder is "use:universal-sentence-encoder-en@0.2.0" (512-d)',
    );
    expect(result.stderr).toContain("npm run ingest");
  });

  it("rejects an invalid setting naming the variable and the allowed values", async () => {
    const result = await runCliInProcess(["ask", "What is DVC?"], {
      env: { ...env(), EMBEDDER: "word2vec" },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EMBEDDER="word2vec": .*"use"|'use'|use/);
  });
});

describe("ingest", () => {
  let corpusDir: string;
  let ingestIndex: string;

  beforeAll(async () => {
    corpusDir = path.join(workDir, "corpus");
    ingestIndex = path.join(workDir, "ingest-index");
    await cp(path.join(projectRoot, "corpus"), corpusDir, { recursive: true });
    await cp(indexDir, ingestIndex, { recursive: true });
  });

  it("--check passes for an up-to-date index and fails once a file changes", async () => {
    const options = { env: { INDEX_DIR: ingestIndex, CORPUS_DIR: corpusDir } };
    const fresh = await runCliInProcess(["ingest", "--check"], options);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain("up to date");
    const file = path.join(corpusDir, "roadmap.md");
    await writeFile(
      file,
      `${await readFile(file, "utf8")}\nA new closing paragraph about study habits.\n`,
    );
    const stale = await runCliInProcess(["ingest", "--check"], options);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("corpus/roadmap.md changed");
  });

  it("re-embeds only what changed and reports the counts as JSON", async () => {
    const result = await runCliInProcess(["ingest", "--json"], {
      env: { INDEX_DIR: ingestIndex, CORPUS_DIR: corpusDir },
    });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.embedded).toBeGreaterThanOrEqual(1);
    expect(summary.embedded).toBeLessThanOrEqual(2);
    expect(summary.reused).toBe(summary.chunkCount - summary.embedded);
  });

  it("refuses a corpus file that is not valid UTF-8, naming it, without touching the index", async () => {
    const bad = path.join(workDir, "bad-corpus");
    await cp(corpusDir, bad, { recursive: true });
    await writeFile(path.join(bad, "broken.md"), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]));
    const sources = JSON.parse(await readFile(path.join(bad, "sources.json"), "utf8"));
    sources.sources.push({ path: "broken.md" });
    await writeFile(path.join(bad, "sources.json"), JSON.stringify(sources));
    const before = await readFile(path.join(ingestIndex, "CURRENT"), "utf8");
    const result = await runCliInProcess(["ingest"], {
      env: { INDEX_DIR: ingestIndex, CORPUS_DIR: bad },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad-corpus/broken.md: is not valid UTF-8");
    expect(await readFile(path.join(ingestIndex, "CURRENT"), "utf8")).toBe(before);
  });
});
