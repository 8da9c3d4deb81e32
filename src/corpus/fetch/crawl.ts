import { ConfigError } from "../../errors/config-error.ts";
import { FetchError } from "../../errors/corpus-errors.ts";
import type { CorpusDocument } from "../corpus-document.ts";
import { parseContentType } from "../loaders/content-type.ts";
import { decodeText } from "../loaders/decode-text.ts";
import type { DocumentLoader } from "../loaders/document-loader.ts";
import { pickLoader } from "../loaders/pick-loader.ts";
import { type CrawlSettingsInput, crawlSettingsSchema } from "./crawl-settings.ts";
import {
  DEFAULT_USER_AGENT,
  type FetchedResource,
  type FetchUrlOptions,
  fetchUrl,
} from "./fetch-url.ts";
import { extractLinks } from "./internal/extract-links.ts";
import { HostPacer } from "./internal/host-pacer.ts";
import { mapWithConcurrency } from "./internal/map-with-concurrency.ts";
import { normalizeUrl } from "./internal/normalize-url.ts";
import { compilePathPattern } from "./internal/path-pattern.ts";
import { RobotsCache } from "./internal/robots-rules.ts";

export type CrawlOptions = CrawlSettingsInput &
  Omit<FetchUrlOptions, "beforeRequest"> & {
    /** Title of the start page's document (found pages keep their own). */
    title?: string;
    /** `kind` of every document. @default "document" */
    kind?: string;
    /** Accepted and passed to the loaders; see `LoaderInput.tags`. */
    tags?: string[];
    /** @default createDefaultLoaders() */
    loaders?: readonly DocumentLoader[];
  };

/** A URL that failed; the crawl went on without it. */
export type CrawlError = { url: string; message: string };

/** A URL found but not requested, and why. */
export type CrawlSkip = {
  url: string;
  reason: "robots" | "max-pages" | "duplicate";
};

export type CrawlResult = {
  /** One per page loaded, in the order pages were found; `source` is the page's final URL. */
  documents: CorpusDocument[];
  errors: CrawlError[];
  skipped: CrawlSkip[];
};

/**
 * Fetches `startUrl` and, with `followLinks`, the pages it links to, breadth first up to
 * `maxDepth` hops and `maxPages` requests, `concurrency` at a time. robots.txt is read once per
 * host and obeyed (Disallow for this user agent, Crawl-delay up to `maxCrawlDelayMs`) for every
 * request and redirect hop. Links are normalised (no fragment) and each URL is fetched once, so
 * loops end. A failing page is reported in `errors` and never stops the run; only invalid
 * settings (a `ConfigError`) or cancelling `signal` do.
 */
