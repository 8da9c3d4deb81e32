import { spawnSync } from "node:child_process";
import os from "node:os";
import type { EnvironmentFigures } from "./bench-report.ts";

function git(args: string[]): string | undefined {
  const result = spawnSync("git", args, { encoding: "utf8", timeout: 5000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Where the figures were measured. Load averages show whether other work shared the machine. */
export function describeEnvironment(embedder: string): EnvironmentFigures {
  const cpus = os.cpus();
  const status = git(["status", "--porcelain"]);
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${process.arch}`,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpus: cpus.length,
    totalMemoryBytes: os.totalmem(),
    loadAverageStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    loadAverageEnd: [],
    gitCommit: git(["rev-parse", "--short", "HEAD"]),
    gitDirty: status === undefined ? undefined : status !== "",
    embedder,
  };
}
