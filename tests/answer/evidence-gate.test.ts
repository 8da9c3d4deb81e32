import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { EvidenceGate, figureRequest } from "../../src/answer/evidence-gate.ts";
import { type FigureRequest, suppliesFigure } from "../../src/answer/figure-request.ts";
import {
  GATE_FEATURE_NAMES,
  type GateFeatures,
  unnamedKind,
} from "../../src/answer/gate-features.ts";
import type { RefusalModel } from "../../src/answer/refusal-model.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { Retrieval } from "../../src/retrieval/retriever.ts";
import { comparedSides } from "../../src/text/compared-sides.ts";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";
import { makeChunk } from "../support/chunks.ts";

describe("figureRequest", () => {
  it("asks for money when a question asks what something costs", () => {
    expect(figureRequest("How much does the Hugging Face course cost?")?.type).toBe("money");
    expect(figureRequest("What salary can an ML engineer expect?")?.type).toBe("money");
    // What people make is their pay; what a technique makes possible is not.
    expect(figureRequest("what do they make in the us")?.type).toBe("money");
    expect(figureRequest("what do data scientists make")?.type).toBe("money");
    expect(figureRequest("What does federated learning make possible?")).toBeUndefined();
    // "LPA" (lakhs per annum) and "CTC" (cost to company) are how Indian learners name a salary.
    expect(figureRequest("NLP engineer - how many LPA? 6–12 or more?")?.type).toBe("money");
    expect(figureRequest("what ctc for a fresher ml engineer")?.type).toBe("money");
    // Pay or a package at an employer is a salary; a Python package is not.
    expect(figureRequest("whats the starting pay at google for ML freshers")?.type).toBe("money");
    expect(figureRequest("ML engineer package at Google Bengaluru for 3 years")?.type).toBe(
      "money",
    );
    expect(figureRequest("which python package should i install for plots")).toBeUndefined();
    // A package in a country or city is a salary (Indian English).
    expect(figureRequest("which one is having better package in india?")?.type).toBe("money");
    expect(figureRequest("ML fresher package in bangalore how many lakhs?")?.type).toBe("money");
    // A percentage of a salary is a share, which no salary band gives.
    expect(
      figureRequest("By what percentage do machine learning salaries in India grow each year?")
        ?.type,
    ).toBe("share");
    // A difference asked "by how much" is given only by a factor or a share.
    const difference = figureRequest("is GRU really faster to train than LSTM, and by how much?");
    expect(difference).toEqual({ type: "setting", words: [], difference: true });
    const asked = difference as FigureRequest;
    expect(
      suppliesFigure(asked, "| Tanh | A value between -1 and 1 | Inside LSTM and GRU cells |"),
    ).toBe(false);
    expect(suppliesFigure(asked, "GRUs train about 1.5x faster than LSTMs on long inputs.")).toBe(
      true,
    );
    // A good target for a measure is a setting of it.
    expect(figureRequest("whats a good p99 latency target in ms for a fraud model")).toEqual({
      type: "setting",
      words: ["latency"],
    });
    // A value asked in a unit of measure is a setting of the measure named before the unit.
    const latency = figureRequest("what p99 latency in ms is ok for a fraud api");
    expect(latency).toEqual({ type: "setting", words: ["latency"] });
    expect(figureRequest("what latency is acceptable in ms")).toEqual({
      type: "setting",
      words: [],
    });
    // Digits inside a name ("p50", "p99") are no figure.
    expect(
      suppliesFigure(
        latency as FigureRequest,
        "Report latency as percentiles such as p50, p95 and p99, because averages hide the slow requests users notice.",
      ),
    ).toBe(false);
    expect(suppliesFigure(latency as FigureRequest, "Keep p99 latency under 200 ms.")).toBe(true);
    // The value a metric should reach is a setting of that metric; what it means is not.
    expect(
      figureRequest("what accuracy shud my churn model reach to be called good enough for prod"),
    ).toEqual({ type: "setting", words: ["accuracy"] });
    expect(figureRequest("which f1 score do i need to hit for fraud")).toEqual({
      type: "setting",
      words: ["f1"],
    });
    expect(figureRequest("what accuracy metric should i use")).toBeUndefined();
    expect(figureRequest("what accuracy means for imbalanced data")).toBeUndefined();
    // A target or threshold asked with "what" or "which" is a setting of what is named before it.
    expect(figureRequest("What p99 latency target should a production ML API meet?")).toEqual({
      type: "setting",
      words: ["latency"],
    });
    expect(figureRequest("what F1 threshold should trigger retraining")).toEqual({
      type: "setting",
      words: ["f1"],
    });
    expect(figureRequest("what is the target project")).toBeUndefined();
  });

  it("takes a setting's value only from digits the material recommends, not from an example", () => {
    const batch = figureRequest("what batch size should i use when fine tuning bert");
    expect(batch).toEqual({ type: "setting", words: ["size"] });
    const asked = batch as FigureRequest;
    // "one gradient update" counts nothing to set.
    expect(
      suppliesFigure(
        asked,
        "The batch size is the number of examples used for one gradient update.",
      ),
    ).toBe(false);
    // The premise of a worked example is assumed, not recommended.
    expect(
      suppliesFigure(
        asked,
        "With 10,000 training examples and a batch size of 32, one epoch is 313 update steps, the last one using a smaller batch of 16 examples.",
      ),
    ).toBe(false);
    expect(
      suppliesFigure(asked, "Start with a batch size of 32 and halve it when memory runs out."),
    ).toBe(true);
    // The place of a call in a loop is asked, not a value.
    expect(
      figureRequest("whats the right order of zero_grad / backward / step in the loop?"),
    ).toBeUndefined();
    expect(figureRequest("ideal num_leaves for lightgbm")).toEqual({
      type: "setting",
      words: ["num", "leaves"],
    });
  });

  it("asks a setting for the best version or rate, not for the best way", () => {
    expect(figureRequest("best yolo version for object detection project")).toEqual({
      type: "setting",
      words: ["version"],
    });
    expect(figureRequest("best learning rate for adam")).toEqual({
      type: "setting",
      words: ["rate"],
    });
    expect(figureRequest("best way to learn ml")).toBeUndefined();
    // A setting named by one letter: "optimal k", "default value of C"; not "loan default i".
    expect(figureRequest("optimal k for kmeans how")).toEqual({ type: "setting", words: ["k"] });
    expect(figureRequest("what is the default value of C in sklearn LogisticRegression")).toEqual({
      type: "setting",
      words: ["c"],
    });
    expect(figureRequest("best k-fold split for small data")).toBeUndefined();
    // "what kind of learning rate" asks what sort (a small one), not a value.
    expect(figureRequest("what kind of learning rate goes with fine-tuning")).toBeUndefined();
  });

  it("asks a point in the plan for 'which month', given by 'Month 6–8', not by a duration", () => {
    const request = figureRequest("which month do i start deep learning");
    expect(request).toEqual({ type: "time", words: [], point: true });
    const asked = request as FigureRequest;
    expect(suppliesFigure(asked, "Step 4 | Month 6–8 | Deep learning and advanced ML")).toBe(true);
    expect(suppliesFigure(asked, "Week 2 — focus: MLflow tracking")).toBe(true);
    expect(suppliesFigure(asked, "Complete Beginner — expected timeline: 12–15 months")).toBe(
      false,
    );
  });

  it("asks a date for 'when was it launched' or 'which year', given by a year", () => {
    for (const question of [
      "When was the TensorFlow Developer Certificate first launched?",
      "which year did the attention is all you need paper come out",
      "when did pandas 3 come out",
      "since when is pytorch the default",
    ]) {
      expect(figureRequest(question)?.type, question).toBe("date");
    }
    // When to do something in the plan is not a date in history.
    expect(figureRequest("when should i start deep learning")).toBeUndefined();
    // The start of a course's next batch is a date, too; not a step's start in the plan.
    expect(figureRequest("when is the next batch of the scaler course starting")?.type).toBe(
      "date",
    );
    expect(figureRequest("when does step 4 start")).toBeUndefined();
    const date = figureRequest("when was it introduced") as FigureRequest;
    expect(suppliesFigure(date, 'The Transformer, introduced in the 2017 paper "Attention…"')).toBe(
      true,
    );
    expect(suppliesFigure(date, "TensorFlow Developer Certificate | TensorFlow | Beginner")).toBe(
      false,
    );
  });

  it("asks the date of an event, given by a year or release told with an event", () => {
    const released = figureRequest("In which year was PyTorch first released?") as FigureRequest;
    expect(released).toEqual({ type: "date", words: [], event: true });
    // The year the material is written for dates no release.
    expect(suppliesFigure(released, "PyTorch is the better first choice in 2026.")).toBe(false);
    expect(suppliesFigure(released, "PyTorch, released in 2016, is popular.")).toBe(true);
    const deprecated = figureRequest("since when were the stages deprecated") as FigureRequest;
    expect(suppliesFigure(deprecated, "the stages, which MLflow deprecated in version 2.9")).toBe(
      true,
    );
    // A year asked of no event is given by any year.
    const year = figureRequest("what year is this roadmap for") as FigureRequest;
    expect(suppliesFigure(year, "Machine Learning Roadmap 2026")).toBe(true);
  });

  it("asks a value when a question asks what counts as a good score for a measure", () => {
    const rouge = figureRequest("What counts as a good ROUGE score for a summarisation model?");
    expect(rouge).toEqual({ type: "setting", words: ["rouge"] });
    const asked = rouge as FigureRequest;
    expect(suppliesFigure(asked, "For summarization, learn ROUGE, BLEU and BERTScore.")).toBe(
      false,
    );
    expect(suppliesFigure(asked, "A ROUGE-L of 0.4 is a reasonable first target.")).toBe(true);
  });

  it("asks a size when sizes are offered to choose from", () => {
    const ram = figureRequest("is 8gb ram laptop enough or should i get 16gb for ML");
    expect(ram).toEqual({ type: "setting", words: ["gb"] });
    const asked = ram as FigureRequest;
    expect(suppliesFigure(asked, "A laptop CPU is enough for classical ML.")).toBe(false);
    expect(suppliesFigure(asked, "16 GB of memory is comfortable for most projects.")).toBe(true);
    expect(figureRequest("is my 8gb laptop enough for ML")).toBeUndefined();
  });

  it("asks what a setting is, not its value, when the question goes on to ask why it matters", () => {
    expect(figureRequest("what is the learning rate and why does it matter so much?")).toBe(
      undefined,
    );
    expect(
      figureRequest("different topic: what is the learning rate and why does it matter?"),
    ).toBeUndefined();
    expect(figureRequest("what learning rate should i use and why")?.type).toBe("setting");
    // What goes wrong at an extreme is asked, not a value.
    expect(figureRequest("what's the learning rate thing, too high too low??")).toBeUndefined();
  });

  it("asks a setting for 'exact learning rate', not for 'the exact same data version'", () => {
    expect(figureRequest("exact learning rate for fine tuning bert - 2e-5 or 5e-5?")).toEqual({
      type: "setting",
      words: ["rate"],
    });
    expect(figureRequest("ideal batch size for bert")?.type).toBe("setting");
    expect(figureRequest("how does a teammate get the exact same data version")).toBeUndefined();
  });

  it("asks for money when pay is compared or asked as what someone gets", () => {
    expect(figureRequest("DS vs MLE which pays more in india")?.type).toBe("money");
    expect(figureRequest("who earns the most")?.type).toBe("money");
    expect(figureRequest("What does an ML engineer earn at Google India?")?.type).toBe("money");
    expect(
      figureRequest("ml engineer with 3 yrs exp, how much more do they get in bengaluru")?.type,
    ).toBe("money");
    expect(figureRequest("how much data do i need")?.type).not.toBe("money");
  });

  it("asks for money when a question sets a price limit, not a count or a time limit", () => {
    expect(figureRequest("best gaming laptop under 70,000?")?.type).toBe("money");
    expect(figureRequest("which cert under 200 dollars")?.type).toBe("money");
    expect(figureRequest("gpu under $500")?.type).toBe("money");
    expect(figureRequest("is xgboost ok for under 10,000 rows")).toBeUndefined();
    expect(figureRequest("can i learn ml in under 3 months")).toBeUndefined();
    expect(figureRequest("what changed under 2024 rules")).toBeUndefined();
  });

  it("asks no figure when what raises a salary is asked, unless it asks by how much", () => {
    expect(figureRequest("which mlops skills boost salary")).toBeUndefined();
    expect(
      figureRequest("Which factors does the roadmap say push ML salaries higher?"),
    ).toBeUndefined();
    expect(
      figureRequest("what things actually increase ML salary, like what skills"),
    ).toBeUndefined();
    expect(figureRequest("how much will the aws cert increase my salary")?.type).toBe("money");
  });

  it("asks for money when a thing's pricing is asked, not a dataset's", () => {
    expect(
      figureRequest("How is AWS SageMaker priced for real-time inference endpoints?")?.type,
    ).toBe("money");
    expect(figureRequest("sagemaker pricing for a small team?")?.type).toBe("money");
    expect(figureRequest("how do i clean the pricing column in pandas")).toBeUndefined();
  });

  it("asks a price per month or per token as a rate, which a one-off price does not give", () => {
    const monthly = figureRequest("how much does sagemaker cost per month for a small project");
    expect(monthly).toEqual({ type: "money", words: [], rate: true });
    expect(figureRequest("openai api cost per 1,000 tokens approx?")?.rate).toBe(true);
    expect(figureRequest("how much does the aws ml cert cost")?.rate).toBeUndefined();
    if (monthly === undefined) return;
    expect(
      suppliesFigure(monthly, "AWS Certified Machine Learning – Specialty | AWS | ~$300"),
    ).toBe(false);
    // A salary per annum answers a salary asked per month.
    const salary = figureRequest("fresher salary per month in india");
    if (salary === undefined) throw new Error("expected a money request");
    expect(suppliesFigure(salary, "0–2 years | Junior ML Engineer | ₹4.4L–5L PA")).toBe(true);
  });

  it("asks for time for hours per week and how long", () => {
    expect(figureRequest("How many hours per week should I study?")).toEqual({
      type: "time",
      words: ["hours", "week"],
    });
    expect(figureRequest("How long does it take to become job-ready?")?.type).toBe("time");
  });

  it("asks for a setting named before 'how much' ('lora rank how much set')", () => {
    expect(figureRequest("lora rank how much set needed for fine tuning")).toEqual({
      type: "setting",
      words: ["rank"],
    });
  });

  it("asks for the value of a parameter named as code, which a row only listing it lacks", () => {
    for (const question of [
      "ideal num_leaves for lightgbm",
      "whats the default num_leaves in lightgbm if i dont set it",
      "num_leaves value for a small dataset?",
    ]) {
      expect(figureRequest(question), question).toEqual({
        type: "setting",
        words: ["num", "leaves"],
      });
    }
    const row = "LightGBM | Ensemble | Large tabular datasets | num_leaves, learning_rate";
    expect(suppliesFigure({ type: "setting", words: ["num", "leaves"] }, row)).toBe(false);
    // What the parameter does is asked, not its value.
    expect(figureRequest("what does num_leaves do")).toBeUndefined();
    // "default" leads a setting noun too: the port is asked.
    expect(figureRequest("grafana default port")).toEqual({ type: "setting", words: ["port"] });
    // So do "standard", "usual" and "typical": a value is asked.
    expect(figureRequest("does early stopping have a standard patience value")).toEqual({
      type: "setting",
      words: ["patience"],
    });
  });

  it("asks for the people behind a work, which only a sentence naming them gives", () => {
    const request = figureRequest("who are the authors of attention is all you need paper");
    expect(request).toEqual({ type: "person", words: [] });
    if (request === undefined) return;
    expect(
      suppliesFigure(
        request,
        'The Transformer, introduced in the 2017 paper "Attention Is All You Need", relies on attention.',
      ),
    ).toBe(false);
    expect(
      suppliesFigure(
        request,
        "A 2022 NeurIPS benchmark study by Grinsztajn, Oyallon and Varoquaux",
      ),
    ).toBe(true);
    expect(figureRequest("who is this roadmap for")).toBeUndefined();
    expect(figureRequest("who came up with dropout originally, which paper?")?.type).toBe("person");
    expect(figureRequest("who developed xgboost")?.type).toBe("person");
  });

  it("asks for the people who teach or run a course", () => {
    expect(
      figureRequest("Who teaches the DeepLearning.AI Deep Learning Specialization?")?.type,
    ).toBe("person");
    expect(figureRequest("program duration in months and who are the mentors?")?.type).toBe(
      "person",
    );
    expect(figureRequest("who is the instructor of the hugging face course")?.type).toBe("person");
    // Who the course is for is not a person asked for.
    expect(figureRequest("who is the deep learning specialization for")).toBeUndefined();
  });

  it("takes 'one epoch is …' for a definition of a unit, not a count of epochs", () => {
    const epochs = figureRequest("how many epochs to fine tune bert - 3, 10 or 20?");
    if (epochs === undefined) throw new Error("expected a count request");
    expect(
      suppliesFigure(
        epochs,
        "With 10,000 training examples and a batch size of 32, one epoch is 313 update steps.",
      ),
    ).toBe(false);
    expect(suppliesFigure(epochs, "Fine-tune BERT for 3 epochs.")).toBe(true);
    // One of a thing that is not defined still counts.
    const deployed = figureRequest("how many projects should be deployed");
    if (deployed === undefined) throw new Error("expected a count request");
    expect(suppliesFigure(deployed, "At least one project should be deployed.")).toBe(true);
  });

  it("takes no decimal for a count: a learning rate before 'epochs' in code counts no epochs", () => {
    const epochs = figureRequest("how many epochs to fine tune bert - 3, 10 or 20?");
    if (epochs === undefined) throw new Error("expected a count request");
    expect(
      suppliesFigure(epochs, 'for example {"learning_rate": 0.01, "epochs": 20}, and is the way'),
    ).toBe(false);
    expect(suppliesFigure(epochs, "Train for 2 epochs with a learning rate of 0.01.")).toBe(true);
  });

  it("answers 'how many days' with a time in weeks, and 'hours per week' only with both", () => {
    const days = figureRequest("house price project how many days to build?");
    if (days === undefined) throw new Error("expected a time request");
    expect(suppliesFigure(days, "House Price Predictor | Beginner | 1–2 weeks")).toBe(true);
    expect(suppliesFigure(days, "Career Switcher | 12–18 months")).toBe(false);
    const perWeek = figureRequest("How many hours per week should I study?");
    if (perWeek === undefined) throw new Error("expected a time request");
    expect(suppliesFigure(perWeek, "House Price Predictor | Beginner | 1–2 weeks")).toBe(false);
  });

  it("asks no money when a price is an example or a value in the learner's data", () => {
    expect(
      figureRequest(
        "When the computer guesses a number like a price versus picks a label, what are those two kinds of jobs called?",
      ),
    ).toBeUndefined();
    expect(
      figureRequest("How do I boil one giant table down to the typical house price in each city?"),
    ).toBeUndefined();
    expect(figureRequest("what is the price of the aws ml cert")?.type).toBe("money");
    expect(figureRequest("NLP engineer pay in india what's the range")?.type).toBe("money");
    expect(figureRequest("does learning mlops pay off")).toBeUndefined();
  });

  it("does not read a figure into everyday phrases like 'all day'", () => {
    expect(figureRequest("I code all day, is Python enough?")).toBeUndefined();
    // A time told, not asked: "after a day" is when the files went.
    expect(figureRequest("my colab files disappeared after a day")).toBeUndefined();
    expect(figureRequest("how many hours a day should i study")?.type).toBe("time");
    expect(figureRequest("can i finish step 1 in a month")?.type).toBe("time");
    // A length guessed asks a length: "is it 6 months long?".
    expect(figureRequest("is scaler's advanced ai ml program 6 months long?")?.type).toBe("time");
    // A time told about the learner or a schedule: "half a year of savings", "every month".
    expect(
      figureRequest("i have maybe half a year of savings. what should i actually focus on"),
    ).toBeUndefined();
    expect(
      figureRequest("whats the downside of retraining on a fixed schedule every month"),
    ).toBeUndefined();
  });

  it("reads no figure into pasted code ('df[\"price\"]' names a column)", () => {
    expect(
      figureRequest('df["price"][mask] = 0 is not changing anything, is pandas buggy??'),
    ).toBeUndefined();
    expect(
      figureRequest("what does `price.mean()` return, and what is the price of the course")?.type,
    ).toBe("money");
  });

  it("reads no money into a name ('house price predictor', 'the price column')", () => {
    expect(figureRequest("house price predictor project takes how long, 1–2 weeks?")?.type).toBe(
      "time",
    );
    expect(figureRequest("my price column has commas, how do i fix it")).toBeUndefined();
    expect(figureRequest("what is the price of the course")?.type).toBe("money");
  });

  it("asks for no figure when a question asks what is covered or what a figure depends on", () => {
    expect(figureRequest("does this roadmap also cover salary expectations?")).toBeUndefined();
    expect(figureRequest("how long it takes for me depends on what exactly?")).toBeUndefined();
    expect(figureRequest("what salary can I expect?")?.type).toBe("money");
  });

  it("asks for a time for a duration, a score for a pass mark, an amount for 'by how much'", () => {
    expect(figureRequest("tensorflow certificate exam duration?")?.type).toBe("time");
    expect(figureRequest("whats the passing score for the aws exam")?.type).toBe("setting");
    expect(figureRequest("is mamba faster than conda and by how much")?.type).toBe("setting");
    expect(figureRequest("how much faster is lightgbm")?.type).toBe("setting");
  });

  it("asks a difference for 'how big was the gap' and a frequency for 'how often should'", () => {
    expect(figureRequest("how big was the accuracy gap they found")).toEqual({
      type: "setting",
      words: [],
      difference: true,
    });
    const often = figureRequest("how often should that scheduled job run, daily or weekly?");
    expect(often).toEqual({ type: "time", words: [], frequency: true });
    if (often === undefined) return;
    expect(suppliesFigure(often, "Schedule: Retrain every month on the latest data")).toBe(true);
    expect(
      suppliesFigure(often, "Run it in a scheduled job and send alerts when drift is found."),
    ).toBe(false);
    // How often a category occurs is what a plot shows, not a frequency asked for.
    expect(
      figureRequest("which seaborn plot shows how often each category occurs"),
    ).toBeUndefined();
  });

  it("asks a value for values offered to choose from and for an 'exact lr'", () => {
    expect(figureRequest("exact lr for unfreezing layers when fine-tuning? 1e-4 or 1e-5?")).toEqual(
      {
        type: "setting",
        words: ["rate"],
      },
    );
    expect(figureRequest("should i fine-tune BERT for three epochs or five epochs?")).toEqual({
      type: "setting",
      words: ["epochs"],
    });
    expect(figureRequest("so what exact lr should i use for fine tuning bert then")?.words).toEqual(
      ["rate"],
    );
    // Kinds of schedule, not a value.
    expect(figureRequest("what lr schedules do people commonly use?")).toBeUndefined();
  });

  it("asks no setting for values in the data ('which one counts missing values')", () => {
    expect(
      figureRequest("whats the diff between isna and isnull, which one counts missing values"),
    ).toBeUndefined();
    expect(
      figureRequest("how do i handle missing ages, and from which data should fill values come"),
    ).toBeUndefined();
    expect(figureRequest("what dropout value should i use")).toEqual({
      type: "setting",
      words: ["dropout"],
    });
  });

  it("takes no year for the count asked ('how many attention heads' is not '2017')", () => {
    const request = figureRequest("how many attention heads does bert base have");
    expect(request?.type).toBe("count");
    if (request === undefined) return;
    const paper = 'The Transformer, introduced in the 2017 paper "Attention Is All You Need".';
    expect(suppliesFigure(request, paper)).toBe(false);
    expect(suppliesFigure(request, "BERT base has 12 attention heads per layer.")).toBe(true);
  });

  it("counts the thing asked about: a number just before it, of the thing 'them' stands for", () => {
    const projects = figureRequest("how many of those projects should i build");
    expect(projects).toEqual({ type: "count", words: ["projects"] });
    if (projects === undefined) return;
    // A project's build time is no count of projects.
    expect(suppliesFigure(projects, "Project: House Price Predictor; Build Time: 1–2 weeks")).toBe(
      false,
    );
    expect(
      suppliesFigure(projects, "Build 2–3 end-to-end projects that show the whole cycle."),
    ).toBe(true);
    // "them": the projects the message asked about before.
    const deployed = figureRequest(
      "what projects should i build and how many of them need deploying",
    );
    expect(deployed?.words).toContain("project");
    const steps = figureRequest("how many steps are there in the roadmap");
    expect(steps?.type).toBe("count");
    if (steps === undefined) return;
    expect(suppliesFigure(steps, "Here is the recommended 7-step machine learning roadmap:")).toBe(
      true,
    );
  });

  it("counts a kind of thing only where the count names the kind ('how many warm-up steps')", () => {
    const warmUp = figureRequest("how many warm-up steps should i use for a transformer");
    expect(warmUp?.type).toBe("count");
    if (warmUp === undefined) return;
    expect(suppliesFigure(warmUp, "With 10,000 examples one epoch is 313 update steps.")).toBe(
      false,
    );
    expect(suppliesFigure(warmUp, "Use about 500 warm-up steps before the decay begins.")).toBe(
      true,
    );
    // An ordinary word before the thing counts no kind: "how many different models".
    expect(figureRequest("how many different models should i try")?.kind).toBeUndefined();
  });

  it("reads no number inside a name ('F1-score', 'python3'), only a figure", () => {
    const threshold = figureRequest("what F1 threshold should trigger retraining");
    expect(threshold?.type).toBe("setting");
    if (threshold === undefined) return;
    expect(
      suppliesFigure(threshold, "Retrain when measured F1 falls below an agreed threshold"),
    ).toBe(false);
    expect(suppliesFigure(threshold, "Retrain when F1 falls below a threshold of 0.8")).toBe(true);
  });

  it("takes no price for the score or setting asked ('passing score' is not '~$200')", () => {
    const request = figureRequest("what is the passing score for the google ml engineer exam");
    expect(request).toEqual({ type: "setting", words: [] });
    if (request === undefined) return;
    expect(suppliesFigure(request, "Google Professional ML Engineer — approx. cost: ~$200")).toBe(
      false,
    );
    expect(suppliesFigure(request, "You need a score of 700 out of 1000 to pass.")).toBe(true);
  });

  it("asks for a setting for 'what dropout rate'", () => {
    expect(figureRequest("What dropout rate should I use?")).toEqual({
      type: "setting",
      words: ["rate"],
    });
  });

  it("asks for a setting after \"what's\", and a count for 'max number of…'", () => {
    expect(figureRequest("what's the default port for grafana dashboards")).toEqual({
      type: "setting",
      words: ["port"],
    });
    expect(figureRequest("max number of tokens BERT can take as input?")).toEqual({
      type: "count",
      words: ["tokens"],
    });
    // Choosing how many to use asks how many.
    expect(figureRequest("how do i choose the number of clusters for k-means?")).toEqual({
      type: "count",
      words: ["clusters"],
    });
    expect(figureRequest("how to pick the right number of components in pca")).toEqual({
      type: "count",
      words: ["components"],
    });
    // A meaning or a name is asked, not a value.
    expect(figureRequest("what's a batch size")).toBeUndefined();
    expect(figureRequest("whats that number called")).toBeUndefined();
    // Time is budgeted, not money.
    expect(figureRequest("how long should i budget for the rag project")).toEqual({
      type: "time",
      words: [],
    });
    expect(figureRequest("what budget do i need for the aws cert")?.type).toBe("money");
    expect(
      figureRequest("which pandas call tells me how many non-empty values each column has"),
    ).toBeUndefined();
  });

  it("reads the setting's name before a generic noun ('what dropout value' asks for dropout)", () => {
    const request = figureRequest("what dropout value is used in the pytorch example");
    expect(request).toEqual({ type: "setting", words: ["dropout"] });
    if (request === undefined) return;
    expect(suppliesFigure(request, "nn.Linear(20, 64), nn.ReLU(), nn.Dropout(0.2)")).toBe(true);
    expect(suppliesFigure(request, "Use a validation split of 0.2 to tune it.")).toBe(false);
  });

  it("takes a time written as a range of units ('seconds to minutes') as a time given", () => {
    const request = figureRequest("how long does training take for classical ml");
    expect(request?.type).toBe("time");
    if (request === undefined) return;
    expect(suppliesFigure(request, "Training time | Seconds to minutes on typical datasets")).toBe(
      true,
    );
    expect(suppliesFigure(request, "Training takes time, so plan your day.")).toBe(false);
  });

  it("takes a fraction as a share given ('test_size=0.2' answers 'what % goes to test')", () => {
    const request = figureRequest("what % of the data goes to the test set");
    expect(request?.type).toBe("share");
    if (request === undefined) return;
    expect(suppliesFigure(request, "X, y, test_size=0.2, stratify=y, random_state=42)")).toBe(true);
    expect(suppliesFigure(request, "Keep a test set the model never sees.")).toBe(false);
  });

  it("reads a price in a question about working with data as a value, not a sum asked for", () => {
    expect(figureRequest("how do i get the average house price for each city in pandas")).toBe(
      undefined,
    );
    expect(figureRequest("whats the salary of a data scientist who knows sql")?.type).toBe("money");
    expect(figureRequest("how much does the aws cert cost")?.type).toBe("money");
    // A table of prices is data, too.
    expect(
      figureRequest("how do i get the mean and median price per city in a house-price table"),
    ).toBe(undefined);
  });

  it("reads past chat words before the question ('ok: what is a learning rate' asks its meaning)", () => {
    expect(figureRequest("ok: what is a learning rate")).toBeUndefined();
    expect(figureRequest("ok so what learning rate should i use")?.type).toBe("setting");
  });

  it("reads 'how do i check how many…' as asking how to count, not for a figure", () => {
    expect(
      figureRequest("how do i check how many missing values are there in each column"),
    ).toBeUndefined();
    expect(figureRequest("how many models should i train")?.type).toBe("count");
  });

  it("reads 'the house price project' as a project's name, asking its time", () => {
    expect(figureRequest("how long does the house price project take")?.type).toBe("time");
  });

  it("reads 'how much is the X certification' as a price asked, without a money word", () => {
    expect(figureRequest("how much is the google professional ml engineer certification")).toEqual({
      type: "money",
      words: [],
    });
    expect(figureRequest("how much are the coursera courses now")?.type).toBe("money");
    // An amount of something in it, or a time, is no price.
    expect(figureRequest("how much math is in the course")?.type).not.toBe("money");
    expect(figureRequest("how much time does the course take")?.type).not.toBe("money");
  });

  it("reads 'which version of my dataset' as versioning, not a setting", () => {
    expect(
      figureRequest("how do i keep track of which version of my dataset i trained on"),
    ).toBeUndefined();
    expect(figureRequest("which python version should i install")?.type).toBe("setting");
    expect(
      figureRequest(
        "How does a teammate get the exact dataset version that matches the commit they checked out?",
      ),
    ).toBeUndefined();
    expect(figureRequest("what's the exact model version we deployed")).toBeUndefined();
  });

  it("takes no figure from a quoted column name in a pasted error", () => {
    expect(figureRequest("getting KeyError: 'price' when i select the column")).toBeUndefined();
  });

  it("asks for no setting when the setting's meaning or effect is asked", () => {
    expect(figureRequest("what is the learning rate?")).toBeUndefined();
    expect(figureRequest("what's a batch size")).toBeUndefined();
    expect(figureRequest("what happens if the learning rate is too high")).toBeUndefined();
    expect(figureRequest("what learning rate should i use")?.type).toBe("setting");
  });

  it("asks for a count for 'how many models', naming the counted thing", () => {
    const request = figureRequest("How many models should I train?");
    expect(request?.type).toBe("count");
    expect(request?.words).toContain("models");
  });

  it("asks for no figure in a plain question", () => {
    expect(figureRequest("What is a decision tree?")).toBeUndefined();
    expect(figureRequest("Which tools are used for MLOps?")).toBeUndefined();
  });
});

