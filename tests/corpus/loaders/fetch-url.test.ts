import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_USER_AGENT, fetchUrl } from "../../../src/corpus/fetch/fetch-url.ts";
import { FetchError } from "../../../src/errors/corpus-errors.ts";
import { type SiteServer, startSiteServer } from "./site-server.ts";

/** Runs `promise`, expecting a `FetchError`, and returns it. */
async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

/** A 127.0.0.1 port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const fast = { retryDelayMs: 5, timeoutMs: 2_000 };

describe("fetchUrl against a local site", () => {
  let site: SiteServer;

  beforeAll(async () => {
    site = await startSiteServer({ slowMs: 5_000 });
  });
  afterAll(async () => {
    await site.close();
  });

  it("fetches a page with the project's user agent and reports its type and bytes", async () => {
    const resource = await fetchUrl(`${site.origin}/a.html`, fast);
    expect(resource.status).toBe(200);
    expect(resource.url).toBe(`${site.origin}/a.html`);
    expect(resource.mimeType).toBe("text/html");
    expect(resource.contentType).toBe("text/html; charset=utf-8");
    expect(new TextDecoder().decode(resource.bytes)).toContain("Linear Regression");
    expect(site.requestsFor("/a.html").at(-1)?.userAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^study-assistant\//);
  });

  it("drops the fragment from the URL it requests and reports", async () => {
    const resource = await fetchUrl(`${site.origin}/c.html#section`, fast);
    expect(resource.url).toBe(`${site.origin}/c.html`);
  });

  it("reports a 404 without retrying it", async () => {
    const before = site.requestsFor("/missing.html").length;
    const error = await fetchError(fetchUrl(`${site.origin}/missing.html`, fast));
    expect(error.reason).toBe("http-status");
    expect(error.status).toBe(404);
    expect(error.message).toContain(`${site.origin}/missing.html: HTTP 404`);
    expect(site.requestsFor("/missing.html").length - before).toBe(1);
  });

  it("retries a 503 and returns the page that follows", async () => {
    const resource = await fetchUrl(`${site.origin}/flaky`, fast);
    expect(new TextDecoder().decode(resource.bytes)).toContain("second try");
    expect(site.requestsFor("/flaky")).toHaveLength(2);
  });

  it("gives up after the configured retries and says how many attempts were made", async () => {
    const error = await fetchError(fetchUrl(`${site.origin}/always-503`, { ...fast, retries: 2 }));
    expect(error.reason).toBe("http-status");
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/HTTP 503.*after 3 attempts/);
    expect(site.requestsFor("/always-503")).toHaveLength(3);
  });

  it("waits as long as Retry-After asks when that is within the cap", async () => {
    const started = Date.now();
    const resource = await fetchUrl(`${site.origin}/retry-after/1`, {
      ...fast,
      maxRetryDelayMs: 3_000,
    });
    expect(resource.status).toBe(200);
    const [first, second] = site.requestsFor("/retry-after/1");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("does not retry early when Retry-After is over the cap", async () => {
    const error = await fetchError(
      fetchUrl(`${site.origin}/retry-after/120`, { ...fast, maxRetryDelayMs: 1_000 }),
    );
    expect(error.status).toBe(429);
    expect(error.message).toContain("retry after 120 s, longer than the 1 s cap");
    expect(site.requestsFor("/retry-after/120")).toHaveLength(1);
  });

  it("times out a slow page and does not retry it", async () => {
    const started = Date.now();
    const error = await fetchError(fetchUrl(`${site.origin}/slow`, { ...fast, timeoutMs: 200 }));
    expect(error.reason).toBe("timeout");
    expect(error.message).toContain("did not answer within 200 ms");
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(site.requestsFor("/slow")).toHaveLength(1);
  });

  it("stops reading a streamed body past the size limit", async () => {
    const error = await fetchError(fetchUrl(`${site.origin}/huge`, { ...fast, maxBytes: 100_000 }));
    expect(error.reason).toBe("too-large");
    expect(error.message).toMatch(
      /larger than the limit of 100,000 bytes \(stopped reading at [\d,]+ bytes\)/,
    );
  });

  it("refuses a body whose Content-Length is over the limit before reading it", async () => {
    const error = await fetchError(
      fetchUrl(`${site.origin}/huge-declared`, { ...fast, maxBytes: 1_000_000 }),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toContain(
      "is 50,000,000 bytes (Content-Length); the limit is 1,000,000 bytes",
    );
  });

  it("rejects content types that are not documents", async () => {
    for (const file of ["/files/archive.zip", "/image.png"]) {
      const error = await fetchError(fetchUrl(`${site.origin}${file}`, fast));
      expect(error.reason).toBe("content-type");
      expect(error.message).toMatch(
        /has content type "(application\/zip|image\/png)"; accepted: text\/html/,
      );
    }
  });

  it("follows redirects up to the cap, checking every hop", async () => {
    const hops: string[] = [];
    const resource = await fetchUrl(`${site.origin}/redirect/5`, {
      ...fast,
      beforeRequest: (url) => {
        hops.push(url.pathname);
      },
    });
    expect(resource.url).toBe(`${site.origin}/redirect/0`);
    expect(resource.requestedUrl).toBe(`${site.origin}/redirect/5`);
    expect(resource.redirects).toHaveLength(5);
    expect(hops).toEqual([
      "/redirect/5",
      "/redirect/4",
      "/redirect/3",
      "/redirect/2",
      "/redirect/1",
      "/redirect/0",
    ]);
  });

  it("gives up on a redirect chain longer than the cap", async () => {
    const before = site.requests.length;
    const error = await fetchError(
      fetchUrl(`${site.origin}/redirect/9`, { ...fast, maxRedirects: 5 }),
    );
    expect(error.reason).toBe("too-many-redirects");
    expect(error.message).toContain("redirects more than 5 times (the limit)");
    // The first request and five hops; the sixth redirect is not followed.
    expect(site.requests.slice(before).map((request) => request.path)).toEqual([
      "/redirect/9",
      "/redirect/8",
      "/redirect/7",
      "/redirect/6",
      "/redirect/5",
      "/redirect/4",
    ]);
  });

  it("refuses a redirect to a non-http URL", async () => {
    const error = await fetchError(fetchUrl(`${site.origin}/to-file-url`, fast));
    expect(error.reason).toBe("invalid-url");
    expect(error.message).toContain("only http and https are fetched");
  });

  it("reports a redirect whose Location is not a URL", async () => {
    const error = await fetchError(fetchUrl(`${site.origin}/bad-location`, fast));
    expect(error.reason).toBe("invalid-url");
    expect(error.message).toContain("is not a valid URL");
  });

  it("lets beforeRequest refuse a hop", async () => {
    const before = site.requestsFor("/c.html").length;
    const error = await fetchError(
      fetchUrl(`${site.origin}/moved`, {
        ...fast,
        beforeRequest: (url) => {
          if (url.pathname === "/c.html")
            throw new FetchError(url.href, "blocked", "is not wanted");
        },
      }),
    );
    expect(error.reason).toBe("blocked");
    expect(site.requestsFor("/c.html")).toHaveLength(before);
  });

  it("cancels on the caller's signal", async () => {
    const error = await fetchError(
      fetchUrl(`${site.origin}/slow`, {
        ...fast,
        timeoutMs: 10_000,
        signal: AbortSignal.timeout(100),
      }),
    );
    expect(error.reason).toBe("aborted");
  });
});

describe("fetchUrl without a server", () => {
  it("retries a refused connection, then reports a network error", async () => {
    const port = await closedPort();
    const error = await fetchError(
      fetchUrl(`http://127.0.0.1:${port}/`, { retries: 1, retryDelayMs: 5 }),
    );
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/network error \(ECONNREFUSED\) \(after 2 attempts\)/);
  });

  it("rejects URLs it will not fetch", async () => {
    expect((await fetchError(fetchUrl("not a url"))).reason).toBe("invalid-url");
    expect((await fetchError(fetchUrl("ftp://127.0.0.1/file.txt"))).message).toContain("uses ftp:");
    expect((await fetchError(fetchUrl("http://user:secret@127.0.0.1:9/"))).message).toContain(
      "user name or password",
    );
  });
});
