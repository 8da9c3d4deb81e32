const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Characters handed to the segmenter at once. ICU's segmenter slows down with the square of the
 * number of sentences in one string (4,000 sentences take seconds), so long text is segmented a
 * window at a time; text up to this length is segmented in one go, as before.
 */
const SEGMENT_WINDOW = 8_000;

/**
 * A sentence end the source lost its space after ("…model evaluation.This roadmap…"): a period
 * after a lower-case word, then a word that opens sentences. Module paths ("sklearn.tree.Decision
 * TreeClassifier", "optim.Adam") do not match: their next word is not such an opener.
 */
const GLUED_SENTENCE_END =
  /(?<=[a-z]{3}[.!?])(?=(?:This|These|That|The|It|In|If|You|Your|We|They|For|When|Once|Then|Next|After|Before|Most|Many|Some|Each|Every|Start|Learn|Use|Build|A|An)\s)/g;

/** Splits prose into sentences with the platform's Unicode sentence segmenter (ICU). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const keep = (segment: string) => {
    for (const piece of segment.split(GLUED_SENTENCE_END)) {
      const sentence = piece.trim();
      if (sentence.length > 0) sentences.push(sentence);
    }
  };
  let start = 0;
  let window = SEGMENT_WINDOW;
  while (start < text.length) {
    const end = Math.min(text.length, start + window);
    const segments = [...segmenter.segment(text.slice(start, end))];
    const last = segments.at(-1);
    if (end === text.length || last === undefined) {
      for (const { segment } of segments) keep(segment);
      break;
    }
    if (segments.length === 1) {
      // One sentence longer than the window: widen it until the sentence ends inside.
      window *= 2;
      continue;
    }
    // The window's last sentence may be cut off: segment it again with what follows.
    for (const { segment } of segments.slice(0, -1)) keep(segment);
    start += last.index;
    window = SEGMENT_WINDOW;
  }
  return sentences;
}

/** Approximate token count: words and punctuation marks, close to a BERT-style tokenizer. */
export function countTokens(text: string): number {
  return text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
}
