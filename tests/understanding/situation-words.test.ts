import { describe, expect, it } from "vitest";
import { questionTerms } from "../../src/answer/gate-features.ts";
import { learnerLexicon } from "../../src/understanding/learner-lexicon.ts";
import { situationExpansions } from "../../src/understanding/situation-words.ts";

const named = (question: string) =>
  situationExpansions(question, learnerLexicon()).flatMap(({ alternatives }) => alternatives);

describe("situationExpansions", () => {
  it("names what a learner describes in their own words", () => {
    expect(named("my churn model has 97% accuracy but only 3% of customers are churners")).toEqual([
      "imbalanced",
    ]);
    expect(named("95% accuracy and only 2% are spam, am i done?")).toEqual(["imbalanced"]);
    expect(named("98% accuracy, only about 1% of transactions in my data are fraud")).toEqual([
      "imbalanced",
    ]);
    expect(named("my fraud model shows 99.2% accuracy but catches almost no fraud")).toEqual([
      "imbalanced",
    ]);
    expect(named("it works fine on my machine but crashes on my colleague's laptop")).toEqual([
      "dependency mismatch",
    ]);
    expect(named("my cnn is perfect on training data but terrible on anything new")).toEqual([
      "overfitting",
    ]);
    expect(named("after joining two tables i get way more rows, why")).toEqual(["duplicate keys"]);
    expect(named("99% on the test set but awful once deployed to production")).toEqual([
      "data leakage",
    ]);
    expect(named("scored amazing offline but tanked once real users hit it")).toEqual([
      "data leakage",
    ]);
    expect(named("scores are amazing in jupyter but it flops once it's live")).toEqual([
      "data leakage",
    ]);
    expect(named("marketing only looks at churn scores once a week")).toEqual(["batch prediction"]);
    expect(named("i get different accuracy every run, why")).toEqual(["random seeds"]);
    // Who a learner fears they must be, in the material's words.
    expect(named("do i have to be some kind of equations wizard before I start")).toEqual([
      "mathematician",
    ]);
    expect(named("do i need to be a math genius for ML")).toEqual(["mathematician"]);
    expect(named("do i need to be a leetcode god / cp grinder to get into ML")).toEqual([
      "competitive programming mastery",
    ]);
    expect(named("which math topics should a genius skip")).toEqual([]);
    // A container reached from the browser, in more of the ways learners put it.
    expect(named("docker container runs fine but i cant hit the api from my browser smh")).toEqual([
      "listen on 0.0.0.0 reached from outside the container",
    ]);
    expect(
      named(
        "i built the image and it runs, but when i hit the api from my browser nothing happens",
      ),
    ).toEqual(["listen on 0.0.0.0 reached from outside the container"]);
    expect(named("my image classifier can't load the weights")).toEqual([]);
    // Sharing an environment through Git, which the material answers with .gitignore.
    expect(
      named("should I push my .venv folder to github so my teammates get the same packages?"),
    ).toEqual(["gitignore the environment is never committed"]);
    expect(named("my .venv is huge, how do i delete it")).toEqual([]);
    // The majority class told instead of the rare one.
    expect(named("my fraud dataset is like 99% legit transactions, is accuracy fine?")).toEqual([
      "imbalanced",
    ]);
    expect(named("why cant i just go by accuracy when like 95% of my rows are one class")).toEqual([
      "imbalanced",
    ]);
    expect(named("my model is 95% done, what next")).toEqual([]);
    expect(named("how do i get identical train/test splits each time i run it")).toEqual([
      "random seeds",
    ]);
    expect(named("is dropout still active when i run predictions on the test set")).toEqual([
      "turned off model.eval()",
    ]);
    expect(named("during evaluation is dropout on")).toEqual(["turned off model.eval()"]);
    expect(named("how much dropout should i use")).toEqual([]);
    expect(named("my for loop over 3 million rows takes forever")).toEqual(["vectorised"]);
    expect(named("which industries need you to justify a model's decisions")).toEqual([
      "explainability",
    ]);
    expect(named("a chatbot that answers questions over my own pdfs")).toEqual([
      "RAG question-answering",
    ]);
    expect(named("one column is in rupees and another in centimetres")).toEqual([
      "feature scaling",
    ]);
    expect(named("i only have 600 photos of leaves")).toEqual(["transfer learning"]);
    expect(named("api runs fine inside docker but i can't access it from my browser")).toEqual([
      "listen on 0.0.0.0 reached from outside the container",
    ]);
    expect(named("i can't connect to my container from the host")).toEqual([
      "listen on 0.0.0.0 reached from outside the container",
    ]);
    expect(named("i did pip install scikit-learn but still ModuleNotFoundError")).toEqual([
      "installing packages outside the active environment python -m pip",
    ]);
    expect(named("api is up, no errors, but the predictions look off lately")).toEqual([
      "fail quietly service keeps answering predictions get worse",
    ]);
    expect(named("my fraud data has like 1% frauds and the model shows 99%")).toEqual([
      "imbalanced",
    ]);
    expect(named("98% in my notebook but it fell apart on the live app")).toEqual(["data leakage"]);
    expect(named("how can I tell I've done enough of the basics and can move on")).toEqual([
      "milestone ready to move on",
    ]);
    expect(named("finished with the python part, can move on now?")).toEqual([
      "milestone ready to move on",
    ]);
    expect(named("how do i actually know im job ready and not just fooling myself")).toEqual([
      "job-ready",
    ]);
    expect(named("How will I know I'm ready to start applying for ML jobs?")).toEqual([
      "job-ready",
    ]);
    // How long a step takes is not whether the learner is done with it.
    expect(named("how long do i spend on step 1 before moving on")).toEqual([]);
  });

  it("names a concept the learner describes instead of naming it", () => {
    expect(named("the kind of learning where a program tries actions and gets points")).toEqual([
      "reinforcement learning rewards actions",
    ]);
    expect(named("how does it work out how much each weight was to blame")).toEqual([
      "backpropagation gradients",
    ]);
    expect(named("nudging its settings in whichever direction makes its mistakes smaller")).toEqual(
      ["gradient descent loss"],
    );
    expect(
      named("two projects, one needs an older version of pandas, the other the newest"),
    ).toEqual(["virtual environment"]);
    expect(named("tools that automatically try lots of models and settings")).toEqual(["AutoML"]);
    expect(named("sort customers into groups but nobody has told me what the groups are")).toEqual([
      "unsupervised learning clustering",
    ]);
    expect(named("it memorises the examples, or it's so simple it misses everything")).toEqual([
      "bias variance",
    ]);
    expect(named("how can I find out which inputs pushed the model to that decision")).toEqual([
      "explainability",
    ]);
    expect(named("I scale all columns on the entire dataset and then split")).toEqual([
      "data leakage",
    ]);
    expect(
      named("the people sending requests now look different from the ones it learned from"),
    ).toEqual(["data drift"]);
  });

  it("keeps the words that describe it, so the question still says what the learner wrote", () => {
    expect(
      situationExpansions("only 1% are fraud, is 98% accuracy good", learnerLexicon()),
    ).toEqual([
      { word: "1% are fraud", alternatives: ["imbalanced"], source: "lexicon", situation: true },
    ]);
  });

  it("reads nothing into questions that only mention the same words", () => {
    expect(named("what accuracy should a fraud model reach")).toEqual([]);
    expect(named("how do i merge two dataframes on a key")).toEqual([]);
    expect(named("does my laptop need a gpu for training")).toEqual([]);
    expect(named("what is overfitting")).toEqual([]);
    expect(named("what is batch prediction")).toEqual([]);
    expect(named("how do learning curves show overfitting or underfitting")).toEqual([]);
    expect(named("what is reinforcement learning")).toEqual([]);
  });
});

describe("a described situation in the gate's question terms", () => {
  it("lets the material's word for it cover each word that describes it", () => {
    const understoodAs = "which industries need you to justify a model's decisions";
    const terms = questionTerms({
      understoodAs,
      expansions: situationExpansions(understoodAs, learnerLexicon()),
      unknownTopics: [],
    });
    const justify = terms.find((term) => term.word === "justify");
    expect(justify?.alternatives).toContain("explain");
    expect(terms.find((term) => term.word === "industries")?.alternatives).toEqual([]);
  });
});
