import { createRequire } from "node:module";

/** One request autocannon sends; a connection cycles through the list. */
export type AutocannonRequest = {
  method: "POST" | "GET";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

/** The options the bench uses (autocannon 9 ships no types). */
export type AutocannonOptions = {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds before a request counts as timed out. */
  timeout: number;
  requests: AutocannonRequest[];
};

/** Percentiles autocannon reports for latency (ms) and per-second request counts. */
type Histogram = {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
};

/** The part of autocannon's result the bench reads. */
export type AutocannonResult = {
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Seconds. */
  duration: number;
  /** Milliseconds. */
  latency: Histogram;
  /** Requests completed per second (sampled each second). */
  requests: Histogram & { sent: number };
  throughput: Histogram;
};

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

/** Runs one bounded load (it stops after `duration` seconds) and resolves with its figures. */
export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}