const chunks: Chunk[] = [
  makeChunk(
    "dvc",
    "Step 5 > MLOps Essentials",
    "Tool: DVC; Purpose: Data and model version control; Why It Matters: Tracks datasets and model files alongside Git",
    "table-row",
  ),
  makeChunk(
    "docker",
    "Step 5 > Docker for ML",
    "Docker packages your model, dependencies, runtime, and API into a reproducible container.",
  ),
  makeChunk(
    "timeline",
    "How Long Does It Take to Learn Machine Learning?",
    "A complete beginner usually needs 12 months of structured learning to become project-ready.",
  ),
  makeChunk(
    "dropout",
    "Deep Learning Foundations",
    "Learn regularization techniques such as dropout and batch normalization to reduce overfitting.",
  ),
  makeChunk(
    "python",
    "Programming Skills",
    "Python is the best language to start with because most ML libraries support it.",
  ),
  makeChunk(
    "course",
    "Certifications",
    "The Hugging Face course is a good beginner certification for NLP.",
  ),
  makeChunk(
    "salary",
    "Machine Learning Salary",
    "Experience: 0–2 years; Common Roles: Junior ML Engineer; India Salary Range: ₹6L–12L PA",
    "table-row",
  ),
];
const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
const statistics = new CorpusStatistics(chunks);
const understanding = new QuestionUnderstanding(chunks);

