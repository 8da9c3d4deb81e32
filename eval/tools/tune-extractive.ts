/**
 * Grid search of the extractive writer's settings on the train and dev splits: retrieval runs
 * once per question, then each setting composes answers from the same passages. Prints answer
 * precision (sentences on the evidence), token F1, citations holding the evidence and sentences
 * per answer, best first by precision + F1. Answerable questions only; the gate is not consulted.
 *
 *   INDEX_DIR=indexes node --import tsx eval/tools/tune-extractive.ts [train|dev] [--defaults-only]
 *     [--settings '{"passageWeight":0.9}']
 */
import { Assistant, roadmapTitles } from "../../src/answer/assistant.ts";
import {
  DEFAULT_EXTRACTIVE_SETTINGS,
  ExtractiveGenerator,
  type ExtractiveSettings,
} from "../../src/answer/extractive-generator.ts";
import type { GenerationInput } from "../../src/answer/generator.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { tokenF1 } from "../../src/eval/answer-overlap.ts";
import { withoutMarkers } from "../../src/eval/claims.ts";
import type { EvalItem } from "../../src/eval/dataset.ts";
import { matchesEvidence } from "../../src/eval/evidence-match.ts";
import { answerSentences, unitOnEvidence } from "../../src/eval/metrics.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { LEARNER_SETS, prepareItem, readSets } from "./internal/learner-sets.ts";

const split = process.argv[2] ?? "train";
const embedder = new UseEmbedder();
const index = await loadIndex(process.env.INDEX_DIR ?? "indexes", embedder);
const assistant = new Assistant({ index, embedder });
const items = (await readSets(LEARNER_SETS)).filter(
  (item) => item.split === split && item.answerable,
);

type Prepared = { item: EvalItem; input: GenerationInput };
const prepared: Prepared[] = [];
for (const item of items) {
  const { writerInput } = await prepareItem(assistant, item);
  prepared.push({ item, input: writerInput });
}

function measure(settings: ExtractiveSettings) {
  const writer = new ExtractiveGenerator(
    assistant.statistics,
    index.units,
    settings,
    roadmapTitles(index),
    new EntityLexicon(index.chunks),
  );
  let sentences = 0;
  let onEvidence = 0;
  let f1 = 0;
  let cited = 0;
  for (const { item, input } of prepared) {
    const text = writer.compose(input);
    const parts = answerSentences(text);
    sentences += parts.length;
    onEvidence += parts.filter((part) => unitOnEvidence(part.text, item.evidence)).length;
    f1 += tokenF1(withoutMarkers(text), item.answer);
    const used = new Set(parts.flatMap((part) => part.markers));
    const citedTexts = input.passages
      .filter((passage) => used.has(passage.n))
      .map((passage) => passage.chunk.text);
    if (item.evidence.every((evidence) => citedTexts.some((t) => matchesEvidence(t, evidence)))) {
      cited++;
    }
  }
  return {
    precision: onEvidence / Math.max(1, sentences),
    f1: f1 / prepared.length,
    citedEvidence: cited / prepared.length,
    length: sentences / prepared.length,
  };
}

console.log(`${split}: ${prepared.length} answerable questions`);
console.log("defaults:", JSON.stringify(measure(DEFAULT_EXTRACTIVE_SETTINGS)));
// --settings '{"passageWeight":0.9}': the defaults with these changed, measured alone.
const given = process.argv[process.argv.indexOf("--settings") + 1];
if (process.argv.includes("--settings") && given !== undefined) {
  const settings = { ...DEFAULT_EXTRACTIVE_SETTINGS, ...JSON.parse(given) };
  console.log("given:", JSON.stringify(measure(settings)));
  process.exit(0);
}
if (process.argv.includes("--defaults-only")) process.exit(0);

const results: Array<{ settings: Partial<ExtractiveSettings>; score: ReturnType<typeof measure> }> =
  [];
for (const semanticWeight of [0.5, 1, 2])
  for (const lexicalWeight of [0.25, 0.5, 1])
    for (const passageWeight of [0, 0.3, 0.6])
      for (const relativeCutoff of [0.85, 0.9, 0.95, 1.01])
        for (const maxUnits of [1, 2, 3]) {
          const settings = {
            ...DEFAULT_EXTRACTIVE_SETTINGS,
            semanticWeight,
            lexicalWeight,
            passageWeight,
            relativeCutoff,
            maxUnits,
          };
          results.push({
            settings: { semanticWeight, lexicalWeight, passageWeight, relativeCutoff, maxUnits },
            score: measure(settings),
          });
        }
results.sort(
  (left, right) => right.score.precision + right.score.f1 - (left.score.precision + left.score.f1),
);
for (const result of results.slice(0, 12)) {
  console.log(JSON.stringify(result.settings), JSON.stringify(result.score));
}
