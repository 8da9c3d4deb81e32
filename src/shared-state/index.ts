import type { Store } from "express-rate-limit";
import type { AnswerCache } from "../cache/answer-cache.ts";
import { RedisAnswerCache } from "./redis-answer-cache.ts";
import { RedisConnection, type RedisStatus } from "./redis-connection.ts";
import { RedisRateLimitStore } from "./redis-rate-limit-store.ts";
import { ReindexAnnouncements, type ReloadableAssistant } from "./reindex-announcements.ts";

export { RedisAnswerCache } from "./redis-answer-cache.ts";
export { RedisConnection, type RedisStatus } from "./redis-connection.ts";
export { trackRedisStatus } from "./redis-metrics.ts";
export { RedisRateLimitStore } from "./redis-rate-limit-store.ts";
export { ReindexAnnouncements, type ReloadableAssistant } from "./reindex-announcements.ts";

/** Every key and channel of this application in Redis starts with this. */
export const KEY_PREFIX = "study-assistant:";

/** The pub/sub channel of re-index announcements. */
export const REINDEX_CHANNEL = `${KEY_PREFIX}index-version`;

export type SharedStateOptions = {
  /** REDIS_URL. Never logged. */
  url: string;
  /** This replica's name (REPLICA), in announcements and Redis's client list. */
  replica: string;
  /** Seconds a shared answer is kept. @default 3600 */
  answerTtlSeconds?: number;
  /** One line each time Redis becomes unavailable or connected again, and re-index news. */
  log?: (message: string) => void;
  /** Passed to the connection; tests shorten the reconnection pauses. */
  maxReconnectDelayMs?: number;
};

/** What `REDIS_URL` turns on: the shared rate limit, answer cache and re-index announcements. */
export type SharedState = {
  readonly connection: RedisConnection;
  /** A new rate-limit store per limiter (`name` tells their keys apart). */
  rateLimitStore: (name: string) => Store;
  /** The shared answer cache in front of which `local` (the in-process LRU) is the first level. */
  answerCache: (local?: AnswerCache) => AnswerCache;
  /** Announces `live`'s new versions to the other replicas and follows theirs. */
  announceReindexes: (live: ReloadableAssistant) => void;
  readonly status: RedisStatus;
  /** Stops announcements and disconnects. */
  close: () => void;
};

const WHAT_FALLS_BACK =
  "rate limits are counted by this replica alone, answers are cached locally, " +
  "and new index versions are found by polling";

/**
 * Connects to Redis (without waiting: the server starts, and answers, while Redis is down) and
 * builds the parts that share state across replicas through it.
 */
export function createSharedState(options: SharedStateOptions): SharedState {
  const log = options.log ?? (() => {});
  const connection = new RedisConnection({
    url: options.url,
    name: options.replica,
    ...(options.maxReconnectDelayMs === undefined
      ? {}
      : { maxReconnectDelayMs: options.maxReconnectDelayMs }),
    onStatusChange: (status, detail) =>
      log(
        status === "connected"
          ? "Redis connected: rate limits, the answer cache and re-index announcements are shared"
          : `Redis unavailable (${detail}): ${WHAT_FALLS_BACK} until it is back`,
      ),
  });
  const announcements = new ReindexAnnouncements({
    connection,
    channel: REINDEX_CHANNEL,
    replica: options.replica,
    log,
  });
  return {
    connection,
    rateLimitStore: (name) =>
      new RedisRateLimitStore(connection, { prefix: `${KEY_PREFIX}rate-limit:${name}:` }),
    answerCache: (local) =>
      new RedisAnswerCache({
        connection,
        keyPrefix: `${KEY_PREFIX}answer:`,
        ...(options.answerTtlSeconds === undefined ? {} : { ttlSeconds: options.answerTtlSeconds }),
        ...(local === undefined ? {} : { local }),
      }),
    announceReindexes: (live) => announcements.attach(live),
    get status() {
      return connection.status;
    },
    close: () => {
      announcements.close();
      connection.close();
    },
  };
}
