import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { startTestServer } from "./test-server.ts";

const chat = (url: string, message: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ message }),
  });

describe("security defaults", () => {
  it("sends helmet's headers and no CORS header unless configured", async () => {
    const server = await startTestServer();
    try {
      const response = await fetch(`${server.url}/`, {
        headers: { origin: "https://evil.example" },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(response.headers.get("x-powered-by")).toBeNull();
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("allows only the configured CORS origins", async () => {
    const server = await startTestServer({ corsOrigins: ["https://learn.example"] });
    try {
      const allowed = await fetch(`${server.url}/api/health`, {
        headers: { origin: "https://learn.example" },
      });
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://learn.example");
      const other = await fetch(`${server.url}/api/health`, {
        headers: { origin: "https://evil.example" },
      });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server.close();
    }
  });

  it("answers requests beyond the per-minute limit with 429 and Retry-After", async () => {
    const server = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await chat(server.url, "What is DVC used for?");
        statuses.push(response.status);
        if (response.status === 429) {
          expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe("rate_limited");
          expect(body.error.message).toContain("the limit is 3 per minute");
        } else await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // Health and the page are not rate limited.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe("observability", () => {
  it("exposes request, answer and refusal counters and the index version at /metrics", async () => {
    const server = await startTestServer();
    try {
      await (await chat(server.url, "What is DVC used for?")).arrayBuffer();
      await (await chat(server.url, "What are the H-1B visa requirements?")).arrayBuffer();
      await (await fetch(`${server.url}/api/health`)).arrayBuffer();
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(
        /study_assistant_http_requests_total\{method="POST",route="\/api\/chat",status="200"\} 2/,
      );
      expect(metrics).toMatch(/study_assistant_answers_total\{outcome="refused"\} 1/);
      expect(metrics).toMatch(/study_assistant_answers_total\{outcome="answered"\} 1/);
      expect(metrics).toMatch(
        /study_assistant_http_request_duration_seconds_bucket\{.*route="\/api\/chat"/,
      );
      expect(metrics).toMatch(/study_assistant_retrieval_top_score_count 2/);
      expect(metrics).toMatch(
        /study_assistant_index_info\{version="v\d{8}T\d{6}Z-[0-9a-f]{8}[^"]*"\} 1/,
      );
      expect(metrics).toContain("study_assistant_generator_fallbacks_total 0");
    } finally {
      await server.close();
    }
  });

  it("logs JSON lines with a request id, echoes it, and never logs the authorization header", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...String(chunk).trim().split("\n"));
        callback();
      },
    });
    const server = await startTestServer({
      logger: pino({ level: "info", redact: ["req.headers.authorization"] }, sink),
    });
    try {
      const response = await chat(server.url, "What is DVC used for?", {
        "x-request-id": "req-123",
        authorization: "Bearer super-secret-token",
      });
      expect(response.headers.get("x-request-id")).toBe("req-123");
      await response.arrayBuffer();
      await expect.poll(() => lines.length).toBeGreaterThan(0);
      const entry = JSON.parse(lines.at(-1) ?? "{}");
      expect(entry.req.id).toBe("req-123");
      expect(entry.res.statusCode).toBe(200);
      expect(lines.join("\n")).not.toContain("super-secret-token");
    } finally {
      await server.close();
    }
  });
});
