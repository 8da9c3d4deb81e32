import { escapeHtml } from "./escape-html.ts";

/** One named series of a chart, drawn in `color`. */
export type Series = { name: string; color: string; values: Array<number | null> };

const WIDTH = 460;
const HEIGHT = 240;
const MARGIN = { top: 30, right: 16, bottom: 44, left: 48 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

function frame(content: string, title: string, xLabel: string, yLabel: string): string {
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">
<title>${escapeHtml(title)}</title>
${content}
<text x="${MARGIN.left + PLOT_WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle" class="axis-label">${escapeHtml(xLabel)}</text>
<text x="12" y="${MARGIN.top + PLOT_HEIGHT / 2}" text-anchor="middle" class="axis-label" transform="rotate(-90 12 ${MARGIN.top + PLOT_HEIGHT / 2})">${escapeHtml(yLabel)}</text>
</svg>`;
}

function gridY(max: number, format: (value: number) => string): string {
  const lines: string[] = [];
  for (let step = 0; step <= 4; step++) {
    const value = (max * step) / 4;
    const y = MARGIN.top + PLOT_HEIGHT - (PLOT_HEIGHT * step) / 4;
    lines.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_WIDTH}" y1="${y}" y2="${y}" class="grid"/>`,
      `<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end" class="tick">${escapeHtml(format(value))}</text>`,
    );
  }
  return lines.join("\n");
}

function legend(series: Series[]): string {
  return series
    .map((entry, index) => {
      // Above the plot, so it never hides a line or a bar.
      const x = MARGIN.left + index * 120;
      return `<rect x="${x}" y="6" width="10" height="10" rx="2" fill="${entry.color}"/><text x="${x + 14}" y="15" class="legend">${escapeHtml(entry.name)}</text>`;
    })
    .join("");
}

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least `raw` (whole numbers for counts). */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    if (raw <= step && Number.isInteger(step)) return step;
  }
  return Math.max(1, Math.ceil(raw));
}

/** A line chart over categories `labels` with values in [0, 1] (e.g. recall@k for k = 1…10). */
export function lineChart(options: {
  title: string;
  labels: string[];
  series: Series[];
  xLabel: string;
  yLabel: string;
}): string {
  const { labels, series } = options;
  const x = (index: number) =>
    MARGIN.left +
    (labels.length <= 1 ? PLOT_WIDTH / 2 : (PLOT_WIDTH * index) / (labels.length - 1));
  const y = (value: number) =>
    MARGIN.top + PLOT_HEIGHT - PLOT_HEIGHT * Math.max(0, Math.min(1, value));
  const parts = [gridY(1, (value) => `${Math.round(value * 100)}%`)];
  labels.forEach((label, index) => {
    parts.push(
      `<text x="${x(index)}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle" class="tick">${escapeHtml(label)}</text>`,
    );
  });
  for (const entry of series) {
    const points = entry.values
      .map((value, index) =>
        value === null ? undefined : `${x(index).toFixed(1)},${y(value).toFixed(1)}`,
      )
      .filter((point): point is string => point !== undefined);
    parts.push(
      `<polyline points="${points.join(" ")}" fill="none" stroke="${entry.color}" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
    entry.values.forEach((value, index) => {
      if (value === null) return;
      parts.push(
        `<circle cx="${x(index).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${entry.color}"><title>${escapeHtml(`${entry.name} ${labels[index] ?? ""}: ${(value * 100).toFixed(1)}%`)}</title></circle>`,
      );
    });
  }
  parts.push(legend(series));
  return frame(parts.join("\n"), options.title, options.xLabel, options.yLabel);
}

/** Grouped bars: one group per label, one bar per series, counts on the y axis. */
export function barChart(options: {
  title: string;
  labels: string[];
  series: Series[];
  xLabel: string;
  yLabel: string;
  /** Vertical markers, e.g. p50 and p95, at a fractional label position. */
  markers?: Array<{ at: number; label: string }>;
}): string {
  const { labels, series } = options;
  const max = Math.max(1, ...series.flatMap((entry) => entry.values.map((value) => value ?? 0)));
  const niceMax = niceStep(max / 4) * 4;
  const groupWidth = PLOT_WIDTH / Math.max(1, labels.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const parts = [gridY(niceMax, (value) => String(Math.round(value)))];
  labels.forEach((label, index) => {
    const center = MARGIN.left + groupWidth * (index + 0.5);
    const show = labels.length <= 12 || index % Math.ceil(labels.length / 12) === 0;
    if (show) {
      parts.push(
        `<text x="${center}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle" class="tick">${escapeHtml(label)}</text>`,
      );
    }
    series.forEach((entry, seriesIndex) => {
      const value = entry.values[index] ?? 0;
      const height = (PLOT_HEIGHT * value) / niceMax;
      const left = MARGIN.left + groupWidth * index + groupWidth * 0.1 + barWidth * seriesIndex;
      parts.push(
        `<rect x="${left.toFixed(1)}" y="${(MARGIN.top + PLOT_HEIGHT - height).toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${height.toFixed(1)}" rx="2" fill="${entry.color}"><title>${escapeHtml(`${entry.name} ${label}: ${value}`)}</title></rect>`,
      );
    });
  });
  for (const marker of options.markers ?? []) {
    const xPosition = MARGIN.left + groupWidth * marker.at;
    parts.push(
      `<line x1="${xPosition}" x2="${xPosition}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_HEIGHT}" class="marker"/>`,
      `<text x="${xPosition + 4}" y="${MARGIN.top + 12}" class="marker-label">${escapeHtml(marker.label)}</text>`,
    );
  }
  if (series.length > 1) parts.push(legend(series));
  return frame(parts.join("\n"), options.title, options.xLabel, options.yLabel);
}
