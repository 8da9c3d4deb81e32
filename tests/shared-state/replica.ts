import type { Server } from "node:http";
import { Assistant } from "../../src/answer/assistant.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";
import { type LoadedIndex, loadIndex } from "../../src/index/index-store.ts";
import type { IngestSummary } from "../../src/ingest/ingest.ts";
import { createApp } from "../../src/server/app.ts";
import { LiveAssistant } from "../../src/server/live-assistant.ts";
import { startServer, stopServer } from "../../src/server/start-server.ts";
import { createSharedState, type SharedState } from "../../src/shared-state/index.ts";

/** One replica as `npm start` wires it with REDIS_URL, on a free loopback port. */
export type Replica = {
  name: string;
  url: string;
  live: LiveAssistant;
  shared: SharedState;
  /** Every line the replica logged (Redis status changes, index swaps). */
  logs: string[];
  close: () => Promise<void>;
};

export type ReplicaOptions = {
  name: string;
  redisUrl: string;
  indexDir: string;
  embedder: Embedder;
  rateLimitPerMinute?: number;
  /** Express `trust proxy`, as TRUST_PROXY sets it. */
  trustProxy?: number;
  /** Polling interval of CURRENT; none when not given. */
  watchMs?: number;
  /** Turns on `POST /admin/reindex` with this token and rebuild. */
  admin?: { token: string; reindex: () => Promise<IngestSummary> };
};

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const create = (index: LoadedIndex) => new Assistant({ index, embedder: options.embedder });
  const live = new LiveAssistant({
    initial: create(await loadIndex(options.indexDir, options.embedder)),
    indexDir: options.indexDir,
    embedder: options.embedder,
    create,
  });
  if (options.watchMs !== undefined) live.watch(options.watchMs, log);
  const shared = createSharedState({
    url: options.redisUrl,
    replica: options.name,
    log,
    // Back within a fraction of a second of Redis returning, so the tests stay short.
    maxReconnectDelayMs: 200,
  });
  shared.announceReindexes(live);
  const app = createApp(
    {
      assistant: live,
      embedder: options.embedder,
      redis: shared.connection,
      ...(options.admin === undefined ? {} : { admin: { ...options.admin, live } }),
    },
    {
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      rateLimitStore: shared.rateLimitStore,
      replica: options.name,
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    },
  );
  const { server, url } = await startServer(app, { host: "127.0.0.1", port: 0 });
  return {
    name: options.name,
    url,
    live,
    shared,
    logs,
    close: async () => {
      live.close();
      shared.close();
      await stopServer(server as Server, 500);
    },
  };
}

/** Resolves once the connection reports `status` (it reconnects in the background). */
export async function untilRedis(shared: SharedState, status: "connected" | "unavailable") {
  const deadline = Date.now() + 5000;
  while (shared.status !== status) {
    if (Date.now() > deadline) throw new Error(`Redis still ${shared.status} after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
