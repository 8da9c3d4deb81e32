import { TextDecoder } from "node:util";
import robotsParserExports from "robots-parser";
import { FetchError } from "../../../errors/corpus-errors.ts";
import { type FetchUrlOptions, fetchUrl } from "../fetch-url.ts";

// robots-parser is CommonJS (`module.exports = fn`) but its types declare an ES default export, so
// under NodeNext TypeScript sees `{ default: fn }` while Node hands over the function itself.
type RobotsParser = typeof robotsParserExports.default;
const robotsParser: RobotsParser =
  typeof robotsParserExports === "function"
    ? (robotsParserExports as unknown as RobotsParser)
    : robotsParserExports.default;

/** RFC 9309 asks crawlers to read at least 500 KiB of robots.txt. */
const MAX_ROBOTS_BYTES = 512 * 1024;

/** What robots.txt says about one host, for this crawler's user agent. */
export type RobotsRules = {
  allows(url: URL): boolean;
  /** `Crawl-delay` for the user agent, in ms; undefined when none is given. */
  crawlDelayMs: number | undefined;
  /** Why every URL of the host is refused, when robots.txt could not be read. */
  problem: string | undefined;
};

const ALLOW_ALL: RobotsRules = { allows: () => true, crawlDelayMs: undefined, problem: undefined };

/**
 * robots.txt per origin, fetched once and cached (concurrent callers share one request). Per RFC
 * 9309: a 4xx (no robots.txt) allows everything; a server error, timeout or network failure
 * disallows the whole host, since the owner's wishes are unknown.
 */
export class RobotsCache {
  private readonly rules = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly userAgent: string,
    private readonly fetchOptions: Omit<
      FetchUrlOptions,
      "beforeRequest" | "contentTypes" | "maxBytes"
    >,
  ) {}

  rulesFor(url: URL): Promise<RobotsRules> {
    let rules = this.rules.get(url.origin);
    if (rules === undefined) {
      rules = this.load(url.origin);
      this.rules.set(url.origin, rules);
    }
    return rules;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let text: string;
    try {
      const resource = await fetchUrl(robotsUrl, {
        ...this.fetchOptions,
        // Any type: robots.txt is often served as text/html or without a type.
        contentTypes: ["*/*"],
        maxBytes: MAX_ROBOTS_BYTES,
      });
      // Not strict: a robots.txt in Latin-1 still has readable ASCII rules.
      text = new TextDecoder("utf-8").decode(resource.bytes);
    } catch (error) {
      if (error instanceof FetchError && error.reason === "aborted") throw error;
      if (
        error instanceof FetchError &&
        error.status !== undefined &&
        error.status >= 400 &&
        error.status < 500
      ) {
        return ALLOW_ALL;
      }
      const reason = error instanceof Error ? error.message : String(error);
      const problem = `robots.txt could not be read (${reason}), so the host is not crawled`;
      return { allows: () => false, crawlDelayMs: undefined, problem };
    }
    const robots = robotsParser(robotsUrl, text);
    const delaySeconds = robots.getCrawlDelay(this.userAgent);
    return {
      // undefined means the URL is on another origin than this robots.txt; not ours to judge.
      allows: (url) => robots.isAllowed(url.href, this.userAgent) !== false,
      crawlDelayMs:
        delaySeconds === undefined || !Number.isFinite(delaySeconds) || delaySeconds <= 0
          ? undefined
          : delaySeconds * 1000,
      problem: undefined,
    };
  }
}
