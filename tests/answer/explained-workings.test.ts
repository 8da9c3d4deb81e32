import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { explainsThing, workingThing } from "../../src/answer/explained-workings.ts";
import type { RetrievedChunk } from "../../src/retrieval/retriever.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const chunks = [
  makeChunk(
    "backprop",
    "Backpropagation and Optimizers",
    "Backpropagation applies the chain rule of calculus to compute how much each parameter contributed to the loss.",
  ),
  makeChunk(
    "attention",
    "Transformers and Attention",
    "In self-attention, every token computes how strongly it should attend to every other token.",
  ),
  makeChunk(
    "math",
    "Math Foundations",
    "A model learns by minimizing a loss function, and gradient descent updates model parameters in the direction that reduces error.",
  ),
  makeChunk(
    "regularisation",
    "Regularisation",
    "Batch normalisation normalises a layer's inputs using the statistics of the current mini-batch.",
  ),
  makeChunk(
    "listed",
    "Deep Learning",
    "Learn neurons, layers, activation functions, loss functions, optimizers, batch normalization and dropout.",
  ),
  makeChunk(
    "cnn",
    "Computer Vision > How CNNs Work",
    "A convolutional layer slides small learned filters across an image.",
  ),
  makeChunk(
    "rnn",
    "Recurrent Neural Networks",
    "A recurrent neural network (RNN) reads a sequence one step at a time and carries a hidden state.",
  ),
  makeChunk(
    "tools",
    "Explainability",
    "Learn SHAP and LIME to understand which features influence predictions. For tabular data, boosted trees and Random Forests are usually the strongest starting point.",
  ),
  makeRow("xgb", "Algorithm Comparison Table", [
    ["Algorithm", "XGBoost"],
    ["Type", "Ensemble"],
    ["When to Use", "High-performance structured data"],
  ]),
];
const statistics = new CorpusStatistics(chunks);
const retrieved = (...ids: string[]): RetrievedChunk[] =>
  chunks
    .filter((chunk) => ids.includes(chunk.id))
    .map((chunk) => ({ chunk, score: 1, dense: 0.5, lexical: 1 }));

describe("workingThing", () => {
  it("finds the thing a plain how-does-it-work question asks about", () => {
    expect(workingThing("how does backpropagation work", statistics)?.phrase).toBe(
      "backpropagation",
    );
    expect(workingThing("so how does self-attention work?", statistics)?.phrase).toBe(
      "self-attention",
    );
    expect(workingThing("how does a gradient descent work", statistics)?.phrase).toBe(
      "gradient descent",
    );
    expect(
      workingThing("How does backpropagation perform its update in one pass?", statistics)?.phrase,
    ).toBe("backpropagation");
  });

  it("reads combine, update, fine-tune and 'so fast' as asking how a thing works", () => {
    expect(workingThing("How does a random forest combine its trees?", statistics)?.phrase).toBe(
      "random forest",
    );
    expect(workingThing("how does gradient descent update the weights", statistics)?.phrase).toBe(
      "gradient descent",
    );
    expect(workingThing("how is xgboost so fast", statistics)?.phrase).toBe("xgboost");
    expect(
      workingThing("how does LoRA fine-tune an LLM w/o updating all the weights", statistics)
        ?.phrase,
    ).toBe("LoRA");
  });

  it("skips 'exactly', 'actually' and 'really' around the thing", () => {
    expect(
      workingThing("How exactly does the Kolmogorov–Smirnov test detect a drift?", statistics)
        ?.phrase,
    ).toBe("Kolmogorov–Smirnov test");
    expect(workingThing("how does backpropagation actually work", statistics)?.phrase).toBe(
      "backpropagation",
    );
  });

  it("marks a thing the corpus lacks a word of as not named", () => {
    expect(workingThing("how does backpropagation work", statistics)?.named).toBe(true);
    const unnamed = workingThing("how does collaborative filtering work", statistics);
    expect(unnamed?.phrase).toBe("collaborative filtering");
    expect(unnamed?.named).toBe(false);
    // No passage explains it, so it is refused like a thing only named.
    expect(explainsThing(unnamed?.sides ?? [], retrieved("backprop", "listed"))).toBe(false);
  });

  it("finds none for the learner's own steps or a deeper request", () => {
    expect(workingThing("how do i make backpropagation work", statistics)).toBeUndefined();
    // The parts of the plan are laid out, not at work.
    expect(
      workingThing("and how are the weeks split up in that month", statistics),
    ).toBeUndefined();
    expect(
      workingThing("how does backpropagation work mathematically", statistics),
    ).toBeUndefined();
    expect(workingThing("what is backpropagation", statistics)).toBeUndefined();
  });
});

describe("explainsThing", () => {
  const explains = (question: string, ...ids: string[]) => {
    const thing = workingThing(question, statistics);
    if (thing === undefined) throw new Error(`no thing in "${question}"`);
    return explainsThing(thing.sides, retrieved(...ids));
  };

  it("holds when a sentence opens with the thing or has it act", () => {
    expect(explains("how does backpropagation work", "backprop")).toBe(true);
    expect(explains("how does self-attention work", "attention")).toBe(true);
    // The tagger reads "updates" as a noun; the thing still acts on "model parameters".
    expect(explains("how does gradient descent work", "math")).toBe(true);
    // Its short name in brackets after the opening words names it too.
    expect(explains("how do RNNs work", "rnn")).toBe(true);
    // A passage headed by it is about it.
    expect(explains("how do CNNs work", "cnn")).toBe(true);
    // British and American spellings alike.
    expect(explains("how does batch normalization work", "regularisation")).toBe(true);
  });

  it("fails when the passages only list the thing or give it a table row", () => {
    expect(explains("how does dropout work", "listed")).toBe(false);
    expect(explains("how does xgboost work", "xgb")).toBe(false);
    expect(explains("how does backpropagation work", "listed", "xgb")).toBe(false);
    // A sentence that only names it ("Learn SHAP and LIME…") or says what it is ("… are
    // usually the strongest starting point") does not explain how it works.
    expect(explains("how does SHAP work", "tools")).toBe(false);
    expect(explains("how do random forests work", "tools")).toBe(false);
  });
});
