import { readFile } from "node:fs/promises";
import type { ServingPhase } from "../bench-report.ts";
import { round, summarise } from "../statistics.ts";

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ). */
const CLOCK_TICKS = 100;

/** User + system CPU time of processes and all their threads so far (ms), from /proc; Linux only. */
export async function processCpuMs(
  pids: readonly (number | undefined)[],
): Promise<number | undefined> {
  let total = 0;
  for (const pid of pids) {
    if (pid === undefined) return undefined;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return undefined;
    }
  }
  return total;
}

/** One `POST /api/chat` (JSON), read to the end; whether it answered 2xx. */
export async function askChat(url: string, question: string): Promise<boolean> {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message: question }),
    signal: AbortSignal.timeout(60_000),
  });
  await response.arrayBuffer();
  return response.ok;
}

/**
 * Sends `questions` in order to `url` over `connections` concurrent clients, timing each answer;
 * CPU per answer is that of the processes `pids` over the run.
 */
export async function driveChat(
  url: string,
  pids: readonly (number | undefined)[],
  label: string,
  questions: string[],
  connections: number,
): Promise<ServingPhase> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const cpuBefore = await processCpuMs(pids);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, questions.length) }, async () => {
      while (next < questions.length) {
        const question = questions[next++] as string;
        const sent = performance.now();
        const ok = await askChat(url, question).catch(() => false);
        if (ok) latencies.push(performance.now() - sent);
        else failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await processCpuMs(pids);
  return {
    label,
    requests: questions.length,
    distinct: new Set(questions).size,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    latencyMs: summarise(latencies),
    cpuMsPerAnswer:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : round((cpuAfter - cpuBefore) / Math.max(1, latencies.length)),
    failures,
  };
}
