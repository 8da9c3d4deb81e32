import { describe, expect, it } from "vitest";
import { commonWordRank } from "../../src/text/common-words.ts";
import { countTokens, splitSentences } from "../../src/text/sentences.ts";
import {
  contentTerms,
  QUESTION_META_WORDS,
  questionText,
  STOPWORDS,
  stem,
  withoutAnswerStyle,
  withoutAskingFrame,
  words,
  wordsAsWritten,
  wordsUnhyphenated,
} from "../../src/text/terms.ts";

describe("wordsUnhyphenated", () => {
  it("reads hyphens as spaces, so a hyphenated name yields each of its words", () => {
    expect(wordsUnhyphenated("GPT-style models")).toEqual(["gpt", "style", "models"]);
    expect(wordsUnhyphenated("Blue-green deployment")).toEqual(words("blue green deployment"));
  });
});

describe("words", () => {
  it("keeps tool names with inner hyphens, dots and trailing plus signs whole", () => {
    expect(words("Scikit-learn, C++ and Node.js")).toEqual([
      "scikit-learn",
      "c++",
      "and",
      "node.js",
    ]);
  });

  it("lower-cases, while wordsAsWritten keeps the spelling", () => {
    expect(words("PyTorch TensorFlow")).toEqual(["pytorch", "tensorflow"]);
    expect(wordsAsWritten("PyTorch TensorFlow")).toEqual(["PyTorch", "TensorFlow"]);
  });

  it("treats a curly apostrophe like a straight one", () => {
    expect(words("Scaler’s model’s")).toEqual(["scaler's", "model's"]);
    expect(words("Scaler’s")).toEqual(words("Scaler's"));
  });

  it("drops punctuation that is not inside a word", () => {
    expect(words("(MLflow), DVC; GitHub Actions!")).toEqual(["mlflow", "dvc", "github", "actions"]);
    expect(words("— … |")).toEqual([]);
  });

  it("normalises compatibility characters such as superscripts (NFKC)", () => {
    expect(words("R²")).toEqual(["r2"]);
  });
});

describe("stem", () => {
  it("reduces inflections to one term", () => {
    expect(stem("models")).toBe(stem("model"));
    expect(stem("deploying")).toBe(stem("deployed"));
  });

  it("stems British and American spellings alike", () => {
    for (const [british, american] of [
      ["normalisation", "normalization"],
      ["optimiser", "optimizer"],
      ["regularising", "regularizing"],
      ["behaviour", "behavior"],
      ["analysed", "analyzed"],
      ["artefacts", "artifacts"],
    ]) {
      expect(stem(british as string)).toBe(stem(american as string));
    }
    // Words that only look British keep their own stems.
    expect(stem("hours")).toBe("hour");
    expect(stem("practise")).not.toBe(stem("practice"));
  });

  it("keeps short words and words with digits as they are", () => {
    expect(stem("gpu")).toBe("gpu");
    expect(stem("gpt4s")).toBe("gpt4s");
  });
});

describe("contentTerms", () => {
  it("drops stopwords and stems what is left", () => {
    expect(contentTerms("How do I deploy the models?")).toEqual([stem("deploy"), stem("models")]);
    for (const term of contentTerms("what is the best way to use it")) {
      expect(STOPWORDS.has(term)).toBe(false);
    }
  });

  it("drops contractions of question words and conjunctions ('how's', 'since') as stop words", () => {
    expect(contentTerms("how's dropout different since epoch 5")).toEqual([
      stem("dropout"),
      stem("different"),
      stem("epoch"),
      "5",
    ]);
  });

  it("indexes a hyphenated name whole and by its parts", () => {
    const terms = contentTerms("scikit-learn");
    expect(terms).toContain(stem("scikit-learn"));
    expect(terms).toContain("scikit");
    expect(terms).toContain(stem("learn"));
  });

  it("reads a version with a closing '+' as that version too ('3.11+' meets 'Python 3.11')", () => {
    const asked = contentTerms("do i need python 3.11+");
    for (const term of contentTerms("Python 3.11")) expect(asked).toContain(term);
    // "Month 12+" and "10+ years" stay as the material writes them.
    expect(contentTerms("10+ years")).toEqual(["10+", "year"]);
    // A name that ends in "+" is no number.
    expect(contentTerms("C++")).toEqual(["c++"]);
  });

  it("lets both spellings of a hyphenated word meet", () => {
    const hyphenated = new Set(contentTerms("the bias-variance tradeoff"));
    for (const term of contentTerms("bias and variance")) expect(hyphenated.has(term)).toBe(true);
  });
});

