import type { AnswerCache } from "../cache/answer-cache.ts";
import { replayedEvents, replaysAs, understoodAnswerKey } from "../cache/answer-replay.ts";
import type { Chunk } from "../chunking/chunk.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { AppError } from "../errors/app-error.ts";
import type { LoadedIndex } from "../index/index-store.ts";
import { CoordinatedWords } from "../retrieval/coordinated-words.ts";
import { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { HybridRetriever, type HybridSettings } from "../retrieval/hybrid-retriever.ts";
import type { Retrieval } from "../retrieval/retriever.ts";
import { RowHeads } from "../retrieval/row-heads.ts";
import { hasWord, wordsAsWritten } from "../text/terms.ts";
import { ACKNOWLEDGEMENT_REASON, isAcknowledgement } from "../understanding/acknowledgement.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import { rememberedLearnerType } from "../understanding/learner-profile.ts";
import { questionFocus } from "../understanding/question-focus.ts";
import { questionParts } from "../understanding/question-parts.ts";
import {
  describedSituations,
  expansionWords,
  QuestionUnderstanding,
  type UnderstoodQuestion,
} from "../understanding/question-understanding.ts";
import type { AnswerResult, Citation } from "./answer.ts";
import { capAnswerText, capText } from "./answer-size.ts";
import type { AssistantEvent } from "./assistant-event.ts";
import { CitationNumbering } from "./citation-numbering.ts";
import { resolveCitations, toCitation } from "./citations.ts";
import { comparedRowPassages } from "./compared-rows.ts";
import { CorpusStatistics } from "./corpus-statistics.ts";
import { EvidenceGate, type GateDecision, type GateSettings } from "./evidence-gate.ts";
import { ExtractiveGenerator } from "./extractive-generator.ts";
import { FollowUpDetector, UNANCHORED_REASON } from "./follow-up-detector.ts";
import type { GenerationInput, Generator, Passage } from "./generator.ts";
import {
  asksWhatPlaceHolds,
  lastHeading,
  materialAspect,
  materialPassages,
} from "./material-question.ts";
import { OfflineQuestionRewriter } from "./offline-question-rewriter.ts";
import { latinShare, normaliseQuestion } from "./question.ts";
import {
  type ChatTurn,
  carriedTopic,
  lastExchange,
  lastUserTurn,
  type QuestionRewriter,
} from "./question-rewriter.ts";
import { REFUSAL_OPENING } from "./refusal-text.ts";
import { asksForSecrets, SECRETS_REFUSAL_REASON } from "./secrets-request.ts";
import { READINESS_QUESTION, stepMilestonePassages } from "./step-milestone.ts";
import { nextQuestions, questionFor, suggestedQuestions } from "./suggested-questions.ts";
import { TableColumns } from "./table-columns.ts";
import { withPassagesOf, writerPassages } from "./writer-passages.ts";
import { documentAskedFor, isWritingRefusal, writingRefusalReason } from "./writing-request.ts";

/** Passages of a story's asking clause, searched on its own, added to those the writer is shown. */
const STORY_FOCUS_PASSAGES = 2;
/** Passages of each part of a message that asks several things, searched on its own. */
const PART_PASSAGES = 1;
/**
 * A message this long is a story around its question; in a shorter one the clause that asks
 * leans on the rest ("For the phase where I study neural nets…, how much time does the plan set
 * aside?") and, searched alone, finds another plan's figure.
 */
const STORY_WORDS = 25;

export type AssistantOptions = {
  index: LoadedIndex;
  embedder: Embedder;
  /** The answer writer; the extractive one when not given. */
  generator?: Generator | ((defaults: { extractive: Generator }) => Generator);
  /** Follow-up rewriting; the offline one when not given. */
  rewriter?: QuestionRewriter | ((defaults: { offline: QuestionRewriter }) => QuestionRewriter);
  retrieval?: Partial<HybridSettings>;
  gate?: Partial<GateSettings>;
  /** Longest question accepted, in characters. @default 2000 */
  maxQuestionCharacters?: number;
  /** How many top passages the writer sees. @default 5 */
  passagesShown?: number;
  /**
   * Longest answer text returned, in characters, and longest text of each passage quoted with
   * it (citations, retrieved list); longer ones are cut with "…". @default 4000
   */
  maxAnswerCharacters?: number;
  /**
   * Whole answers of a deterministic writer (the extractive one), kept for repeated questions;
   * none when not given. LLM answers are never cached.
   */
  answerCache?: AnswerCache;
};

export type AskOptions = { id?: string; history?: ChatTurn[]; signal?: AbortSignal };

/** The refusal reason for a message without a word ("???", "🤔🤔"). */
const NO_WORDS_REASON = "the message has no words to look up";
/**
 * Messages answered with a short reply rather than refused as a topic (`reply: true`): a
 * thank-you, a message without words, a first message that points back at nothing.
 */
const REPLY_REASONS: ReadonlySet<string> = new Set([
  ACKNOWLEDGEMENT_REASON,
  NO_WORDS_REASON,
  UNANCHORED_REASON,
]);

/** How many retrieved chunks an answer lists. */
const RETRIEVED_LISTED = 10;

/**
 * The question-answering use case: rewrite a follow-up into a standalone question, retrieve, let
 * the evidence gate decide, then have the generator write an answer citing the passages it was
 * shown. `stream` reports each step as it happens; `ask` returns the final answer.
 */
export class Assistant {
  readonly index: LoadedIndex;
  readonly generator: Generator;
  readonly rewriter: QuestionRewriter;
  readonly statistics: CorpusStatistics;
  readonly understanding: QuestionUnderstanding;
  private readonly followUps: FollowUpDetector;
  private readonly retriever: HybridRetriever;
  private readonly embedder: Embedder;
  private readonly gate: EvidenceGate;
  private readonly maxQuestionCharacters: number;
  private readonly passagesShown: number;
  private readonly maxAnswerCharacters: number;
  private readonly answerCache: AnswerCache | undefined;

  constructor(options: AssistantOptions) {
    this.index = options.index;
    this.embedder = options.embedder;
    this.statistics = new CorpusStatistics(options.index.chunks);
    this.understanding = new QuestionUnderstanding(options.index.chunks);
    const lexicon = new EntityLexicon(options.index.chunks);
    this.retriever = new HybridRetriever(
      options.index,
      options.embedder,
      options.retrieval,
      lexicon,
    );
    this.gate = new EvidenceGate(this.statistics, {
      ...(options.gate === undefined ? {} : { settings: options.gate }),
      units: options.index.units,
      lexicon,
      columns: new TableColumns(options.index.chunks, this.statistics, lexicon),
    });
    const extractive = new ExtractiveGenerator(
      this.statistics,
      options.index.units,
      {},
      roadmapTitles(options.index),
      lexicon,
    );
    this.generator =
      typeof options.generator === "function"
        ? options.generator({ extractive })
        : (options.generator ?? extractive);
    this.followUps = new FollowUpDetector(lexicon, this.statistics);
    const offline = new OfflineQuestionRewriter(
      lexicon,
      this.statistics,
      this.followUps,
      new RowHeads(options.index.chunks),
      new CoordinatedWords(options.index.chunks),
      (text) => this.understanding.understand(text).understoodAs,
    );
    this.rewriter =
      typeof options.rewriter === "function"
        ? options.rewriter({ offline })
        : (options.rewriter ?? offline);
    this.maxQuestionCharacters = options.maxQuestionCharacters ?? 2000;
    this.passagesShown = options.passagesShown ?? 5;
    this.maxAnswerCharacters = options.maxAnswerCharacters ?? 4000;
    this.answerCache = this.generator.deterministic === true ? options.answerCache : undefined;
  }

  /** The longest question accepted, in characters (MAX_QUESTION_CHARS). */
  get maxQuestionLength(): number {
    return this.maxQuestionCharacters;
  }

  /** Cleans and checks a question; throws InvalidQuestionError. Cheap: call it before streaming. */
  normalise(rawQuestion: string): string {
    return normaliseQuestion(rawQuestion, this.maxQuestionCharacters);
  }

  /**
   * Retrieval and the gate's verdict for a standalone question, without writing an answer. A
   * string is understood first (normalised, expanded, corrected).
   */
  async prepare(
    question: string | UnderstoodQuestion,
    context: { hasHistory?: boolean } = {},
  ): Promise<{
    understood: UnderstoodQuestion;
    retrieval: Retrieval;
    decision: GateDecision;
    passages: Passage[];
    retrieveMs: number;
    /** What the writer is given: the question as understood (or in the material's words). */
    writerInput: GenerationInput;
  }> {
    const started = performance.now();
    const understood =
      typeof question === "string" ? this.understanding.understand(question) : question;
    const expansions = expansionWords(understood);
    // "I'm 34, in HR for 10 years… how long would someone like me take?": the clause that asks,
    // searched on its own (alongside the whole message), may find what the story buries. Its
    // passages may supply the figure asked for, and join those the writer is shown.
    const focus = questionFocus(understood.understoodAs);
    // "salary for 3-5 yrs in india? and whats the global range once ur 10+ yrs": each part
    // searched on its own finds the passage the whole message may rank below others.
    const parts = questionParts(focus);
    // The writer scores each part of the question as understood by that part's meaning too. The
    // parts are embedded in one batch: half the time of one call each.
    const writerParts =
      focus === understood.understoodAs ? parts : questionParts(understood.understoodAs);
    const partVectorsMade =
      writerParts.length > 1
        ? this.embedder.embedDocuments(writerParts)
        : Promise.resolve<number[][]>([]);
    // Handled at the await below; this only keeps a failure seen before then from going unhandled.
    partVectorsMade.catch(() => {});
    const [retrieval, focused, ...partResults] = await Promise.all([
      this.retriever.retrieve(understood.understoodAs, { k: RETRIEVED_LISTED, expansions }),
      focus === understood.understoodAs ||
      wordsAsWritten(understood.understoodAs).length < STORY_WORDS
        ? undefined
        : this.retriever.retrieve(focus, {
            k: STORY_FOCUS_PASSAGES,
            expansions,
            lexicalOnly: true,
          }),
      ...(parts.length > 1 ? parts : []).map((part) =>
        this.retriever.retrieve(part, { k: PART_PASSAGES, expansions, lexicalOnly: true }),
      ),
    ]);
    const partVectors = await partVectorsMade;
    const retrieveMs = performance.now() - started;
    // "how long is the whole roadmap", "who's this for": the material's own passage answers.
    const aspect = materialAspect(understood.understoodAs);
    const anchors = aspect === undefined ? [] : materialPassages(this.index, aspect);
    const anchor = anchors[0];
    const searched = anchors.length === 0 ? retrieval : anchoredOn(retrieval, anchors);
    const assessed = this.gate.assess(searched, understood, focused?.results);
    const ruled = this.ruledOut(understood, context.hasHistory === true);
    // "what does step 4 cover": the place is the topic; the passage naming it answers. So does
    // the step's milestone for "step 2 exit criteria?", asked in the learner's own words (not in
    // a topic carried over) and of nothing the material never names ("… cover kubernetes too?").
    const milestones = stepMilestonePassages(this.index, understood.understoodAs);
    const milestoneAsked =
      milestones.length > 0 &&
      READINESS_QUESTION.test(carriedTopic(understood.understoodAs).own) &&
      understood.unknownTopics.length === 0;
    const placeHeld =
      anchor === undefined &&
      (asksWhatPlaceHolds(understood.understoodAs, searched.results) || milestoneAsked);
    const decision =
      (anchor !== undefined && (ruled === undefined || ruled === UNANCHORED_REASON)) ||
      (placeHeld && ruled === undefined)
        ? { ...assessed, answerable: true, reason: "" }
        : ruled === undefined
          ? assessed
          : { ...assessed, answerable: false, reason: ruled };
    // The material's own passage alone: other passages only share the question's everyday words.
    const passages =
      anchor !== undefined
        ? writerPassages(searched.results, anchors.length, understood.understoodAs)
        : withPassagesOf(
            writerPassages(searched.results, this.passagesShown, understood.understoodAs),
            [
              ...(focused?.results ?? []),
              ...partResults.flatMap((part) => part?.results ?? []),
              // "milestone for step 5?": the step's own milestone, which the search may miss;
              // "nlp engineer or computer vision engineer, which pays more": each side's row.
              ...[
                ...milestones,
                ...comparedRowPassages(
                  this.index.chunks,
                  understood.understoodAs,
                  searched.results.map((result) => result.chunk),
                ),
              ].map((chunk) => ({
                chunk,
                score: 0,
                dense: 0,
                lexical: 0,
              })),
            ],
          );
    // "who's this for tho": the material's heading asks it in the material's words, and the
    // question's own embedding, of no topic, ranks nothing.
    const heading = aspect === "audience" && anchor !== undefined ? lastHeading(anchor) : undefined;
    const writerInput: GenerationInput = {
      question: heading ?? understood.understoodAs,
      passages,
      ...(heading === undefined ? { queryVector: retrieval.queryVector } : {}),
      ...(partVectors.length > 0
        ? { partVectors: new Map(writerParts.map((part, at) => [part, partVectors[at] ?? []])) }
        : {}),
      expansions,
      described: describedSituations(understood),
    };
    return { understood, retrieval: searched, decision, passages, retrieveMs, writerInput };
  }

  /**
   * Why a message is not looked up whatever the passages say, if it is not: it asks for secrets
   * or for a document to be written ("write me a cover letter"), only acknowledges, points back
   * at nothing when asked first, has no word, or is not in English.
   */
  private ruledOut(understood: UnderstoodQuestion, hasHistory: boolean): string | undefined {
    if (asksForSecrets(understood.asked)) return SECRETS_REFUSAL_REASON;
    const document = documentAskedFor(understood.asked);
    if (document !== undefined) return writingRefusalReason(document);
    if (isAcknowledgement(understood.asked)) return ACKNOWLEDGEMENT_REASON;
    // "what's SMOTE exactly" names its topic, one the material lacks: the gate says so.
    if (
      !hasHistory &&
      understood.unknownTopics.length === 0 &&
      this.followUps.pointsNowhere(understood.understoodAs)
    ) {
      return UNANCHORED_REASON;
    }
    if (!hasWord(understood.asked)) return NO_WORDS_REASON;
    // The material is English; say so rather than listing foreign words as unknown topics.
    if (latinShare(understood.asked) < 0.5) {
      return "the question is not in English, the language of the material";
    }
    return undefined;
  }

  /**
   * Understands a message in its conversation: normalised first, then rewritten into a standalone
   * question only when it depends on the history, then understood again if it was rewritten.
   */
  async understandInContext(
    asked: string,
    history: ChatTurn[],
    signal: AbortSignal | undefined,
  ): Promise<{ understood: UnderstoodQuestion; standalone?: string }> {
    const first = withRememberedLearnerType(this.understanding.understand(asked), history);
    // Only a message that leans on the conversation is rewritten (by any rewriter, LLM included).
    if (!this.leansOn(first, history)) return { understood: first };
    const rewritten = await this.rewriter.rewrite(
      first.understoodAs,
      history,
      signal === undefined ? {} : { signal },
    );
    if (rewritten.trim() === "" || rewritten === first.understoodAs) return { understood: first };
    const standalone = this.normalise(rewritten);
    const second = withRememberedLearnerType(this.understanding.understand(standalone), history);
    return {
      understood: { ...second, asked, changes: [...first.changes, ...second.changes] },
      standalone,
    };
  }

  /** Whether a message is taken as depending on the conversation before it (and rewritten). */
  isFollowUp(rawMessage: string, history: ChatTurn[]): boolean {
    return this.leansOn(this.understanding.understand(this.normalise(rawMessage)), history);
  }

  private leansOn(understood: UnderstoodQuestion, history: ChatTurn[]): boolean {
    return (
      history.length > 0 &&
      this.followUps.dependsOnHistory(
        understood.understoodAs,
        understood.asked,
        lastExchange(history),
      )
    );
  }

  /** Answers one question; `id` is echoed back. */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<AnswerResult> {
    for await (const event of this.stream(rawQuestion, options)) {
      if (event.type === "answer-end") return event.answer;
      if (event.type === "error") throw new AppError(event.message, { code: event.code });
    }
    throw new AppError("the answer stream ended without an answer", { code: "no_answer" });
  }

  /** Answers one question as a stream of events (see AssistantEvent). */
  async *stream(rawQuestion: string, options: AskOptions = {}): AsyncGenerator<AssistantEvent> {
    const asked = this.normalise(rawQuestion);
    const signal = options.signal;
    const { understood, standalone } = await this.understandInContext(
      asked,
      options.history ?? [],
      signal,
    );
    const question = understood.understoodAs;
    const hasHistory = (options.history ?? []).length > 0;
    const head = {
      ...(options.id === undefined ? {} : { id: options.id }),
      question: asked,
      understoodAs: question,
      ...(standalone === undefined ? {} : { standaloneQuestion: standalone }),
      understanding: {
        changes: understood.changes,
        expansions: understood.expansions,
        unknownTopics: understood.unknownTopics,
      },
    };
    // "thanks!" or "???" after an answer: what to ask next depends on the last question, so the
    // reply is neither taken from nor stored in the answer cache.
    const repliedTo =
      isAcknowledgement(asked) || !hasWord(asked)
        ? lastUserTurn(options.history ?? [])?.content
        : undefined;
    const cacheKey =
      this.answerCache === undefined || repliedTo !== undefined
        ? undefined
        : understoodAnswerKey(understood, {
            indexVersion: this.index.manifest.version,
            generator: this.generator.id,
            typedChecks: [
              asksForSecrets(understood.asked),
              documentAskedFor(understood.asked) !== undefined,
              latinShare(understood.asked) < 0.5,
              !hasHistory && this.followUps.pointsNowhere(question),
            ],
          });
    if (cacheKey !== undefined) {
      const lookedUp = performance.now();
      const replay = await this.cachedEvents(cacheKey, head, lookedUp);
      if (replay !== undefined) {
        yield* replay;
        return;
      }
    }
    // What was streamed before the answer, to check that a cached answer replays the same.
    const streamedEvents: AssistantEvent[] = [];
    const store = (answer: AnswerResult) => {
      if (cacheKey === undefined || this.answerCache === undefined) return answer;
      const shown = this.shownPassages(answer);
      if (answer.notices === undefined && shown && replaysAs(answer, shown, streamedEvents)) {
        // Not awaited: a slow or failing shared cache never delays or fails the answer.
        this.answerCache.set(cacheKey, answer).catch(() => {});
      }
      return answer;
    };
    const { retrieval, decision, passages, retrieveMs, writerInput } = await this.prepare(
      understood,
      {
        hasHistory,
      },
    );
    const started = performance.now();
    const retrieved = retrieval.results.map((result) => ({
      chunkId: result.chunk.id,
      score: Number(result.score.toFixed(4)),
      text: capText(result.chunk.text, this.maxAnswerCharacters),
    }));
    const capped = (citations: Citation[]) =>
      citations.map((citation) => ({
        ...citation,
        text: capText(citation.text, this.maxAnswerCharacters),
      }));
    const timings = () => ({
      retrieveMs: Math.round(retrieveMs * 10) / 10,
      generateMs: Math.round((performance.now() - started) * 10) / 10,
    });

    if (!decision.answerable) {
      const text = this.refusalText(decision, retrieval);
      streamedEvents.push(
        { type: "retrieval", question, citations: [] },
        { type: "text-delta", text },
      );
      yield* streamedEvents;
      yield {
        type: "answer-end",
        answer: store({
          ...head,
          answer: text,
          refused: true,
          citations: [],
          retrieved,
          timings: timings(),
          refusalReason: decision.reason || "no passage answers it",
          ...(REPLY_REASONS.has(decision.reason) ? { reply: true as const } : {}),
          suggestions: !REPLY_REASONS.has(decision.reason)
            ? suggestedQuestions(retrieval)
            : repliedTo !== undefined
              ? await this.questionsAfter(repliedTo)
              : this.starterQuestions(),
          generator: "evidence-gate",
          droppedCitations: 0,
        }),
      };
      return;
    }

    const retrievalEvent: AssistantEvent = {
      type: "retrieval",
      question,
      citations: capped(passages.map(toCitation)),
    };
    streamedEvents.push(retrievalEvent);
    yield retrievalEvent;
    const notices: string[] = [];
    let finalText: string | undefined;
    let streamed = "";
    // Characters of answer text sent as deltas; past the cap the rest is not streamed.
    let sent = 0;
    const within = (text: string) => {
      const room = Math.max(0, this.maxAnswerCharacters - sent);
      if (room === 0) return "";
      const piece = text.length <= room ? text : capText(text, room);
      sent += piece.length;
      return piece;
    };
    let generatorId = this.generator.id;
    const numbering = new CitationNumbering(passages);
    for await (const event of this.generator.generate(
      writerInput,
      signal === undefined ? {} : { signal },
    )) {
      switch (event.type) {
        case "text-delta": {
          streamed += event.text;
          const text = within(numbering.push(event.text));
          if (text !== "") {
            streamedEvents.push({ type: "text-delta", text });
            yield { type: "text-delta", text };
          }
          break;
        }
        case "notice":
          notices.push(event.message);
          yield event;
          break;
        case "answer-end":
          finalText = event.text;
          generatorId = event.generator;
          break;
        case "error":
          // The caller went away: nobody is listening for an error.
          if (signal?.aborted) return;
          yield {
            type: "error",
            message: `the answer could not be written: ${event.error.message}`,
            code: "generation_failed",
          };
          return;
        default: {
          const unknown: never = event;
          throw new Error(`unknown generator event ${JSON.stringify(unknown)}`);
        }
      }
    }
    if (signal?.aborted) return;
    const rest = within(numbering.flush());
    if (rest !== "") {
      streamedEvents.push({ type: "text-delta", text: rest });
      yield { type: "text-delta", text: rest };
    }
    // The final text is authoritative; when it is not what streamed (a fallback), number it afresh.
    const final = finalText ?? "";
    const finalNumbering = final === streamed ? numbering : new CitationNumbering(passages);
    const renumbered = finalNumbering.renumber(final);
    const resolved = resolveCitations(renumbered, finalNumbering.cited());
    const refused = resolved.text === "" || resolved.citations.length === 0;
    yield {
      type: "answer-end",
      answer: store({
        ...head,
        answer: refused
          ? this.refusalText(decision, retrieval)
          : capAnswerText(resolved.text, this.maxAnswerCharacters),
        refused,
        citations: refused ? [] : capped(resolved.citations),
        retrieved,
        timings: timings(),
        ...(refused
          ? {
              refusalReason: "the answer writer found no supported answer",
              suggestions: suggestedQuestions(retrieval),
            }
          : {
              suggestions: this.nextQuestionsAfter(
                question,
                resolved.citations,
                passages,
                retrieval,
              ),
            }),
        generator: generatorId,
        droppedCitations: resolved.dropped,
        ...(notices.length > 0 ? { notices } : {}),
      }),
    };
  }

  /**
   * The events of a cached answer, with this request's own fields (id, question as typed, what
   * understanding changed) and timings; undefined on a miss, or when the cache fails.
   */
  private async cachedEvents(
    key: string,
    head: Pick<
      AnswerResult,
      "id" | "question" | "understoodAs" | "standaloneQuestion" | "understanding"
    >,
    started: number,
  ): Promise<AssistantEvent[] | undefined> {
    const cached = await this.answerCache?.get(key).catch(() => undefined);
    const passages = cached === undefined ? undefined : this.shownPassages(cached);
    if (cached === undefined || passages === undefined) return undefined;
    const {
      id: _id,
      question: _question,
      understoodAs: _understoodAs,
      standaloneQuestion: _standalone,
      understanding: _understanding,
      ...answer
    } = cached;
    return replayedEvents(
      {
        ...head,
        // Overwriting keeps the key's place, so the JSON reads as a fresh answer's.
        ...answer,
        timings: { retrieveMs: Math.round((performance.now() - started) * 10) / 10, generateMs: 0 },
      },
      passages,
    );
  }

  /** The passages the writer was shown for an answer: the first of its retrieved list. */
  private shownPassages(answer: AnswerResult): Citation[] | undefined {
    const passages: Citation[] = [];
    for (const [position, listed] of answer.retrieved.slice(0, this.passagesShown).entries()) {
      const chunk = this.index.chunkById.get(listed.chunkId);
      if (chunk === undefined) return undefined;
      const citation = toCitation({ n: position + 1, chunk, score: listed.score });
      passages.push({ ...citation, text: capText(citation.text, this.maxAnswerCharacters) });
    }
    return passages;
  }

  /** Questions to start with when nothing was asked yet: the roadmap's first FAQ questions. */
  private starterQuestions(): string[] {
    return this.index.chunks
      .filter((chunk) => chunk.kind === "faq")
      .slice(0, 3)
      .map((chunk) => questionFor(chunk));
  }

  /**
   * What to ask next after the conversation's last question, when the learner only replies
   * ("thanks!", "???"): the sections and FAQ questions around the passage that question finds first.
   */
  private async questionsAfter(previous: string): Promise<string[]> {
    const understood = this.understanding.understand(this.normalise(previous));
    const retrieval = await this.retriever.retrieve(understood.understoodAs, {
      k: RETRIEVED_LISTED,
      expansions: expansionWords(understood),
    });
    const first = retrieval.results[0]?.chunk;
    return first === undefined
      ? []
      : nextQuestions(previous, [first], retrieval, this.index.chunks);
  }

  /** What to ask after an answer: the sections and FAQ questions around its cited passages. */
  private nextQuestionsAfter(
    question: string,
    citations: Citation[],
    passages: Passage[],
    retrieval: Retrieval,
  ): string[] {
    const citedIds = new Set(citations.map((citation) => citation.chunkId));
    const cited = passages.filter((passage) => citedIds.has(passage.chunk.id));
    return nextQuestions(
      question,
      cited.map((passage) => passage.chunk),
      retrieval,
      this.index.chunks,
    );
  }

  /** A helpful refusal: what is missing and the closest sections the material does cover. */
  refusalText(decision: GateDecision, retrieval: Retrieval): string {
    // "thanks!", "ok got it": a reply, so the answer replies too; the suggestions say what next.
    if (decision.reason === ACKNOWLEDGEMENT_REASON) {
      return "Glad to help. Ask me about any topic of the roadmap or its tutorials whenever you're ready.";
    }
    // "???", "🤔": nothing was asked; say how to ask rather than that the material lacks it.
    if (decision.reason === NO_WORDS_REASON) {
      return 'I couldn\'t find a question in that. Ask about a topic of the roadmap or its tutorials, for example "What is MLflow used for?"';
    }
    // "is it free?" as a first message: ask what "it" is rather than say the material lacks it.
    if (decision.reason === UNANCHORED_REASON) {
      return 'I\'m not sure what that refers to. Ask again with the tool or topic named, for example "Is MLflow free?", or ask it right after a question about that topic.';
    }
    // "write me a cover letter": say what the assistant does instead of what the material lacks.
    if (isWritingRefusal(decision.reason)) {
      return `I can't help with that: ${decision.reason}. Ask me about a topic of the roadmap or its tutorials instead, for example "How do I build a strong ML portfolio?"`;
    }
    if (decision.reason === SECRETS_REFUSAL_REASON) {
      return `I can't help with that: ${SECRETS_REFUSAL_REASON}. Ask me about the roadmap and its tutorials instead.`;
    }
    const sections: string[] = [];
    for (const result of retrieval.results) {
      // FAQ headings carry their number ("3. How much math…"); the topic reads better without.
      const section = (result.chunk.section.split(" > ").at(-1) ?? result.chunk.section).replace(
        /^\d+\.\s+/,
        "",
      );
      if (!sections.includes(section)) sections.push(section);
      if (sections.length === 3) break;
    }
    const reason = decision.reason || "no passage answers it";
    const closest =
      sections.length > 0 ? ` Closest topics it does cover: ${sections.join("; ")}.` : "";
    return `${REFUSAL_OPENING} (${reason}), so I won't guess.${closest}`;
  }
}

/**
 * "what shud be my first project then" after "im a data analyst rn…": the learner type the
 * learner described earlier in the conversation joins the search words.
 */
function withRememberedLearnerType(
  understood: UnderstoodQuestion,
  history: ChatTurn[],
): UnderstoodQuestion {
  if (history.length === 0) return understood;
  const remembered = rememberedLearnerType(
    understood.understoodAs,
    history.filter((turn) => turn.role === "user").map((turn) => turn.content),
    learnerLexicon(),
  );
  return remembered.length === 0
    ? understood
    : { ...understood, expansions: [...understood.expansions, ...remembered] };
}

/** The retrieval with `anchors` first, in their order, scored just above the best passage. */
function anchoredOn(retrieval: Retrieval, anchors: Chunk[]): Retrieval {
  const top = retrieval.results[0];
  const first = anchors.map((chunk, index) => ({
    chunk,
    score: (top?.score ?? 0) + 0.01 * (anchors.length - index),
    dense: top?.dense ?? 0,
    lexical: top?.lexical ?? 0,
  }));
  const rest = retrieval.results.filter(
    (result) => !anchors.some((anchor) => anchor.id === result.chunk.id),
  );
  return {
    ...retrieval,
    results: [...first, ...rest].slice(0, Math.max(retrieval.results.length, anchors.length)),
  };
}

/** Titles of the indexed documents of kind `roadmap` (from their front matter). */
export function roadmapTitles(index: Pick<LoadedIndex, "manifest">): string[] {
  return index.manifest.sources
    .filter((source) => source.kind === "roadmap")
    .map((source) => source.title);
}
