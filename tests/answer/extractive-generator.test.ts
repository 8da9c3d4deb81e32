import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { ExtractiveGenerator } from "../../src/answer/extractive-generator.ts";
import type { Passage } from "../../src/answer/generator.ts";
import { quotableUnits } from "../../src/answer/quotable-units.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { learnerLexicon } from "../../src/understanding/learner-lexicon.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

function row(position: number, section: string, cells: Array<[string, string]>): Chunk {
  return {
    id: `r${position}`,
    source: "corpus/roadmap.md",
    title: "Roadmap",
    section,
    kind: "table-row",
    text: cells.map(([, value]) => value).join(" | "),
    position,
    cells: cells.map(([header, value]) => ({ header, value })),
  };
}

const chunks: Chunk[] = [
  row(0, "Tools", [
    ["Category", "Explainability"],
    ["Tools", "SHAP, LIME"],
  ]),
  row(1, "Tools in This Step", [
    ["Tool", "SHAP"],
    ["Purpose", "Model explainability"],
  ]),
  row(2, "Tools in This Step", [
    ["Tool", "LIME"],
    ["Purpose", "Local explanation of predictions"],
  ]),
  row(3, "12-Month Roadmap", [
    ["Step", "Step 5"],
    ["Timeline", "Month 9"],
    ["Focus Area", "Deployment and MLOps"],
  ]),
  row(4, "12-Month Roadmap", [
    ["Step", "Step 3"],
    ["Timeline", "Month 5"],
    ["Focus Area", "Feature engineering and evaluation"],
  ]),
];
const writer = new ExtractiveGenerator(new CorpusStatistics(chunks), new Map());
const shown = (...positions: number[]): Passage[] =>
  positions.map((position, rank) => ({
    n: rank + 1,
    chunk: chunks[position] as Chunk,
    score: 1 - rank * 0.05,
  }));

/** `corpus` as shown passages in its order, each scoring `step` less than the one before. */
function rankedPassages(corpus: Chunk[], step = 0.05): Passage[] {
  return corpus.map((chunk, rank) => ({ n: rank + 1, chunk, score: 1 - rank * step }));
}

/** The answer over `corpus` shown in its order, each passage scoring `step` less than the one before. */
function composeOver(
  corpus: Chunk[],
  question: string,
  expansions?: string[],
  step = 0.05,
): string {
  const generator = new ExtractiveGenerator(new CorpusStatistics(corpus), new Map());
  return generator.compose({
    question,
    passages: rankedPassages(corpus, step),
    ...(expansions === undefined ? {} : { expansions }),
  });
}

/** A sentence that only lists cloud platforms. */
const CLOUD_SKILLS = makeChunk(
  "skills",
  "Skills Employers Want",
  "Cloud ML experience with AWS SageMaker, Vertex AI, or Azure ML.",
);
/** A sentence about one of those platforms. */
const VERTEX_STRENGTH = makeChunk(
  "vertex",
  "Cloud Platforms",
  "Google Vertex AI integrates well with BigQuery, GCP pipelines, and data-heavy workloads.",
);
/** A sentence that says what is strong for tables, naming its examples in brackets. */
const TABULAR_START = makeChunk(
  "tabular",
  "Tabular Data",
  "For tabular data, gradient-boosted trees (XGBoost, LightGBM, CatBoost) and Random Forests are usually the strongest starting point.",
);

