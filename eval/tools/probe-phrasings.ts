/**
 * Asks every frame of a phrasing probe around every fill ("can someone explain X" × "dropout")
 * and prints, per frame and per group, how many the assistant refused and how many it answered
 * with a different lead quote than the bare question (the group's `bare` frame, "X" by default).
 * Every fill is answerable, so each refusal is a failure to read how learners ask; a changed
 * lead quote means the wrapping changed what was understood.
 *
 *   INDEX_DIR=indexes node --import tsx eval/tools/probe-phrasings.ts [eval/probes/phrasings.json]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { loadConfig } from "../../src/config.ts";
import { createAssistant } from "../../src/create-services.ts";

const probeSchema = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      bare: z.string().includes("X").default("X"),
      frames: z.array(z.string().includes("X")),
      fills: z.array(z.string().min(1)),
    }),
  ),
});

/** The answer's first quoted unit, up to its first citation marker. */
const leadQuote = (result: AnswerResult): string =>
  (result.answer.split(/\[\d+\]/)[0] ?? "").trim();

const file = process.argv[2] ?? "eval/probes/phrasings.json";
const probe = probeSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const { assistant } = await createAssistant(loadConfig());
for (const group of probe.groups) {
  const bareLeads = new Map<string, string>();
  for (const fill of group.fills) {
    const bare = await assistant.ask(group.bare.replace("X", fill));
    if (bare.refused)
      console.log(`  bare question refused, not compared: ${group.bare.replace("X", fill)}`);
    else bareLeads.set(fill, leadQuote(bare));
  }
  let refused = 0;
  let changed = 0;
  for (const frame of group.frames) {
    const failures: string[] = [];
    let frameChanged = 0;
    for (const fill of group.fills) {
      const question = frame.replace("X", fill);
      const result = await assistant.ask(question);
      if (result.refused) failures.push(`${question} [${result.refusalReason ?? ""}]`);
      else if (bareLeads.has(fill) && leadQuote(result) !== bareLeads.get(fill)) {
        frameChanged += 1;
        failures.push(`${question} [other lead: ${leadQuote(result).slice(0, 90)}]`);
      }
    }
    const frameRefused = failures.length - frameChanged;
    refused += frameRefused;
    changed += frameChanged;
    console.log(
      `  ${frameRefused}/${group.fills.length} refused, ${frameChanged} other lead  ${frame}`,
    );
    for (const failure of failures) console.log(`        ${failure}`);
  }
  const asked = group.frames.length * group.fills.length;
  console.log(
    `${group.name}: ${refused} of ${asked} refused, ${changed} answered with another lead quote\n`,
  );
}
