import { describe, expect, it } from "vitest";
import { UNSPOKEN_TOPICS } from "../../src/answer/unspoken-topics.ts";

const topicOf = (reason: string) => {
  const topic = UNSPOKEN_TOPICS.find((entry) => entry.reason === reason);
  if (topic === undefined) throw new Error(`no topic "${reason}"`);
  return topic;
};

describe("hiring companies", () => {
  const topic = topicOf("the material names no companies that hire");

  it.each([
    "which companies in india hire the most ML engineers",
    "Kindly do the needful and share list of companies hiring ML freshers in Hyderabad",
    "top product companies recruiting freshers for ML?",
    "who is hiring ML interns right now",
  ])("%j asks for employers", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // No names asked for.
    "If AutoML can spit out a decent model in minutes, why would a company still hire me?",
    "do companies actually hire people without a CS degree",
    "what does a company look for when hiring an ML engineer",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of by a passage naming companies that hire, not by one on hiring as a domain", () => {
    expect(topic.speaks(["Companies such as Acme and Initech are hiring ML engineers."])).toBe(
      true,
    );
    expect(
      topic.speaks(["Explainability is important in finance, healthcare, hiring, and insurance."]),
    ).toBe(false);
  });
});

describe("placement promises", () => {
  const topic = topicOf("the material says nothing about placement promises of courses");

  it.each([
    "does scaler's AI ML program give a placement guarantee?",
    "does scaler give 100% placement guarantee after the course? kindly confirm",
    "do they guarantee a job after the bootcamp",
    "what is the placement record of this program",
  ])("%j asks what a course promises about jobs", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "Which first project is good for placement?",
    "python or R for ML, which one better for placement?",
    "Do fixed seeds guarantee identical results when training on a GPU?",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });
});

describe("the material's date and author", () => {
  const topic = topicOf("the material does not say when it was written or by whom");

  it.each([
    "On what date was this roadmap published or last updated?",
    "when was this article written",
    "who wrote this roadmap?",
    "nice answer, who wrote it tho",
  ])("%j asks about the material itself", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // Another work's author, a learner's own writing, a count of projects.
    "who wrote harry potter",
    "is there an actual paper showing trees beat DL on tables? who wrote it",
    "i wrote df['price'][mask] = 0 but df is not changing",
    "by month 10-11 how many projects am i supposed to have published?",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of by a passage giving a date of publication", () => {
    expect(topic.speaks(["This guide was last updated in March 2026."])).toBe(true);
    expect(topic.speaks(["Publish 3–4 complete ML projects"])).toBe(false);
  });
});

describe("a promised job", () => {
  const topic = topicOf("the material promises no job");

  it.each([
    "Will I definitely land a job right after if I do all the projects, yes or no?",
    "will i surely get placed after finishing this roadmap",
    "is a job guaranteed after step 7",
    "can i be 100% sure to get hired if i follow it",
  ])("%j asks for a promise", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // What helps to get a job, not a promise of one.
    "will i get a job after finishing this roadmap",
    "what do i need to land my first ML job",
    "do fixed seeds guarantee identical results",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage that promises or guarantees", () => {
    expect(topic.speaks(["No course can guarantee you a job."])).toBe(true);
    expect(topic.speaks(["Projects help you get a job."])).toBe(false);
  });
});

