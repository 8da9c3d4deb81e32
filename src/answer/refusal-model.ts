import { readFileSync } from "node:fs";
import { z } from "zod";
import { GATE_FEATURE_NAMES, type GateFeatures } from "./gate-features.ts";

const refusalModelSchema = z.object({
  $comment: z.string().optional(),
  features: z.array(z.string()),
  /** Feature means and standard deviations of the training set, for standardising. */
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Probability of "answerable" below which the gate refuses; chosen on the dev split. */
  threshold: z.number().min(0).max(1),
  fittedOn: z.object({ train: z.array(z.string()), dev: z.array(z.string()), date: z.string() }),
});

/** A logistic regression over the gate's signals, fitted by eval/tools/fit-refusal-model.ts. */
export type RefusalModel = z.infer<typeof refusalModelSchema>;

export const REFUSAL_MODEL_FILE = new URL("./refusal-model.json", import.meta.url);

let shipped: RefusalModel | undefined;

/** The fitted model shipped with the project; its feature names must match GATE_FEATURE_NAMES. */
export function shippedRefusalModel(): RefusalModel {
  if (shipped !== undefined) return shipped;
  const model = refusalModelSchema.parse(JSON.parse(readFileSync(REFUSAL_MODEL_FILE, "utf8")));
  const expected = GATE_FEATURE_NAMES.join(",");
  if (model.features.join(",") !== expected) {
    throw new Error(
      `refusal-model.json was fitted on features ${model.features.join(",")}, the gate measures ${expected}: refit it with eval/tools/fit-refusal-model.ts`,
    );
  }
  shipped = model;
  return model;
}

/** Probability that the material answers the question, per the model. */
export function answerableProbability(model: RefusalModel, features: GateFeatures): number {
  let logit = model.bias;
  model.features.forEach((name, index) => {
    const value = features[name as keyof GateFeatures];
    const standardised = (value - (model.mean[index] ?? 0)) / (model.scale[index] || 1);
    logit += (model.weights[index] ?? 0) * standardised;
  });
  return 1 / (1 + Math.exp(-logit));
}
