import { Assistant } from "./src/answer/assistant.ts";
import { UseEmbedder } from "./src/embedders/use-embedder.ts";
import { readDataset } from "./src/eval/dataset.ts";
import { loadIndex } from "./src/index/index-store.ts";
const embedder = new UseEmbedder();
const assistant = new Assistant({ index: await loadIndex("/tmp/idx1", embedder), embedder });
const items = (await readDataset("eval/datasets/learner-voice.jsonl")).filter((i) => i.split === (process.argv[2] ?? "train"));
for (const item of items) {
  const { understood } = await assistant.understandInContext(assistant.normalise(item.question), [], undefined);
  const { decision } = await assistant.prepare(understood);
  const f = decision.features;
  console.log([item.answerable ? "A" : "U", item.id, decision.probability.toFixed(2), `cov=${f.coverage.toFixed(2)} dense=${f.topDense.toFixed(2)} head=${f.headingCoverage.toFixed(2)} unk=${understood.unknownTopics.join("|")} unf=${understood.unfamiliarWords.join("|")} ud=${f.topUnitDense.toFixed(2)} uc=${f.unitCoverage.toFixed(2)} abs=${f.absentSpecificShare.toFixed(2)} fig=${f.figureMissing} miss=${f.missingRareTerm.toFixed(2)}`, item.question.slice(0, 90), JSON.stringify(understood.changes.map((c) => `${c.from}>${c.to}`))].join("\t"));
}
