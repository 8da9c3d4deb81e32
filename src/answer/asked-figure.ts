import { questionFocus } from "../understanding/question-focus.ts";
import { type FigureRequest, figureRequest } from "./figure-request.ts";
import { carriedTopic } from "./question-rewriter.ts";

/**
 * The figure the clauses that ask request, not the learner's story: "we retrain on the first of
 * every month… what options are there?" asks none. The learner's own words say which figure
 * first ("and how many questions? (cost aws exam)" asks a count); a follow-up's carried topic
 * can hold it ("and in bengaluru? (salary engineer india)").
 */
export function askedFigure(question: string): FigureRequest | undefined {
  return figureAskedIn(carriedTopic(questionFocus(question)).own, carriedTopic(question).carried);
}

/** The same, from the learner's own asking words and the topic a follow-up carries. */
export function figureAskedIn(ownAsking: string, carried: string): FigureRequest | undefined {
  return figureRequest(ownAsking) ?? figureRequest(`${ownAsking} ${carried}`);
}