/**
 * A hand-set model, so these tests check the gate's mechanics (signals, reasons, threshold) on a
 * seven-passage corpus; the fitted model's quality is checked on the real index by the eval.
 */
const weights: Partial<Record<keyof GateFeatures, number>> = {
  coverage: 6,
  topDense: 4,
  unknownTopics: -6,
  figureMissing: -6,
  absentSpecificShare: -4,
};
const model: RefusalModel = {
  features: [...GATE_FEATURE_NAMES],
  mean: GATE_FEATURE_NAMES.map(() => 0),
  scale: GATE_FEATURE_NAMES.map(() => 1),
  weights: GATE_FEATURE_NAMES.map((name) => weights[name] ?? 0),
  bias: -4,
  threshold: 0.5,
  fittedOn: { train: [], dev: [], date: "2026-12-02" },
};
const gate = new EvidenceGate(statistics, { model });

/**
 * A gate over the test corpus plus one salary-table row (and `extra` chunks), judging a question
 * whose only retrieved passage is that row.
 */
function judgeOverRow(cells: Array<[string, string]>, extra: Chunk[] = [], dense = 0.3) {
  const row: Chunk = {
    ...makeChunk(
      "band",
      "Machine Learning Salary",
      cells.map(([header, value]) => `${header}: ${value}`).join("; "),
      "table-row",
    ),
    cells: cells.map(([header, value]) => ({ header, value })),
  };
  return judgeOver(row, extra, dense);
}