describe("questionText", () => {
  it("drops a 'name' that asks for a list, not the 'name' of a variable", () => {
    expect(questionText("name the types of machine learning").split(" ")).not.toContain("name");
    expect(questionText("pls name some drift monitoring tools").split(" ")).not.toContain("name");
    expect(questionText("can you name 3 mlops tools").split(" ")).not.toContain("name");
    expect(questionText("what is a good variable name").split(" ")).toContain("name");
    expect(questionText("name of the column with the labels").split(" ")).toContain("name");
  });

  it("removes words about the material, not about the topic", () => {
    const text = questionText("What does the roadmap say about Docker, according to the article?");
    expect(text.split(" ")).not.toContain("roadmap");
    expect(text.split(" ")).not.toContain("article");
    expect(text.split(" ")).not.toContain("according");
    expect(text).toContain("docker");
  });

  it("removes the words that ask for help with a topic: 'any tips to' deploy is about deploying", () => {
    expect(questionText("any tips to deploy a model")).toBe("any to deploy a model");
    expect(questionText("pointers on mlflow, suggestions welcome")).toBe("on mlflow welcome");
  });

  it("removes 'whole' and 'entire': the whole of step 6 is step 6", () => {
    expect(questionText("how long does the whole step 6 take")).toBe(
      "how long does the step 6 take",
    );
  });

  it("removes a trailing 'though' or 'anyway': how the learner asks, not what about", () => {
    expect(questionText("why python though?")).toBe("why python");
  });

  it("drops the verbs that ask two things apart: 'distinguish', 'differentiate'", () => {
    expect(questionText("how do you distinguish bias from variance")).toBe(
      "how do you bias from variance",
    );
    expect(questionText("differentiate bagging and boosting")).toBe("bagging and boosting");
  });

  it("keeps every word that is not a meta word", () => {
    expect(questionText("Which tools for MLOps?")).toBe("which tools for mlops");
    expect(QUESTION_META_WORDS.has("mlops")).toBe(false);
  });
});

describe("splitSentences", () => {
  it("splits at sentence ends and trims the pieces", () => {
    expect(splitSentences("A b. C d.")).toEqual(["A b.", "C d."]);
    expect(splitSentences("  Really? Yes!  Go. ")).toEqual(["Really?", "Yes!", "Go."]);
  });

  it("does not split inside decimals or module paths", () => {
    expect(splitSentences("It costs 3.5 dollars. Then stop.")).toEqual([
      "It costs 3.5 dollars.",
      "Then stop.",
    ]);
    expect(
      splitSentences("Use sklearn.tree.DecisionTreeClassifier or torch.optim.Adam here."),
    ).toHaveLength(1);
  });

  it("splits sentences the source glued together without a space", () => {
    // The roadmap has "model evaluation.This machine learning roadmap…": ICU sees one sentence.
    expect(splitSentences("Learn model evaluation.This roadmap gives you order.")).toEqual([
      "Learn model evaluation.",
      "This roadmap gives you order.",
    ]);
  });

  it("keeps an abbreviation followed by a lower-case word, but splits before a capital", () => {
    expect(splitSentences("Use a library, e.g. pandas or numpy.")).toHaveLength(1);
    // ICU without abbreviation suppressions: "vs." before a name ends a sentence.
    expect(splitSentences("Docker vs. Kubernetes is a choice.")).toEqual([
      "Docker vs.",
      "Kubernetes is a choice.",
    ]);
  });

  it("treats a line break as a sentence boundary", () => {
    expect(
      splitSentences("Recommended internal resource: MLOps roadmap\nMilestone: deploy it."),
    ).toEqual(["Recommended internal resource: MLOps roadmap", "Milestone: deploy it."]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("   \n ")).toEqual([]);
  });
});

describe("countTokens", () => {
  it("counts words and punctuation marks", () => {
    expect(countTokens("Hello, world!")).toBe(4);
    expect(countTokens("scikit-learn")).toBe(3);
    expect(countTokens("")).toBe(0);
    expect(countTokens("Tool: DVC; Purpose: Data")).toBe(7);
  });
});

describe("commonWordRank", () => {
  it("ranks everyday function words near the top", () => {
    const rank = commonWordRank("the");
    expect(rank).toBeDefined();
    expect(rank).toBeLessThan(10);
  });

  it("knows no rank for product names", () => {
    expect(commonWordRank("kubernetes")).toBeUndefined();
    expect(commonWordRank("Kubernetes")).toBeUndefined();
  });

  it("counts a capitalised name as everyday only when written in lower case", () => {
    expect(commonWordRank("Germany")).toBeUndefined();
    expect(commonWordRank("germany")).toBeDefined();
  });

  it("ranks a lower-case everyday word written in lower case", () => {
    expect(commonWordRank("rusty")).toBeDefined();
    expect(commonWordRank("rusty")).toBeGreaterThan(commonWordRank("the") ?? 0);
  });
});

