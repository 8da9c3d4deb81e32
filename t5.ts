import { readFileSync } from "node:fs";
import { FollowUpDetector } from "./src/answer/follow-up-detector.ts";
import { CorpusStatistics } from "./src/answer/corpus-statistics.ts";
import { EntityLexicon } from "./src/retrieval/entity-lexicon.ts";
import { QuestionUnderstanding } from "./src/understanding/question-understanding.ts";
import { readDataset } from "./src/eval/dataset.ts";
const chunks = JSON.parse(readFileSync(`/tmp/idx1/${readFileSync("/tmp/idx1/CURRENT","utf8").trim()}/chunks.json`, "utf8"));
const d = new FollowUpDetector(new EntityLexicon(chunks), new CorpusStatistics(chunks));
const u = new QuestionUnderstanding(chunks);
const items = (await readDataset("eval/datasets/learner-conversations.jsonl")).filter((i) => process.argv[2] === "all" || i.split !== "test");
let tp = 0, fp = 0, fn = 0, tn = 0;
for (const i of items) {
  const p = d.dependsOnHistory(u.understand(i.question).understoodAs);
  if (p && i.followUp) tp++; else if (p) fp++; else if (i.followUp) fn++; else tn++;
  if (p !== i.followUp) console.log(i.followUp ? "MISSED" : "FALSE ", i.id, i.question);
}
console.log({ tp, fp, fn, tn, precision: tp / (tp + fp), recall: tp / (tp + fn) });
