import { type RequestHandler, Router } from "express";
import { z } from "zod";
import { RequestValidationError } from "../../errors/request-errors.ts";
import { MAX_ANSWER_CHARS } from "../../study/grade-answer.ts";
import type { LearnerProgress, ReviewInput } from "../../study/progress/learner-progress.ts";
import { REVIEW_RATINGS } from "../../study/progress/progress-store.ts";

/** Card ids are short content hashes; a longer one cannot exist. */
const MAX_CARD_ID_CHARS = 100;

/** `POST /api/learners`: no body, or an empty object (nothing about the person is asked). */
const createSchema = z.strictObject({}).optional();

const stepSchema = z.strictObject({ done: z.boolean() });

const reviewSchema = z
  .strictObject({
    cardId: z.string().min(1).max(MAX_CARD_ID_CHARS),
    rating: z.enum(REVIEW_RATINGS).optional(),
    answer: z
      .string()
      .min(1, "answer must not be empty")
      .max(MAX_ANSWER_CHARS, `answer must be at most ${MAX_ANSWER_CHARS} characters`)
      .optional(),
  })
  .refine((body) => (body.rating === undefined) !== (body.answer === undefined), {
    message: 'give either "rating" (again, hard, good or easy) or "answer" (the typed answer)',
  });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw RequestValidationError.fromZod(parsed.error);
  return parsed.data;
}

/** A learner's data is for that learner only: never stored by a browser cache or a proxy. */
const noStore: RequestHandler = (_request, response, next) => {
  response.setHeader("Cache-Control", "no-store");
  next();
};

/**
 * Learners' progress and reviews. The id in the path is the only credential: each route reads or
 * writes that learner's data only (malformed id: 400, unknown: 404). While the progress database
 * cannot be used the routes answer 503 `progress_unavailable`; the other routes do not need it.
 * - `POST /api/learners` → 201 `{ id }`
 * - `GET /api/learners/:id` → everything stored (the export)
 * - `PUT /api/learners/:id/steps/:n` `{ done }` → `{ step, done }`
 * - `POST /api/learners/:id/reviews` `{ cardId, rating }` or `{ cardId, answer }` → the new schedule
 * - `GET /api/learners/:id/due` → `{ now, cardIds, cards }`
 * - `DELETE /api/learners/:id` → 204
 */
export function learnerRoute(progress: LearnerProgress): Router {
  const router = Router();
  router.use("/api/learners", noStore);

  router.post("/api/learners", async (request, response) => {
    parse(createSchema, request.body);
    const created = await progress.create();
    response.status(201).location(`/api/learners/${created.id}`).json(created);
  });

  router.get("/api/learners/:id", async (request, response) => {
    response.json(await progress.export(request.params.id));
  });

  router.put("/api/learners/:id/steps/:n", async (request, response) => {
    const { id, n } = request.params;
    const body = parse(stepSchema, request.body);
    response.json(await progress.setStep(id, n, body.done));
  });

  router.post("/api/learners/:id/reviews", async (request, response) => {
    const body = parse(reviewSchema, request.body);
    // The schema lets through exactly one of the two.
    const input: ReviewInput =
      body.answer !== undefined
        ? { cardId: body.cardId, answer: body.answer }
        : { cardId: body.cardId, rating: body.rating ?? "again" };
    response.json(await progress.review(request.params.id, input));
  });

  router.get("/api/learners/:id/due", async (request, response) => {
    response.json(await progress.due(request.params.id));
  });

  router.delete("/api/learners/:id", async (request, response) => {
    await progress.delete(request.params.id);
    response.status(204).end();
  });

  return router;
}
