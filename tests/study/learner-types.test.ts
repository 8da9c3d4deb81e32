import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { LearnerTypesMissingError } from "../../src/errors/plan-errors.ts";
import { LEARNER_CUES } from "../../src/study/internal/learner-cues.ts";
import { negatedTerms } from "../../src/study/internal/score-learner-description.ts";
import {
  learnerTypeByName,
  learnerTypes,
  nearestLearnerType,
  parseTimeline,
} from "../../src/study/learner-types.ts";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";
import { chunksOfEditedRoadmap, committedChunks } from "./study-fixtures.ts";

const chunks = committedChunks();
const types = learnerTypes(chunks);
const names = types.map((type) => type.name);

describe("learnerTypes", () => {
  it("reads every row of the roadmap's learner-type table, in order, from its chunk", () => {
    expect(names).toEqual([
      "Complete Beginner",
      "CS / IT Student",
      "Data Analyst",
      "Software Engineer",
      "Career Switcher",
    ]);
    const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
    for (const type of types) {
      const chunk = byId.get(type.from.chunkId);
      expect(chunk?.kind).toBe("table-row");
      expect(chunk?.section).toBe(type.from.section);
      // Every field is a cell of that row, word for word.
      for (const value of [type.name, type.startingPoint, type.timeline, type.firstProject]) {
        expect(chunk?.cells?.some((cell) => cell.value === value)).toBe(true);
      }
    }
  });

  it("turns the timelines into months", () => {
    const timeline = Object.fromEntries(types.map((type) => [type.name, type.timelineMonths]));
    expect(timeline["Complete Beginner"]).toEqual({ min: 12, max: 15 });
    expect(timeline["CS / IT Student"]).toEqual({ min: 9, max: 12 });
    expect(timeline["Career Switcher"]).toEqual({ min: 12, max: 18 });
    expect(types.find((type) => type.name === "Data Analyst")?.firstProject).toBe(
      "Customer churn prediction dashboard/API",
    );
  });

  it("parses timelines as the table may write them", () => {
    expect(parseTimeline("12–15 months")).toEqual({ min: 12, max: 15 });
    expect(parseTimeline("6-9 months")).toEqual({ min: 6, max: 9 });
    expect(parseTimeline("9 to 12 months")).toEqual({ min: 9, max: 12 });
    expect(parseTimeline("6 months")).toEqual({ min: 6, max: 6 });
    expect(parseTimeline("12+ months")).toEqual({ min: 12, max: 12 });
    expect(parseTimeline("1–2 years")).toEqual({ min: 12, max: 24 });
    expect(parseTimeline("it depends")).toBeUndefined();
  });

  it("follows the corpus: an edited table gives edited types, and none is an error", async () => {
    const edited = await chunksOfEditedRoadmap((text) =>
      text
        .replace(
          "| Career Switcher | Non-CS background |",
          "| Bootcamp Graduate | Non-CS background |",
        )
        .replace("| 12–18 months | Streamlit", "| 10–14 months | Streamlit"),
    );
    const changed = learnerTypes(edited).at(-1);
    expect(changed?.name).toBe("Bootcamp Graduate");
    expect(changed?.timelineMonths).toEqual({ min: 10, max: 14 });
    const withoutTable: Chunk[] = chunks.filter(
      (chunk) => !chunk.cells?.some((cell) => /learner type/i.test(cell.header)),
    );
    expect(() => learnerTypes(withoutTable)).toThrow(LearnerTypesMissingError);
  });
});

describe("learnerTypeByName", () => {
  it.each([
    ["Data Analyst", "Data Analyst", "name"],
    ["data analysts", "Data Analyst", "name"],
    ["cs / it student", "CS / IT Student", "name"],
    ["CS/IT student", "CS / IT Student", "name"],
    ["cs student", "CS / IT Student", "alias"],
    ["IT student", "CS / IT Student", "alias"],
    ["SWE", "Software Engineer", "alias"],
    ["sde", "Software Engineer", "alias"],
    ["analyst", "Data Analyst", "alias"],
    ["switcher", "Career Switcher", "alias"],
    ["Sofware Engineer", "Software Engineer", "alias"],
  ])("%s → %s", (given, expected, how) => {
    const match = learnerTypeByName(types, given);
    expect(match?.type.name).toBe(expected);
    expect(match?.how).toBe(how);
    expect(match?.reason).toContain(given);
  });

  it("finds nothing for a name no row has", () => {
    expect(learnerTypeByName(types, "data scientist")).toBeUndefined();
    expect(learnerTypeByName(types, "")).toBeUndefined();
    // "student" alone is one row's word, "engineer student" is no row's.
    expect(learnerTypeByName(types, "engineer student")).toBeUndefined();
  });
});

