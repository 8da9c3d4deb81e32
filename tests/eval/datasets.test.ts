import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type EvalItem, listQaDatasets, readDataset } from "../../src/eval/dataset.ts";
import { DEFAULT_CALIBRATION_FILE, readCalibrationSet } from "../../src/eval/judge/calibration.ts";
import { projectPath } from "../support/project-root.ts";
import { TempDir } from "../support/temp-dir.ts";

const KINDS: EvalItem["kind"][] = [
  "fact",
  "table",
  "multi",
  "numeric",
  "paraphrase",
  "unanswerable",
  "trap",
];
const datasetDir = projectPath("eval/datasets");
/** QA datasets: every JSONL file of the folder except the judge's calibration pairs. */
const datasetFiles = readdirSync(datasetDir)
  .filter((name) => name.endsWith(".jsonl") && name !== path.basename(DEFAULT_CALIBRATION_FILE))
  .sort();
/** All corpus Markdown, so evidence may come from tutorials added later. */
const corpusTexts = readdirSync(projectPath("corpus"), { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".md"))
  .map((name) => readFileSync(projectPath("corpus", name), "utf8"));

describe("eval datasets", () => {
  it("include a dev set and a held-out set", () => {
    expect(datasetFiles).toEqual(
      expect.arrayContaining(["roadmap-dev.jsonl", "roadmap-heldout.jsonl"]),
    );
  });

  it("use ids that are unique across all datasets", async () => {
    const ids: string[] = [];
    for (const name of datasetFiles) {
      ids.push(...(await readDataset(path.join(datasetDir, name))).map((item) => item.id));
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(datasetFiles)("%s", (name) => {
    const load = () => readDataset(path.join(datasetDir, name));

    it("parses, one item per non-empty line, with unique ids", async () => {
      const items = await load();
      const lines = readFileSync(path.join(datasetDir, name), "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "");
      expect(items).toHaveLength(lines.length);
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      for (const item of items) expect(item.question.trim()).not.toBe("");
    });

    it("quotes every evidence string exactly from the corpus", async () => {
      const items = await load();
      const missing = items.flatMap((item) =>
        item.evidence
          .filter((evidence) => !corpusTexts.some((text) => text.includes(evidence)))
          .map((evidence) => `${item.id}: ${evidence}`),
      );
      expect(missing).toEqual([]);
    });

    it("gives answerable items evidence and unanswerable items none", async () => {
      for (const item of await load()) {
        if (item.answerable) {
          expect(item.evidence.length, item.id).toBeGreaterThan(0);
          expect(item.answer, item.id).not.toBe("NOT_IN_CORPUS");
          expect(item.kind, item.id).not.toBe("unanswerable");
        } else {
          expect(item.evidence, item.id).toEqual([]);
          expect(item.answer, item.id).toBe("NOT_IN_CORPUS");
          expect(item.kind, item.id).toBe("unanswerable");
        }
      }
    });

    it("covers every kind of question", async () => {
      const kinds = new Set((await load()).map((item) => item.kind));
      expect([...kinds].sort()).toEqual([...KINDS].sort());
    });
  });

  it("has a dev set of at least 80 questions, 15 of them unanswerable", async () => {
    const items = await readDataset(path.join(datasetDir, "roadmap-dev.jsonl"));
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(items.filter((item) => !item.answerable).length).toBeGreaterThanOrEqual(15);
  });
});

describe("judge calibration set", () => {
  it("holds at least 200 labelled pairs of both labels, with unique ids and the perturbation kinds", async () => {
    const pairs = await readCalibrationSet(projectPath(DEFAULT_CALIBRATION_FILE));
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
    expect(pairs.some((pair) => pair.supported)).toBe(true);
    expect(pairs.some((pair) => !pair.supported)).toBe(true);
    const kinds = new Set(pairs.map((pair) => pair.kind));
    for (const kind of [
      "paraphrase",
      "partial",
      "number",
      "duration",
      "tool-swap",
      "negation",
      "fabrication",
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it("is not taken for a QA dataset by the eval", async () => {
    const { files, skipped } = await listQaDatasets(datasetDir);
    expect(files.map((file) => path.basename(file)).sort()).toEqual(datasetFiles);
    expect(skipped.map((file) => path.basename(file))).toContain("judge-calibration.jsonl");
  });
});

describe("readDataset errors", () => {
  let temp: TempDir | undefined;
  afterEach(async () => {
    await temp?.remove();
    temp = undefined;
  });

  const valid = {
    id: "t1",
    question: "What is DVC?",
    answerable: true,
    evidence: ["Data and model version control"],
    answer: "A data version control tool.",
    kind: "fact",
  };

  it("names the file and line of a line that is not JSON", async () => {
    temp = await TempDir.create();
    const file = await temp.write("bad.jsonl", `${JSON.stringify(valid)}\n{not json\n`);
    await expect(readDataset(file)).rejects.toThrow(`${file}:2: not valid JSON`);
  });

  it("names the field of an item that breaks the schema", async () => {
    temp = await TempDir.create();
    const file = await temp.write(
      "bad.jsonl",
      `${JSON.stringify({ ...valid, kind: "opinion" })}\n`,
    );
    await expect(readDataset(file)).rejects.toThrow(new RegExp(`${file}:1: kind`));
  });

  it("skips blank lines", async () => {
    temp = await TempDir.create();
    const file = await temp.write("ok.jsonl", `\n${JSON.stringify(valid)}\n\n`);
    expect(await readDataset(file)).toEqual([valid]);
  });
});
