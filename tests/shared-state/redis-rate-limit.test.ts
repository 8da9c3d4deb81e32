import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { connectSharedState } from "../../src/create-services.ts";
import { ingest } from "../../src/ingest/ingest.ts";
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
const PER_MINUTE = 3;
const guide =
  "## MLflow basics\n\nThe MLflow library is used for experiment tracking in machine learning projects.\n";

type Health = { status: string; replica?: string; redis?: string; index: { version: string } };

/** Status codes of `count` requests to /api/chat spread over `replicas` in turn, as `client`. */
async function spread(replicas: Replica[], count: number, client: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let request = 0; request < count; request++) {
    const replica = replicas[request % replicas.length] as Replica;
    // An empty body is answered 400 at once: the limiter counts it before the body is read.
    const response = await fetch(`${replica.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: "{}",
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

const refused = (statuses: number[]) => statuses.filter((status) => status === 429).length;

const health = async (replica: Replica) =>
  (await (await fetch(`${replica.url}/api/health`)).json()) as Health;

describe.skipIf(skipRedisSuite(redisServer))("the rate limit and health with Redis", () => {
  let temp: TempDir;
  let redis: TempRedis;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    temp = await TempDir.create();
    await temp.write("corpus/mlflow.md", guide);
    const options = tempIngestOptions(temp, embedder);
    [redis] = await Promise.all([startTempRedis(redisServer), ingest(options)]);
    replicas = await Promise.all(
      ["replica-1", "replica-2"].map((name) =>
        startReplica({
          name,
          redisUrl: redis.url,
          indexDir: options.indexDir,
          embedder,
          rateLimitPerMinute: PER_MINUTE,
          // Behind one proxy: the client is the X-Forwarded-For address.
          trustProxy: 1,
        }),
      ),
    );
    await Promise.all(replicas.map((replica) => untilRedis(replica.shared, "connected")));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await redis?.stop();
    await temp?.remove();
  });

  it("counts a client's requests across replicas, each client on its own", async () => {
    const first = await spread(replicas, 8, "203.0.113.1");
    expect(first.slice(0, PER_MINUTE)).toEqual([400, 400, 400]);
    expect(refused(first)).toBe(8 - PER_MINUTE);
    // Another address behind the same proxy has its own count.
    expect(refused(await spread(replicas, 4, "203.0.113.2"))).toBe(4 - PER_MINUTE);
  });

  it("names the replica and reports Redis in /api/health and /metrics", async () => {
    const report = await health(replicas[0] as Replica);
    expect(report).toMatchObject({ status: "ok", replica: "replica-1", redis: "connected" });
    expect(JSON.stringify(report)).not.toContain(String(redis.port));
    const metrics = await (await fetch(`${replicas[0]?.url}/metrics`)).text();
    expect(metrics).toMatch(/^study_assistant_redis_connected 1$/m);
  });

  it("connects from plain environment variables, under the REPLICA name", async () => {
    const config = loadConfig({ REDIS_URL: redis.url, REPLICA: "replica-7" });
    const shared = await connectSharedState(config, () => {});
    try {
      expect(shared).toBeDefined();
      await untilRedis(shared as NonNullable<typeof shared>, "connected");
      const clients = String(await shared?.connection.client.call("CLIENT", "LIST"));
      expect(clients).toContain("name=study-assistant:replica-7 ");
    } finally {
      shared?.close();
    }
    expect(await connectSharedState(loadConfig({}), () => {})).toBeUndefined();
  });

  it("answers on per-replica counts while Redis is down, and shares them again when it is back", async () => {
    await redis.kill();
    await Promise.all(replicas.map((replica) => untilRedis(replica.shared, "unavailable")));

    // Each replica now counts alone: a new client gets the limit from each of the two.
    expect(refused(await spread(replicas, 8, "203.0.113.3"))).toBe(8 - 2 * PER_MINUTE);
    const chat = await fetch(`${replicas[1]?.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.4" },
      body: JSON.stringify({ message: "What is the MLflow library used for?" }),
    });
    expect(chat.status).toBe(200);
    expect(((await chat.json()) as { answer: string }).answer).toMatch(/experiment tracking/);
    expect(await health(replicas[1] as Replica)).toMatchObject({
      status: "ok",
      redis: "unavailable",
    });
    const metrics = await (await fetch(`${replicas[1]?.url}/metrics`)).text();
    expect(metrics).toMatch(/^study_assistant_redis_connected 0$/m);

    // A fresh, empty Redis on the same port: the replicas reconnect and count there again.
    await redis.start();
    await Promise.all(replicas.map((replica) => untilRedis(replica.shared, "connected")));
    expect((await health(replicas[0] as Replica)).redis).toBe("connected");
    expect(refused(await spread(replicas, 8, "203.0.113.5"))).toBe(8 - PER_MINUTE);

    // One line each way per replica, never one per request.
    for (const replica of replicas) {
      const outages = replica.logs.filter((line) => line.startsWith("Redis unavailable"));
      const connections = replica.logs.filter((line) => line.startsWith("Redis connected"));
      expect(outages).toHaveLength(1);
      expect(outages[0]).toMatch(/counted by this replica alone/);
      expect(connections).toHaveLength(2);
      expect(replica.logs.join("\n")).not.toContain(redis.url);
    }
  });
});
