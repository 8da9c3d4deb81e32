import { Assistant } from "./src/answer/assistant.ts";
import { ExtractiveGenerator } from "./src/answer/extractive-generator.ts";
import { UseEmbedder } from "./src/embedders/use-embedder.ts";
import { readDataset } from "./src/eval/dataset.ts";
import { answerSentences, unitOnEvidence } from "./src/eval/metrics.ts";
import { matchesEvidence } from "./src/eval/evidence-match.ts";
import { loadIndex } from "./src/index/index-store.ts";
const embedder = new UseEmbedder();
const index = await loadIndex("/tmp/idx1", embedder);
const assistant = new Assistant({ index, embedder });
const items = (await readDataset("eval/datasets/learner-voice.jsonl")).filter((i) => i.split === "train" && i.answerable).slice(0, 80);
const w = new ExtractiveGenerator(assistant.statistics, index.units, { maxUnits: 1, relativeCutoff: 0.95, lexicalWeight: 1, semanticWeight: 1, passageWeight: 0.3 });
for (const item of items) {
  const { understood } = await assistant.understandInContext(assistant.normalise(item.question), [], undefined);
  const { passages, retrieval } = await assistant.prepare(understood);
  const text = w.compose({ question: understood.understoodAs, passages, queryVector: retrieval.queryVector });
  const ok = answerSentences(text).some((p) => unitOnEvidence(p.text, item.evidence));
  if (ok) continue;
  const rank = passages.findIndex((p) => item.evidence.some((e) => matchesEvidence(p.chunk.text, e)));
  console.log(`\n${item.id} [evidence in passage ${rank + 1}] Q: ${item.question}\n  E: ${item.evidence[0]?.slice(0, 150)}\n  A: ${text.slice(0, 250)}`);
}
