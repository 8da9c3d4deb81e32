const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Splits prose into sentences with the platform's Unicode sentence segmenter (ICU). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence.length > 0) sentences.push(sentence);
  }
  return sentences;
}

/** Approximate token count: words and punctuation marks, close to a BERT-style tokenizer. */
export function countTokens(text: string): number {
  return text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
}
