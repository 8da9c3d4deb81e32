import { createHash, timingSafeEqual } from "node:crypto";
import { type RequestHandler, Router } from "express";
import { AppError } from "../../errors/app-error.ts";
import { InvalidCorpusFileError } from "../../errors/corpus-errors.ts";
import { UnauthorizedError } from "../../errors/request-errors.ts";
import type { IngestSummary } from "../../ingest/ingest.ts";
import type { LiveAssistant } from "../live-assistant.ts";

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(given: string, expected: string): boolean {
  const left = createHash("sha256").update(given).digest();
  const right = createHash("sha256").update(expected).digest();
  return timingSafeEqual(left, right);
}

/**
 * A corpus file the build cannot use is the maintainer's to fix, not a server fault: 422 with
 * the message naming the entry. Matched by code too, for an error rebuilt from another thread.
 */
function asRequestError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (!(error instanceof InvalidCorpusFileError) && code !== "invalid_corpus_file") return error;
  return new AppError(`the corpus cannot be indexed: ${(error as Error).message}`, {
    code: "invalid_corpus_file",
    httpStatus: 422,
    cause: error,
  });
}

/**
 * `POST /admin/reindex` (bearer ADMIN_TOKEN): rebuilds the index from the corpus, then serves the
 * new version without dropping in-flight requests. Only mounted when a token is configured.
 */
export function adminRoute(options: {
  token: string;
  live: LiveAssistant;
  reindex: () => Promise<IngestSummary>;
}): Router {
  const router = Router();
  const authorise: RequestHandler = (request, response, next) => {
    const header = request.get("authorization") ?? "";
    const match = /^Bearer (.+)$/.exec(header);
    if (match?.[1] === undefined || !sameSecret(match[1], options.token)) {
      response.setHeader("WWW-Authenticate", 'Bearer realm="admin"');
      next(new UnauthorizedError());
      return;
    }
    next();
  };
  router.post("/admin/reindex", authorise, async (_request, response) => {
    const summary = await options.reindex().catch((error: unknown) => {
      throw asRequestError(error);
    });
    await options.live.reload();
    response.json({ ...summary, serving: options.live.version });
  });
  return router;
}
