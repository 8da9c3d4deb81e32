import type { RetrievedChunk } from "../retrieval/retriever.ts";
import { splitSentences } from "../text/sentences.ts";
import { contentTerms, questionText, words } from "../text/terms.ts";
import { tagWords } from "../understanding/part-of-speech.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";

/** What a thing does when it works: "how does X work / choose / build …". */
export const WORKINGS =
  "do|work|works|calculated?|calculates|computed?|computes|implemented|handled?|handles|builds?|choose|chooses|decide|decides|split|splits|detects?|creates?|generates?|produces?|picks?|measures?|compress|compresses|scales?|allows?|lets|enables?|finds?|reduces?|maps?|transforms?|performs?";

/** More workings asked: "how does X combine / update / fine-tune …", "how is X so fast". */
const MORE_WORKINGS = "combines?|updates?|prevents?|learns?|fine-tunes?|so fast";

/** "how exactly does X work", "how is X actually computed": words that only stress the asking. */
const STRESS = "(?:exactly |actually |really )?";

/** The thing a plain "how does X work" asks about: X ("backpropagation", "self-attention"). */
const WORKING_THING = new RegExp(
  `^(?:\\S+\\s+){0,3}?how ${STRESS}(?:does|do|is|are) ((?:[^\\s?.!,;]+ ){1,3}?)${STRESS}(?:${WORKINGS}|${MORE_WORKINGS})\\b`,
  "i",
);

/** "internally", "step by step", "the math": deeper than what a passage about the thing says. */
const DEEPER =
  /\binternally\b|\bunder the hood\b|\bstep[- ]by[- ]step\b|\bmath(?:s|ematically|ematics)?\b|\bderiv\w*|\bequations?\b|\bformulas?\b/i;

/** "how are the weeks split up": parts of the plan are laid out, not at work. */
const PLAN_PARTS = /^(?:weeks?|months?|days?|steps?|phases?|stages?|modules?|topics?|parts?)$/i;

/** Words that may open a sentence before the thing it is about ("In self-attention, …"). */
const LEAD_IN = new Set(["in", "the", "a", "an"]);

/** A name in brackets after a sentence's opening words: "A recurrent neural network (RNN) …". */
const OPENING_NAME = /^(?:[\p{L}\p{N}'-]+\s+){1,5}\(([^)]{1,40})\)/u;

/** Fewest words of a sentence that explains rather than names ("Backpropagation applies …"). */
const EXPLAINING_WORDS = 6;

/**
 * The thing a plain "how does X work" asks about, the content terms of each thing it names
 * ("prometheus + grafana" names two), and whether the corpus knows all its words (`named`: "how
 * do generators and yield work" names "yield", which it never uses); undefined for other
 * questions, for a learner asking their own steps ("how do I …") and for a request deeper than a
 * passage about the thing gives ("… internally", "the math").
 */
export function workingThing(
  asking: string,
  statistics: CorpusStatistics,
): { phrase: string; sides: string[][]; named: boolean } | undefined {
  if (DEEPER.test(asking)) return undefined;
  const phrase = (WORKING_THING.exec(asking.trim())?.[1] ?? "")
    .trim()
    .replace(/^(?:an?|the)\s+/i, "");
  const terms = contentTerms(questionText(phrase));
  // "how do i make backpropagation work": the learner's own steps.
  if (terms.length === 0 || /^(?:i|we|you|u)\b/i.test(phrase)) return undefined;
  if (phrase.split(/\s+/).every((word) => PLAN_PARTS.test(word))) return undefined;
  const sides = phrase
    .split(/\s+(?:\+|and|&)\s+|\//)
    .map((side) => [...new Set(contentTerms(questionText(side)))])
    .filter((side) => side.length > 0);
  return { phrase, sides, named: terms.every((term) => statistics.has(term)) };
}

/**
 * Whether passages (not table rows) explain each thing: one is headed by it ("How CNNs Work"), or
 * one of their sentences opens with it ("Backpropagation applies the chain rule…", "In
 * self-attention, every token computes…"), names it in brackets after its opening words ("A
 * recurrent neural network (RNN) reads…") or has it act ("…, and gradient descent updates model
 * parameters…").
 */
export function explainsThing(
  sides: readonly string[][],
  results: readonly RetrievedChunk[],
): boolean {
  const prose = results.filter((result) => result.chunk.kind !== "table-row");
  // "How CNNs Work", "Backpropagation and Optimizers": a passage headed by the thing is about it.
  const headings = prose.map(
    (result) => new Set(contentTerms(result.chunk.section.split(" > ").at(-1) ?? "")),
  );
  const sentences = prose
    .flatMap((result) => splitSentences(result.chunk.text))
    .filter((sentence) => words(sentence).length >= EXPLAINING_WORDS);
  return sides.every(
    (terms) =>
      headings.some((heading) => terms.every((term) => heading.has(term))) ||
      sentences.some((sentence) => {
        // The thing opens the sentence, after any "in" or "the": "Learn SHAP and LIME…" only
        // names SHAP.
        const said = words(sentence);
        const start = said.findIndex((word) => !LEAD_IN.has(word));
        const first = new Set(contentTerms(said[start] ?? ""));
        const opening = new Set(contentTerms(said.slice(start, start + 3).join(" ")));
        // "A recurrent neural network (RNN) reads…": the name in brackets after the opening.
        const named = new Set(contentTerms(OPENING_NAME.exec(sentence)?.[1] ?? ""));
        if (terms.some((term) => first.has(term)) && terms.every((term) => opening.has(term))) {
          return true;
        }
        if (named.size > 0 && terms.every((term) => named.has(term))) return true;
        // Only a sentence holding every word of the thing can have it act; the others are not
        // tagged.
        const held = new Set(contentTerms(sentence));
        return terms.every((term) => held.has(term)) && actsIn(terms, sentence);
      }),
  );
}

/**
 * Whether the thing is the subject of a full verb in a clause of the sentence ("…, and gradient
 * descent updates model parameters…"); a list ("RAG systems, AI agents, copilots") is not.
 */
function actsIn(terms: readonly string[], sentence: string): boolean {
  return sentence
    .replace(/\([^)]*\)/g, " ")
    .split(/[,;:—–]/)
    .some((clause) => {
      const tagged = tagWords(clause);
      const stems = tagged.map((word) => contentTerms(word.word)[0]);
      const last = terms.at(-1);
      return stems.some((stem, index) => {
        if (stem !== last) return false;
        const before = new Set(stems.slice(Math.max(0, index - terms.length + 1), index + 1));
        if (!terms.every((term) => before.has(term))) return false;
        // The tagger reads some verbs as plural nouns ("gradient descent updates model parameters").
        const [next, after] = [tagged[index + 1], tagged[index + 2]];
        if (next === undefined) return false;
        // "positional encodings are added …" acts; "Random Forests are usually the strongest …"
        // says what it is, not how it works.
        if (next.pos === "VERB" || (next.pos === "AUX" && after?.pos === "VERB")) return true;
        return (
          next.pos === "NOUN" &&
          /s$/i.test(next.word) &&
          after !== undefined &&
          ["DET", "NOUN", "ADJ", "PRON"].includes(after.pos)
        );
      });
    });
}

/** Whether a plain "how does X work" asks about a thing the passages explain. */
export function explainsWorkings(
  asking: string,
  results: readonly RetrievedChunk[],
  statistics: CorpusStatistics,
): boolean {
  const thing = workingThing(asking, statistics);
  return thing !== undefined && explainsThing(thing.sides, results);
}
