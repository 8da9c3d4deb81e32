import { Gauge, type Registry } from "prom-client";
import type { RedisStatus } from "./redis-connection.ts";

/**
 * `study_assistant_redis_connected`: 1 while this replica shares state through Redis, 0 while it
 * is on its local fallbacks (alert when it stays 0).
 */
export function trackRedisStatus(
  registry: Registry,
  redis: { readonly status: RedisStatus },
): void {
  // A registry shared by two apps keeps the first one's gauge.
  if (registry.getSingleMetric("study_assistant_redis_connected") !== undefined) return;
  new Gauge({
    name: "study_assistant_redis_connected",
    help: "1 while Redis is connected (shared rate limit, answer cache, re-index announcements), 0 while this replica uses local fallbacks",
    registers: [registry],
    collect() {
      this.set(redis.status === "connected" ? 1 : 0);
    },
  });
}
