import type {
  BenchReport,
  IngestionFigures,
  LoadFigures,
  QueryFigures,
  ServingFigures,
  VectorSearchFigures,
} from "./bench-report.ts";
import { renderClusterSection } from "./measure-cluster.ts";
import type { LatencySummary } from "./statistics.ts";
import { median } from "./statistics.ts";

/** A row of the ours-vs-naive table: figures as numbers so that the ratio can be computed. */
type Row = {
  name: string;
  ours: number[] | undefined;
  naive: number[] | undefined;
  format: (value: number) => string;
};

export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function formatBytes(value: number): string {
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${value} B`;
}

const formatCount = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(1);
const formatRate = (value: number) =>
  value >= 100 ? Math.round(value).toString() : value.toFixed(1);

function cell(values: number[] | undefined, format: (value: number) => string): string {
  return values === undefined || values.length === 0 ? "–" : values.map(format).join(" / ");
}

function ratio(ours: number[] | undefined, naive: number[] | undefined): string {
  if (ours === undefined || naive === undefined || ours.length === 0) return "–";
  return ours
    .map((value, position) => {
      const other = naive[position];
      return other === undefined || other === 0 || !Number.isFinite(value / other)
        ? "–"
        : `${(value / other).toFixed(2)}×`;
    })
    .join(" / ");
}

const percentiles = (summary: LatencySummary | undefined) =>
  summary === undefined ? undefined : [summary.p50, summary.p95, summary.p99];

function ingestionRows(ours?: IngestionFigures, naive?: IngestionFigures): Row[] {
  const pick = (figures: IngestionFigures | undefined, read: (f: IngestionFigures) => number) =>
    figures === undefined ? undefined : [read(figures)];
  return [
    {
      name: "Chunks indexed",
      ours: pick(ours, (f) => f.chunks),
      naive: pick(naive, (f) => f.chunks),
      format: formatCount,
    },
    {
      name: "Embedding throughput (chunks/s)",
      ours: pick(ours, (f) => f.chunks / (f.embedMs / 1000)),
      naive: pick(naive, (f) => f.chunks / (f.embedMs / 1000)),
      format: formatRate,
    },
    {
      name: "Embedding throughput (characters/s)",
      ours: pick(ours, (f) => f.embeddedCharacters / (f.embedMs / 1000)),
      naive: pick(naive, (f) => f.embeddedCharacters / (f.embedMs / 1000)),
      format: (value) => Math.round(value).toLocaleString("en"),
    },
    {
      name: "Build time from scratch (model loaded)",
      ours: pick(ours, (f) => f.buildMs),
      naive: pick(naive, (f) => f.buildMs),
      format: formatMs,
    },
    {
      name: "Model load (before the build)",
      ours: pick(ours, (f) => f.modelLoadMs),
      naive: pick(naive, (f) => f.modelLoadMs),
      format: formatMs,
    },
    {
      name: "Index size on disk",
      ours: pick(ours, (f) => f.indexBytes),
      naive: pick(naive, (f) => f.indexBytes),
      format: formatBytes,
    },
    {
      name: "Peak RSS of the build process",
      ours: pick(ours, (f) => f.peakRssBytes),
      naive: pick(naive, (f) => f.peakRssBytes),
      format: formatBytes,
    },
  ];
}

function queryRows(ours?: QueryFigures, naive?: QueryFigures): Row[] {
  const rows: Array<[string, (f: QueryFigures) => LatencySummary]> = [
    ["Retrieval, warm (p50 / p95 / p99)", (f) => f.retrieval],
    ["Full offline answer, warm (p50 / p95 / p99)", (f) => f.answer],
    ["Answer, LRU on, 1st pass: all misses", (f) => f.answerCachedFirstPass],
    ["Answer, LRU on, 2nd pass: all hits", (f) => f.answerCachedSecondPass],
    ["Retrieval, LRU on, 2nd pass", (f) => f.retrievalCachedSecondPass],
  ];
  return [
    ...rows.map(([name, read]) => ({
      name,
      ours: percentiles(ours === undefined ? undefined : read(ours)),
      naive: percentiles(naive === undefined ? undefined : read(naive)),
      format: formatMs,
    })),
    {
      name: "Questions refused (of those timed)",
      ours: ours === undefined ? undefined : [ours.refusals],
      naive: naive === undefined ? undefined : [naive.refusals],
      format: formatCount,
    },
  ];
}

function loadRows(ours?: LoadFigures, naive?: LoadFigures): Row[] {
  const read = (figures: LoadFigures | undefined, pick: (f: LoadFigures) => number[]) =>
    figures === undefined ? undefined : pick(figures);
  return [
    {
      name: "Requests/s",
      ours: read(ours, (f) => [f.requestsPerSecond]),
      naive: read(naive, (f) => [f.requestsPerSecond]),
      format: formatRate,
    },
    {
      name: "Latency under load (p50 / p97.5 / p99)",
      ours: read(ours, (f) => [f.latencyMs.p50, f.latencyMs.p97_5, f.latencyMs.p99]),
      naive: read(naive, (f) => [f.latencyMs.p50, f.latencyMs.p97_5, f.latencyMs.p99]),
      format: formatMs,
    },
    {
      name: "Server peak RSS (after the load)",
      ours: read(ours, (f) => (f.serverPeakRssBytes === undefined ? [] : [f.serverPeakRssBytes])),
      naive: read(naive, (f) => (f.serverPeakRssBytes === undefined ? [] : [f.serverPeakRssBytes])),
      format: formatBytes,
    },
    {
      name: "Non-2xx / errors / timeouts",
      ours: read(ours, (f) => [f.non2xx, f.errors, f.timeouts]),
      naive: read(naive, (f) => [f.non2xx, f.errors, f.timeouts]),
      format: formatCount,
    },
  ];
}

function servingRows(ours?: ServingFigures, naive?: ServingFigures): Row[] {
  const read = (figures: ServingFigures | undefined, pick: (f: ServingFigures) => number[]) =>
    figures === undefined ? undefined : pick(figures);
  const cpu = (value: number | undefined) => (value === undefined ? [] : [value]);
  const phase = (name: "unique" | "mix", title: string): Row[] => [
    {
      name: `${title}: answers/s`,
      ours: read(ours, (f) => [f[name].requestsPerSecond]),
      naive: read(naive, (f) => [f[name].requestsPerSecond]),
      format: formatRate,
    },
    {
      name: `${title}: latency p50 / p95 / p99`,
      ours: read(ours, (f) => percentiles(f[name].latencyMs) ?? []),
      naive: read(naive, (f) => percentiles(f[name].latencyMs) ?? []),
      format: formatMs,
    },
    {
      name: `${title}: server CPU per answer`,
      ours: read(ours, (f) => cpu(f[name].cpuMsPerAnswer)),
      naive: read(naive, (f) => cpu(f[name].cpuMsPerAnswer)),
      format: formatMs,
    },
  ];
  const requests = ours ?? naive;
  return [
    ...phase(
      "unique",
      `Unique questions (${requests?.unique.requests ?? "?"}, each once, ${requests?.connections ?? "?"} connections)`,
    ),
    ...phase(
      "mix",
      `Mix with repeats (${requests?.mix.requests ?? "?"} requests, ${requests?.mix.distinct ?? "?"} distinct)`,
    ),
    {
      name: "One at a time, new questions: p50 / p95 / p99",
      ours: read(ours, (f) => percentiles(f.sequentialNew) ?? []),
      naive: read(naive, (f) => percentiles(f.sequentialNew) ?? []),
      format: formatMs,
    },
    {
      name: "Warm answer (one at a time, repeated questions): p50 / p95 / p99",
      ours: read(ours, (f) => percentiles(f.sequentialRepeated) ?? []),
      naive: read(naive, (f) => percentiles(f.sequentialRepeated) ?? []),
      format: formatMs,
    },
    {
      name: "Server peak RSS (serving runs)",
      ours: read(ours, (f) => (f.peakRssBytes === undefined ? [] : [f.peakRssBytes])),
      naive: read(naive, (f) => (f.peakRssBytes === undefined ? [] : [f.peakRssBytes])),
      format: formatBytes,
    },
    {
      name: "Non-2xx or failed requests (unique / mix)",
      ours: read(ours, (f) => [f.unique.failures, f.mix.failures]),
      naive: read(naive, (f) => [f.unique.failures, f.mix.failures]),
      format: formatCount,
    },
  ];
}

function table(rows: Row[]): string[] {
  const lines = ["| Measure | Ours | Naive | Ours / naive |", "|---|---|---|---|"];
  for (const row of rows) {
    if (row.ours === undefined && row.naive === undefined) continue;
    const ratioCell = row.name.startsWith("Non-2xx") ? "–" : ratio(row.ours, row.naive);
    lines.push(
      `| ${row.name} | ${cell(row.ours, row.format)} | ${cell(row.naive, row.format)} | ${ratioCell} |`,
    );
  }
  return lines;
}

function vectorTable(rows: VectorSearchFigures[]): string[] {
  const lines = [
    "| Set | Vectors × dims | Queries | Recall@10 mean (min) | HNSW p50 / p99 | Exact p50 / p99 | Exact / HNSW p50 | HNSW build |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const speedUp = row.exactLatency.p50 / row.hnswLatency.p50;
    lines.push(
      `| ${row.label} | ${row.vectors.toLocaleString("en")} × ${row.dimensions} | ${row.queries} | ` +
        `${row.recallAtK.toFixed(3)} (${row.minRecallAtK.toFixed(2)}) | ` +
        `${formatMs(row.hnswLatency.p50)} / ${formatMs(row.hnswLatency.p99)} | ` +
        `${formatMs(row.exactLatency.p50)} / ${formatMs(row.exactLatency.p99)} | ` +
        `${Number.isFinite(speedUp) ? `${speedUp.toFixed(0)}×` : "–"} | ` +
        `${row.hnswBuildMs === undefined ? "(loaded)" : formatMs(row.hnswBuildMs)} |`,
    );
  }
  return lines;
}

function sweepTable(rows: VectorSearchFigures[]): string[] {
  const lines = ["| Set | efSearch | Recall@10 | HNSW p50 / p99 |", "|---|---|---|---|"];
  for (const row of rows) {
    const points = [
      { efSearch: row.hnsw.efSearch, recallAtK: row.recallAtK, hnswLatency: row.hnswLatency },
      ...row.efSweep,
    ];
    for (const point of points) {
      lines.push(
        `| ${row.label} | ${point.efSearch}${point.efSearch === row.hnsw.efSearch ? " (ours)" : ""} | ` +
          `${point.recallAtK.toFixed(3)} | ${formatMs(point.hnswLatency.p50)} / ${formatMs(point.hnswLatency.p99)} |`,
      );
    }
  }
  return lines;
}

/** bench.md: the ours-vs-naive table, cold starts, HNSW vs exact, environment and notes. */
export function renderMarkdown(report: BenchReport): string {
  const { environment } = report;
  const lines = [
    `# Benchmark ${report.createdAt}`,
    "",
    `${environment.cpuModel}, ${environment.cpus} CPUs, ${formatBytes(environment.totalMemoryBytes)}, ` +
      `Node ${environment.node}, ${environment.platform}; commit ${environment.gitCommit ?? "?"}` +
      `${environment.gitDirty ? " (uncommitted changes)" : ""}; embedder ${environment.embedder}; ` +
      `load average ${environment.loadAverageStart.join(" ")} at start, ${environment.loadAverageEnd.join(" ")} at end; ` +
      `bench took ${formatMs(report.durationMs)}${report.options.quick ? " (--quick)" : ""} ` +
      `(${Object.entries(report.sectionMs)
        .map(([name, ms]) => `${name} ${formatMs(ms)}`)
        .join(", ")}).`,
    "",
  ];
  const rows: Row[] = [];
  if (report.ingestion !== undefined) {
    rows.push(...ingestionRows(report.ingestion.ours, report.ingestion.naive));
  }
  if (report.queries !== undefined)
    rows.push(...queryRows(report.queries.ours, report.queries.naive));
  if (report.load !== undefined) rows.push(...loadRows(report.load.ours, report.load.naive));
  if (rows.length > 0) {
    const questions = report.queries?.ours?.questions ?? report.queries?.naive?.questions;
    lines.push(
      "## Ours vs naive",
      "",
      `Naive: the textbook LangChain.js pipeline (RecursiveCharacterTextSplitter 1000/200, HNSW VectorStore, top-4, no BM25, no gate), same embedder and answer writer.` +
        `${questions === undefined ? "" : ` Latencies over ${questions} dev questions, in one process, alternating pipelines.`}` +
        `${report.load?.ours === undefined ? "" : ` Load: ${report.load.ours.connections} connections for ${report.load.ours.durationSeconds} s, POST /api/chat non-streaming, ours with its full middleware, naive behind a minimal endpoint.`}` +
        `${report.ingestion?.parallel ? " The two builds ran at the same time (--parallel-builds)." : ""}` +
        " Ratios are ours ÷ naive: above 1 means ours is larger (slower for times, faster for rates).",
      "",
      ...table(rows),
      "",
    );
  }
  if (report.serving !== undefined) {
    const { ours, naive } = report.serving;
    const caches = Object.entries(ours?.caches ?? {})
      .map(
        ([cache, counts]) =>
          `${cache}: ${counts.hits} hits, ${counts.misses} misses, ${counts.evictions} evictions`,
      )
      .join("; ");
    lines.push(
      "## Serving: one process, `POST /api/chat`",
      "",
      "Ours (`serve`: full middleware, embedding workers, caches) and naive (minimal endpoint, one thread), one after the other. " +
        "Unique: distinct eval questions each asked once after 40 others that only warm the server up (no cache can help); ours is restarted before the mix so its caches start empty. " +
        "Mix: Zipf-distributed repeats of the same questions. CPU per answer: the server process's user + system time over the run (every thread) ÷ answers.",
      "",
      ...table(servingRows(ours, naive)),
      "",
      ...(caches === "" ? [] : [`Our caches at the end (\`/metrics\`): ${caches}.`, ""]),
    );
  }
  if (report.cluster !== undefined) lines.push(...renderClusterSection(report.cluster));
  if (report.coldStart !== undefined) {
    const cold = report.coldStart;
    lines.push(
      `## Cold start (ours, median of ${cold.askMs.length})`,
      "",
      "| Measure | Median | Min | Max |",
      "|---|---|---|---|",
      ...(
        [
          ["`ask --json` (spawn to exit)", cold.askMs],
          ["`serve`: URL logged", cold.serveUrlMs],
          ["`serve`: /api/health 200", cold.serveHealthMs],
          ["`serve`: first /api/chat answer", cold.serveFirstAnswerMs],
        ] as const
      ).map(
        ([name, values]) =>
          `| ${name} | ${formatMs(median(values))} | ${formatMs(Math.min(...values))} | ${formatMs(Math.max(...values))} |`,
      ),
      "",
    );
  }
  if (report.vectorSearch !== undefined && report.vectorSearch.length > 0) {
    const settings = report.vectorSearch[0]?.hnsw;
    lines.push(
      "## HNSW vs exact search (k = 10)",
      "",
      `HNSW with our settings (M ${settings?.m}, efConstruction ${settings?.efConstruction}, efSearch ${settings?.efSearch}); exact: ExactVectorIndex (JS loop), the oracle.`,
      "",
      ...vectorTable(report.vectorSearch),
      "",
      "Recall against the candidate-list size (the same queries and exact top 10):",
      "",
      ...sweepTable(report.vectorSearch),
      "",
    );
  }
  if (report.notes.length > 0) {
    lines.push("## Notes", "", ...report.notes.map((note) => `- ${note}`), "");
  }
  return `${lines.join("\n")}`;
}
