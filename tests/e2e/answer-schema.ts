import { z } from "zod";

/** The answer JSON of DESIGN.md, as other parts and checks rely on it. */
export const answerSchema = z.object({
  id: z.string().optional(),
  question: z.string().min(1),
  answer: z.string().min(1),
  refused: z.boolean(),
  citations: z.array(
    z.object({
      n: z.number().int().positive(),
      chunkId: z.string().min(1),
      source: z.string().min(1),
      title: z.string(),
      section: z.string().min(1),
      text: z.string().min(1),
    }),
  ),
  retrieved: z
    .array(z.object({ chunkId: z.string().min(1), score: z.number(), text: z.string().min(1) }))
    .max(10),
  timings: z.object({ retrieveMs: z.number().nonnegative(), generateMs: z.number().nonnegative() }),
  /** The normalised question that was searched. */
  understoodAs: z.string().min(1),
});
