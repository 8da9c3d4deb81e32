import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../src/cluster/internal/free-port.ts";

export const HOW_TO_INSTALL_REDIS =
  "install Redis (`apt-get install redis-server`) or set REDIS_SERVER to the redis-server binary";

/** Where the redis-server binary is, or why the Redis tests cannot run. */
export type RedisLookup = { binary: string } | { missing: string };

/** `REDIS_SERVER` when set (it must exist), else the first `redis-server` on PATH or in sbin. */
export function findRedisServer(
  environment: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): RedisLookup {
  const configured = environment.REDIS_SERVER?.trim();
  if (configured) {
    return exists(configured)
      ? { binary: configured }
      : { missing: `REDIS_SERVER=${configured} does not exist` };
  }
  const folders = [...(environment.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/bin"];
  const found = folders
    .filter((folder) => folder !== "")
    .map((folder) => path.join(folder, "redis-server"))
    .find((file) => exists(file));
  return found === undefined
    ? { missing: "no redis-server on PATH or in /usr/sbin, /usr/bin" }
    : { binary: found };
}

/**
 * Whether the Redis suites should be skipped: only when redis-server is missing and this is not
 * CI. Under `CI=true` they run (and fail, saying why), like the browser and PostgreSQL suites.
 */
export function skipRedisSuite(lookup: RedisLookup, environment = process.env): boolean {
  if ("binary" in lookup) return false;
  if (environment.CI === "true") return false;
  console.warn(
    `Skipping the Redis tests: ${lookup.missing}; to run them, ${HOW_TO_INSTALL_REDIS}.`,
  );
  return true;
}

export type TempRedis = {
  /** `redis://127.0.0.1:<port>` (no password). */
  url: string;
  port: number;
  /** Kills the server (as a crash would: SIGKILL, nothing saved); the port stays reserved for `start`. */
  kill: () => Promise<void>;
  /** Starts the server again on the same port, empty. */
  start: () => Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as a hung server. */
  pause: () => void;
  /** Lets a paused server run again (SIGCONT). */
  resume: () => void;
  /** Stops the server and removes its folder; safe to call twice. */
  stop: () => Promise<void>;
};

/** Resolves when the server logs that it accepts connections; rejects if it exits first. */
function whenReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`redis-server did not start within ${timeoutMs} ms:\n${log.join("")}`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${signal ?? code}) while starting:\n${log.join("")}`));
    };
    child.stdout?.on("data", (data: Buffer) => {
      log.push(data.toString());
      if (log.join("").includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.off("exit", onExit);
        // Keep draining its output so a full pipe never blocks the server.
        child.stdout?.resume();
        resolve();
      }
    });
    child.once("exit", onExit);
  });
}

/**
 * A throw-away redis-server on a free port of 127.0.0.1 with no persistence (no RDB snapshots, no
 * append-only file; its working folder is a temporary one). The server is a child of this
 * process, killed on `stop()` and, failing that, when this process exits.
 */
export async function startTempRedis(lookup: RedisLookup): Promise<TempRedis> {
  // Under CI=true the suites run without redis-server, and fail here saying what to install.
  if (!("binary" in lookup)) throw new Error(`${lookup.missing}; ${HOW_TO_INSTALL_REDIS}`);
  const { binary } = lookup;
  const directory = await mkdtemp(path.join(tmpdir(), "study-assistant-redis-"));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  process.once("exit", killOnExit);

  const kill = async () => {
    const server = child;
    child = undefined;
    if (server === undefined || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await exited;
  };
  const start = async () => {
    if (child !== undefined) throw new Error("redis-server is already running");
    const server = spawn(
      binary,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        directory,
        "--daemonize",
        "no",
        "--loglevel",
        "notice",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = server;
    server.stderr?.resume();
    await whenReady(server, 10_000);
  };
  const stop = async () => {
    process.off("exit", killOnExit);
    await kill();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  const signal = (name: NodeJS.Signals) => () => {
    if (child === undefined) throw new Error("redis-server is not running");
    child.kill(name);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    pause: signal("SIGSTOP"),
    resume: signal("SIGCONT"),
    stop,
  };
}
