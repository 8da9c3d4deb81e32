import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Report, reportSchema } from "../../src/eval/report/report-schema.ts";
import { projectPath } from "../support/project-root.ts";
import { type CliResult, runCliInProcess as runCli } from "../support/run-cli-in-process.ts";
import { TempDir } from "../support/temp-dir.ts";

const dataset = projectPath("tests/fixtures/eval/small-qa.jsonl");
const calibration = projectPath("tests/fixtures/eval/judge-calibration.jsonl");
/** No LLM settings leak in from the environment: the eval must run offline. */
const offline = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "" };

async function readReport(directory: string): Promise<Report> {
  return reportSchema.parse(JSON.parse(await readFile(`${directory}/report.json`, "utf8")));
}

describe("npm run eval (the CLI, in-process)", () => {
  let temp: TempDir;
  let passing: CliResult;
  let failing: CliResult;

  beforeAll(async () => {
    temp = await TempDir.create();
    const index = inject("sharedIndexDir");
    const common = ["--index", index, "eval", "--dataset", dataset, "--calibration", calibration];
    passing = await runCli([...common, "--out", temp.join("first")], { env: offline });
    const impossible = await temp.write(
      "impossible.json",
      JSON.stringify({
        faithfulness: { min: 1.01 },
        recallAt5: { min: 1.01 },
        latencyP50Ms: { max: 0 },
        judgeBalancedAccuracy: { min: 1.01 },
      }),
    );
    // The naive pipeline indexes the corpus itself: one tutorial instead of the whole corpus keeps
    // that quick (the assertions below are about its shape, not its scores).
    const naiveCorpus = await temp.write(
      "naive-corpus/mlops-roadmap.md",
      await readFile(projectPath("corpus/tutorials/mlops-roadmap.md"), "utf8"),
    );
    failing = await runCli(
      [
        "--corpus",
        path.dirname(naiveCorpus),
        ...common,
        "--out",
        temp.join("second"),
        "--thresholds",
        impossible,
        "--baseline",
        temp.join("first", "report.json"),
        "--compare-naive",
      ],
      { env: offline },
    );
  }, 120_000);

  afterAll(async () => {
    await temp?.remove();
  });

  it("exits 0 when the real thresholds hold, and prints the summary and the gate", () => {
    expect(passing.stderr).not.toMatch(/error/);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toMatch(/^retrieval\s+n\s+R@1/m);
    expect(passing.stdout).toMatch(
      /Judge local on .*judge-calibration.jsonl \(52 pairs\): balanced accuracy/,
    );
    expect(passing.stdout).toMatch(/Gate: PASSED/);
  });

  it("writes report.json (valid against the schema), report.md and a self-contained report.html", async () => {
    const report = await readReport(temp.join("first"));
    expect(report.questions).toHaveLength(8);
    expect(report.config).toMatchObject({
      generator: "extractive",
      judge: "local",
      compareNaive: false,
    });
    expect(report.judge.pairs).toBe(52);
    expect(report.gate.passed).toBe(true);
    expect(report.metrics.faithfulness).toBe(1);
    const markdown = await readFile(temp.join("first", "report.md"), "utf8");
    expect(markdown).toMatch(/## Gate: PASSED/);
    const html = await readFile(temp.join("first", "report.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<svg");
    // Self-contained: nothing is loaded from elsewhere.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toContain("<script>alert");
  });

  it("exits 1 naming every breached threshold, the judge floor included", () => {
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/Gate: FAILED — 4 thresholds breached/);
    for (const metric of ["faithfulness", "recallAt5", "latencyP50Ms", "judgeBalancedAccuracy"]) {
      expect(failing.stdout).toMatch(
        new RegExp(`- ${metric} .* (below the minimum|above the maximum)`),
      );
    }
  });

  it("compares with the baseline report and runs the naive LangChain pipeline side by side", async () => {
    const report = await readReport(temp.join("second"));
    expect(report.gate.passed).toBe(false);
    expect(report.baseline?.file).toBe(temp.join("first", "report.json"));
    expect(report.baseline?.deltas.faithfulness).toMatchObject({
      baseline: 1,
      current: 1,
      delta: 0,
      worse: false,
    });
    expect(report.naive?.questions).toHaveLength(8);
    expect(report.naive?.metrics.refusalRecall).toBe(0);
    expect(report.naive?.questions.every((question) => question.shown.length === 4)).toBe(true);
    expect(failing.stdout).toMatch(/Ours vs naive baseline/);
    expect(failing.stdout).toMatch(/Compared with .*first\/report.json/);
    expect((await stat(temp.join("second", "report.html"))).size).toBeGreaterThan(1000);
  });

  it("refuses --judge llm without a model, in one line, before loading anything", async () => {
    const result = await runCli(["eval", "--dataset", dataset, "--judge", "llm"], { env: offline });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(
      /--judge llm needs a chat model: set OPENAI_API_KEY .* or OPENAI_BASE_URL/,
    );
  });
});
