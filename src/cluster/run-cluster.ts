import { z } from "zod";
import { findClusterBinaries, missingBinariesMessage } from "./find-binaries.ts";
import { ClusterStartError, startCluster } from "./start-cluster.ts";

/**
 * `npm run cluster`: Redis, PostgreSQL, three replicas and nginx on loopback ports (nginx on
 * `PORT`, default 8080), until Ctrl-C or SIGTERM. Exit codes: 0 stopped by a signal, 1 the
 * cluster failed to start or a server died, 2 a missing binary or a bad `PORT`/`REPLICAS`.
 */
async function main(): Promise<number> {
  const settings = z
    .object({
      PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
      REPLICAS: z.coerce.number().int().min(1).max(16).default(3),
    })
    .safeParse({
      PORT: process.env.PORT || undefined,
      REPLICAS: process.env.REPLICAS || undefined,
    });
  if (!settings.success) {
    const problems = settings.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    process.stderr.write(`error: invalid setting: ${problems.join("; ")}\n`);
    return 2;
  }
  const lookup = findClusterBinaries();
  if ("missing" in lookup) {
    process.stderr.write(`error: ${missingBinariesMessage(lookup.missing)}\n`);
    return 2;
  }

  const abort = new AbortController();
  let stop: (() => Promise<void>) | undefined;
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.stderr.write(`\n${signal}: stopping the cluster…\n`);
      abort.abort();
      if (stop === undefined) return; // start-up notices the abort and cleans up
      void stop().then(() => {
        process.stderr.write("stopped.\n");
        resolve(0);
      });
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });

  const write = (source: string, line: string) => process.stdout.write(`[${source}] ${line}\n`);
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({
      binaries: lookup.found,
      port: settings.data.PORT,
      replicas: settings.data.REPLICAS,
      onLine: write,
      onStep: (message) => write("cluster", message),
      signal: abort.signal,
    });
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return abort.signal.aborted ? 0 : 1;
  }
  stop = cluster.stop;
  const died = new Promise<number>((resolve) => {
    for (const replica of cluster.replicas) {
      replica.process.once("exit", (code, signal) => {
        if (abort.signal.aborted) return;
        write("cluster", `${replica.name} exited (${signal ?? code}); the others keep serving`);
        if (
          cluster.replicas.every(
            (each) => each.process.exitCode !== null || each.process.signalCode !== null,
          )
        ) {
          write("cluster", "every replica has exited: stopping");
          void cluster.stop().then(() => resolve(1));
        }
      });
    }
  });

  const lines = [
    "",
    `Study assistant cluster (${cluster.replicas.length} replicas) on ${cluster.url}  (nginx, config ${cluster.nginxConfigFile})`,
    ...cluster.replicas.map(
      (replica) => `  ${replica.name}  ${replica.url}  (pid ${replica.process.pid})`,
    ),
    `  Redis       ${cluster.redis.url}`,
    `  PostgreSQL  ${cluster.databaseUrl}`,
    `  index       ${cluster.indexDir}`,
    cluster.adminTokenGenerated
      ? `  admin token ${cluster.adminToken}  (made up for this run; set ADMIN_TOKEN to choose it)`
      : "  admin token from ADMIN_TOKEN",
    `Try: curl -s ${cluster.url}/api/health   Ctrl-C stops everything.`,
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return Promise.race([stopped, died]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ClusterStartError) process.stderr.write(`error: ${error.message}\n`);
    else process.stderr.write(`error: unexpected failure: ${String(error)}\n`);
    process.exit(1);
  },
);