export async function crawl(startUrl: string, options: CrawlOptions = {}): Promise<CrawlResult> {
  const {
    title,
    kind,
    tags,
    loaders,
    followLinks,
    sameHostOnly,
    maxDepth,
    maxPages,
    include,
    exclude,
    concurrency,
    maxCrawlDelayMs,
    ...fetchOptions
  } = options;
  const parsed = crawlSettingsSchema.safeParse({
    followLinks,
    sameHostOnly,
    maxDepth,
    maxPages,
    include,
    exclude,
    concurrency,
    maxCrawlDelayMs,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new ConfigError(`crawl settings for ${startUrl} are invalid (${problems})`);
  }
  const settings = parsed.data;
  const includes = settings.include.map(compilePathPattern);
  const excludes = settings.exclude.map(compilePathPattern);
  const userAgent = fetchOptions.userAgent ?? DEFAULT_USER_AGENT;
  const robots = new RobotsCache(userAgent, fetchOptions);
  const pacer = new HostPacer();
  const result: CrawlResult = { documents: [], errors: [], skipped: [] };

  const start = normalizeUrl(startUrl);
  if (start === undefined) {
    // Echo the input only as printable ASCII: it may come from anywhere.
    const shown = startUrl.replace(/[^\x20-\x7e]/g, "?").slice(0, 300);
    result.errors.push({
      url: shown,
      message: `${shown}: is not an http(s) URL without credentials`,
    });
    return result;
  }
  const allowedHosts = new Set([start.host]);
  // Every URL requested or queued, and every final URL loaded: each page is fetched once.
  const seen = new Set([start.href]);
  const loaded = new Set<string>();
  let requested = 0;
  // Documents of the current layer by requested URL, so the output order is the discovery order.
  const pending = new Map<string, CorpusDocument>();

  const beforeRequest = async (url: URL, isStart: boolean) => {
    if (settings.sameHostOnly && !isStart && !allowedHosts.has(url.host)) {
      throw new FetchError(
        url.href,
        "blocked",
        `is on another host than ${[...allowedHosts].join(", ")} and sameHostOnly is set`,
      );
    }
    const rules = await robots.rulesFor(url);
    if (!rules.allows(url)) {
      throw new FetchError(url.href, "blocked", rules.problem ?? "is disallowed by robots.txt");
    }
    const delay = Math.min(rules.crawlDelayMs ?? 0, settings.maxCrawlDelayMs);
    await pacer.wait(url.origin, delay, fetchOptions.signal);
  };

  const visit = async (url: URL, depth: number): Promise<string[]> => {
    let resource: FetchedResource;
    try {
      resource = await fetchUrl(url, {
        ...fetchOptions,
        beforeRequest: (hop) => beforeRequest(hop, depth === 0),
      });
    } catch (error) {
      if (error instanceof FetchError && error.reason === "aborted") throw error;
      result.errors.push({ url: url.href, message: messageOf(error) });
      return [];
    }
    const finalUrl = normalizeUrl(resource.url)?.href ?? resource.url;
    if (depth === 0) allowedHosts.add(new URL(finalUrl).host);
    seen.add(finalUrl);
    if (loaded.has(finalUrl)) {
      result.skipped.push({ url: url.href, reason: "duplicate" });
      return [];
    }
    loaded.add(finalUrl);
    const loader = pickLoader(
      { path: new URL(finalUrl).pathname, contentType: resource.contentType },
      loaders,
    );
    if (loader === undefined) {
      result.errors.push({
        url: url.href,
        message: `${finalUrl}: no loader reads content type ${resource.mimeType || "(none)"}`,
      });
      return [];
    }
    try {
      const document = await loader.load({
        bytes: resource.bytes,
        source: finalUrl,
        path: finalUrl,
        contentType: resource.contentType,
        ...(depth === 0 && title !== undefined ? { title } : {}),
        ...(kind === undefined ? {} : { kind }),
        ...(tags === undefined ? {} : { tags }),
      });
      pending.set(url.href, document);
    } catch (error) {
      result.errors.push({ url: url.href, message: messageOf(error) });
      return [];
    }
    if (!settings.followLinks || depth >= settings.maxDepth || loader.kind !== "html") return [];
    try {
      const html = decodeText(resource.bytes, finalUrl, {
        declaredCharset: parseContentType(resource.contentType).charset,
        htmlMeta: true,
      });
      return extractLinks(html, finalUrl);
    } catch {
      // The loader decoded the same bytes, so this does not happen; no links if it does.
      return [];
    }
  };

  let layer: URL[] = [start];
  for (let depth = 0; layer.length > 0; depth++) {
    fetchOptions.signal?.throwIfAborted();
    const admitted: URL[] = [];
    for (const url of layer) {
      if (depth > 0 && !(await robots.rulesFor(url)).allows(url)) {
        result.skipped.push({ url: url.href, reason: "robots" });
      } else if (requested >= settings.maxPages) {
        result.skipped.push({ url: url.href, reason: "max-pages" });
      } else {
        requested += 1;
        admitted.push(url);
      }
    }
    const linksPerPage = await mapWithConcurrency(admitted, settings.concurrency, (url) =>
      visit(url, depth),
    );
    const nextLayer: URL[] = [];
    admitted.forEach((url, index) => {
      const document = pending.get(url.href);
      if (document !== undefined) result.documents.push(document);
      for (const href of linksPerPage[index] ?? []) {
        const link = normalizeUrl(href);
        if (link === undefined || seen.has(link.href)) continue;
        if (settings.sameHostOnly && !allowedHosts.has(link.host)) continue;
        if (includes.length > 0 && !includes.some((pattern) => pattern.test(link.pathname)))
          continue;
        if (excludes.some((pattern) => pattern.test(link.pathname))) continue;
        seen.add(link.href);
        nextLayer.push(link);
      }
    });
    pending.clear();
    layer = nextLayer;
  }
  fetchOptions.signal?.throwIfAborted();
  return result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
