/**
 * "X vs Y", "X or Y", "difference between X and Y", "how do X and Y differ", "compare X and Y",
 * "how is X different from Y", "distinguish X from Y", "tell X and Y apart": the two things compared.
 */
const COMPARISON =
  /(?:(?:difference|diff|differences) (?:between|b\/w|btw|of)\s+(.+?)\s+(?:and|&)\s+(.+)|compare\s+(?:the\s+\S+\s+(?:of|for|needed for)\s+)?(.+?)\s+(?:and|with|to|&)\s+(.+)|(?:how|where|in what ways?) (?:do|does|did|would)\s+(.+?)\s+(?:and|&)\s+(.+?)\s+differ\b|\b(?:is|are|does|do)\s+(.+?)\s+(?:(?:any|so|really|that)\s+)?(?:different|differ|diff)\s+(?:from|than)\s+(.+)|\b(?:distinguish(?:es|ing)?|differentiat(?:e|es|ing))\s+(?:between\s+)?(.+?)\s+(?:from|and|vs\.?|&)\s+(.+)|\btell\s+(.+?)\s+(?:and|&)\s+(.+?)\s+apart\b|(.+?)\s+(?:vs\.?|versus|or)\s+(.+))/i;
/** Where a compared side's words end ("…, which one", "… which is better"). */
const SIDE_END = /[,?;:!]|\.(?=\s|$)|\b(?:which|what|for|when|diff|difference|better|to use)\b/i;

/**
 * A right side that is a clause, a guess or a dismissal, not a thing: "… or can I manage",
 * "… or not", "… or what", "… or just vibes", "… or just hype".
 */
const NOT_A_THING =
  /^(?:can|could|should|shall|would|will|do|does|did|is|are|am|was|were|have|has|i|you|we|they|it|not|no|what|wat|smth|something|anything|else|so)\b|^(?:just|only|mostly) (?:an? )?(?:vibes?|hype|hyped|fads?|trends?|buzz|buzzwords?|marketing|memes?|scams?|fluff|noise|luck|gimmicks?|for show)\b/i;

/** A left side that ends on a pronoun: "… worth it", "… use that". */
const ENDS_ON_POINTER = /\b(?:it|this|that|them|these|those)$/i;

/** The last words of the left side and the first of the right side of a comparison, if any. */
export function comparedSides(question: string): [string, string] | undefined {
  const match = COMPARISON.exec(question);
  if (match === null) return undefined;
  const left =
    (match[1] ?? match[3] ?? match[5] ?? match[7] ?? match[9] ?? match[11] ?? match[13] ?? "")
      .split(/[,?;:!()]/)
      .at(-1) ?? "";
  const right =
    (
      match[2] ??
      match[4] ??
      match[6] ??
      match[8] ??
      match[10] ??
      match[12] ??
      match[14] ??
      ""
    ).split(SIDE_END)[0] ?? "";
  if (right.trim() === "" || NOT_A_THING.test(right.trim())) return undefined;
  // "is kaggle grinding worth it or just leaderboard chasing": a left side ending on a pronoun
  // says something of a thing named before, and is no thing compared.
  if (ENDS_ON_POINTER.test(left.trim())) return undefined;
  const lastWords = left.trim().split(/\s+/).slice(-3).join(" ");
  return [lastWords, right.trim()];
}

/** "X instead of Y", "X rather than Y", "X in place of Y": a replacement weighed against what it replaces. */
const REPLACEMENT = /([^,?;:!()]+?)\s+(?:instead of|rather than|in place of)\s+(.+)/i;
/** A trailing role the replacement is asked to play ("… as the remote for it"). */
const TRAILING_ROLE = /\s+(?:as\s+(?:the|a|an|my|our|its|your)\b.*|for\s+(?:it|this|that|them))$/i;
/** Where the replacement's own words begin: after its verb or preposition. */
const BEFORE_REPLACEMENT =
  /^.*\b(?:on|to|with|use|using|via|in|into|from|at|onto|try|pick|choose|learn|write|run|do)\s+/i;

