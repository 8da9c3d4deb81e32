import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { type AnswerCache, answerCacheKey } from "../../src/cache/answer-cache.ts";
import { RedisAnswerCache } from "../../src/shared-state/redis-answer-cache.ts";
import { RedisConnection } from "../../src/shared-state/redis-connection.ts";
import {
  findRedisServer,
  skipRedisSuite,
  startTempRedis,
  type TempRedis,
} from "../support/temp-redis.ts";

const redisServer = findRedisServer();
const PREFIX = "test:answer:";

function answer(text: string, extra: Partial<AnswerResult> = {}): AnswerResult {
  return {
    question: "What is DVC used for?",
    answer: text,
    refused: false,
    citations: [],
    retrieved: [],
    timings: { retrieveMs: 1, generateMs: 2 },
    generator: "extractive",
    droppedCitations: 0,
    ...extra,
  };
}

const key = (question: string, indexVersion = "v1") =>
  answerCacheKey({ question, indexVersion, generator: "extractive" });

/** A first level that records its calls: a Map, as small as a fake can be. */
class RecordingCache implements AnswerCache {
  readonly id = "recording";
  readonly entries = new Map<string, AnswerResult>();
  async get(entryKey: string) {
    return this.entries.get(entryKey);
  }
  async set(entryKey: string, value: AnswerResult) {
    this.entries.set(entryKey, value);
  }
  async clear() {
    this.entries.clear();
  }
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(skipRedisSuite(redisServer))("RedisAnswerCache on a real Redis", () => {
  let redis: TempRedis;
  /** Two replicas' connections to one Redis. */
  let connections: RedisConnection[] = [];

  const connected = (connection: RedisConnection) => until(() => connection.status === "connected");

  beforeAll(async () => {
    redis = await startTempRedis(redisServer);
    connections = [0, 1].map(
      () => new RedisConnection({ url: redis.url, maxReconnectDelayMs: 200 }),
    );
    await Promise.all(connections.map(connected));
  });

  afterAll(async () => {
    for (const connection of connections) connection.close();
    await redis?.stop();
  });

  beforeEach(async () => {
    await connections[0]?.client.flushall();
  });

  const cache = (index: number, options: { local?: AnswerCache; maxValueBytes?: number } = {}) =>
    new RedisAnswerCache({
      connection: connections[index] as RedisConnection,
      keyPrefix: PREFIX,
      ttlSeconds: 60,
      ...options,
    });

  it("shares an answer between replicas, with a TTL and a key that holds no question text", async () => {
    await cache(0).set(key("What is DVC used for?"), answer("DVC versions data. [1]"));
    expect(await cache(1).get(key("What is DVC used for?"))).toEqual(
      answer("DVC versions data. [1]"),
    );
    expect(await cache(1).get(key("What is DVC used for?", "v2"))).toBeUndefined();

    const client = connections[0]?.client;
    const keys = (await client?.keys(`${PREFIX}*`)) ?? [];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^test:answer:[0-9a-f]{64}$/);
    const ttl = (await client?.pttl(keys[0] ?? "")) ?? -1;
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("keeps oversized answers out of Redis and reads damaged values as misses", async () => {
    const small = cache(0, { maxValueBytes: 1000 });
    await small.set(key("long"), answer("x".repeat(2000)));
    expect(await cache(1).get(key("long"))).toBeUndefined();

    const shared = cache(0);
    await shared.set(key("damaged"), answer("fine"));
    const [stored] = (await connections[0]?.client.keys(`${PREFIX}*`)) ?? [];
    await connections[0]?.client.set(stored ?? "", '{"answer": 42}');
    expect(await cache(1).get(key("damaged"))).toBeUndefined();
  });

  it("fills the local level from Redis, and clear empties both", async () => {
    const local = new RecordingCache();
    await cache(0).set(key("q"), answer("shared"));
    const layered = cache(1, { local });
    expect(layered.id).toBe("redis+recording");
    expect(await layered.get(key("q"))).toEqual(answer("shared"));
    expect(local.entries.get(key("q"))).toEqual(answer("shared"));

    await layered.clear();
    expect(local.entries.size).toBe(0);
    expect(await connections[0]?.client.keys(`${PREFIX}*`)).toEqual([]);
    expect(await cache(0).get(key("q"))).toBeUndefined();
  });

  it("misses and skips writes while Redis is down, keeps the local level, and shares again when it is back", async () => {
    const local = new RecordingCache();
    const layered = cache(0, { local });
    await layered.set(key("before"), answer("before the outage"));

    await redis.kill();
    await until(() => connections.every((connection) => connection.status === "unavailable"));
    await expect(layered.set(key("during"), answer("during the outage"))).resolves.toBeUndefined();
    expect(await layered.get(key("during"))).toEqual(answer("during the outage"));
    expect(await cache(1).get(key("before"))).toBeUndefined();
    await expect(cache(1).clear()).resolves.toBeUndefined();

    // Redis is back, empty: answers are shared again.
    await redis.start();
    await Promise.all(connections.map(connected));
    await layered.set(key("after"), answer("after the outage"));
    expect(await cache(1).get(key("after"))).toEqual(answer("after the outage"));
  });

  it("never waits long on a hung Redis: one command times out, the next ones miss at once", async () => {
    const connection = new RedisConnection({
      url: redis.url,
      commandTimeoutMs: 300,
      maxReconnectDelayMs: 100,
    });
    const shared = new RedisAnswerCache({ connection, keyPrefix: PREFIX });
    try {
      await connected(connection);
      await shared.set(key("q"), answer("x"));
      redis.pause();
      // The first read waits for the command timeout, then the connection is made again.
      expect(await shared.get(key("q"))).toBeUndefined();
      expect(connection.status).toBe("unavailable");
      // Until Redis answers again nothing is sent to it, so nothing waits.
      const sent = [vi.spyOn(connection.client, "get"), vi.spyOn(connection.client, "set")];
      expect(await shared.get(key("q"))).toBeUndefined();
      await shared.set(key("r"), answer("y"));
      for (const spy of sent) {
        expect(spy).not.toHaveBeenCalled();
        spy.mockRestore();
      }
      redis.resume();
      await connected(connection);
      expect(await shared.get(key("q"))).toEqual(answer("x"));
    } finally {
      redis.resume();
      connection.close();
    }
  });
});