describe("negotiating an offer", () => {
  const topic = topicOf("the material says nothing about negotiating with an employer");

  it.each([
    "how do i negotiate salary for my first ML job offer, they offered 5L",
    "tips to negotiate my first ml job offer",
    "HR says it's non-negotiable. how do i negotiate without losing the offer",
  ])("%j asks how to negotiate", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it("is not asked by a question about what raises pay", () => {
    expect(topic.asks("what actually increases ML salary apart from years of exp?")).toBe(false);
  });

  it("is spoken of only by a passage about negotiating", () => {
    expect(topic.speaks(["Negotiate your base salary before equity."])).toBe(true);
    expect(topic.speaks(["Salary ranges depend on location and experience."])).toBe(false);
  });
});

describe("the terms of a job", () => {
  const topic = topicOf("the material says nothing about notice or probation periods");

  it("is asked by a question about notice or probation periods", () => {
    expect(topic.asks("what's the usual notice period for ML engineers switching jobs?")).toBe(
      true,
    );
    expect(topic.asks("is there a probation period for ML freshers")).toBe(true);
    expect(topic.asks("what's the usual salary for ML engineers switching jobs?")).toBe(false);
  });

  it("is spoken of only by a passage about them", () => {
    expect(topic.speaks(["Most offers come with a 90-day notice period."])).toBe(true);
    expect(topic.speaks(["Salary ranges depend on location and experience."])).toBe(false);
  });
});

describe("a gap in a career or in study", () => {
  const topic = topicOf("the material says nothing about gaps in a career or in study");

  it("is asked by a question about what employers make of a gap the learner tells of", () => {
    const message =
      "i have a 2 year gap after graduation, will companies reject me for ML roles because of it?";
    expect(topic.asks("will companies reject me for ML roles because of it?", message)).toBe(true);
    expect(topic.asks("does a career break matter for ML jobs")).toBe(true);
    // A gap told as the learner's story, with something else asked, is not asked about.
    expect(
      topic.asks(
        "best youtube channels to learn ML for free?",
        "im restarting my career after a 6 yr gap. best youtube channels to learn ML for free?",
      ),
    ).toBe(false);
    // Nor is a gap between predictions and labels.
    expect(topic.asks("does the gap between train and test loss matter")).toBe(false);
  });

  it("is spoken of only by a passage about gaps in a career", () => {
    expect(topic.speaks(["A career gap is fine if you show recent projects."])).toBe(true);
    expect(
      topic.speaks(["The loss turns the gap between predictions and labels into a number."]),
    ).toBe(false);
  });
});

describe("running a tool on another port", () => {
  const topic = topicOf("the material does not say how to run that on another port");

  it("is asked by how to change a port, not by whether to", () => {
    expect(topic.asks("how do i change the port mlflow ui runs on? 5000 is taken")).toBe(true);
    expect(topic.asks("can i change that port to 8080? (mlflow ui port)")).toBe(true);
    expect(topic.asks("cant reach uvicorn from outside, shud i change the port?")).toBe(false);
    expect(topic.asks("mlflow ui default port?")).toBe(false);
  });

  it("is spoken of by a command setting the port of the tool asked about", () => {
    const asking = "how do i change the port uvicorn runs on";
    expect(topic.speaks(["Run it locally with `uvicorn app:app --port 8000`."], asking)).toBe(true);
    expect(
      topic.speaks(
        ["Run it locally with `uvicorn app:app --port 8000`."],
        "how do i change the port mlflow ui runs on",
      ),
    ).toBe(false);
    expect(
      topic.speaks(["Open it in a browser (by default at port 5000)."], "change mlflow port"),
    ).toBe(false);
  });
});

describe("investing money", () => {
  const topic = topicOf("the material says nothing about investing money");

  it.each([
    "shud i buy nvidia stock now since AI is booming, pls advise",
    "is bitcoin a good investment in 2026",
    "how to invest in mutual funds as a fresher, kindly guide",
  ])("%j asks about investing", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // Time or hardware, not money in markets.
    "realistically will automl make ML engineers obsolete? scared to invest a year lol",
    "is it worth investing 6 months in learning ML",
    "should i buy a gpu or use colab",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage about investing", () => {
    expect(topic.speaks(["Index funds spread money over the whole stock market."])).toBe(true);
    expect(topic.speaks(["RL is used in robotics, game AI and trading systems."])).toBe(false);
  });
});

describe("whether something was discontinued", () => {
  const topic = topicOf(
    "the material does not say whether anything it lists has been discontinued",
  );

  it.each([
    "is the tensorflow dev cert discontinued now or still a thing?",
    "someone said google shut down the exam, is it no longer offered?",
  ])("%j asks whether it is still offered", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "In which version did MLflow deprecate the fixed model registry stages?",
    "my father is retired, can i still afford the course?",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage saying something was discontinued", () => {
    expect(topic.speaks(["The exam was discontinued in 2024."])).toBe(true);
    expect(topic.speaks(["TensorFlow Developer Certificate is useful for beginners."])).toBe(false);
  });
});

