/** A passage a claim may be checked against: the text shown to the answer writer. */
export type JudgePassage = {
  text: string;
  /** Heading path of the passage, when known; gives context words such as a tool's name. */
  section?: string;
};

/**
 * What to judge. With `claims`, each claim is verified as given (calibration pairs, citation
 * checks); otherwise the judge splits `answer` into claims itself.
 */
export type JudgeRequest = {
  passages: JudgePassage[];
  question?: string;
  answer?: string;
  claims?: string[];
};

/** One claim and whether the passages support it. */
export type JudgedClaim = {
  claim: string;
  supported: boolean;
  /** Why, in a few words: "quoted from passage 2", "number 9 months not in the passage". */
  reason: string;
  /** Index in `passages` of the passage that supports the claim (or came closest). */
  passageIndex?: number;
};

/**
 * Decides which claims of an answer the passages support. Implementations: `local` (offline,
 * deterministic: coverage, exact figures and names, negation, embedding tie-breaker) and `llm`
 * (RAGAS-style claim extraction and verification through ChatOpenAI).
 */
export type Judge = {
  /** `local` or `llm:<model>`; shown in reports. */
  readonly id: string;
  /**
   * True when the judge splits answers into claims itself (the LLM judge, as RAGAS does); false
   * when callers pass the claims of `splitClaims`, which keep their citation markers.
   */
  readonly extractsClaims: boolean;
  judge(request: JudgeRequest, options?: { signal?: AbortSignal }): Promise<JudgedClaim[]>;
};
