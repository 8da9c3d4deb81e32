import {
  type ClientRateLimitInfo,
  type IncrementResponse,
  MemoryStore,
  type Options,
  type Store,
} from "express-rate-limit";
import { RedisStore } from "rate-limit-redis";
import type { RedisConnection } from "./redis-connection.ts";

/**
 * An express-rate-limit store counting in Redis, so a client's requests are counted across every
 * replica, with express-rate-limit's in-memory store as the fallback: while Redis is unavailable
 * (or a command fails) each replica counts on its own, and it counts in Redis again as soon as the
 * connection is back. Requests are never refused or failed because Redis is away. The switch is
 * logged by the connection, once each way.
 *
 * One instance per limiter (express-rate-limit refuses a shared store), each with its own prefix.
 */
export class RedisRateLimitStore implements Store {
  /** Keys in Redis are `<prefix><client key>`; also tells express-rate-limit's checks apart. */
  readonly prefix: string;
  /** Counts are shared with other instances (through Redis). */
  readonly localKeys = false;
  private readonly connection: RedisConnection;
  private readonly redis: RedisStore;
  private readonly memory = new MemoryStore();
  private options: Options | undefined;
  /** The store's Lua scripts are loaded in Redis (after the first successful `init`). */
  private scriptsLoaded = false;
  private loading: Promise<void> | undefined;
  private readonly unsubscribe: () => void;

  constructor(connection: RedisConnection, options: { prefix: string }) {
    this.connection = connection;
    this.prefix = options.prefix;
    this.redis = new RedisStore({
      prefix: options.prefix,
      sendCommand: (command: string, ...args: string[]) =>
        connection.client.call(command, ...args) as Promise<number | string | (number | string)[]>,
    });
    // A store created while Redis was down could not load its scripts: load them when it is up.
    this.unsubscribe = connection.onChange((status) => {
      if (status === "connected") this.loadScripts();
    });
  }

  init(options: Options): void {
    this.options = options;
    this.memory.init(options);
    this.loadScripts();
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    if (this.useRedis) {
      try {
        return await this.redis.get(key);
      } catch (error) {
        // Counted locally below; the connection logs the outage.
        this.connection.commandFailed(error);
      }
    }
    return this.memory.get(key);
  }

  async increment(key: string): Promise<IncrementResponse> {
    if (this.useRedis) {
      try {
        return await this.redis.increment(key);
      } catch (error) {
        // Counted locally below; the connection logs the outage.
        this.connection.commandFailed(error);
      }
    }
    return this.memory.increment(key);
  }

  async decrement(key: string): Promise<void> {
    if (this.useRedis) {
      try {
        await this.redis.decrement(key);
        return;
      } catch (error) {
        // Falls through to the local count.
        this.connection.commandFailed(error);
      }
    }
    await this.memory.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.memory.resetKey(key);
    if (this.useRedis) {
      await this.redis
        .resetKey(key)
        .catch((error: unknown) => this.connection.commandFailed(error));
    }
  }

  shutdown(): void {
    this.unsubscribe();
    this.memory.shutdown();
  }

  private get useRedis(): boolean {
    return this.scriptsLoaded && this.connection.status === "connected";
  }

  private loadScripts(): void {
    const options = this.options;
    if (options === undefined || this.scriptsLoaded || this.loading !== undefined) return;
    if (this.connection.status !== "connected") return;
    this.loading = this.redis
      .init(options)
      .then(
        () => {
          this.scriptsLoaded = true;
        },
        // Redis went away again; the next "connected" retries.
        () => {},
      )
      .finally(() => {
        this.loading = undefined;
      });
  }
}
