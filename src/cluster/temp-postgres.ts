import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./internal/free-port.ts";

const run = promisify(execFile);

/** Where Debian installs each PostgreSQL version's binaries (`apt-get install postgresql`). */
const DEBIAN_ROOT = "/usr/lib/postgresql";

export const HOW_TO_INSTALL_POSTGRES =
  "install PostgreSQL (`apt-get install postgresql`) or set POSTGRES_BIN to a folder holding initdb and postgres";

/** Where the PostgreSQL binaries are, or why PostgreSQL cannot be started. */
export type PostgresLookup = { binDir: string } | { missing: string };

/**
 * The folder holding `initdb` and `postgres`: `POSTGRES_BIN` when set, else Debian's
 * `/usr/lib/postgresql/<version>/bin`, the newest version first (15 on Debian 12).
 */
export function findPostgres(
  environment: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
  versions: () => string[] = debianVersions,
): PostgresLookup {
  const configured = environment.POSTGRES_BIN?.trim();
  const candidates = configured
    ? [configured]
    : versions().map((version) => path.join(DEBIAN_ROOT, version, "bin"));
  const found = candidates.find((binDir) =>
    ["initdb", "postgres"].every((name) => exists(path.join(binDir, name))),
  );
  if (found !== undefined) return { binDir: found };
  return {
    missing: configured
      ? `POSTGRES_BIN=${configured} holds no initdb and postgres`
      : `no initdb and postgres in ${DEBIAN_ROOT}/<version>/bin`,
  };
}

function debianVersions(): string[] {
  try {
    return readdirSync(DEBIAN_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .sort((left, right) => Number(right) - Number(left));
  } catch {
    return [];
  }
}

export type TempPostgres = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, no password). */
  url: string;
  /** Milliseconds from `startTempPostgres` to accepting connections (initdb included). */
  startMs: number;
  /** Stops the server and removes its folder; safe to call twice. */
  stop: () => Promise<void>;
};

/** initdb and postgres refuse to run as root: as root, run them as this user. */
const SERVICE_USER = "postgres";

/** The uid and gid of `SERVICE_USER` when this process is root; none otherwise. */
function serviceAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${SERVICE_USER}:`));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      `running as root, and there is no "${SERVICE_USER}" user to run PostgreSQL as; ${HOW_TO_INSTALL_POSTGRES}`,
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/** Resolves when the server logs that it accepts connections; rejects if it exits first. */
function whenReady(child: ChildProcess, log: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`PostgreSQL did not start within ${timeoutMs} ms:\n${log.join("")}`));
    }, timeoutMs);
    child.stderr?.on("data", (data: Buffer) => {
      log.push(data.toString());
      if (log.join("").includes("database system is ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${signal ?? code}) while starting:\n${log.join("")}`));
    });
  });
}

/**
 * A throw-away PostgreSQL cluster: initdb in a temporary folder, a server on a free port of
 * 127.0.0.1 with its socket in that folder, fsync off (its data is removed on `stop()`, so it
 * needs speed, not durability). Used by the tests and by `npm run cluster`. The
 * server is a child of this process, killed on `stop()` and, failing that, when this process
 * exits; the folder is removed on `stop()` and on a failed start.
 */
export async function startTempPostgres(binDir: string): Promise<TempPostgres> {
  const startedAt = performance.now();
  const account = serviceAccount();
  const directory = await mkdtemp(path.join(tmpdir(), "study-assistant-pg-"));
  const dataDir = path.join(directory, "data");
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill("SIGKILL");
  const stop = async () => {
    process.off("exit", killOnExit);
    const server = child;
    child = undefined;
    if (server !== undefined && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      // SIGQUIT: immediate shutdown; nothing in a test cluster needs a checkpoint.
      server.kill("SIGQUIT");
      const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(directory, { recursive: true, force: true });
  };
  try {
    if (account !== undefined) await chown(directory, account.uid, account.gid);
    const asService = { ...(account ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" } };
    await run(
      path.join(binDir, "initdb"),
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"],
      asService,
    );
    const port = await freePort();
    const log: string[] = [];
    child = spawn(
      path.join(binDir, "postgres"),
      [
        "-D",
        dataDir,
        "-p",
        String(port),
        "-k",
        directory,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off",
      ],
      { ...asService, stdio: ["ignore", "ignore", "pipe"] },
    );
    process.once("exit", killOnExit);
    await whenReady(child, log, 30_000);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      startMs: Math.round(performance.now() - startedAt),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
