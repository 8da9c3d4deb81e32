import { describe, expect, it } from "vitest";
import { namedHeads, withPassagesOf, writerPassages } from "../../src/answer/writer-passages.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { RetrievedChunk } from "../../src/retrieval/retriever.ts";
import { makeChunk } from "../support/chunks.ts";

function toolRow(id: string, tool: string, purpose: string): Chunk {
  return {
    ...makeChunk(id, "Tools", `Tool: ${tool}; Purpose: ${purpose}`, "table-row"),
    cells: [
      { header: "Tool", value: tool },
      { header: "Purpose", value: purpose },
    ],
  };
}

const ranked: RetrievedChunk[] = [
  makeChunk("both", "Tools", "Category: MLOps; Tools: MLflow, DVC", "table-row"),
  toolRow("dvc", "DVC", "Data and model version control"),
  makeChunk("prose", "MLOps", "Track experiments and version data."),
  toolRow("mlflow", "MLflow", "Experiment tracking"),
  toolRow("mlflow-2", "MLflow", "Model registry"),
].map((chunk, rank) => ({ chunk, score: 1 - rank / 10, dense: 0.5, lexical: 0.5 }));

describe("writerPassages", () => {
  it("adds the best row of a compared thing that ranked below the shown passages", () => {
    const passages = writerPassages(ranked, 3, "mlflow vs dvc whats the diff");
    expect(passages.map((passage) => passage.chunk.id)).toEqual(["both", "dvc", "prose", "mlflow"]);
    expect(passages.map((passage) => passage.n)).toEqual([1, 2, 3, 4]);
  });

  it("adds the best row of the thing a figure is asked for that ranked below them", () => {
    const passages = writerPassages(ranked, 3, "how much does mlflow cost");
    expect(passages.map((passage) => passage.chunk.id)).toEqual(["both", "dvc", "prose", "mlflow"]);
  });

  it("adds a passage below them that says what a thing asked to be defined is", () => {
    const defined: RetrievedChunk[] = [
      makeChunk("rows", "Comparison", "Aspect: Data; Deep learning: Needs large datasets"),
      makeChunk("habits", "Deep learning", "Deep learning reuses every habit from classical ML."),
      makeChunk("faq", "FAQ", "AI is the broad field. Deep Learning is a subset of ML."),
      makeChunk("other", "FAQ", "Deep learning is not always the best choice."),
    ].map((chunk, rank) => ({ chunk, score: 1 - rank / 10, dense: 0.5, lexical: 0.5 }));
    for (const question of ["what is deep learning", "deep learning meaning?"]) {
      const passages = writerPassages(defined, 2, question);
      expect(passages.map((passage) => passage.chunk.id)).toEqual(["rows", "habits", "faq"]);
    }
    // "is not" says nothing of what it is; other questions show the first passages only.
    expect(
      writerPassages(defined.slice(0, 2).concat(defined.slice(3)), 2, "what is deep learning"),
    ).toHaveLength(2);
    expect(writerPassages(defined, 2, "is deep learning hard")).toHaveLength(2);
  });

  it("shows only the first passages for a question that compares nothing", () => {
    const passages = writerPassages(ranked, 3, "what does mlflow do");
    expect(passages.map((passage) => passage.chunk.id)).toEqual(["both", "dvc", "prose"]);
  });
});

describe("withPassagesOf", () => {
  it("adds a second search's passages not shown yet, numbered on, scored as the lowest shown", () => {
    const shown = writerPassages(ranked, 2, "what does mlflow do");
    const passages = withPassagesOf(shown, [ranked[1], ranked[3]] as RetrievedChunk[]);
    expect(passages.map((passage) => passage.chunk.id)).toEqual(["both", "dvc", "mlflow"]);
    expect(passages.map((passage) => passage.n)).toEqual([1, 2, 3]);
    expect(passages[2]?.score).toBe(shown[1]?.score);
  });
});

