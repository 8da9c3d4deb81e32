/**
 * The study tools' shared shapes: what the steps extractor, the guide, the cards, the plan, the
 * progress store, the HTTP routes, the CLI and the page agree on. Every generated item names the
 * passage it came from, so the page and the CLI can show it as they show an answer's citations.
 */

/** A passage a study item came from (a chunk of the index). */
export type StudySource = {
  chunkId: string;
  /** Corpus path, e.g. `corpus/roadmap.md`. */
  source: string;
  section: string;
};

/** One field of a step and the passage that states it. */
export type Sourced<T> = { value: T; from: StudySource };

/** A project the roadmap lists for a step, with its table row. */
export type StepProject = {
  name: string;
  stack?: string;
  difficulty?: string;
  buildTime?: string;
  from: StudySource;
};

/** One step of the roadmap, derived from the indexed chunks (never typed by hand). */
export type Step = {
  /** 1-based step number as the roadmap writes it. */
  n: number;
  title: string;
  /** The chunk under the step's heading that the title was read from. */
  titleFrom?: StudySource;
  /** As written, e.g. "Month 6–8" or "Month 12+". */
  months: Sourced<string>;
  /** First and last month, e.g. 6 and 8; `last` equals `first` for one month, and for "12+". */
  monthRange: { first: number; last: number };
  focus?: Sourced<string>;
  /** Section headings under the step, e.g. "Deep Learning Foundations". */
  sections: Array<Sourced<string>>;
  /** `main`: the overview table lists it among the step's main tools. */
  tools: Array<{ name: string; purpose?: string; main?: boolean; from: StudySource }>;
  milestone?: Sourced<string>;
  /** The overview table's short milestone, when `milestone` is the step's longer sentence. */
  milestoneSummary?: Sourced<string>;
  projects: StepProject[];
};

/** A flashcard or quiz item; `answer` appears word for word in the cited passage. */
export type Card = {
  /** Stable across runs for the same passage and card kind (a content hash). */
  id: string;
  step: number;
  kind: "table" | "cloze" | "choice";
  prompt: string;
  answer: string;
  /** For `choice` cards: the options, the answer among them. */
  choices?: string[];
  /**
   * Other values of the same table column (a near miss that names one of them is wrong, however
   * close it is to the answer); absent for cloze cards.
   */
  others?: string[];
  from: StudySource & { text: string };
};

/** How an answer to a card was graded. */
export type Grade = {
  correct: boolean;
  /** What the grader saw, e.g. "matches after correcting one letter". */
  reason: string;
  expected: string;
  /** The passage the card came from, as the explanation. */
  explanation: string;
};
