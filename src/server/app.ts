import path from "node:path";
import cors from "cors";
import express, { type Express, type Request, Router } from "express";
import { rateLimit, type Store } from "express-rate-limit";
import helmet from "helmet";
import type { Logger } from "pino";
import type { AnswerResult } from "../answer/answer.ts";
import { Assistant } from "../answer/assistant.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { NotFoundError, RateLimitedError } from "../errors/request-errors.ts";
import type { IngestSummary } from "../ingest/ingest.ts";
import { type RedisStatus, trackRedisStatus } from "../shared-state/index.ts";
import type { LearnerProgress } from "../study/progress/learner-progress.ts";
import type { GuideWriter } from "../study/study-guide.ts";
import { AnswerLimit, type AnswerLimitSettings } from "./answer-limit.ts";
import { errorHandler, notFound } from "./error-handler.ts";
import { trackIndexReloads } from "./index-reload-metrics.ts";
import type { AssistantSource, LiveAssistant } from "./live-assistant.ts";
import { requestLogger, ServerMetrics } from "./observability.ts";
import { adminRoute } from "./routes/admin-route.ts";
import { chatRoute } from "./routes/chat-route.ts";
import { learnerRoute } from "./routes/learner-route.ts";
import { openAIRoute } from "./routes/openai-route.ts";
import { planRoute } from "./routes/plan-route.ts";
import { studyRoute } from "./routes/study-route.ts";

/** Largest accepted request body. @default 32 KB */
export const BODY_LIMIT_BYTES = 32 * 1024;

const PUBLIC_DIR = path.resolve(import.meta.dirname, "../../public");

/** The routes that write answers: rate limited, and held to the answer limit. */
const ANSWER_PATHS = ["/api/chat", "/v1/chat/completions"];

/**
 * Every fixed path the app serves. A request that fails before reaching its route (a body that
 * is not JSON, a rate limit, a full queue) is still counted under its path in `/metrics`; any
 * other path shares one label, so random URLs cannot grow the metric series.
 */
const KNOWN_PATHS = [
  ...ANSWER_PATHS,
  "/v1/models",
  "/api/health",
  "/metrics",
  "/admin/reindex",
  "/api/study/steps",
  "/api/study/plan",
  "/api/learners",
];

/**
 * Every path other than the answering and admin routes (the chat page and its scripts, passages,
 * unknown paths) allows this many times `rateLimitPerMinute`: a page load fetches several files.
 */
const OTHER_PATHS_RATE_FACTOR = 10;

export type AppServices = {
  /** The assistant, or a source of it that hot reload can swap (LiveAssistant). */
  assistant: Assistant | AssistantSource;
  embedder: Embedder;
  /** Mounts `POST /admin/reindex` when a token is configured. */
  admin?: { token: string; live: LiveAssistant; reindex: () => Promise<IngestSummary> };
  /** Mounts the learner progress routes (`/api/learners`). */
  progress?: LearnerProgress;
  /** Writes study guides with the LLM when one is configured; extractive guides otherwise. */
  guideWriter?: GuideWriter | undefined;
  /** The Redis connection (REDIS_URL) whose status `/api/health` and `/metrics` report. */
  redis?: { readonly status: RedisStatus };
};

export type AppOptions = {
  /** Milliseconds between SSE heartbeat comments. @default 15000 */
  heartbeatMs?: number;
  /**
   * Requests per minute per client on the answering and admin routes, and ten times as many on
   * every other path but `/api/health`; 0 turns it off. @default 0
   */
  rateLimitPerMinute?: number;
  /**
   * A new store for each rate limiter (`name` is "answers" or "other"), e.g. counting in Redis so
   * the limit holds across replicas; express-rate-limit's in-memory store (per process) when not
   * given.
   */
  rateLimitStore?: (name: string) => Store;
  /** This replica's name (REPLICA), shown as `replica` in `/api/health`. */
  replica?: string;
  /** Back-pressure on the answering routes (503 `server_busy` when full); none when not given. */
  answerLimit?: AnswerLimitSettings;
  /** Origins allowed to call the API from a browser (CORS); none when empty. @default [] */
  corsOrigins?: string[];
  /**
   * Express `trust proxy` setting, for deployments behind a load balancer: a hop count or the
   * proxies' addresses (TRUST_PROXY; `true` is refused there). @default false
   */
  trustProxy?: boolean | number | string;
  /** Structured request logs; none when not given. */
  logger?: Logger;
  /** Prometheus metrics at `/metrics`; a fresh registry when not given. */
  metrics?: ServerMetrics;
};

