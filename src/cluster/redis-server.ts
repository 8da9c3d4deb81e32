import { mkdir } from "node:fs/promises";
import { spawnServer } from "./internal/child-processes.ts";
import { freePort } from "./internal/free-port.ts";

export type RedisServer = {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number | undefined;
  /** Stops the server (SIGTERM, SIGKILL after 5 s); safe to call twice. */
  stop: () => Promise<void>;
};

/**
 * `redis-server` on a free port of 127.0.0.1 with no persistence (no RDB snapshots, no AOF):
 * the cluster's rate limits, cache and announcements are worth nothing after it stops.
 * `directory` is its working folder (it writes nothing there without persistence).
 */
export async function startRedis(
  binary: string,
  directory: string,
  options: { onLine?: (line: string) => void; timeoutMs?: number } = {},
): Promise<RedisServer> {
  await mkdir(directory, { recursive: true });
  const port = await freePort();
  const { pid, stop } = await spawnServer(
    binary,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--protected-mode",
      "yes",
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--dir",
      directory,
      "--logfile",
      "",
      // Warnings only; readiness is told by the port accepting connections.
      "--loglevel",
      "warning",
    ],
    {
      name: "redis-server",
      port,
      stopSignal: "SIGTERM",
      onLine: options.onLine,
      timeoutMs: options.timeoutMs,
    },
  );
  return { url: `redis://127.0.0.1:${port}`, port, pid, stop };
}
