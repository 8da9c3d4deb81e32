import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ClusterBinaries } from "./find-binaries.ts";
import { OutputTail, readLines } from "./internal/child-processes.ts";
import { freePort, portIsFree } from "./internal/free-port.ts";
import { type NginxServer, startNginx } from "./nginx-server.ts";
import { type RedisServer, startRedis } from "./redis-server.ts";
import { CLI, PROJECT_ROOT, type Replica, spawnReplica, waitForReplica } from "./replica.ts";
import { startTempPostgres, type TempPostgres } from "./temp-postgres.ts";

export type ClusterOptions = {
  binaries: ClusterBinaries;
  /** Port of nginx, the cluster's front door, on 127.0.0.1. @default a free port */
  port?: number;
  /** @default 3 */
  replicas?: number;
  /**
   * The replicas' settings (docs/operations.md), on top of this process's environment; the
   * cluster sets `HOST`, `PORT`, `REPLICA`, `REDIS_URL`, `DATABASE_URL` and `TRUST_PROXY` itself,
   * makes `INDEX_DIR` and `CORPUS_DIR` absolute, makes up an `ADMIN_TOKEN` when none is given and
   * sets `LOG_LEVEL` to `warn` (one line per request from three replicas is a flood) and
   * `EMBED_WORKERS` to `0` (the replicas already use the cores) when they are unset.
   */
  environment?: NodeJS.ProcessEnv;
  /** Every line the servers write, with its source (`redis`, `postgres`, `nginx`, `replica-1`…). */
  onLine?: (source: string, line: string) => void;
  /** Told what is starting, for progress output. */
  onStep?: (message: string) => void;
  /** Longest wait for each server to be ready, in ms. @default 120000 */
  startTimeoutMs?: number;
  /** Aborting stops the start-up and everything already started. */
  signal?: AbortSignal;
};

export type Cluster = {
  /** nginx: `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  replicas: readonly Replica[];
  redis: Pick<RedisServer, "url" | "port">;
  /** The PostgreSQL URL the replicas share (trust authentication on loopback). */
  databaseUrl: string;
  nginxConfigFile: string;
  indexDir: string;
  adminToken: string;
  /** True when `adminToken` was made up because `ADMIN_TOKEN` was unset. */
  adminTokenGenerated: boolean;
  /** Stops nginx, the replicas, Redis and PostgreSQL, and removes the temporary files; idempotent. */
  stop: () => Promise<void>;
};

/** Thrown when the cluster cannot start; everything started so far has been stopped. */
export class ClusterStartError extends Error {
  override name = "ClusterStartError";
}

/** Milliseconds since `start`, rounded, for progress lines. */
function since(start: number): number {
  return Math.round(performance.now() - start);
}

