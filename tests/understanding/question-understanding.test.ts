import { describe, expect, it } from "vitest";
import { questionTerms } from "../../src/answer/gate-features.ts";
import { normaliseNumbers } from "../../src/understanding/normalise-numbers.ts";
import { questionFocus, remarkClauses } from "../../src/understanding/question-focus.ts";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";
import { makeChunk } from "../support/chunks.ts";

const chunks = [
  makeChunk("xgb", "Algorithms", "XGBoost is a gradient boosting library for tabular data."),
  makeChunk("cert", "Certifications", "The TensorFlow Developer Certificate suits beginners."),
  makeChunk("faq", "FAQs", "What is the difference between a data scientist and an ML engineer?"),
  makeChunk("time", "Timeline", "Most learners need 1–2 weeks per project and 10,000 examples."),
  makeChunk("ab", "Releases", "An A/B test splits traffic between two models."),
  makeChunk(
    "learn",
    "Learning",
    "Reinforcement learning learns from rewards; PyTorch trains models.",
  ),
];
const understanding = new QuestionUnderstanding(chunks);

describe("QuestionUnderstanding", () => {
  it("reads a lone 'n' or 'w' between words as 'and' or 'with', not a count", () => {
    // The material writes "n" (in `n_estimators`) and "w" (in `X @ w`), so the lexicon's
    // "n" → "and" does not apply.
    const forest = new QuestionUnderstanding([
      makeChunk("rf", "Algorithms", "Random Forest: key hyperparameters n_estimators, max_depth."),
      makeChunk("matmul", "NumPy", "Use @ for matrix multiplication (`X @ w`) in linear models."),
    ]);
    expect(forest.understand("y start w linear n logistic regression").understoodAs).toBe(
      "why start with linear and logistic regression",
    );
    expect(forest.understand("how to pick n estimators").understoodAs).toBe(
      "how to pick n estimators",
    );
    expect(forest.understand("what is top n accuracy").understoodAs).toBe("what is top n accuracy");
  });

  it("reads 'how come' (and 'how cum') as 'why'", () => {
    expect(understanding.understand("how cum xgboost is so popular").understoodAs).toBe(
      "why xgboost is so popular",
    );
    expect(understanding.understand("how come trees beat deep learning").understoodAs).toBe(
      "why trees beat deep learning",
    );
  });

  it("reads a prefixed everyday word written without a hyphen as English, not a topic", () => {
    const colab = new QuestionUnderstanding([
      makeChunk("colab", "Colab", "Files you upload to a Colab session are temporary."),
      makeChunk("keras", "Frameworks", "Keras is a high-level API of TensorFlow."),
    ]);
    const asked = colab.understand("do i have to reupload my files every time");
    expect(asked.unknownTopics).toEqual([]);
    expect(asked.unfamiliarWords).toContain("reupload");
    expect(colab.understand("how to use autokeras").unknownTopics).toEqual(["autokeras"]);
  });

  it("also searches the other spelling of a word the material spells both ways", () => {
    const spelled = new QuestionUnderstanding([
      makeChunk("us", "Tools", "Matplotlib and Seaborn for visualization."),
      makeChunk("gb", "Plots", "Visualisation helps you see the data. Note the colour."),
    ]);
    expect(spelled.understand("tools for visualisation?").expansions).toContainEqual({
      word: "visualisation",
      alternatives: ["visualization"],
      source: "spelling",
    });
    // Only a spelling the material uses is searched: "color" is not.
    expect(
      spelled.understand("which colour?").expansions.filter((e) => e.source === "spelling"),
    ).toEqual([]);
  });

  it("drops chat filler and expands abbreviations from the learner lexicon, saying why", () => {
    const result = understanding.understand("which cert shud i get tbh");
    expect(result.understoodAs).toBe("which certification should i get");
    expect(result.changes).toEqual([
      { from: "cert", to: "certification", reason: "abbreviation" },
      { from: "shud", to: "should", reason: "abbreviation" },
      { from: "tbh", to: "", reason: "filler" },
    ]);
    expect(understanding.understand("key skills n typical bg for that?").understoodAs).toBe(
      "key skills and typical background for that?",
    );
  });

  it("reads 'y' opening a message as 'why', even when the corpus writes y for a target", () => {
    const withTarget = new QuestionUnderstanding([
      makeChunk("xy", "Data", "Split X and y before training; y is the target column."),
    ]);
    expect(withTarget.understand("y?").understoodAs).toBe("why?");
    expect(withTarget.understand("but y not colab").understoodAs).toBe("but why not colab");
    expect(withTarget.understand("x and y is the target").understoodAs).toBe(
      "x and y is the target",
    );
    // Closing a message after a comma, too; not as the last word of a question about X and y.
    expect(withTarget.understand("5//2 gives 2, y??").understoodAs).toBe("5//2 gives 2, why??");
    expect(withTarget.understand("what shape are X and y?").understoodAs).toBe(
      "what shape are X and y?",
    );
  });

  it("takes 'stuff' for a word that names no topic, with no synonyms to search", () => {
    const result = understanding.understand("is xgboost good for tabular stuff");
    expect(result.unfamiliarDescribing).toContain("stuff");
    expect(result.unfamiliarNouns).toEqual([]);
    expect(result.expansions.filter((expansion) => expansion.word === "stuff")).toEqual([]);
  });

  it("takes 'hype' and 'vibes' for how the learner sees a topic, not topics of their own", () => {
    const result = understanding.understand("is xgboost worth it with all the genai hype");
    expect(result.unfamiliarDescribing).toContain("hype");
    expect(result.unfamiliarNouns).toEqual([]);
    const vibes = understanding.understand("is xgboost really that good or just vibes");
    expect(vibes.unfamiliarDescribing).toContain("vibes");
    expect(vibes.unfamiliarNouns).toEqual([]);
  });

  it("takes what a learner calls their own thing for a description, not a topic", () => {
    const potato = understanding.understand("do i need a gpu my laptop is a potato");
    expect(potato.unfamiliarNouns).not.toContain("potato");
    expect(potato.unfamiliarDescribing).toContain("potato");
    // Named as a thing asked about, it is a noun like any other.
    expect(understanding.understand("can i run ml on a potato").unfamiliarNouns).toContain(
      "potato",
    );
  });

  it("keeps 'someone' in 'someone like me', which points at the learner's situation", () => {
    expect(
      understanding.understand("good first project for someone like me pls").understoodAs,
    ).toBe("good first project for someone like me");
  });

  it("reads a phrase of the lexicon as the material says it ('how much time' → 'how long')", () => {
    const result = understanding.understand("ML seekhne mein kitna time lagta hai");
    expect(result.understoodAs).toBe("ML learn in how long take");
    expect(understanding.understand("how much time does it take").understoodAs).toBe(
      "how long does it take",
    );
    expect(result.changes).toContainEqual({
      from: "kitna time",
      to: "how long",
      reason: "abbreviation",
    });
  });

  it.each([
    ["jumping str8 to neural nets", "jumping straight to neural networks"],
    ["is a compsci degree needed", "is a computer science degree needed"],
    ["salary per annum for a newbie", "salary PA for a beginner"],
    ["roadmap ke hisaab se month 9", "roadmap according to month 9"],
    ["house price project kitne din lagega", "house price project how many days take"],
    ["fresher ko ml job mil sakti hai?", "fresher ml job can get?"],
    ["RAG kya hota hai simple words mein", "what is RAG in simple words"],
    ["batch size kitna rakhu", "batch size how much set"],
    ["train loss going down but val loss going up", "train loss falling but val loss rising"],
    ["cuda oom, one hot or not?", "cuda out-of-memory, OneHotEncoder or not?"],
    ["do i need a graphics card", "do i need a GPU"],
    // A letter and a word are one hyphenated term ("k means" is the material's K-Means).
    ["when do i use k means", "when do i use k-means"],
    // An English word typed for the material's term: "decent" for "descent".
    ["how does gradient decent work", "how does gradient descent work"],
    // Short forms learners type: "los" for loss, "mech" for a mechanical degree, "text gen".
    ["my los is becoming nan", "my loss is becoming nan"],
    ["im mech and not cs", "I'm mechanical and not cs"],
    ["metrics for text gen?", "metrics for text generation?"],
    // The tool, not a network's weights and biases.
    ["is weights and biases better than mlflow", "is wandb better than mlflow"],
    ["nlp confs worth following, is that legit", "nlp conferences worth following, is that true"],
    ["shd i learn huggingface", "should i learn Hugging Face"],
    ["which pretrained archs shd i use", "which pretrained architectures should i use"],
    ["how long is it sposed to take", "how long is it supposed to take"],
    // An app's start, in the material's words; a company is "a startup".
    ["load the model at startup?", "load the model when the app starts?"],
    ["i work at a startup, is ml worth it", "i work at a startup, is ml worth it"],
    // "the bar" a learner must clear is being ready, in the material's words.
    ["job ready, whats the bar?", "job-ready, when am i ready?"],
    // "wtf is" asks what something is; alone, "wtf" is chat filler. "The catch" of a thing is its
    // downside; "catch" as a verb stays.
    ["yo wtf is this champion alias thing", "what is this champion alias thing"],
    [
      "after merging my df doubled, wth happened",
      "after merging my DataFrame doubled, what happened",
    ],
    ["my colab files disappeared wtf", "my colab files disappeared"],
    ["whats the catch with the drift one", "what's the downside of the drift one"],
    ["transformers are cool but whats the catch", "transformers are cool but what's the downside"],
    ["how do i catch this next time", "how do i catch this next time"],
    // Asides that never name a topic are chat filler.
    ["what is xgboost asking for a friend", "what is xgboost"],
    ["quick doubt: what is xgboost", "what is xgboost"],
    ["one more question: what is xgboost", "what is xgboost"],
    ["one more doubt, what is xgboost", "what is xgboost"],
    ["nvm, what is xgboost", "what is xgboost"],
    ["ok another thing — what is xgboost", "ok — what is xgboost"],
    ["what is xgboost for my exam tomorrow", "what is xgboost"],
    ["sorry if dumb question but what is xgboost", "what is xgboost"],
    // What the learner asks of the answer or the reply, not of the material.
    ["xgboost for dummies", "xgboost"],
    ["quick intro to xgboost?", "xgboost?"],
    ["break down xgboost for me", "xgboost for me"],
    ["xgboost explained like im a beginner", "xgboost"],
    ["what is xgboost pls reply asap", "what is xgboost"],
    ["what do you mean by xgboost", "what is xgboost"],
    ["whats the deal with xgboost", "what is xgboost"],
    ["why is data leakage such a big deal", "why is data leakage important"],
    ["give me the gist of xgboost", "xgboost"],
    ["xgboost in a nutshell", "xgboost"],
    // A closing remark on the learner's plan; time saved asked for is a question.
    [
      "i can skip projects if i do certs right? saves time",
      "i can skip projects if i do certifications right?",
    ],
    ["does xgboost save time", "does xgboost save time"],
    ["how would u explain xgboost to my mom", "how would you explain xgboost"],
    ["are they must-know or optnl", "are they must-know or optional"],
    ["which one is matrix mult", "which one is matrix multiplication"],
    ["is bn worth adding", "is batch normalization worth adding"],
    ["what if the drift alert fires", "what if the drift alert triggers"],
    ["i got fired last year", "i got fired last year"],
    // "how long to …" asks what "how long does it take to …" asks, the way the material answers.
    ["how long to learn ml", "how long does it take to learn ml"],
    // Not where "how long" asks how long to keep or wait.
    ["how long to keep old model versions", "how long to keep old model versions"],
    ["what is xgboost, one line ans pls", "what is xgboost"],
    ["what is xgboost? answer in 2 lines", "what is xgboost?"],
    // "in one line" about code is part of the question.
    ["can i write this loop in one line", "can i write this loop in one line"],
    // Indian-English "HOD" is the head of department.
    ["my HOD asked what xgboost is", "my head of department asked what xgboost is"],
    // "diff" before what differs reads "different"; before "between" it is "difference".
    ["diff library versions, diff b/w them", "different library versions, difference between them"],
    ["lgbm vs xgb, how many e2e projects", "LightGBM vs XGBoost, how many end-to-end projects"],
    ["it totally tanks", "it totally fails"],
    ["and if they r not?", "and if they are not?"],
    ["batch norm on localhost", "batch normalization on 127.0.0.1"],
    ["what hp to tune, trl in hf", "what hyperparameters to tune, trl in Hugging Face"],
    ["what bumps up salary", "what increases salary"],
    ["what pushes up ml salary", "what increases ml salary"],
    ["which hp shud i tune for xgboost", "which hyperparameters should i tune for xgboost"],
    ["how do i chek missing vals", "how do i check missing values"],
    ["is an hp laptop ok", "is an hp laptop ok"],
    ["cuda out of memory on colab", "cuda out-of-memory on colab"],
    [
      "wut calc topics lowkey, not just the avg or nah",
      "what calculus topics, not just the averages",
    ],
    ["is uv worth it or just hype, when would i use it", "is uv worth it, when would i use it"],
    ["batch vs online preds", "batch vs online predictions"],
    ["deadass do i gotta grind math proofs", "do i have to grind math proofs"],
    ["how dose it work", "how does it work"],
    ["how do i know im job ready lol", "how do i know I'm job-ready"],
    ["why do RNNs struggle wit long sentences", "why do RNNs struggle with long sentences"],
    ["wat r the 7 steps", "what are the seven steps"],
    ["wat's the canary one exactly", "what's the canary one exactly"],
    // Hearsay around a why-question: why the thing said, not why people say it.
    ["why do ppl keep saying use a venv", "why use a venv"],
    ["wy does it break, b/c of dat?", "why does it break, because of that?"],
    ["lemme know wn to use it", "let me know when to use it"],
    [
      "point of kaggle if im not trying to win comps",
      "point of kaggle if I'm not trying to win competitions",
    ],
    ["answers from our up-to-date docs", "answers from our updated docs"],
    // "HR" is the department, "hr" an hour; "my CV" is a résumé, "CV" alone computer vision.
    ["I work in HR, 2 hr a day", "I work in human resources, 2 hour a day"],
    ["will they throw away my CV", "will they throw away my resume"],
    ["CV or NLP first", "computer vision or NLP first"],
    ["NLP eng or CV eng", "NLP engineer or computer vision engineer"],
    ["xgboost vs rf for tabular", "xgboost vs random forest for tabular"],
    ["6-9 months enuf to get job?", "6–9 months enough to get job?"],
    // Names joined by a slash are read one by one; "A/B" stays as written.
    ["DL always beats XGB/RF?", "deep learning always beats XGBoost / Random Forest?"],
    ["an A/B test", "an A/B test"],
    // Words joined by a plus likewise; "C++" is a name of its own.
    ["y learn xgboost+pytorch together", "why learn xgboost + pytorch together"],
    ["is C++ needed", "is C++ needed"],
    ["why does my func keep old values", "why does my function keep old values"],
    ["what if sum1 sends a bad request", "what if someone sends a bad request"],
    // "req" is a requirement, but a request when it is sent.
    [
      "what if sum1 sends a req w/ a field missing",
      "what if someone sends a request with a field missing",
    ],
    ["what r the reqs for an ML job", "what are the requirements for an ML job"],
    ["no. of Qs in the exam", "number of questions in the exam"],
    ["no of epochs?", "number of epochs?"],
    ["no of course not", "no of course not"],
    // Full names of what the material only abbreviates.
    ["support vector machine hyperparams", "SVM hyperparameters"],
    ["is long short-term memory still used", "is LSTM still used"],
    ["i shud load it once rite?", "i should load it once right?"],
    ["can i yeet my api keys into git", "can i put my api keys into git"],
    // "sem" is a semester, but "sem search" a semantic search; "which 1" is "which one".
    ["which 1 wud i use for sem search", "which one would i use for semantic search"],
    ["final sem project ideas", "final semester project ideas"],
    [
      "2024 passout, my model dosent work everytime",
      "2024 graduate, my model doesn't work every time",
    ],
    ["which python ver and deps to pin", "which python version and dependencies to pin"],
    ["what o/p activation for multi class", "what output activation for multi class"],
  ])("reads the chat spelling %j the way the material writes it", (typed, understood) => {
    expect(understanding.understand(typed).understoodAs).toBe(understood);
  });

  it("reads ordinals written with digits as words ('learn 1st' → 'learn first')", () => {
    expect(understanding.understand("pytorch or tensorflow which to learn 1st").understoodAs).toBe(
      "pytorch or tensorflow which to learn first",
    );
  });

  it("reads chat 'r' and 'n' as 'are' and 'and' where they stand between words of a question", () => {
    expect(understanding.understand("what r the 2 ways n which is faster").understoodAs).toBe(
      "what are the two ways and which is faster",
    );
    expect(understanding.understand("n for classification?").understoodAs).toBe(
      "and for classification?",
    );
    // Before "packages" or "libraries", "r" is the language R.
    expect(understanding.understand("which r packages shud i learn").understoodAs).toBe(
      "which r packages should i learn",
    );
    expect(understanding.understand("what r libraries r there").understoodAs).toBe(
      "what r libraries are there",
    );
  });

  it("expands role abbreviations typed in lower case when the material never writes them so", () => {
    expect(understanding.understand("can i become mle in 6 months").understoodAs).toBe(
      "can i become ML engineer in 6 months",
    );
    expect(understanding.understand("ds vs mle?").understoodAs).toBe(
      "data scientist vs ML engineer?",
    );
  });

  it("reads Hinglish 'X kya hai' as 'what is X', saying why", () => {
    const result = understanding.understand("RAG kya hai? everyone at my office keeps saying it");
    expect(result.understoodAs).toBe("what is RAG? everyone at my office keeps saying it");
    expect(result.changes).toContainEqual({
      from: "RAG kya hai?",
      to: "what is RAG?",
      reason: "hinglish",
    });
    expect(understanding.understand("dropout ka matlab kya hai").understoodAs).toBe(
      "what is dropout",
    );
    expect(understanding.understand("xgboost kis kaam aata hai").understoodAs).toBe(
      "xgboost used for",
    );
  });

  it("drops a chat opener ('yo') and reads 'the go-to' as the default", () => {
    expect(
      understanding.understand("yo which optimizer is the go-to for transformers").understoodAs,
    ).toBe("which optimizer is the default for transformers");
  });

  it("reads a 'qa system' as the question-answering system the material names", () => {
    expect(understanding.understand("how long to build the rag qa system").understoodAs).toBe(
      "how long does it take to build the rag question-answering system",
    );
  });

  it("writes out short forms the material spells in full ('rl', 'gd')", () => {
    expect(understanding.understand("rl vs gd").understoodAs).toBe(
      "reinforcement learning vs gradient descent",
    );
  });

  it("drops 'random but' before a new question, like 'unrelated but'", () => {
    expect(understanding.understand("random but how do i handle missing values").understoodAs).toBe(
      "how do i handle missing values",
    );
  });

  it("takes a tool named by an English word the material never uses for an unknown topic", () => {
    expect(understanding.understand("do i need a feature store like feast").unknownTopics).toEqual([
      "feast",
    ]);
    // An activation the material never names, though "swish" is an English word.
    expect(understanding.understand("is swish better for hidden layers?").unknownTopics).toEqual([
      "swish",
    ]);
    // A technique the material never names, though the dictionary lists the verb.
    expect(
      understanding.understand("how do i quantize my model so it runs on a phone").unknownTopics,
    ).toEqual(["quantize"]);
    // A service named in words each of which is English or the material's.
    expect(understanding.understand("how do i push my image to docker hub").unknownTopics).toEqual([
      "docker hub",
    ]);
    // A spreadsheet feature, not a career "pivot".
    expect(
      understanding.understand("how do i make a pivot table in excel with two columns as rows")
        .unknownTopics,
    ).toEqual(["pivot table"]);
    // A computing term and a dataset named by English words the material never uses.
    expect(
      understanding.understand("time complexity of training random forest?").unknownTopics,
    ).toEqual(["time complexity"]);
    // Not the material's virtual environments.
    expect(
      understanding.understand("docker vs virtual machine whats the difference").unknownTopics,
    ).toEqual(["virtual machine"]);
    expect(
      understanding.understand("which kaggle competitions should a beginner start with, titanic?")
        .unknownTopics,
    ).toContain("titanic");
    // "q learning" is the term "q-learning", which the material never names, not "learning".
    expect(understanding.understand("explain q learning with an example").unknownTopics).toEqual([
      "q-learning",
    ]);
    const tracking = understanding.understand("weights & biases or mlflow?");
    expect(tracking.understoodAs).toBe("wandb or mlflow?");
    expect(tracking.unknownTopics).toContain("wandb");
    // Its initials joined by "&" are one name, not the words "w" and "b".
    expect(understanding.understand("mlflow or W&B, which one?").understoodAs).toBe(
      "mlflow or wandb, which one?",
    );
    // "Weights and Biases" is the tool only where it is a tool; a network's weights and biases stay.
    expect(understanding.understand("log my runs to weights and biases").understoodAs).toBe(
      "log my runs to wandb",
    );
    expect(understanding.understand("what are weights and biases").understoodAs).toBe(
      "what are weights and biases",
    );
    // An ordinary word stays ordinary.
    expect(understanding.understand("is it a good feature store").unknownTopics).toEqual([]);
  });

  it("takes a rare English word written in capitals for a technique the material never names", () => {
    expect(
      understanding.understand("a friend told me to use SMOTE, what is it exactly").unknownTopics,
    ).toEqual(["SMOTE"]);
    // Written in lower case it is the English word; a shouted question or an everyday word in
    // capitals is no name either.
    expect(understanding.understand("a friend told me to use smote").unknownTopics).toEqual([]);
    expect(understanding.understand("WHY DOES SMOTE EXIST").unknownTopics).toEqual([]);
    expect(understanding.understand("PLEASE HELP, what is dropout").unknownTopics).toEqual([]);
  });

  it("takes a listed tool for a topic the material lacks, though the corpus has its stem", () => {
    const platforms = new QuestionUnderstanding([
      makeChunk("u", "Setup", "Upgrade pip before installing Scaler course tools."),
    ]);
    expect(
      platforms.understand("scaler vs upgrad vs great learning, which is better").unknownTopics,
    ).toEqual(["great learning", "upgrad"]);
  });

  it("takes a name the dictionary lists only capitalised for a thing the material never names", () => {
    expect(
      understanding.understand("how to use xavier initialisation in pytorch").unknownTopics,
    ).toEqual(["xavier"]);
    expect(understanding.understand("is an MS in Germany worth it").unknownTopics).toEqual([
      "Germany",
    ]);
    // An everyday name ("English") and a lower-case word the dictionary lists ("windows") are
    // plain English.
    expect(understanding.understand("my english is weak, can i learn ml").unknownTopics).toEqual(
      [],
    );
    expect(understanding.understand("can i learn ml on windows").unknownTopics).toEqual([]);
    // One edit from a corpus word, a name is more likely a typo ("Goa" for "goal").
    const goal = new QuestionUnderstanding([makeChunk("g", "Goals", "Set a goal for each month.")]);
    expect(goal.understand("what should my goa be for month one").unknownTopics).toEqual([]);
  });

  it("reads an attribute of the learner's object ('model.coef_') by the material's attribute", () => {
    const fitted = new QuestionUnderstanding([
      makeChunk("fit", "Models", "Attributes such as `coef_` are learned when the model is fit."),
    ]);
    expect(fitted.understand("why does model.coef_ throw an error").unknownTopics).toEqual([]);
    expect(fitted.understand("why does model.weights_ throw an error").unknownTopics).toEqual([
      "model.weights",
    ]);
  });

  it("takes no WordNet synonym the corpus only writes in capitals, as a name", () => {
    const withAcronym = new QuestionUnderstanding([
      makeChunk("rag", "LLMs", "RAG retrieves passages before the model answers."),
      makeChunk("annoy", "Teams", "Do not annoy a colleague who asks for help."),
    ]);
    const alternatives = (question: string) =>
      withAcronym.understand(question).expansions.flatMap((expansion) => expansion.alternatives);
    // WordNet gives "annoy" and "rag" for "bothered": "annoy" is an English word of the corpus,
    // "RAG" only a name.
    expect(alternatives("my manager is bothered by the delay")).toContain("annoy");
    expect(alternatives("my manager is bothered by the delay")).not.toContain("rag");
  });

  it("reads an English word with a hyphenated prefix, particle or kind suffix as plain English", () => {
    const columns = understanding.understand("which columns are non-empty");
    expect(columns.unknownTopics).toEqual([]);
    expect(columns.unfamiliarWords).toContain("non-empty");
    expect(understanding.understand("why bother filling-in the gaps").unknownTopics).toEqual([]);
    // A word made like another with "-y", "-ish" or "-like" describes, as the word does.
    const spreadsheety = understanding.understand("why do trees win on spreadsheet-y data");
    expect(spreadsheety.unknownTopics).toEqual([]);
    expect(spreadsheety.unfamiliarWords).toContain("spreadsheet-y");
    // So is a word said to be of a kind ("brain-inspired", "spreadsheet-based").
    expect(understanding.understand("how do brain-inspired networks learn").unknownTopics).toEqual(
      [],
    );
    // A technical compound stays a topic the material lacks.
    expect(understanding.understand("how does q-learning work").unknownTopics).toEqual([
      "q-learning",
    ]);
    expect(understanding.understand("is few-shot prompting enough").unknownTopics).toEqual([
      "few-shot",
    ]);
  });

  it("does not correct two English words written as one into another word ('oversample')", () => {
    expect(understanding.understand("how to oversample the minority class").understoodAs).toBe(
      "how to oversample the minority class",
    );
    // A rare word is not half of one: "pasword" is "password" misspelled, not "pas" + "word".
    expect(understanding.understand("where do i put my registry pasword").understoodAs).toBe(
      "where do i put my registry password",
    );
  });

  it("expands capitalised abbreviations only when written in capitals", () => {
    expect(understanding.understand("diff between DS and MLE?").understoodAs).toBe(
      "difference between data scientist and ML engineer?",
    );
    // "nn" is PyTorch's module in the material; "NN" in capitals is a neural network.
    expect(understanding.understand("xgboost or NN for tabular stuff").understoodAs).toBe(
      "xgboost or neural network for tabular stuff",
    );
    // "ft" in lower case may be feet; "FT" beside RAG is fine-tuning.
    expect(understanding.understand("when do u need FT?").understoodAs).toBe(
      "when do you need fine-tuning?",
    );
    expect(understanding.understand("feature extraction vs fine tuning in TL?").understoodAs).toBe(
      "feature extraction vs fine tuning in transfer learning?",
    );
    // "GT labels" are ground-truth labels; "gt" in lower case is left alone.
    expect(understanding.understand("does drift detection need GT labels").understoodAs).toBe(
      "does drift detection need ground-truth labels",
    );
  });

  it("reads 'tbl' as the table a learner points at", () => {
    expect(
      understanding.understand("3-5 yrs exp as per the experience tbl?").understoodAs,
    ).toContain("experience table?");
  });

  it("searches 'qa' as question-answering without rewriting a QA engineer's job", () => {
    const project = understanding.understand("how long for a rag qa project");
    expect(project.unknownTopics).toEqual([]);
    expect(project.expansions).toContainEqual({
      word: "qa",
      alternatives: ["question-answering"],
      source: "lexicon",
    });
    expect(understanding.understand("i am a QA engineer").understoodAs).toBe("i am a QA engineer");
  });

  // The material's words for a learner's: "the culprit" of a problem is its cause, "in the
  // meantime" is while waiting, "prep" is what the roadmap "prepares" you for, what "matters" is
  // important, "sectors" or "fields" are the material's domains and industry, a "dealbreaker" is
  // what is mandatory, "symptoms" are what goes wrong, a "snippet" is the example's code,
  // "anaconda" is conda, "scammers" are fraudsters, "equations" are math, what "pushes" pay up
  // increases it, and a "paper" is the tutorial's "study" or "benchmark".
  it.each([
    ["loss turns into NaN, whats usually the culprit?", "culprit", ["cause"]],
    ["labels take weeks, what can i watch in the meantime?", "meantime", ["wait", "early warning"]],
    ["does this roadmap even prep u for AI engineer roles", "prep", ["prepares"]],
    ["which hyperparam matters most for neural nets", "matters", ["important"]],
    ["in which sectors is explainability important", "sectors", ["domains", "industry"]],
    ["in which fields is explainability important", "fields", ["domains", "industry"]],
    ["no CS degree, is that a dealbreaker for ML", "dealbreaker", ["mandatory", "required"]],
    ["learning rate too high symptoms", "symptoms", ["goes wrong"]],
    ["in the resnet18 snippet why freeze the layers", "snippet", ["example", "code"]],
    ["should i use anaconda or venv", "anaconda", ["conda"]],
    ["is there a paper on this", "paper", ["study", "benchmark"]],
    ["what is it called when scammers change tactics", "scammers", ["fraudsters"]],
    ["do i need to be good at equations for ML", "equations", ["math"]],
    ["what actually pushes ML pay up", "pushes", ["increase"]],
  ])(
    "searches %j with the lexicon's words for %j, keeping the learner's",
    (message, word, alternatives) => {
      const asked = understanding.understand(message);
      expect(asked.understoodAs).toContain(word);
      expect(asked.expansions).toContainEqual({ word, alternatives, source: "lexicon" });
    },
  );

  it("reads 'gh', 'slap', 'hyping' and a closing 'kindly clarify' as learners mean them", () => {
    expect(understanding.understand("gh actions workflow file location?").understoodAs).toBe(
      "GitHub actions workflow file location?",
    );
    expect(understanding.understand("why do trees slap on spreadsheet data").understoodAs).toBe(
      "why do trees work great on spreadsheet data",
    );
    expect(understanding.understand("why is everyone hyping sql for ml").expansions).toContainEqual(
      { word: "hyping", alternatives: ["important"], source: "lexicon" },
    );
    // A request to clarify after the question asks nothing more.
    expect(
      understanding.understand("is sql compulsory for ML jobs? kindly clarify").understoodAs,
    ).toBe("is sql compulsory for ML jobs?");
    expect(
      understanding.understand("bias vs variance in plain english, my prof explained it badly")
        .understoodAs,
    ).toBe("bias vs variance, my prof explained it badly");
  });

  it("searches a Python exception's name in words ('AttributeError' as attribute error)", () => {
    const asked = understanding.understand("model.coef_ gives AttributeError, y is that");
    expect(asked.expansions).toContainEqual({
      word: "AttributeError",
      alternatives: ["attribute error"],
      source: "lexicon",
    });
  });

  it("searches 'dockerize' and its forms as Docker, a word the material never uses", () => {
    const asked = understanding.understand("how do i dockerize my model");
    expect(asked.expansions).toContainEqual({
      word: "dockerize",
      alternatives: ["Docker"],
      source: "lexicon",
    });
  });

  it("expands the plural of a lexicon noun like the noun, not a verb's 's'", () => {
    const macs = understanding.understand("whats the pytorch backend for apple silicon macs");
    expect(macs.unknownTopics).not.toContain("macs");
    expect(macs.expansions).toContainEqual({
      word: "macs",
      alternatives: ["Apple silicon", "laptop"],
      source: "lexicon",
    });
    expect(understanding.understand("can i do ml on macbooks").unknownTopics).not.toContain(
      "macbooks",
    );
    // "catches" is not the "catch" of "what's the catch".
    const catches = understanding.understand("my model catches almost no fraud");
    expect(catches.expansions.map((expansion) => expansion.word)).not.toContain("catches");
  });

  it("reads Indian English 'full form' as asking what an abbreviation means", () => {
    expect(understanding.understand("RAG full form").understoodAs).toBe("RAG meaning");
  });

  it("writes '1D' and '2D' as the material does ('1-D')", () => {
    expect(understanding.understand("Expected 2D array, got 1D array").understoodAs).toBe(
      "Expected 2-D array, got 1-D array",
    );
  });

  it("reads competitive-programming sites as competitive programming, not unknown topics", () => {
    const grind = understanding.understand("how many months of codeforces grinding before ML");
    expect(grind.unknownTopics).toEqual([]);
    expect(grind.expansions).toContainEqual({
      word: "codeforces",
      alternatives: ["competitive programming"],
      source: "lexicon",
    });
  });

  it("searches everyday words with the material's own ('stitch tables' → merge, join)", () => {
    expect(
      understanding.understand("how do i stitch two tables in pandas").expansions,
    ).toContainEqual({ word: "stitch", alternatives: ["merge", "join"], source: "lexicon" });
    expect(
      understanding.understand("answers instantly or all at once overnight").expansions,
    ).toEqual(
      expect.arrayContaining([
        { word: "instantly", alternatives: ["online"], source: "lexicon" },
        { word: "overnight", alternatives: ["batch", "nightly"], source: "lexicon" },
      ]),
    );
  });

  it("searches 'lr' as learning rate where the corpus writes lr in code, keeping the word", () => {
    const withCode = new QuestionUnderstanding([
      makeChunk("loop", "Training Loop", "optimizer = AdamW(params, lr=1e-3)"),
    ]);
    const result = withCode.understand("is my lr too high");
    expect(result.understoodAs).toBe("is my lr too high");
    expect(result.expansions).toContainEqual({
      word: "lr",
      alternatives: ["learning rate"],
      source: "lexicon",
    });
  });

  it("reads a code name joined by underscores as one token: known as the corpus writes it", () => {
    const withCode = new QuestionUnderstanding([
      makeChunk("split", "Splitting", "X_train, X_test = train_test_split(X, test_size=0.2)"),
      makeChunk("group", "Grouping", "groupby() splits a table into groups."),
    ]);
    expect(withCode.understand("what does train_test_split return").unknownTopics).toEqual([]);
    // Its parts are English or the material's words, but the name is not.
    expect(withCode.understand("pivot_table vs groupby diff?").unknownTopics).toEqual([
      "pivot_table",
    ]);
  });

  it("takes currency codes and memory units for what they measure, not unknown topics", () => {
    expect(understanding.understand("global salary in usd?").unknownTopics).toEqual([]);
    expect(understanding.understand("Tried to allocate 2.00 GiB").unknownTopics).toEqual([]);
  });

  it("corrects a misspelled corpus word and never touches a word the corpus uses", () => {
    const result = understanding.understand("is xgbooost good for tabular data");
    expect(result.understoodAs).toBe("is xgboost good for tabular data");
    expect(result.changes).toEqual([{ from: "xgbooost", to: "xgboost", reason: "spelling" }]);
    expect(understanding.understand("pytorch models").changes).toEqual([]);
  });

  it("corrects a four-letter word only by a swap of neighbours after its first letter", () => {
    const bias = new QuestionUnderstanding([
      makeChunk("b", "Bias", "The bias-variance tradeoff: a list of causes of high bias."),
    ]);
    expect(bias.understand("explain bais variance").understoodAs).toBe("explain bias variance");
    expect(bias.understand("lsit the causes").understoodAs).toBe("list the causes");
    // Another edit is as often another word or a name: a dropped letter is left as written.
    expect(bias.understand("why is biss high").understoodAs).toBe("why is biss high");
  });

  it("does not correct a prefixed English word into another word, but joins a corpus compound", () => {
    const scaling = new QuestionUnderstanding([
      makeChunk(
        "s",
        "Scaling",
        "A resale price is a column; pre-train a model, then fine-tune it.",
      ),
    ]);
    // "rescale" is re + scale, not a misspelled "resale".
    expect(scaling.understand("should i rescale columns").changes).toEqual([]);
    expect(scaling.understand("do i pretrain it").understoodAs).toBe("do i pre-train it");
    // A rare base ("tuns") makes no word of its own: "retuns" is the corpus's "returns".
    const returns = new QuestionUnderstanding([
      makeChunk("r", "FastAPI", "A wrong type returns a 422 error."),
    ]);
    expect(returns.understand("why my fastapi retuns 422").understoodAs).toBe(
      "why my fastapi returns 422",
    );
  });

  it("keeps 'anyone' where it carries meaning and drops it where it only asks for help", () => {
    expect(
      understanding.understand("can i test a model without affecting anyone").understoodAs,
    ).toBe("can i test a model without affecting anyone");
    expect(understanding.understand("does anyone know what xgboost is").understoodAs).toBe(
      "what xgboost is",
    );
  });

  it("takes a tool the material never names for a topic it lacks, not a typo of a word it uses", () => {
    const nearFails = new QuestionUnderstanding([
      makeChunk("loud", "Monitoring", "Ordinary software fails loudly when a bug ships."),
    ]);
    const result = nearFails.understand("what does faiss do");
    expect(result.understoodAs).toBe("what does faiss do");
    expect(result.unknownTopics).toEqual(["faiss"]);
  });

  it("writes numbers and ranges the way the material does", () => {
    expect(understanding.understand("is 1-2 weeks enough for 10000 examples?").understoodAs).toBe(
      "is 1–2 weeks enough for 10,000 examples?",
    );
  });

  it("reads a pasted exception name as the learner's error, not a topic the material lacks", () => {
    const pasted = understanding.understand(
      "ModuleNotFoundError: No module named 'xgboost' after pip install, how do i fix this",
    );
    expect(pasted.unknownTopics).toEqual([]);
    expect(pasted.unfamiliarWords).toContain("ModuleNotFoundError");
  });

  it("tells unknown topics from ordinary English words the corpus does not use", () => {
    const polars = understanding.understand("is polars better than pandas");
    expect(polars.unknownTopics).toContain("polars");
    expect(polars.changes).toEqual([]);
    const ordinary = understanding.understand("realistically is XGBoost overrated now");
    expect(ordinary.unknownTopics).toEqual([]);
    expect(ordinary.unfamiliarWords).toContain("overrated");
    expect(ordinary.changes).toContainEqual({ from: "realistically", to: "", reason: "filler" });
  });

  it("restores a letter dropped from a common short word, but leaves short names alone", () => {
    const typed = understanding.understand("fastapi givng 422 error y");
    expect(typed.understoodAs).toMatch(/^fastapi giving 422 error/);
    expect(typed.unknownTopics).not.toContain("givng");
    expect(understanding.understand("is dask good").unknownTopics).toContain("dask");
  });

  it("knows a slash-joined name the corpus writes that way ('A/B'), and Hinglish question words", () => {
    expect(understanding.understand("when to run an A/B test").unknownTopics).toEqual([]);
    expect(understanding.understand("month 6-8 mein kya padhna hai").understoodAs).toBe(
      "month 6–8 in learn",
    );
    expect(understanding.understand("pytorch first? confused af").understoodAs).toBe(
      "pytorch first? confused",
    );
    expect(understanding.understand("proj ideas batao").understoodAs).toBe("project ideas tell");
    expect(understanding.understand("what is RAG, explain like im 5").understoodAs).toBe(
      "what is RAG, explain",
    );
  });

  it("reads Hinglish pronouns as English ones, so a follow-up can point back", () => {
    expect(understanding.understand("aur uska example?").understoodAs).toBe("and its example?");
    expect(understanding.understand("and if i already knw python").unknownTopics).toEqual([]);
    // "kal" (yesterday), "aaj" (today), "gayab" (gone): Hindi, not topics.
    expect(
      understanding.understand("dataset upload kiya tha kal, aaj gayab ho gaya??").unknownTopics,
    ).toEqual([]);
    expect(understanding.understand("iski cost kitni hai").unknownTopics).toEqual([]);
  });

  it("does not take the Hindi words of a Hinglish message for unknown topics", () => {
    const hinglish = understanding.understand("xgboost ke liye kaunse params jaanne chahiye");
    expect(hinglish.unknownTopics).toEqual([]);
    expect(hinglish.unfamiliarWords).toContain("jaanne");
    // The same kind of word in an English message is still a topic the material may lack.
    expect(understanding.understand("which params does jaanne need").unknownTopics).toEqual([
      "jaanne",
    ]);
  });

  it("keeps a compound it does not know whole and calls it a topic", () => {
    const result = understanding.understand("how does q-learning work");
    expect(result.understoodAs).toBe("how does q-learning work");
    expect(result.unknownTopics).toEqual(["q-learning"]);
  });

  it("reads slash-joined words one by one and does not take a file name for a topic", () => {
    const slashed = understanding.understand("are list comprehensions overkill/slow for arrays");
    expect(slashed.unknownTopics).toEqual([]);
    expect(slashed.unfamiliarWords).toContain("slow");
    expect(slashed.expansions.map((expansion) => expansion.word)).toContain("overkill");
    const file = understanding.understand("can i push model.pkl to github");
    expect(file.unknownTopics).toEqual(["github"]);
    expect(file.expansions).toContainEqual({
      word: "pkl",
      alternatives: ["model files", "model"],
      source: "lexicon",
    });
    expect(understanding.understand("how to read an excel .xlsx file").understoodAs).toBe(
      "how to read an excel .xlsx file",
    );
    // Each part is judged alone: "jax" is a topic the corpus lacks ("flax" is a plant to Hunspell).
    expect(understanding.understand("is jax/flax better").unknownTopics).toEqual(["jax"]);
  });

  it("does not take a learner's hardware for a topic ('i5', 'm2 macbook')", () => {
    expect(understanding.understand("my laptop is an i5, can i learn ML").unknownTopics).toEqual(
      [],
    );
    expect(understanding.understand("can i use my m2 macbook for pytorch").unknownTopics).toEqual(
      [],
    );
  });

  it("adds the lexicon's search words for a word the material says differently", () => {
    const result = understanding.understand("what are the downsides of XGBoost");
    expect(result.expansions).toContainEqual({
      word: "downsides",
      alternatives: ["disadvantages", "limitations", "weaknesses", "risks"],
      source: "lexicon",
    });
    // "mathematics" searches the material's "math" ("How much math is required…").
    expect(understanding.understand("how much mathematics do i need").expansions).toContainEqual({
      word: "mathematics",
      alternatives: ["math"],
      source: "lexicon",
    });
  });

  it("reads chat shortenings of words the material spells out ('seqs', 'eror', 'err', 'xfer')", () => {
    expect(understanding.understand("why do rnns struggle w/ long seqs").understoodAs).toBe(
      "why do rnns struggle with long sequences",
    );
    expect(understanding.understand("cuda eror").understoodAs).toBe("cuda error");
    expect(understanding.understand("fastapi 422 err when?").understoodAs).toBe(
      "fastapi 422 error when?",
    );
    expect(understanding.understand("xfer learning").understoodAs).toBe("transfer learning");
  });

  it("searches what was typed when it is nothing but filler", () => {
    const result = understanding.understand("thanks!");
    expect(result.understoodAs).toBe("thanks!");
    expect(result.changes).toEqual([]);
  });

  it("gives the same result every time", () => {
    const question = "hey so which cert shud i get for xgbooost lol";
    expect(understanding.understand(question)).toEqual(understanding.understand(question));
  });
});

