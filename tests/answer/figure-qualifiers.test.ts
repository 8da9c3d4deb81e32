import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import {
  figureQualifiers,
  givenFor,
  qualifiersNotGiven,
} from "../../src/answer/figure-qualifiers.ts";
import type { FigureRequest } from "../../src/answer/figure-request.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const row = makeRow("band", "Salary", [
  ["Experience", "3–5 years"],
  ["Common Roles", "ML Engineer, Data Scientist"],
  ["Salary India", "₹9L–20L PA"],
  ["Top Cities", "Pune"],
]);
// "India" and "Google" are named in many passages; "Pune" in one.
const many = Array.from({ length: 12 }, (_, index) =>
  makeChunk(`c${index}`, "Notes", `India and Google Colab note ${index}, 2026.`),
);
const statistics = new CorpusStatistics([row, ...many]);
const money: FigureRequest = { type: "money", words: [] };

describe("figureQualifiers", () => {
  it("reads places, companies, roles and absent years from a money question", () => {
    const asking = "data engineer salary in pune in india at google in 2030";
    expect(figureQualifiers(money, asking, asking, "", statistics)).toMatchObject({
      places: ["pune", "google"],
      roles: [{ asWritten: "data engineer" }],
      absentYears: ["2030"],
    });
  });

  it("reads an employer named with pay as a qualifier, but not one named with a price", () => {
    const pay = "how much does google india pay ml engineers, and tcs";
    expect(figureQualifiers(money, pay, pay, "", statistics).places).toEqual(["google", "tcs"]);
    const price = "google professional ml engineer cert cost";
    expect(figureQualifiers(money, price, price, "", statistics).places).toEqual([]);
  });

  it("reads a city the tables list under Top Cities, and 'which city pays more', as places", () => {
    const lexicon = new EntityLexicon([row]);
    const versus = "fresher salary pune vs hyderabad";
    expect(figureQualifiers(money, versus, versus, "", statistics, lexicon).places).toEqual([
      "pune",
    ]);
    // Named as the learner wrote it.
    const written = "fresher salary Pune vs hyderabad";
    expect(figureQualifiers(money, written, written, "", statistics, lexicon).places).toEqual([
      "Pune",
    ]);
    const perCity = "fresher ml salary, which city pays more";
    expect(figureQualifiers(money, perCity, perCity, "", statistics, lexicon).places).toEqual([
      "city",
    ]);
    // Which cities hire most asks where the jobs are, not a salary per city.
    const hiring = "fresher salary in india and which cities hire most";
    expect(figureQualifiers(money, hiring, hiring, "", statistics, lexicon).places).toEqual([]);
    // So does "which cities", asked beside the pay in a question of its own.
    const both = "3-5 yrs exp ML jobs mostly in which cities and what's the pay";
    expect(figureQualifiers(money, both, both, "", statistics, lexicon).places).toEqual([]);
    // A follow-up's carried topic may hold the cities of the last answer.
    expect(
      figureQualifiers(
        money,
        "what about 3-5 yrs pune salary",
        "what about 3-5 yrs",
        "pune salary",
        statistics,
        lexicon,
      ).places,
    ).toEqual([]);
  });

  it("reads a capitalised place the material never names, and a currency it never uses", () => {
    const asking = "how much do ml engineers earn in London in pounds";
    expect(figureQualifiers(money, asking, asking, "", statistics).places).toEqual([
      "London",
      "pounds",
    ]);
    // Lower case and unknown to the material: not taken for a place ("in hand").
    const inHand = "ml engineer salary in hand";
    expect(figureQualifiers(money, inHand, inHand, "", statistics).places).toEqual([]);
  });

  it("takes roles from the learner's own words, not a follow-up's carried topic", () => {
    const qualifiers = figureQualifiers(
      money,
      "what about cv engineering salary NLP engineer",
      "what about cv engineering",
      "salary NLP engineer",
      statistics,
    );
    expect(qualifiers.roles).toEqual([]);
  });

  it("asks nothing of a question that asks no figure", () => {
    expect(figureQualifiers(undefined, "data engineer in pune", "", "", statistics)).toEqual({
      places: [],
      placeTerms: [],
      inDollars: false,
      roles: [],
      tools: [],
      things: [],
      absentYears: [],
    });
  });
});