/**
 * A gate over the test corpus plus `found` (and `extra` chunks), judging a question whose only
 * retrieved passage is `found`.
 */
function judgeOver(found: Chunk, extra: Chunk[] = [], dense = 0.3) {
  const corpus = [...chunks, found, ...extra];
  const foundGate = new EvidenceGate(new CorpusStatistics(corpus), { model });
  const reader = new QuestionUnderstanding(corpus);
  return (question: string) => {
    const understood = reader.understand(question);
    return foundGate.assess(
      {
        question: understood.understoodAs,
        queryVector: [],
        results: [{ chunk: found, score: 1, dense, lexical: 1 }],
      },
      understood,
    );
  };
}

/** A retrieval returning `ids` in rank order with a middling dense similarity. */
function assess(question: string, ids: string[], dense = 0.3) {
  const understood = understanding.understand(question);
  const retrieval: Retrieval = {
    question: understood.understoodAs,
    queryVector: [],
    results: ids.map((id, rank) => {
      const chunk = byId.get(id);
      if (chunk === undefined) throw new Error(`no chunk ${id}`);
      return { chunk, score: 1 - rank / 10, dense, lexical: 1 - rank / 5 };
    }),
  };
  return gate.assess(retrieval, understood);
}

describe("EvidenceGate.assess", () => {
  it("takes the figure from the row of the learner type a learner describes themselves as", () => {
    const judge = judgeOverRow([
      ["Learner Type", "Career Switcher"],
      ["Starting Point", "Non-CS background"],
      ["Expected Timeline", "12–18 months"],
    ]);
    const story =
      "I've worked as an accountant for ten years and my family thinks I'm crazy. realistically how long would it take someone like me to get hired?";
    expect(judge(story).features.figureMissing).toBe(0);
    // Without a description of the learner, the row's figure is not the one asked for.
    expect(
      judge(
        "my family thinks I'm crazy. realistically how long would it take someone like me to get hired?",
      ).features.figureMissing,
    ).toBe(1);
  });

  it("checks the learner's own figure against the material's rather than looking for it", () => {
    const judge = judgeOver(
      makeChunk(
        "python",
        "Install Python",
        "Python 3.11 or newer is a safe choice, because current releases of NumPy and Pandas no longer support older versions.",
      ),
    );
    // "3.9" and "3.10" are nowhere in the material; counted as topics they hide the version given.
    expect(
      judge("which python version for ML, is 3.9 or 3.10 still ok?").features.figureMissing,
    ).toBe(0);
  });

  it("takes a figure from the passages of a story's asking clause, searched on its own", () => {
    const row: Chunk = {
      ...makeChunk(
        "switcher",
        "Who Is This Roadmap For?",
        "Learner Type: Career Switcher; Expected Timeline: 12–18 months",
        "table-row",
      ),
      cells: [
        { header: "Learner Type", value: "Career Switcher" },
        { header: "Expected Timeline", value: "12–18 months" },
      ],
    };
    const corpus = [...chunks, row];
    const rowGate = new EvidenceGate(new CorpusStatistics(corpus), { model });
    const understood = new QuestionUnderstanding(corpus).understand(
      "I've worked as an accountant for ten years, evenings free now. realistically how long would it take someone like me to get hired?",
    );
    const docker = byId.get("docker") as Chunk;
    const retrieval: Retrieval = {
      question: understood.understoodAs,
      queryVector: [],
      results: [{ chunk: docker, score: 1, dense: 0.3, lexical: 1 }],
    };
    expect(rowGate.assess(retrieval, understood).features.figureMissing).toBe(1);
    const focused = [{ chunk: row, score: 1, dense: 0.3, lexical: 1 }];
    expect(rowGate.assess(retrieval, understood, focused).features.figureMissing).toBe(0);
  });

  it("refuses a question about a topic neither corpus nor dictionary knows, naming it", () => {
    const decision = assess("What does Kubernetes do?", ["docker", "dvc"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toContain('"Kubernetes"');
    expect(decision.unknownTopics).toEqual(["Kubernetes"]);
    expect(decision.features.unknownTopics).toBe(1);
  });

  it("measures a figure asked in one part of two against that part's words", () => {
    const transformer = makeChunk(
      "transformer",
      "Sequence Models > Transformers",
      "The Transformer, introduced in the 2017 paper, relies on attention. Self-attention grows quadratically with sequence length, which is why long inputs are expensive.",
    );
    const features = judgeOver(transformer)(
      "when did the transformer paper come out and why are long inputs so expensive for self-attention with long sequence length",
    ).features;
    expect(features.figureMissing).toBe(0);
    // The date's sentence holds most of the first part's words, not of the whole question's.
    expect(features.figureSupport).toBeGreaterThan(0.7);
  });

  it("refuses a question about what interviews ask when no passage gives interview questions", () => {
    const decision = assess("common ml system design interview questions list pls", ["docker"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe("the material says nothing about what interviews ask");
  });

  it("refuses a question about writing a resume when no passage speaks of resumes", () => {
    for (const question of [
      "how to write resume for data analyst role as a fresher",
      "btw totally unrelated, how do i write a cover letter for an ml internship",
    ]) {
      const decision = assess(question, ["docker"]);
      expect(decision.answerable, question).toBe(false);
      expect(decision.reason).toBe(
        "the material says nothing about writing a resume or cover letter",
      );
    }
  });

  it("refuses a question on how long a certification stays valid when no passage says", () => {
    const decision = assess("does the docker certificate expire or is it lifetime?", ["docker"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe("the material does not say how long a certification stays valid");
  });

  it("refuses a request for a book or channel when no passage names one", () => {
    const decision = assess("can you recommend a good book for learning docker", ["docker"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe("the material names no books, podcasts or YouTube channels");
  });

  it("refuses questions on hiring companies, placement promises and the material's date", () => {
    expect(
      assess("which companies in india hire the most docker engineers", ["docker"]).reason,
    ).toBe("the material names no companies that hire");
    expect(assess("does the docker course give a placement guarantee?", ["docker"]).reason).toBe(
      "the material says nothing about placement promises of courses",
    );
    expect(assess("when was this docker guide last updated?", ["docker"]).reason).toBe(
      "the material does not say when it was written or by whom",
    );
  });

  it("refuses a choice between two things the material never names, however well the rest matches", () => {
    const decision = assess(
      "which tool is best for building my docker images, podman or buildah",
      ["docker"],
      0.9,
    );
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe('the material never mentions "podman" or "buildah"');
    // One side it names: the usual decision.
    expect(assess("docker or podman for my images", ["docker"], 0.9).reason).not.toContain(" or ");
  });

  it("reads Power BI as a tool the material never names, though it writes 'BI tools'", () => {
    const analyst = makeChunk(
      "analyst-row",
      "Who Is This Roadmap For?",
      "Learner Type: Data Analyst; Starting Point: SQL, Excel, BI tools, basic Python; Expected Timeline: 6–9 months",
      "table-row",
    );
    const judge = judgeOver(analyst, [], 0.9);
    const decision = judge("power bi or tableau, which one shud a data analyst learn before ML");
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe('the material never mentions "power bi" or "tableau"');
    // Told as the learner's situation, it is not what is asked.
    const story = judge(
      "im a data analyst, mostly sql, excel and power bi dashboards. what is the expected timeline for a data analyst",
    );
    expect(story.reason).not.toContain("power bi");
  });

  it("refuses a choice between two things the passages only list side by side, naming both", () => {
    const automl = makeChunk(
      "automl",
      "AutoML",
      "AutoML tools such as Google AutoML, H2O.ai, AutoGluon, and AutoSklearn can quickly generate strong baselines.",
    );
    const judge = judgeOver(automl, [], 0.9);
    const decision = judge("Which is better for AutoML, H2O.ai or AutoGluon?");
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe(
      'the material names "H2O.ai" and "AutoGluon" only together in a list, without comparing them',
    );
    // Asking what they are is not a choice: the list answers it.
    expect(
      judge("what AutoML tools can generate strong baselines like H2O.ai and AutoGluon").answerable,
    ).toBe(true);
  });

  it("refuses a replacement the material never names beside what it would replace", () => {
    const dvc = makeChunk(
      "dvc-remote",
      "Data Version Control",
      "DVC stores the real data in a remote storage location: dvc remote add -d storage s3://my-bucket/dvc-store",
    );
    const judge = judgeOver(dvc, [], 0.9);
    const decision = judge("how do i set up a dvc remote on google drive instead of s3");
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe(
      'the material never mentions "google drive" where it speaks of "s3"',
    );
    expect(judge("how do i set up a dvc remote on s3").answerable).toBe(true);
  });

  it("refuses explaining a name that joins a word the corpus lacks to one of its rare words", () => {
    const svm = makeChunk(
      "svm-row",
      "Core ML Algorithms",
      "Algorithm: SVM; Key Hyperparameters: C, kernel, gamma",
      "table-row",
    );
    const judge = judgeOver(svm, [], 0.9);
    const decision = judge("explain the svm kernel trick in simple terms");
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe('the material never mentions "kernel trick"');
    expect(judge("which hyperparameters does an svm kernel have").answerable).toBe(true);
  });

  it("answers the year of an event from the passage that tells it, asked in any words", () => {
    const transformer = makeChunk(
      "transformer",
      "Sequence Models: RNNs versus Transformers",
      'The Transformer, introduced in the 2017 paper "Attention Is All You Need", drops recurrence and relies on attention.',
    );
    const judge = judgeOver(transformer, [], 0.3);
    expect(judge("what year did transformers come out").answerable).toBe(true);
    const pytorch = makeChunk(
      "pytorch",
      "Frameworks",
      "PyTorch is the better first choice for most learners in 2026.",
    );
    expect(judgeOver(pytorch, [], 0.3)("what year did pytorch come out").reason).toBe(
      "the material gives no date for that",
    );
  });

  it("refuses a question about a service named in several words the material never names", () => {
    const decision = assess("how do i push my docker image to docker hub", ["docker"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe('the material never mentions "docker hub"');
    // Told as the learner's situation, it is not what is asked.
    const story = assess(
      "so last week i finally built my first churn model, wrapped it in fastapi, wrote a dockerfile and pushed my image to docker hub like a youtube video said, and it all worked on my laptop. what does docker do for an ml model",
      ["docker"],
    );
    expect(story.reason).not.toContain("docker hub");
  });

  it("refuses asking what a topic the material never mentions is, to judge it or to use it", () => {
    // A gate that answers whatever the model says: only the rule can refuse.
    const lenient = new EvidenceGate(statistics, { model, settings: { threshold: 0 } });
    const judge = (question: string) => {
      const understood = understanding.understand(question);
      const found = byId.get("python") as Chunk;
      return lenient.assess(
        {
          question,
          queryVector: [],
          results: [{ chunk: found, score: 1, dense: 0.8, lexical: 1 }],
        },
        understood,
      );
    };
    const story =
      "my python model has terrible recall on fraud rows and a friend told me to use SMOTE. what's SMOTE exactly?";
    expect(judge(story).answerable).toBe(false);
    expect(judge(story).reason).toBe('the material never mentions "SMOTE"');
    expect(judge("how does q-learning work").answerable).toBe(false);
    // Named in the story and not asked about, it is left to the model.
    expect(judge("a friend told me to use SMOTE. is python the best language?").answerable).toBe(
      true,
    );
    // Nor can it judge one: "is X good for …", "X worth it?".
    expect(judge("is the iit madras online bsc good for getting ml jobs").answerable).toBe(false);
    expect(judge("SMOTE worth it for fraud data?").answerable).toBe(false);
    expect(judge("is python good for getting ml jobs").answerable).toBe(true);
    // Nor say how to work with one.
    expect(judge("how do i deploy my python model on heroku").answerable).toBe(false);
    expect(judge("SMOTE with sklearn - how 2 write the code?").answerable).toBe(false);
    expect(judge("my friend uses heroku. how do i deploy my python model").answerable).toBe(true);
    // Nor do the last answer's task with one.
    expect(judge("same thing in heroku, how would i write the python code").answerable).toBe(false);
    expect(judge("how do i do that in heroku with python").answerable).toBe(false);
  });

  it("names only the asking clauses' unknown topics when a long story surrounds the question", () => {
    const story =
      "so my friend says ml is only for iit people and i saw some kubernetes videos about deploying models that looked cool but honestly i did not understand much of it, what does docker do";
    const decision = assess(story, ["dvc"]);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).not.toContain("Kubernetes");
    expect(decision.reason).not.toContain("kubernetes");
    // Asked about, it is named.
    expect(assess("what does kubernetes do", ["dvc"]).reason).toContain('"kubernetes"');
  });

  it("does not count an ordinary English word the corpus lacks as an unknown topic", () => {
    const decision = assess("Realistically, why is Python the best language to start with?", [
      "python",
    ]);
    expect(decision.unknownTopics).toEqual([]);
    expect(decision.answerable).toBe(true);
  });

  it("weighs an everyday describing word or verb the corpus lacks ('bad', 'done') below a topic", () => {
    const decision = assess("what is dropout and why is it so bad", ["dropout"]);
    expect(decision.features.coverage).toBeGreaterThan(0.7);
    expect(decision.answerable).toBe(true);
    // ("how do I know I'm done with …" is a readiness question: it also searches the milestones.)
    expect(assess("how is dropout done", ["dropout"]).features.coverage).toBeGreaterThan(0.7);
    // A noun the corpus lacks still weighs in full: "passport" is what this question is about.
    expect(assess("how do i renew my passport", ["dropout"]).features.coverage).toBeLessThan(0.3);
  });

  it("answers a question whose topic words a top passage covers", () => {
    const decision = assess("Why is Python the best language to start with?", ["python", "docker"]);
    expect(decision).toMatchObject({ answerable: true, reason: "", unknownTopics: [] });
    expect(decision.coverage).toBeCloseTo(1, 5);
    expect(decision.topDense).toBeCloseTo(0.3, 5);
    expect(decision.probability).toBeGreaterThan(0.5);
  });

  it("judges by the passages retrieved, not by the corpus alone", () => {
    const question = "Why is Python the best language to start with?";
    const covered = assess(question, ["python"]);
    const missed = assess(question, ["dvc", "docker"], 0.1);
    expect(covered.answerable).toBe(true);
    expect(missed.answerable).toBe(false);
    expect(missed.coverage).toBeLessThan(covered.coverage);
    expect(missed.reason).toMatch(/no passage/);
  });

  it("does not count words asking for a style of answer ('in simple words') as topics", () => {
    const plain = assess("what is dvc", ["dvc"]);
    const simple = assess("what is dvc in simple words", ["dvc"]);
    expect(simple.features.coverage).toBe(plain.features.coverage);
    expect(simple.features.termCount).toBe(plain.features.termCount);
    // Hinglish "simple mein samjhao", read as "simple in explain".
    const hinglish = assess("what is dvc? simple in explain", ["dvc"]);
    expect(hinglish.features.termCount).toBe(plain.features.termCount);
    const ordered = assess("what tools does dvc need, in order", ["dvc"]);
    expect(ordered.features.termCount).toBe(
      assess("what tools does dvc need", ["dvc"]).features.termCount,
    );
  });

  it("marks a how-does-it-work question about a thing the material only names", () => {
    // "dvc" is in one chunk: asking how it works inside scores 1 / (1 + 1).
    const inside = assess("how does dvc work internally", ["dvc"]);
    expect(inside.features.explainRareFocus).toBeCloseTo(0.5, 5);
    // The same thing asked about plainly is not an explanation request.
    expect(assess("what is dvc for", ["dvc"]).features.explainRareFocus).toBe(0);
    for (const question of [
      // "how does X calculate / build / detect / create …" asks how it works too,
      "how does dvc calculate file hashes",
      "how does dvc detect changed files",
      // with the verb in its base form ("choose", "decide", "find", "reduce"),
      "how does dvc choose which files to hash",
      "how does dvc reduce the storage it needs",
      // "how does X do Y",
      "how does dvc do file hashing in a single pass",
      // two things joined by "and",
      "how do dvc hashing and caching work",
      // and "how does X allow / let / enable …".
      "how does dvc allow teams to share large files",
      // "how does X map / transform …", and a derivation asked for.
      "how does dvc map each file to its hash",
      "explain the dvc hashing with full math derivation",
      // "how does the roadmap explain the way X works" asks it of the material.
      "How does the roadmap explain the way dvc chooses which files to hash?",
      // "how do I read / interpret X" asks how to make sense of it.
      "how do you read a dvc lock file",
      "how should i interpret dvc status output",
    ]) {
      expect(assess(question, ["dvc"]).features.explainRareFocus, question).toBeCloseTo(0.5, 5);
    }
    // "how do I make sure it works" asks what to do, not how it works inside.
    expect(
      assess("how do i make sure dvc pull works for my teammate", ["dvc"]).features
        .explainRareFocus,
    ).toBe(0);
    // "do" in a later clause is not a working asked of the first: a difference and a when.
    expect(
      assess("how is dvc different and when do you roll back", ["dvc"]).features.explainRareFocus,
    ).toBe(0);
    // "work" in a later clause is not what "how do I" asks.
    expect(
      assess("how do i version data with dvc? git wont work", ["dvc"]).features.explainRareFocus,
    ).toBe(0);
    // The rare word of a story is not what "how does that work" asks about.
    expect(
      assess(
        "my teammate keeps overwriting our dvc files and we lose data every week. someone said there is a better way. how does that work?",
        ["dvc"],
      ).features.explainRareFocus,
    ).toBe(0);
  });

  it("does not mark how a thing works when a shown passage explains it, opening with it", () => {
    // "Docker packages your model, …": the passage is about Docker.
    expect(assess("how does docker work", ["docker"]).features.explainRareFocus).toBe(0);
    // Dropout is only named in a list of techniques, and DVC only in a table row.
    expect(assess("how does dropout work", ["dropout"]).features.explainRareFocus).toBeGreaterThan(
      0,
    );
    expect(assess("how does dvc work", ["dvc"]).features.explainRareFocus).toBeGreaterThan(0);
    // Asked inside or step by step, it is still a request to explain its workings.
    expect(
      assess("how does docker work internally", ["docker"]).features.explainRareFocus,
    ).toBeGreaterThan(0);
  });

  it("refuses how a thing works when the passages only name it, and answers when one explains it", () => {
    expect(assess("how does dvc work", ["dvc"])).toMatchObject({
      answerable: false,
      reason: 'the material names "dvc" but does not explain how it works',
    });
    expect(assess("how does docker work", ["docker"]).answerable).toBe(true);
  });

  it("marks a comparison one side of which no shown passage mentions", () => {
    // "kubernetes" is in no passage: at most half of the comparison is covered.
    expect(
      assess("docker vs kubernetes which one", ["docker", "dvc"]).features.comparisonSideMissing,
    ).toBe(1);
    // Both sides are in the shown passages.
    expect(
      assess("docker or dvc, which first?", ["docker", "dvc"]).features.comparisonSideMissing,
    ).toBe(0);
    expect(assess("what is docker", ["docker"]).features.comparisonSideMissing).toBe(0);
    // A side that is an unknown topic, though its parts ("model", "runtime") are found.
    expect(assess("model_runtime vs docker diff?", ["docker"]).features.comparisonSideMissing).toBe(
      1,
    );
  });

  it("finds a kind of a thing compared that the material never names", () => {
    const layers = [
      "an input layer",
      "a hidden layer",
      "the output layer",
      "each layer",
      "a layer",
    ];
    const kinds = new CorpusStatistics([
      makeChunk("bn", "Batch Normalisation", "Batch normalisation rescales the inputs of a layer."),
      makeChunk("canary", "Canary", "A canary release sends a little traffic to a new model."),
      makeChunk(
        "ready",
        "Timeline",
        "You are project-ready after 12 months and interview-ready after 18.",
      ),
      ...layers.map((layer, index) => makeChunk(`l${index}`, "Layers", `Look at ${layer}.`)),
    ]);
    const unnamed = (question: string) => unnamedKind(comparedSides(question), kinds);
    // "layer" is a word the material uses widely, never before "normalisation".
    expect(unnamed("batch normalisation vs layer normalization")).toBe("layer normalization");
    expect(unnamed("batch normalization vs layer normalisation")).toBe("layer normalisation");
    // A word it uses in one passage names a thing of its own, here under another name.
    expect(unnamed("batch deployment vs canary deployment")).toBeUndefined();
    // Joined by a hyphen, the two words are named together; a figure guessed is no kind.
    expect(unnamed("project ready vs interview ready")).toBeUndefined();
    expect(unnamed("is it 6 lpa or 12 lpa")).toBeUndefined();
    expect(unnamed("batch normalisation vs dropout")).toBeUndefined();
    // A left side of three words names its kind in two of them.
    expect(
      unnamed("how is hidden layer normalisation different from batch normalisation"),
    ).toBeUndefined();
  });

  it("weighs a strong dense match against low word coverage", () => {
    const question = "Which container tool packages models?";
    const weak = assess(question, ["python"], 0.1);
    const strong = assess(question, ["python"], 0.9);
    expect(weak.features.coverage).toBe(strong.features.coverage);
    expect(strong.probability).toBeGreaterThan(weak.probability);
  });

  it("refuses a figure question when no passage holds that figure", () => {
    const decision = assess("What dropout rate should I use?", ["dropout", "python"]);
    expect(decision.features.figureMissing).toBe(1);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toMatch(/no figure/);
    const cost = assess("How much does the Hugging Face course cost?", ["course", "python"]);
    expect(cost.answerable).toBe(false);
    expect(cost.reason).toMatch(/no figure/);
    // Asked who wrote something, the reason says the people are missing, not a figure.
    const authors = assess("who are the authors of the dropout paper?", ["dropout", "python"]);
    expect(authors.features.figureMissing).toBe(1);
    expect(authors.reason).toBe("the material does not say who");
    // Asked when, the reason says the date is missing.
    const launched = assess("when was dropout first introduced?", ["dropout", "python"]);
    expect(launched.features.figureMissing).toBe(1);
    expect(launched.reason).toBe("the material gives no date for that");
  });

  it("refuses a thing asked within a budget the learner states when no passage prices it", () => {
    const laptop = judgeOver(
      makeChunk("hardware", "Hardware", "A laptop CPU is enough for classical machine learning."),
    );
    const asked = laptop("my budget for a laptop is around 70k, which laptop should I buy for ML?");
    expect(asked.answerable).toBe(false);
    expect(asked.reason).toBe("the material gives no prices for that");
    // Without a budget, the same thing asked is judged as usual.
    expect(laptop("which laptop should I buy for ML?").reason).not.toBe(
      "the material gives no prices for that",
    );
    // Time budgeted is no price limit.
    expect(laptop("i can budget 2 hours a day, which laptop should I buy for ML?").reason).not.toBe(
      "the material gives no prices for that",
    );
    // A passage that prices the thing asked answers within the budget.
    const exam = judgeOver(
      makeChunk("exam", "Certifications", "The Google ML engineer certification exam costs ~$200."),
    );
    expect(exam("budget is 50k, which certification exam should I take?").reason).not.toBe(
      "the material gives no prices for that",
    );
  });

  it("asks the figure the follow-up's own words ask before one its carried topic names", () => {
    const question = "and how many months does a beginner need? (cost hugging face course)";
    expect(assess(question, ["timeline", "course"]).features.figureMissing).toBe(0);
  });

  it("answers a figure question when a passage holds the figure", () => {
    const months = assess("How many months does a complete beginner need?", ["timeline", "python"]);
    expect(months.features.figureMissing).toBe(0);
    expect(months.answerable).toBe(true);
    expect(
      assess("What salary does a junior ML engineer get in India?", ["salary"]).answerable,
    ).toBe(true);
  });

  it("finds no salary for a city the table only lists beside an India-wide figure", () => {
    const judge = judgeOverRow([
      ["Experience", "3–5 years"],
      ["Salary India", "₹9L–20L PA"],
      ["Top Cities", "Bengaluru, Pune"],
    ]);
    // A follow-up carrying "salary" asks for a Bengaluru salary: the row gives none.
    expect(
      judge("and in bengaluru specifically? (salary engineer india)").features.figureMissing,
    ).toBe(1);
    // The salary cell itself names India.
    expect(judge("what salary for 3–5 years experience in india").features.figureMissing).toBe(0);
  });

  it("refuses a salary asked for a role, place or year the material gives none for, naming it", () => {
    // Google is named in many passages, as the material names it (Colab, Cloud certificates).
    const google = Array.from({ length: 12 }, (_, index) =>
      makeChunk(`google${index}`, "Tools", `Google Colab notebook tip number ${index}.`),
    );
    const judge = judgeOverRow(
      [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, Data Scientist"],
        ["Salary India", "₹9L–20L PA"],
        ["Top Cities", "Bengaluru, Pune"],
      ],
      google,
      0.9,
    );
    // "data" and "engineer" are both in the row, but no role there is a data engineer.
    const dataEngineer = judge("data engineer salary in india with 3–5 years experience");
    expect(dataEngineer.answerable).toBe(false);
    expect(dataEngineer.reason).toBe("the material gives no figure for data engineer");
    expect(judge("data scientist salary in india with 3–5 years experience").answerable).toBe(true);
    expect(judge("ML engineer salary in 2030 with 3–5 years experience").reason).toBe(
      "the material gives no figure for 2030",
    );
    expect(judge("ML engineer salary in pune with 3–5 years experience").reason).toBe(
      "the material gives no figure for pune",
    );
    // "at google" asks for a company's figure, however often the material names Google.
    expect(judge("ML engineer salary at google with 3–5 years experience").reason).toBe(
      "the material gives no figure for google",
    );
    expect(judge("the ML engineer package at google for 3–5 years experience").reason).toBe(
      "the material gives no figure for google",
    );
  });

  it("finds the figure for the clause that asks, however long the learner's story before it", () => {
    const story =
      "so i'm a software engineer, java backend at a service company, weak in maths and my manager wont move me to the team... how many months does a complete beginner need";
    const decision = assess(story, ["timeline", "python"]);
    expect(decision.features.figureMissing).toBe(0);
    expect(decision.features.figureSupport).toBeGreaterThan(decision.features.coverage);
  });

  it("refuses a question without topic words", () => {
    for (const question of ["What is it?", "How do I do that?", "?"]) {
      const decision = assess(question, ["python", "docker"]);
      expect(decision.answerable, question).toBe(false);
      expect(decision.reason).toMatch(/no topic words/);
    }
  });

  it("refuses when nothing was retrieved", () => {
    const decision = assess("Why is Python the best language?", []);
    expect(decision.answerable).toBe(false);
    expect(decision.reason).toBe("no passage of the material matches it");
  });

  it("moves the verdict with the threshold", () => {
    const strict = new EvidenceGate(statistics, { model, settings: { threshold: 0.999 } });
    const understood = understanding.understand("What does DVC track alongside Git?");
    const dvc = byId.get("dvc") as Chunk;
    const retrieval: Retrieval = {
      question: understood.understoodAs,
      queryVector: [],
      results: [{ chunk: dvc, score: 1, dense: 0.3, lexical: 1 }],
    };
    expect(gate.assess(retrieval, understood).answerable).toBe(true);
    expect(strict.assess(retrieval, understood).answerable).toBe(false);
  });

  it("gives the same verdict every time", () => {
    const first = assess("What does DVC track alongside Git?", ["dvc", "docker"]);
    expect(assess("What does DVC track alongside Git?", ["dvc", "docker"])).toEqual(first);
    expect(first.answerable).toBe(true);
  });
});
