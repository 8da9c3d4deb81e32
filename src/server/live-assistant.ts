import { unwatchFile, watchFile } from "node:fs";
import path from "node:path";
import type { Assistant } from "../answer/assistant.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { type LoadedIndex, loadIndex, readCurrentVersion } from "../index/index-store.ts";

/** Something that hands out the assistant to use for the next request. */
export type AssistantSource = { readonly current: Assistant };

/**
 * The assistant being served, swapped when a new index version becomes current: on a change of
 * `<indexDir>/CURRENT` (polled, so builds by another process are seen) or on `reload()`. Each
 * request takes `current` once at its start, so in-flight requests finish on the version they began
 * with and never fail because of a swap.
 */
export class LiveAssistant implements AssistantSource {
  private assistant: Assistant;
  private readonly indexDir: string;
  private readonly embedder: Embedder;
  private readonly create: (index: LoadedIndex) => Assistant;
  private reloading: Promise<boolean> | undefined;
  private watching = false;

  constructor(options: {
    initial: Assistant;
    indexDir: string;
    embedder: Embedder;
    create: (index: LoadedIndex) => Assistant;
  }) {
    this.assistant = options.initial;
    this.indexDir = options.indexDir;
    this.embedder = options.embedder;
    this.create = options.create;
  }

  get current(): Assistant {
    return this.assistant;
  }

  get version(): string {
    return this.assistant.index.manifest.version;
  }

  /** Loads the current index version if it is not the one being served; true when swapped. */
  reload(): Promise<boolean> {
    // Concurrent triggers (watch + admin route) share one load.
    this.reloading ??= this.load().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  /** Starts polling CURRENT every `intervalMs`. A failed load keeps the old version and logs. */
  watch(intervalMs = 1000, log: (message: string) => void = () => {}): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(
      path.join(this.indexDir, "CURRENT"),
      { interval: intervalMs, persistent: false },
      () => {
        this.reload().then(
          (swapped) => {
            if (swapped) log(`now serving index ${this.version}`);
          },
          (error: unknown) =>
            log(`index reload failed, still serving ${this.version}: ${(error as Error).message}`),
        );
      },
    );
  }

  close(): void {
    if (this.watching) unwatchFile(path.join(this.indexDir, "CURRENT"));
    this.watching = false;
  }

  private async load(): Promise<boolean> {
    const version = await readCurrentVersion(this.indexDir);
    if (version === undefined || version === this.version) return false;
    const index = await loadIndex(this.indexDir, this.embedder);
    this.assistant = this.create(index);
    return true;
  }
}