describe("givenFor", () => {
  it("gives a figure for a role named in one cell item, not for words spread over items", () => {
    const ask = (question: string) => figureQualifiers(money, question, question, "", statistics);
    expect(givenFor(ask("data scientist salary"), money, row, row.text).role).toBe(true);
    const dataEngineer = ask("data engineer salary");
    expect(givenFor(dataEngineer, money, row, row.text).role).toBe(false);
    expect(qualifiersNotGiven(dataEngineer, true, false)).toEqual(["data engineer"]);
  });

  it("gives a salary asked in the US or globally only where a cell gives it in dollars", () => {
    const roleRow = makeRow("cv", "Roles", [
      ["Role", "Computer Vision Engineer"],
      ["Salary Range India", "₹5L–10.6L PA"],
    ]);
    const bandRow = makeRow("global", "Salary", [
      ["Experience", "0–2 years"],
      ["Salary India", "₹4.4L–5L PA"],
      ["Global Salary Range", "$70K–$120K"],
    ]);
    const ask = (question: string) => figureQualifiers(money, question, question, "", statistics);
    const us = ask("computer vision engineer salary in the United States");
    expect(us.inDollars).toBe(true);
    expect(givenFor(us, money, roleRow, roleRow.text).place).toBe(false);
    expect(qualifiersNotGiven(us, false, true)).toEqual(["the United States"]);
    // "in the us" is named as the learner reads it.
    expect(qualifiersNotGiven(ask("what do cv engineers make in the us"), false, true)).toEqual([
      "the US",
    ]);
    expect(givenFor(ask("global salary for 0–2 years"), money, bandRow, bandRow.text).place).toBe(
      true,
    );
    expect(givenFor(ask("cv engineer salary"), money, roleRow, roleRow.text).place).toBe(true);
  });

  it("reads a role's name word as the initials of the words before its role word", () => {
    const roleRow = makeRow("cv", "Roles", [
      ["Role", "Computer Vision Engineer"],
      ["Salary", "₹5L–10.6L PA"],
    ]);
    const ask = (question: string) => figureQualifiers(money, question, question, "", statistics);
    expect(givenFor(ask("cv engineer salary"), money, roleRow, roleRow.text).role).toBe(true);
    expect(givenFor(ask("cs engineer salary"), money, roleRow, roleRow.text).role).toBe(false);
  });

  it("gives a setting for a tool only where the unit or its section names that tool", () => {
    const port: FigureRequest = { type: "setting", words: ["port"] };
    const tools = new EntityLexicon([
      makeRow("t1", "Tools", [
        ["Tool", "MLflow"],
        ["Purpose", "Tracking"],
      ]),
      makeRow("t2", "Tools", [
        ["Tool", "Grafana"],
        ["Purpose", "Dashboards"],
      ]),
    ]);
    const asked = "which port does grafana run on";
    const qualifiers = figureQualifiers(port, asked, asked, "", statistics, tools);
    expect(qualifiers.tools).toEqual(["grafana"]);
    // A possessive names the tool too.
    const possessive = "and grafana's default port?";
    expect(figureQualifiers(port, possessive, possessive, "", statistics, tools).tools).toEqual([
      "grafana",
    ]);
    // So does a Python name of its module ("xgboost.XGBClassifier" of XGBoost).
    const dotted = "default port of grafana.Server?";
    expect(figureQualifiers(port, dotted, dotted, "", statistics, tools).tools).toEqual([
      "grafana",
    ]);
    const mlflowPort = makeChunk(
      "ui",
      "Experiment Tracking with MLflow",
      "The UI runs at port 5000.",
    );
    const given = givenFor(qualifiers, port, mlflowPort, mlflowPort.text);
    expect(given.tool).toBe(false);
    expect(qualifiersNotGiven(qualifiers, true, true, given.tool)).toEqual(["grafana"]);
    // A money figure is given for a role or a place, not a tool.
    expect(
      figureQualifiers(money, "grafana cost", "grafana cost", "", statistics, tools).tools,
    ).toEqual([]);
  });

  it("asks a figure of a row named in full, not of a passage naming part of it", () => {
    const time: FigureRequest = { type: "time", words: [] };
    const course = makeRow("hf", "Certifications", [
      ["Certification", "Hugging Face Course"],
      ["Approx. Cost", "Free"],
    ]);
    const step = makeRow("s4", "Roadmap", [
      ["Step", "Step 4"],
      ["Timeline", "Month 6–8"],
      ["Main Tools", "PyTorch, Hugging Face"],
    ]);
    const lexicon = new EntityLexicon([course, step]);
    const asked = "how long does the hugging face course take";
    const qualifiers = figureQualifiers(time, asked, asked, "", statistics, lexicon);
    expect(qualifiers.tools).toEqual(["hugging face"]);
    expect(qualifiers.things).toEqual(["Hugging Face Course"]);
    // The step's months are given beside the tool, not for the course.
    const given = givenFor(qualifiers, time, step, step.text);
    expect(given.tool).toBe(false);
    expect(qualifiersNotGiven(qualifiers, true, true, given.tool)).toEqual(["Hugging Face Course"]);
    // A row the question names in full gives its own figure.
    const stepAsked = "how long is step 4";
    expect(figureQualifiers(time, stepAsked, stepAsked, "", statistics, lexicon).things).toEqual([
      "Step 4",
    ]);
    expect(
      givenFor(
        figureQualifiers(time, stepAsked, stepAsked, "", statistics, lexicon),
        time,
        step,
        step.text,
      ).tool,
    ).toBe(true);
  });

  it("asks a price of the row a question names: another row's price is not its price", () => {
    const money: FigureRequest = { type: "money", words: [] };
    const program = makeRow("scaler", "Certifications", [
      ["Certification", "Scaler Advanced AI and ML Program"],
      ["Approx. Cost", "Program-based"],
    ]);
    const aws = makeRow("aws", "Certifications", [
      ["Certification", "AWS Certified Machine Learning – Specialty"],
      ["Approx. Cost", "~$300"],
    ]);
    const lexicon = new EntityLexicon([program, aws]);
    const asked = "How much does the Scaler Advanced AI and ML Program cost?";
    const qualifiers = figureQualifiers(money, asked, asked, "", statistics, lexicon);
    expect(qualifiers.things).toEqual(["Scaler Advanced AI and ML Program"]);
    expect(givenFor(qualifiers, money, aws, aws.text).tool).toBe(false);
    expect(givenFor(qualifiers, money, program, program.text).tool).toBe(true);
    // Named the way learners write it: a possessive, and the "and" of the long name dropped.
    const time: FigureRequest = { type: "time", words: [] };
    const loose = "is scaler's advanced ai ml program 6 months long?";
    expect(figureQualifiers(time, loose, loose, "", statistics, lexicon).things).toEqual([
      "Scaler Advanced AI and ML Program",
    ]);
  });

  it("does not read the tutorial a question says to look in as a row it asks about", () => {
    const date: FigureRequest = { type: "date", words: [] };
    const lexicon = new EntityLexicon([
      makeRow("dl", "Learning types", [
        ["Type", "Deep Learning"],
        ["When to Use", "Images, text, audio"],
      ]),
    ]);
    const things = (asked: string) =>
      figureQualifiers(date, asked, asked, "", statistics, lexicon).things;
    expect(
      things(
        "In which year was the Transformer introduced, according to the deep learning tutorial?",
      ),
    ).toEqual([]);
    expect(things("when did deep learning take off")).toEqual(["Deep Learning"]);
  });

  it("knows a row named by its short form or with a possessive", () => {
    const time: FigureRequest = { type: "time", words: [] };
    const certs = [
      makeRow("gcp", "Certifications", [
        ["Certification", "Google Professional Machine Learning Engineer"],
        ["Approx. Cost", "~$200"],
      ]),
      makeRow("scaler", "Certifications", [
        ["Certification", "Scaler Advanced AI and ML Program"],
        ["Approx. Cost", "Program-based"],
      ]),
    ];
    const lexicon = new EntityLexicon(certs);
    const things = (asked: string) =>
      figureQualifiers(time, asked, asked, "", statistics, lexicon).things;
    expect(things("how long is the google professional ml engineer cert valid")).toEqual([
      "Google Professional Machine Learning Engineer",
    ]);
    expect(things("how many months does scaler's advanced ai and ml program last")).toEqual([
      "Scaler Advanced AI and ML Program",
    ]);
    // Of two rows named ("from data analyst to MLE"), a passage naming one gives its figure.
    const analyst = makeRow("da", "Learners", [
      ["Learner Type", "Data Analyst"],
      ["Expected Timeline", "6–9 months"],
    ]);
    const switching = new EntityLexicon([
      analyst,
      makeRow("mle", "Roles", [
        ["Role", "Machine Learning Engineer"],
        ["Salary", "₹8L"],
      ]),
    ]);
    const fromTo = "how long to go from data analyst to ml engineer";
    const both = figureQualifiers(time, fromTo, fromTo, "", statistics, switching);
    expect(both.things).toHaveLength(2);
    expect(givenFor(both, time, analyst, analyst.text).tool).toBe(true);
    // A passage naming the short form gives the figure for it.
    const faq = makeChunk("faq", "FAQ", "Google Professional ML Engineer takes 3 months.");
    const asked = "how long does the google professional machine learning engineer take";
    const qualifiers = figureQualifiers(time, asked, asked, "", statistics, lexicon);
    expect(givenFor(qualifiers, time, faq, faq.text).tool).toBe(true);
  });

  it("gives no figure for a city listed in another cell than the salary", () => {
    const pune = figureQualifiers(money, "salary in pune", "salary in pune", "", statistics);
    expect(givenFor(pune, money, row, row.text).place).toBe(false);
  });
});
