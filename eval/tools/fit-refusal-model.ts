/**
 * Fits the evidence gate's refusal model: a logistic regression (ml-logistic-regression) over the
 * gate's signals, trained on the train split. Its threshold is chosen on the dev split: the one
 * that refuses the most unanswerable questions while refusing at most 8 % of answerable ones.
 * The threshold that refuses 95 % of dev's unanswerable questions with the fewest false refusals
 * is printed too; on this data it refuses about a third of answerable questions (see
 * eval/README.md). Prints the curves on the tidy sets, dev, test and the held-out set and writes
 * src/answer/refusal-model.json.
 *
 *   INDEX_DIR=indexes node --import tsx eval/tools/fit-refusal-model.ts [--dry-run]
 *
 * Train: learner-voice and learner-conversations lines of split "train", plus the older tidy
 * sets (roadmap-dev, tutorials-dev), which were used for tuning before. Dev: the "dev" split of
 * the learner sets. Test: their "test" split and roadmap-heldout, reported only.
 */
import { writeFileSync } from "node:fs";
import LogisticRegression from "ml-logistic-regression";
import { Matrix } from "ml-matrix";
import { Assistant } from "../../src/answer/assistant.ts";
import { GATE_FEATURE_NAMES, type GateFeatures } from "../../src/answer/gate-features.ts";
import {
  answerableProbability,
  REFUSAL_MODEL_FILE,
  type RefusalModel,
} from "../../src/answer/refusal-model.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import type { EvalItem } from "../../src/eval/dataset.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { LEARNER_SETS, prepareItem, readSets, TIDY_TUNING_SETS } from "./internal/learner-sets.ts";

/** Refusal of unanswerable questions the issue asked of the threshold on dev (reported). */
const TARGET_REFUSAL = 0.95;
/**
 * Most answerable questions the chosen threshold may refuse on dev: the issue's own bound for
 * casually typed questions. Within it, the threshold that refuses the most unanswerable ones.
 */
const MAX_FALSE_REFUSAL = 0.08;
/**
 * Most answerable questions of each tidy tuning set (in train) the chosen threshold may refuse:
 * the bound for questions written like the DESIGN.md examples.
 */
const MAX_TIDY_FALSE_REFUSAL = 0.06;
const TIDY_TEST_SETS = ["eval/datasets/roadmap-heldout.jsonl"];

type Row = { id: string; answerable: boolean; features: GateFeatures };

async function measure(assistant: Assistant, items: EvalItem[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const item of items) {
    const { decision } = await prepareItem(assistant, item);
    rows.push({ id: item.id, answerable: item.answerable, features: decision.features });
  }
  return rows;
}

function standardise(rows: Row[]): { mean: number[]; scale: number[] } {
  const mean = GATE_FEATURE_NAMES.map(
    (name) => rows.reduce((sum, row) => sum + row.features[name], 0) / rows.length,
  );
  const scale = GATE_FEATURE_NAMES.map((name, index) => {
    const variance =
      rows.reduce((sum, row) => sum + (row.features[name] - (mean[index] ?? 0)) ** 2, 0) /
      rows.length;
    return Math.sqrt(variance) || 1;
  });
  return { mean, scale };
}

function fitModel(rows: Row[]): Omit<RefusalModel, "threshold" | "fittedOn"> {
  const { mean, scale } = standardise(rows);
  // A constant column gives the regression its bias.
  const x = rows.map((row) => [
    1,
    ...GATE_FEATURE_NAMES.map(
      (name, index) => (row.features[name] - (mean[index] ?? 0)) / (scale[index] ?? 1),
    ),
  ]);
  const y = rows.map((row) => (row.answerable ? 1 : 0));
  // The library steps along the gradient summed over the rows, so the rate is divided by their
  // count: a fixed 5e-3 overshot on 3,302 train rows (weights several times too large, a fifth of
  // dev's answerable questions refused at any threshold). 4,000 steps converge: 16,000 give the
  // same weights to the third decimal.
  const regression = new LogisticRegression({ numSteps: 4000, learningRate: 1 / rows.length });
  regression.train(new Matrix(x), Matrix.columnVector(y));
  // Class 0's one-vs-all classifier scores "not 0", i.e. answerable.
  const weights = (regression.classifiers[0]?.weights.to1DArray() ?? []) as number[];
  return {
    features: [...GATE_FEATURE_NAMES],
    mean,
    scale,
    weights: weights.slice(1),
    bias: weights[0] ?? 0,
  };
}

type Point = { threshold: number; refusal: number; falseRefusal: number };

function curve(model: Omit<RefusalModel, "threshold" | "fittedOn">, rows: Row[]): Point[] {
  const scored = rows.map((row) => ({
    answerable: row.answerable,
    probability: answerableProbability(
      { ...model, threshold: 0, fittedOn: { train: [], dev: [], date: "" } },
      row.features,
    ),
  }));
  const unanswerable = scored.filter((row) => !row.answerable);
  const answerable = scored.filter((row) => row.answerable);
  const points: Point[] = [];
  for (let step = 5; step <= 95; step++) {
    const threshold = step / 100;
    points.push({
      threshold,
      refusal:
        unanswerable.filter((row) => row.probability < threshold).length / unanswerable.length,
      falseRefusal:
        answerable.filter((row) => row.probability < threshold).length / answerable.length,
    });
  }
  return points;
}

