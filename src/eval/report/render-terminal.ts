import {
  ANSWER_COLUMNS,
  formatDelta,
  formatMetric,
  HEADLINE_METRICS,
  METRIC_LABELS,
  RETRIEVAL_COLUMNS,
  UNDERSTANDING_COLUMNS,
} from "./metric-labels.ts";
import type { Metrics, Report } from "./report-schema.ts";

/** Rows of one summary table: overall, each dataset, each kind. */
function rows(report: Report): Array<[string, Metrics]> {
  const result: Array<[string, Metrics]> = [["all", report.metrics]];
  if (Object.keys(report.byDataset).length > 1) {
    for (const [name, metrics] of Object.entries(report.byDataset)) result.push([name, metrics]);
  }
  for (const [kind, metrics] of Object.entries(report.byKind)) result.push([`  ${kind}`, metrics]);
  return result;
}

function table(
  title: string,
  columns: Array<keyof Metrics>,
  data: Array<[string, Metrics]>,
): string {
  const nameWidth = Math.max(14, ...data.map(([name]) => name.length));
  const widths = columns.map((column) =>
    Math.max(
      METRIC_LABELS[column].short.length,
      ...data.map(([, metrics]) => formatMetric(column, metrics[column]).length),
    ),
  );
  const header = [
    title.padEnd(nameWidth),
    ...columns.map((column, index) => METRIC_LABELS[column].short.padStart(widths[index] ?? 0)),
  ].join("  ");
  const lines = data.map(([name, metrics]) =>
    [
      name.padEnd(nameWidth),
      ...columns.map((column, index) =>
        formatMetric(column, metrics[column]).padStart(widths[index] ?? 0),
      ),
    ].join("  "),
  );
  return [header, ...lines].join("\n");
}

/** The terminal summary: two tables, the judge's validation, naive comparison, baseline, gate. */
export function renderTerminal(report: Report, reportDir?: string): string {
  const out: string[] = [];
  const datasets = report.config.datasets.map((dataset) => `${dataset.name} ${dataset.questions}`);
  out.push(
    `Eval of ${report.metrics.questions} questions (${datasets.join(", ")}) · generator ${report.config.generator} · judge ${report.config.judge} · ${(report.config.durationMs / 1000).toFixed(1)} s`,
    "",
    table("retrieval", RETRIEVAL_COLUMNS, rows(report)),
    "",
    table("answers", ANSWER_COLUMNS, rows(report)),
    "",
    table(
      "understanding",
      UNDERSTANDING_COLUMNS,
      rows(report).filter(([name]) => !name.startsWith("  ")),
    ),
    "",
  );
  const { judge } = report;
  if (judge.error !== undefined) {
    out.push(`Judge ${judge.name}: NOT VALIDATED — ${judge.error}`);
  } else {
    out.push(
      `Judge ${judge.name} on ${judge.file} (${judge.pairs} pairs): balanced accuracy ${formatMetric("", judge.balancedAccuracy)}, precision ${formatMetric("", judge.precision)}, recall ${formatMetric("", judge.recall)}, specificity ${formatMetric("", judge.specificity)} (floor ${formatMetric("", judge.floor)})`,
    );
  }
  if (report.naive !== undefined) {
    out.push(
      "",
      `Ours vs naive baseline (${report.naive.chunks} chunks of 1000/200, top 4, no gate):`,
    );
    const width = Math.max(...HEADLINE_METRICS.map((name) => METRIC_LABELS[name].long.length));
    out.push(`  ${"metric".padEnd(width)}  ${"ours".padStart(8)}  ${"naive".padStart(8)}`);
    for (const name of HEADLINE_METRICS) {
      out.push(
        `  ${METRIC_LABELS[name].long.padEnd(width)}  ${formatMetric(name, report.metrics[name]).padStart(8)}  ${formatMetric(name, report.naive.metrics[name]).padStart(8)}`,
      );
    }
  }
  if (report.baseline !== undefined) {
    out.push("", `Compared with ${report.baseline.file}:`);
    const changed = HEADLINE_METRICS.filter((name) => {
      const delta = report.baseline?.deltas[name];
      return delta !== undefined && delta.delta !== null && delta.delta !== 0;
    });
    if (changed.length === 0) out.push("  no metric changed");
    for (const name of changed) {
      const delta = report.baseline.deltas[name];
      if (delta === undefined) continue;
      out.push(
        `  ${delta.worse ? "WORSE " : "      "}${METRIC_LABELS[name].long}: ${formatMetric(name, delta.baseline)} → ${formatMetric(name, delta.current)} (${formatDelta(name, delta.delta)})`,
      );
    }
    const worse = report.baseline.worseQuestions;
    out.push(
      `  ${worse.length} question${worse.length === 1 ? "" : "s"} got worse${worse.length > 0 ? ":" : ""}`,
    );
    for (const question of worse.slice(0, 25)) {
      out.push(`    ${question.id}: ${question.changes.join("; ")}`);
    }
    if (worse.length > 25) out.push(`    … and ${worse.length - 25} more in report.md`);
  }
  out.push("");
  if (report.gate.passed) {
    out.push(
      `Gate: PASSED (${Object.keys(report.gate.thresholds).length} thresholds from ${report.gate.thresholdsFile})`,
    );
  } else {
    out.push(
      `Gate: FAILED — ${report.gate.breaches.length} threshold${report.gate.breaches.length === 1 ? "" : "s"} breached:`,
    );
    for (const breach of report.gate.breaches) out.push(`  - ${breach.message}`);
  }
  if (report.gate.unmeasured.length > 0) {
    out.push(`  (not measured on these questions: ${report.gate.unmeasured.join(", ")})`);
  }
  if (reportDir !== undefined) out.push(`Reports: ${reportDir}/report.{json,md,html}`);
  return `${out.join("\n")}\n`;
}
