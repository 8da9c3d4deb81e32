import { Redis } from "ioredis";

/** What `/api/health` reports: Redis answers commands, or this replica is on its local fallbacks. */
export type RedisStatus = "connected" | "unavailable";

export type RedisConnectionOptions = {
  /** `redis://[:password@]host:6379[/db]` or `rediss://…` (TLS). Never logged. */
  url: string;
  /** Shown in Redis's `CLIENT LIST` as `study-assistant:<name>`. */
  name?: string;
  /**
   * Told once per change: when Redis becomes unavailable (with the reason; never the URL) and when
   * it is connected again, so the log holds one line each way, not one per request.
   */
  onStatusChange?: (status: RedisStatus, detail: string) => void;
  /** Longest wait for one command; past it the command fails and its caller falls back. @default 1000 */
  commandTimeoutMs?: number;
  /** Longest pause between reconnection attempts (they start 100 ms apart). @default 2000 */
  maxReconnectDelayMs?: number;
};

/** Why a status listener is called. */
type StatusListener = (status: RedisStatus) => void;

/**
 * One replica's connection to Redis, shared by the rate limit, the answer cache and re-index
 * announcements (which also use one `subscriber()` connection, as Redis requires for pub/sub).
 *
 * Commands never wait for Redis: while it is away they fail at once (no offline queue), a command
 * sent to a hung server fails after `commandTimeoutMs` (and the connection is then made again, so
 * the next ones fail at once until Redis answers), and every user of the connection falls back to
 * local state. ioredis reconnects by itself for as long as the process runs.
 */
export class RedisConnection {
  readonly client: Redis;
  private subscriberClient: Redis | undefined;
  private state: RedisStatus | "connecting" = "connecting";
  private readonly listeners = new Set<StatusListener>();
  private readonly onStatusChange: (status: RedisStatus, detail: string) => void;
  private closed = false;

  constructor(options: RedisConnectionOptions) {
    this.onStatusChange = options.onStatusChange ?? (() => {});
    const maxDelay = options.maxReconnectDelayMs ?? 2000;
    this.client = new Redis(options.url, {
      // Fail fast instead of queueing commands until Redis returns: requests must not wait.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 1000,
      connectTimeout: 2000,
      // Never give up: a replica goes back to Redis whenever it returns.
      retryStrategy: (times) => Math.min(100 * times, maxDelay),
      connectionName: `study-assistant:${options.name ?? "replica"}`,
    });
    this.client.on("ready", () => this.change("connected", "connected"));
    this.client.on("close", () => this.change("unavailable", "connection closed"));
    this.client.on("error", (error: Error) => this.change("unavailable", error.message));
  }

  /** `connected` while commands can be sent; `unavailable` while connecting or reconnecting. */
  get status(): RedisStatus {
    return this.state === "connected" ? "connected" : "unavailable";
  }

  /** Calls `listener` on every change of status (not for the current one); returns the unsubscribe. */
  onChange(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A second connection for SUBSCRIBE (a subscribed connection can send nothing else); made once. */
  subscriber(): Redis {
    this.subscriberClient ??= this.client.duplicate({
      // Subscriptions are renewed by their owner on each "ready", so nothing is doubled or missed.
      autoResubscribe: false,
      connectionName: `${this.client.options.connectionName ?? "study-assistant"}:subscriber`,
    });
    // The main connection reports the status; the subscriber's errors are the same outage.
    this.subscriberClient.on("error", () => {});
    return this.subscriberClient;
  }

  /**
   * Told when a command failed. A timeout means Redis holds the connection but does not answer
   * (hung, paused, overloaded): the connection is dropped and made again, so that until Redis
   * answers again every command fails at once instead of each waiting `commandTimeoutMs`.
   */
  commandFailed(error: unknown): void {
    if (this.closed || this.state !== "connected") return;
    if (!(error instanceof Error) || !/timed out/i.test(error.message)) return;
    this.change("unavailable", "a command timed out");
    this.client.disconnect(true);
  }

  /** Disconnects both connections at once; nothing reconnects afterwards. */
  close(): void {
    this.closed = true;
    this.client.disconnect();
    this.subscriberClient?.disconnect();
  }

  private change(next: RedisStatus, detail: string): void {
    if (this.closed || this.state === next) return;
    this.state = next;
    this.onStatusChange(next, detail);
    for (const listener of this.listeners) listener(next);
  }
}
