import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { enumerationItems, saysColumnOf, TableColumns } from "../../src/answer/table-columns.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const ALGORITHMS = "Algorithm Comparison Table";
const chunks = [
  makeRow("xgb", ALGORITHMS, [
    ["Algorithm", "XGBoost"],
    ["Type", "Ensemble"],
    ["Key Hyperparameters", "learning_rate, n_estimators, max_depth"],
  ]),
  makeRow("lgbm", ALGORITHMS, [
    ["Algorithm", "LightGBM"],
    ["Type", "Ensemble"],
    ["Key Hyperparameters", "num_leaves, learning_rate"],
  ]),
  makeRow("boosting", "Tools Reference", [
    ["Category", "Boosting"],
    ["Tools", "XGBoost, LightGBM, CatBoost"],
  ]),
  makeChunk("trees", "Tabular Data", "Gradient-boosted trees such as CatBoost suit tabular data."),
  makeRow("svm", ALGORITHMS, [
    ["Algorithm", "SVM"],
    ["Type", "Supervised"],
    ["Key Hyperparameters", "C, kernel, gamma"],
  ]),
  makeRow("probability", "Mathematics", [
    ["Area", "Probability"],
    ["What to Learn", "Probability distributions, conditional probability, Bayes theorem"],
  ]),
  makeChunk("rate", "Training", "The learning_rate sets the size of each boosting step."),
  makeChunk(
    "metrics",
    "Evaluating LLMs",
    "For summarization and text generation, learn ROUGE, BLEU, BERTScore, human evaluation, and task datasets. BERTScore and ROUGE differ.",
  ),
  makeRow("pay", "Salary Table", [
    ["Experience", "0–2 years"],
    ["Salary", "4L, 5L"],
  ]),
  makeRow("mistake", "Common Mistakes", [
    ["Mistake", "Chained assignment"],
    ["What goes wrong", "The DataFrame is not updated"],
  ]),
];
const statistics = new CorpusStatistics(chunks);
const columns = new TableColumns(chunks, statistics, new EntityLexicon(chunks));

describe("TableColumns.askedOfUnrowed", () => {
  it("finds a column asked of a thing the tables only name in a cell", () => {
    expect(columns.askedOfUnrowed("catboost key hyperparameters to tune?")).toEqual({
      column: "key hyperparameters",
      term: expect.any(String),
      thing: "catboost",
    });
    expect(columns.askedOfUnrowed("What are CatBoost's hyperparameters")?.thing).toBe("CatBoost");
  });

  it("finds none for a thing with its own row, or a question that asks no column", () => {
    expect(columns.askedOfUnrowed("lightgbm key hyperparameters")).toBeUndefined();
    // A row head named beside it is answered from its row.
    expect(columns.askedOfUnrowed("xgboost vs catboost hyperparameters")).toBeUndefined();
    expect(columns.askedOfUnrowed("what is catboost")).toBeUndefined();
    // "What goes wrong" is named by everyday words ("goes" is judged as written, not as "goe").
    expect(columns.askedOfUnrowed("what goes wrong with catboost")).toBeUndefined();
  });
});

describe("TableColumns.onlyListedAsked", () => {
  it("finds what a word the tables only list does, asked of it", () => {
    expect(columns.onlyListedAsked("what does gamma actually do in svm")).toBe("gamma");
    expect(columns.onlyListedAsked("What does the C hyperparameter in an SVM control?")).toBe("C");
  });

  it("finds none for a word the material explains, heads a row with, or that is not asked", () => {
    // Prose uses learning_rate.
    expect(columns.onlyListedAsked("what does learning_rate do")).toBeUndefined();
    expect(columns.onlyListedAsked("what does xgboost do")).toBeUndefined();
    expect(columns.onlyListedAsked("svm gamma value for my data")).toBeUndefined();
  });
});

describe("TableColumns.onlyListedAsked, for words prose only enumerates", () => {
  it("finds what a word only enumerated is, does or how it differs from another", () => {
    expect(columns.onlyListedAsked("what does BLEU actually measure")).toBe("BLEU");
    expect(columns.onlyListedAsked("what is bleu?")).toBe("bleu");
    expect(columns.onlyListedAsked("BLEU vs human evaluation diff")).toBeUndefined();
    expect(columns.onlyListedAsked("bleu vs gamma difference?")).toBe('bleu" and "gamma');
  });

  it("finds what a word only enumerated is, asked with a word of emphasis or before another ask", () => {
    expect(columns.onlyListedAsked("what is BLEU exactly?")).toBe("BLEU");
    expect(columns.onlyListedAsked("what is bleu actually and how does it score text")).toBe(
      "bleu",
    );
    expect(columns.onlyListedAsked("what is bleu? how do i compute it")).toBe("bleu");
    // A noun phrase goes on: "bleu score" is not "bleu".
    expect(columns.onlyListedAsked("what is bleu score range")).toBeUndefined();
  });

  it("finds a thing of two words only listed, asked to explain or define, with or without an example", () => {
    expect(columns.onlyListedAsked("explain bayes theorem with a worked example")).toBe(
      "bayes theorem",
    );
    expect(columns.onlyListedAsked("define Bayes theorem?")).toBe("Bayes theorem");
    // "probability" heads the row.
    expect(columns.onlyListedAsked("explain conditional probability")).toBeUndefined();
  });

  it("finds none for figures a learner offers to choose from", () => {
    // The salary table only lists "4L" and "5L"; a learner offering them guesses, not names.
    expect(columns.onlyListedAsked("fresher salary india? 4L or 5L?")).toBeUndefined();
    expect(columns.onlyListedAsked("kernel or gamma?")).toBe('kernel" and "gamma');
  });

  it("finds how to work with a word only enumerated, asked of it", () => {
    expect(columns.onlyListedAsked("how do i use bleu to score my translations")).toBe("bleu");
    expect(columns.onlyListedAsked("whats the exact code to train gamma on my data")).toBe("gamma");
    // How to work with a thing the material explains is answered.
    expect(columns.onlyListedAsked("how to use BERTScore")).toBeUndefined();
  });

  it("finds none for a word another sentence uses, or one that opens or closes the list", () => {
    // "BERTScore and ROUGE differ." names them outside the list.
    expect(columns.onlyListedAsked("what is BERTScore")).toBeUndefined();
    expect(columns.onlyListedAsked("what is ROUGE")).toBeUndefined();
    // Not asked what it is.
    expect(columns.onlyListedAsked("should i learn bleu")).toBeUndefined();
  });
});

describe("enumerationItems", () => {
  it("gives the pieces between the lead-in and the last piece of a run of short pieces", () => {
    expect(
      enumerationItems(
        "For summarization and text generation, learn ROUGE, BLEU, BERTScore, human evaluation, and more.",
      ),
    ).toEqual(["learn ROUGE", "BLEU", "BERTScore", "human evaluation"]);
    expect(
      enumerationItems("Trees (XGBoost, LightGBM) suit tabular data, as the study shows."),
    ).toEqual([]);
  });
});

describe("saysColumnOf", () => {
  it("holds when one sentence or row names both the thing and the column's word", () => {
    const asked = columns.askedOfUnrowed("catboost key hyperparameters") as NonNullable<
      ReturnType<TableColumns["askedOfUnrowed"]>
    >;
    expect(saysColumnOf(asked, ["CatBoost's key hyperparameters are depth and iterations."])).toBe(
      true,
    );
    expect(
      saysColumnOf(asked, [
        "Gradient-boosted trees such as CatBoost suit tabular data.",
        "Key Hyperparameters: learning_rate, n_estimators",
      ]),
    ).toBe(false);
  });
});
