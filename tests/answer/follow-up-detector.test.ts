import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { FollowUpDetector } from "../../src/answer/follow-up-detector.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { EntityLexicon } from "../../src/retrieval/entity-lexicon.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const chunks = [
  makeChunk(
    "dropout",
    "Deep Learning",
    "Dropout switches off random neurons to reduce overfitting, for example in a CNN.",
  ),
  makeChunk("gpu", "Hardware", "You do not need a GPU to start; Google Colab and Kaggle are free."),
  makeChunk("salary", "Salary", "An NLP engineer earns a salary of ₹6L–12L PA in India."),
  makeChunk("row", "Tools", "Tool: XGBoost; Purpose: Gradient boosting", "table-row"),
];
chunks[3] = {
  ...(chunks[3] as (typeof chunks)[number]),
  cells: [
    { header: "Tool", value: "XGBoost" },
    { header: "Purpose", value: "Gradient boosting" },
  ],
};
/** A detector over `material` alone. */
function detectorOver(material: Chunk[]): FollowUpDetector {
  return new FollowUpDetector(new EntityLexicon(material), new CorpusStatistics(material));
}

const detector = detectorOver(chunks);

describe("FollowUpDetector.dependsOnHistory", () => {
  it("reads 'evaluate one' and a first sentence pointing back, before the learner's aside, as follow-ups", () => {
    const rag = detectorOver([
      ...chunks,
      makeChunk(
        "rag",
        "RAG",
        "Evaluate a RAG system for hallucination; learners who rush tend to skip the milestone.",
      ),
    ]);
    const previous = "what is RAG?\nRetrieval-augmented generation connects an LLM to documents.";
    for (const message of [
      "how do i evaluate one",
      "how do i know im ready to move on from it? i tend to rush things and skip every milestone",
    ]) {
      expect(rag.dependsOnHistory(message, message, previous), message).toBe(true);
    }
    // Named before the pointer, the topic carries the message.
    const named = "i tend to rush every RAG milestone. how do i know im ready to move on from it?";
    expect(rag.dependsOnHistory(named, named, previous)).toBe(false);
  });

  it("reads 'the' before a thing the last exchange named as pointing back at it", () => {
    const previous = "what does dropout do?\nDropout switches off random neurons in a CNN.";
    expect(detector.dependsOnHistory("since when is the CNN deprecated", undefined, previous)).toBe(
      true,
    );
    // Without "the", or naming more things of its own, it asks its own question.
    expect(detector.dependsOnHistory("since when is CNN deprecated", undefined, previous)).toBe(
      false,
    );
    expect(
      detector.dependsOnHistory(
        "is the CNN deprecated on kubernetes clusters",
        undefined,
        previous,
      ),
    ).toBe(false);
  });

  it("reads 'the X part' of the last exchange, 'instead' and 'why X and not Y' as follow-ups", () => {
    const previous = "what does dropout do?\nDropout switches off random neurons in a CNN.";
    const part = "ok so for the dropout part why does it switch neurons off at random";
    expect(detector.dependsOnHistory(part, part, previous)).toBe(true);
    // A part the last exchange never named is the message's own.
    const ownPart = "for the salary part what does an NLP engineer earn in India";
    expect(detector.dependsOnHistory(ownPart, ownPart, previous)).toBe(false);
    const instead = "and the GPU, when is that useful instead?";
    expect(detector.dependsOnHistory(instead, instead, previous)).toBe(true);
    expect(detector.dependsOnHistory("why percentiles and not just the avg")).toBe(true);
  });

  it("reads a long message whose pointer comes before any topic word as a follow-up", () => {
    const previous = "what is dropout?\nDropout switches off random neurons.";
    const long =
      "ok so how many of those would you switch off in a CNN if i have 10k samples and a small laptop";
    expect(detector.dependsOnHistory(long, long, previous)).toBe(true);
    // "this" opens the learner's own story, not a pointer back.
    const story =
      "i have this CNN with dropout on a small laptop and 10k samples, how many neurons should i switch off";
    expect(detector.dependsOnHistory(story, story, previous)).toBe(false);
  });

  it("reads a trailing 'then' followed by a tag question as carrying the conversation on", () => {
    const laptops = detectorOver([
      ...chunks,
      makeChunk("laptop", "Hardware", "A laptop CPU is enough; install Python 3.11 or newer."),
    ]);
    for (const message of [
      "my laptop has 3.9, thats fine then right?",
      "laptop is fine then na?",
      // A "then" closing the first clause, too.
      "which python should i install then, 3.11 or 3.12??",
    ]) {
      expect(laptops.dependsOnHistory(message)).toBe(true);
    }
    expect(laptops.dependsOnHistory("is a laptop cpu enough for python")).toBe(false);
  });

  it("reads 'then for my …' and a closing 'too' as carrying the conversation on", () => {
    const batches = detectorOver([
      ...chunks,
      makeChunk("batch", "Training", "A batch size of 32 is a common start; reduce it on a GPU."),
      makeChunk(
        "pandas",
        "Pandas",
        "Use df.loc with a mask; older pandas versions behave differently.",
      ),
    ]);
    for (const message of [
      "got it. whats the ideal batch size then for my 8gb gpu",
      "does the loc version work on older pandas too",
    ]) {
      expect(batches.dependsOnHistory(message), message).toBe(true);
    }
    // Each without its pointer back stands alone.
    for (const message of [
      "whats the ideal batch size for my 8gb gpu",
      "does the loc version work on older pandas",
    ]) {
      expect(batches.dependsOnHistory(message), message).toBe(false);
    }
  });

  it("reads a closing 'instead' as setting the message against the last turn", () => {
    const tuning = detectorOver([
      ...chunks,
      makeChunk("ft", "LLMs", "Fine-tuning changes model weights using task-specific data."),
    ]);
    for (const message of ["when would i fine tune instead", "what should i use instead?"]) {
      expect(tuning.dependsOnHistory(message), message).toBe(true);
    }
    expect(tuning.dependsOnHistory("when would i fine tune a model")).toBe(false);
  });

  it.each([
    "what about LightGBM?",
    "and salary?",
    "is it free?",
    // Nothing after "true": the claim is the last answer's.
    "is it true?",
    "which one pays more",
    // "what about X" that asks of X against what was just talked about.
    "ok what about gpus then, which one first",
    "what about django, when would i use that",
    // "which" compares, its choices said before.
    "which pays more in india",
    "how much does the aws one cost",
    "how much does the google cloud one cost",
    // The article dropped: "aws one" is "the aws one".
    "aws one costs how much?",
    // "ones" points back at the things just talked about.
    "and which pretrained ones should i practise dropout on in a cnn",
    // "one" as the object of a verb in -ing stands for a thing, too.
    "which tools should i use for building one",
    // A closing "tho" answers back to the last turn.
    "whats a good rmse value to aim for tho",
    // A thing asked with no verb: of what was just talked about.
    "what stack",
    "which dataset?",
    "what should my first project be then",
    "how long?",
    "vs shadow deployment?",
    "how is GPT different",
    "how do i create one",
    // The pronoun sits in the clause that names the topic: it may mean the earlier one.
    "which architectures should i practise it with",
    // "which one" names its choices, but "that" still points back.
    "which one pays more, that or ML engineer?",
    // A whole question after "and", but with one topic only: the previous one may be meant.
    "and how do i save the installed packages",
    "y not colab?",
    "any alternatives?",
    "which is cheaper, that one or kaggle?",
    "can you show an example",
    "i meant mlflow",
    // Two topics, but no choices named: "which one" means one of the things said before.
    "which one needs dropout to reduce overfitting",
    // A bare "so" draws a consequence of the last answer.
    "so where do i get free gpu for dl, cant afford one rn",
    "so with 10k examples n batch size 32 how many steps is one epoch",
    // "there": a place said before.
    "why does xgboost do better there?",
    // "and" joins two names, not two clauses: "it" still points back.
    "do people still use the dropout and xgboost settings in it?",
    // A chat opener ("wait", "hmm", "acha") changes nothing.
    "wait what about LightGBM?",
    "hmm and salary?",
    // Asks the last answer again, in simpler words.
    "explain simpler",
    // "the salary" is the salary of the thing asked about before.
    "and what is the salary?",
    // A short why asks the reason for the last answer, even when it names its pick.
    "why xgboost tho?",
    // A pronoun that opens a long message, before any topic, is what it is about.
    "can it log stuff automatically for xgboost or do i have to write every log call myself",
    // The learner's situation, told before.
    "which gpu would suit someone like me",
    // "that" after a verb is its object, not a relative clause about a topic.
    "and how much would boosting that cost on a kaggle gpu",
    // "how's" is a question word, not a topic that "that" could be a relative clause about.
    "how's that different from dropout",
    // "each one": each of the things just compared.
    "which gpu does each one need",
    // A closing "for each" or "for both": the things just compared.
    "wat is the salary for each",
    "does dropout help for both?",
    // An opening "why though" asks the reason for the last answer, however long the message.
    "y tho?? isnt tf what everyone uses in production",
    "y the python -m pip thing tho, plain pip works fine for me lol",
    // "n" is typed for "and".
    "n salary?",
    // Only a staged plan of some tutorial has weeks: the one talked about.
    "what do i do in week 2",
    // "another question", but about what was just said.
    "another question: how long does it take",
    // "what about" a setting: what is asked of it was said before, whatever the message asks.
    "what about for deep learning then, is colab enough?",
    "what about for someone from a mechanical background, how long would it take",
    // Back to the topic before an aside.
    "ok back to ml, whats the milestone for that step",
    "ok np, back to it - whats the milestone for that step",
    // The last answer named as what the message builds on.
    "ok makes sense, if i fill gaps with the median like u said do i take the median of the whole dataset",
    "you mentioned dropout, does the GPU matter for it",
    // A possessive whose clause names no subject of its own: the last topic's.
    "what are its hyperparameters",
    "do i need a gpu for its training",
  ])("treats %j as a follow-up", (message) => {
    expect(detector.dependsOnHistory(message)).toBe(true);
  });

  it.each([
    "what does dropout do",
    "is it worth learning ML in 2026",
    // "it" anticipates the claim after "is it true".
    "ok also is it true dropout switches off random neurons",
    // "also," before a whole question of its own.
    "ok also, what is the use of dropout in a CNN?",
    "how long does it take to learn XGBoost",
    "do I need a GPU for this roadmap",
    // A reply to the last answer does not ask its question again.
    "ok",
    "thanks!",
    "lol ok that's easy enough",
    // A pronoun after a clause that names its own topic points inside the message.
    "what is dropout and why does it help",
    // It names its own step: "how long" is about step 4, whatever was asked before.
    "how long is step 4",
    // No word to carry a topic over to.
    "???",
    "🤔🤔🤔",
    "what about the XGBoost tool, what is it?",
    "what about xgboost, can u explain it simply",
    // "ok so" acknowledges the answer and moves on.
    "ok so what salary can a fresher ml engineer get in india",
    // The learner says the topic changes.
    "ok new q: what does it mean when dropout is high",
    "btw whats that gpu salary thing in india",
    "separately, what does it mean when dropout is high",
    "ok moving on: what does it mean when dropout is high",
    "ok forget that, whats the diff between loc and iloc",
    "never mind that, what does it mean when dropout is high",
    // "and one more doubt, is …" with its filler dropped: "and" before a whole question.
    "and, what is the difference between AI, ML and deep learning?",
    // "this full roadmap", like "this roadmap", names the roadmap.
    "is there any job guarantee if I complete this full roadmap?",
    "which one is better for free GPU time, colab or kaggle?",
    "and what is the difference between AI, ML and deep learning?",
    // Back from an aside with a question of its own.
    "ok back to ml. what tools do ppl use to build rag stuff",
    // A correction that asks its whole question again.
    "no wait i meant what tools does the mlops tutorial cover",
    // A thing defined with "a": named for itself, not an attribute of the last topic.
    "and what is a CNN",
    "ok and what's dropout for?",
    // "worth it" is the thing named just before it.
    "is kaggle actually worth it or is it just leaderboard chasing",
    // A thing named, then a question whose subject points at it.
    "ok and xgboost, what's that used for?",
    "dropout - how does it work",
    "xgboost gpu salary in india how much it is?",
    // A possessive later in the clause is its subject's.
    "can xgboost use a gpu for its training",
    "which activation does dropout use in their layers",
    // About the material itself.
    "roadmap overview",
    "how many gpus are there?",
    // "that" opening a relative clause about the thing just named.
    "why does a cnn that overfits need more dropout",
    // A long message whose pronoun comes after its topic carries its own context.
    "my xgboost model does great on training data but badly on new data, is it overfitting or not",
    // "these days" is now, not something said before; "this weekend" is a time of its own.
    "is dropout still used anywhere these days",
    "whats the weather like in pune this weekend",
    // "one" after a word that counts, or an everyday word, is not "the X one".
    "no one uses tensorflow anymore?",
    "ok last one, what does dropout do",
    // "also" adds a question of its own.
    "also do i need a gpu for dropout",
    // The "it" of "got it" points at nothing asked.
    "got it. what does the roadmap mean by edge ML?",
    "ok got it, thanks! what is a CNN",
    // The learner says the topic changes, before code that holds no topic word.
    'different question - what does if __name__ == "__main__": actually do',
  ])("treats %j as standing alone", (message) => {
    expect(detector.dependsOnHistory(message)).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, given the last exchange", () => {
  const previous = "how do i reduce overfitting in a CNN\nDropout switches off random neurons.";

  it("reads 'that' before a thing's noun as pointing at it, after a verb too", () => {
    const builds =
      "my docker builds are super slow\nCopying requirements.txt before the code lets Docker reuse the cached layer.";
    const deploying = detectorOver([
      ...chunks,
      makeChunk("deploy", "Deployment", "Deploy the model as an API in a Docker container."),
    ]);
    expect(
      deploying.dependsOnHistory("how do i deploy that container on kubernetes", undefined, builds),
    ).toBe(true);
  });

  it("carries on a short message whose topic words were all just said", () => {
    expect(
      detector.dependsOnHistory("how many neurons get switched off", undefined, previous),
    ).toBe(true);
    expect(detector.dependsOnHistory("how many neurons get switched off")).toBe(false);
  });

  it("lets a message with a word not said, or a tool of its own, stand alone", () => {
    expect(detector.dependsOnHistory("do i need a gpu for neurons", undefined, previous)).toBe(
      false,
    );
    expect(detector.dependsOnHistory("what is xgboost for overfitting", undefined, previous)).toBe(
      false,
    );
  });
});

describe("FollowUpDetector.dependsOnHistory, 'that' before a thing's noun", () => {
  const gitChunks = [
    makeChunk("git", "Git", "Commit the requirements file to Git, never the environment itself."),
    makeChunk("merge", "Merging", "A merge that suddenly has more rows has duplicate keys."),
  ];
  const gitDetector = detectorOver(gitChunks);

  it("reads 'commit that venv folder' as pointing back, not as a relative clause", () => {
    expect(gitDetector.dependsOnHistory("do i commit that venv folder to git?")).toBe(true);
    // "that" opening a relative clause after a topic word still points inside the message.
    expect(
      gitDetector.dependsOnHistory("why does a merge that suddenly has more rows happen"),
    ).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, asking which topics of what was just said", () => {
  const mathChunks = [
    makeChunk("math", "Math", "Learn linear algebra, probability and statistics."),
    makeChunk("topics", "Statistics", "Statistics topics: mean, variance and hypothesis testing."),
  ];
  const mathDetector = detectorOver(mathChunks);
  const previous = "how much math do i need\nLinear algebra, probability and statistics.";

  it("reads 'topics' as asking for more of the last answer, not as a topic of its own", () => {
    expect(
      mathDetector.dependsOnHistory("what topics in statistics specifically", undefined, previous),
    ).toBe(true);
    expect(mathDetector.dependsOnHistory("what topics in statistics specifically")).toBe(false);
  });

  it("reads a place or part narrowed down ('… specifically') as of what was just asked", () => {
    for (const message of [
      "any numbers for dubai specifically?",
      "ok so like for the calculus part specifically, what topics?? i was bad at it in school",
    ]) {
      expect(mathDetector.dependsOnHistory(message, undefined, previous), message).toBe(true);
    }
    // Asked first, it narrows nothing.
    expect(mathDetector.dependsOnHistory("any numbers for dubai specifically?")).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, for a detail of the last topic", () => {
  // Enough chunks for a word in one section to be distinctive of it.
  const material = [
    makeChunk(
      "broadcast",
      "NumPy > Broadcasting",
      "Two shapes are compatible when their dimensions are equal or one of them is 1.",
    ),
    makeChunk(
      "merge",
      "Pandas > Merge",
      "pd.merge joins two tables; the default join type is inner.",
    ),
    makeChunk("trends", "Future Trends", "Federated learning trains models where the data lives."),
    ...[
      "Deep Learning",
      "Hardware",
      "Salary",
      "Projects",
      "Deployment",
      "Monitoring",
      "Careers",
    ].map((section, index) =>
      makeChunk(`filler-${index}`, section, `${section} notes for learners.`),
    ),
    makeChunk("images", "Images", "Resize every image to the same shape before training."),
  ];
  const topical = detectorOver(material);

  it("carries on a message whose words are found together best under the last topic", () => {
    const previous = "explain broadcasting in numpy\nNumPy stretches arrays to a common shape.";
    expect(topical.dependsOnHistory("when r 2 shapes compatible", undefined, previous)).toBe(true);
    expect(topical.dependsOnHistory("when r 2 shapes compatible")).toBe(false);
  });

  it("lets it stand alone when its words are found elsewhere, or it asks what a thing is", () => {
    const merge = "what does pd.merge do\nIt joins two tables.";
    expect(topical.dependsOnHistory("when r 2 shapes compatible", undefined, merge)).toBe(false);
    const trends = "what are the future trends\nSeveral trends matter.";
    expect(topical.dependsOnHistory("whats federated learning", undefined, trends)).toBe(false);
  });

  it("lets a thing named and then asked 'what is it' stand alone", () => {
    const worth = "is ml worth learning in 2026\nYes, companies keep adopting it.";
    expect(detector.dependsOnHistory("dropout overfitting what is it", undefined, worth)).toBe(
      false,
    );
    expect(detector.dependsOnHistory("dropout, explain it", undefined, worth)).toBe(false);
    // Without a thing of its own, "what is it" asks about the last one.
    expect(detector.dependsOnHistory("ok so what is it", undefined, worth)).toBe(true);
  });
});

describe("FollowUpDetector.dependsOnHistory, for a setting or count asked", () => {
  const training = [
    makeChunk(
      "stop",
      "Training",
      "Early stopping halts training when the validation loss stalls; patience sets how many epochs to wait, and a canary gets a small percentage of traffic.",
    ),
    makeChunk("resnet", "Vision", "ResNet and MobileNet are pretrained image models."),
  ];
  const trainingDetector = detectorOver(training);
  const previous = "what is early stopping?\nIt stops training when the validation loss stalls.";

  it("asks it of the last topic when the message names nothing new", () => {
    expect(
      trainingDetector.dependsOnHistory(
        "what patience value should i set, 5? 10?",
        undefined,
        previous,
      ),
    ).toBe(true);
    // Without a conversation the same words stand alone.
    expect(trainingDetector.dependsOnHistory("what patience value should i set, 5? 10?")).toBe(
      false,
    );
  });

  it("lets it stand alone when it names a name the exchange did not say", () => {
    expect(
      trainingDetector.dependsOnHistory(
        "how many parameters does resnet have",
        undefined,
        previous,
      ),
    ).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, for the learner told before", () => {
  const projects = [
    makeChunk("p", "Projects", "A software engineer's best first portfolio project is an ML API."),
  ];
  const projectDetector = detectorOver(projects);

  it("reads 'for me?' as the situation the last question told", () => {
    const told = "I'm a software engineer, how long would it take me?\nAbout 6–9 months.";
    expect(
      projectDetector.dependsOnHistory("best portfolio project for me?", undefined, told),
    ).toBe(true);
    // After a question that told nothing about the learner, it asks on its own.
    const untold = "what is xgboost?\nA gradient boosting library.";
    expect(
      projectDetector.dependsOnHistory("best portfolio project for me?", undefined, untold),
    ).toBe(false);
  });
});

describe("FollowUpDetector.pointsNowhere", () => {
  it.each(["is it free?", "which one pays more", "how long?"])(
    "finds nothing %j could be about when asked first",
    (message) => {
      expect(detector.pointsNowhere(message)).toBe(true);
    },
  );

  it.each([
    "is xgboost free?",
    "month 5??",
    "what is dropout and why does it help",
    // Common words only, but no pointer back: a title, not a reference.
    "which year did the attention is all you need paper come out",
    "roadmap overview",
    // Long enough for "it" to point inside the message, though every word is common.
    "How does a program sort shoppers into similar bunches when nobody tells it what the bunches should be?",
  ])("finds %j about something", (message) => {
    expect(detector.pointsNowhere(message)).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, with the message as typed", () => {
  it("reads a topic change the understood message dropped as filler", () => {
    // "unrelated but" is filler for search, but it still says the topic changes.
    const understood = "is that why dropout helps";
    expect(detector.dependsOnHistory(understood)).toBe(true);
    expect(detector.dependsOnHistory(understood, `unrelated but ${understood}`)).toBe(false);
  });

  it("reads a thank-you whose filler the understood message dropped as a reply", () => {
    // "thanks" and "yaar" are filler for search, leaving "that helps a lot", which points back.
    expect(detector.dependsOnHistory("that helps a lot", "thanks yaar that helps a lot")).toBe(
      false,
    );
  });
});

describe("FollowUpDetector.dependsOnHistory, a row named loosely in common words", () => {
  const releases = [
    makeRow("shadow", "Releases", [
      ["Pattern", "Shadow deployment"],
      ["What", "Copies traffic"],
    ]),
    makeRow("bg", "Releases", [
      ["Pattern", "Blue-green deployment"],
      ["What", "Two envs"],
    ]),
  ];
  const releaseDetector = detectorOver(releases);
  const previous = "shadow vs canary\nShadow deployment — what happens: copies traffic";

  it("reads 'what is blue green' as a question of its own, not about the last topic", () => {
    expect(releaseDetector.dependsOnHistory("what is blue green", undefined, previous)).toBe(false);
    expect(releaseDetector.dependsOnHistory("what is blue-green?", undefined, previous)).toBe(
      false,
    );
    // Words that name no row still ask about what was just talked about.
    expect(releaseDetector.dependsOnHistory("what is green", undefined, previous)).toBe(true);
  });
});

describe("FollowUpDetector.dependsOnHistory, 'there' as a place said before", () => {
  const material = detectorOver([
    makeChunk("kaggle", "Kaggle", "Kaggle competitions help before applying for jobs."),
    makeChunk(
      "numpy",
      "NumPy",
      "Use the @ operator for matrix multiplication, * for element-wise.",
    ),
    makeChunk(
      "courses",
      "Courses",
      "Free courses on deep learning with PyTorch; certification on AWS.",
    ),
  ]);

  it.each([
    "how many competitions should I finish there before I start applying for jobs?",
    "ok and what operator do i use there for matrix multiplication vs element-wise",
  ])("treats %j as a follow-up", (message) => {
    expect(material.dependsOnHistory(message)).toBe(true);
  });

  it.each([
    "are there any free courses on deep learning with pytorch",
    "is there a certification on aws for deep learning courses",
  ])("treats %j, where something exists, as standing alone", (message) => {
    expect(material.dependsOnHistory(message)).toBe(false);
  });
});

describe("FollowUpDetector.dependsOnHistory, a step of its own", () => {
  const plan = detectorOver([
    makeChunk(
      "plan",
      "Roadmap",
      "Step 4 covers deep learning in Months 6–8; its milestone is training a CNN. Step 6 covers portfolio projects.",
    ),
  ]);
  const previous =
    "which months are deep learning in the 12 month roadmap\nStep 4, Months 6–8: deep learning; the milestone is training a CNN.";

  it("reads a question naming a step the last exchange did not as standing alone", () => {
    const message = "what's the milestone for step 6 of the roadmap";
    expect(plan.dependsOnHistory(message, message, previous)).toBe(false);
    // Without a step of its own, the milestone is the one just talked about.
    const pointing = "what's the milestone of the roadmap";
    expect(plan.dependsOnHistory(pointing, pointing, previous)).toBe(true);
  });
});
