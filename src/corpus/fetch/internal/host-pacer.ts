import { sleep } from "./sleep.ts";

/**
 * Spaces the requests to one host at least `intervalMs` apart (robots.txt `Crawl-delay`), however
 * many workers ask: each caller reserves the next free slot, then waits for it.
 */
export class HostPacer {
  private readonly nextSlot = new Map<string, number>();

  async wait(origin: string, intervalMs: number, signal?: AbortSignal): Promise<void> {
    if (intervalMs <= 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot.get(origin) ?? now);
    this.nextSlot.set(origin, slot + intervalMs);
    await sleep(slot - now, signal);
  }
}
