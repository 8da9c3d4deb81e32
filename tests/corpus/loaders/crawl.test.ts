import { afterEach, describe, expect, it, vi } from "vitest";
import { crawl } from "../../../src/corpus/fetch/crawl.ts";
import { crawlSettingsSchema } from "../../../src/corpus/fetch/crawl-settings.ts";
import { HostPacer } from "../../../src/corpus/fetch/internal/host-pacer.ts";
import { compilePathPattern } from "../../../src/corpus/fetch/internal/path-pattern.ts";
import { ConfigError } from "../../../src/errors/config-error.ts";
import { FetchError } from "../../../src/errors/corpus-errors.ts";
import { type SiteServer, type SiteServerOptions, startSiteServer } from "./site-server.ts";

/** Limits small enough that the failing pages fail fast. */
const quick = { timeoutMs: 400, retryDelayMs: 5, maxBytes: 200_000 };

const servers: SiteServer[] = [];
async function site(options: SiteServerOptions = {}): Promise<SiteServer> {
  const server = await startSiteServer(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Paths requested, robots.txt left out. */
function pagePaths(server: SiteServer): string[] {
  return server.requests.map((request) => request.path).filter((path) => path !== "/robots.txt");
}

describe("crawl over the fixture site", () => {
  it("loads every reachable page once and reports each failure without stopping", async () => {
    const elsewhere = await site();
    const server = await site({ otherOrigin: elsewhere.origin });
    const result = await crawl(`${server.origin}/`, {
      ...quick,
      followLinks: true,
      maxDepth: 2,
      maxPages: 50,
    });
    const origin = server.origin;
    const sources = result.documents.map((document) => document.source);
    expect(sources).toEqual([
      `${origin}/`,
      `${origin}/a.html`,
      `${origin}/article.html`,
      `${origin}/c.html`,
      `${origin}/flaky`,
      `${origin}/docs/guide.html`,
      `${origin}/docs/archive/old.html`,
      `${origin}/notes.pdf`,
      `${origin}/notes.md`,
      `${origin}/b.html`,
    ]);

    // The loop A → B → A and the fragment link to A cost one request each.
    expect(server.requestsFor("/a.html")).toHaveLength(1);
    expect(server.requestsFor("/b.html")).toHaveLength(1);
    expect(server.requestsFor("/")).toHaveLength(1);
    // Depth 2 ends at B: C is reached only through /moved (depth 1), never through B's link.
    expect(server.requestsFor("/c.html")).toHaveLength(1);
    expect(server.requestsFor("/robots.txt")).toHaveLength(1);
    expect(server.requestsFor("/flaky")).toHaveLength(2);
    expect(server.requestsFor("/private/secret.html")).toHaveLength(0);
    expect(server.requestsFor("/nofollow.html")).toHaveLength(0);
    expect(elsewhere.requests).toHaveLength(0);
    expect(
      server.requests.every((request) => request.userAgent?.startsWith("study-assistant/")),
    ).toBe(true);

    const errors = new Map(
      result.errors.map((error) => [error.url.slice(origin.length), error.message]),
    );
    // Links are found in the whole page, navigation included: the article's nav, promo and
    // sidebar links (depth 2) lead nowhere on this site.
    const deadLinks = ["/bootcamp", "/courses", "/login", "/posts/pca", "/pricing", "/privacy"];
    expect([...errors.keys()].sort()).toEqual(
      ["/files/archive.zip", "/huge", "/missing.html", "/redirect/9", "/slow", ...deadLinks].sort(),
    );
    for (const path of ["/missing.html", ...deadLinks])
      expect(errors.get(path)).toContain("HTTP 404");
    expect(errors.get("/slow")).toContain("did not answer within 400 ms");
    expect(errors.get("/huge")).toContain("larger than the limit of 200,000 bytes");
    expect(errors.get("/files/archive.zip")).toContain('content type "application/zip"');
    expect(errors.get("/redirect/9")).toContain("redirects more than 5 times");
    expect(result.skipped).toContainEqual({
      url: `${origin}/private/secret.html`,
      reason: "robots",
    });

    // A redirected page is named by its final URL, without the fragment of the Location.
    const moved = result.documents.find((document) => document.source === `${origin}/c.html`);
    expect(moved?.title).toBe("Chapter C: Decision Trees");
    const pdf = result.documents.find((document) => document.source.endsWith("/notes.pdf"));
    expect(pdf?.title).toBe("Maths Notes");
    expect(pdf?.body).toContain("## Page 2");
    const markdown = result.documents.find((document) => document.source.endsWith("/notes.md"));
    expect(markdown?.title).toBe("Notes in Markdown");
    expect(markdown?.body).toContain("## Bias and variance");
  });

  it("fetches only the start page unless followLinks is set", async () => {
    const server = await site();
    const result = await crawl(`${server.origin}/a.html`, quick);
    expect(result.documents.map((document) => document.source)).toEqual([
      `${server.origin}/a.html`,
    ]);
    expect(pagePaths(server)).toEqual(["/a.html"]);
  });

  it("stops at maxDepth", async () => {
    const server = await site();
    const result = await crawl(`${server.origin}/a.html`, {
      ...quick,
      followLinks: true,
      maxDepth: 1,
    });
    expect(result.documents.map((document) => document.title)).toEqual([
      "Chapter A: Linear Regression",
      "Chapter B: Logistic Regression",
      "Study Site Home",
    ]);
    expect(server.requestsFor("/c.html")).toHaveLength(0);
  });

  it("requests no more than maxPages pages and lists the rest as skipped", async () => {
    const server = await site();
    const result = await crawl(`${server.origin}/`, { ...quick, followLinks: true, maxPages: 3 });
    expect(pagePaths(server)).toEqual(["/", "/a.html", "/article.html"]);
    expect(result.documents).toHaveLength(3);
    expect(result.skipped.filter((skip) => skip.reason === "max-pages").length).toBeGreaterThan(5);
  });

  it("follows only links whose path matches include and not exclude", async () => {
    const server = await site();
    const result = await crawl(`${server.origin}/`, {
      ...quick,
      followLinks: true,
      maxDepth: 3,
      include: ["/docs/**"],
      exclude: ["/docs/archive/**"],
    });
    expect(pagePaths(server)).toEqual(["/", "/docs/guide.html"]);
    expect(result.errors).toEqual([]);
  });

  it("obeys the group of robots.txt meant for its user agent", async () => {
    const server = await site({
      robotsTxt: "User-agent: study-assistant\nDisallow: /docs/\n\nUser-agent: *\nDisallow:\n",
    });
    const result = await crawl(`${server.origin}/docs/guide.html`, quick);
    expect(result.documents).toEqual([]);
    expect(result.errors[0]?.message).toContain("is disallowed by robots.txt");
    expect(pagePaths(server)).toEqual([]);
  });

  it("fetches nothing from a host whose robots.txt answers 5xx, and reads all of one that answers 404", async () => {
    const broken = await site({ robotsStatus: 503 });
    const blocked = await crawl(`${broken.origin}/a.html`, { ...quick, retries: 0 });
    expect(blocked.errors[0]?.message).toMatch(/robots\.txt could not be read \(.*HTTP 503/);
    expect(pagePaths(broken)).toEqual([]);

    const missing = await site({ robotsStatus: 404 });
    const open = await crawl(`${missing.origin}/private/secret.html`, quick);
    expect(open.documents.map((document) => document.title)).toEqual(["Private Page"]);
  });

  it("paces each page request to a host by its Crawl-delay, shortened to maxCrawlDelayMs", async () => {
    // The spacing itself is HostPacer's job (tests/corpus/fetch/host-pacer.test.ts, on fake
    // timers); here the crawl must hand it every page request with the capped delay.
    const server = await site({
      robotsTxt: "User-agent: *\nCrawl-delay: 60\nDisallow: /private/\n",
    });
    const paced = vi.spyOn(HostPacer.prototype, "wait");
    const started = Date.now();
    await crawl(`${server.origin}/a.html`, {
      ...quick,
      followLinks: true,
      maxDepth: 1,
      concurrency: 2,
      maxCrawlDelayMs: 150,
    });
    expect(pagePaths(server)).toHaveLength(3);
    expect(paced.mock.calls.map(([origin, intervalMs]) => [origin, intervalMs])).toEqual(
      Array.from({ length: 3 }, () => [server.origin, 150]),
    );
    // Far below the 60 s the site asked for: the cap applies.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("stops when cancelled, with the cancellation rather than a partial result", async () => {
    const server = await site({ slowMs: 5_000 });
    const failure = await crawl(`${server.origin}/slow`, {
      timeoutMs: 5_000,
      signal: AbortSignal.timeout(100),
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FetchError);
    expect((failure as FetchError).reason).toBe("aborted");
  });

  it("reports a start URL it cannot use instead of throwing", async () => {
    const result = await crawl("mailto:someone@example.org");
    expect(result.documents).toEqual([]);
    expect(result.errors[0]?.message).toContain("is not an http(s) URL");
  });

  it("rejects invalid settings with a ConfigError naming the field", async () => {
    const failure = await crawl("http://127.0.0.1:9/", { include: ["docs/**"], maxPages: 0 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/include\.0: "docs\/\*\*" must start with "\/"/);
    expect((failure as Error).message).toMatch(/maxPages/);
  });
});

describe("crawl settings", () => {
  it("fills in the documented defaults", () => {
    expect(crawlSettingsSchema.parse({})).toEqual({
      followLinks: false,
      sameHostOnly: true,
      maxDepth: 1,
      maxPages: 20,
      include: [],
      exclude: [],
      concurrency: 2,
      maxCrawlDelayMs: 5_000,
    });
  });

  it("matches path globs segment by segment", () => {
    const cases: Array<[string, string, boolean]> = [
      ["/docs/**", "/docs", true],
      ["/docs/**", "/docs/", true],
      ["/docs/**", "/docs/a/b.html", true],
      ["/docs/**", "/docsearch", false],
      ["/blog/*.html", "/blog/post.html", true],
      ["/blog/*.html", "/blog/2024/post.html", false],
      ["**/*.pdf", "/a/b/notes.pdf", true],
      ["**/*.pdf", "/notes.pdf", true],
      ["**/*.pdf", "/notes.pdf.html", false],
      ["/page-?.html", "/page-2.html", true],
      ["/page-?.html", "/page-10.html", false],
      ["/a+b(c).html", "/a+b(c).html", true],
    ];
    for (const [pattern, path, expected] of cases) {
      expect([pattern, path, compilePathPattern(pattern).test(path)]).toEqual([
        pattern,
        path,
        expected,
      ]);
    }
  });
});
