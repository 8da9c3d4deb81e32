import { describe, expect, it } from "vitest";
import { namedOnlyTogether } from "../../src/answer/named-together.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const AUTOML = makeChunk(
  "automl",
  "AutoML",
  "AutoML tools such as Google AutoML, H2O.ai, AutoGluon, and AutoSklearn can quickly generate strong baselines. They do not replace ML engineers.",
);
const passagesOf = (...chunks: ReturnType<typeof makeChunk>[]) =>
  chunks.map((chunk) => ({ chunk }));

describe("namedOnlyTogether", () => {
  it("finds a choice between two things the passages only list side by side", () => {
    expect(
      namedOnlyTogether("Which is better for AutoML, H2O.ai or AutoGluon?", passagesOf(AUTOML)),
    ).toEqual(["H2O.ai", "AutoGluon"]);
    expect(namedOnlyTogether("h2o.ai vs autogluon diff?", passagesOf(AUTOML))).toBeDefined();
  });

  it("reads 'X, Y and Z' as a list, and a weighing word outside both sides as no comparison", () => {
    const metrics = makeChunk(
      "metrics",
      "Metrics",
      "For imbalanced classes, report precision, recall, F1 or PR-AUC and a confusion matrix rather than accuracy alone. The classification report shows precision, recall and F1-score for each class.",
    );
    expect(
      namedOnlyTogether(
        "precision vs recall, whats the actual difference between them",
        passagesOf(metrics),
      ),
    ).toEqual(["precision", "recall"]);
  });

  it("names a side by its rarest word, and reads 'X and Y' side by side as listed together", () => {
    const gates = makeChunk(
      "rnn",
      "Sequence models",
      "LSTM and GRU cells add gates that decide what to keep and what to forget, which helps with longer dependencies.",
    );
    const idf = (term: string) => (["lstm", "gru"].includes(term) ? 5 : 1);
    expect(
      namedOnlyTogether(
        "What is the difference between an LSTM cell and a GRU cell?",
        passagesOf(gates),
        idf,
      ),
    ).toEqual(["LSTM cell", "GRU cell"]);
    const tanh = makeRow("tanh", "Activations", [
      ["Activation", "Tanh"],
      ["Typical use", "Inside LSTM and GRU cells, and some hidden layers"],
    ]);
    expect(
      namedOnlyTogether(
        "How does a GRU cell differ from an LSTM cell in its gates?",
        passagesOf(tanh),
        idf,
      ),
    ).toEqual(["GRU cell", "LSTM cell"]);
    // "how is X different from Y" asks how they differ, and the reason names each plainly.
    expect(
      namedOnlyTogether("how is a gru different from an lstm exactly", passagesOf(tanh), idf),
    ).toEqual(["gru", "lstm"]);
  });

  it("finds none when the list says something of each side between them, or a side is a clause", () => {
    const joins = makeChunk(
      "joins",
      "Pandas",
      "The how argument chooses the join type: inner (the default) keeps only matching keys, left keeps every row of the left table, and outer keeps everything.",
    );
    expect(
      namedOnlyTogether("whats the difference between inner and outer", passagesOf(joins)),
    ).toBeUndefined();
    const balance = makeChunk(
      "balance",
      "Skills",
      "A good ML engineer knows how to balance underfitting and overfitting using cross-validation.",
    );
    expect(
      namedOnlyTogether("how do you balance underfitting vs overfitting?", passagesOf(balance)),
    ).toBeUndefined();
    const envs = makeChunk("envs", "Environments", "Use conda or mamba, venv and pip.");
    expect(
      namedOnlyTogether(
        "When is conda or mamba a better choice than venv and pip?",
        passagesOf(envs),
      ),
    ).toBeUndefined();
  });

  it("finds none when a sentence names one side without the other", () => {
    const alone = makeChunk("h2o", "AutoML", "H2O.ai runs in the browser.");
    expect(
      namedOnlyTogether("which is better, H2O.ai or AutoGluon", passagesOf(AUTOML, alone)),
    ).toBeUndefined();
  });

  it("finds none when a table row names both, each in its own cell", () => {
    const row = makeChunk(
      "senior",
      "Salaries",
      "Experience: 10+ years; Salary India: ₹40L–50L PA; Global Salary Range: $220K–$300K+",
      "table-row",
    );
    expect(
      namedOnlyTogether("10+ yrs ml lead salary india vs global", passagesOf(row)),
    ).toBeUndefined();
  });

  it("finds none when the sentence naming both weighs one against the other", () => {
    const weighs = makeChunk(
      "frameworks",
      "Frameworks",
      "PyTorch, with its Pythonic style, is better for research than TensorFlow, Keras or JAX.",
    );
    expect(
      namedOnlyTogether("pytorch or tensorflow which is better", passagesOf(weighs)),
    ).toBeUndefined();
  });

  it("finds none for a question that does not choose, or passages that never name a side", () => {
    expect(
      namedOnlyTogether("tell me about H2O.ai or AutoGluon", passagesOf(AUTOML)),
    ).toBeUndefined();
    const other = makeChunk("other", "Tools", "MLflow, DVC, and Docker are common MLOps tools.");
    expect(
      namedOnlyTogether("which is better, H2O.ai or AutoGluon", passagesOf(other)),
    ).toBeUndefined();
  });
});
