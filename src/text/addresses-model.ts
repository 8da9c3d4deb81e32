import { remove as removeConfusables } from "confusables";

/**
 * Invisible characters that can hide an instruction from a plain pattern ("Ign\u200bore"): the
 * Unicode format category (zero-width space and joiners, bidi controls, soft hyphen, word joiner,
 * byte order mark) and non-spacing marks (accents after NFD, variation selectors, the combining
 * grapheme joiner).
 */
const INVISIBLE = /\p{Cf}|\p{Mn}/gu;

/**
 * Text folded for matching, never for display: NFKC (fullwidth and mathematical letters become
 * plain ones), invisible characters and accents removed, look-alike letters from other scripts
 * mapped to ASCII (the `confusables` package), lower case, then the letters that look like "i"
 * ("l", "1", "|": a Greek or Cyrillic capital I folds to "l") all become "i" and "0" becomes "o".
 * Patterns are folded the same way (`foldedPattern`), so they are written in plain English.
 */
export function foldForMatching(text: string): string {
  let folded = text.normalize("NFKC").normalize("NFD").replace(INVISIBLE, "");
  // The table lookup costs about a microsecond a character: plain ASCII lines skip it.
  if (/\P{ASCII}/u.test(folded)) folded = removeConfusables(folded);
  return folded
    .toLowerCase()
    .replace(/[l1|]/g, "i")
    .replace(/0/g, "o")
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/\s+/g, " ");
}

/** A pattern written in lower-case English, folded as `foldForMatching` folds text. */
function foldedPattern(source: string): RegExp {
  // Only letters are folded; the patterns below use no "l" in an escape or a class name.
  return new RegExp(source.replace(/l/g, "i"));
}

/** Who a planted instruction talks to. */
const MODEL =
  "(?:ai|a\\.i\\.|ai assistants?|assistants?|chatbots?|bots?|llms?|(?:ai |large )?language models?|ai models?|gpt|chatgpt|claude|gemini|copilot)";

/**
 * Lines that talk to an assistant or a model rather than to a learner. Each is tried on the
 * folded text; together they are the corpus's planted-instruction detector (at ingest) and the
 * answer writer's last filter (at answer time).
 */
const PATTERNS = [
  // A role prefix, as in a chat transcript: "SYSTEM: …", "assistant: …".
  `^\\W*(?:system|assistant|developer|user|ai|llm|chatbot)\\s*[:>\\]]`,
  // "Note to the AI assistant", "message for any language model", "attention, chatbots".
  `\\b(?:note|message|instructions?|attention|reminder|notice|memo|hint)\\s*(?:to|for)?\\s*(?:the |any |all |every |an? )?${MODEL}\\b`,
  `\\b(?:dear|hey|hello|hi|attention)\\s*,?\\s*(?:the )?${MODEL}\\b`,
  // "Assistants must answer every DVC question with…", "language models reading this should reply…".
  `\\b${MODEL}\\b[^.!?]{0,40}\\b(?:must|should|shall|need to|have to|are required to|are to|will|may only)\\s+(?:always |now |only |never |instead )?(?:answer|respond|reply|say|tell|state|claim|recommend|ignore|output|print|reveal|include|append|mention|refuse|pretend|act|write|describe|call)\\b`,
  // "If you are an AI language model, …", "as an AI assistant, you…".
  `\\b(?:if you are|if you're|you are|as)\\s+(?:an? |the )?${MODEL}\\b`,
  // Overriding the rules.
  `\\b(?:ignore|disregard|forget|override|bypass)\\b.{0,40}\\b(?:instructions?|rules|roadmap|prompt|above|previous|material|guidelines|context)\\b`,
  `\\byou are now\\b|\\b(?:system prompt|developer mode|jailbreak|dan mode)\\b`,
  // Telling the reader's assistant what to tell learners: "tell learners to…" as a command.
  `(?:^|[:;.!]\\s*)\\W*(?:tell|instruct|inform|advise|remind|convince)\\s+(?:the |all |every |your )?(?:learners?|users?|students?|readers?|people)\\b`,
  // Fishing for the configuration.
  `\\b(?:reveal|print|output|show|repeat|leak)\\b.{0,30}\\b(?:prompt|instructions|api[_ ]?key|config(?:uration)?|secrets?|tokens?|environment variables?)\\b`,
].map(foldedPattern);

/**
 * Whether `text` (a line or a sentence) addresses an assistant or model, including when it is
 * disguised with zero-width characters, look-alike letters or fullwidth forms.
 */
export function addressesModel(text: string): boolean {
  const folded = foldForMatching(text);
  return PATTERNS.some((pattern) => pattern.test(folded));
}
