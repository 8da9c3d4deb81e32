import { beforeAll, describe, expect, inject, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { OfflineQuestionRewriter } from "../../src/answer/offline-question-rewriter.ts";
import type { ChatTurn } from "../../src/answer/question-rewriter.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { CoordinatedWords } from "../../src/retrieval/coordinated-words.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { RowHeads } from "../../src/retrieval/row-heads.ts";
import { QuestionUnderstanding } from "../../src/understanding/question-understanding.ts";

let rewriter: OfflineQuestionRewriter;
/** The same, reading earlier questions as the assistant understands them. */
let understandingRewriter: OfflineQuestionRewriter;

beforeAll(async () => {
  const index = await loadIndex(inject("sharedIndexDir"), new UseEmbedder());
  const over = (understand?: (text: string) => string) =>
    new OfflineQuestionRewriter(
      new EntityLexicon(index.chunks),
      new CorpusStatistics(index.chunks),
      undefined,
      new RowHeads(index.chunks),
      new CoordinatedWords(index.chunks),
      understand,
    );
  rewriter = over();
  const understanding = new QuestionUnderstanding(index.chunks);
  understandingRewriter = over((text) => understanding.understand(text).understoodAs);
});

const afterAsking = (question: string): ChatTurn[] => [
  { role: "user", content: question },
  { role: "assistant", content: "An answer. [1]" },
];

describe("offline follow-up rewriting", () => {
  it("carries the last topic without how it was asked for ('explain … pls')", async () => {
    const rewritten = await rewriter.rewrite(
      "how does it decide if two shapes are compatible",
      afterAsking("explain broadcasting in numpy pls"),
    );
    expect(rewritten).toContain("broadcasting");
    expect(rewritten).not.toContain("explain");
  });

  it("asks for the source of the whole claim, not of one tool it names ('a paper that showed this')", async () => {
    const rewritten = await rewriter.rewrite(
      "is there a paper that showed this",
      afterAsking("why do ppl say xgboost beats neural nets on tabular data"),
    );
    expect(rewritten).toMatch(/^is there a paper that showed this \(.*\btabular\b.*\)$/);
  });

  it("keeps 'how many … is that' about the message's own figures, not the last topic", async () => {
    const message =
      "so with 10,000 samples and batch size 32 how many update steps is that per epoch";
    expect(
      await understandingRewriter.rewrite(
        message,
        afterAsking("what exactly is an epoch in deep learning"),
      ),
    ).toBe(message);
    // Without figures of its own, "that" is what was asked about before.
    expect(
      await rewriter.rewrite(
        "how much does that cost",
        afterAsking("what is the aws ml specialty"),
      ),
    ).not.toBe("how much does that cost");
  });

  it("swaps the row 'and for a software engineer?' names, without its 'for a'", async () => {
    expect(
      await rewriter.rewrite(
        "and for a software engineer?",
        afterAsking("How long does it take a data analyst to move into machine learning?"),
      ),
    ).toBe("How long does it take a software engineer to move into machine learning?");
  });

  it("asks the same of a tool named alone after 'and' ('ok and lightgbm?')", async () => {
    expect(
      await rewriter.rewrite("ok and lightgbm?", afterAsking("catboost key hyperparameters?")),
    ).toBe("lightgbm key hyperparameters?");
    expect(await rewriter.rewrite("and kaggle?", afterAsking("is colab free"))).toBe(
      "is kaggle free",
    );
  });

  it("keeps 'what about X, <its own question>' whole, with the last topic as context", async () => {
    const rewritten = await rewriter.rewrite(
      "what about JAX, worth learning instead?",
      afterAsking("pytorch or tensorflow for a beginner in 2026?"),
    );
    expect(rewritten).toMatch(/^what about JAX, worth learning instead\? \(/);
    expect(rewritten).toMatch(/pytorch/i);
    // Swapped into the last question, the clause had landed inside it.
    expect(rewritten).not.toContain("JAX, worth learning instead for");
    // So too after a question that named no tool: the message keeps its "what about".
    expect(
      await rewriter.rewrite(
        "what about statistics, which topics?",
        afterAsking("is SQL needed for ML"),
      ),
    ).toMatch(/^what about statistics, which topics\? \(/);
    // A bare name is still swapped in.
    expect(
      await rewriter.rewrite(
        "what about JAX?",
        afterAsking("pytorch or tensorflow for a beginner?"),
      ),
    ).toBe("pytorch or JAX for a beginner?");
  });

  it("leaves out a thanks before the follow-up, whose 'it' points at nothing", async () => {
    const rewritten = await rewriter.rewrite(
      "got it. what port does the ui open on by default",
      afterAsking("what does mlflow do"),
    );
    expect(rewritten).not.toMatch(/^got/i);
    expect(rewritten.toLowerCase()).toContain("mlflow");
    // "anything else that …" opens a relative clause; its "that" points at nothing either.
    expect(
      await rewriter.rewrite(
        "got it. anything else that shouldnt end up in the image?",
        afterAsking("how do i write a dockerfile for my fastapi app"),
      ),
    ).toMatch(/^anything else that shouldnt end up in the image\?/);
  });

  it("reads the pronoun of 'what about X, <question>' as X", async () => {
    expect(
      await rewriter.rewrite(
        "what about poetry, is that better than uv?",
        afterAsking("should i commit my virtual environment to git"),
      ),
    ).toBe("what about poetry, is poetry better than uv?");
    expect(
      await rewriter.rewrite(
        "what about SQL, why does everyone say its so important for ML",
        afterAsking("and for comparing groups + spotting outliers?"),
      ),
    ).toBe("what about SQL, why does everyone say SQL's so important for ML");
    // A setting named is not what the pronoun stands for.
    expect(
      await rewriter.rewrite(
        "what about for deep learning then, is it enough?",
        afterAsking("is colab enough for ml"),
      ),
    ).not.toContain("for deep learning then, is for");
  });

  it("reads a pronoun after a tool the message names itself as that tool", async () => {
    expect(
      await rewriter.rewrite(
        "and grafana? which port does that one run on",
        afterAsking("what port does mlflow ui use"),
      ),
    ).toBe("and grafana? which port does grafana run on");
    // After a preposition, the pronoun is what the tool is needed for: the last topic.
    expect(
      await rewriter.rewrite(
        "which hugging face libraries do i need for that",
        afterAsking("what does fine tuning mean for llms"),
      ),
    ).toBe("which hugging face libraries do i need for tuning llms");
  });

  it("reads the pointer after a thing the message names first as that thing", async () => {
    expect(
      await rewriter.rewrite(
        "and fine tuning, when is that useful instead?",
        afterAsking("what is rag"),
      ),
    ).toBe("and fine tuning, when is fine tuning useful instead? (rag)");
  });

  it("reads 'it' after a question that asked to pick one as the row the answer picked", async () => {
    const picked: ChatTurn[] = [
      { role: "user", content: "which one is best for a quick demo" },
      {
        role: "assistant",
        content:
          "Streamlit — best for: Interactive demos and prototypes; learning curve: Beginner [1]",
      },
    ];
    expect(await rewriter.rewrite("how long does that take to learn", picked)).toBe(
      "how long does Streamlit take to learn",
    );
    // A comparison's answer picks nothing: "which one pays more" is about both.
    const compared: ChatTurn[] = [
      { role: "user", content: "data scientist vs ml engineer, which one pays more" },
      { role: "assistant", content: "6–9 years — salary india: ₹25L–28L PA [1]" },
    ];
    expect(await rewriter.rewrite("is it hard to get", compared)).not.toContain("6–9 years");
  });

  it("keeps the 'it' of 'how long does it take to …', which points at what follows", async () => {
    expect(
      await rewriter.rewrite(
        "how long does it take to learn it",
        afterAsking("what does mlflow do"),
      ),
    ).toBe("how long does it take to learn mlflow");
    expect(
      await rewriter.rewrite("how long does it take", afterAsking("what does mlflow do")),
    ).toBe("how long does mlflow take");
    expect(
      await rewriter.rewrite("how long does it take to learn", afterAsking("what does mlflow do")),
    ).toBe("how long does mlflow take to learn");
  });

  it("keeps the 'it' of 'is it ok to retrain daily', which points at what follows", async () => {
    const retraining = afterAsking("when should i retrain my model in production");
    const rewritten = await rewriter.rewrite("is it ok to retrain daily", retraining);
    expect(rewritten).toMatch(/^is it ok to retrain daily \(/);
    // "is it hard to pass?" asks how hard the last thing is to pass.
    expect(await rewriter.rewrite("is it hard to pass?", afterAsking("what does mlflow do"))).toBe(
      "is mlflow hard to pass?",
    );
  });

  it("reads a plural pointer after a comparison as both sides ('how are they trained')", async () => {
    expect(
      await rewriter.rewrite("how are they pretrained", afterAsking("diff between bert and gpt")),
    ).toBe("how are bert and gpt pretrained");
    // Each side by its own words, not the question's.
    expect(
      await rewriter.rewrite("how do i balance them", afterAsking("explain bias vs variance")),
    ).toBe("how do i balance bias and variance");
  });

  it("keeps the authors' 'they' of 'the project they suggest', replacing the pointer after it", async () => {
    const rewritten = await rewriter.rewrite(
      "whats the first project they suggest for that",
      afterAsking("what should a software developer learn first"),
    );
    expect(rewritten).toContain("they suggest for");
    expect(rewritten).toMatch(/software developer/i);
  });

  it("carries a band of experience the last question named ('which cities?' of 0–2 years)", async () => {
    expect(
      await rewriter.rewrite("which cities?", afterAsking("ML salary for 0-2 years exp?")),
    ).toMatch(/0[–-]2 years/);
    expect(
      await rewriter.rewrite("what about globally for that exp", afterAsking("and for 3-5 yrs?")),
    ).toMatch(/3[–-]5 yrs/);
  });

  it("keeps the 'they' of a study's authors ('the accuracy gap they found')", async () => {
    const rewritten = await rewriter.rewrite(
      "how big was the accuracy gap they found",
      afterAsking("why do trees beat neural networks on tabular data"),
    );
    expect(rewritten).toContain("gap they found");
    expect(rewritten).toMatch(/tabular/i);
  });

  it("keeps a demonstrative that names its own noun, an adjective between ('this full roadmap')", async () => {
    expect(
      await rewriter.rewrite(
        "will this full roadmap prepare me for it",
        afterAsking("what does mlflow do"),
      ),
    ).toBe("will this full roadmap prepare me for mlflow");
  });

  it("compares the two last topics, reading the earlier question in its own history", async () => {
    const chain: ChatTurn[] = [
      { role: "user", content: "whats xgboost used for" },
      { role: "assistant", content: "XGBoost — purpose: Gradient boosting [1]" },
      { role: "user", content: "is it free" },
      { role: "assistant", content: "XGBoost — free: Yes [1]" },
      { role: "user", content: "what about lightgbm" },
      { role: "assistant", content: "LightGBM — free: Yes [1]" },
    ];
    const rewritten = (await rewriter.rewrite("which one is faster", chain)).toLowerCase();
    expect(rewritten).toContain("xgboost");
    expect(rewritten).toContain("lightgbm");
  });

  it("carries the topic to a short message whose words the last exchange said", async () => {
    const history: ChatTurn[] = [
      { role: "user", content: "how do i serve a model with FastAPI" },
      { role: "assistant", content: "Send a request to the /predict endpoint. [1]" },
    ];
    expect(
      await rewriter.rewrite("what happens if the request is missing a field", history),
    ).toContain("FastAPI");
  });

  it("swaps the tool in 'what about X?'", async () => {
    expect(
      await rewriter.rewrite(
        "what about LightGBM?",
        afterAsking("Which hyperparameters matter for XGBoost?"),
      ),
    ).toBe("Which hyperparameters matter for LightGBM?");
  });

  it("asks the previous question about a sibling row of the same table in 'and X?'", async () => {
    expect(
      await rewriter.rewrite("and shadow deployment?", afterAsking("what is a canary release")),
    ).toBe("what is a shadow deployment");
    expect(
      await rewriter.rewrite(
        "and calculus?",
        afterAsking("what do i need to learn in probability for ML"),
      ),
    ).toBe("what do i need to learn in calculus for ML");
    // Not siblings: the previous topic is carried over instead of swapped.
    expect(
      await rewriter.rewrite("and docker?", afterAsking("what do i need to learn in probability")),
    ).not.toBe("what do i need to learn in docker");
  });

  it("asks the previous question about a word the corpus pairs with one of its words", async () => {
    // The roadmap lists metrics "For regression, …" and "For classification, …".
    expect(
      await rewriter.rewrite(
        "ok and for classification?",
        afterAsking("which metrics should i learn for regression"),
      ),
    ).toBe("which metrics should i learn for classification");
  });

  it("asks the previous question for the purpose 'and for X?' names instead of its own", async () => {
    expect(
      await rewriter.rewrite(
        "and for images?",
        afterAsking("whats a good first model for tabular data?"),
      ),
    ).toBe("whats a good first model for images?");
    // The "it" of the purpose's case is the task, not a thing said before.
    expect(
      await rewriter.rewrite(
        "and for the output if its multi class?",
        afterAsking("what activation should i use for hidden layers"),
      ),
    ).toBe("what activation should i use for the output if its multi class");
    // The purpose ends at the next preposition: the market stays, the story clause goes.
    expect(
      await rewriter.rewrite(
        "and for a real prod api?",
        afterAsking(
          "hey! which deployment framework is best for quick portfolio demos as a beginner? need to show something to my seniors",
        ),
      ),
    ).toBe("which deployment framework is best for a real prod api as a beginner?");
    expect(
      await rewriter.rewrite(
        "what about for data scientists",
        afterAsking("what's the salary for ML engineers in india?"),
      ),
    ).toBe("what's the salary for data scientists in india?");
    // Other learners' situation carries the whole question instead.
    expect(
      await rewriter.rewrite("and for beginners?", afterAsking("how long to learn ml for a job")),
    ).not.toBe("how long to learn ml for beginners");
  });

  it("reads the previous question in its own conversation when it was a follow-up", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("what is a virtual environment"),
      ...afterAsking("how do i create one"),
    ];
    expect(await rewriter.rewrite("and how do i save the installed packages", history)).toMatch(
      /\(.*virtual environment.*\)$/,
    );
  });

  it("reads a possessive as the thing a pointer of the previous follow-up stood for", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("what is RAG"),
      ...afterAsking("which tools should i use to build one"),
    ];
    expect(await rewriter.rewrite("and how do i evaluate its answers", history)).toBe(
      "and how do i evaluate RAG's answers",
    );
  });

  it("asks the previous question about another month, and about both of the last two things", async () => {
    expect(
      await rewriter.rewrite("and in month 10?", afterAsking("what should i learn in month 9")),
    ).toBe("what should i learn in month 10");
    const history: ChatTurn[] = [...afterAsking("what is MLflow"), ...afterAsking("what is DVC")];
    expect(await rewriter.rewrite("whats the diff between the two", history)).toMatch(
      /\((MLflow and DVC)\)$/,
    );
  });

  it("reads 'it' as what the previous question's 'it' stood for, and leaves 'this roadmap'", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("what's the AI engineer path?"),
      ...afterAsking("how much math does it need compared to a deep learning engineer?"),
    ];
    expect(
      await rewriter.rewrite("and does this roadmap actually prepare me for it?", history),
    ).toBe("and does this roadmap actually prepare me for AI engineer path?");
  });

  it("carries nothing to a row beside the last one that is asked its own question", async () => {
    const history = afterAsking("how long does the sentiment analysis with BERT project take?");
    expect(await rewriter.rewrite("ok and the image classifier, what stack?", history)).toBe(
      "ok and the image classifier, what stack?",
    );
  });

  it("compares a row beside the last one with it when asked 'which one pays more'", async () => {
    const history = afterAsking("what does an nlp engineer actually do day to day");
    expect(
      await rewriter.rewrite("and a computer vision engineer? which one pays more", history),
    ).toBe(
      "and a computer vision engineer? which one pays more (nlp engineer or computer vision engineer)",
    );
  });

  it("compares both sides of the last comparison when asked 'which pays more'", async () => {
    const history = afterAsking("diff between data scientist and ml engineer?");
    expect(await rewriter.rewrite("which pays more in india", history)).toBe(
      "which pays more in india (data scientist or ml engineer)",
    );
  });

  it("compares the rows of the last two questions when asked 'which of the two pays more'", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("salary range for nlp engineer in india"),
      ...afterAsking("and computer vision engineer?"),
    ];
    expect(await rewriter.rewrite("so which of the two pays more", history)).toBe(
      "so which of the two pays more (nlp engineer or computer vision engineer)",
    );
  });

  it("asks the last question of another step when only its answer named the step", async () => {
    const history: ChatTurn[] = [
      { role: "user", content: "main tools?" },
      {
        role: "assistant",
        content: "Step 5 — focus area: Deployment and MLOps; main tools: FastAPI, Docker [1]",
      },
    ];
    expect(await rewriter.rewrite("and step 6?", history)).toBe("main tools? (step 6)");
    // An answer that named no step leaves the message to the other rules.
    expect(await rewriter.rewrite("and step 6?", afterAsking("main tools?"))).not.toBe(
      "main tools? (step 6)",
    );
  });

  it("reads 'back to it' against the question before the aside", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("what is step 5"),
      ...afterAsking("btw best biryani place in hyderabad?"),
    ];
    const rewritten = await rewriter.rewrite("ok back to it, how long does that take?", history);
    expect(rewritten).toContain("step 5");
    expect(rewritten).not.toContain("biryani");
  });

  it("carries the step the previous question named", async () => {
    expect(await rewriter.rewrite("how long does that take?", afterAsking("what is step 5"))).toBe(
      "how long does step 5 take?",
    );
  });

  it("keeps a common word that opens a name the material uses often: 'deep learning'", async () => {
    expect(
      await rewriter.rewrite(
        "and the milestone there?",
        afterAsking("which month do i start deep learning in the 12 month plan"),
      ),
    ).toBe("and the milestone there? (deep learning)");
    // "machine learning" is in 136 of 329 passages: the material's subject, not a topic.
    expect(
      await rewriter.rewrite(
        "what trends does it say matter most?",
        afterAsking("is machine learning still worth learning in 2026?"),
      ),
    ).not.toMatch(/\bmachine\b/i);
  });

  it("leaves a 'that' opening a relative clause alone: 'the stages that changed'", async () => {
    expect(
      await rewriter.rewrite(
        "how do i rerun only the stages that changed with it",
        afterAsking("what is DVC used for?"),
      ),
    ).toBe("how do i rerun only the stages that changed with DVC");
    // Two words between the article and "that": "this" is the pointer, not "that".
    expect(
      await rewriter.rewrite(
        "is there a published study that supports this?",
        afterAsking("what is DVC used for?"),
      ),
    ).toMatch(/^is there a published study that supports/);
  });

  it("carries no bare count as a topic: the 12 of 'the 12 month plan' counts months", async () => {
    const rewritten = await rewriter.rewrite(
      "what do i need to be able to do before moving on from it",
      afterAsking("at what point in the 12 month plan do we get to deploying models"),
    );
    expect(rewritten).toMatch(/\bdeploying models\b/i);
    expect(rewritten).not.toMatch(/\b12\b/);
    // A year is a topic: "trends … (2026)".
    expect(
      await understandingRewriter.rewrite(
        "what trends does it say matter most?",
        afterAsking("is machine learning still worth learning in 2026?"),
      ),
    ).toMatch(/\b2026\b/);
  });

  it("replaces a pronoun with the previous topic", async () => {
    expect(
      await rewriter.rewrite(
        "What are its key hyperparameters?",
        afterAsking("Tell me about XGBoost"),
      ),
    ).toBe("What are XGBoost's key hyperparameters?");
    expect(await rewriter.rewrite("Is it free?", afterAsking("What is DVC used for?"))).toBe(
      "Is DVC free?",
    );
  });

  it("carries the money a previous question asked about ('and in pune?' asks a salary)", async () => {
    expect(
      await rewriter.rewrite("and in pune?", afterAsking("how much do ML engineers earn in india")),
    ).toMatch(/\(salary .*\)$/);
    // A figure of its own ("how many months") is not asked as a price.
    const months = await rewriter.rewrite(
      "how many months to prepare for it?",
      afterAsking("how much does the AWS ML specialty cert cost?"),
    );
    expect(months).not.toMatch(/\bcost\b/);
    expect(months).toMatch(/AWS/);
  });

  it("keeps a demonstrative that names its noun ('those 6 months'), carrying the topic beside it", async () => {
    expect(
      await rewriter.rewrite(
        "ok what should i focus on in those 6 months",
        afterAsking("can i become an ML engineer in 6 months"),
      ),
    ).toMatch(/^ok what should i focus on in those 6 months \(.+\)$/);
    // The "it" of "does it take to build" points at what follows, not back.
    expect(
      await rewriter.rewrite(
        "how long does it take to build that project",
        afterAsking("which project should i build for sentiment analysis"),
      ),
    ).toMatch(/^how long does it take to build that project \(.+\)$/);
    expect(
      await rewriter.rewrite(
        "how many hrs per day for that tho",
        afterAsking("What is DVC used for?"),
      ),
    ).not.toMatch(/that tho \(/);
  });

  it("looks past an acknowledgement or a message without words to the question before it", async () => {
    const history: ChatTurn[] = [
      ...afterAsking("What is DVC used for?"),
      { role: "user", content: "ok cool" },
      { role: "assistant", content: "Glad to help." },
      { role: "user", content: "???" },
      { role: "assistant", content: "I couldn't find a question in that." },
    ];
    expect(await rewriter.rewrite("Is it free?", history)).toBe("Is DVC free?");
  });

  it("leaves a question that names its own step alone after one about a month", async () => {
    const question = "how long is step 4";
    expect(await rewriter.rewrite(question, afterAsking("what should i learn in month 10"))).toBe(
      question,
    );
  });

  it("reads the previous question as understood, abbreviations expanded", async () => {
    const history = afterAsking("diff between DS and MLE?");
    // Read as typed, the sides are the learner's abbreviations.
    expect(await rewriter.rewrite("which one pays more", history)).toBe(
      "which one pays more (DS or MLE)",
    );
    expect(await understandingRewriter.rewrite("which one pays more", history)).toMatch(
      /^which one pays more \(.*data scientist.*\)$/,
    );
  });

  it("asks 'which one pays more' of both sides the last question compared, as written", async () => {
    expect(
      await rewriter.rewrite(
        "which one pays more in india",
        afterAsking("diff between data scientist and ml engineer?"),
      ),
    ).toBe("which one pays more in india (data scientist or ml engineer)");
  });

  it("asks something 'of each' of both sides the last question compared", async () => {
    const history = afterAsking("diff between batch and online prediction?");
    expect(await rewriter.rewrite("wat are good use cases for each", history)).toBe(
      "wat are good use cases for each (batch vs online prediction)",
    );
    // "each day" is a time, not the things compared.
    expect(await rewriter.rewrite("how long should i study it each day", history)).not.toMatch(
      / vs /,
    );
  });

  it("puts the thing a learner meant in the previous question ('i meant mlflow')", async () => {
    expect(await rewriter.rewrite("i meant mlflow", afterAsking("is it free?"))).toBe(
      "is mlflow free?",
    );
  });

  it("carries both things a comparison named", async () => {
    expect(
      await rewriter.rewrite(
        "which is easier?",
        afterAsking("tensorflow vs pytorch which one first"),
      ),
    ).toBe("which is easier? (tensorflow and pytorch)");
  });

  it("asks the previous question about the next place in the plan for 'and after that?'", async () => {
    expect(
      await rewriter.rewrite("and after that?", afterAsking("what should i learn in month 9")),
    ).toBe("what should i learn in month 10");
    expect(await rewriter.rewrite("ok and after that?", afterAsking("what is step 5"))).toBe(
      "what is step 6",
    );
    // There is no step after the last one: the topic is carried as it is.
    expect(await rewriter.rewrite("whats next", afterAsking("what is step 7"))).not.toMatch(
      /step 8/,
    );
  });

  it("appends the previous topic to a very short message", async () => {
    const rewritten = await rewriter.rewrite(
      "and salaries?",
      afterAsking("What does an NLP engineer do day to day?"),
    );
    expect(rewritten).toMatch(/^and salaries\? \(.*NLP.*engineer.*\)$/);
  });

  it("asks the previous question about a sibling row named by its short form ('ml engineer')", async () => {
    const history = afterAsking("what is salary of ml engineer in india");
    expect(await rewriter.rewrite("and for data scientist?", history)).toBe(
      "what is salary of data scientist in india",
    );
    const both = [...history, ...afterAsking("what is salary of data scientist in india")];
    // Asked to choose, each side's row is quoted ("X or Y").
    expect(await rewriter.rewrite("which one pays more", both)).toMatch(
      /^which one pays more \(.*engineer.* or .*scientist.*\)$/,
    );
  });

  it("asks 'what about X?' of the one thing the previous question asked about", async () => {
    expect(
      await rewriter.rewrite("what about dropout?", afterAsking("what is early stopping")),
    ).toBe("what is dropout");
    // A setting is not a thing to swap in.
    expect(
      await rewriter.rewrite("what about at inference time", afterAsking("what is early stopping")),
    ).not.toBe("what is at inference time");
  });

  it("reads past a chat opener and past words asking for more of the same", async () => {
    expect(
      await rewriter.rewrite(
        "wait what about LightGBM?",
        afterAsking("Which hyperparameters matter for XGBoost?"),
      ),
    ).toBe("Which hyperparameters matter for LightGBM?");
    // "explain simpler" carried the tradeoff over; "simpler" is not what "it" means next.
    const conversation: ChatTurn[] = [
      ...afterAsking("what is bias variance tradeoff"),
      ...afterAsking("explain simpler"),
    ];
    expect(await rewriter.rewrite("how do i fix it", conversation)).toBe(
      "how do i fix bias variance tradeoff",
    );
  });

  it("asks the last question again for other learners ('and for beginners?')", async () => {
    const asked = "how long does it take to learn ml if i start from zero";
    expect(await rewriter.rewrite("and for beginners?", afterAsking(asked))).toBe(
      `and for beginners? (${asked})`,
    );
    // A carried question loses its own parentheses rather than nesting them.
    const conversation: ChatTurn[] = [...afterAsking(asked), ...afterAsking("and for beginners?")];
    expect(await rewriter.rewrite("why?", conversation)).toBe(`why? (and for beginners? ${asked})`);
  });

  it("reads 'and if already knows python' as the same question for other learners", async () => {
    // "someone" is filler for search: "and if someone already knows…" arrives without it.
    const asked = "how long to learn ml from zero";
    expect(await rewriter.rewrite("and if already knows python?", afterAsking(asked))).toBe(
      `and if already knows python? (${asked})`,
    );
  });

  it("takes 'the X one' in a correction for X, not for a phrase to paste in", async () => {
    const rewritten = await rewriter.rewrite(
      "no i meant the aws one",
      afterAsking("how much does the google cert cost"),
    );
    expect(rewritten).toMatch(/\baws\b/i);
    expect(rewritten).not.toMatch(/\bone\b|\bthe the\b/);
  });

  it("reads 'the last one', 'the second one' as that item of the list the reply gave", async () => {
    const types: ChatTurn[] = [
      { role: "user", content: "what are the main types of machine learning" },
      {
        role: "assistant",
        content:
          "The roadmap lists three: Supervised Learning (labelled data), Unsupervised Learning (patterns in unlabelled data) and Reinforcement Learning (actions and rewards).",
      },
    ];
    expect(await rewriter.rewrite("examples of the last one?", types)).toBe(
      "examples of Reinforcement Learning?",
    );
    // A reply that names rows of one table in clauses: the rows, in the order it names them.
    const projects: ChatTurn[] = [
      { role: "user", content: "which projects are for beginners" },
      {
        role: "assistant",
        content:
          "The House Price Predictor (1–2 weeks) is the beginner project, and the Customer Churn Classifier (2 weeks) is rated Beginner–Intermediate.",
      },
    ];
    expect(await rewriter.rewrite("stack for the second one?", projects)).toBe(
      "stack for customer churn classifier?",
    );
    // A list shorter than the place asked for says nothing about it.
    expect(await rewriter.rewrite("and the fifth one?", types)).not.toMatch(/reinforcement/i);
  });

  it("reads 'the 1st one', 'the latter' as that thing of the two the last question compared", async () => {
    const drifts: ChatTurn[] = [
      { role: "user", content: "what's the difference between data drift and model drift" },
      {
        role: "assistant",
        content:
          "Data drift means the distribution of the model's inputs has changed. Model drift means the model's predictive performance declines over time.",
      },
    ];
    // The rewriter reads the message as typed; the understanding spells it out before search.
    expect(await rewriter.rewrite("hw do i detect the 1st one", drifts)).toBe(
      "hw do i detect data drift",
    );
    // Its order, not the order of the rows the reply quoted.
    const boosters: ChatTurn[] = [
      { role: "user", content: "xgboost vs lightgbm, what's the diff" },
      {
        role: "assistant",
        content:
          "- LightGBM — best for: Large tabular datasets [1]\n- XGBoost — best for: Structured/tabular data [2]",
      },
    ];
    expect(await rewriter.rewrite("key hyperparams of the latter?", boosters)).toBe(
      "key hyperparams of lightgbm?",
    );
  });

  it("finds the list an ordinal points into behind a reply that quoted one row", async () => {
    const certificates: ChatTurn[] = [
      { role: "user", content: "which certifications does the roadmap list?" },
      {
        role: "assistant",
        content:
          "- TensorFlow Developer Certificate — provider: TensorFlow; level: Beginner–Intermediate [1]\n- Deep Learning Specialization — provider: DeepLearning.AI / Coursera; level: Beginner–Intermediate [2]",
      },
      { role: "user", content: "what about the second one" },
      {
        role: "assistant",
        content:
          "Deep Learning Specialization — provider: DeepLearning.AI / Coursera; level: Beginner–Intermediate; approx. cost: Varies [1]",
      },
    ];
    // The row's cells ("level: Beginner…", "approx. cost: Varies") are no list of things.
    expect(await rewriter.rewrite("how much does the first one cost", certificates)).toBe(
      "how much does TensorFlow Developer Certificate cost",
    );
  });

  it("reads 'that' after a prose reply picking one row as that row, not after a list", async () => {
    const picked: ChatTurn[] = [
      { role: "user", content: "which project from the roadmap is best for showing RAG skills" },
      {
        role: "assistant",
        content: "The RAG Question-Answering System, built with Python, LangChain and a vector DB.",
      },
    ];
    expect(await rewriter.rewrite("how long does that take", picked)).toContain(
      "RAG Question-Answering System",
    );
    const listed: ChatTurn[] = [
      { role: "user", content: "which projects should i build first" },
      {
        role: "assistant",
        content: "A House Price Predictor, a Customer Churn Classifier and an Image Classifier.",
      },
    ];
    expect(await rewriter.rewrite("how long does that take", listed)).not.toContain(
      "Customer Churn Classifier",
    );
  });

  it("names the row a learner means by 'the fraud one' in the table just talked about", async () => {
    const projects: ChatTurn[] = [
      { role: "user", content: "what projects should i build for ML interviews?" },
      {
        role: "assistant",
        content:
          "House price prediction, churn classification, fraud detection with MLflow, and RAG.",
      },
    ];
    const fraud = "how long does the fraud one take";
    expect(await rewriter.rewrite(fraud, projects)).toBe(
      "how long does the End-to-End Fraud Detection take",
    );
    // "and the rag one?" then asks the same of a sibling row.
    const next: ChatTurn[] = [
      ...projects,
      { role: "user", content: fraud },
      { role: "assistant", content: "3–4 weeks. [1]" },
    ];
    expect(await rewriter.rewrite("and the rag one?", next)).toBe(
      "how long does the RAG Question-Answering System take",
    );
    // After talk of projects and NLP, "the rag one" is the project whose name says RAG, not the
    // NLP row that lists RAG among its topics.
    expect(
      await rewriter.rewrite("how many weeks does the rag one take to build", [
        { role: "user", content: "what does step 6 of the roadmap ask for" },
        {
          role: "assistant",
          content: "Publish 3–4 complete ML projects, one of them deep learning or NLP. [1]",
        },
      ]),
    ).toContain("RAG Question-Answering System");
    // After certifications, "the aws one" is the AWS certification, not the AWS tools.
    expect(
      await rewriter.rewrite(
        "how much does the aws one cost",
        afterAsking("which cert is best for ML"),
      ),
    ).toBe("how much does the AWS Certified Machine Learning – Specialty cost");
    // A column head the learner's question said: "the deep learning one" is that engineer.
    expect(
      await rewriter.rewrite(
        "and what does the deep learning one earn in india?",
        afterAsking("what is the difference between an ML engineer and a deep learning engineer?"),
      ),
    ).toContain("Deep Learning Engineer");
    // Everyday words name a row when they are part of a head the last reply said.
    expect(
      await rewriter.rewrite("how long does the house price one take", [
        { role: "user", content: "what beginner ML projects should I build?" },
        {
          role: "assistant",
          content:
            "Good starters are a House Price Predictor (Pandas, Scikit-learn, Streamlit) and a Customer Churn Classifier (XGBoost, FastAPI, Docker).",
        },
      ]),
    ).toBe("how long does the House Price Predictor take");
    // "the other one" names nothing: the topic is carried as before.
    expect(
      await rewriter.rewrite("is the other one still used?", afterAsking("pytorch or tensorflow?")),
    ).toBe("is the other one still used? (tensorflow and pytorch)");
  });

  it("reads 'it' as the thing a question asked about, with the tool it named as its setting", async () => {
    expect(
      await rewriter.rewrite(
        "should i commit it to git?",
        afterAsking("What is a virtual environment in Python?"),
      ),
    ).toBe("should i commit virtual environment Python to git?");
    // A question that does not ask what something is keeps its tool as the topic.
    expect(
      await rewriter.rewrite("is it free?", afterAsking("is mlflow good for experiment tracking")),
    ).toBe("is mlflow free?");
  });

  it("asks the previous question of the row a learner's word stands for ('a fresher': 0–2 years)", async () => {
    // Read as understood, "3-5" is the table's "3–5".
    expect(
      await understandingRewriter.rewrite(
        "and for a fresher?",
        afterAsking("what's the salary for 3-5 years experience in india?"),
      ),
    ).toBe("what's the salary for 0–2 years experience in india?");
  });

  it("reads 'they' as the people the last question named by their job", async () => {
    expect(
      await rewriter.rewrite(
        "what do they make in the us",
        afterAsking("how much do data scientists earn in india"),
      ),
    ).toBe("what do data scientists make in the us");
    // "the project they suggest": the authors, not the people asked about.
    expect(
      await rewriter.rewrite(
        "and whats the first project they suggest",
        afterAsking("how much do data scientists earn in india"),
      ),
    ).not.toContain("data scientists suggest");
  });

  it("asks the whole last question again for a bare 'why?'", async () => {
    const asked = "tensorflow or pytorch which one first";
    expect(await rewriter.rewrite("but why?", afterAsking(asked))).toBe(`but why? (${asked})`);
    // "and y?" names a variable, not a reason.
    expect(await rewriter.rewrite("and y?", afterAsking("what shape should X have"))).not.toContain(
      "what shape should X have",
    );
  });

  it("carries the learner's whole situation for 'someone like me'", async () => {
    const situation = "im from mechanical background, no cs degree. can i still get into ml??";
    expect(
      await rewriter.rewrite("how long would it take for like me", afterAsking(situation)),
    ).toBe(`how long would it take for like me (${situation})`);
  });

  it("leaves a self-contained question unchanged", async () => {
    const question = "How long does a complete beginner need to become interview-ready?";
    expect(await rewriter.rewrite(question, afterAsking("What is DVC used for?"))).toBe(question);
  });

  it("leaves the message unchanged without a previous user turn", async () => {
    expect(await rewriter.rewrite("what about it?", [])).toBe("what about it?");
    expect(await rewriter.rewrite("what about it?", [{ role: "assistant", content: "Hi" }])).toBe(
      "what about it?",
    );
  });
});
