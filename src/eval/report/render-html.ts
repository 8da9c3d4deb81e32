import { escapeHtml } from "./escape-html.ts";
import { REPORT_CSS, REPORT_SCRIPT } from "./html-assets.ts";
import { questionTable } from "./html-questions.ts";
import {
  ANSWER_COLUMNS,
  formatDelta,
  formatMetric,
  HEADLINE_METRICS,
  METRIC_LABELS,
  RETRIEVAL_COLUMNS,
  UNDERSTANDING_COLUMNS,
} from "./metric-labels.ts";
import type { Metrics, QuestionRecord, Report } from "./report-schema.ts";
import { barChart, lineChart, niceStep } from "./svg-charts.ts";

const OURS = "#4f46e5";
const NAIVE = "#f59e0b";

/** Metrics shown as cards at the top. */
const CARD_METRICS: Array<keyof Metrics> = [
  "faithfulness",
  "hallucinationRate",
  "recallAt5",
  "refusalRecall",
  "falseRefusalRate",
  "citationPrecision",
  "answerF1",
  "latencyP50Ms",
];

/** Share of answerable questions' evidence found in the top k, for k = 1…maxK. */
export function recallCurve(questions: QuestionRecord[], maxK: number): Array<number | null> {
  const answerable = questions.filter((question) => question.answerable);
  return Array.from({ length: maxK }, (_, index) => {
    if (answerable.length === 0) return null;
    const k = index + 1;
    const sum = answerable.reduce(
      (total, question) =>
        total +
        question.evidenceRanks.filter((rank) => rank >= 0 && rank < k).length /
          Math.max(1, question.evidenceRanks.length),
      0,
    );
    return sum / answerable.length;
  });
}

const FAITHFULNESS_BINS = ["0–19%", "20–39%", "40–59%", "60–79%", "80–99%", "100%"];

