import os from "node:os";
import { findClusterBinaries, missingBinariesMessage } from "../../src/cluster/find-binaries.ts";
import { freePort } from "../../src/cluster/internal/free-port.ts";
import { spawnReplica, waitForReplica } from "../../src/cluster/replica.ts";
import { startCluster } from "../../src/cluster/start-cluster.ts";
import { benchEnvironment } from "./bench-config.ts";
import type { ServingPhase } from "./bench-report.ts";
import { askChat, driveChat } from "./internal/drive-chat.ts";
import { zipfMix } from "./measure-serving.ts";
import { round } from "./statistics.ts";

const START_TIMEOUT_MS = 180_000;
/** Questions that only warm the servers up (JIT, lazily built tables), never measured. */
const WARM_UP_QUESTIONS = 40;

/** One setup (one process, or the replicas behind nginx) through the unique run and the mix. */
export type ClusterSetupFigures = { label: string; unique: ServingPhase; mix: ServingPhase };

export type ClusterFigures = {
  replicas: number;
  connections: number;
  /** One `serve` process (embedding workers: one per core), then the cluster through nginx. */
  setups: ClusterSetupFigures[];
  /** 1, 5 and 15 minute load averages at the start and at the end of the section. */
  loadAverageStart: number[];
  loadAverageEnd: number[];
};

export type ClusterSettings = {
  /** Distinct benchmark questions; split into warm-up, unique and mix questions. */
  questions: string[];
  mixRequests: number;
  connections: number;
  indexDir: string;
  logLevel: string;
};

const loadAverage = () => os.loadavg().map((value) => round(value));

/**
 * Throughput and latency of `POST /api/chat` (JSON) with the default embedder, one `serve`
 * process against `npm run cluster`'s replicas behind nginx, on the same questions: distinct
 * questions each asked once (no cache can help), then a Zipf mix with repeats of other questions
 * (the unique and mix questions are disjoint, so neither run warms the other's caches). CPU per
 * answer counts every replica (not nginx, Redis or PostgreSQL). Returns why when the cluster's
 * binaries are missing.
 */
export async function measureCluster(
  settings: ClusterSettings,
  log: (message: string) => void,
): Promise<ClusterFigures | { skipped: string }> {
  const lookup = findClusterBinaries();
  if ("missing" in lookup) return { skipped: missingBinariesMessage(lookup.missing) };
  const warmUp = settings.questions.slice(0, WARM_UP_QUESTIONS);
  const measured = settings.questions.slice(WARM_UP_QUESTIONS);
  const half = Math.floor(measured.length / 2);
  const unique = measured.slice(0, half);
  const mix = zipfMix(measured.slice(half), settings.mixRequests);
  const environment = benchEnvironment({
    INDEX_DIR: settings.indexDir,
    RATE_LIMIT_PER_MINUTE: "0",
    INDEX_WATCH_MS: "0",
    LOG_LEVEL: settings.logLevel,
  });
  const loadAverageStart = loadAverage();
  const setups: ClusterSetupFigures[] = [];
  const run = async (label: string, url: string, pids: (number | undefined)[]) => {
    for (const question of warmUp) await askChat(url, question);
    log(`cluster: ${label}, ${unique.length} unique questions, then a mix of ${mix.length}…`);
    setups.push({
      label,
      unique: await driveChat(url, pids, "unique", unique, settings.connections),
      mix: await driveChat(url, pids, "mix", mix, settings.connections),
    });
  };

  const port = await freePort();
  const single = spawnReplica("single", port, { ...environment, PORT: String(port) }, () => {});
  try {
    await waitForReplica(single, START_TIMEOUT_MS);
    await run("one process", single.url, [single.process.pid]);
  } finally {
    await single.stop();
  }

  const replicas = 3;
  log(`cluster: starting Redis, PostgreSQL, ${replicas} replicas and nginx…`);
  const cluster = await startCluster({
    binaries: lookup.found,
    replicas,
    environment,
    startTimeoutMs: START_TIMEOUT_MS,
  });
  try {
    await run(
      `${replicas} replicas behind nginx`,
      cluster.url,
      cluster.replicas.map((replica) => replica.process.pid),
    );
  } finally {
    await cluster.stop();
  }
  return {
    replicas,
    connections: settings.connections,
    setups,
    loadAverageStart,
    loadAverageEnd: loadAverage(),
  };
}

const formatMs = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : "–");

/** The report's section: one row per setup and run. */
export function renderClusterSection(figures: ClusterFigures | { skipped: string }): string[] {
  if ("skipped" in figures) return ["## Cluster", "", `Not measured: ${figures.skipped}.`, ""];
  const rows = figures.setups.flatMap((setup) =>
    [setup.unique, setup.mix].map((phase) => {
      const { p50, p95, p99 } = phase.latencyMs;
      return `| ${setup.label} | ${phase.label} (${phase.requests}, ${phase.distinct} distinct) | ${phase.requestsPerSecond} | ${[p50, p95, p99].map(formatMs).join(" / ")} | ${phase.cpuMsPerAnswer === undefined ? "–" : formatMs(phase.cpuMsPerAnswer)} | ${phase.failures} |`;
    }),
  );
  return [
    `## Cluster: one process vs ${figures.replicas} replicas behind nginx`,
    "",
    `\`POST /api/chat\` (JSON), ${figures.connections} connections, default embedder. One process: \`serve\` with its embedding workers; the cluster: \`npm run cluster\` (replicas without embedding workers, Redis answer cache, nginx). Unique and mix questions are disjoint. Load average ${figures.loadAverageStart.join(" ")} at start, ${figures.loadAverageEnd.join(" ")} at end.`,
    "",
    "| Setup | Run | Answers/s | p50 / p95 / p99 | CPU per answer | Failed |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
  ];
}
