/**
 * Recall@1/@5 of retrieval for a few settings on the train and dev splits of the learner sets
 * and the older tidy sets (which are tuning sets too). Answerable questions only.
 *
 *   INDEX_DIR=indexes node --import tsx eval/tools/tune-retrieval.ts '{"unitWeight":0.3}' …
 */
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { matchesEvidence } from "../../src/eval/evidence-match.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import type { HybridSettings } from "../../src/retrieval/hybrid-retriever.ts";
import { LEARNER_SETS, prepareItem, readSets, TIDY_TUNING_SETS } from "./internal/learner-sets.ts";

const embedder = new UseEmbedder();
const index = await loadIndex(process.env.INDEX_DIR ?? "indexes", embedder);
const learner = await readSets(LEARNER_SETS);
const tidy = await readSets(TIDY_TUNING_SETS);
const sets = {
  train: learner.filter((item) => item.split === "train" && item.answerable),
  dev: learner.filter((item) => item.split === "dev" && item.answerable),
  tidy: tidy.filter((item) => item.answerable),
};
for (const argument of ["{}", ...process.argv.slice(2)]) {
  const retrieval = JSON.parse(argument) as Partial<HybridSettings>;
  const assistant = new Assistant({ index, embedder, retrieval });
  const line: string[] = [argument];
  for (const [name, items] of Object.entries(sets)) {
    let at1 = 0;
    let at5 = 0;
    for (const item of items) {
      const { retrieval: found } = await prepareItem(assistant, item);
      const rank = (evidence: string) =>
        found.results.findIndex((result) => matchesEvidence(result.chunk.text, evidence));
      const ranks = item.evidence.map(rank);
      at1 += ranks.filter((r) => r === 0).length / ranks.length;
      at5 += ranks.filter((r) => r >= 0 && r < 5).length / ranks.length;
    }
    line.push(
      `${name} R@1 ${((100 * at1) / items.length).toFixed(1)} R@5 ${((100 * at5) / items.length).toFixed(1)}`,
    );
  }
  console.log(line.join(" | "));
}