describe("ExtractiveGenerator", () => {
  it("shows the columns the learner's own words ask for, not those a carried topic names", () => {
    const statistics = makeRow("statistics", "Math for ML", [
      ["Area", "Statistics"],
      ["Why It Matters in ML", "Helps evaluate data and model behaviour"],
      ["What to Learn", "Mean, variance, correlation"],
    ]);
    const answer = composeOver([statistics], "what about statistics, which topics? (SQL ML)");
    expect(answer).toContain("what to learn: Mean, variance, correlation");
    // Named by the learner, a column still narrows the row.
    expect(composeOver([statistics], "why does statistics matter in ml")).not.toContain(
      "what to learn",
    );
  });

  it("leads a how-to question with the step that opens with its verb ('Split the data.')", () => {
    const chunks = [
      makeChunk(
        "pipeline",
        "Pipelines",
        "Putting the scaler inside the pipeline means it learns from the training split only, so test data never leaks into training.",
      ),
      makeChunk(
        "workflow",
        "The Workflow",
        "3. **Split the data.** Keep a training set, a validation set for choices, and a test set that you touch only at the end.",
      ),
    ];
    expect(composeOver(chunks, "how should i split my data into train and test")).toMatch(
      /^3\. \*\*Split the data\.\*\*/,
    );
  });

  it("answers a comparison with the row of each thing compared, not the row listing both", () => {
    const answer = writer.compose({
      question: "difference between shap and lime according to the tools table",
      passages: shown(0, 1, 2),
    });
    expect(answer).toContain("SHAP — purpose: Model explainability");
    expect(answer).toContain("LIME — purpose: Local explanation of predictions");
    expect(answer).not.toContain("Explainability — tools");
  });

  it("answers with the row of each side when two things are compared without 'vs'", () => {
    for (const question of [
      "which is more useful for explaining a model, shap or lime?",
      "how local is lime compared to shap",
      "what are the trade-offs between shap and lime",
      "how do i distinguish shap from lime",
      "how to tell shap and lime apart",
    ]) {
      const answer = writer.compose({ question, passages: shown(1, 2) });
      expect(answer).toContain("SHAP — purpose: Model explainability");
      expect(answer).toContain("LIME — purpose: Local explanation of predictions");
    }
  });

  it("compares two sides by sentences giving the figure asked for, when one is asked", () => {
    const corpus = [
      makeChunk(
        "roles",
        "Roles",
        "A data scientist focuses on analysis. An ML engineer focuses on production.",
      ),
      makeChunk("pay", "Pay", "A data scientist earns ₹6–14L PA. An ML engineer earns ₹8L–20L PA."),
    ];
    const answer = composeOver(
      corpus,
      "which one pays more, data scientist or ml engineer",
      undefined,
      0.5,
    );
    expect(answer).toContain("₹6–14L PA");
    expect(answer).toContain("₹8L–20L PA");
    expect(answer).not.toContain("focuses");
  });

  it("answers a question asked of each thing named with the row of each", () => {
    for (const question of [
      "what is the purpose of shap and lime, each one?",
      "what are SHAP LIME each for?",
      "shap, lime: what are both for",
    ]) {
      const answer = writer.compose({ question, passages: shown(1, 2) });
      expect(answer).toContain("SHAP — purpose: Model explainability");
      expect(answer).toContain("LIME — purpose: Local explanation of predictions");
    }
    // "each log call" says how often, not that several things are asked about.
    expect(
      writer.compose({
        question: "how do i log shap and lime values each run",
        passages: shown(1, 2),
      }),
    ).not.toContain("\n");
  });

  it("weighs the material's word for a situation the learner describes above a synonym", () => {
    const corpus = [
      makeChunk("apart", "Evaluation", "Keep the exam data apart."),
      makeChunk(
        "leak",
        "Evaluation",
        "Data leakage happens when information from the test set influences training.",
      ),
      makeChunk("plots", "Other", "Plots show data."),
    ];
    const generator = new ExtractiveGenerator(new CorpusStatistics(corpus), new Map());
    const input = {
      question: "what is it called when final exam data sneaks into the model while it is trained",
      passages: rankedPassages(corpus),
      expansions: ["data leakage"],
    };
    expect(generator.compose({ ...input, described: ["data leakage"] })).toMatch(/^Data leakage/);
    // The same word from WordNet or the abbreviation table weighs less than the learner's own.
    expect(generator.compose(input)).toMatch(/^Keep the exam data apart/);
  });

  it("answers a role's salary with the role's row, not a row listing the role among others", () => {
    const rows = [
      row(63, "Salary by Experience", [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, Applied Scientist, NLP Engineer"],
        ["Salary India", "₹9L–20L PA"],
        ["Global Salary Range", "$120K–$180K"],
      ]),
      // Ranked between them: the role's row comes fifth.
      makeChunk("a", "Portfolio", "Build projects."),
      makeChunk("b", "Math", "Learn statistics."),
      makeChunk("c", "Python", "Learn Pandas."),
      row(64, "Career Roles", [
        ["Role", "NLP Engineer"],
        ["Day-to-Day Work", "Build text classification and chatbots"],
        ["Salary Range India", "₹6L–12L PA"],
      ]),
    ];
    expect(composeOver(rows, "NLP engineer salary range in india?")).toMatch(/^NLP Engineer/);
    // A follow-up asking only "salary?" asks it of the row its carried-over topic names.
    expect(composeOver(rows, "and salary? (NLP engineer)")).toMatch(/^NLP Engineer/);
  });

  it("leads with a sentence closer to the question in meaning and words than a row ranked above it", () => {
    const setup = [
      row(70, "Tools at a Glance", [
        ["Tool", "Git and GitHub"],
        ["Category", "Version control"],
        ["What It Does", "Versions code and hosts repositories"],
      ]),
      makeChunk(
        "venv",
        "Use a Virtual Environment for Every Project",
        "Add .venv/ to your .gitignore; the environment itself is never committed to Git, only the requirements file.",
      ),
    ];
    // The row is a little further from the question's meaning than the sentence, and holds
    // fewer of its words, but its passage ranks well above.
    const toward = (cosine: number) => new Float32Array([cosine, Math.sqrt(1 - cosine ** 2)]);
    const units = new Map(
      setup.map((chunk, index) => [
        chunk.id,
        quotableUnits(chunk).map((unit) => ({
          text: unit.text,
          vector: toward(index === 0 ? 0.7 : 0.72),
        })),
      ]),
    );
    const generator = new ExtractiveGenerator(new CorpusStatistics(setup), units);
    const input = {
      question: "should i commit my .venv to git repositories",
      passages: rankedPassages(setup, 0.7),
      queryVector: [1, 0],
    };
    expect(generator.compose(input)).toMatch(/^Add \.venv\/ to your \.gitignore/);
  });

  it("leads with a unit about the asked thing over a row that only lists it among others", () => {
    const cloud = [
      row(80, "Tools", [
        ["Category", "Cloud ML"],
        ["Tools", "AWS SageMaker, Vertex AI, Azure ML"],
        ["Purpose", "Managed training and deployment"],
        ["Must-Know", "Good to know"],
      ]),
      VERTEX_STRENGTH,
    ];
    expect(composeOver(cloud, "what's vertex ai good for")).toMatch(
      /^Google Vertex AI integrates well/,
    );
    // Asked about the row's own thing, the row answers.
    expect(composeOver(cloud, "is cloud ML like vertex ai good to know")).toMatch(/^Cloud ML/);
  });

  it("leads with a sentence about the asked thing over one that only lists it among others", () => {
    const cloud = [CLOUD_SKILLS, VERTEX_STRENGTH];
    expect(composeOver(cloud, "and what about vertex ai?")).toMatch(
      /^Google Vertex AI integrates well/,
    );
    // Examples in brackets are not the sentence's list: it stays about its own subject.
    const tabular = [
      TABULAR_START,
      row(40, "Algorithms", [
        ["Algorithm", "XGBoost"],
        ["Type", "Ensemble"],
        ["When to Use", "High-performance structured data"],
      ]),
    ];
    expect(
      composeOver(tabular, "why do ppl keep saying xgboost beats neural nets, is it legit"),
    ).toMatch(/^For tabular data, gradient-boosted trees/);
  });

  it("answers a choice among three with the unit that picks one, not the one naming them all", () => {
    const cloud = [
      CLOUD_SKILLS,
      makeChunk(
        "india",
        "Cloud Platforms",
        "If your target market is India, AWS SageMaker is often the safest starting point.",
      ),
    ];
    const question =
      "which cloud should i learn first for a job in india - sagemaker, vertex or azure ml?";
    expect(composeOver(cloud, question, undefined, 0.2)).toMatch(/^If your target market is India/);
    // A sentence that says more of them than their names stays the lead.
    const tabular = [
      TABULAR_START,
      row(41, "Algorithms", [
        ["Algorithm", "LightGBM"],
        ["Best For", "Large tabular datasets"],
      ]),
    ];
    expect(composeOver(tabular, "xgboost, lightgbm or catboost for tabular data")).toMatch(
      /^For tabular data, gradient-boosted trees/,
    );
  });

  it("reads a clause asking in one everyday word ('what am i building?') by the clause before", () => {
    const plan = [
      row(80, "Tools", [
        ["Tool", "Docker"],
        ["What it does", "Builds portable, reproducible containers"],
        ["Learn it in", "Week 3"],
      ]),
      row(81, "MLOps week-by-week plan", [
        ["Week", "Week 3"],
        ["Focus", "FastAPI and Docker"],
        ["Deliverable", "A containerised /predict endpoint"],
      ]),
    ];
    expect(composeOver(plan, "week 3 of the mlops plan, what am i building?")).toMatch(
      /^Week 3 — /,
    );
  });

  it("names the row the first clause names when the clause that asks gives only figures", () => {
    const salaries = [
      row(60, "Salaries", [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, Applied Scientist, NLP Engineer"],
        ["Salary India", "₹9L–20L PA"],
      ]),
      row(61, "Roles", [
        ["Role", "NLP Engineer"],
        ["Salary Range India", "₹6L–12L PA"],
      ]),
    ];
    expect(
      composeOver(
        salaries,
        "NLP engineer salary in india, is it more like 6 LPA or 12 LPA?",
        [],
        0.3,
      ),
    ).toMatch(/^NLP Engineer — /);
  });

  it("answers 'X or Y, which one pays more' with the row of each role", () => {
    const roles = [
      row(60, "Salaries", [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, NLP Engineer"],
        ["Salary India", "₹9L–20L PA"],
      ]),
      row(61, "Roles", [
        ["Role", "NLP Engineer"],
        ["Salary Range India", "₹6L–12L PA"],
      ]),
      row(62, "Roles", [
        ["Role", "Machine Learning Engineer"],
        ["Salary Range India", "₹8L–20L PA"],
      ]),
    ];
    const answer = composeOver(roles, "NLP engineer or ML engineer, which one pays more in india");
    expect(answer).toContain("NLP Engineer — salary range india: ₹6L–12L PA");
    expect(answer).toContain("Machine Learning Engineer — salary range india: ₹8L–20L PA");
    expect(answer).not.toContain("3–5 years");
  });

  it("answers 'X or Y, when do i use which?' with each row, unless a sentence says which for what", () => {
    const tools = [
      row(70, "Environment tools", [
        ["Tool", "uv"],
        ["When to use it", "When installs feel slow or you want lock files"],
      ]),
      row(71, "Environment tools", [
        ["Tool", "conda"],
        ["When to use it", "When a package needs compiled system libraries"],
      ]),
    ];
    const answer = composeOver(tools, "conda or uv, when do i use which?");
    expect(answer).toContain(
      "conda — when to use it: When a package needs compiled system libraries",
    );
    expect(answer).toContain("uv — when to use it: When installs feel slow or you want lock files");
    const serving = [
      makeChunk("use", "Deployment", "Use Streamlit for demos and FastAPI for real APIs."),
      row(72, "Serving tools", [
        ["Tool", "Streamlit"],
        ["When to use", "Portfolio apps, quick stakeholder demos"],
      ]),
      row(73, "Serving tools", [
        ["Tool", "FastAPI"],
        ["When to use", "ML model serving, async APIs"],
      ]),
    ];
    expect(composeOver(serving, "streamlit or fastapi?? when do i use which one")).toBe(
      "Use Streamlit for demos and FastAPI for real APIs. [1]",
    );
  });

  it("compares two things with the rows of one table that has a row for each", () => {
    const rows = [
      row(70, "Tools Reference", [
        ["Tool", "XGBoost"],
        ["Purpose", "Gradient boosting"],
      ]),
      row(71, "Algorithms", [
        ["Algorithm", "LightGBM"],
        ["When to Use", "Large tabular datasets, fast training"],
      ]),
      row(72, "Algorithms", [
        ["Algorithm", "XGBoost"],
        ["When to Use", "High-performance structured data"],
      ]),
      row(73, "Tools Reference", [
        ["Tool", "LightGBM"],
        ["Purpose", "Fast gradient boosting"],
      ]),
    ];
    // As the index stores rows: each value labelled with its column.
    const labelled = rows.map((chunk) => ({
      ...chunk,
      text: (chunk.cells ?? []).map((cell) => `${cell.header}: ${cell.value}`).join("; "),
    }));
    const answer = composeOver(labelled, "lightgbm vs xgboost, when to use which");
    // Each thing's best row alone would mix the tables (XGBoost's tool row, LightGBM's algorithm
    // row); the answer takes both rows of one table, with the same columns.
    const lines = answer.split("\n");
    expect(lines).toHaveLength(2);
    const columns = lines.map((line) => line.replace(/^- \w+ — /, "").split(":")[0]);
    expect(columns[0]).toBe(columns[1]);
  });

  it("answers 'how do X and Y differ' with the row of each, as it answers 'X vs Y'", () => {
    const answer = writer.compose({
      question: "How do SHAP and LIME differ in the roadmap's tool list?",
      passages: shown(0, 1, 2),
    });
    expect(answer).toContain("SHAP — purpose: Model explainability");
    expect(answer).toContain("LIME — purpose: Local explanation of predictions");
    expect(answer).not.toContain("Explainability — tools");
  });

  it("takes a list answer from the lead's section, not from every passage that shares words", () => {
    const listed = [
      row(10, "Portfolio Projects", [
        ["Project", "House Price Predictor"],
        ["Skills", "Regression, deployment"],
      ]),
      row(11, "Portfolio Projects", [
        ["Project", "Customer Churn Model"],
        ["Skills", "Classification, deployment"],
      ]),
      makeChunk(
        "intro",
        "Career Advice",
        "Deployment projects prove that you can apply what you learn.",
      ),
    ];
    const answer = composeOver(listed, "which projects should i build for my portfolio");
    expect(answer).toContain("House Price Predictor");
    expect(answer).toContain("Customer Churn Model");
    expect(answer).not.toContain("Deployment projects prove");
  });

  it("adds the sentence that offers the other way when a better way is asked for", () => {
    const corpus = [
      makeChunk(
        "cnn",
        "Transfer Learning",
        "Training a large CNN from scratch needs a large labelled dataset and a lot of GPU time. Transfer learning starts instead from a network already trained on a big dataset.",
      ),
    ];
    const answer = composeOver(
      corpus,
      "training a cnn from scratch on my 600 photos is just guessing, is there a smarter way?",
    );
    expect(answer).toContain("Training a large CNN from scratch");
    expect(answer).toContain("Transfer learning starts instead");
  });

  it("reads the story when the clause that asks only points back at it ('make it stop')", () => {
    const corpus = [
      makeChunk(
        "docker",
        "Docker",
        "Copying requirements first means Docker only rebuilds what changes, so you can stop waiting.",
      ),
      makeChunk(
        "seeds",
        "Random Seeds",
        "Fix the random seeds when the accuracy numbers are different on every run.",
      ),
      makeChunk("team", "Teams", "A teammate reviews numbers in the report."),
    ];
    const answer = composeOver(
      corpus,
      "my accuracy is different on every run and my teammate gets other numbers. how do i make it stop changing?",
    );
    expect(answer).toContain("Fix the random seeds");
    expect(answer).not.toContain("Docker");
  });

  it("reads the story when the clause that asks is only everyday words ('the first thing to change')", () => {
    const corpus = [
      makeChunk(
        "oom",
        "Batch Size",
        "If you see a GPU out-of-memory error in Colab, reduce the batch size.",
      ),
      makeChunk("change", "Career Change", "The first thing to change is the study plan."),
    ];
    const answer = composeOver(
      corpus,
      "I keep getting this CUDA out of memory error in Colab. I'm a biology student, what's the first thing I should change?",
    );
    expect(answer).toContain("reduce the batch size");
    expect(answer).not.toContain("study plan");
  });

  it("answers 'how does that work?' after a described situation by what the material calls it", () => {
    const corpus = [
      makeChunk(
        "scratch",
        "Transfer Learning",
        "Training a large CNN from scratch needs a large labelled dataset and a lot of pictures.",
      ),
      makeChunk(
        "transfer",
        "Transfer Learning",
        "Transfer learning starts instead from a network already trained on a big dataset.",
      ),
      makeChunk("project", "Projects", "Image classifier project: PyTorch with transfer learning."),
    ];
    const generator = new ExtractiveGenerator(new CorpusStatistics(corpus), new Map());
    const question =
      "I only have about 800 photos and training from scratch gives rubbish results. Someone said you can start from a model that has already seen millions of pictures. How does that work?";
    const answer = generator.compose({
      question,
      passages: rankedPassages(corpus),
      expansions: ["transfer learning"],
      described: ["transfer learning"],
    });
    expect(answer).toContain("Transfer learning starts instead");
    expect(answer).not.toContain("Image classifier project");
  });

  it("leads with the row a search expansion names: the learner type a learner describes", () => {
    const learnerTypes = [
      row(50, "Who Is This Roadmap For?", [
        ["Learner Type", "Complete Beginner"],
        ["Starting Point", "No ML background, basic coding knowledge"],
        ["Expected Timeline", "12–15 months"],
      ]),
      row(51, "Who Is This Roadmap For?", [
        ["Learner Type", "Career Switcher"],
        ["Starting Point", "Non-CS background"],
        ["Expected Timeline", "12–18 months"],
      ]),
    ];
    const question = "im 31 and work in accounts, no coding background. how long will it take me";
    expect(composeOver(learnerTypes, question, ["career switcher"])).toMatch(/^Career Switcher/);
    expect(composeOver(learnerTypes, "how long will it take me")).toMatch(/^Complete Beginner/);
    // Words the lexicon gives a learner type ("no coding") name it without the expansion too.
    expect(composeOver(learnerTypes, question)).toMatch(/^Career Switcher/);
  });

  it("answers 'what are the 3 types of…' with every row of the list, not only the best", () => {
    const types = [
      row(30, "Main Types of Machine Learning", [
        ["Type", "Supervised Learning"],
        ["What It Means", "The model learns from labelled data"],
      ]),
      row(31, "Main Types of Machine Learning", [
        ["Type", "Unsupervised Learning"],
        ["What It Means", "The model finds patterns in unlabelled data"],
      ]),
    ];
    const answer = composeOver(types, "what are the 2 types of machine learning");
    expect(answer).toContain("Supervised Learning —");
    expect(answer).toContain("Unsupervised Learning —");
  });

  it("prefers the unit written for the case the question names ('For regression, …')", () => {
    const corpus = [
      makeChunk(
        "workflow",
        "The Workflow",
        "Train a simple baseline. A linear or logistic regression gives you a reference score.",
      ),
      makeChunk(
        "metrics",
        "Evaluation",
        "Choose metrics based on the problem. For classification, learn precision and recall. For regression, learn MAE, MSE, RMSE, and R².",
      ),
    ];
    expect(composeOver(corpus, "regression metrics pls")).toMatch(/^For regression, learn MAE/);
  });

  it("answers from the FAQ whose question restates the learner's", () => {
    const corpus = [
      makeChunk(
        "salary",
        "Salary in India",
        "ML salaries in India vary by role, company type, city and specialization.",
      ),
      makeChunk(
        "faq",
        "FAQs > 8. What certifications are most valued for ML roles in India?",
        "8. What certifications are most valued for ML roles in India?\nCertifications help most when combined with deployed projects.",
        "faq",
      ),
    ];
    const answer = composeOver(
      corpus,
      "which certifications are most valued by companies in india for ML roles",
    );
    expect(answer).toMatch(/^Certifications help most/);
  });

  it("reads 'ml' as the 'machine learning' of an FAQ's question when matching it", () => {
    const corpus = [
      makeChunk(
        "gaming",
        "FAQs > 5. Do I need a GPU for gaming laptops?",
        "5. Do I need a GPU for gaming laptops?\nGaming laptops ship with GPUs.",
        "faq",
      ),
      makeChunk(
        "ml",
        "FAQs > 4. Do I need a GPU for machine learning?",
        "4. Do I need a GPU for machine learning?\nColab gives you free GPUs.",
        "faq",
      ),
    ];
    expect(composeOver(corpus, "do i need a gpu for ml")).toMatch(/^Colab gives you free GPUs/);
  });

  it("prefers the unit that supplies the kind of figure asked for ('how long' wants a time)", () => {
    const timed = [
      row(20, "Skill Tiers", [
        ["Tier", "Intermediate"],
        ["When to Have These", "End of Steps 3–4"],
      ]),
      row(21, "12-Month Roadmap", [
        ["Step", "Step 3"],
        ["Timeline", "Month 5"],
      ]),
    ];
    const answer = composeOver(timed, "how long does step 3 take");
    expect(answer).toMatch(/^Step 3 — timeline: Month 5/);
  });

  it("quotes the row for the month asked about, not one that shares the number with a step", () => {
    const answer = writer.compose({ question: "month 5??", passages: shown(3, 4) });
    expect(answer).toMatch(/^Step 3 — /);
    expect(answer).not.toContain("Month 9");
  });

  it("adds what follows a lead that only restates the question", () => {
    const compare = [
      makeChunk(
        "nlp",
        "NLP",
        "Understand the difference between BERT and GPT. BERT is encoder-based and used for classification. GPT-style models are decoder-based and designed for generation. Tokenizers matter too.",
      ),
    ];
    const answer = composeOver(compare, "bert vs gpt what's the difference");
    expect(answer).toBe(
      "Understand the difference between BERT and GPT. [1] BERT is encoder-based and used for classification. [1] GPT-style models are decoder-based and designed for generation. [1]",
    );
    // Asking for simple words does not make the restatement an answer.
    expect(composeOver(compare, "bert vs gpt diff in simple words")).toBe(answer);
    // Nor does stressing it ("the actual difference").
    expect(composeOver(compare, "bert vs gpt what's the actual difference")).toBe(answer);
  });

  it("adds what to do after a lead that only describes the learner's problem", () => {
    const tracking = [
      makeChunk(
        "mlflow",
        "Experiment Tracking",
        "Without tracking, experiments end up as a folder of notebooks named final_v3.ipynb. MLflow records each run with its parameters and metrics. The registry keeps model versions.",
      ),
    ];
    const story = "i have 40 notebooks named final_v2 and forget the params, how do i keep track";
    expect(composeOver(tracking, story)).toBe(
      "Without tracking, experiments end up as a folder of notebooks named final_v3.ipynb. [1] MLflow records each run with its parameters and metrics. [1]",
    );
    // Not asked what to do: the description alone answers.
    expect(composeOver(tracking, "what happens to experiments without tracking")).toBe(
      "Without tracking, experiments end up as a folder of notebooks named final_v3.ipynb. [1]",
    );
  });

  it("answers each part of a question that asks two things, in the parts' order", () => {
    const hardware = [
      makeChunk(
        "buy",
        "Hardware",
        "You do not need to buy a GPU to learn deep learning. A CPU is enough.",
      ),
      makeChunk(
        "free",
        "Hardware > Free options",
        "For deep learning, use free GPU resources from Google Colab or Kaggle Notebooks.",
      ),
      makeChunk("certs", "Certifications", "Some certifications are free for students."),
    ];
    const question =
      "Do I need to buy a GPU to learn deep learning, and where can I get one for free?";
    expect(composeOver(hardware, question)).toBe(
      "You do not need to buy a GPU to learn deep learning. [1] For deep learning, use free GPU resources from Google Colab or Kaggle Notebooks. [2]",
    );
    // Asked alone, the first part is not answered with the free GPUs.
    expect(composeOver(hardware, "Do I need to buy a GPU to learn deep learning?")).not.toContain(
      "Colab",
    );
  });

  it("answers 'why X' with the row of X whose column says why, above sentences that only name X", () => {
    const docker = [
      makeChunk(
        "layers",
        "Docker",
        "Copying requirements.txt first lets Docker reuse the cached dependency layer.",
      ),
      row(90, "Tools in This Step", [
        ["Tool", "Docker"],
        ["Purpose", "Containerization"],
        ["Why It Matters", "Ensures reproducible model serving"],
      ]),
    ];
    expect(composeOver(docker, "why docker tho")).toBe(
      "Docker — why it matters: Ensures reproducible model serving [2]",
    );
  });

  it("scores each part of a question by the part's own meaning as well as the whole's", () => {
    const setup = [
      makeChunk("conda", "Environments", "Conda can also install non-Python libraries."),
      makeChunk("version", "Versions", "Install Python 3.11 or newer."),
    ];
    // Two made-up meanings: installing tools, and Python versions.
    const units = new Map([
      ["conda", [{ text: setup[0]?.text ?? "", vector: new Float32Array([1, 0]) }]],
      ["version", [{ text: setup[1]?.text ?? "", vector: new Float32Array([0, 1]) }]],
    ]);
    const generator = new ExtractiveGenerator(new CorpusStatistics(setup), units);
    const question = "should i use conda, and which python version should i install?";
    const [tools, versions] = ["should i use conda", "which python version should i install?"];
    const input = {
      question,
      passages: rankedPassages(setup),
      // The whole question reads mostly as one about installing tools.
      queryVector: [0.95, 0.31],
    };
    expect(generator.compose(input)).not.toContain("3.11");
    const partVectors = new Map([
      [tools as string, [1, 0]],
      [versions as string, [0, 1]],
    ]);
    expect(generator.compose({ ...input, partVectors })).toBe(
      "Conda can also install non-Python libraries. [1] Install Python 3.11 or newer. [2]",
    );
  });

  it("answers a part by the words it does not share with the other parts", () => {
    const plan = [
      makeChunk(
        "core",
        "MLOps plan",
        "If you follow only the four core weeks of the MLOps plan, you have met the Step 5 milestone.",
      ),
      row(91, "The 8-week plan", [
        ["Week", "Weeks 7–8"],
        ["Focus", "Monitoring with Prometheus, Grafana and Evidently; retraining"],
      ]),
    ];
    // "weeks" is in both parts; "7", "8" and "cover" only in the second. The sentence's passage
    // ranks well above the row's, as retrieval for the whole question ranks it.
    expect(
      composeOver(
        plan,
        "if i only do weeks 1–4 of the mlops plan have i met the step 5 milestone? and what do weeks 7–8 cover",
        undefined,
        0.3,
      ),
    ).toBe(
      "If you follow only the four core weeks of the MLOps plan, you have met the Step 5 milestone. [1] Weeks 7–8 — focus: Monitoring with Prometheus, Grafana and Evidently; retraining [2]",
    );
  });

  it("answers a second part with its own sentence, not the one that answered the first", () => {
    const sharing = [
      makeChunk(
        "venv",
        "Virtual environments > Sharing",
        "Add .venv/ to your .gitignore; the environment itself is never committed to Git, only the requirements file. Anyone can rebuild the same environment with pip install -r requirements.txt.",
      ),
      makeChunk("kernel", "Notebooks", "Restart the kernel before sharing a notebook."),
    ];
    expect(
      composeOver(
        sharing,
        "should my .venv folder go into git? and how does someone else rebuild my environment",
      ),
    ).toBe(
      "Add .venv/ to your .gitignore; the environment itself is never committed to Git, only the requirements file. [1] Anyone can rebuild the same environment with pip install -r requirements.txt. [1]",
    );
  });

  it("adds nothing for a short part when its best unit is about something else", () => {
    const maths = [
      makeChunk(
        "calc",
        "Maths",
        "Calculus matters for optimization: learn derivatives and gradients.",
      ),
      makeChunk("cnn", "CNNs", "Each filter lights up where a part of an object appears."),
    ];
    expect(composeOver(maths, "is calculus really needed? what parts?")).toBe(
      "Calculus matters for optimization: learn derivatives and gradients. [1]",
    );
  });

  it("prefers a sentence for every learner to one for a situation the question does not name", () => {
    const timeline = [
      makeChunk(
        "time",
        "How Long Does It Take to Learn Machine Learning?",
        "If you already know Python and SQL, you can learn ML in 6–9 months. A complete beginner usually needs 12 months to learn ML.",
      ),
    ];
    expect(composeOver(timeline, "how long to learn ML")).toBe(
      "A complete beginner usually needs 12 months to learn ML. [1]",
    );
    // The learner's situation is the one the sentence is written for.
    expect(composeOver(timeline, "i know python and SQL, how long to learn ML")).toMatch(
      /^If you already know Python and SQL/,
    );
  });

  it("reads 'how does the roadmap define X' as a definition question", () => {
    const ml = [
      makeChunk(
        "ml",
        "What is Machine Learning?",
        "Machine learning differs from traditional programming in how rules are made. Machine learning is a branch of AI that learns patterns from data.",
      ),
    ];
    expect(composeOver(ml, "How does the roadmap define machine learning?")).toBe(
      "Machine learning is a branch of AI that learns patterns from data. [1]",
    );
  });

  it("answers a figure about a named row from that row, not from one listing a longer name", () => {
    const salaries = [
      row(30, "Salary by Experience", [
        ["Experience", "6–9 years"],
        ["Common Roles", "Senior ML Engineer, Senior Data Scientist"],
        ["Salary India", "₹25L–28L PA"],
      ]),
      row(31, "Career Roles", [
        ["Role", "Data Scientist"],
        ["Day-to-Day Work", "Analyze data, run experiments"],
        ["Salary Range India", "₹6–14L PA"],
      ]),
    ];
    expect(composeOver(salaries, "what's the salary of a data scientist in india")).toMatch(
      /^Data Scientist — .*₹6–14L PA \[2\]$/,
    );
  });

  it("matches the clause that asks more than the learner's story around it", () => {
    const chunks = [
      makeChunk("sales", "Industries", "Sales teams use ML for forecasting."),
      makeChunk("python", "Languages", "Python is the language to learn for ML."),
    ];
    expect(
      composeOver(chunks, "I do sales forecasting at work, which language should I learn for ML?"),
    ).toBe("Python is the language to learn for ML. [2]");
  });

  it("answers a plan the learner asks to have confirmed with the sentence that corrects it", () => {
    const chunks = [
      makeChunk(
        "laptop",
        "Hardware",
        "A GPU laptop speeds up training when you are learning deep learning.",
      ),
      makeChunk("faq", "FAQ", "You do not need a GPU to start learning."),
    ];
    expect(composeOver(chunks, "planning to buy a GPU laptop before learning, good plan?")).toBe(
      "You do not need a GPU to start learning. [2]",
    );
    expect(
      composeOver(chunks, "I'll buy a GPU laptop before learning — that's the right move?"),
    ).toBe("You do not need a GPU to start learning. [2]");
    // Asked without a plan to confirm, the better match leads.
    expect(composeOver(chunks, "should i buy a GPU laptop before learning")).toMatch(
      /^A GPU laptop/,
    );
  });

  it("answers whether something is required with the sentence that says it is not", () => {
    const chunks = [
      makeChunk(
        "python",
        "Programming",
        "Python is the best language to start with because most ML libraries and notebooks support it.",
      ),
      makeChunk(
        "cp",
        "FAQ",
        "You do not need competitive programming mastery, but you should write clean Python code.",
      ),
    ];
    for (const question of [
      "i never did competitive programming, do i need to be like a codeforces expert before starting ML",
      "is competitive programming mandatory before starting ML?",
    ]) {
      expect(composeOver(chunks, question), question).toMatch(/^You do not need competitive/);
    }
    // "need" with the thing itself, not "need to …"; "required" as "mandatory".
    const skills = [
      makeChunk("engineer", "Careers", "Competitive programming skills help a learner."),
      makeChunk(
        "cp",
        "FAQ",
        "You do not need competitive programming mastery, but you should write clean Python code.",
      ),
    ];
    for (const question of [
      "Do I need competitive programming skills to become a machine learning engineer?",
      "are competitive programming skills required for a machine learning engineer",
    ]) {
      expect(composeOver(skills, question), question).toMatch(/^You do not need competitive/);
    }
    // "what do i need to …" asks what, not whether.
    const learn = [
      makeChunk("calc", "Math", "Learn derivatives and gradients for calculus."),
      makeChunk("not", "Math", "You do not need advanced calculus proofs."),
    ];
    expect(composeOver(learn, "what do i need to learn in calculus")).toMatch(/^Learn derivatives/);
  });

  it("quotes the milestone when the learner asks whether they are ready to move on", () => {
    const step = [
      makeChunk(
        "step2",
        "Step 2: Core ML Algorithms",
        "Decision trees are done first. Milestone: You are ready to move on when you can train three models and compare them.",
      ),
    ];
    const answer = composeOver(step, "how do i know i am done and can move ahead");
    expect(answer).toMatch(/^Milestone: You are ready to move on/);
    // What being ready means: the sentence that says when, not one that only names it.
    const ready = [
      makeChunk(
        "intro",
        "Introduction",
        "This roadmap gives you a path from beginner to job-ready.",
      ),
      makeChunk(
        "faq",
        "FAQ",
        "You are job-ready when you can explain, deploy and monitor a model you trained.",
      ),
    ];
    for (const question of [
      "When does the roadmap consider someone job-ready?",
      "how do i know im actually job ready",
      "what does 'job-ready' even mean",
    ]) {
      expect(composeOver(ready, question), question).toMatch(/^You are job-ready when/);
    }
    // "step 2 milestone?" asks for the milestone itself, not a sentence that mentions one.
    const milestones = [
      makeChunk("weeks", "Step 2", "The milestone takes most learners about four weeks."),
      makeChunk(
        "step2",
        "Step 2",
        "Milestone: You are ready to move on when you can train three models.",
      ),
    ];
    expect(composeOver(milestones, "step 2 milestone?")).toMatch(
      /^Milestone: You are ready to move on/,
    );
    // "what should I be able to do before moving on from step 2" asks it too.
    const table = [
      row(70, "12-Month Roadmap", [
        ["Step", "Step 2"],
        ["Timeline", "Month 3–4"],
        ["Milestone", "Train and compare ML models"],
      ]),
      makeChunk(
        "step2",
        "Step 2",
        "Milestone: You are ready to move on when you can train three models and compare them.",
      ),
    ];
    expect(
      composeOver(
        table,
        "How many models should I train and compare before moving on from Step 2?",
      ),
    ).toMatch(/^Milestone: You are ready to move on/);
  });

  it("matches a number the question measures with ('6 months') only to that measure", () => {
    const plans = [
      row(40, "Roadmap", [
        ["Step", "Step 6"],
        ["Timeline", "Month 10–11"],
        ["Focus Area", "Portfolio projects"],
      ]),
      makeChunk("short", "Shorter plans", "In 6 months, focus on Scikit-learn and FastAPI."),
    ];
    expect(composeOver(plans, "only have 6 months, what should i focus on")).toMatch(
      /^In 6 months, focus on/,
    );
    // "Month 6" states the same measure.
    expect(
      composeOver(
        [plans[0] as Chunk, makeChunk("m6", "Plan", "Month 6 is for deep learning.")],
        "what should i focus on in 6 months",
      ),
    ).toMatch(/^Month 6 is for deep learning/);
  });

  it("prefers the row the question names over one that lists the name in a cell", () => {
    const rows = [
      row(30, "Pay by Experience", [
        ["Experience", "6–9 years"],
        ["Common Roles", "Senior Data Scientist, MLOps Engineer"],
        ["Salary India", "₹25L–28L PA"],
      ]),
      row(31, "Pay by Role", [
        ["Role", "Data Scientist"],
        ["Day-to-Day Work", "Analyze data and run experiments"],
        ["Salary India", "₹6–14L PA"],
      ]),
    ];
    expect(composeOver(rows, "data scientist salary india")).toMatch(/^Data Scientist — /);
  });

  it("reads a row's name written with initials ('cv engineer') as naming it", () => {
    const rows = [
      row(32, "Pay by Experience", [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, Applied Scientist"],
        ["Salary India", "₹9L–20L PA"],
      ]),
      row(33, "Pay by Role", [
        ["Role", "Computer Vision Engineer"],
        ["Day-to-Day Work", "Build image models"],
        ["Salary India", "₹5L–10.6L PA"],
      ]),
    ];
    expect(composeOver(rows, "how much does a cv engineer earn in india")).toMatch(
      /^Computer Vision Engineer — /,
    );
    expect(composeOver(rows, "cv engineering salary range in india")).toMatch(
      /^Computer Vision Engineer — /,
    );
  });

  it("reads a column the question names ('ML Engineer') as naming its row of a comparison", () => {
    const rows = [
      row(34, "Pay by Experience", [
        ["Experience", "3–5 years"],
        ["Common Roles", "ML Engineer, Applied Scientist"],
        ["Salary India", "₹9L–20L PA"],
      ]),
      row(35, "Roles Compared", [
        ["Dimension", "Salary India"],
        ["ML Engineer", "₹8L–20L PA"],
        ["Data Scientist", "₹6L–14L PA"],
      ]),
    ];
    expect(composeOver(rows, "ml engineer salary in india")).toMatch(/^Salary India — /);
    // A follow-up asking "for both": the things it points at are carried after its question mark.
    const experienceFirst = [
      row(34, "Pay by Experience", [
        ["Experience", "0–2 years"],
        ["Common Roles", "Junior ML Engineer, Data Scientist"],
        ["Salary India", "₹4L–5L PA"],
      ]),
      rows[1] as Chunk,
    ];
    expect(
      composeOver(experienceFirst, "salary for both in india? (ML engineer or data scientist)"),
    ).toMatch(/^Salary India — /);
  });

  it("answers a comparison of two things described in prose with a sentence about each", () => {
    const drift = [
      makeChunk(
        "drift",
        "Data Drift and Model Drift",
        "Drift comes in several kinds. Data drift means the inputs changed compared with the training data. A common cause of model drift is concept drift, where the relationship between inputs and target changes. Tools such as Evidently compare data and report drift.",
      ),
    ];
    expect(composeOver(drift, "data drift vs concept drift??")).toBe(
      "Data drift means the inputs changed compared with the training data. [1] A common cause of model drift is concept drift, where the relationship between inputs and target changes. [1]",
    );
  });

  it("does not read a lead naming both sides as one slash compound as comparing them", () => {
    const ci = [
      row(1, "Deployment Tools", [
        ["Tool", "GitHub Actions"],
        ["Purpose", "CI/CD automation"],
      ]),
      makeChunk(
        "cicd",
        "CI/CD",
        "Continuous integration (CI) runs automated checks on every push. Continuous delivery (CD) then packages and releases the code. Both save time.",
      ),
    ];
    expect(composeOver(ci, "CI vs CD")).toBe(
      "Continuous integration (CI) runs automated checks on every push. [2] Continuous delivery (CD) then packages and releases the code. [2]",
    );
  });

  it("does not read a row about a third thing that mentions both sides as comparing them", () => {
    const models = [
      row(1, "Activation Functions", [
        ["Activation", "GELU"],
        ["Typical use", "Hidden layers of Transformers such as BERT and GPT"],
      ]),
      makeChunk(
        "families",
        "BERT and GPT",
        "Understand the transformer first. BERT is encoder-based and used for classification. GPT-style models are decoder-based and designed for text generation.",
      ),
    ];
    expect(composeOver(models, "bert vs gpt")).toBe(
      "BERT is encoder-based and used for classification. [2] GPT-style models are decoder-based and designed for text generation. [2]",
    );
  });

  it("answers what a tradeoff is with both of its sides", () => {
    const tradeoff = [
      makeChunk(
        "bv",
        "Bias-Variance Tradeoff",
        "Bias is error caused by overly simple assumptions. Variance is error caused by a model being too sensitive to training data.",
      ),
      makeChunk("docker", "Docker", "Docker images package code and libraries."),
    ];
    const both =
      "Bias is error caused by overly simple assumptions. [1] Variance is error caused by a model being too sensitive to training data. [1]";
    expect(composeOver(tradeoff, "what is the bias variance tradeoff")).toBe(both);
    expect(composeOver(tradeoff, "how do i fix high variance")).not.toBe(both);
  });

  it("brings the sentence that names what a lead's 'it' stands for", () => {
    const drift = [
      makeChunk(
        "evidently",
        "Monitoring",
        "Evidently is an open-source library that produces drift reports. You can run it in a scheduled job and send alerts when drift is detected. Prometheus stores metrics.",
      ),
    ];
    expect(composeOver(drift, "how do i get drift alerts from a nightly scheduled job")).toBe(
      "Evidently is an open-source library that produces drift reports. [1] You can run it in a scheduled job and send alerts when drift is detected. [1]",
    );
  });

  it("quotes the line a sentence ending with a colon introduces", () => {
    const answer = composeOver(
      [
        makeChunk(
          "plan",
          "Roadmap",
          "Here is the recommended 3-step plan for 2026:\nPython → Data Handling → Models",
        ),
      ],
      "what is the recommended plan",
    );
    expect(answer).toBe(
      "Here is the recommended 3-step plan for 2026: [1] Python → Data Handling → Models [1]",
    );
  });

  it("answers a milestone question with the step's milestone, not a table row's milestone cell", () => {
    const corpus = [
      makeRow("plan", "12-Month Roadmap", [
        ["Step", "Step 3"],
        ["Main Tools", "Pandas, Scikit-learn"],
        ["Milestone", "Build ML pipelines"],
      ]),
      makeChunk(
        "step3",
        "Step 3: Feature Engineering",
        "Milestone: Build a Scikit-learn pipeline with preprocessing tools and cross-validation.",
      ),
    ];
    expect(composeOver(corpus, "step 3 milestone kya hai")).toBe(
      "Milestone: Build a Scikit-learn pipeline with preprocessing tools and cross-validation. [2]",
    );
    // A milestone carried over from the last question is context, not what is asked.
    expect(composeOver(corpus, "which tools for that step (step 3 milestone)")).toMatch(
      /^Step 3 — main tools: Pandas, Scikit-learn/,
    );
  });

  it("brings the sentence after a lead that only says how many there are", () => {
    const answer = composeOver(
      [
        makeChunk(
          "transfer",
          "Transfer Learning",
          "Transfer learning reuses a trained network. There are two common strategies. In feature extraction you freeze the layers; in fine-tuning you unfreeze them.",
        ),
      ],
      "what are the two common strategies of transfer learning",
    );
    expect(answer).toBe(
      "There are two common strategies. [1] In feature extraction you freeze the layers; in fine-tuning you unfreeze them. [1]",
    );
  });

  it("reads a tutorial the question names as where to look, not as words to match", () => {
    const fromTitle = (id: string, title: string, section: string, text: string): Chunk => ({
      ...makeChunk(id, section, text),
      title,
    });
    const corpus = [
      fromTitle(
        "about",
        "Deep Learning Basics",
        "Deep Learning Basics",
        "This deep learning tutorial supports Step 4 of the roadmap.",
      ),
      fromTitle(
        "shadow",
        "MLOps Notes",
        "Deployment Strategies",
        "A shadow deployment sends a copy of live traffic to the new model.",
      ),
      fromTitle(
        "other",
        "Deep Learning Basics",
        "Serving",
        "A shadow model is served next to the old one.",
      ),
    ];
    expect(composeOver(corpus, "what is a shadow deployment in the mlops notes tutorial")).toBe(
      "A shadow deployment sends a copy of live traffic to the new model. [2]",
    );
    expect(composeOver(corpus, "what is shadow serving in the deep learning tutorial")).toBe(
      "A shadow model is served next to the old one. [3]",
    );
  });

  it("prefers the roadmap's own unit when the question names 'the roadmap'", () => {
    const roadmapTitle = "Machine Learning Roadmap";
    const corpus = [
      {
        ...makeChunk(
          "tutorial",
          "Basics",
          "Machine learning is the part of AI that learns from data.",
        ),
        title: "Deep Learning Tutorial",
      },
      {
        ...makeChunk(
          "roadmap",
          "What Is ML",
          "Machine learning is a branch of AI that learns patterns.",
        ),
        title: roadmapTitle,
      },
    ];
    const passages = rankedPassages(corpus, 0.02);
    const statistics = new CorpusStatistics(corpus);
    const writer = new ExtractiveGenerator(statistics, new Map(), {}, [roadmapTitle]);
    const question = "How does the roadmap define machine learning?";
    expect(writer.compose({ question, passages })).toMatch(/^Machine learning is a branch/);
    // Without a document of kind roadmap, the better-ranked tutorial's unit leads.
    expect(new ExtractiveGenerator(statistics, new Map()).compose({ question, passages })).toMatch(
      /^Machine learning is the part/,
    );
  });

  it("counts a unit holding a search expansion of a question word ('downsides' → weakness)", () => {
    // "weakness" states no cost the drawback bonus knows: only the expansion finds it.
    const corpus = [
      makeChunk("use", "XGBoost", "XGBoost is widely used on tabular data."),
      makeChunk("limit", "XGBoost", "The main weakness of XGBoost is careful tuning."),
    ];
    const question = "xgboost downsides?";
    expect(composeOver(corpus, question)).toMatch(/^XGBoost is widely used/);
    expect(composeOver(corpus, question, ["weakness"])).toMatch(/^The main weakness/);
  });

  /** A writer over `chunks` alone, shown them in order with falling retrieval scores. */
  const over = (chunks: Chunk[]) => ({
    writer: new ExtractiveGenerator(new CorpusStatistics(chunks), new Map()),
    passages: rankedPassages(chunks),
  });

  it("answers from the material, not from a practice exercise, unless practice is asked", () => {
    const chunks = [
      makeChunk(
        "task",
        "Python for ML > Practice Checklist",
        "Count and handle missing values, remove duplicates, and fix column types.",
      ),
      makeChunk(
        "how",
        "Python for ML > Cleaning Data",
        "To handle missing values, drop incomplete rows with dropna() or fill gaps with fillna().",
      ),
    ];
    const compose = (question: string) => composeOver(chunks, question, undefined, 0.2);
    expect(compose("how do i handle missing values")).toMatch(/^To handle missing values, drop/);
    expect(compose("what should i practise about missing values")).toMatch(/^Count and handle/);
  });

  it("answers how to do something from prose rather than a table row naming the tool", () => {
    const tool = makeRow("mlflow", "MLOps Tools", [
      ["Tool", "MLflow"],
      ["Category", "Experiment tracking and registry"],
      ["What it does", "Logs runs and manages model versions"],
    ]);
    const alias = makeChunk(
      "alias",
      "MLflow > Aliases",
      "Promoting or rolling back is just moving the alias to another version.",
    );
    const compose = (question: string) => composeOver([tool, alias], question, undefined, 0.2);
    expect(compose("how do i roll back using the mlflow registry")).toMatch(
      /^Promoting or rolling/,
    );
    // Asked what it is, the row says it.
    expect(compose("what is the mlflow registry")).toMatch(/^MLflow — category/);
  });

  it("answers how a thing does its work, or what it is for, from prose rather than its row", () => {
    const tool = makeRow("dvc", "MLOps Tools", [
      ["Tool", "DVC"],
      ["Category", "Data versioning"],
      ["What it does", "Versions datasets and model files alongside Git"],
    ]);
    const how = makeChunk(
      "how",
      "DVC",
      "DVC (Data Version Control) versions large files alongside Git without putting them in Git.",
    );
    const compose = (question: string) => composeOver([how, tool], question, undefined, 0.05);
    expect(compose("How does DVC version a large dataset without storing it in Git?")).toMatch(
      /^DVC \(Data Version Control\) versions/,
    );
    expect(compose("what is the use of DVC when git is already there")).toMatch(/^DVC \(Data/);
    // Asked what it is, the row says it.
    expect(compose("what is DVC")).toMatch(/^DVC — category/);
  });

  it("cites beside a sentence every other passage with a sentence holding all it says", () => {
    const faq = makeChunk(
      "faq",
      "FAQ",
      "A complete beginner usually needs 12–18 months to become interview-ready.",
    );
    const timeline = makeChunk(
      "timeline",
      "Timeline",
      "A complete beginner usually needs 12 months of structured learning to become project-ready and 12–18 months to become interview-ready for entry-level ML roles.",
    );
    expect(composeOver([faq, timeline], "months to interview-ready from zero?")).toBe(
      "A complete beginner usually needs 12–18 months to become interview-ready. [1] [2]",
    );
    // The FAQ's sentence does not say all the timeline's does: the timeline alone is cited.
    expect(
      composeOver([timeline, faq], "how long to become project-ready and interview-ready"),
    ).toMatch(/for entry-level ML roles\. \[1\]$/);
  });

  it("leads with the unit that states a cost when the question asks for the catch", () => {
    const takes = makeChunk(
      "takes",
      "Transfer Learning",
      "Training a CNN from scratch takes a large labelled dataset and substantial GPU time.",
    );
    const needs = makeChunk(
      "needs",
      "Transfer Learning",
      "Training a CNN from scratch needs a large labelled dataset and substantial GPU time.",
    );
    const compose = (question: string) => composeOver([takes, needs], question);
    expect(compose("whats the catch with training a CNN from scratch?")).toMatch(/ needs a large/);
    // "catch" as a verb asks for no drawback.
    expect(compose("how do i catch errors when training a CNN from scratch")).toMatch(
      / takes a large/,
    );
  });

  it("defines a term by the clause that ends in it before a colon, not by a row naming it", () => {
    const tool = makeRow("mlflow", "MLOps Tools", [
      ["Tool", "MLflow"],
      ["Category", "Experiment tracking and registry"],
      ["What it does", "Logs runs and manages model versions and aliases"],
    ]);
    const alias = makeChunk(
      "alias",
      "MLflow > Model Registry",
      "Instead of fixed stages, current MLflow uses aliases: movable labels such as champion that point at one version.",
    );
    const listing = makeChunk(
      "tools",
      "AutoML",
      "AutoML tools such as Google AutoML, H2O.ai and AutoGluon generate strong baselines.",
    );
    const label = makeChunk(
      "label",
      "Future Trends",
      "AutoML: AutoML tools speed up baseline modelling, but engineers are still needed.",
    );
    const compose = (question: string, chunks: Chunk[]) => composeOver(chunks, question);
    expect(compose("what are aliases in mlflow", [tool, alias])).toMatch(
      /^Instead of fixed stages/,
    );
    // A label before a colon ("AutoML: …") is no clause that says what follows it.
    expect(compose("AutoML tool names", [listing, label])).toMatch(/^AutoML tools such as/);
  });

  it("answers 'what are the 7 steps' where the material counts seven steps, not with Step 7", () => {
    const chunks = [
      row(80, "12-Month Roadmap", [
        ["Step", "Step 7"],
        ["Timeline", "Month 12+"],
        ["Focus Area", "LLMs and specialization"],
      ]),
      makeChunk(
        "outline",
        "Roadmap Overview",
        "Here is the recommended 7-step roadmap:\nFoundations → Data → Algorithms → Deep Learning → Deployment → Projects → LLMs",
      ),
    ];
    const answer = composeOver(chunks, "what are the 7 steps of the roadmap");
    expect(answer).toMatch(/^Here is the recommended 7-step roadmap:/);
    expect(answer).toContain("Foundations → Data");
    expect(answer).not.toContain("Month 12+");
  });

  describe("questions about several rows of one table", () => {
    const strategies = [
      row(90, "Releasing a New Model Safely", [
        ["Strategy", "Shadow deployment"],
        ["What happens", "The new model receives a copy of live traffic"],
      ]),
      row(91, "Releasing a New Model Safely", [
        ["Strategy", "Canary release"],
        ["What happens", "A small share of traffic goes to the new model"],
      ]),
      row(92, "Releasing a New Model Safely", [
        ["Strategy", "Rollback"],
        ["What happens", "Traffic returns to the previous model"],
      ]),
    ];

    it("answers 'what are X and Y?' with the row of each", () => {
      const answer = composeOver(strategies, "What are shadow deployment and canary release?");
      expect(answer).toContain("Shadow deployment — what happens");
      expect(answer).toContain("Canary release — what happens");
      expect(answer).not.toContain("Rollback");
      // Asked what they are used for.
      const usedFor = composeOver(
        strategies,
        "what are the shadow deployment and canary release strategies typically used for?",
      );
      expect(usedFor).toContain("Shadow deployment — what happens");
      expect(usedFor).toContain("Canary release — what happens");
    });

    it("answers 'how do X and Y work?' with the row of each", () => {
      const answer = composeOver(strategies, "how do shadow deployment and canary release work");
      expect(answer).toContain("Shadow deployment — what happens");
      expect(answer).toContain("Canary release — what happens");
      expect(answer).not.toContain("Rollback");
    });

    it("answers 'which one should i prefer' with the unit that picks one, not both rows", () => {
      const patterns = [
        row(95, "Batch and Online Prediction", [
          ["Pattern", "Online prediction"],
          ["How it works", "An API returns a prediction for each request in real time"],
        ]),
        row(96, "Batch and Online Prediction", [
          ["Pattern", "Batch prediction"],
          ["How it works", "A scheduled job scores many records and writes results to a table"],
        ]),
        makeChunk(
          "prefer",
          "Batch and Online Prediction",
          "Batch prediction is simpler and cheaper to operate, so prefer it whenever the business can wait for the next scheduled run.",
        ),
      ];
      const question = "which one should i prefer (batch prediction vs online prediction)";
      expect(composeOver(patterns, question)).toMatch(/^Batch prediction is simpler/);
      expect(composeOver(patterns, question)).not.toContain("Online prediction — how it works");
    });

    it("answers a part naming another row of the lead's table with that row", () => {
      const salaries = [
        row(93, "Salary by Experience", [
          ["Experience", "3–5 years"],
          ["Salary India", "₹9L–20L PA"],
          ["Global Salary Range", "$120K–$180K"],
        ]),
        row(94, "Salary by Experience", [
          ["Experience", "10+ years"],
          ["Salary India", "₹40L–50L PA"],
          ["Global Salary Range", "$220K–$300K+"],
        ]),
        makeChunk("vary", "Salary", "ML salaries vary based on role and experience."),
      ];
      const answer = composeOver(
        salaries,
        "salary for 3–5 years experience in india? and what's the global range once your 10+ years",
        undefined,
        0.3,
      );
      expect(answer).toContain("₹9L–20L PA");
      expect(answer).toContain("$220K–$300K+");
    });

    it("answers 'what are the different X' as a list of the table's rows", () => {
      const answer = composeOver(strategies, "what are the different release strategies");
      expect(answer.split("\n")).toHaveLength(3);
    });
  });

  it("answers 'which one for X' with the thing's own unit, not a list that names it among many", () => {
    const chunks = [
      makeChunk(
        "projects",
        "Portfolio",
        "Good examples include house price prediction, churn classification, sentiment analysis with BERT, and image classification.",
      ),
      makeChunk("other", "Training", "An epoch is one pass over the training data."),
      makeChunk(
        "bert",
        "BERT versus GPT",
        "BERT is encoder-based and used for sentiment classification and extraction.",
      ),
    ];
    expect(
      composeOver(
        chunks,
        "which one should i use for sentiment classification? (BERT GPT)",
        undefined,
        0.1,
      ),
    ).toMatch(/^BERT is encoder-based/);
  });

  describe("definition questions, as learners ask them", () => {
    const prose = [
      makeChunk(
        "why",
        "Why MLOps",
        "Deployment means making the model usable, and MLOps means keeping it reliable.",
      ),
      makeChunk(
        "what",
        "What MLOps is",
        "MLOps (machine learning operations) is the set of practices that keeps models reliable.",
      ),
      makeChunk(
        "diff",
        "Machine learning",
        "Machine learning is different from traditional programming because models learn rules.",
      ),
      makeChunk(
        "def",
        "Machine learning",
        "Machine learning is a branch of AI that learns patterns from data.",
      ),
    ];
    const definer = new ExtractiveGenerator(new CorpusStatistics(prose), new Map());
    const passages = (...ids: string[]): Passage[] =>
      ids.map((id, rank) => ({
        n: rank + 1,
        chunk: prose.find((chunk) => chunk.id === id) as Chunk,
        score: 1 - rank * 0.05,
      }));

    it("prefers the unit that says what the thing is over a list that only names it", () => {
      const chunks = [
        makeChunk(
          "learn",
          "Deep Learning Foundations",
          "Learn neurons, layers, activation functions, loss functions, optimizers, dropout, and learning rate schedules.",
        ),
        makeChunk("other", "Training", "Batch size sets how many examples each step sees."),
        makeChunk("other2", "Training", "An epoch is one pass over the training data."),
        makeChunk(
          "dropout",
          "Regularisation",
          "Dropout randomly switches off a fraction of activations during each training step.",
        ),
      ];
      const answer = composeOver(chunks, "what is dropout", undefined, 0.1);
      expect(answer).toMatch(/^Dropout randomly switches off/);
    });

    it("reads 'X meaning?' as a definition and does not match on the word 'meaning'", () => {
      const answer = definer.compose({
        question: "mlops meaning?",
        passages: passages("why", "what"),
      });
      expect(answer).toMatch(/^MLOps \(machine learning operations\) is the set/);
    });

    it("prefers the unit that says what the thing is over one that says how it differs", () => {
      const answer = definer.compose({
        question: "what is machine learning in simple terms",
        passages: passages("diff", "def"),
      });
      expect(answer).toMatch(/^Machine learning is a branch of AI/);
    });

    it("reads where to look ('as defined in the roadmap') as no part of what is defined", () => {
      for (const question of [
        "What is machine learning, as defined in the roadmap?",
        "what is machine learning according to the deep learning tutorial",
      ]) {
        const answer = definer.compose({ question, passages: passages("diff", "def") });
        expect(answer).toMatch(/^Machine learning is a branch of AI/);
      }
    });

    it("does not take a longer name that starts with the term for its definition", () => {
      const rates = [
        makeChunk(
          "schedule",
          "Training",
          "A learning rate schedule changes the rate during training.",
        ),
        makeChunk("rate", "Training", "The learning rate sets the size of each update step."),
      ];
      const { writer, passages } = over(rates);
      const answer = writer.compose({ question: "what is the learning rate", passages });
      expect(answer).toMatch(/^The learning rate sets the size/);
    });

    it("reads a name spelled out in brackets as a definition, and 'X can also …' as none", () => {
      const dvc = [
        makeChunk(
          "pipelines",
          "DVC",
          "DVC can also describe multi-stage pipelines in a dvc.yaml file and rerun them.",
        ),
        makeChunk(
          "versions",
          "DVC",
          "DVC (Data Version Control) versions large files alongside Git without putting them in Git.",
        ),
      ];
      const { writer, passages } = over(dvc);
      expect(writer.compose({ question: "what does dvc do", passages })).toMatch(
        /^DVC \(Data Version Control\) versions/,
      );
    });

    it("weighs a follow-up's own words over the topic carried over from before", () => {
      const metrics = [
        makeChunk(
          "cls",
          "Metrics",
          "For classification, learn precision, recall, F1-score, ROC-AUC, and PR-AUC.",
        ),
        makeChunk("reg", "Metrics", "For regression, learn MAE, MSE, RMSE, and R²."),
      ];
      const { writer, passages } = over(metrics);
      expect(
        writer.compose({ question: "what about for regression (f1 calculated)", passages }),
      ).toMatch(/^For regression/);
      // "which one" points at what was carried over: it stays what is asked about.
      expect(writer.compose({ question: "which one (f1 calculated)", passages })).toMatch(
        /^For classification/,
      );
    });

    it("reads 'which' before a word of the follow-up's own as asking about that word", () => {
      const setup = [
        makeChunk(
          "conda",
          "Environments",
          "Use conda when a package needs compiled system libraries, not only python ones.",
        ),
        makeChunk("version", "Python", "Python 3.11 or newer is a safe version."),
        makeChunk("pin", "Packages", "Pin the version of each package in requirements.txt."),
      ];
      const { writer, passages } = over(setup);
      expect(
        writer.compose({
          question: "and which python version though (python and conda)",
          passages,
        }),
      ).toMatch(/^Python 3\.11/);
    });

    it("leads a choice question with the unit that picks one of the things weighed", () => {
      const serving = [
        makeChunk(
          "deploy",
          "Projects",
          "At least one project should be deployed using Streamlit, Gradio, or FastAPI.",
        ),
        makeChunk(
          "pick",
          "Serving",
          "Use Streamlit or Gradio for demos and FastAPI for real APIs.",
        ),
      ];
      const { writer, passages } = over(serving);
      expect(writer.compose({ question: "streamlit or fastapi, which one?", passages })).toMatch(
        /^Use Streamlit or Gradio for demos/,
      );
    });

    it("reads 'learn X first' as picking one of the things weighed", () => {
      const frameworks = [
        makeChunk("tools", "Tools", "Deep learning tools: PyTorch, TensorFlow and Keras."),
        makeChunk(
          "first",
          "Frameworks",
          "Learn PyTorch first and pick up TensorFlow later if needed.",
        ),
      ];
      const { writer, passages } = over(frameworks);
      expect(
        writer.compose({ question: "pytorch or tensorflow which one should i learn", passages }),
      ).toMatch(/^Learn PyTorch first/);
    });

    it("leads a why-question with the unit that gives a reason", () => {
      const { writer, passages } = over([
        makeChunk("check", "Setup", "Check your Python version with python --version."),
        makeChunk(
          "why",
          "Languages",
          "Python is the best first language because its ML ecosystem is the strongest.",
        ),
      ]);
      expect(writer.compose({ question: "why python?", passages })).toMatch(/^Python is the best/);
    });

    it("leads a question asking which tools with the unit that names tools, not a definition", () => {
      const chunks = [
        makeChunk(
          "what",
          "LLMs > RAG",
          "RAG, or Retrieval-Augmented Generation, connects an LLM to external documents so RAG can answer.",
        ),
        makeChunk(
          "tools",
          "LLMs > RAG",
          "LangChain and LlamaIndex are useful for LLM applications with retrieval.",
        ),
        makeRow("langchain", "Tools", [
          ["Tool", "LangChain"],
          ["Purpose", "LLM applications"],
        ]),
      ];
      const passages = rankedPassages(chunks);
      const statistics = new CorpusStatistics(chunks);
      const lexicon = new EntityLexicon(chunks);
      const withTools = new ExtractiveGenerator(statistics, new Map(), {}, [], lexicon);
      const question = "which libraries do people build RAG apps with";
      expect(withTools.compose({ question, passages })).toMatch(/^LangChain and LlamaIndex/);
      // Asked what RAG is, the definition still leads.
      expect(withTools.compose({ question: "what is RAG", passages })).toMatch(/^RAG, or/);
    });

    it("takes a little from a row the question neither names nor asks a figure of", () => {
      const chunks = [
        makeRow("batch", "Serving Patterns", [
          ["Pattern", "Batch prediction"],
          ["How it works", "A scheduled job scores many records"],
        ]),
        makeRow("online", "Serving Patterns", [
          ["Pattern", "Online prediction"],
          ["How it works", "An API returns a prediction for each request"],
        ]),
        makeChunk(
          "advice",
          "Batch or Online?",
          "Batch prediction is simpler and cheaper to operate, so prefer it when the business can wait.",
        ),
      ];
      // The advice is found a little lower than the rows.
      const passages = rankedPassages(chunks, 0.15);
      const statistics = new CorpusStatistics(chunks);
      const question = "batch or online predictions, which one shud i go with";
      const penalised = new ExtractiveGenerator(statistics, new Map());
      expect(penalised.compose({ question, passages })).toMatch(/^Batch prediction is simpler/);
      const unpenalised = new ExtractiveGenerator(statistics, new Map(), { unnamedRowPenalty: 0 });
      expect(unpenalised.compose({ question, passages })).toMatch(/^Batch prediction —/);
    });

    it("answers of the learner type asked about, not another one's sentence", () => {
      const { writer, passages } = over([
        makeChunk(
          "beginner",
          "How Long Does It Take?",
          "A complete beginner usually needs 12–18 months to become ready for ML roles.",
        ),
        makeChunk("other", "How Long Does It Take?", "Consistency matters more than speed."),
        makeRow("switcher", "Learning Paths", [
          ["Learner Type", "Career Switcher"],
          ["Starting Point", "Non-CS background"],
          ["Expected Timeline", "12–18 months"],
        ]),
      ]);
      expect(
        writer.compose({
          question: "how long does it take a career switcher to become ready for ML roles?",
          passages,
        }),
      ).toMatch(/^Career Switcher/);
      // No state is left for the next question in the lexicon's (global) patterns.
      const patterns = learnerLexicon().learnerTypes.flatMap((type) => type.descriptions);
      expect(patterns.filter((pattern) => pattern.lastIndex !== 0)).toEqual([]);
      // Asked of the complete beginner, the sentence about them answers.
      expect(
        writer.compose({
          question: "how long does it take a complete beginner to become ready for ML roles?",
          passages,
        }),
      ).toMatch(/^A complete beginner/);
    });

    it("leads a why-question with the reason over the claim it gives the reason for", () => {
      const { writer, passages } = over([
        makeChunk(
          "claim",
          "Frameworks",
          "PyTorch is the better first choice for most learners in 2026.",
        ),
        makeChunk("other", "Frameworks", "TensorFlow is still used in some production teams."),
        makeChunk("more", "Frameworks", "Keras offers a simple high-level API."),
        makeChunk("jax", "Frameworks", "JAX is popular in some research labs."),
        makeChunk("onnx", "Frameworks", "ONNX moves models between frameworks."),
        makeChunk(
          "reason",
          "Frameworks",
          "PyTorch is recommended for most learners in 2026 because it is Pythonic and widely used.",
        ),
      ]);
      expect(
        writer.compose({
          question: "Why is PyTorch recommended for most learners in 2026?",
          passages,
        }),
      ).toMatch(/^PyTorch is recommended for most learners in 2026 because/);
    });

    it("leads a why-question with the reason over a row whose first column only names the kind", () => {
      const { writer, passages } = over([
        makeRow("logistic", "Algorithm Comparison Table", [
          ["Algorithm", "Logistic Regression"],
          ["Type", "Supervised"],
          ["When to Use", "Binary or multi-class classification"],
          ["Key Hyperparameters", "C, penalty"],
        ]),
        makeChunk(
          "reason",
          "Classical Algorithms",
          "Start with Logistic Regression because it is interpretable and teaches decision boundaries.",
        ),
      ]);
      expect(
        writer.compose({
          question:
            "Why is logistic regression recommended as the first supervised algorithm to study?",
          passages,
        }),
      ).toMatch(/^Start with Logistic Regression because/);
    });

    it("leads a question asking what kinds there are with the unit that says which, alone", () => {
      const { writer, passages } = over([
        makeRow("actions", "Tools at a Glance", [
          ["Tool", "GitHub Actions"],
          ["Category", "CI/CD"],
          ["What it does", "Runs tests and builds on every change in the repo"],
        ]),
        makeChunk(
          "ci",
          "Continuous Integration",
          "Secrets such as registry passwords belong in the repository's encrypted secrets. Useful tests for an ML repo in CI include unit tests for feature functions and a smoke test of the model.",
        ),
      ]);
      const answer = writer.compose({
        question: "what kind of tests shud an ml repo run in CI pls",
        passages,
      });
      expect(answer).toMatch(/^Useful tests for an ML repo in CI include/);
      expect(answer).not.toMatch(/Secrets/);
    });

    it("answers what happens at an extreme with the unit that names it, not a row matching a word", () => {
      const { writer, passages } = over([
        makeRow("xgb", "Algorithm Comparison Table", [
          ["Algorithm", "XGBoost"],
          ["When to Use", "High-performance structured data"],
          ["Key Hyperparameters", "learning_rate, n_estimators, max_depth"],
        ]),
        makeChunk(
          "rate",
          "Learning Rate, Batch Size and Epochs",
          "The learning rate sets the size of each update step. Too high and the loss jumps around or becomes NaN; too low and training crawls.",
        ),
      ]);
      expect(
        writer.compose({ question: "what happens if the learning rate is too high?", passages }),
      ).toMatch(/^Too high and the loss jumps around/);
    });

    it("reads a bare term ('mlops?') as asking what it is", () => {
      const answer = definer.compose({ question: "mlops?", passages: passages("why", "what") });
      expect(answer).toMatch(/^MLOps \(machine learning operations\) is the set/);
    });

    it("reads the definition asked in the clause that asks, without 'exactly'", () => {
      for (const question of [
        "i keep hearing about it at work and got confused, what is mlops exactly",
        "what is mlops actually",
        "what even is mlops",
        // A chat opener before the question is not part of it.
        "so what is mlops",
        "hmm ok what is mlops",
        // Nor are words that only move on to it.
        "also what is mlops",
        "ok another thing — what is mlops",
        "one more thing: what is mlops",
      ]) {
        const answer = definer.compose({ question, passages: passages("why", "what") });
        expect(answer, question).toMatch(/^MLOps \(machine learning operations\) is the set/);
      }
    });

    it("reads 'what X even is' inside the learner's sentence as a definition, the rest a remark", () => {
      const chunks = [
        makeChunk("worth", "Is ML worth it", "Teams adopt MLOps to ship models."),
        makeChunk(
          "what",
          "What MLOps is",
          "MLOps (machine learning operations) is the set of practices that keeps models reliable.",
        ),
      ];
      const answer = composeOver(chunks, "i still don't get what MLOps even is, explain");
      expect(answer).toMatch(/^MLOps \(machine learning operations\) is the set/);
    });
  });
});