describe("withoutAskingFrame", () => {
  it.each([
    ["how long is step 4", "how is step 4"],
    ["how long does step 3 take", "how does step 3 "],
    ["how many models should i train", "how models should i train"],
    ["how does backpropagation work?", "how does backpropagation?"],
    ["how do transformers work", "how do transformers"],
    // Without its auxiliary too.
    ["how dropout works.", "how dropout."],
    ["how long to finish step 5", "how to  step 5"],
    ["how long will it take to complete the roadmap", "how will it  to  the roadmap"],
    // Hinglish word order: the verb comes before the asking words.
    ["step 5 finish do in how long take?", "step 5  do in how ?"],
    // "the point of X", "the purpose of X" ask what X is for.
    ["whats the point of dropout", "whats  dropout"],
    ["what is the purpose of RAG?", "what is  RAG?"],
    // "takes how long": the verb before the asking words.
    ["step 4 takes how long", "step 4  how"],
  ])("reads %j as %j", (question, topic) => {
    expect(withoutAskingFrame(question)).toBe(topic);
  });

  it("keeps the words where they name the topic", () => {
    expect(withoutAskingFrame("does work experience count")).toBe("does work experience count");
    expect(withoutAskingFrame("long short-term memory")).toBe("long short-term memory");
    expect(withoutAskingFrame("when is the project complete")).toBe("when is the project complete");
    expect(withoutAskingFrame("what point should i stop training")).toBe(
      "what point should i stop training",
    );
    // A complete beginner is who asks, not what they do.
    expect(withoutAskingFrame("for a complete beginner? (how long will it take)")).toBe(
      "for a complete beginner? (how will it )",
    );
    expect(withoutAskingFrame("how long for a complete beginner")).toBe(
      "how for a complete beginner",
    );
  });
});

describe("withoutAnswerStyle", () => {
  it("drops the words that ask for a style or length of answer", () => {
    expect(withoutAnswerStyle("explain cnn in 2 lines").trim()).toBe("cnn");
    expect(withoutAnswerStyle("what is rag in simple words, briefly").replace(/\s+/g, " ")).toBe(
      "what is rag , ",
    );
    // A number of lines that is the topic stays.
    expect(withoutAnswerStyle("why does my csv have 2 lines of headers")).toBe(
      "why does my csv have 2 lines of headers",
    );
    // "quick" asks for a short answer when it closes the message or asks for a quick one.
    expect(withoutAnswerStyle("bert vs gpt diff quick").trim()).toBe("bert vs gpt diff");
    expect(withoutAnswerStyle("diff between AI and ML? quick one pls").replace(/\s+/g, " ")).toBe(
      "diff between AI and ML? pls",
    );
    expect(withoutAnswerStyle("is lightgbm quick to train")).toBe("is lightgbm quick to train");
    // A closing "explain" asks for an explanation of what comes before it.
    expect(withoutAnswerStyle("what is RAG exactly, pls explain").trim()).toBe(
      "what is RAG exactly",
    );
    expect(withoutAnswerStyle("bias variance tradeoff explain").trim()).toBe(
      "bias variance tradeoff",
    );
    expect(withoutAnswerStyle("how do i explain my model to my manager")).toBe(
      "how do i explain my model to my manager",
    );
    // An opening "explain" before what it asks ("explain how dropout works") frames the question.
    expect(withoutAnswerStyle("Explain how dropout works.").trim()).toBe("how dropout works.");
    expect(
      withoutAnswerStyle("pls explain the difference between bagging and boosting").trim(),
    ).toBe("the difference between bagging and boosting");
    // So does one before the thing itself: "explain dropout" asks about dropout.
    expect(withoutAnswerStyle("explain dropout").trim()).toBe("dropout");
    expect(withoutAnswerStyle("can someone explain mlflow").trim()).toBe("mlflow");
    expect(withoutAnswerStyle("help me understand overfitting").trim()).toBe("overfitting");
    expect(withoutAnswerStyle("transfer learning in a nutshell").trim()).toBe("transfer learning");
    expect(withoutAnswerStyle("can you explain data drift to me").trim()).toBe("data drift to me");
  });
});
