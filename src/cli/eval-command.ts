import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { createAssistant } from "../create-services.ts";
import { readDataset } from "../eval/dataset.ts";
import type { Summary } from "../eval/metrics.ts";
import { type DatasetReport, evaluateDataset } from "../eval/run-eval.ts";
import { embeddingProgress } from "./progress.ts";

export type EvalCommandOptions = { dataset: string[]; out?: string; json: boolean };

const percent = (value: number) =>
  Number.isNaN(value) ? "   –  " : `${(value * 100).toFixed(1).padStart(5)}%`;

function summaryRow(name: string, summary: Summary): string {
  return [
    name.padEnd(22),
    String(summary.questions).padStart(4),
    percent(summary.recallAt1),
    percent(summary.recallAt5),
    percent(summary.recallAt10),
    percent(summary.refusalRecall),
    percent(summary.falseRefusalRate),
    percent(summary.citationEvidenceRate),
    percent(summary.unsupportedSentenceRate),
    `${summary.latencyP50Ms.toFixed(0).padStart(5)} ms`,
  ].join("  ");
}

const HEADER = [
  "dataset / kind".padEnd(22),
  "   n",
  "    R@1",
  "    R@5",
  "   R@10",
  "refused",
  " falseRef",
  "citesEvid",
  "unsupport",
  "  p50",
].join("  ");

/** `eval`: runs the datasets through the pipeline and prints retrieval and refusal metrics. */
export async function evalCommand(config: Config, options: EvalCommandOptions): Promise<number> {
  const datasets =
    options.dataset.length > 0
      ? options.dataset
      : (await readdir("eval/datasets"))
          .filter((name) => name.endsWith(".jsonl"))
          .sort()
          .map((name) => path.join("eval/datasets", name));
  const { assistant } = await createAssistant(config, {
    onEmbedProgress: embeddingProgress("Building the index").onProgress,
  });
  const reports: DatasetReport[] = [];
  for (const dataset of datasets) {
    const items = await readDataset(dataset);
    const progress = embeddingProgress(`Evaluating ${path.basename(dataset)}`);
    reports.push(await evaluateDataset(assistant, dataset, items, progress.onProgress));
    progress.stop();
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify(reports.map(({ questions: _questions, ...report }) => report))}\n`,
    );
  } else {
    process.stdout.write(`${HEADER}\n`);
    for (const report of reports) {
      process.stdout.write(`${summaryRow(path.basename(report.dataset), report.overall)}\n`);
      for (const [kind, summary] of Object.entries(report.byKind)) {
        process.stdout.write(`${summaryRow(`  ${kind}`, summary)}\n`);
      }
    }
  }
  if (options.out !== undefined) {
    await mkdir(options.out, { recursive: true });
    await writeFile(path.join(options.out, "report.json"), `${JSON.stringify(reports, null, 2)}\n`);
    process.stderr.write(`Report written to ${path.join(options.out, "report.json")}\n`);
  }
  return 0;
}