describe("namedHeads", () => {
  it("finds a row's name written in the singular or the plural", () => {
    const row = toolRow("cnn", "CNNs", "Image tasks");
    expect(namedHeads(row, " cnn vs transformers ")).toEqual(["cnns"]);
    expect(
      namedHeads(toolRow("rf", "Random Forest", "Baselines"), " random forests vs xgboost "),
    ).toEqual(["random forest"]);
    expect(namedHeads(row, " rnn vs transformers ")).toEqual([]);
  });

  it("finds no row named by one letter of a split name ('a' of 'A/B test')", () => {
    const row = toolRow("ab", "A/B test", "Traffic is split between models");
    expect(
      namedHeads(row, " difference between a canary release and a shadow deployment "),
    ).toEqual([]);
    expect(namedHeads(row, " a b test vs canary release ")).toEqual(["b test"]);
  });

  it("finds a hyphenated name written with a space ('blue green deployment')", () => {
    const row = toolRow("bg", "Blue-green deployment", "Two full environments");
    expect(namedHeads(row, " canary release vs blue green deployment ")).toEqual([
      "blue-green deployment",
    ]);
    expect(namedHeads(row, " blue-green deployment vs canary ")).toEqual(["blue-green deployment"]);
    expect(namedHeads(row, " green deployment ")).toEqual([]);
  });

  it("finds a name without the word saying its kind when the question compares", () => {
    const blueGreen = toolRow("bg", "Blue-green deployment", "Two full environments");
    const canary = toolRow("canary", "Canary release", "A small share of traffic");
    const supervised = toolRow("sl", "Supervised Learning", "Labelled data");
    const asked = " canary vs blue green whats the diff ";
    expect(namedHeads(blueGreen, asked)).toEqual(["blue-green deployment"]);
    expect(namedHeads(canary, asked)).toEqual(["canary release"]);
    expect(namedHeads(supervised, " supervised and unsupervised learning difference ")).toEqual([
      "supervised learning",
    ]);
    // Not outside a comparison, and an everyday word ("deep") names no row.
    expect(namedHeads(canary, " how do i do a canary ")).toEqual([]);
    const deep = toolRow("dl", "Deep Learning", "Neural networks");
    expect(namedHeads(deep, " how deep should i go in math or stats ")).toEqual([]);
  });

  it("finds a long name said by its first and last word ('aws ml specialty')", () => {
    const aws = toolRow("aws", "AWS Certified Machine Learning – Specialty", "AWS-heavy roles");
    const google = toolRow("gcp", "Google Professional Machine Learning Engineer", "GCP roles");
    const asked = " google ml engineer cert vs aws ml specialty which one costs more ";
    expect(namedHeads(aws, asked)).toEqual(["aws certified machine learning specialty"]);
    expect(namedHeads(google, asked)).toEqual(["google professional machine learning engineer"]);
    // Too far apart, or a short name: not named.
    expect(
      namedHeads(aws, " aws is what my team uses and i want to learn about a specialty "),
    ).toEqual([]);
    const role = toolRow("ds", "Data Scientist", "Analysis");
    expect(namedHeads(role, " data engineer or scientist ")).toEqual([]);
  });

  it("finds a name closing with 'style' or 'type' written without it, asked about a column", () => {
    const bert = toolRow("bert", "BERT-style", "Encoder-only");
    expect(namedHeads(bert, " bert vs gpt purpose ")).toEqual(["bert-style"]);
    // Without a column named, "bert vs gpt" asks the difference the prose states.
    expect(namedHeads(bert, " bert vs gpt ")).toEqual([]);
    expect(namedHeads(bert, " bert-style vs gpt-style ")).toEqual(["bert-style"]);
    expect(namedHeads(toolRow("style", "Style", "Formatting"), " bert vs gpt ")).toEqual([]);
  });

  it("finds 'Machine Learning Engineer' written 'ml engineer' when a figure is asked", () => {
    const role = toolRow("mle", "Machine Learning Engineer", "Build and deploy models");
    expect(namedHeads(role, " ml engineer vs data scientist salary ", true)).toEqual([
      "machine learning engineer",
    ]);
    // A difference asked in words is answered by the prose that compares them.
    expect(namedHeads(role, " ml engineer vs data scientist diff ")).toEqual([]);
  });
});