/** A verb of being or having in the left side: it says something of a thing, not names one. */
const PREDICATE = /\b(?:is|are|was|were|be|been|being|isn't|aren't|'s)\b/i;

/**
 * The thing offered as a replacement and the thing it replaces: "set up a dvc remote on google
 * drive instead of s3" gives ["google drive", "s3"].
 */
export function replacedSides(question: string): [string, string] | undefined {
  const match = REPLACEMENT.exec(question);
  if (match === null) return undefined;
  const left = (match[1] ?? "").replace(TRAILING_ROLE, "").replace(BEFORE_REPLACEMENT, "").trim();
  const right = ((match[2] ?? "").split(SIDE_END)[0] ?? "").trim();
  // "fine-tuning is worth doing instead of relying on prompting" weighs a course of action, not a
  // thing offered in another's place.
  if (left === "" || right === "" || PREDICATE.test(left)) return undefined;
  return [left.split(/\s+/).slice(-3).join(" "), right];
}

/**
 * "use google drive as the remote", "with X as its storage", "as DVC's remote": a thing offered
 * for a role. "as a learner" says who uses it, not what for.
 */
const ROLE_OFFERED =
  /\b(?:use|using|with)\s+([^,?;:!()]{2,40}?)\s+as\s+(?:the|my|our|its|your|[\w-]+'s)\s+([\w-]+(?:\s+(?!for\b|to\b|in\b|on\b|with\b|instead\b)[\w-]+)?)/i;

/** The thing offered and the role it would play: "can it use google drive as the remote?". */
export function offeredForRole(question: string): [string, string] | undefined {
  const match = ROLE_OFFERED.exec(question);
  const offered = match?.[1]?.trim();
  const role = match?.[2]?.trim();
  return offered === undefined || role === undefined ? undefined : [offered, role];
}

/** Where a list of options stops: a question mark, a dash between words, a bracket, a colon. */
const OPTIONS_CLAUSE = /[?;:!()]|\s[-–—]\s|\.(?=\s|$)/;
/** Between two options: a comma (maybe with "or"/"and"), "or", "vs", "versus". */
const OPTION_SEPARATOR = /\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|vs\.?|versus)\s+/i;
/** Where the last option's words end: "… or azure ml for a job in india". */
const AFTER_LAST_OPTION =
  /\s+(?:which|what|for|when|if|to|is|are|should|shud|would|better|first|in|as)\b.*$/i;
/** The verb before a first option, in an opening clause: "should i learn python, sql or r". */
const BEFORE_FIRST_OPTION =
  /^.*\b(?:learn|use|pick|choose|between|among|from|try|study|start with|go with)\s+/i;
/** A pronoun or a verb that asks: the piece is a clause, not an option. */
const CLAUSE_WORD =
  /\b(?:i|you|u|we|they|it|my|what|wat|which|how|why|should|shud|can|could|do|does|is|are|not|no)\b/i;
/** Most words of one option ("Vertex AI", "aws sagemaker"). */
const OPTION_WORDS = 3;
/** Fewest options in a list. */
const LISTED_OPTIONS = 3;

/**
 * The options of a list of three or more offered to choose from: "which cloud should i learn
 * first - sagemaker, vertex or azure ml?" gives ["sagemaker", "vertex", "azure ml"], as does
 * "sagemaker vs vertex vs azure ml, which first". An opening clause before the first comma
 * ("… for a job in India, SageMaker, Vertex AI or Azure ML") is no option; each option is at most
 * three words, and no clause ("what next").
 */
export function listedOptions(question: string): string[] | undefined {
  for (const clause of question.split(OPTIONS_CLAUSE)) {
    if (!/\b(?:or|vs\.?|versus)\b/i.test(clause)) continue;
    const pieces = clause.trim().split(OPTION_SEPARATOR);
    const last = (pieces.pop() ?? "").replace(AFTER_LAST_OPTION, "").trim();
    const options: string[] = [];
    for (const piece of pieces.reverse()) {
      if (piece.split(/\s+/).length > OPTION_WORDS) {
        // "should i learn python": the words after the verb are the first option.
        const after = piece.replace(BEFORE_FIRST_OPTION, "").trim();
        if (after !== piece.trim() && after.split(/\s+/).length <= OPTION_WORDS) {
          options.unshift(after);
        }
        break;
      }
      options.unshift(piece.trim());
    }
    options.push(last);
    const named = options.filter(
      (option) =>
        option !== "" && option.split(/\s+/).length <= OPTION_WORDS && !CLAUSE_WORD.test(option),
    );
    if (named.length >= LISTED_OPTIONS && named.length === options.length) return named;
  }
  return undefined;
}