describe("normaliseNumbers", () => {
  it("writes a small count of things in words, as the material does ('four moves')", () => {
    expect(normaliseNumbers("what are the 4 steps inside every pytorch training step").text).toBe(
      "what are the four steps inside every pytorch training step",
    );
    expect(normaliseNumbers("is training 2 models enough or do i need 3+?").text).toBe(
      "is training two models enough or do i need 3+?",
    );
    expect(normaliseNumbers("Train 2 models").text).toBe("Train two models");
    // A numbered part, a version, a time or money, or part of another number is left alone.
    for (const kept of [
      "what are the main tools of step 4",
      "step 2 models",
      "is Python 3 libraries support ok",
      "pandas 3 changes",
      "2 hrs a day",
      "0.5 feels wrong",
      "$5 coupons",
      "5 is taken",
    ]) {
      expect(normaliseNumbers(kept).text).toBe(kept);
    }
  });

  it("writes 'N plus years' as the material does ('10+ years')", () => {
    expect(normaliseNumbers("ML lead w/ 10 plus yrs, what's the pay").text).toBe(
      "ML lead w/ 10+ yrs, what's the pay",
    );
    expect(normaliseNumbers("5 plus years of exp").text).toBe("5+ years of exp");
    // Not a count of years: "9 to 6 plus 2 hrs commute" adds, and "2 plus 2" is arithmetic.
    expect(normaliseNumbers("9 to 6 plus almost 2 hrs commute").text).toBe(
      "9 to 6 plus almost 2 hrs commute",
    );
    expect(normaliseNumbers("what is 2 plus 2").text).toBe("what is 2 plus 2");
  });

  it("asks for the part of the plan next to a numbered one by its number", () => {
    expect(normaliseNumbers("wat comes after step 3").text).toBe("wat comes in step 4");
    expect(normaliseNumbers("so what's next after step two?").text).toBe("so what's in step 3?");
    expect(normaliseNumbers("which week is before week 5").text).toBe("which week is in week 4");
    // Only a place the material has; and a story's "after" is left alone.
    expect(normaliseNumbers("what happens after month 12", () => 12).text).toBe(
      "what happens after month 12",
    );
    expect(normaliseNumbers("what is before step 1").text).toBe("what is before step 1");
    expect(normaliseNumbers("after step 3 should i apply for jobs").text).toBe(
      "after step 3 should i apply for jobs",
    );
  });

  it("asks for the plan's last step by its number when the material numbers its steps", () => {
    const steps = (part: string) => (part === "step" ? 7 : 0);
    expect(normaliseNumbers("milestone for the final step of the roadmap?", steps).text).toBe(
      "milestone for Step 7 of the roadmap?",
    );
    expect(normaliseNumbers("last stage??", steps).text).toBe("Step 7??");
    // The learner's own pipeline, or a material without numbered steps, is left alone.
    expect(normaliseNumbers("the last step of my pipeline fails", steps).text).toBe(
      "the last step of my pipeline fails",
    );
    expect(normaliseNumbers("what is the final step", () => 0).text).toBe("what is the final step");
  });

  it("writes an amount spelled in words as the material's digits", () => {
    expect(normaliseNumbers("ten thousand samples in groups of 32").text).toBe(
      "10,000 samples in groups of 32",
    );
    expect(normaliseNumbers("twenty five thousand rows, 5 hundred images").text).toBe(
      "25,000 rows, 500 images",
    );
    expect(normaliseNumbers("which one is better after ten years").changes).toEqual([]);
    expect(normaliseNumbers("when can i leave the very first stage of the plan").text).toBe(
      "when can i leave Step 1 of the plan",
    );
  });

  it("groups digits, keeps years, turns k and ranges into the material's form", () => {
    expect(normaliseNumbers("10000 rows in 2026, 10k more, $120k, 3 to 6 months").text).toBe(
      "10,000 rows in 2026, 10,000 more, $120K, 3–6 months",
    );
    expect(normaliseNumbers("version 3.12 and python3").changes).toEqual([]);
    // A race is named by its distance: "a 10k race" is no amount.
    expect(normaliseNumbers("beginner plan for a 10k race or a 5K run").changes).toEqual([]);
    expect(normaliseNumbers("milestone for step five, focus of month Three").text).toBe(
      "milestone for step 5, focus of month 3",
    );
    expect(normaliseNumbers("one step at a time").changes).toEqual([]);
  });

  it("leaves ports and hardware model numbers as typed", () => {
    expect(
      normaliseNumbers("uvicorn on 127.0.0.1:8000, port 8080, rtx 4060 or GTX 1650?").changes,
    ).toEqual([]);
    expect(normaliseNumbers("i did use -p 8000:8000").changes).toEqual([]);
    expect(normaliseNumbers("can i change that to 8080? 5000 is taken").changes).toEqual([]);
  });
});