describe("how a method works inside", () => {
  const topic = topicOf(
    "the material does not explain how it works inside, step by step or in equations",
  );

  it.each([
    "How does XGBoost actually build its trees, step by step?",
    "how does catboost handle categorical features internally",
    "how does LoRA work mathematically and what rank r should i set",
    "what is the time complexity of k-means clustering?",
    "can u derive backpropagation step by step with the actual equations",
  ])("%j asks for its inner workings", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // The learner's own steps, and a path through the material.
    "how do i set up a virtual environment step by step",
    "what is my step-by-step path into ML engineering",
    "how does XGBoost work",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of by a passage that explains what happens inside", () => {
    expect(topic.speaks(["The loss applies softmax internally."])).toBe(true);
    expect(topic.speaks(["XGBoost is a gradient boosting library."])).toBe(false);
  });
});

describe("formulas", () => {
  const topic = topicOf("the material gives no formula for that");

  it.each([
    "relu formula?",
    "What are the equations for the input, forget and output gates inside an LSTM cell?",
    "What equations does the deep learning tutorial give for the LSTM gates?",
    "whats the formula for f1 score, need to calculate by hand",
  ])("%j asks for a formula", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "Do I have to be some kind of equations wizard before I can even start on this stuff?",
    "what does the LSTM forget gate do",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of by a passage writing mathematics for the thing asked about", () => {
    const relu = "Activation: ReLU; Output: max(0, x); Typical use: Default for hidden layers";
    expect(topic.speaks([relu], "relu formula?")).toBe(true);
    // The ReLU row writes mathematics, but not for the LSTM gates.
    const gates = "what are the equations for the output gate of an LSTM cell?";
    expect(topic.speaks([relu], gates)).toBe(false);
    expect(
      topic.speaks(
        ["LSTM and GRU cells add gates that decide what to keep and what to forget."],
        gates,
      ),
    ).toBe(false);
  });
});

describe("installing", () => {
  const topic = topicOf("the material does not say how to install that");

  it.each([
    "how to instal nvidia cuda drivers on windows 11 for pytorch, keeps failing",
    "steps to install CUDA drivers on ubuntu 22.04 for pytorch",
    "how do i install the right cuda version for pytorch on ubuntu 22",
  ])("%j asks how to install a thing", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each(["which python version should i install for ML?", "numpy wont install on my python 3.8"])(
    "%j does not",
    (question) => {
      expect(topic.asks(question)).toBe(false);
    },
  );

  it("is spoken of by a passage saying to install the thing named", () => {
    const python =
      "Install a recent Python 3 release from python.org or through your operating system's package manager.";
    expect(topic.speaks([python], "how do i install python on windows")).toBe(true);
    expect(topic.speaks([python], "how to instal nvidia cuda drivers on windows 11")).toBe(false);
    // Nothing in particular named: "the right version" of what was asked before.
    expect(topic.speaks([], "how do i install the right version")).toBe(true);
  });
});

describe("links", () => {
  const topic = topicOf("the material gives no links");

  it.each([
    "which dataset should i use for a fraud detection project, any kaggle link?",
    "which dataset shud i use for it, any link?",
    "pls share the course link",
    "kaggle dataset link?",
    "send me the url for the paper",
  ])("%j asks for a web address", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "what's the link between bias and variance",
    "how do i link dvc to my s3 bucket",
    "why does the model break the link between features and target",
    "how do i link",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage giving a web address", () => {
    expect(topic.speaks(["Download it from https://example.org/data."])).toBe(true);
    expect(topic.speaks(["Use Kaggle datasets for practice."])).toBe(false);
  });
});