function infoRoutes(
  assistants: AssistantSource,
  embedder: Embedder,
  metrics: ServerMetrics,
  shared: { replica?: string | undefined; redis?: { readonly status: RedisStatus } | undefined },
): Router {
  const router = Router();
  router.get("/api/health", (_request, response) => {
    const assistant = assistants.current;
    const { manifest } = assistant.index;
    metrics.setIndex(manifest.version, manifest.chunkCount);
    const refused = assistants.refused;
    response.json({
      // Still 200 and answering: "degraded" while a newer version was refused (see indexRefused).
      status: refused === undefined ? "ok" : "degraded",
      index: { version: manifest.version, chunks: manifest.chunkCount, builtAt: manifest.builtAt },
      ...(refused === undefined ? {} : { indexRefused: refused }),
      embedder: embedder.id,
      generator: assistant.generator.id,
      rewriter: assistant.rewriter.id,
      // What clients may send: the chat page counts a question's characters against it.
      limits: { questionChars: assistant.maxQuestionLength },
      ...(shared.replica === undefined ? {} : { replica: shared.replica }),
      // Still 200: without Redis the replica answers on local fallbacks.
      ...(shared.redis === undefined ? {} : { redis: shared.redis.status }),
    });
  });
  router.get("/api/sources/:chunkId", (request, response) => {
    const chunk = assistants.current.index.chunkById.get(request.params.chunkId);
    if (chunk === undefined) {
      throw new NotFoundError(
        `no passage with id ${JSON.stringify(request.params.chunkId.slice(0, 100))}`,
      );
    }
    response.json({
      chunkId: chunk.id,
      source: chunk.source,
      title: chunk.title,
      section: chunk.section,
      text: chunk.text,
    });
  });
  return router;
}

/** The Express app: JSON API, OpenAI-compatible API, the chat page, one error handler. */
export function createApp(services: AppServices, options: AppOptions = {}): Express {
  const app = express();
  const metrics = options.metrics ?? new ServerMetrics();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  if (options.logger !== undefined) app.use(requestLogger(options.logger));
  app.use(metrics.middleware(KNOWN_PATHS));
  app.use(helmet());
  const origins = options.corsOrigins ?? [];
  if (origins.length > 0)
    app.use(cors({ origin: origins, methods: ["GET", "POST", "PUT", "DELETE"], maxAge: 600 }));
  const perMinute = options.rateLimitPerMinute ?? 0;
  if (perMinute > 0) {
    const limiter = (name: string, limit: number, skip?: (request: Request) => boolean) =>
      rateLimit({
        windowMs: 60_000,
        limit,
        ...(options.rateLimitStore === undefined ? {} : { store: options.rateLimitStore(name) }),
        standardHeaders: "draft-8",
        legacyHeaders: false,
        ...(skip === undefined ? {} : { skip }),
        handler: (_request, _response, next, limiterOptions) => {
          next(new RateLimitedError(limit, Math.ceil(limiterOptions.windowMs / 1000)));
        },
      });
    const limited = [...ANSWER_PATHS, "/admin"];
    app.use(limited, limiter("answers", perMinute));
    // Health probes come often from one address (a load balancer) and must never be refused.
    app.use(
      limiter(
        "other",
        perMinute * OTHER_PATHS_RATE_FACTOR,
        (request) =>
          request.path === "/api/health" ||
          limited.some(
            (prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`),
          ),
      ),
    );
  }
  if (options.answerLimit !== undefined) {
    const answerLimit = new AnswerLimit(options.answerLimit);
    metrics.trackAnswerLimit(answerLimit);
    app.post(ANSWER_PATHS, answerLimit.middleware());
  }
  app.get("/metrics", async (_request, response) => {
    response.setHeader("Content-Type", metrics.registry.contentType);
    response.send(await metrics.registry.metrics());
  });
  app.use(express.json({ limit: BODY_LIMIT_BYTES }));
  const assistants: AssistantSource =
    services.assistant instanceof Assistant ? { current: services.assistant } : services.assistant;
  if (assistants.refusalCount !== undefined) trackIndexReloads(metrics.registry, assistants);
  if (services.redis !== undefined) trackRedisStatus(metrics.registry, services.redis);
  app.use(
    infoRoutes(assistants, services.embedder, metrics, {
      replica: options.replica,
      redis: services.redis,
    }),
  );
  const routeSettings = {
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
    onAnswer: (answer: AnswerResult) => metrics.observeAnswer(answer),
  };
  app.use(chatRoute(assistants, routeSettings));
  app.use(openAIRoute(assistants, routeSettings));
  if (services.progress !== undefined) app.use(learnerRoute(services.progress));
  app.use(
    studyRoute(
      assistants,
      services.guideWriter === undefined ? {} : { guideWriter: services.guideWriter },
    ),
  );
  app.use(planRoute(assistants));
  if (services.admin !== undefined) app.use(adminRoute(services.admin));
  // no-cache: browsers revalidate (cheap, ETag) so a deploy never leaves an old app.js running.
  app.use(express.static(PUBLIC_DIR, { index: "index.html", cacheControl: true, maxAge: 0 }));
  app.use(notFound);
  app.use(errorHandler(BODY_LIMIT_BYTES));
  return app;
}