const format = (point: Point) =>
  `t=${point.threshold.toFixed(2)} refused ${(100 * point.refusal).toFixed(1)}% of unanswerable, ${(100 * point.falseRefusal).toFixed(1)}% of answerable`;

const embedder = new UseEmbedder();
const assistant = new Assistant({
  index: await loadIndex(process.env.INDEX_DIR ?? "indexes", embedder),
  embedder,
});
const learner = await readSets(LEARNER_SETS);
const tidyTrain = await readSets(TIDY_TUNING_SETS);
const tidyTest = await readSets(TIDY_TEST_SETS);
const split = (name: string) => learner.filter((item) => item.split === name);

const train = await measure(assistant, [...split("train"), ...tidyTrain]);
const dev = await measure(assistant, split("dev"));
const test = await measure(assistant, split("test"));
const heldout = await measure(assistant, tidyTest);
const model = fitModel(train);

const devCurve = curve(model, dev);
const meeting = devCurve.filter((point) => point.refusal >= TARGET_REFUSAL);
const strict =
  [...meeting].sort(
    (left, right) => left.falseRefusal - right.falseRefusal || left.threshold - right.threshold,
  )[0] ?? (devCurve.at(-1) as Point);
const tidyDev = await measure(assistant, tidyTrain);
// Each tidy set on its own: the floor holds per set, and CI gates roadmap-dev alone.
const tidyCurves = await Promise.all(
  TIDY_TUNING_SETS.map(async (file) =>
    curve(model, await measure(assistant, await readSets([file]))),
  ),
);
const tidyAffords = (threshold: number) =>
  tidyCurves.every((points) =>
    points.some(
      (point) =>
        Math.abs(point.threshold - threshold) < 0.001 &&
        point.falseRefusal <= MAX_TIDY_FALSE_REFUSAL,
    ),
  );
const affordable = devCurve.filter(
  (point) => point.falseRefusal <= MAX_FALSE_REFUSAL && tidyAffords(point.threshold),
);
const chosen = (
  affordable.length > 0
    ? [...affordable].sort(
        (left, right) =>
          right.refusal - left.refusal ||
          left.falseRefusal - right.falseRefusal ||
          left.threshold - right.threshold,
      )
    : devCurve
)[0] as Point;
console.log(
  `train ${train.length}, dev ${dev.length}, test ${test.length}, heldout ${heldout.length}`,
);
console.log(
  "weights:",
  Object.fromEntries(
    GATE_FEATURE_NAMES.map((name, index) => [name, Number((model.weights[index] ?? 0).toFixed(3))]),
  ),
  "bias",
  model.bias.toFixed(3),
);
console.log(`dev, refusal >= ${TARGET_REFUSAL} with fewest false refusals: ${format(strict)}`);
console.log(
  `dev, chosen (most refusals with at most ${MAX_FALSE_REFUSAL} false refusals, and at most ${MAX_TIDY_FALSE_REFUSAL} on each tidy set): ${format(chosen)}`,
);
for (const [name, rows] of [
  ["tidy-dev (in train)", tidyDev],
  ["dev", dev],
  ["test", test],
  ["heldout", heldout],
  ["train", train],
] as const) {
  const points = curve(model, rows);
  const at = (threshold: number) =>
    points.find((point) => Math.abs(point.threshold - threshold) < 0.001) as Point;
  console.log(`${name}:`);
  const shown = [...new Set([0.5, 0.6, chosen.threshold, 0.7, 0.8, 0.85, strict.threshold, 0.95])];
  for (const threshold of shown.sort()) {
    const point = at(Number(threshold.toFixed(2)));
    if (point !== undefined) console.log(`  ${format(point)}`);
  }
}
if (!process.argv.includes("--dry-run")) {
  const fitted: RefusalModel = {
    $comment:
      "Written by eval/tools/fit-refusal-model.ts: logistic regression over the gate's signals, fitted on the train split, threshold chosen on the dev split. Do not edit by hand.",
    ...model,
    threshold: chosen.threshold,
    fittedOn: {
      train: [
        "learner-voice:train",
        "learner-conversations:train",
        ...TIDY_TUNING_SETS.map((file) => file.split("/").at(-1) ?? file),
      ],
      dev: ["learner-voice:dev", "learner-conversations:dev"],
      date: new Date().toISOString().slice(0, 10),
    },
  };
  writeFileSync(REFUSAL_MODEL_FILE, `${JSON.stringify(fitted, null, 2)}\n`);
  console.log(`wrote ${REFUSAL_MODEL_FILE.pathname}`);
}