/** Learners describing themselves, in their own words, and the row each is closest to. */
const DESCRIPTIONS: Array<[string, string]> = [
  ["I'm 28, in marketing, no CS degree", "Career Switcher"],
  ["final year btech cse", "CS / IT Student"],
  ["I write Java backends", "Software Engineer"],
  ["total beginner, never written a line of code", "Complete Beginner"],
  ["I work with SQL and Excel dashboards every day", "Data Analyst"],
  ["3rd year computer science student, done DSA on leetcode", "CS / IT Student"],
  ["BCA student", "CS / IT Student"],
  ["MIS analyst, Power BI and some python", "Data Analyst"],
  ["frontend dev, 4 yrs react", "Software Engineer"],
  ["SDE-2 at a product company, weak at maths", "Software Engineer"],
  ["mechanical engineer wanting to move into ML", "Career Switcher"],
  ["high school grad, no coding experience at all", "Complete Beginner"],
  ["I'm a teacher looking to switch careers into AI", "Career Switcher"],
  ["business analyst who knows tableau", "Data Analyst"],
  ["fresher, just finished 12th, zero knowledge", "Complete Beginner"],
  ["I'm a full stack developer (node, typescript)", "Software Engineer"],
  ["MCA 1st year", "CS / IT Student"],
  ["accountant, switching to data science", "Career Switcher"],
  ["I know basic python but nothing about ML", "Complete Beginner"],
  ["Backend engineer at a startup, want to get into MLOps", "Software Engineer"],
  ["homemaker restarting my career, no tech background", "Career Switcher"],
  ["excel wizard in finance, can write SQL queries", "Data Analyst"],
  ["IT student learning python", "CS / IT Student"],
  ["I have a non-CS background (commerce grad)", "Career Switcher"],
  ["strong coder but my math is weak", "Software Engineer"],
  ["im a data analist, mostly excel", "Data Analyst"],
];

describe("nearestLearnerType", () => {
  const understanding = new QuestionUnderstanding(chunks);
  const understand = (text: string) => understanding.understand(text).understoodAs;

  it.each(DESCRIPTIONS)("%s → %s", (description, expected) => {
    const match = nearestLearnerType(types, description, understand);
    expect(match.type.name).toBe(expected);
    expect(["description", "name", "alias"]).toContain(match.how);
    expect(match.reason).toContain(expected);
  });

  it("says why: the learner's words and the table's", () => {
    const match = nearestLearnerType(types, "I'm 28, in marketing, no CS degree");
    expect(match.evidence).toContainEqual({
      said: "no CS",
      matched: "Non-CS background",
      field: "Starting Point",
    });
    expect(match.evidence.map((item) => item.said)).toContain("marketing");
    expect(match.reason).toBe(
      'closest to "Career Switcher": "no CS" matches the starting point "Non-CS background"; "marketing" suggests "Career Switcher"',
    );
    expect(match.scores?.[0]?.name).toBe("Career Switcher");
  });

  it("takes a name as a name", () => {
    expect(nearestLearnerType(types, "cs student").how).toBe("alias");
    expect(nearestLearnerType(types, "Data Analyst").how).toBe("name");
  });

  it("is deterministic and falls back to the table's first row, saying so", () => {
    const first = nearestLearnerType(types, "hello there");
    expect(first.how).toBe("default");
    expect(first.type.name).toBe(names[0]);
    expect(first.reason).toContain("nothing in the description matches");
    const again = nearestLearnerType(types, "frontend dev, 4 yrs react", understand);
    expect(nearestLearnerType(types, "frontend dev, 4 yrs react", understand)).toEqual(again);
  });

  it("never reads a negated word as the word", () => {
    expect(negatedTerms("no CS degree").map((term) => term.term)).toEqual(["-cs", "degre"]);
    expect(negatedTerms("Strong coding, weak ML/math").map((term) => term.term)).toEqual([
      "strong",
      "code",
      "-ml",
      "-math",
    ]);
    expect(negatedTerms("no background in CS").map((term) => term.term)).toEqual([
      "-background",
      "-cs",
    ]);
    expect(nearestLearnerType(types, "not a student, I sell insurance").type.name).not.toBe(
      "CS / IT Student",
    );
  });

  it("has cues that all point at words some row still has", () => {
    const rowWords = new Set(
      types.flatMap((type) =>
        negatedTerms(`${type.name}, ${type.startingPoint ?? ""}`).map((term) => term.term),
      ),
    );
    for (const cue of LEARNER_CUES) {
      const meaning = negatedTerms(cue.means).map((term) => term.term);
      expect(meaning.length, cue.means).toBeGreaterThan(0);
      for (const term of meaning) expect(rowWords, `${cue.means}: ${term}`).toContain(term);
    }
  });
});
