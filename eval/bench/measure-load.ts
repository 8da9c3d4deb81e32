import { benchEnvironment } from "./bench-config.ts";
import type { LoadFigures } from "./bench-report.ts";
import { runAutocannon } from "./internal/autocannon.ts";
import {
  type ServerProcess,
  startServerProcess,
  stopProcess,
  tsxArgs,
  waitForOk,
} from "./internal/child-process.ts";
import { askChat } from "./internal/drive-chat.ts";
import { readHighWaterMark } from "./internal/peak-rss.ts";
import { round } from "./statistics.ts";

const START_TIMEOUT_MS = 180_000;

export type LoadSettings = {
  questions: string[];
  connections: number;
  /** Seconds. */
  duration: number;
};

/** Sequential answers to every question, so the model is loaded and code paths are warm. */
async function warmUp(url: string, questions: string[]): Promise<void> {
  for (const question of questions) {
    if (!(await askChat(url, question))) {
      throw new Error(`warm-up: ${url}/api/chat did not answer "${question}" with 2xx`);
    }
  }
}

/** autocannon against `POST /api/chat` (non-streaming), cycling through the questions. */
async function load(
  server: ServerProcess,
  settings: LoadSettings,
  middleware: string,
): Promise<LoadFigures> {
  await waitForOk(`${server.url}/api/health`, START_TIMEOUT_MS);
  await warmUp(server.url, settings.questions);
  const result = await runAutocannon({
    url: server.url,
    connections: settings.connections,
    duration: settings.duration,
    timeout: 30,
    requests: settings.questions.map((question) => ({
      method: "POST",
      path: "/api/chat",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: question }),
    })),
  });
  return {
    url: server.url,
    connections: settings.connections,
    durationSeconds: round(result.duration),
    requests: result["2xx"] + result.non2xx,
    requestsPerSecond: round((result["2xx"] + result.non2xx) / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: round(result.latency.average),
      max: result.latency.max,
    },
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverPeakRssBytes:
      server.child.pid === undefined ? undefined : readHighWaterMark(server.child.pid),
    middleware,
  };
}

/** Our server (`bin/study-assistant.js serve`, rate limit off) under load. */
export async function measureOursLoad(
  settings: LoadSettings & { indexDir: string; logLevel: string },
): Promise<LoadFigures> {
  const server = await startServerProcess(["bin/study-assistant.js", "serve"], {
    env: benchEnvironment({
      INDEX_DIR: settings.indexDir,
      HOST: "127.0.0.1",
      PORT: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: settings.logLevel,
    }),
    timeoutMs: START_TIMEOUT_MS,
  });
  try {
    return await load(
      server,
      settings,
      `full app: helmet, pino request logs (LOG_LEVEL=${settings.logLevel}), Prometheus metrics, zod validation; rate limit off`,
    );
  } finally {
    await stopProcess(server.child);
  }
}

/** The naive pipeline behind the bench's minimal endpoint (naive-server.ts) under load. */
export async function measureNaiveLoad(
  settings: LoadSettings & { indexDir: string; naiveDir: string },
): Promise<LoadFigures> {
  const server = await startServerProcess(tsxArgs("eval/bench/naive-server.ts"), {
    env: benchEnvironment({ INDEX_DIR: settings.indexDir, NAIVE_DIR: settings.naiveDir }),
    timeoutMs: START_TIMEOUT_MS,
  });
  try {
    return await load(server, settings, "minimal Express 5 endpoint: JSON body only");
  } finally {
    await stopProcess(server.child);
  }
}