describe("remarkClauses", () => {
  it("finds the clauses around the question that only remark, in everyday words", () => {
    expect(remarkClauses("what is RAG exactly, everyone keeps saying it")).toEqual([
      "everyone keeps saying it",
    ]);
    expect(remarkClauses("still confused, what's RAG in simple words")).toEqual(["still confused"]);
    // A clause naming a thing, a language or a figure is part of what is asked about.
    expect(remarkClauses("can i skip straight to algorithms, data cleaning seems boring")).toEqual(
      [],
    );
    expect(remarkClauses("my english is weak, can i learn ml?")).toEqual([]);
    expect(remarkClauses("i am 35, can i still learn ml?")).toEqual([]);
  });

  it("finds a clause that only says where the learner met the thing", () => {
    expect(remarkClauses("what's uv, saw it in some YouTube video")).toEqual([
      "saw it in some YouTube video",
    ]);
    expect(remarkClauses("heard about it on reddit, what is mlflow")).toEqual([
      "heard about it on reddit",
    ]);
    // What was seen is the question's own topic, not where.
    expect(remarkClauses("saw a 422 error in fastapi, what does it mean")).toEqual([]);
  });

  it("finds a clause that only says who says or asks the thing", () => {
    expect(
      remarkClauses("RAG meaning in simple words? my manager keeps saying it in every meeting 😅"),
    ).toEqual(["my manager keeps saying it in every meeting"]);
    expect(remarkClauses("explain what is RAG, my manager is asking and I am not knowing")).toEqual(
      ["my manager is asking and I am not knowing"],
    );
    // What they say is part of the question.
    expect(remarkClauses("what is it exactly? my manager keeps talking about kubernetes")).toEqual(
      [],
    );
  });

  it("leaves the remark's words out of the gate's topic terms", () => {
    const words = questionTerms({
      understoodAs: "what is RAG exactly, everyone keeps saying it",
      expansions: [],
      unknownTopics: [],
    }).map((term) => term.word);
    expect(words).toEqual(["RAG"]);
  });

  it("finds an aside whose nouns the material never uses, when told which words it lacks", () => {
    const lacks = (word: string) => ["deadline", "tonight", "boss", "bitcoin"].includes(word);
    expect(remarkClauses("what is dropout?? deadline tonight", lacks)).toEqual([
      "deadline tonight",
    ]);
    expect(remarkClauses("how do i handle missing values - my boss wants to know", lacks)).toEqual([
      "my boss wants to know",
    ]);
    // Without knowing the material, or with a noun the material uses, it is part of the question.
    expect(remarkClauses("what is dropout?? deadline tonight")).toEqual([]);
    expect(remarkClauses("what is dropout?? pytorch tonight", lacks)).toEqual([]);
    // In brackets, inside the clause that asks; a carried-over topic names the material's words.
    expect(remarkClauses("what is dropout (deadline tonight)", lacks)).toEqual([
      "(deadline tonight)",
    ]);
    expect(remarkClauses("and for that one? (pytorch)", lacks)).toEqual([]);
    // Inside the clause: a closing purpose and who asks, when their nouns are the material's
    // none.
    const lacksMore = (word: string) => ["viva", "friend"].includes(word.toLowerCase());
    expect(remarkClauses("what is dropout for my viva", lacksMore)).toEqual([" for my viva"]);
    expect(remarkClauses("my friend asked me what is dropout", lacksMore)).toEqual([
      "my friend asked me",
    ]);
    expect(remarkClauses("what is dropout in my pytorch model", lacksMore)).toEqual([]);
  });

  it("finds an aside that says when, its time left out of the word count and the digit check", () => {
    const lacks = (word: string) => ["viva", "exam"].includes(word.toLowerCase());
    expect(remarkClauses("what is dropout, viva is at 10am tomorrow", lacks)).toEqual([
      "viva is at 10am tomorrow",
    ]);
    expect(remarkClauses("what is dropout?? been stuck whole night", lacks)).toEqual([
      "been stuck whole night",
    ]);
    // A figure that is not a time is part of what is asked about.
    expect(remarkClauses("what is dropout, viva is at 10 percent", lacks)).toEqual([]);
  });

  it("finds an aside between a topic and the question that points back at it", () => {
    const lacks = (word: string) => ["buzzword", "sounds"].includes(word.toLowerCase());
    expect(remarkClauses("federated learning?? sounds like a buzzword, what is it", lacks)).toEqual(
      ["sounds like a buzzword"],
    );
    // With nothing asked before it, the clause "what is it" leans on is the topic.
    expect(remarkClauses("sounds like a buzzword, what is it", lacks)).toEqual([]);
    // So is the clause before one that asks to act on "one" ("make one", "buy one").
    const lacksKitchen = (word: string) => ["sourdough", "starter", "dying"].includes(word);
    expect(
      remarkClauses(
        "my sourdough starter keeps dying, how do i make one from scratch",
        lacksKitchen,
      ),
    ).toEqual([]);
    expect(
      remarkClauses(
        "my sourdough starter keeps dying, which starter is the live one",
        lacksKitchen,
      ),
    ).toEqual(["my sourdough starter keeps dying"]);
    expect(remarkClauses("what is dropout? sourdough starter dying", lacksKitchen)).toEqual([
      "sourdough starter dying",
    ]);
    // Examples of what an asking clause asks for stay part of it.
    expect(
      remarkClauses(
        "Which RL algorithms, such as Q-learning, does the roadmap recommend?",
        (word) => word === "Q-learning",
      ),
    ).toEqual([]);
  });

  it("ends a clause at an emoji and reads a label before a colon as an aside", () => {
    const lacks = (word: string) => ["viva", "sanity", "check"].includes(word.toLowerCase());
    expect(remarkClauses("viva soon 😰 what is data leakage?", lacks)).toEqual(["viva soon"]);
    expect(remarkClauses("quick sanity check: what is data leakage?", lacks)).toEqual([
      "quick sanity check",
    ]);
    // A label naming a topic is part of the question.
    expect(remarkClauses("fastapi q: what happens on a bad request?", lacks)).toEqual([]);
  });

  it("takes an everyday noun the material barely uses for an aside, when told which those are", () => {
    const lacks = (word: string) => ["typos"].includes(word.toLowerCase());
    const barely = (word: string) => ["phone"].includes(word.toLowerCase());
    expect(remarkClauses("on my phone sorry for typos - what is dropout", lacks, barely)).toEqual([
      "on my phone sorry for typos",
    ]);
    expect(remarkClauses("on my phone sorry for typos - what is dropout", lacks)).toEqual([]);
  });
});

