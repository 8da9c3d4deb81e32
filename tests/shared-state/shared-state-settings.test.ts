import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { ConfigError } from "../../src/errors/config-error.ts";
import { findRedisServer, skipRedisSuite } from "../support/temp-redis.ts";

function configError(environment: Record<string, string>): ConfigError {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no error for ${Object.keys(environment).join(", ")}`);
}

describe("REDIS_URL, REDIS_CACHE_TTL_SECONDS and REPLICA", () => {
  it("are off, one hour and unset by default", () => {
    const config = loadConfig({});
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.REDIS_CACHE_TTL_SECONDS).toBe(3600);
    expect(config.REPLICA).toBeUndefined();
  });

  it("accept redis:// and rediss:// URLs with a password, and replica names", () => {
    const config = loadConfig({
      REDIS_URL: "redis://:s3cret-pass@10.0.0.5:6379/2",
      REPLICA: "replica-2",
      REDIS_CACHE_TTL_SECONDS: "60",
    });
    expect(config).toMatchObject({ REPLICA: "replica-2", REDIS_CACHE_TTL_SECONDS: 60 });
    expect(loadConfig({ REDIS_URL: "rediss://cache.internal:6380" }).REDIS_URL).toBe(
      "rediss://cache.internal:6380",
    );
  });

  it.each([
    ["another scheme", "http://user:s3cret-pass@cache.internal:6379"],
    ["no URL at all", "s3cret-pass@cache internal"],
  ])("refuse %s, naming the variable and never the password", (_name, value) => {
    const error = configError({ REDIS_URL: value });
    expect(error.message).toMatch(/REDIS_URL: use a Redis URL, redis:\/\//);
    expect(error.message).not.toContain("s3cret-pass");
  });

  it("refuse a replica name that is not a plain word, and a TTL out of range", () => {
    expect(configError({ REPLICA: "replica 1" }).message).toMatch(/REPLICA: use 1-64 letters/);
    expect(configError({ REDIS_CACHE_TTL_SECONDS: "0" }).message).toMatch(
      /REDIS_CACHE_TTL_SECONDS/,
    );
  });
});

describe("finding redis-server for the tests", () => {
  const only =
    (...present: string[]) =>
    (file: string) =>
      present.includes(file);

  it("uses REDIS_SERVER when it exists, and says so when it does not", () => {
    expect(findRedisServer({ REDIS_SERVER: "/opt/redis" }, only("/opt/redis"))).toEqual({
      binary: "/opt/redis",
    });
    expect(findRedisServer({ REDIS_SERVER: "/nope" }, only("/usr/bin/redis-server"))).toEqual({
      missing: "REDIS_SERVER=/nope does not exist",
    });
  });

  it("searches PATH, then /usr/sbin and /usr/bin", () => {
    expect(findRedisServer({ PATH: "/opt/a:/opt/b" }, only("/opt/b/redis-server"))).toEqual({
      binary: "/opt/b/redis-server",
    });
    expect(findRedisServer({ PATH: "" }, only("/usr/bin/redis-server"))).toEqual({
      binary: "/usr/bin/redis-server",
    });
  });

  it("skips with one line saying how to install Redis, except under CI=true", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const missing = findRedisServer({ PATH: "" }, only());
    expect(skipRedisSuite(missing, {})).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/apt-get install redis-server/);
    warn.mockRestore();
    expect(skipRedisSuite(missing, { CI: "true" })).toBe(false);
    expect(skipRedisSuite({ binary: "/usr/bin/redis-server" }, {})).toBe(false);
  });
});
