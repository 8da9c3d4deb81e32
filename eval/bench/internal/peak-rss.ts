import { readFileSync } from "node:fs";

/**
 * Watches this process's resident memory. The figure reported is the kernel's high-water mark
 * (`VmHWM` in /proc/self/status, exact, Linux only); elsewhere the largest of the samples taken
 * every `intervalMs` (which can miss a short peak, and none is taken while the event loop is
 * busy in synchronous work).
 */
export class PeakRssMonitor {
  private sampled = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    this.sampled = Math.max(this.sampled, process.memoryUsage().rss);
  }

  /** Stops sampling; returns the peak in bytes and where it came from. */
  stop(): { bytes: number; source: "VmHWM" | "sampled" } {
    clearInterval(this.timer);
    this.sample();
    const highWater = readHighWaterMark();
    return highWater === undefined
      ? { bytes: this.sampled, source: "sampled" }
      : { bytes: Math.max(highWater, this.sampled), source: "VmHWM" };
  }
}

/** Peak resident memory (VmHWM) of process `pid` in bytes; undefined off Linux. */
export function readHighWaterMark(pid: number | "self" = "self"): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}