describe("a particular dataset or competition", () => {
  const topic = topicOf("the material names no particular dataset or competition to use");

  it.each([
    "im doing the churn project, which kaggle dataset should i use",
    "which competitions should a beginner enter on kaggle",
    "any good public datasets for sentiment analysis?",
    "where can i download a fraud dataset to practise on",
  ])("%j asks for one", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "which pandas methods do i run first on a new dataset",
    "how do i split my dataset into train and test",
    "is kaggle worth it for beginners",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of by a passage naming a dataset or competition", () => {
    expect(topic.speaks(["Start from a network trained on a big dataset such as ImageNet."])).toBe(
      true,
    );
    expect(topic.speaks(["Try the Titanic competition first."])).toBe(true);
    expect(topic.speaks(["Use Kaggle datasets for practice."])).toBe(false);
  });
});

describe("interview content asked in a clause that points back", () => {
  const topic = topicOf("the material says nothing about what interviews ask");

  it("reads the message before a clause that only points back", () => {
    const message = "SQL interview qs for data roles - which ones come up most?";
    expect(topic.asks("which ones come up most?", message)).toBe(true);
    // A clause that asks its own question is read alone.
    expect(
      topic.asks(
        "how does XGBoost handle missing values",
        "interview questions next week. how does XGBoost handle missing values",
      ),
    ).toBe(false);
  });
});

describe("visas, passports and immigration", () => {
  const topic = topicOf("the material says nothing about visas, passports or immigration");

  it.each([
    "How do I renew my passport online?",
    "kindly tell the process for H1B visa sponsorship for ML engineer role",
    "what documents do i need for a canada student visa",
    "do i need a schengen visa for a layover in paris",
  ])("%j asks about travel and immigration papers", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    "fraud model for visa transactions, which metric?",
    "can i get an ML job abroad after this roadmap",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage about such papers", () => {
    expect(topic.speaks(["Apply for an H-1B visa through your employer."])).toBe(true);
    expect(topic.speaks(["Fraud checks at payment time need online prediction."])).toBe(false);
  });
});

describe("how certification exams are run", () => {
  const topic = topicOf("the material does not say how certification exams are run");

  it.each([
    "GCP PMLE exam - no. of Qs & duration?",
    "whats the passing score for the aws ml specialty exam",
    "and how many qs in that exam n how long is it",
    "how many questions are in the google professional ML engineer exam",
  ])("%j asks how an exam is run", (question) => {
    expect(topic.asks(question)).toBe(true);
  });

  it.each([
    // A price, which the tables give; a learner's own exam; a test split.
    "What is the exam fee for Google Cloud's Professional ML Engineer credential?",
    "exam tmrw!!! define bias and variance in one line each pls",
    "how long should the test set be compared with the training set",
  ])("%j does not", (question) => {
    expect(topic.asks(question)).toBe(false);
  });

  it("is spoken of only by a passage about an exam's format", () => {
    expect(topic.speaks(["The exam has 50 multiple-choice questions and a time limit."])).toBe(
      true,
    );
    expect(topic.speaks(["| AWS Certified Machine Learning – Specialty | AWS | ~$300 |"])).toBe(
      false,
    );
  });
});

describe("exam details and travel papers asked in a clause after the thing is named", () => {
  it("reads the message for the exam or visa a detail-only clause asks about", () => {
    const exam = topicOf("the material does not say how certification exams are run");
    expect(
      exam.asks("of questions & duration?", "GCP PMLE exam - number of questions & duration?"),
    ).toBe(true);
    // The story's exam does not make any "how long" an exam detail.
    expect(
      exam.asks(
        "how long does step 5 take?",
        "my aws exam is next week, how long does step 5 take?",
      ),
    ).toBe(false);
    const papers = topicOf("the material says nothing about visas, passports or immigration");
    expect(
      papers.asks(
        "which documents are needed",
        "the process for H1B visa sponsorship for ML engineer role, which documents are needed",
      ),
    ).toBe(true);
    expect(papers.asks("which documents are needed", "which documents should a README link")).toBe(
      false,
    );
  });
});
