import { benchEnvironment } from "./bench-config.ts";
import type { ServingFigures } from "./bench-report.ts";
import {
  type ServerProcess,
  startServerProcess,
  stopProcess,
  tsxArgs,
  waitForOk,
} from "./internal/child-process.ts";
import { askChat, driveChat } from "./internal/drive-chat.ts";
import { readHighWaterMark } from "./internal/peak-rss.ts";
import { seededRandom } from "./internal/seeded-random.ts";

const START_TIMEOUT_MS = 180_000;
/** Questions kept out of the unique run and asked one at a time afterwards (new to the server). */
const SEQUENTIAL_QUESTIONS = 40;
/**
 * Questions that only warm a server up (its JIT, lazily built tables, the spelling search), kept
 * out of every measured run so that no cache is warmed by them.
 */
const WARM_UP_QUESTIONS = 40;

export type ServingSettings = {
  /** Every distinct benchmark question (the unique run asks each once). */
  questions: string[];
  /** Requests of the realistic mix (popular questions asked again and again). */
  mixRequests: number;
  connections: number;
  indexDir: string;
  naiveDir: string | undefined;
  logLevel: string;
};

/**
 * A realistic mix: `count` requests drawn from `questions` with Zipf weights (the k-th most
 * popular asked about 1/k as often as the first), the popularity order shuffled by a fixed seed.
 */
export function zipfMix(questions: string[], count: number, seed = 13): string[] {
  const random = seededRandom(seed);
  const order = [...questions];
  for (let position = order.length - 1; position > 0; position--) {
    const other = Math.floor(random() * (position + 1));
    [order[position], order[other]] = [order[other] as string, order[position] as string];
  }
  const weights = order.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let target = random() * total;
    for (const [rank, weight] of weights.entries()) {
      target -= weight;
      if (target <= 0) return order[rank] as string;
    }
    return order.at(-1) as string;
  });
}

/** The cache counters of our server's `/metrics`, per cache. */
async function cacheCounters(
  url: string,
): Promise<Record<string, { hits: number; misses: number; evictions: number }>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const caches: Record<string, { hits: number; misses: number; evictions: number }> = {};
  for (const match of text.matchAll(
    /^study_assistant_cache_(hits|misses|evictions)_total\{cache="([^"]+)"\} (\d+)/gm,
  )) {
    const [, field, cache, value] = match as unknown as [string, "hits", string, string];
    caches[cache] ??= { hits: 0, misses: 0, evictions: 0 };
    caches[cache][field] = Number(value);
  }
  return caches;
}

async function warmUp(url: string, questions: string[]): Promise<void> {
  for (const question of questions) await askChat(url, question);
}

async function sequential(server: ServerProcess, label: string, questions: string[]) {
  return (await driveChat(server.url, [server.child.pid], label, questions, 1)).latencyMs;
}

function startOurs(settings: ServingSettings): Promise<ServerProcess> {
  return startServerProcess(["bin/study-assistant.js", "serve"], {
    env: benchEnvironment({
      INDEX_DIR: settings.indexDir,
      HOST: "127.0.0.1",
      PORT: "0",
      RATE_LIMIT_PER_MINUTE: "0",
      INDEX_WATCH_MS: "0",
      LOG_LEVEL: settings.logLevel,
    }),
    timeoutMs: START_TIMEOUT_MS,
  });
}

function startNaive(settings: ServingSettings & { naiveDir: string }): Promise<ServerProcess> {
  return startServerProcess(tsxArgs("eval/bench/naive-server.ts"), {
    env: benchEnvironment({ INDEX_DIR: settings.indexDir, NAIVE_DIR: settings.naiveDir }),
    timeoutMs: START_TIMEOUT_MS,
  });
}

/** One server through the runs; `fresh` restarts it (ours: empty caches) before the mix. */
async function measure(
  start: () => Promise<ServerProcess>,
  settings: ServingSettings,
  options: { fresh: boolean; metrics: boolean },
): Promise<ServingFigures> {
  const warmUpQuestions = settings.questions.slice(0, WARM_UP_QUESTIONS);
  const measured = settings.questions.slice(WARM_UP_QUESTIONS);
  const sequentialNew = measured.slice(0, SEQUENTIAL_QUESTIONS);
  const unique = measured.slice(SEQUENTIAL_QUESTIONS);
  const mix = zipfMix(measured, settings.mixRequests);
  // The warm answer: questions of the mix asked again, one at a time, most popular first.
  const repeated = [...new Set(mix)].slice(0, SEQUENTIAL_QUESTIONS);
  let server = await start();
  let peakRss: number | undefined;
  try {
    await waitForOk(`${server.url}/api/health`, START_TIMEOUT_MS);
    await warmUp(server.url, warmUpQuestions);
    const uniqueRun = await driveChat(
      server.url,
      [server.child.pid],
      "unique",
      unique,
      settings.connections,
    );
    const sequentialNewRun = await sequential(server, "sequential, new", sequentialNew);
    if (options.fresh) {
      peakRss = server.child.pid === undefined ? undefined : readHighWaterMark(server.child.pid);
      await stopProcess(server.child);
      server = await start();
      await waitForOk(`${server.url}/api/health`, START_TIMEOUT_MS);
      await warmUp(server.url, warmUpQuestions);
    }
    const mixRun = await driveChat(
      server.url,
      [server.child.pid],
      "mix",
      mix,
      settings.connections,
    );
    const warm = await sequential(server, "sequential, repeated", repeated);
    const rss = server.child.pid === undefined ? undefined : readHighWaterMark(server.child.pid);
    return {
      connections: settings.connections,
      unique: uniqueRun,
      mix: mixRun,
      sequentialNew: sequentialNewRun,
      sequentialRepeated: warm,
      peakRssBytes: Math.max(peakRss ?? 0, rss ?? 0) || undefined,
      ...(options.metrics ? { caches: await cacheCounters(server.url) } : {}),
    };
  } finally {
    await stopProcess(server.child);
  }
}

/**
 * `POST /api/chat` (JSON) on one server process, ours and naive one after the other: throughput
 * and latency on distinct questions each asked once (no cache can help), on a Zipf mix with
 * repeats, and one at a time (new questions, then repeated ones: the warm answer); CPU per answer
 * from /proc (every thread of the server); our cache counters from `/metrics`. Ours restarts
 * before the mix so that the unique run leaves nothing in its caches.
 */
export async function measureServing(
  settings: ServingSettings,
): Promise<{ ours?: ServingFigures; naive?: ServingFigures }> {
  const ours = await measure(() => startOurs(settings), settings, { fresh: true, metrics: true });
  const naiveDir = settings.naiveDir;
  if (naiveDir === undefined) return { ours };
  const naive = await measure(() => startNaive({ ...settings, naiveDir }), settings, {
    fresh: false,
    metrics: false,
  });
  return { ours, naive };
}