function faithfulnessHistogram(questions: QuestionRecord[]): number[] {
  const counts = FAITHFULNESS_BINS.map(() => 0);
  for (const question of questions) {
    if (question.faithfulness === null) continue;
    const bin = question.faithfulness >= 1 ? 5 : Math.min(4, Math.floor(question.faithfulness * 5));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

function latencyChart(report: Report): string {
  const latencies = report.questions.map((question) => question.latencyMs);
  const top = Math.max(1, ...latencies);
  const bins = 12;
  const width = niceStep(top / bins);
  const counts = Array.from({ length: bins }, () => 0);
  for (const latency of latencies) {
    const bin = Math.min(bins - 1, Math.floor(latency / width));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const labels = counts.map((_, index) => `${Math.round(index * width)}`);
  const markers = [
    { at: (report.metrics.latencyP50Ms ?? 0) / width, label: "p50" },
    { at: (report.metrics.latencyP95Ms ?? 0) / width, label: "p95" },
  ];
  return barChart({
    title: "Latency per question",
    labels,
    series: [{ name: "ours", color: OURS, values: counts }],
    xLabel: "milliseconds (bin start)",
    yLabel: "questions",
    markers,
  });
}

function cards(report: Report): string {
  const breached = new Set(report.gate.breaches.map((breach) => breach.metric));
  const items = CARD_METRICS.map((name) => {
    const bound = report.gate.thresholds[name];
    const limit =
      bound === undefined
        ? ""
        : [
            bound.min === undefined ? "" : `min ${formatMetric(name, bound.min)}`,
            bound.max === undefined ? "" : `max ${formatMetric(name, bound.max)}`,
          ]
            .filter(Boolean)
            .join(" · ");
    const naive =
      report.naive === undefined
        ? ""
        : `<span class="naive">naive ${formatMetric(name, report.naive.metrics[name])}</span>`;
    const sub = [limit === "" ? "" : escapeHtml(limit), naive].filter(Boolean).join(" · ");
    return `<div class="card${breached.has(name) ? " breach" : ""}"><div class="label">${escapeHtml(METRIC_LABELS[name].long)}</div><div class="value">${formatMetric(name, report.metrics[name])}</div><div class="sub">${sub || "&nbsp;"}</div></div>`;
  });
  const judge = report.judge;
  items.push(
    `<div class="card${breached.has("judgeBalancedAccuracy") ? " breach" : ""}"><div class="label">judge balanced accuracy</div><div class="value">${formatMetric("", judge.balancedAccuracy)}</div><div class="sub">${escapeHtml(`${judge.name} · floor ${formatMetric("", judge.floor)} · ${judge.pairs} pairs`)}</div></div>`,
  );
  return `<div class="cards">${items.join("")}</div>`;
}

function breakdownTable(report: Report, columns: Array<keyof Metrics>): string {
  const rows: Array<[string, Metrics, boolean]> = [["all", report.metrics, true]];
  if (Object.keys(report.byDataset).length > 1) {
    for (const [name, metrics] of Object.entries(report.byDataset))
      rows.push([name, metrics, false]);
  }
  for (const [name, metrics] of Object.entries(report.byKind)) rows.push([name, metrics, false]);
  return `<table><thead><tr><th></th>${columns.map((column) => `<th title="${escapeHtml(METRIC_LABELS[column].long)}">${escapeHtml(METRIC_LABELS[column].short)}</th>`).join("")}</tr></thead><tbody>
${rows.map(([name, metrics, total]) => `<tr${total ? ' class="total"' : ""}><td>${escapeHtml(name)}</td>${columns.map((column) => `<td>${formatMetric(column, metrics[column])}</td>`).join("")}</tr>`).join("\n")}
</tbody></table>`;
}

function comparisonTable(
  left: { name: string; metrics: Metrics },
  right: { name: string; metrics: Metrics },
  options: { deltaFirst: boolean },
): string {
  const rows = HEADLINE_METRICS.map((name) => {
    const label = METRIC_LABELS[name];
    const a = left.metrics[name];
    const b = right.metrics[name];
    const delta = a === null || b === null ? null : options.deltaFirst ? a - b : b - a;
    const better =
      label.better === "higher"
        ? (delta ?? 0) > 0
        : label.better === "lower"
          ? (delta ?? 0) < 0
          : false;
    const worse =
      label.better === "higher"
        ? (delta ?? 0) < 0
        : label.better === "lower"
          ? (delta ?? 0) > 0
          : false;
    const bar = (value: number | null, color: string) =>
      label.unit === "rate" && value !== null
        ? `<span class="bar" style="width:${Math.round(value * 80)}px;background:${color}"></span>`
        : "";
    return `<tr><td>${escapeHtml(label.long)}</td><td>${formatMetric(name, a)}${bar(a, OURS)}</td><td>${formatMetric(name, b)}${bar(b, NAIVE)}</td><td class="${worse ? "worse" : better ? "better" : ""}">${formatDelta(name, delta)}</td></tr>`;
  });
  return `<table><thead><tr><th>metric</th><th>${escapeHtml(left.name)}</th><th>${escapeHtml(right.name)}</th><th>${options.deltaFirst ? "ours − naive" : "change"}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** report.html: one self-contained page (inline CSS, script and SVG; no network). */
export function renderHtml(report: Report): string {
  const { config, gate, judge } = report;
  const verdict = gate.passed
    ? `<div class="verdict pass"><span class="badge">PASSED</span> Every release threshold holds (${Object.keys(gate.thresholds).length} checked).</div>`
    : `<div class="verdict fail"><span class="badge">FAILED</span><div>${gate.breaches.length} threshold${gate.breaches.length === 1 ? "" : "s"} breached<ul>${gate.breaches.map((breach) => `<li>${escapeHtml(breach.message)}</li>`).join("")}</ul></div></div>`;
  const recallSeries = [{ name: "ours", color: OURS, values: recallCurve(report.questions, 10) }];
  if (report.naive !== undefined) {
    const naiveCurve = recallCurve(report.naive.questions, 4);
    recallSeries.push({
      name: "naive (top 4)",
      color: NAIVE,
      values: [...naiveCurve, ...Array(6).fill(null)],
    });
  }
  const faithSeries = [
    { name: "ours", color: OURS, values: faithfulnessHistogram(report.questions) },
  ];
  if (report.naive !== undefined) {
    faithSeries.push({
      name: "naive",
      color: NAIVE,
      values: faithfulnessHistogram(report.naive.questions),
    });
  }
  const judgeSection =
    judge.error !== undefined
      ? `<p><b>Not validated:</b> ${escapeHtml(judge.error)}</p>`
      : `<p><b>${escapeHtml(judge.name)}</b> on <code>${escapeHtml(judge.file)}</code> (${judge.pairs} labelled pairs): balanced accuracy <b>${formatMetric("", judge.balancedAccuracy)}</b> (floor ${formatMetric("", judge.floor)}), precision ${formatMetric("", judge.precision)}, recall ${formatMetric("", judge.recall)}, specificity ${formatMetric("", judge.specificity)}.</p>
<table><thead><tr><th>pair kind</th><th>pairs</th><th>accuracy</th></tr></thead><tbody>${Object.entries(
          judge.byKind,
        )
          .map(
            ([kind, numbers]) =>
              `<tr><td>${escapeHtml(kind)}</td><td>${numbers.pairs}</td><td>${formatMetric("", numbers.accuracy)}<span class="bar" style="width:${Math.round(numbers.accuracy * 80)}px;background:${numbers.accuracy >= judge.floor ? "#15803d" : "#b91c1c"}"></span></td></tr>`,
          )
          .join("")}</tbody></table>`;
  const naiveSection =
    report.naive === undefined
      ? ""
      : `<section><h2>Ours vs the naive LangChain baseline</h2><div class="panel"><p class="muted">${escapeHtml(report.naive.description)} ${report.naive.chunks} chunks.</p>${comparisonTable({ name: "ours", metrics: report.metrics }, { name: "naive", metrics: report.naive.metrics }, { deltaFirst: true })}</div></section>`;
  const baseline = report.baseline;
  const baselineSection =
    baseline === undefined
      ? ""
      : `<section><h2>Compared with the baseline report</h2><div class="panel"><p class="muted">${escapeHtml(baseline.file)}</p>
<table><thead><tr><th>metric</th><th>baseline</th><th>now</th><th>change</th></tr></thead><tbody>${HEADLINE_METRICS.map(
          (name) => {
            const delta = baseline.deltas[name];
            return `<tr><td>${escapeHtml(METRIC_LABELS[name].long)}</td><td>${formatMetric(name, delta?.baseline)}</td><td>${formatMetric(name, delta?.current)}</td><td class="${delta?.worse ? "worse" : ""}">${formatDelta(name, delta?.delta ?? null)}</td></tr>`;
          },
        ).join("")}</tbody></table>
<h3>${baseline.worseQuestions.length} question${baseline.worseQuestions.length === 1 ? "" : "s"} got worse</h3>
<ul>${baseline.worseQuestions.map((question) => `<li><b>${escapeHtml(question.id)}</b> ${escapeHtml(question.question)} — ${escapeHtml(question.changes.join("; "))}</li>`).join("")}</ul></div></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Eval report ${escapeHtml(report.createdAt)}</title>
<style>${REPORT_CSS}</style></head>
<body>
<header><h1>Release eval — ${gate.passed ? "gate passed" : "gate failed"}</h1>
<div class="meta">${escapeHtml(`${report.createdAt} · ${report.metrics.questions} questions from ${config.datasets.map((dataset) => dataset.name).join(", ")} · generator ${config.generator} · judge ${config.judge} · embedder ${config.embedder} · index ${config.index.version} (${config.index.chunkCount} chunks) · ${(config.durationMs / 1000).toFixed(1)} s`)}</div></header>
<main>
${verdict}
<section><h2>Headline</h2>${cards(report)}</section>
<section><h2>Charts</h2><div class="charts">
<div class="panel"><h3>Recall@k</h3>${lineChart({ title: "Recall at k", labels: Array.from({ length: 10 }, (_, index) => String(index + 1)), series: recallSeries, xLabel: "k (retrieved passages)", yLabel: "evidence found" })}</div>
<div class="panel"><h3>Faithfulness per answered question</h3>${barChart({ title: "Faithfulness histogram", labels: FAITHFULNESS_BINS, series: faithSeries, xLabel: "supported claims / claims", yLabel: "questions" })}</div>
<div class="panel"><h3>Latency</h3>${latencyChart(report)}</div>
</div></section>
<section><h2>By dataset and kind</h2><div class="panel">${breakdownTable(report, RETRIEVAL_COLUMNS)}</div><div class="panel" style="margin-top:12px">${breakdownTable(report, ANSWER_COLUMNS)}</div><div class="panel" style="margin-top:12px">${breakdownTable(report, UNDERSTANDING_COLUMNS)}</div></section>
${naiveSection}
${baselineSection}
<section><h2>Judge validation</h2><div class="panel">${judgeSection}</div></section>
<section><h2>Questions</h2><div class="panel">${questionTable(report.questions)}</div></section>
<footer>Metric definitions: eval/README.md. Generated by <code>npm run eval</code>.</footer>
</main>
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}