describe("questionFocus", () => {
  it("keeps a short topic label before the question as part of it", () => {
    expect(questionFocus("kmeans - what parameter do i have to set")).toBe(
      "kmeans what parameter do i have to set",
    );
    expect(questionFocus("DL foundations, what topics to cover?")).toBe(
      "DL foundations what topics to cover?",
    );
    // A preposition may open the label: "for an SVM" says what the question asks about.
    expect(questionFocus("For an SVM, are the key hyperparameters C and penalty?")).toBe(
      "For an SVM are the key hyperparameters C and penalty?",
    );
    expect(questionFocus("in my company, what tools do they use?")).toBe("what tools do they use?");
    // A label is set off by a dash or a comma, not by an emoji: "namaste 🙏" greets.
    expect(questionFocus("namaste 🙏 what is dropout")).toBe("what is dropout");
    // Everyday words name no topic: "different thing" is a remark.
    expect(questionFocus("different thing - what exactly is data leakage?")).toBe(
      "what exactly is data leakage?",
    );
    // A clause that says something is a story, not a label.
    expect(questionFocus("i know sql - what should i learn next?")).toBe(
      "what should i learn next?",
    );
    // A label in words the material lacks is still an aside.
    const lacks = (word: string) => ["deadline", "tonight"].includes(word);
    expect(remarkClauses("deadline tonight - what is dropout", lacks)).toEqual([
      "deadline tonight",
    ]);
  });

  it("finds the clause that asks, without the situation around it", () => {
    expect(
      questionFocus(
        "I'm 28, in marketing, no CS degree, can I still get into ML? I only know excel",
      ),
    ).toBe("can I still get into ML?");
    expect(questionFocus("is polars better than pandas")).toBe("is polars better than pandas");
  });

  it("keeps the examples an asking clause gives of what it asks for", () => {
    expect(
      questionFocus(
        "Which reinforcement learning algorithms, such as Q-learning, does the roadmap recommend?",
      ),
    ).toBe(
      "Which reinforcement learning algorithms such as Q-learning does the roadmap recommend?",
    );
    // Examples in the story stay out.
    expect(questionFocus("I use tools, such as Excel, at work. What is ML?")).toBe("What is ML?");
  });

  it("reads a sentence told without its 'I' as the story, not a question", () => {
    expect(
      questionFocus(
        "salary stuck at 5.5 LPA. did some python on youtube during lockdown. what does an AI engineer do?",
      ),
    ).toBe("what does an AI engineer do?");
    // With a subject it asks, even ending with a full stop.
    expect(questionFocus("ok so. did you cover docker. what about k8s?")).toBe(
      "did you cover docker. what about k8s?",
    );
    // What the learner did or has, before a comma and another clause, is told too.
    expect(
      questionFocus(
        "been doing accounting for 6 years, did a python course last year, no CS degree at all, is that a dealbreaker?",
      ),
    ).toBe("is that a dealbreaker?");
    // A question with its subject after "does" still asks before a comma.
    expect(
      questionFocus(
        "Does the TensorFlow Developer Certificate expire, and how often must it be renewed?",
      ),
    ).toBe("Does the TensorFlow Developer Certificate expire and how often must it be renewed?");
  });

  it("reads a request as asking ('confirm what package…', 'guide me'), not a noun 'guide'", () => {
    expect(
      questionFocus(
        "i am a fresher, 2025 passout. my friend said freshers get 20 LPA in Bengaluru. confirm what package i can expect",
      ),
    ).toBe("confirm what package i can expect");
    expect(questionFocus("I know excel and sql, guide me on where to start")).toBe(
      "guide me on where to start",
    );
    expect(questionFocus("my guide wants it by March, is a CNN enough?")).toBe("is a CNN enough?");
  });

  it("leaves the learner's own figures out of the focus ('I have 2 hours a day, how long…')", () => {
    expect(questionFocus("i have 2 hours a day, how long will the whole roadmap take me")).toBe(
      "how long will the whole roadmap take me",
    );
    expect(questionFocus("does my company sponsor certs? like do companies reimburse fees")).toBe(
      "does my company sponsor certs? like do companies reimburse fees",
    );
  });

  it("keeps the clause a pointing question leans on", () => {
    expect(questionFocus("JAX vs PyTorch for research, which is better?")).toBe(
      "JAX vs PyTorch for research which is better?",
    );
    expect(questionFocus("I work in a bank, I know SQL, which one should i pick?")).toBe(
      "I know SQL which one should i pick?",
    );
    expect(questionFocus("I work in a bank, can I learn ML in 6 months?")).toBe(
      "can I learn ML in 6 months?",
    );
    // "how to do" names nothing: the thing to do is in the clause before it.
    expect(questionFocus("kubernetes setup for serving ML models, how to do")).toBe(
      "kubernetes setup for serving ML models how to do",
    );
    expect(questionFocus("my wifi keeps disconnecting on windows 11, how to fix")).toBe(
      "my wifi keeps disconnecting on windows 11 how to fix",
    );
    // "what's the catch?" asks a drawback of the thing named before it.
    expect(questionFocus("retrain on a fixed schedule — what's the catch?")).toBe(
      "retrain on a fixed schedule what's the catch?",
    );
    expect(questionFocus("drift alerts for retraining, any downsides?")).toBe(
      "drift alerts for retraining any downsides?",
    );
  });

  it("keeps a clause that guesses at the answer ('… or wat', '… right')", () => {
    expect(
      questionFocus("how does PCA pick components, eigenvectors of covariance matrix or wat"),
    ).toBe("how does PCA pick components eigenvectors of covariance matrix or wat");
    expect(questionFocus("batchnorm is a regulariser right, that's why we use it?")).toBe(
      "batchnorm is a regulariser right that's why we use it?",
    );
    expect(questionFocus("I work in a bank, can I learn ML in 6 months")).toBe(
      "can I learn ML in 6 months",
    );
  });

  it("keeps the clause that names an amount before asking it, and the figures offered after it", () => {
    expect(questionFocus("aws ml specialty cert valid for how long, 2 yrs or 3?")).toBe(
      "aws ml specialty cert valid for how long 2 yrs or 3?",
    );
    expect(questionFocus("i know some sql, course fees kitna")).toBe("course fees kitna");
    expect(questionFocus("jupyter lab default port, 8888 or something else?")).toBe(
      "jupyter lab default port 8888 or something else?",
    );
    expect(questionFocus("fresher ML salary in pune, like 6 lpa?")).toBe(
      "fresher ML salary in pune like 6 lpa?",
    );
    // Options that are not figures do not lean back on a story.
    expect(questionFocus("im a beginner, pytorch or tensorflow?")).toBe("pytorch or tensorflow?");
  });

  it("reads a question after 'as per the roadmap', and a claim checked by 'is it correct?'", () => {
    expect(
      questionFocus("i work in accounts. as per the roadmap how long will it take, what first?"),
    ).toBe("as per the roadmap how long will it take what first?");
    expect(
      questionFocus("I read that DS earn more than MLE, hence I am choosing DS. Is it correct?"),
    ).toBe("I read that DS earn more than MLE hence I am choosing DS. Is it correct?");
  });
});
