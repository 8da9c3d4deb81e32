import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { ConfigError } from "../../src/errors/config-error.ts";

describe("DATA_DIR and DATABASE_URL", () => {
  it("keep progress in data/ by default, and in PostgreSQL only when DATABASE_URL is set", () => {
    expect(loadConfig({})).toMatchObject({ DATA_DIR: "data" });
    expect(loadConfig({}).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
    const url = "postgresql://study:pw@db.internal:5432/study";
    expect(loadConfig({ DATA_DIR: "/var/lib/study", DATABASE_URL: url })).toMatchObject({
      DATA_DIR: "/var/lib/study",
      DATABASE_URL: url,
    });
  });

  it("refuse a DATABASE_URL that is not PostgreSQL's, naming the variable and never the value", () => {
    for (const value of ["mysql://study:hunter2@db/study", "hunter2", "https://hunter2@db/study"]) {
      const failure = (() => {
        try {
          loadConfig({ DATABASE_URL: value });
        } catch (error) {
          return error;
        }
      })();
      expect(failure, value).toBeInstanceOf(ConfigError);
      expect((failure as Error).message).toContain("DATABASE_URL: use a PostgreSQL URL");
      expect((failure as Error).message).not.toContain("hunter2");
    }
  });
});
