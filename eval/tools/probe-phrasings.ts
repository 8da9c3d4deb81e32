/**
 * Asks every frame of a phrasing probe around every fill ("can someone explain X" × "dropout")
 * and prints how many the assistant refused, per frame and per group, with the refusal reasons.
 * Every fill is answerable, so each refusal is a failure to read how learners ask.
 *
 *   INDEX_DIR=indexes node --import tsx eval/tools/probe-phrasings.ts [eval/probes/phrasings.json]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { loadConfig } from "../../src/config.ts";
import { createAssistant } from "../../src/create-services.ts";

const probeSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      frames: z.array(z.string().includes("X")),
      fills: z.array(z.string().min(1)),
    }),
  ),
});

const file = process.argv[2] ?? "eval/probes/phrasings.json";
const probe = probeSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const { assistant } = await createAssistant(loadConfig());
for (const group of probe.groups) {
  let refused = 0;
  for (const frame of group.frames) {
    const failures: string[] = [];
    for (const fill of group.fills) {
      const question = frame.replace("X", fill);
      const result = await assistant.ask(question);
      if (result.refused) failures.push(`${question} [${result.refusalReason ?? ""}]`);
    }
    refused += failures.length;
    console.log(`  ${failures.length}/${group.fills.length}  ${frame}`);
    for (const failure of failures) console.log(`        ${failure}`);
  }
  const asked = group.frames.length * group.fills.length;
  console.log(`${group.name}: ${refused} of ${asked} refused\n`);
}
