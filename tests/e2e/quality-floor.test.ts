import { beforeAll, describe, expect, it } from "vitest";
import type { Assistant } from "../../src/answer/assistant.ts";
import { readDataset } from "../../src/eval/dataset.ts";
import { type Summary, scoreQuestion, summarise } from "../../src/eval/metrics.ts";
import { corpusAssistant } from "../support/corpus-assistant.ts";
import { answerSchema } from "./answer-schema.ts";

/** `count` items taken at even steps through `items` (all of them when there are fewer). */
function evenlySpread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, k) => items[Math.floor((k * items.length) / count)] as T,
  );
}

/**
 * Floors a broken pipeline would miss, on the dev split of the learner-voice sets (an even sample of
 * its questions; every conversation turn for the follow-up decision): questions typed casually, with abbreviations, typos and stories, and
 * conversations whose next message may or may not be a follow-up. Measured values are in eval/README.md; the tidy roadmap-dev set is held to
 * the release thresholds by tests/eval/release-gate.test.ts.
 */
describe("offline pipeline on learner-voice questions (dev split)", () => {
  let summary: Summary;
  const followUps = { truePositive: 0, predicted: 0, expected: 0 };
  let understood = 0;
  let changed = 0;
  let dangling = 0;
  let assistant: Assistant;

  beforeAll(async () => {
    assistant = await corpusAssistant();
    // The follow-up decision is cheap: it is measured on every conversation turn of the split.
    // Answers are not: a fixed number of questions, evenly spread over the split's single
    // questions and conversation turns, keeps the suite's time flat as the sets grow; `npm run
    // eval` measures all of them.
    const singles = (await readDataset("eval/datasets/learner-voice.jsonl")).filter(
      (item) => item.split === "dev",
    );
    const turns = (await readDataset("eval/datasets/learner-conversations.jsonl")).filter(
      (item) => item.split === "dev",
    );
    for (const item of turns) {
      const predicted = assistant.isFollowUp(item.question, item.history ?? []);
      if (predicted) followUps.predicted++;
      if (item.followUp) followUps.expected++;
      if (predicted && item.followUp) followUps.truePositive++;
    }
    const items = [...evenlySpread(singles, 80), ...evenlySpread(turns, 40)];
    const scores = [];
    for (const item of items) {
      const result = await assistant.ask(item.question, {
        id: item.id,
        ...(item.history === undefined ? {} : { history: item.history }),
      });
      answerSchema.parse(result);
      dangling += result.droppedCitations;
      understood++;
      if (result.understoodAs !== result.question) changed++;
      scores.push(scoreQuestion(item, result, 0));
    }
    summary = summarise(scores);
  }, 120_000);

  it("finds the evidence and answers without refusing ordinary questions", () => {
    expect(summary.recallAt5).toBeGreaterThanOrEqual(0.85);
    expect(summary.falseRefusalRate).toBeLessThanOrEqual(0.1);
    expect(summary.refusalRecall).toBeGreaterThanOrEqual(0.6);
  });

  it("shows what it searched for, normalising many casually typed questions", () => {
    expect(understood).toBe(120);
    expect(changed / understood).toBeGreaterThanOrEqual(0.3);
  });

  it("rewrites only the messages that depend on the conversation", () => {
    expect(followUps.truePositive / followUps.predicted).toBeGreaterThanOrEqual(0.9);
    expect(followUps.truePositive / followUps.expected).toBeGreaterThanOrEqual(0.9);
  });

  it("handles the issue's examples: casual wording answered, unknown topics refused", async () => {
    const cert = await assistant.ask("which cert shud i get tbh");
    expect(cert.understoodAs).toBe("which certification should i get");
    expect(cert.refused).toBe(false);
    const roles = await assistant.ask("diff between DS and MLE?");
    expect(roles.refused).toBe(false);
    expect(roles.citations[0]?.section).toMatch(/data scientist and an ML engineer/);
    for (const question of ["how does q-learning work", "is polars better than pandas"]) {
      const answer = await assistant.ask(question);
      expect(answer.refused, question).toBe(true);
      expect(answer.suggestions?.length, question).toBeGreaterThan(0);
    }
  }, 60_000);

  it("answers each part of a message that asks two things, searching each part too", async () => {
    // The 10+ years row ranks below the top passages for the whole message.
    const salaries = await assistant.ask(
      "salary for 3-5 yrs exp in india? and whats the global range once ur 10+ yrs",
    );
    expect(salaries.answer).toContain("₹9L–20L PA");
    expect(salaries.answer).toContain("$220K–$300K+");
    const weeks = await assistant.ask(
      "in the 8 week mlops plan what do i do in wk 3, and whats the deliverable for wks 7-8",
    );
    // Answered in the question's order, though the row of weeks 7–8 ranks first.
    expect(weeks.answer.indexOf("Week 3 —")).toBeGreaterThan(-1);
    expect(weeks.answer.indexOf("Week 3 —")).toBeLessThan(weeks.answer.indexOf("Weeks 7–8 —"));
    // The heatmap row ranks first and shares its columns with the row the first part asks for.
    const plots = await assistant.ask(
      "which seaborn function do i use to see how often each category shows up, and which one for checking which numeric cols move together?",
    );
    expect(plots.answer).toContain("sns.countplot");
    expect(plots.answer).toContain("sns.heatmap");
    // The Hugging Face row leads; the AWS row is the first part's best, a row of the same table.
    const certs = await assistant.ask(
      "yo which cert is good for aws heavy roles n how much it cost, also hugging face course free or paid??",
    );
    expect(certs.answer).toContain("~$300");
    expect(certs.answer).toMatch(/Hugging Face Course — .*Free/);
  }, 60_000);

  it("refuses a table column asked of a thing the tables only name, and answers it of a row", async () => {
    const catboost = await assistant.ask("catboost key hyperparams?");
    expect(catboost.refused).toBe(true);
    expect(catboost.refusalReason).toBe("the material gives no key hyperparameters for catboost");
    const c = await assistant.ask("What does the C hyperparameter in an SVM actually control?");
    expect(c.refused).toBe(true);
    expect(c.refusalReason).toBe(
      'the material only lists "C" among other things, without explaining it',
    );
    const lightgbm = await assistant.ask("lightgbm key hyperparams?");
    expect(lightgbm.refused).toBe(false);
    expect(lightgbm.answer).toMatch(/num_leaves/);
  }, 60_000);

  it("refuses a comparison on a quality the material never states, answers one it states", async () => {
    const gru = await assistant.ask("GRU vs LSTM diff? which one trains faster");
    expect(gru.refused).toBe(true);
    expect(gru.refusalReason).toBe("the material does not say which is faster");
    const batch = await assistant.ask("batch vs online prediction, which one is cheaper to run");
    expect(batch.refused).toBe(false);
    expect(batch.answer).toMatch(/cheaper/);
  }, 60_000);

  it("refuses a question about the learner's age or a later year, which the material never speaks of", async () => {
    const age = await assistant.ask(
      "im 38 and in SAP consulting, is there any age limit for getting into ML jobs",
    );
    expect(age.refused).toBe(true);
    expect(age.refusalReason).toBe("the material says nothing about age");
    // The field being late is answered.
    const late = await assistant.ask("is ML still worth learning in 2026 or is it too late");
    expect(late.refused).toBe(false);
    // A year later than the material's own is one it says nothing about.
    const later = await assistant.ask("is ML still worth learning in 2030?");
    expect(later.refused).toBe(true);
    expect(later.refusalReason).toBe("the material says nothing about 2030");
  }, 60_000);

  it("declines to write a document for the learner, saying what it does instead", async () => {
    const letter = await assistant.ask("can you write me a cover letter for a data analyst job");
    expect(letter.refused).toBe(true);
    expect(letter.refusalReason).toMatch(/^it asks me to write a cover letter,/);
    expect(letter.answer).toMatch(/^I can't help with that: it asks me to write a cover letter/);
    expect(letter.answer).not.toMatch(/don't cover/);
    // A question about writing one is looked up as usual.
    const readme = await assistant.ask("what should my github project readme have");
    expect(readme.refusalReason ?? "").not.toMatch(/asks me to write/);
  }, 60_000);

  it("replies to a thank-you instead of refusing it as a topic, and never repeats the last question", async () => {
    const history = [
      { role: "user" as const, content: "what is dropout" },
      { role: "assistant" as const, content: "Dropout randomly switches off activations. [1]" },
    ];
    const thanks = await assistant.ask("thanks, got it", { history });
    expect(thanks.refused).toBe(true);
    expect(thanks.answer).toMatch(/^Glad to help\./);
    expect(thanks.reply).toBe(true);
    expect(thanks.answer).not.toMatch(/don't cover/);
    expect(thanks.suggestions?.length).toBeGreaterThan(0);
    // What to ask next follows the conversation, not the words "thanks, got it".
    const alone = await assistant.ask("thanks, got it");
    expect(alone.reply).toBe(true);
    expect(thanks.suggestions).not.toEqual(alone.suggestions);
  }, 60_000);

  it("asks what a first message points back at, and answers it after a question about it", async () => {
    const alone = await assistant.ask("is it free?");
    expect(alone.refused).toBe(true);
    expect(alone.reply).toBe(true);
    expect(alone.answer).toMatch(/^I'm not sure what that refers to/);
    // Nothing was asked before: the suggestions are questions to start with.
    expect(alone.suggestions?.length).toBeGreaterThan(0);
    // A short message naming a topic the material lacks points at that topic, not back.
    const named = await assistant.ask("what's SMOTE exactly");
    expect(named.refused).toBe(true);
    expect(named.refusalReason).toBe('the material never mentions "SMOTE"');
    const history = [
      { role: "user" as const, content: "what is google colab" },
      { role: "assistant" as const, content: "Hosted notebooks with common ML libraries. [1]" },
    ];
    const followUp = await assistant.ask("is it free?", { history });
    expect(followUp.refused).toBe(false);
    expect(followUp.answer).toMatch(/Colab/);
    // "???" asks nothing: it is not tied to the conversation, and the answer says how to ask.
    const puzzled = await assistant.ask("???", { history });
    expect(puzzled.understoodAs).toBe("???");
    expect(puzzled.answer).toMatch(/^I couldn't find a question in that/);
    expect(puzzled.reply).toBe(true);
  }, 60_000);

  it("answers about the step or month a learner names, not one that merely shares a number", async () => {
    const month = await assistant.ask("month 5??");
    expect(month.answer).toMatch(/Month 5\b/);
    expect(month.answer).not.toMatch(/Month 9/);
    // "how long … take" frames the question: step 3 is its topic, and it is answered.
    const duration = await assistant.ask("How long does Step 3 take?");
    expect(duration.refused).toBe(false);
    expect(duration.answer).toMatch(/Month 5\b/);
    const milestone = await assistant.ask("whats the milestone for step 4 of the roadmap");
    // Step 4's milestone, from the overview table or the step's own section: both name a CNN.
    expect(milestone.answer).toMatch(/CNN/);
  }, 60_000);

  it("answers 'X vs Y' with the row of each side, even when the rows' names are longer", async () => {
    const answer = await assistant.ask("supervised vs unsupervised diff?");
    expect(answer.refused).toBe(false);
    expect(answer.answer).toMatch(/Supervised Learning — /);
    expect(answer.answer).toMatch(/Unsupervised Learning — /);
  }, 60_000);

  it("compares three things by their rows, not by headings that also say 'vs'", async () => {
    const answer = await assistant.ask("relu vs sigmoid vs softmax when to use which");
    expect(answer.refused).toBe(false);
    expect(answer.answer).toMatch(/Sigmoid — /);
    expect(answer.answer).toMatch(/Softmax — /);
    expect(answer.answer).not.toMatch(/ML Engineer/);
  }, 60_000);

  it("searches 'how does X work' for X, not for headings that say 'work'", async () => {
    const answer = await assistant.ask("how does dropout work");
    expect(answer.refused).toBe(false);
    expect(answer.answer).toMatch(/^Dropout randomly switches off/);
  }, 60_000);

  it("searches a long story's asking clause on its own, but not a short message's", async () => {
    const story = await assistant.ask(
      "I'm 34, working in HR for 10 years, no coding at all except some Excel macros. My kids are in school now and I finally have evenings free, maybe 8-10 hours a week. Realistically how long would someone like me take to learn this?",
    );
    expect(story.refused).toBe(false);
    expect(story.answer).toMatch(/^Career Switcher — .*12–18 months/);
    // The clause that asks leans on the one before it: searched alone it finds another plan.
    const short = await assistant.ask(
      "For the phase where I study neural nets for pictures and language, how much time does the plan set aside?",
    );
    expect(short.answer).not.toMatch(/NeurIPS/);
  }, 60_000);

  it("stays faithful and concise", () => {
    expect(summary.unsupportedSentenceRate).toBeLessThanOrEqual(0.05);
    expect(dangling).toBe(0);
    expect(summary.answerPrecision).toBeGreaterThanOrEqual(0.45);
  });
});