/**
 * Starts Redis and PostgreSQL, `replicas` servers (`node bin/study-assistant.js serve`) sharing
 * one index folder and both databases, and nginx in front of them; resolves when every replica's
 * `/api/health` answers ok and nginx accepts connections. If any step fails (or `signal` aborts),
 * whatever was started is stopped and the temporary folder removed before the promise rejects.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const started = performance.now();
  const { binaries, signal } = options;
  const count = options.replicas ?? 3;
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const onLine = options.onLine ?? (() => {});
  const step = options.onStep ?? (() => {});
  const base = { ...process.env, ...options.environment };
  const indexDir = path.resolve(base.INDEX_DIR || "indexes");
  const corpusDir = path.resolve(base.CORPUS_DIR || "corpus");
  const adminTokenGenerated = !base.ADMIN_TOKEN;
  const adminToken = base.ADMIN_TOKEN || randomBytes(24).toString("base64url");

  const port = options.port ?? (await freePort());
  if (!(await portIsFree(port))) {
    throw new ClusterStartError(
      `port ${port} of 127.0.0.1 is in use; choose another one with PORT`,
    );
  }
  const directory = await mkdtemp(path.join(tmpdir(), "study-assistant-cluster-"));
  let redis: RedisServer | undefined;
  let postgres: TempPostgres | undefined;
  let nginx: NginxServer | undefined;
  const replicas: ReturnType<typeof spawnReplica>[] = [];
  // A launcher that dies without stopping the cluster must not leave servers behind.
  const killOnExit = () => {
    for (const replica of replicas) replica.process.kill("SIGKILL");
  };
  process.once("exit", killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await nginx?.stop();
      await Promise.all(replicas.map((replica) => replica.stop()));
      process.off("exit", killOnExit);
      await Promise.all([redis?.stop(), postgres?.stop()]);
      await rm(directory, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    step("starting Redis and PostgreSQL");
    const [redisStart, postgresStart] = await Promise.allSettled([
      startRedis(binaries.redisServer, path.join(directory, "redis"), {
        onLine: (line) => onLine("redis", line),
        timeoutMs,
      }),
      startTempPostgres(binaries.postgresBin),
    ]);
    if (redisStart.status === "fulfilled") redis = redisStart.value;
    if (postgresStart.status === "fulfilled") postgres = postgresStart.value;
    if (redisStart.status === "rejected") throw redisStart.reason;
    if (postgresStart.status === "rejected") throw postgresStart.reason;
    if (redis === undefined || postgres === undefined) throw new Error("unreachable");
    signal?.throwIfAborted();

    if (!existsSync(path.join(indexDir, "CURRENT"))) {
      step(`no index in ${indexDir}: building it once for every replica (npm run ingest)`);
      await buildIndex({ ...base, INDEX_DIR: indexDir, CORPUS_DIR: corpusDir }, onLine, signal);
    }

    const ports = new Set<number>();
    while (ports.size < count) ports.add(await freePort());
    step(`starting ${count} replicas`);
    for (const [position, port] of [...ports].entries()) {
      const name = `replica-${position + 1}`;
      const environment: NodeJS.ProcessEnv = {
        ...base,
        HOST: "127.0.0.1",
        PORT: String(port),
        REPLICA: name,
        REDIS_URL: redis.url,
        DATABASE_URL: postgres.url,
        INDEX_DIR: indexDir,
        CORPUS_DIR: corpusDir,
        // One proxy hop, nginx: the client's address is the last one it adds to X-Forwarded-For.
        TRUST_PROXY: "1",
        ADMIN_TOKEN: adminToken,
        LOG_LEVEL: base.LOG_LEVEL || "warn",
        // The replicas are the parallelism (about one per core): no embedding threads each.
        EMBED_WORKERS: base.EMBED_WORKERS || "0",
      };
      replicas.push(spawnReplica(name, port, environment, (line) => onLine(name, line)));
    }
    await Promise.all(replicas.map((replica) => waitForReplica(replica, timeoutMs, signal)));
    step(`replicas answer (${since(started)} ms); starting nginx`);
    nginx = await startNginx(binaries.nginx, path.join(directory, "nginx"), {
      port,
      replicaPorts: replicas.map((replica) => replica.port),
      onLine: (line) => onLine("nginx", line),
      timeoutMs,
    });
    signal?.throwIfAborted();
    return {
      url: nginx.url,
      port: nginx.port,
      replicas,
      redis: { url: redis.url, port: redis.port },
      databaseUrl: postgres.url,
      nginxConfigFile: nginx.configFile,
      indexDir,
      adminToken,
      adminTokenGenerated,
      stop,
    };
  } catch (error) {
    await stop();
    if (signal?.aborted) throw new ClusterStartError("start-up interrupted; everything stopped");
    throw new ClusterStartError(
      `the cluster did not start: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** `node bin/study-assistant.js ingest` once, so the replicas do not race to build the index. */
function buildIndex(
  environment: NodeJS.ProcessEnv,
  onLine: (source: string, line: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, "ingest"], {
      cwd: PROJECT_ROOT,
      env: environment,
      stdio: ["ignore", "pipe", "pipe"],
      ...(signal === undefined ? {} : { signal }),
    });
    const tail = new OutputTail();
    readLines(child, (line) => {
      tail.push(line);
      onLine("ingest", line);
    });
    child.once("error", reject);
    child.once("exit", (code, killedBy) => {
      if (code === 0) resolve();
      else reject(new Error(`ingest failed (${killedBy ?? code}):\n${tail.toString()}`));
    });
  });
}
