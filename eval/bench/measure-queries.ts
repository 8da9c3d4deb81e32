import type { Assistant } from "../../src/answer/assistant.ts";
import type { Config } from "../../src/config.ts";
import { assistantFactory } from "../../src/create-services.ts";
import type { Embedder } from "../../src/embedders/embedder.ts";
import { NaivePipeline } from "../../src/eval/naive/naive-pipeline.ts";
import type { LoadedIndex } from "../../src/index/index-store.ts";
import type { QueryFigures } from "./bench-report.ts";
import { CachingEmbedder } from "./caching-embedder.ts";
import { ReplayEmbedder } from "./instrumented-embedder.ts";
import { round, summarise } from "./statistics.ts";

type Timed = { retrievalMs: number; answerMs: number; refused: boolean };
type Runner = (question: string) => Promise<Timed>;

/**
 * Runs every question once through each runner, rotating which goes first, and returns the
 * timings per runner. Rotating spreads any drift in machine load evenly over the runners.
 */
async function pass<Name extends string>(
  questions: string[],
  runners: Record<Name, Runner>,
): Promise<Record<Name, Timed[]>> {
  const names = Object.keys(runners) as Name[];
  const timings = Object.fromEntries(names.map((name) => [name, [] as Timed[]])) as Record<
    Name,
    Timed[]
  >;
  for (const [position, question] of questions.entries()) {
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(position + offset) % names.length] as Name;
      timings[name].push(await runners[name](question));
    }
  }
  return timings;
}

function assistantRunner(assistant: Assistant): Runner {
  return async (question) => {
    const started = performance.now();
    const answer = await assistant.ask(question);
    return {
      answerMs: performance.now() - started,
      retrievalMs: answer.timings.retrieveMs,
      refused: answer.refused,
    };
  };
}

function naiveRunner(naive: NaivePipeline): Runner {
  return async (question) => {
    const started = performance.now();
    const { result } = await naive.ask(question);
    return {
      answerMs: performance.now() - started,
      retrievalMs: result.timings.retrieveMs,
      refused: result.refused,
    };
  };
}

/**
 * Warm query latency of both pipelines over `questions`, in one process. Each pipeline is wired
 * twice: with the plain embedder and with the query-embedding LRU (CachingEmbedder). After an
 * untimed warm-up, pass 1 runs every question through all four, interleaved (the cached ones
 * miss every time: their cost is the cache's overhead); pass 2 runs the list again through the
 * cached ones only, which now hit. Retrieval time is each pipeline's own `retrieveMs` (query
 * embedding and search; ours adds BM25, boosts and fusion).
 */
export async function measureQueries(options: {
  config: Config;
  embedder: Embedder;
  index: LoadedIndex;
  /** Naive document vectors from its ingest worker; re-embedded when empty. */
  naiveVectors: ReadonlyMap<string, number[]>;
  questions: string[];
  cacheSize: number;
}): Promise<{ ours: QueryFigures; naive: QueryFigures; naiveReembedded: number }> {
  const { config, embedder, index, questions } = options;
  const oursCache = new CachingEmbedder(embedder, { capacity: options.cacheSize });
  const create = async (wrapped: Embedder) => (await assistantFactory(config, wrapped))(index);
  const ours = await create(embedder);
  const oursCached = await create(oursCache);
  const replay = new ReplayEmbedder(embedder, options.naiveVectors);
  const naiveCache = new CachingEmbedder(replay, { capacity: options.cacheSize });
  const buildNaive = (embeddings: Embedder) =>
    NaivePipeline.build({
      corpusDir: config.CORPUS_DIR,
      embeddings,
      // As in `npm run eval`: the same answer writer, so only retrieval and refusal differ.
      generator: ours.generator,
    });
  const naive = await buildNaive(replay);
  const naiveCached = await buildNaive(naiveCache);

  await pass(questions, { ours: assistantRunner(ours), naive: naiveRunner(naive) });
  oursCache.clear();
  naiveCache.clear();
  const first = await pass(questions, {
    ours: assistantRunner(ours),
    naive: naiveRunner(naive),
    oursCached: assistantRunner(oursCached),
    naiveCached: naiveRunner(naiveCached),
  });
  const missHits = { ours: oursCache.hits, naive: naiveCache.hits };
  const second = await pass(questions, {
    oursCached: assistantRunner(oursCached),
    naiveCached: naiveRunner(naiveCached),
  });

  const figures = (
    plain: Timed[],
    cachedFirst: Timed[],
    cachedSecond: Timed[],
    hitsInSecondPass: number,
  ): QueryFigures => ({
    questions: questions.length,
    retrieval: summarise(plain.map((timed) => timed.retrievalMs)),
    answer: summarise(plain.map((timed) => timed.answerMs)),
    answerCachedFirstPass: summarise(cachedFirst.map((timed) => timed.answerMs)),
    answerCachedSecondPass: summarise(cachedSecond.map((timed) => timed.answerMs)),
    retrievalCachedSecondPass: summarise(cachedSecond.map((timed) => timed.retrievalMs)),
    cacheHitRateSecondPass: round(hitsInSecondPass / Math.max(1, questions.length), 4),
    refusals: plain.filter((timed) => timed.refused).length,
  });
  return {
    ours: figures(first.ours, first.oursCached, second.oursCached, oursCache.hits - missHits.ours),
    naive: figures(
      first.naive,
      first.naiveCached,
      second.naiveCached,
      naiveCache.hits - missHits.naive,
    ),
    naiveReembedded: replay.embeddedFresh,
  };
}
