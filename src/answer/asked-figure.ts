import { questionFocus } from "../understanding/question-focus.ts";
import { type FigureRequest, figureRequest, statesPriceLimit } from "./figure-request.ts";
import { carriedTopic } from "./question-rewriter.ts";

/**
 * The figure the clauses that ask request, not the learner's story: "we retrain on the first of
 * every month… what options are there?" asks none. The learner's own words say which figure
 * first ("and how many questions? (cost aws exam)" asks a count); a follow-up's carried topic
 * can hold it ("and in bengaluru? (salary engineer india)").
 */
export function askedFigure(question: string): FigureRequest | undefined {
  return (
    figureAskedIn(carriedTopic(questionFocus(question)).own, carriedTopic(question).carried) ??
    withinBudget(question)
  );
}

/**
 * "my budget for a laptop is around 70k, which exact laptop model should I buy": a price limit
 * the story states asks for prices, like "best laptop under 70k", when the asking clauses ask
 * for no other figure.
 */
export function withinBudget(question: string): FigureRequest | undefined {
  return statesPriceLimit(carriedTopic(question).own) ? { type: "money", words: [] } : undefined;
}

/** "which certification …", "what tool should…": a thing asked for by its kind, not "which one". */
const ASKS_FOR_A_THING =
  /\b(?:which|what)\s+(?!(?:one|ones|about|abt|if|is|are|was|were|would|will|do|does|did|can|should|for|in|at|of|'s|’s)\b)\p{L}{3,}/iu;

/**
 * The same, from the learner's own asking words and the topic a follow-up carries. Words that ask
 * for a thing of their own ("ok which certification goes with that cloud", after a question about
 * its monthly cost) take no figure from the carried topic.
 */
export function figureAskedIn(ownAsking: string, carried: string): FigureRequest | undefined {
  const own = figureRequest(ownAsking);
  if (own !== undefined || carried === "" || ASKS_FOR_A_THING.test(ownAsking)) return own;
  return figureRequest(`${ownAsking} ${carried}`);
}
