import { createHash } from "node:crypto";
import { z } from "zod";
import type { AnswerResult } from "../answer/answer.ts";
import type { AnswerCache } from "../cache/answer-cache.ts";
import type { RedisConnection } from "./redis-connection.ts";

/** Seconds an answer stays in Redis. @default 3600 (one hour) */
export const DEFAULT_REDIS_CACHE_TTL_SECONDS = 3600;

/** Largest serialised answer shared through Redis; larger ones stay local. @default 256 KiB */
export const DEFAULT_MAX_VALUE_BYTES = 256 * 1024;

/** Keys scanned per SCAN step when clearing. */
const SCAN_COUNT = 500;

/**
 * The fields every cached answer has; anything else in the stored JSON passes through. A value
 * that does not match (written by another release, or damaged) is a miss.
 */
const storedAnswerSchema = z.looseObject({
  question: z.string(),
  answer: z.string(),
  refused: z.boolean(),
  citations: z.array(z.unknown()),
  retrieved: z.array(z.unknown()),
  generator: z.string(),
});

export type RedisAnswerCacheOptions = {
  connection: RedisConnection;
  /** Prepended to every key, e.g. "study-assistant:answer:". */
  keyPrefix: string;
  /** Seconds each answer is kept in Redis. @default 3600 */
  ttlSeconds?: number;
  /** Answers whose JSON is longer than this many bytes are not written to Redis. @default 262144 */
  maxValueBytes?: number;
  /**
   * The first level (e.g. the in-process LRU): read before Redis, filled by Redis hits, written
   * with every `set`, and the only level while Redis is away.
   */
  local?: AnswerCache;
};

/**
 * Whole answers shared by every replica through Redis, each entry expiring after `ttlSeconds`.
 * Redis never fails a request: while it is away or a command fails, `get` answers from the local
 * level (or misses) and `set` writes only the local level. Keys hold the index version (see
 * `answerCacheKey`), so answers of a replaced index are never served; `clear` also deletes them.
 */
export class RedisAnswerCache implements AnswerCache {
  readonly id: string;
  private readonly connection: RedisConnection;
  private readonly keyPrefix: string;
  private readonly ttlMs: number;
  private readonly maxValueBytes: number;
  private readonly local: AnswerCache | undefined;

  constructor(options: RedisAnswerCacheOptions) {
    this.connection = options.connection;
    this.keyPrefix = options.keyPrefix;
    this.ttlMs = (options.ttlSeconds ?? DEFAULT_REDIS_CACHE_TTL_SECONDS) * 1000;
    this.maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
    this.local = options.local;
    this.id = options.local === undefined ? "redis" : `redis+${options.local.id}`;
  }

  async get(key: string): Promise<AnswerResult | undefined> {
    const local = await this.local?.get(key);
    if (local !== undefined) return local;
    if (this.connection.status !== "connected") return undefined;
    try {
      const stored = await this.connection.client.get(this.redisKey(key));
      if (stored === null) return undefined;
      const parsed = storedAnswerSchema.safeParse(JSON.parse(stored));
      if (!parsed.success) return undefined;
      const answer = parsed.data as AnswerResult;
      await this.local?.set(key, answer);
      return answer;
    } catch (error) {
      // Redis away, slow or holding something unreadable: a miss, never a failed request.
      this.connection.commandFailed(error);
      return undefined;
    }
  }

  async set(key: string, answer: AnswerResult): Promise<void> {
    await this.local?.set(key, answer);
    if (this.connection.status !== "connected") return;
    const value = JSON.stringify(answer);
    if (Buffer.byteLength(value) > this.maxValueBytes) return;
    try {
      await this.connection.client.set(this.redisKey(key), value, "PX", this.ttlMs);
    } catch (error) {
      // Not shared this time; the local level has it.
      this.connection.commandFailed(error);
    }
  }

  /**
   * Empties the local level and deletes every shared answer (those of other index versions
   * included; a replica still on an older version only misses). While Redis is away only the
   * local level is emptied; the shared entries then expire by their TTL, and new keys carry the
   * new index version anyway.
   */
  async clear(): Promise<void> {
    await this.local?.clear();
    if (this.connection.status !== "connected") return;
    try {
      let cursor = "0";
      do {
        const [next, keys] = await this.connection.client.scan(
          cursor,
          "MATCH",
          `${this.keyPrefix}*`,
          "COUNT",
          SCAN_COUNT,
        );
        cursor = next;
        if (keys.length > 0) await this.connection.client.unlink(...keys);
      } while (cursor !== "0");
    } catch (error) {
      // What is left expires by its TTL.
      this.connection.commandFailed(error);
    }
  }

  /** Hashed: questions can be long, and keys should not hold learners' text. */
  private redisKey(key: string): string {
    return `${this.keyPrefix}${createHash("sha256").update(key).digest("hex")}`;
  }
}
