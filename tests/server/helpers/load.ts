import { createRequire } from "node:module";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The part of autocannon's result the tests read (the package ships no types). */
export type LoadResult = {
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Seconds. */
  duration: number;
  requests: { total: number; average: number };
  /** Milliseconds. */
  latency: { p50: number; p99: number; average: number; max: number };
};

type LoadRequest = {
  method: "POST" | "GET";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
};

type AutocannonOptions = {
  url: string;
  /** Exactly this many requests, then it stops by itself. */
  amount: number;
  connections: number;
  /** Seconds before a request counts as timed out. */
  timeout: number;
  requests: LoadRequest[];
};

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as (options: AutocannonOptions) => Promise<LoadResult>;

/**
 * A bounded load with autocannon on loopback: `amount` requests over `connections` keep-alive
 * connections, each cycling through `requests`. Resolves when all have been answered.
 */
export function runLoad(options: AutocannonOptions): Promise<LoadResult> {
  return autocannon(options);
}

/**
 * V8's full garbage collection, even without `--expose-gc` on the command line: the flag can be
 * set at run time, after which a fresh context sees `gc`. Undefined if that ever stops working.
 */
export function exposeGc(): (() => void) | undefined {
  if (typeof globalThis.gc === "function") return () => globalThis.gc?.();
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as unknown;
  return typeof gc === "function" ? (gc as () => void) : undefined;
}

/** Heap and buffer memory in MB, after two full collections when `gc` is given. */
export function memoryAfterGc(gc: (() => void) | undefined): {
  heapUsedMb: number;
  arrayBuffersMb: number;
  rssMb: number;
} {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    heapUsedMb: mb(usage.heapUsed),
    arrayBuffersMb: mb(usage.arrayBuffers),
    rssMb: mb(usage.rss),
  };
}
