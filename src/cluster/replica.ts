import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { OutputTail, readLines, stopChild, waitUntilReady } from "./internal/child-processes.ts";

/** The project root: where `bin/study-assistant.js` is. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

/** The CLI every replica runs (`serve`), as `npm start` does. */
export const CLI = path.join(PROJECT_ROOT, "bin/study-assistant.js");

/** Enough of `/api/health` to tell that a replica serves, and which index version. */
const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  index: z.object({ version: z.string() }),
  replica: z.string().optional(),
});

export type ReplicaHealth = z.infer<typeof healthSchema>;

/** `GET <url>/api/health`, parsed; rejects when the replica does not answer 200. */
export async function replicaHealth(url: string): Promise<ReplicaHealth> {
  const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) throw new Error(`GET ${url}/api/health answered ${response.status}`);
  return healthSchema.parse(await response.json());
}

export type Replica = {
  /** `replica-1`, `replica-2`, … (its `REPLICA` setting). */
  name: string;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  process: ChildProcess;
  /** Stops the replica (SIGTERM: in-flight requests finish; SIGKILL after 12 s); safe twice. */
  stop: () => Promise<void>;
};

/** The server's own shutdown grace is 10 s (src/server/start-server.ts); a little more here. */
const REPLICA_STOP_GRACE_MS = 12_000;

/**
 * Spawns `node bin/study-assistant.js serve` with `environment` (which must hold `PORT` and
 * `REPLICA`). Resolves at once: `waitForReplica` waits until it answers.
 */
export function spawnReplica(
  name: string,
  port: number,
  environment: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
): Replica & { tail: OutputTail } {
  const child = spawn(process.execPath, [CLI, "serve"], {
    cwd: PROJECT_ROOT,
    env: environment,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail = new OutputTail();
  readLines(child, (line) => {
    tail.push(line);
    onLine(line);
  });
  return {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    tail,
    stop: () => stopChild(child, "SIGTERM", REPLICA_STOP_GRACE_MS),
  };
}

/** Resolves when the replica's `/api/health` says `ok`; rejects if it exits or times out. */
export async function waitForReplica(
  replica: Replica & { tail: OutputTail },
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  await waitUntilReady(replica.process, {
    signal,
    name: replica.name,
    ready: async () => (await replicaHealth(replica.url)).status === "ok",
    describe: () => replica.tail.toString(),
    timeoutMs,
    intervalMs: 100,
  });
}
