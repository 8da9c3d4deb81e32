export { FetchError, type FetchFailure } from "../../errors/corpus-errors.ts";
export {
  type CrawlError,
  type CrawlOptions,
  type CrawlResult,
  type CrawlSkip,
  crawl,
} from "./crawl.ts";
export {
  type CrawlSettings,
  type CrawlSettingsInput,
  crawlSettingsSchema,
} from "./crawl-settings.ts";
export {
  DEFAULT_USER_AGENT,
  DOCUMENT_CONTENT_TYPES,
  type FetchedResource,
  type FetchUrlOptions,
  fetchUrl,
} from "./fetch-url.ts";
