import { Counter, Gauge, type Registry } from "prom-client";
import type { AssistantSource } from "./live-assistant.ts";

/**
 * Hot-reload metrics, read from the assistant source at each scrape:
 * `study_assistant_index_reload_failures_total` counts refused reloads since the start, and
 * `study_assistant_index_refused{version}` is 1 while the version CURRENT names is refused (the
 * previous one is still served). One series at most, so versions cannot grow the label set.
 */
export function trackIndexReloads(registry: Registry, source: AssistantSource): void {
  // A registry shared by two apps keeps the first source's metrics.
  if (registry.getSingleMetric("study_assistant_index_refused") !== undefined) return;
  new Counter({
    name: "study_assistant_index_reload_failures_total",
    help: "Index versions that could not be loaded by hot reload or the admin route (the previous one stayed).",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(source.refusalCount ?? 0);
    },
  });
  new Gauge({
    name: "study_assistant_index_refused",
    help: "1 while the version CURRENT names could not be loaded and the previous one is served.",
    labelNames: ["version"],
    registers: [registry],
    collect() {
      this.reset();
      if (source.refused !== undefined) this.set({ version: source.refused.version }, 1);
    },
  });
}
