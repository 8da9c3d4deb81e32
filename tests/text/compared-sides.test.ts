import { describe, expect, it } from "vitest";
import {
  comparedSides,
  listedOptions,
  offeredForRole,
  replacedSides,
} from "../../src/text/compared-sides.ts";

describe("comparedSides", () => {
  it.each([
    ["xgboost vs lightgbm, what's the diff", ["xgboost", "lightgbm"]],
    ["difference between data drift and model drift", ["data drift", "model drift"]],
    ["should i learn pytorch or tensorflow", ["i learn pytorch", "tensorflow"]],
    ["How do SHAP and LIME differ in the tool list?", ["SHAP", "LIME"]],
    [
      "Compare the skills needed for an NLP engineer and an AI engineer.",
      ["an NLP engineer", "an AI engineer"],
    ],
    ["compare xgboost with lightgbm", ["xgboost", "lightgbm"]],
    ["diff b/w bagging and boosting?", ["bagging", "boosting"]],
    [
      "how is a canary release different from shadow deployment",
      ["a canary release", "shadow deployment"],
    ],
    ["does data drift differ from model drift?", ["data drift", "model drift"]],
    ["How does the roadmap distinguish bias from variance?", ["bias", "variance"]],
    ["differentiate between batch and online prediction", ["batch", "online prediction"]],
    ["how do i tell data drift and concept drift apart?", ["data drift", "concept drift"]],
    // A bracket ends the left side like a comma: the context before it is not compared.
    [
      "(context: building a churn thing for a telecom client) batch vs online prediction",
      ["batch", "online prediction"],
    ],
  ])("finds the two things %j compares", (question, sides) => {
    expect(comparedSides(question)).toEqual(sides);
  });

  it.each([
    "do I really need to buy a GPU to learn DL or can I manage?",
    "is python enough or not",
    "eigenvectors of the covariance matrix or what",
    // The left side says something of a thing named before.
    "is kaggle grinding worth it or just leaderboard chasing, how do i use it properly",
    // A dismissal is no second thing.
    "are python type hints actually enforced or just vibes",
    "is mlops a real skill or mostly hype",
    // "tell" compares only with "apart".
    "tell me about dvc and mlflow",
  ])("finds no comparison in %j: its 'or' opens a clause, a guess or a dismissal", (question) => {
    expect(comparedSides(question)).toBeUndefined();
  });
});

describe("replacedSides", () => {
  it.each([
    ["how do i set up a dvc remote on google drive instead of s3", ["google drive", "s3"]],
    // The role the replacement would play is not part of it.
    ["can i use google drive as the remote for dvc instead of s3?", ["google drive", "s3"]],
    ["can it use google drive as the remote for it instead of s3?", ["google drive", "s3"]],
    ["when shld i use conda instead of venv", ["conda", "venv"]],
    [
      "why report p95/p99 latency rather than the average?",
      ["report p95/p99 latency", "the average"],
    ],
  ])("finds what %j offers and what it would replace", (question, sides) => {
    expect(replacedSides(question)).toEqual(sides);
  });

  it("finds none without 'instead of', 'rather than' or 'in place of'", () => {
    expect(replacedSides("should i use conda or venv")).toBeUndefined();
  });

  it("finds none when the left side says something of a thing rather than names one", () => {
    expect(
      replacedSides(
        "When does the roadmap say fine-tuning is worth doing instead of relying on prompting?",
      ),
    ).toBeUndefined();
  });
});

describe("offeredForRole", () => {
  it.each([
    ["can it use google drive as the remote?", ["google drive", "remote"]],
    [
      "how do i set it up with google drive as the remote, step by step?",
      ["google drive", "remote"],
    ],
    ["can DVC use Google Drive as its remote storage?", ["Google Drive", "remote storage"]],
    // The pronoun as the follow-up rewriter resolves it.
    ["can DVC use google drive as DVC's remote storage?", ["google drive", "remote storage"]],
  ])("finds what %j offers and the role it would play", (question, sides) => {
    expect(offeredForRole(question)).toEqual(sides);
  });

  it("finds none for who uses a thing ('as a learner')", () => {
    expect(
      offeredForRole("How does the roadmap recommend using Kaggle as a learner?"),
    ).toBeUndefined();
  });
});

describe("listedOptions", () => {
  it.each([
    [
      "which cloud should i learn first - sagemaker, vertex or azure ml?",
      ["sagemaker", "vertex", "azure ml"],
    ],
    [
      "Which cloud platform should I learn first for a job in India, SageMaker, Vertex AI or Azure ML?",
      ["SageMaker", "Vertex AI", "Azure ML"],
    ],
    ["sagemaker vs vertex ai vs azure ml - which first", ["sagemaker", "vertex ai", "azure ml"]],
    ["should i learn python, sql or r first", ["python", "sql", "r"]],
  ])("finds the options %j offers", (question, options) => {
    expect(listedOptions(question)).toEqual(options);
  });

  it.each([
    "pytorch or tensorflow?",
    "is it worth it or not",
    "I know pandas, numpy and sklearn, what next or should i stop",
  ])("finds no list of three options in %j", (question) => {
    expect(listedOptions(question)).toBeUndefined();
  });
});
