import { existsSync } from "node:fs";
import path from "node:path";
import { findPostgres } from "./temp-postgres.ts";

/** The one command that installs everything the cluster runs, on Debian and Ubuntu. */
export const HOW_TO_INSTALL_CLUSTER = "apt-get install redis-server postgresql nginx";

/** Where the cluster's servers are installed. */
export type ClusterBinaries = {
  redisServer: string;
  nginx: string;
  /** The folder holding PostgreSQL's `initdb` and `postgres`. */
  postgresBin: string;
};

/** The binaries, or one phrase per missing one saying what was looked for. */
export type ClusterBinariesLookup = { found: ClusterBinaries } | { missing: string[] };

/** Debian installs nginx in /usr/sbin, which is not on the PATH of ordinary users. */
const SYSTEM_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin"];

function onPath(
  name: string,
  environment: NodeJS.ProcessEnv,
  exists: (file: string) => boolean,
): string | undefined {
  const dirs = [...(environment.PATH ?? "").split(path.delimiter), ...SYSTEM_DIRS];
  return dirs
    .filter((dir) => dir !== "")
    .map((dir) => path.join(dir, name))
    .find((file) => exists(file));
}

/**
 * Finds `redis-server` (`REDIS_SERVER` when set, as the Redis tests do) and `nginx` on the PATH
 * and in the sbin folders, and PostgreSQL's binaries in `POSTGRES_BIN` or Debian's
 * `/usr/lib/postgresql/<version>/bin`.
 */
export function findClusterBinaries(
  environment: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): ClusterBinariesLookup {
  const configuredRedis = environment.REDIS_SERVER?.trim();
  const redisServer = configuredRedis
    ? [configuredRedis].find((file) => exists(file))
    : onPath("redis-server", environment, exists);
  const nginx = onPath("nginx", environment, exists);
  const postgres = findPostgres(environment, exists);
  if (redisServer !== undefined && nginx !== undefined && "binDir" in postgres) {
    return { found: { redisServer, nginx, postgresBin: postgres.binDir } };
  }
  return {
    missing: [
      ...(redisServer === undefined
        ? [
            configuredRedis
              ? `redis-server (REDIS_SERVER=${configuredRedis} does not exist)`
              : "redis-server (not on the PATH)",
          ]
        : []),
      ...("missing" in postgres ? [`PostgreSQL (${postgres.missing})`] : []),
      ...(nginx === undefined ? ["nginx (not on the PATH nor in /usr/sbin)"] : []),
    ],
  };
}

/** One line: what is missing and the command that installs it. */
export function missingBinariesMessage(missing: readonly string[]): string {
  return `cannot start the cluster: missing ${missing.join(", ")}; install them with \`${HOW_TO_INSTALL_CLUSTER}\``;
}
