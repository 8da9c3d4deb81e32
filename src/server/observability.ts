import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { pinoHttp } from "pino-http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AnswerResult } from "../answer/answer.ts";
import type { CacheWithStatistics } from "../cache/cache-statistics.ts";

const REDACTED = "[redacted]";

/** The user:password part of any URL in a text. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/** A text with every secret and any URL's user:password replaced by "[redacted]". */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return result;
}

/** Strings in a log object, redacted (a few levels deep: log objects are small). */
function redactDeep(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (depth > 4 || typeof value !== "object" || value === null) return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactSecrets(value.message, secrets) };
  }
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets, depth + 1)]),
  );
}

/**
 * Structured JSON logs (pino). Authorization headers and cookies are never written; neither are
 * the given secrets (the API key, the admin token) nor the user:password of any URL, wherever
 * they appear in a line.
 */
export function createLogger(
  level: string,
  options: { secrets?: ReadonlyArray<string | undefined> } = {},
  destination?: DestinationStream,
): Logger {
  // Short values would redact ordinary words; settings require far longer secrets anyway.
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => secret !== undefined && secret.length >= 8,
  );
  const settings: LoggerOptions = {
    level,
    base: { service: "study-assistant" },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-api-key']"],
      censor: REDACTED,
    },
    formatters: { log: (object) => redactDeep(object, secrets) as Record<string, unknown> },
    hooks: {
      logMethod(inputs, method) {
        const redacted = inputs.map((input) =>
          typeof input === "string" ? redactSecrets(input, secrets) : input,
        ) as Parameters<typeof method>;
        method.apply(this, redacted);
      },
    },
  };
  return destination === undefined ? pino(settings) : pino(settings, destination);
}

/** Request logging with a request id (incoming `X-Request-Id` if sane, else a UUID), echoed back. */
export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const incoming = request.headers["x-request-id"];
      const id =
        typeof incoming === "string" && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
      response.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500
        ? "error"
        : response.statusCode >= 400
          ? "warn"
          : "info",
    serializers: {
      req: (request: { id: unknown; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: withoutLearnerId(request.url).slice(0, 200),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  }) as unknown as RequestHandler;
}

/**
 * A request URL as logged: a learner id (the only credential to that learner's progress) is
 * replaced by "[redacted]", so logs cannot be used to read or change anyone's progress.
 */
