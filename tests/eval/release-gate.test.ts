import { describe, expect, inject, it } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { readDataset } from "../../src/eval/dataset.ts";
import { DEFAULT_CALIBRATION_FILE } from "../../src/eval/judge/calibration.ts";
import { nameLexicon } from "../../src/eval/judge/internal/judge-text.ts";
import { LocalJudge } from "../../src/eval/judge/local-judge.ts";
import { reportSchema } from "../../src/eval/report/report-schema.ts";
import { runEvaluation } from "../../src/eval/run-eval.ts";
import { DEFAULT_THRESHOLDS_FILE, readThresholds } from "../../src/eval/thresholds.ts";
import { loadIndex } from "../../src/index/index-store.ts";

/**
 * The release gate in CI: the default offline pipeline on the dev set, judged by the local judge
 * (validated on the real calibration set), must hold every threshold of eval/thresholds.json.
 * `npm run eval` runs the same gate on every dataset and writes the reports.
 */
describe("release gate on the dev set", () => {
  it("passes with the committed thresholds and a validated judge", async () => {
    const embedder = new UseEmbedder();
    const index = await loadIndex(inject("sharedIndexDir"), embedder);
    const assistant = new Assistant({ index, embedder });
    const file = "eval/datasets/roadmap-dev.jsonl";
    const report = await runEvaluation({
      assistant,
      datasets: [{ file, items: await readDataset(file) }],
      judge: new LocalJudge({
        embedder,
        knownNames: nameLexicon(index.chunks.map((chunk) => chunk.text)),
      }),
      calibrationFile: DEFAULT_CALIBRATION_FILE,
      thresholds: {
        file: DEFAULT_THRESHOLDS_FILE,
        values: await readThresholds(DEFAULT_THRESHOLDS_FILE),
      },
      generatorId: assistant.generator.id,
      embedderId: embedder.id,
    });
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.judge.error).toBeUndefined();
    expect(report.gate.breaches.map((breach) => breach.message)).toEqual([]);
    expect(report.gate.passed).toBe(true);
  }, 120_000);
});
