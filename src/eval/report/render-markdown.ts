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

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function metricsTable(columns: Array<keyof Metrics>, rows: Array<[string, Metrics]>): string {
  const header = `| | ${columns.map((column) => METRIC_LABELS[column].short).join(" | ")} |`;
  const rule = `|---|${columns.map(() => "---:").join("|")}|`;
  const lines = rows.map(
    ([name, metrics]) =>
      `| ${cell(name)} | ${columns.map((column) => formatMetric(column, metrics[column])).join(" | ")} |`,
  );
  return [header, rule, ...lines].join("\n");
}

/** report.md: headline metrics, per-kind tables, the judge, the gate, baseline and naive comparison. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  const { config, metrics } = report;
  out.push(
    "# Eval report",
    "",
    `${report.createdAt} · generator \`${config.generator}\` · judge \`${config.judge}\` · embedder \`${config.embedder}\` · index \`${config.index.version}\` (${config.index.chunkCount} chunks) · ${(config.durationMs / 1000).toFixed(1)} s`,
    "",
    `Datasets: ${config.datasets.map((dataset) => `\`${dataset.file}\` (${dataset.questions})`).join(", ")}`,
    "",
    `## Gate: ${report.gate.passed ? "PASSED" : "FAILED"}`,
    "",
  );
  if (report.gate.breaches.length > 0) {
    for (const breach of report.gate.breaches) out.push(`- ${breach.message}`);
    out.push("");
  }
  out.push(
    `Thresholds from \`${report.gate.thresholdsFile}\`: ${Object.entries(report.gate.thresholds)
      .map(
        ([name, bound]) =>
          `${name} ${bound.min !== undefined ? `≥ ${bound.min}` : ""}${bound.max !== undefined ? `≤ ${bound.max}` : ""}`,
      )
      .join(", ")}.`,
    "",
    "## Headline",
    "",
    "| metric | value |",
    "|---|---:|",
    ...HEADLINE_METRICS.map(
      (name) => `| ${METRIC_LABELS[name].long} | ${formatMetric(name, metrics[name])} |`,
    ),
    `| claims judged / unsupported | ${metrics.claims} / ${metrics.unsupportedClaims} |`,
    "",
  );
  const breakdown: Array<[string, Metrics]> = [["all", metrics]];
  if (Object.keys(report.byDataset).length > 1) breakdown.push(...Object.entries(report.byDataset));
  breakdown.push(...Object.entries(report.byKind));
  out.push(
    "## By dataset and kind",
    "",
    metricsTable(RETRIEVAL_COLUMNS, breakdown),
    "",
    metricsTable(ANSWER_COLUMNS, breakdown),
    "",
    metricsTable(UNDERSTANDING_COLUMNS, breakdown),
    "",
  );
  const { judge } = report;
  out.push("## Judge validation", "");
  if (judge.error !== undefined) {
    out.push(`**Not validated**: ${judge.error}`, "");
  } else {
    out.push(
      `\`${judge.name}\` on \`${judge.file}\` (${judge.pairs} pairs): balanced accuracy **${formatMetric("", judge.balancedAccuracy)}** (floor ${formatMetric("", judge.floor)}), precision ${formatMetric("", judge.precision)}, recall ${formatMetric("", judge.recall)}, specificity ${formatMetric("", judge.specificity)}.`,
      "",
      "| pair kind | pairs | accuracy |",
      "|---|---:|---:|",
      ...Object.entries(judge.byKind).map(
        ([kind, numbers]) =>
          `| ${cell(kind)} | ${numbers.pairs} | ${formatMetric("", numbers.accuracy)} |`,
      ),
      "",
    );
  }
  if (report.naive !== undefined) {
    out.push(
      "## Ours vs the naive baseline",
      "",
      report.naive.description,
      "",
      "| metric | ours | naive |",
      "|---|---:|---:|",
      ...HEADLINE_METRICS.map(
        (name) =>
          `| ${METRIC_LABELS[name].long} | ${formatMetric(name, metrics[name])} | ${formatMetric(name, report.naive?.metrics[name])} |`,
      ),
      "",
    );
  }
  if (report.baseline !== undefined) {
    const { baseline } = report;
    out.push(
      "## Compared with the baseline",
      "",
      `Baseline: \`${baseline.file}\``,
      "",
      "| metric | baseline | now | change | |",
      "|---|---:|---:|---:|---|",
      ...HEADLINE_METRICS.map((name) => {
        const delta = baseline.deltas[name];
        return `| ${METRIC_LABELS[name].long} | ${formatMetric(name, delta?.baseline)} | ${formatMetric(name, delta?.current)} | ${formatDelta(name, delta?.delta ?? null)} | ${delta?.worse ? "worse" : ""} |`;
      }),
      "",
      `### Questions that got worse (${baseline.worseQuestions.length})`,
      "",
      ...(baseline.worseQuestions.length === 0
        ? ["None."]
        : baseline.worseQuestions.map(
            (question) =>
              `- **${question.id}** ${cell(question.question)} — ${question.changes.join("; ")}`,
          )),
      "",
    );
  }
  const unsupported = report.questions.filter((question) => question.unsupportedClaims > 0);
  out.push(`## Answers with unsupported claims (${unsupported.length})`, "");
  if (unsupported.length === 0) out.push("None.");
  for (const question of unsupported) {
    out.push(`- **${question.id}** (${question.kind}) ${cell(question.question)}`);
    for (const claim of question.claims.filter((entry) => !entry.supported)) {
      out.push(`  - “${cell(claim.text)}” — ${cell(claim.reason)}`);
    }
  }
  const missed = report.questions.filter((question) => question.answerable && question.refused);
  out.push("", `## Answerable questions refused (${missed.length})`, "");
  if (missed.length === 0) out.push("None.");
  for (const question of missed) {
    out.push(
      `- **${question.id}** (${question.kind}) ${cell(question.question)} — ${cell(question.refusalReason ?? "")}`,
    );
  }
  const answeredUnanswerable = report.questions.filter(
    (question) => !question.answerable && !question.refused,
  );
  out.push("", `## Unanswerable questions answered (${answeredUnanswerable.length})`, "");
  if (answeredUnanswerable.length === 0) out.push("None.");
  for (const question of answeredUnanswerable) {
    out.push(`- **${question.id}** ${cell(question.question)}`);
  }
  return `${out.join("\n")}\n`;
}
