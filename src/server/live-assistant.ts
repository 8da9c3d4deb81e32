import { unwatchFile, watchFile } from "node:fs";
import path from "node:path";
import type { Assistant } from "../answer/assistant.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { type LoadedIndex, loadIndex, readCurrentVersion } from "../index/index-store.ts";

/** A version CURRENT names that could not be loaded (damaged, another format or embedder). */
export type RefusedIndex = {
  version: string;
  /** The one-line reason, e.g. "vectors.hnsw does not match its checksum in the manifest". */
  error: string;
  /** ISO time of the refusal. */
  at: string;
};

/**
 * Something that hands out the assistant to use for the next request; a hot-reloading source
 * also says which newer version it refused, if any, and how many reloads failed in total.
 */
export type AssistantSource = {
  readonly current: Assistant;
  readonly refused?: RefusedIndex | undefined;
  readonly refusalCount?: number;
};

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
  private refusedIndex: RefusedIndex | undefined;
  private refusals = 0;
  private readonly swapListeners = new Set<(version: string) => void>();

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

  /** The version CURRENT names when it could not be loaded; undefined while CURRENT is served. */
  get refused(): RefusedIndex | undefined {
    return this.refusedIndex;
  }

  /** Reloads that failed since the server started. */
  get refusalCount(): number {
    return this.refusals;
  }

  /**
   * Calls `listener` with the new version after each swap, whatever triggered it (polling,
   * `reload()` from the admin route or a re-index announcement); returns the unsubscribe.
   */
  onSwap(listener: (version: string) => void): () => void {
    this.swapListeners.add(listener);
    return () => this.swapListeners.delete(listener);
  }

  /**
   * Loads the current index version if it is not the one being served; true when swapped. A
   * version that cannot be loaded (every file is verified first, so a damaged one never reaches
   * hnswlib) is refused: the previous one stays, `refused` says why, and the promise rejects.
   */
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

  private notifySwap(): void {
    for (const listener of this.swapListeners) {
      try {
        listener(this.version);
      } catch {
        // A listener's failure is not a failed reload: the new version is served either way.
      }
    }
  }

  private async load(): Promise<boolean> {
    let version = "(unreadable CURRENT)";
    try {
      const named = await readCurrentVersion(this.indexDir);
      if (named === undefined) return false;
      version = named;
      if (version === this.version) {
        // CURRENT is back on the served version (a rollback): nothing is refused any more.
        this.refusedIndex = undefined;
        return false;
      }
      const index = await loadIndex(this.indexDir, this.embedder);
      this.assistant = this.create(index);
      this.refusedIndex = undefined;
      this.notifySwap();
      return true;
    } catch (error) {
      this.refusals++;
      this.refusedIndex = {
        version,
        error: error instanceof Error ? error.message : String(error),
        at: new Date().toISOString(),
      };
      throw error;
    }
  }
}
