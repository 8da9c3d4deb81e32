import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

export type EnglishNlp = ReturnType<typeof winkNLP>;
let nlp: EnglishNlp | undefined;

/**
 * wink-nlp with its English model (`wink-eng-lite-web-model`): sentence boundaries, part-of-speech
 * tags and named entities. Loaded once per process (~0.1–0.4 s) and shared by its readers.
 */
export function englishNlp(): EnglishNlp {
  nlp ??= winkNLP(model, ["sbd", "pos", "ner"]);
  return nlp;
}
