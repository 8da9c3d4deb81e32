import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import pino, { type Logger } from "pino";
import { pinoHttp } from "pino-http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AnswerResult } from "../answer/answer.ts";

/** Structured JSON logs (pino). Authorization headers and cookies are never written. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "study-assistant" },
    redact: {
      paths: ["req.headers.authorization", "req.headers.cookie", "req.headers['x-api-key']"],
      censor: "[redacted]",
    },
  });
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
        url: request.url.slice(0, 200),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  }) as unknown as RequestHandler;
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

  /** Counts every request with its route pattern (not the raw URL, which would explode labels). */
  middleware(): RequestHandler {
    return (request, response, next) => {
      const stop = this.duration.startTimer();
      response.on("finish", () => {
        const route =
          (request.route as { path?: string } | undefined)?.path ??
          (response.statusCode === 404
            ? "(unmatched)"
            : request.path.startsWith("/api")
              ? request.path
              : "(static)");
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
