import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { HostPacer } from "../../../src/corpus/fetch/internal/host-pacer.ts";

/** Starts `count` waits on one origin at once and records when each is released (fake clock). */
async function releaseTimes(pacer: HostPacer, origin: string, intervalMs: number, count: number) {
  const released: number[] = [];
  const waits = Array.from({ length: count }, () =>
    pacer.wait(origin, intervalMs).then(() => released.push(Date.now())),
  );
  await vi.runAllTimersAsync();
  await Promise.all(waits);
  return released;
}

describe("HostPacer", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("releases concurrent requests to one host one interval apart, the first at once", async () => {
    expect(await releaseTimes(new HostPacer(), "https://a.example", 150, 3)).toEqual([0, 150, 300]);
  });

  it("paces each host on its own", async () => {
    const pacer = new HostPacer();
    await pacer.wait("https://a.example", 150);
    expect(await releaseTimes(pacer, "https://b.example", 150, 2)).toEqual([0, 150]);
  });

  it("does not wait once the interval has passed, nor with no interval", async () => {
    const pacer = new HostPacer();
    await pacer.wait("https://a.example", 150);
    vi.advanceTimersByTime(200);
    expect(await releaseTimes(pacer, "https://a.example", 150, 1)).toEqual([200]);
    expect(await releaseTimes(pacer, "https://a.example", 0, 2)).toEqual([200, 200]);
  });

  it("stops waiting when cancelled, with the signal's reason", async () => {
    const pacer = new HostPacer();
    await pacer.wait("https://a.example", 150);
    const controller = new AbortController();
    const waiting = pacer.wait("https://a.example", 150, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
