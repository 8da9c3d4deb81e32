import { z } from "zod";
import { pathPatternProblem } from "./internal/path-pattern.ts";

const pathPattern = z.string().superRefine((pattern, context) => {
  const problem = pathPatternProblem(pattern);
  if (problem !== undefined) context.addIssue({ code: "custom", message: problem });
});

/**
 * The JSON-friendly crawl settings of one URL source (also what a sources manifest can hold).
 * `include` and `exclude` are globs on the URL path: `*` within a segment, `**` across segments,
 * `?` one character; `/docs/**` matches `/docs` and everything under it. They filter the links
 * found while crawling; the start URL is always fetched.
 */
export const crawlSettingsSchema = z.object({
  /** Follow links found in HTML pages. @default false */
  followLinks: z.boolean().default(false),
  /** Follow only links to the start URL's host (and the host it redirected to). @default true */
  sameHostOnly: z.boolean().default(true),
  /** Link hops from the start page (which is depth 0). @default 1 */
  maxDepth: z.number().int().min(0).max(10).default(1),
  /** Pages requested at most, failures included; robots.txt does not count. @default 20 */
  maxPages: z.number().int().min(1).max(10_000).default(20),
  /** When non-empty, a found link is followed only if its path matches one of these. @default [] */
  include: z.array(pathPattern).default([]),
  /** A found link whose path matches one of these is not followed. @default [] */
  exclude: z.array(pathPattern).default([]),
  /** Pages fetched at the same time. @default 2 */
  concurrency: z.number().int().min(1).max(16).default(2),
  /** Longest robots.txt `Crawl-delay` honoured, in ms; longer delays are shortened to it. @default 5_000 */
  maxCrawlDelayMs: z.number().int().min(0).max(60_000).default(5_000),
});

/** Crawl settings as written (every field optional). */
export type CrawlSettingsInput = z.input<typeof crawlSettingsSchema>;
/** Crawl settings with defaults filled in. */
export type CrawlSettings = z.output<typeof crawlSettingsSchema>;
