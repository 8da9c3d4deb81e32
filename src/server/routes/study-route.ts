import { Router } from "express";
import { z } from "zod";
import { CardNotFoundError } from "../../errors/progress-errors.ts";
import { RequestValidationError } from "../../errors/request-errors.ts";
import { findCard, stepCards } from "../../study/cards.ts";
import { extractSteps } from "../../study/extract-steps.ts";
import { gradeAnswer, MAX_ANSWER_CHARS } from "../../study/grade-answer.ts";
import { resolveStep } from "../../study/internal/step-number.ts";
import { type GuideWriter, studyGuide } from "../../study/study-guide.ts";
import type { AssistantSource } from "../live-assistant.ts";
import { clientGone } from "./chat-route.ts";

export const cardAnswerSchema = z.strictObject({
  answer: z
    .string()
    .min(1, "answer must not be empty")
    .max(MAX_ANSWER_CHARS, `answer must be at most ${MAX_ANSWER_CHARS} characters`),
});

/** Card ids are 16 hex digits (a content hash); anything else is looked up as given and not found. */
const MAX_CARD_ID_CHARS = 100;

/**
 * The study routes over the current index (taken once per request, so a hot reload swaps the
 * steps, guides and cards it serves):
 * `GET /api/study/steps`, `GET /api/study/steps/:n/guide`, `GET /api/study/steps/:n/cards`,
 * `POST /api/study/cards/:id/answer` `{ answer }`.
 */
export function studyRoute(
  assistants: AssistantSource,
  settings: { guideWriter?: GuideWriter } = {},
): Router {
  const router = Router();
  const chunksNow = () => assistants.current.index.chunks;

  router.get("/api/study/steps", (_request, response) => {
    response.json({ steps: extractSteps(chunksNow()) });
  });

  router.get("/api/study/steps/:n/guide", async (request, response) => {
    const chunks = chunksNow();
    const step = resolveStep(chunks, request.params.n);
    const signal = clientGone(request, response);
    const guide = await studyGuide(chunks, step.n, {
      ...(settings.guideWriter === undefined ? {} : { writer: settings.guideWriter }),
      signal,
    });
    response.json(guide);
  });

  router.get("/api/study/steps/:n/cards", (request, response) => {
    const chunks = chunksNow();
    const step = resolveStep(chunks, request.params.n);
    response.json({ step: step.n, cards: stepCards(chunks, step.n) ?? [] });
  });

  router.post("/api/study/cards/:id/answer", (request, response) => {
    const chunks = chunksNow();
    const id = request.params.id.slice(0, MAX_CARD_ID_CHARS);
    const card = findCard(chunks, id);
    if (card === undefined) throw new CardNotFoundError(id);
    const parsed = cardAnswerSchema.safeParse(request.body);
    if (!parsed.success) throw RequestValidationError.fromZod(parsed.error);
    response.json({ cardId: card.id, ...gradeAnswer(card, parsed.data.answer) });
  });

  return router;
}
