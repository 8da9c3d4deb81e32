import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { REINDEX_CHANNEL } from "../../src/shared-state/index.ts";
import { HashEmbedder } from "../support/hash-embedder.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { TempDir } from "../support/temp-dir.ts";
import {
  findRedisServer,
  skipRedisSuite,
  startTempRedis,
  type TempRedis,
} from "../support/temp-redis.ts";
import { type Replica, startReplica, untilRedis } from "./replica.ts";

const redisServer = findRedisServer();
const embedder = new HashEmbedder();
const TOKEN = "announcements-test-token";
/** Far longer than any wait below: a swap within it can only come from an announcement. */
const POLL_MS = 60_000;
/** "At once", with a wide margin for a loaded machine; still 12 times shorter than a poll. */
const WITHIN_MS = 5000;

const guide = (topic: string) =>
  `## ${topic} basics\n\nThe ${topic} library is used for experiment tracking in machine learning projects.\n`;

type Health = { index: { version: string } };

const servedVersion = async (replica: Replica) =>
  ((await (await fetch(`${replica.url}/api/health`)).json()) as Health).index.version;

describe.skipIf(skipRedisSuite(redisServer))("re-index announcements over Redis pub/sub", () => {
  let temp: TempDir;
  let redis: TempRedis;
  let first: Replica;
  let second: Replica;
  /** Listens on the channel like a third replica, to count announcements. */
  let listener: Redis;
  const heard: string[] = [];

  beforeAll(async () => {
    temp = await TempDir.create();
    await temp.write("corpus/mlflow.md", guide("MLflow"));
    const options = tempIngestOptions(temp, embedder);
    [redis] = await Promise.all([startTempRedis(redisServer), ingest(options)]);
    // Both replicas serve one index folder, as replicas on a shared volume do.
    const replica = (name: string) =>
      startReplica({
        name,
        redisUrl: redis.url,
        indexDir: options.indexDir,
        embedder,
        watchMs: POLL_MS,
        admin: { token: TOKEN, reindex: () => ingest(options) },
      });
    [first, second] = await Promise.all([replica("replica-a"), replica("replica-b")]);
    listener = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    listener.on("error", () => {});
    listener.on("message", (_channel, message) => heard.push(message));
    await listener.subscribe(REINDEX_CHANNEL);
    await Promise.all([first, second].map((each) => untilRedis(each.shared, "connected")));
  });

  afterAll(async () => {
    listener?.disconnect();
    await Promise.all([first, second].map((each) => each?.close()));
    await redis?.stop();
    await temp?.remove();
  });

  it("a re-index through one replica's admin route is served by the other at once, announced once", async () => {
    const before = await servedVersion(second);
    await temp.write("corpus/dvc.md", guide("DVC"));
    const response = await fetch(`${first.url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    const { serving } = (await response.json()) as { serving: string };
    expect(serving).not.toBe(before);

    await expect.poll(() => servedVersion(second), { timeout: WITHIN_MS }).toBe(serving);
    expect(second.logs).toContain(`now serving index ${serving} (announced by replica-a)`);
    // The follower does not announce again what it was told. Anything it sent when it swapped
    // reaches the channel before this later message (which replicas ignore: it is no announcement).
    await first.shared.connection.client.publish(REINDEX_CHANNEL, "end of test");
    await expect.poll(() => heard.at(-1)).toBe("end of test");
    expect(heard).toHaveLength(2);
    expect(JSON.parse(heard[0] ?? "{}")).toMatchObject({ version: serving, replica: "replica-a" });
  });

  it("a version announced while Redis was down is loaded when the subscription returns", async () => {
    await redis.kill();
    await Promise.all([first, second].map((each) => untilRedis(each.shared, "unavailable")));
    await temp.write("corpus/airflow.md", guide("Airflow"));
    const response = await fetch(`${first.url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    // Redis is down: the re-index itself succeeds, its announcement is lost.
    expect(response.status).toBe(200);
    const { serving } = (await response.json()) as { serving: string };
    expect(await servedVersion(second)).not.toBe(serving);

    await redis.start();
    await expect.poll(() => servedVersion(second), { timeout: WITHIN_MS }).toBe(serving);
  });
});