export function withoutLearnerId(url: string): string {
  return url.replace(/^(\/api\/learners\/)[^/?#]+/, `$1${REDACTED}`);
}

/** Prometheus metrics of the server (prom-client), served at `GET /metrics`. */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"method" | "route" | "status">;
  private readonly duration: Histogram<"method" | "route" | "status">;
  private readonly topScore: Histogram;
  private readonly answers: Counter<"outcome">;
  private readonly fallbacks: Counter;
  private readonly upstreamErrors: Counter;
  private readonly indexInfo: Gauge<"version">;
  private readonly indexChunks: Gauge;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "study_assistant_" });
    const registers = [this.registry];
    this.requests = new Counter({
      name: "study_assistant_http_requests_total",
      help: "HTTP requests by method, route and status.",
      labelNames: ["method", "route", "status"],
      registers,
    });
    this.duration = new Histogram({
      name: "study_assistant_http_request_duration_seconds",
      help: "HTTP request latency by method, route and status.",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.topScore = new Histogram({
      name: "study_assistant_retrieval_top_score",
      help: "Fused score of the best retrieved passage per question.",
      buckets: [0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.6, 2],
      registers,
    });
    this.answers = new Counter({
      name: "study_assistant_answers_total",
      help: "Answers by outcome: answered or refused.",
      labelNames: ["outcome"],
      registers,
    });
    this.fallbacks = new Counter({
      name: "study_assistant_generator_fallbacks_total",
      help: "Answers that fell back from the LLM to the extractive writer.",
      registers,
    });
    this.upstreamErrors = new Counter({
      name: "study_assistant_upstream_errors_total",
      help: "Failed calls to the upstream LLM (timeouts, HTTP errors, malformed streams).",
      registers,
    });
    this.indexInfo = new Gauge({
      name: "study_assistant_index_info",
      help: "The index version being served (value 1).",
      labelNames: ["version"],
      registers,
    });
    this.indexChunks = new Gauge({
      name: "study_assistant_index_chunks",
      help: "Chunks in the index being served.",
      registers,
    });
  }

  /**
   * Counts every request under a bounded set of `route` labels, never the raw URL (each random
   * path would add a series): the matched route's pattern; else one of `knownPaths` (a request
   * that failed before its route, e.g. a body that is not JSON); else `(static)` for a file of the
   * chat page; else `(unmatched)`.
   */
  middleware(knownPaths: readonly string[] = []): RequestHandler {
    const known = new Set(knownPaths);
    return (request, response, next) => {
      const stop = this.duration.startTimer();
      response.on("finish", () => {
        const matched = (request.route as { path?: unknown } | undefined)?.path;
        const served =
          (request.method === "GET" || request.method === "HEAD") && response.statusCode < 400;
        const route =
          typeof matched === "string"
            ? matched
            : known.has(request.path)
              ? request.path
              : served
                ? "(static)"
                : "(unmatched)";
        const labels = {
          method: request.method,
          route: String(route),
          status: String(response.statusCode),
        };
        this.requests.inc(labels);
        stop(labels);
      });
      next();
    };
  }

  /** Reports the answer limit's running and waiting requests at every scrape. */
  trackAnswerLimit(limit: { readonly running: number; readonly queued: number }): void {
    new Gauge({
      name: "study_assistant_answers_in_progress",
      help: "Requests on the answering routes being answered now (at most MAX_CONCURRENT_ANSWERS).",
      registers: [this.registry],
      collect() {
        this.set(limit.running);
      },
    });
    new Gauge({
      name: "study_assistant_answers_queued",
      help: "Requests on the answering routes waiting for a slot (at most MAX_QUEUED_ANSWERS).",
      registers: [this.registry],
      collect() {
        this.set(limit.queued);
      },
    });
  }

  /**
   * Reports each cache's hits, misses and evictions (counters) and its entries and bytes (gauges)
   * at every scrape, labelled `cache` by the record's keys ("answers", "embeddings"). Call once.
   */
  trackCaches(caches: Record<string, CacheWithStatistics>): void {
    const named = Object.entries(caches);
    const counter = (field: "hits" | "misses" | "evictions", help: string) =>
      new Counter({
        name: `study_assistant_cache_${field}_total`,
        help,
        labelNames: ["cache"],
        registers: [this.registry],
        collect() {
          // The caches count; each scrape copies their totals.
          this.reset();
          for (const [cache, { statistics }] of named) this.inc({ cache }, statistics[field]);
        },
      });
    counter("hits", "Lookups answered from the cache.");
    counter("misses", "Lookups the cache could not answer.");
    counter("evictions", "Entries pushed out of the cache by its entry or byte bound.");
    for (const [field, help] of [
      ["entries", "Entries held by the cache."],
      ["bytes", "Estimated bytes held by the cache."],
    ] as const) {
      new Gauge({
        name: `study_assistant_cache_${field}`,
        help,
        labelNames: ["cache"],
        registers: [this.registry],
        collect() {
          for (const [cache, { statistics }] of named) this.set({ cache }, statistics[field]);
        },
      });
    }
  }

  observeAnswer(answer: AnswerResult): void {
    this.answers.inc({ outcome: answer.refused ? "refused" : "answered" });
    const top = answer.retrieved[0]?.score;
    if (top !== undefined) this.topScore.observe(top);
    const notices = answer.notices?.length ?? 0;
    if (notices > 0) {
      this.fallbacks.inc();
      this.upstreamErrors.inc(notices);
    }
  }

  setIndex(version: string, chunks: number): void {
    this.indexInfo.reset();
    this.indexInfo.set({ version }, 1);
    this.indexChunks.set(chunks);
  }
}
