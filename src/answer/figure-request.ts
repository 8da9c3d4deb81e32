import { contentTerms, STOPWORDS, stem, words } from "../text/terms.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";

/** A number written in digits, not inside a name ("F1-score", "L2", "p99" name things). */
const DIGIT = /(?<![\p{L}\d])\d/u;
/** A number: digits (`DIGIT`) or a number word. */
const NUMBER = new RegExp(
  `${DIGIT.source}|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|dozen)\\b`,
  "iu",
);
/** Money nouns; "lpa" (lakhs per annum) and "ctc" (cost to company) are Indian salary terms. */
const MONEY_WORDS =
  /^(price|prices|priced|pricing|cost|costs|fee|fees|salary|salaries|charge|charges|budget|lpa|ctc|wage|wages|compensation|earnings)$/;
const MONEY = /[₹$€£]|\bfree\b|\bvaries\b/i;
/** "pay attention", "does it pay off": "pay" that asks no sum ("NLP engineer pay in india" does). */
const PAY_NOT_MONEY = /^(?:attention|off|back)$/;
/**
 * "how much is the google ml engineer cert", "how much are the coursera courses": the price of
 * something one buys or enrols in, asked without a money word.
 */
const PRICE_OF_OFFER =
  / how much (?:is|are|was|were|does|do|would|will) (?:\S+ ){0,6}?(?:certifications?|certs?|certificates?|courses?|programs?|programmes?|exams?|bootcamps?|subscriptions?|specializations?|specialisations?|degrees?)(?: (?:cost|be|in|for|now|today|currently))? $/;
/** "like in dollars for those 2 roles", "in rupees": a sum asked in a currency. */
const IN_A_CURRENCY = /\bin (?:dollars|usd|rupees|inr|euros|pounds)\b/i;
/**
 * "which one pays more", "who earns the most", "how much more do they get", "what does an ML
 * engineer earn", "what do they make in the us": pay asked for or compared, a sum of money.
 */
const PAYS_MORE =
  / (?:pays?|paid|earns?|earning) (?:more|less|most|the most|better|best|higher|highest|well) | how much (?:more |less )?(?:do|does|did|will|would|can|could) \S+(?: \S+)? (?:get|make|take home) | what (?:do|does|did|will|would|can|could) (?:\S+ ){1,4}(?:(?:earn|get paid|take home) |make(?= (?:in|per|a year|a month|annually|yearly|monthly|at|as|starting|after|with|on average)\b| $))/;
/**
 * "the starting pay at google", "ML engineer package at TCS": pay named beside an employer of the
 * learner lexicon is a salary asked for, though "pay" and "package" alone are not money words
 * ("pay attention", "a Python package").
 */
const EMPLOYER_PAY = /^(?:pay|pays|paid|package|packages|pkg|stipend|earn|earns)$/;
/**
 * "which one is having better package in india", "avg pkg in bangalore": a package in a country or
 * city is a salary (Indian English), not a Python package.
 */
const PACKAGE_IN_A_PLACE =
  /\b(?:package|packages|pkg)\s+(?:(?:for|of) \w+ )?(?:in|at) (?:india|the us|the usa|usa|us|the uk|uk|germany|canada|dubai|europe|bangalore|bengaluru|hyderabad|pune|mumbai|delhi|ncr|chennai|noida|gurgaon|gurugram|kolkata)\b/i;
/** A price as written: "~$200", "₹4.4L–5L PA", "$120K+". */
const PRICE =
  /[~≈]?[₹$€£]\s?\d[\d.,]*\s*[KkLlMm]?\+?(?:\s*[–-]\s*[₹$€£]?\d[\d.,]*\s*[KkLlMm]?\+?)?/g;
/**
 * "cost per month", "per 1000 tokens", "hourly": a price asked as a rate of time or use. A one-off
 * price ("~$300") does not give it.
 */
const RATE_ASKED =
  /\ba (?:month|hour)\b|\b(?:per|each|every) (?:[\d,.]+k? |million )?(?:month|hour|hr|day|week|year|tokens?|requests?|calls?|users?|query|queries|gpu|instance)\b|\b(?:monthly|hourly|daily|weekly|yearly|annually)\b|\/(?:month|mo|hr|hour|day|year)\b/i;
/** A price stated as a rate: "₹4.4L–5L PA", "per annum", "$10 per month", "/hour". */
const RATE_GIVEN =
  /\b(?:PA|LPA|p\.a\.|per annum|monthly|hourly|annually|yearly)\b|\b(?:per|a|each) (?:month|hour|day|week|year|token|request|call|user)\b|\/(?:month|mo|hr|hour|day|year)\b/i;
/**
 * "laptop under 70,000", "under ₹50k", "cert below 200 dollars": a price limit asks for prices.
 * Not a count or a time ("under 10,000 rows", "under 3 months"): a currency, "k"/"lakh", or a
 * number of four digits or more with nothing counted after it.
 */
const PRICE_LIMIT =
  /\b(?:under|below|within|less than|up ?to|upto)\s+((?:rs\.?|inr|usd)\s*|[₹$]\s*)?(\d[\d,]*(?:\.\d+)?)\s*(k|lakhs?|lacs?|dollars?|rupees?|usd|inr)?\b(?!\s*(?:[%/]|rows?|samples?|examples?|images?|records?|words?|param(?:eter)?s?|steps?|epochs?|users?|lines?|tokens?|features?|columns?|files?|[kmg]b|percent|hours?|hrs?|days?|weeks?|months?|years?|yrs?|minutes?|mins?|seconds?|ms)\b)/i;
/**
 * "ok: what is…", "so, btw what is…", "different topic: what is…": chat words before the question
 * that change nothing.
 */
const LEADING_CHAT =
  /^(?:\W*\b(?:ok(?:ay)?|so|wait|hmm+|oh|right|also|btw|and|but|acha|(?:different|new|another|other) (?:topic|question|q))\b[\s,:;.!-]*)+/i;
/** A year of the last or this century. */
export const YEAR = /\b(?:19|20)\d\d\b/g;
/** Words after "price" or "salary" that make it part of a name ("price predictor", "salary data"). */
const NAMED_THING =
  /^(predictor|predictors|prediction|predictions|column|columns|data|dataset|datasets|feature|features|model|models|field|fields|table|dashboard|project|projects|app|example)$/;
/**
 * "how many hours", "hours per week", "three days a week": a time figure, not "all day", nor a
 * time told ("disappeared after a day", "worked on it for a week", "half a year of savings",
 * "retrain every month"); "in a week" still asks.
 */
const TIME_PHRASE =
  /\b(?:how many|per|(?<!\b(?:after|for|over|than|once|about|like|took|half) )a|each) (hours?|days?|weeks?|months?|years?)\b|\b(hours?|days?|weeks?) (?:per|a|each|every)\b/g;
/**
 * "what dropout rate…", "which YOLO version…", "grafana default port", "a standard patience value":
 * a setting asked for, not "data version control", nor a sort of it ("what kind of learning rate").
 * The words between name the setting; "what happens if the learning rate…" asks what happens.
 */
const SETTING_PHRASE =
  /\b(?:what|which|exact(?! same\b)|ideal|optimal|default|best|standard|usual|typical)(?:'s)?(?! (?:kind|sort|type)s? of\b)(?: (?!(?:happens?|happened|if|when|does|do|did)\b)[\p{L}\d'-]+){0,3} (rate|size|score|rank|alpha|threshold|value|values|epochs|version|memory|ram|gb|percentage|percent|length|port|momentum|interval|number)\b/u;
/**
 * "what dropout value", "which k number": a generic setting noun after the setting's name; the
 * name is what the figure must stand next to (`nn.Dropout(0.2)`).
 */
const NAMED_GENERIC_SETTING =
  /\b(?:what|which|standard|usual|typical)(?: (?!(?:is|are|the|a|an|happens?|if|when|does|do|did)\b)[\p{L}\d'-]+){0,2}? ([\p{L}\d'-]+) (?:value|values|number)\b/u;
/**
 * "a good ROUGE score", "an acceptable rmse value", "a good p99 latency target": what value counts
 * as good for a measure.
 */
const GOOD_VALUE =
  /\b(?:good|acceptable|decent|ideal|target|typical|normal) ((?:[\p{L}\d-]+ ){0,2})(?:score|value|target|goal|benchmark)s?\b/u;
/** "what p99 latency target", "which F1 threshold": a value to reach, named before its noun. */
const TARGET_ASKED =
  /\b(?:what|which)\s+(?!(?:is|are|was|were|does|do|did)\b)((?:[\p{L}\d-]+ ){0,2})(?:targets?|thresholds?|cut-?offs?)\b/iu;
/**
 * "ideal num_leaves for lightgbm", "default max_depth in xgboost", "n_estimators value?": a
 * parameter named as code, its value asked. "what does max_depth do" asks what it does, and "the
 * right order of zero_grad …" its place.
 */
const CODE_SETTING =
  /\b(?:default|ideal|optimal|recommended|best|good|right|typical|what|which)(?: (?!(?:does|do|did|is|are|happens?|if|when|order|sequence|purpose|role|point)\b)[\p{L}\d'-]+){0,2}? ([\p{L}][\p{L}\d]*_[\p{L}\d_]+)\b|\b([\p{L}][\p{L}\d]*_[\p{L}\d_]+) (?:default|value|values)\b/iu;
/**
 * "what accuracy shud my churn model reach", "which f1 score do i need to hit": the value a metric
 * should reach, a figure asked beside the metric. Not "what accuracy metric…" or "what accuracy
 * means".
 */
const METRIC_TARGET =
  /\b(?:what|which|how much) (accuracy|precision|recall|f1|auc|rmse|mae|r2)(?: score)?(?! (?:metric|means?|is)\b)(?: \S+){0,5}? (?:reach|hit|achieve|aim for|need|needs|be considered|be called|counts? as)\b/;
/** "lora rank how much should i set": a setting named, then its amount asked. */
const SETTING_BEFORE_AMOUNT =
  / (rate|size|rank|alpha|threshold|momentum|interval|epochs|port) how (?:much|many) /;
/**
 * "optimal k for kmeans", "default value of C in LogisticRegression": a setting named by one letter
 * (or a Greek letter's name), its value asked.
 */
const LETTER_SETTING =
  / (?:optimal|ideal|best|right|good|default|perfect) (?:value (?:of|for) )?([b-hj-tv-z]|lambda|gamma|epsilon) (?!(?:fold|means|nn|nearest|neighbou?rs?)\b)/;
/** "whats that number called (…)": the name of a setting is asked, not its value. */
const NAME_ASKED = / (?:called|named|known as) /;
/** "max number of tokens", "minimum size of the dataset": a count or size asked for. */
const LIMIT_OF =
  / (?:max|maximum|min|minimum) (?:number|count|amount|length|size|no) of ([\p{L}\d_'-]+)/u;
/**
 * "how do i choose the number of clusters", "pick the right number of components": how many
 * to use, asked as a choice.
 */
const CHOSEN_NUMBER_OF =
  / (?:choose|pick|decide|determine|select|find|set) (?:on )?(?:the )?(?:right |best |optimal |ideal |correct |good )?(?:number|no) of ([\p{L}\d_'-]+)/u;
/**
 * "what is the learning rate?", "what's a batch size", "what is the learning rate and why does it
 * matter": the setting's meaning is asked, not its value.
 */
const SETTING_DEFINED =
  /^ (?:what|whats|what's)(?: (?:is|are|s))? (?:the |an? )?(?:[\p{L}-]+ ){0,2}(?:rate|size|score|rank|alpha|threshold|momentum|interval)s? (?:and (?:why|how|what|when|where)\b.*)?$/u;
/** "the learning rate thing, too high too low??": what goes wrong at an extreme, not a value. */
const AT_AN_EXTREME = / too (?:high|low|big|small|large) /;
/**
 * "exam duration", "duration of the course": a length of time asked for; so is one guessed, "is
 * the program 6 months long?", "3 weeks long or more".
 */
const DURATION =
  / durations? | (?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|few) (?:hours?|days?|weeks?|months?|years?) long /;
/**
 * "how much more data": an amount; "passing score", "pass mark", "cutoff marks": a score. Settings
 * asked for without naming them.
 */
const UNNAMED_SETTING =
  / how much (?:more|less) | (?:passing|pass|cutoff|cut off) (?:score|scores|mark|marks|percentage)s? /;
/**
 * "by how much", "how much faster", "how big was the accuracy gap": a difference asked for, which
 * only a factor or share gives.
 */
const DIFFERENCE_ASKED =
  / by how much | how much (?:faster|slower|better|worse|bigger|smaller|cheaper) | how (?:big|large|wide|small) (?:is|was|are|were) (?:the |that |this )?(?:\S+ )?(?:gap|difference|improvement|margin|drop|gain) /;
/** "3x faster", "twice as fast", "20% smaller": a difference given as a factor or a share. */
const DIFFERENCE_GIVEN =
  /\b\d+(?:\.\d+)?\s*(?:x|×|times|%|percent)(?=\s|$|[,.;)])|\b(?:twice|half) as\b|\b(?:two|three|four|five|ten) times\b/i;
/** "what % of…", "what percentage": a share asked for. */
const SHARE = /\b(what|which|how much)\b[^?]{0,20}(%|\bpercent(age)?\b)/i;
/**
 * "which version of my dataset i trained on", "the exact dataset version that matches the
 * commit": a version of one's own work, not a figure.
 */
const VERSION_OF_WORK =
  / versions? (?:of|for) (?:(?:my|the|our|your|a|each|this|that) )?(?:data|dataset|datasets|model|models|code|csv|file|files|notebook|project|pipeline)s? | (?:data|dataset|model|code|csv|file|notebook|project|pipeline)s? versions? (?!control\b)/;
/** Setting nouns that name no setting of their own ("what dropout value"). */
const GENERIC_SETTING = /^(?:value|values|number)$/;
/**
 * "which one counts missing values", "how to find unique values", "from which data should fill
 * values be computed": values in the data, not a setting.
 */
const DATA_VALUES =
  /^(?:missing|null|nan|na|unique|duplicate|duplicated|distinct|categorical|numeric|numerical|outlier|extreme|empty|non-empty|fill)$/;
/** Money words that are also values in a dataset ("price", "cost"); pay words never are. */
const DATA_VALUE = /^(?:price|prices|pricing|cost|costs|charge|charges)$/;
/** Things whose price is a value in a dataset ("the typical house price in each city"). */
const PRICED_THING =
  /^(?:house|houses|home|homes|stock|stocks|product|products|ticket|flight|car|cars)$/;
/** "guesses a number like a price": the words before a money word that make it an example. */
const AN_EXAMPLE = /(?:^|\s)(?:like|as|eg)(?: (?:a|an|the))?$/;
/** A question about working with data: its prices and costs are values in a table. */
const DATA_WORK =
  /\b(?:pandas|data ?frames?|df|columns?|tables?|groupby|group by|csv|numpy|sql|spreadsheet|excel)\b/i;
/** "seconds to minutes", "minutes to days": a time given as a range of units, without digits. */
const TIME_UNIT_RANGE =
  /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?)\s+(?:to|or|–|-)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;
/** A share written as a fraction, as code gives it: `test_size=0.2`, `Dropout(0.5)`. */
const FRACTION = /(?<![\d.])0?\.\d+(?![\d.])/;
/**
 * "who wrote the study…", "authors of the attention paper", "who teaches the specialization", "who
 * are the mentors": the people behind a work or a course.
 */
const PERSON_ASKED =
  /\bwho\s+(?:\S+\s+){0,2}?(?:wrote|write|writes|authored|invented|created|proposed|introduced|coined|discovered|developed|designed|(?:came|come) up with|teach|teaches|taught|founded|runs|mentors)\b|\bauthors?\s+of\b|\bwho\s+(?:are|were|is|was)\s+the\s+(?:authors?|inventors?|creators?|instructors?|teachers?|mentors?|tutors?|founders?|faculty)\b/i;
/** People named as a work's authors: "by Grinsztajn, Oyallon and Varoquaux", "Vaswani et al.". */
const AUTHORS =
  /\bby\s+\p{Lu}[\p{L}'-]+(?:,?\s+(?:and\s+)?\p{Lu}[\p{L}'-]+)*|\b\p{Lu}[\p{L}'-]+\s+et al\b/u;
/** Verbs of an event that has a date: "released", "came out", "was introduced". */
const EVENT_VERBS =
  "released?|launch(?:ed)?|introduced?|invented?|created?|founded?|published?|come out|came out|proposed?|announced?|written";
/**
 * "when was the TensorFlow certificate launched", "which year did the attention paper come out",
 * "since when": a date in history asked for. "when should I start deep learning" asks a point in
 * the plan, not a date.
 */
const DATE_ASKED = new RegExp(
  `\\bwhen (?:was|were|did|is|are)\\b(?: \\S+){0,6}? (?:${EVENT_VERBS}|first (?:\\S+ )?(?:appear|appeared|used|offered))\\b|\\b(?:what|which|in what|in which) year\\b|\\bsince when\\b|\\b(?:release|launch|publication) (?:date|year)\\b`,
  "i",
);
/** "when is the next batch of the course starting", "when does the next cohort begin". */
const NEXT_START_ASKED =
  /\bwhen (?:is|are|does|do|will)\s+(?:the\s+)?next\b(?:\s+\S+){0,6}?\s+(?:start|starts|starting|begin|begins|beginning|open|opens|opening)\b/i;
/** An event whose date is asked: "first released", "came out", "was introduced". */
const EVENT_ASKED = new RegExp(`\\b(?:${EVENT_VERBS}|first|deprecated)\\b`, "i");
/** An event told with a year: "introduced in the 2017 paper", "A 2022 NeurIPS benchmark study". */
const EVENT_TOLD =
  /\b(?:released|launched|introduced|invented|created|founded|published|came out|proposed|announced|written|deprecated|paper|study|since)\b/i;
/** Words a question uses to ask for a date: "what year did it come out", "when was it released". */
const DATE_ASKING_WORD =
  /^(?:year|years|date|dates|come|came|out|first|release[sd]?|launch(?:e[sd])?|introduce[sd]?|invent(?:ed)?|create[sd]?|publish(?:ed)?|propose[sd]?|announce[sd]?)$/;
/** A release named by its number: "version 2.9". */
const RELEASE = /\bversion\s+\d/i;
/** "which month do i start deep learning", "wat week": a point in the plan asked for. */
const PLAN_POINT_ASKED = / (?:what|which) (?:month|week)s? /;
/** "Month 6–8", "Week 2": a point in the plan, as the material writes it. */
const PLAN_POINT = /\b(?:Month|Week)s? \d/;
/** "8gb or 16gb", "is 4 GB enough or 8 GB": sizes offered to choose from ask a size. */
const SIZES_OFFERED =
  /\b\d+(?:\.\d+)?\s*(gb|tb|mb)\b[^?]{0,40}?\bor\b\s+(?:\S+\s+){0,3}?\d+(?:\.\d+)?\s*(?:gb|tb|mb)\b/i;
/**
 * "what p99 latency in ms is ok", "how fast in seconds": a value asked in a unit of measure; the
 * word before the unit names the measure.
 */
const IN_A_UNIT =
  /\b(?:what|which|how (?:much|many|fast|slow|long|big|large))\b(?:(?: [\p{L}\d'-]+){0,3} ([\p{L}][\p{L}\d'-]*))? in (?:ms|milliseconds?|secs?|seconds?|mins?|minutes?|kb|mb|gb)\b/u;
/** "what latency is acceptable in ms": a judgement of the value, not the measure. */
const JUDGED = /^(?:ok|okay|acceptable|fine|good|bad|normal|reasonable|typical|enough|ideal)$/;
/** A value a learner offers, "1e-4", "0.9", "three", with the word after it ("epochs"), if any. */
const OFFERED_VALUE =
  "(?:\\d[\\d.,]*(?:e-?\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?: (\\p{L}+))?";
/**
 * "1e-4 or 1e-5", "three epochs or five epochs", "0.9 or 0.99": values offered to choose from ask a
 * value; the noun after the second names the setting.
 */
const VALUES_OFFERED = new RegExp(`(?:^| )${OFFERED_VALUE} or ${OFFERED_VALUE}`, "u");
/**
 * "how often should the job run", "how frequently do i retrain": a frequency asked for, which
 * only a rate of time gives ("every month", "nightly"); not "how often each category occurs".
 */
const FREQUENCY_ASKED =
  / how (?:often|frequently) (?:should|shud|shld|must|do|does|would|will|can|to|is|are|has|have) /;
/** "Retrain every month", "nightly churn scores", "twice a week": a frequency given. */
const FREQUENCY_GIVEN =
  /\bevery\b|\b(?:hourly|daily|nightly|weekly|monthly|yearly|annually)\b|\b(?:once|twice|times) (?:a|per|each) \w+/i;
/**
 * "exact lr", "lr exactly": the learning rate's value asked for, named as learners abbreviate it;
 * "what lr schedules" asks for kinds, not a value.
 */
const EXACT_LEARNING_RATE = /\b(?:exact|ideal|optimal|default|best)\s+lr\b|\blr\s+exactly\b/i;
/** "how much RAM": an amount asked for. */
const AMOUNT = /\bhow much (ram|memory|storage|space|data|traffic|gpu)\b/i;

/**
 * What kind of figure a question asks for, if any: money ("what does it cost"), time ("how long",
 * "hours per week"), a count ("how many models"), a setting ("what dropout rate", "how much RAM"),
 * a share ("what % of traffic"), the people behind a work ("who wrote the paper") or a date
 * ("when was it released").
 * `words` are the question words the figure must stand next to.
 */
export type FigureRequest = {
  type: "money" | "time" | "count" | "setting" | "share" | "person" | "date";
  words: string[];
  /** A price asked per month, hour, token… ("sagemaker cost per month"): only a rate gives it. */
  rate?: true;
  /** "which month do I start deep learning": a point in the plan ("Month 6–8"), not a duration. */
  point?: true;
  /**
   * "in which year was PyTorch first released": the date of an event, which only a year told with
   * an event gives ("introduced in the 2017 paper"), not "… for most learners in 2026".
   */
  event?: true;
  /** "is GRU faster than LSTM, and by how much": only a factor or share gives the difference. */
  difference?: true;
  /** "how often should it run": only a frequency gives it ("every month", "nightly"). */
  frequency?: true;
  /** "how many warm-up steps": the kind of thing counted, which a count must name ("warm-up"). */
  kind?: string;
};

/**
 * "does the roadmap cover salary expectations", "how long it takes depends on what": whether the
 * material covers a topic, or what a figure depends on, is asked, not the figure itself.
 */
const NOT_THE_FIGURE =
  /\b(?:does|do|will|is|are)\b(?: \S+){0,4} (?:cover|covers|covered|include|includes|included|mention|mentions|mentioned|talk about|discuss|discusses|teach|teaches|go into)\b|\bdepends? on what\b|\bwhat (?:does|do) (?:\S+ ){0,4}depend on\b/i;

/**
 * "how do i check how many missing values are in each column", "how to find what % is missing",
 * "which pandas call tells me how many non-empty values…": how to measure a figure in one's own
 * data is asked, not the figure.
 */
const HOW_TO_COUNT =
  /\bhow (?:do|can|should) (?:i|we|you) (?:\S+ ){1,3}?(?:how (?:many|much)|what (?:%|percent))|\b(?:which|what) (?:\S+ ){0,4}?(?:tells?|shows?|gives?|reports?|prints?|returns?|displays?) (?:me |you |us )?(?:\S+ ){0,8}?how (?:many|much)\b/i;

/**
 * "which skills boost salary", "what increases ML pay", "which factors push ML salaries higher":
 * what raises a figure is asked, not the figure; "by how much does it increase my salary" still
 * asks an amount.
 */
const WHAT_RAISES_IT =
  /\b(?:increases?|increasing|raises?|boosts?|affects?|determines?|decides?|influences?|improves?|push(?:es)?|drives?|factors?)\b(?: \S+){0,3} (?:salary|salaries|pay|package)\b/i;
const AN_AMOUNT = /\bhow much\b|%|\bpercent/i;

/**
 * Code a learner pastes (`df["price"][mask] = 0`, "KeyError: 'price'"): its words name columns,
 * not figures asked for.
 */
const CODE = /`[^`]*`|\S*[[\]=(){}"]\S*|'[^'\s]+'/g;

export function figureRequest(question: string): FigureRequest | undefined {
  question = question.replace(CODE, " ").replace(LEADING_CHAT, "");
  if (NOT_THE_FIGURE.test(question) || HOW_TO_COUNT.test(question)) return undefined;
  if (PERSON_ASKED.test(question)) return { type: "person", words: [] };
  if (DATE_ASKED.test(question) || NEXT_START_ASKED.test(question)) {
    return EVENT_ASKED.test(question)
      ? { type: "date", words: [], event: true }
      : { type: "date", words: [] };
  }
  if (WHAT_RAISES_IT.test(question) && !AN_AMOUNT.test(question)) return undefined;
  // "by what percentage do salaries grow": a share of a salary is asked, which no salary gives.
  if (SHARE.test(question)) return { type: "share", words: [] };
  const tokens = words(question);
  const text = ` ${tokens.join(" ")} `;
  // "house price predictor", "the price column": the word names a thing, not a sum asked for;
  // so does a price in a question about working with data ("average price per city in pandas").
  const aboutData = DATA_WORK.test(question);
  // "how long should I budget for it": time is budgeted, not money.
  const timeBudgeted = / how long /.test(text);
  const money = tokens.filter(
    (token, index) =>
      (MONEY_WORDS.test(token) ||
        (token === "pay" && !PAY_NOT_MONEY.test(tokens[index + 1] ?? ""))) &&
      !(timeBudgeted && token === "budget") &&
      !((aboutData || PRICED_THING.test(tokens[index - 1] ?? "")) && DATA_VALUE.test(token)) &&
      !AN_EXAMPLE.test(tokens.slice(Math.max(0, index - 2), index).join(" ")) &&
      !NAMED_THING.test(tokens[index + 1] ?? ""),
  );
  if (
    money.length > 0 ||
    IN_A_CURRENCY.test(question) ||
    (text.includes(" how much ") && / (cost|pay|charge|earn)/.test(text)) ||
    PRICE_OF_OFFER.test(text) ||
    PAYS_MORE.test(text) ||
    PACKAGE_IN_A_PLACE.test(question) ||
    asksWithinPrice(question) ||
    (tokens.some((token) => EMPLOYER_PAY.test(token)) &&
      tokens.some((token) => learnerLexicon().employers.has(token)))
  ) {
    return RATE_ASKED.test(question)
      ? { type: "money", words: [], rate: true }
      : { type: "money", words: [] };
  }
  if (PLAN_POINT_ASKED.test(text)) return { type: "time", words: [], point: true };
  if (FREQUENCY_ASKED.test(text)) return { type: "time", words: [], frequency: true };
  const time = [...text.matchAll(TIME_PHRASE)].map((match) => match[1] ?? match[2] ?? "");
  if (time.length > 0) return { type: "time", words: time.filter((word) => word !== "") };
  if (text.includes(" how long ") || DURATION.test(text)) return { type: "time", words: [] };
  if (DIFFERENCE_ASKED.test(text)) return { type: "setting", words: [], difference: true };
  if (UNNAMED_SETTING.test(text)) return { type: "setting", words: [] };
  const unit = IN_A_UNIT.exec(text);
  if (unit !== null) {
    const measure = unit[1];
    const named = measure !== undefined && !STOPWORDS.has(measure) && !JUDGED.test(measure);
    return { type: "setting", words: named ? [measure] : [] };
  }
  const amount = AMOUNT.exec(question)?.[1];
  if (amount !== undefined) return { type: "setting", words: [amount.toLowerCase()] };
  const size = SIZES_OFFERED.exec(question)?.[1];
  if (size !== undefined) return { type: "setting", words: [size.toLowerCase()] };
  const notAValue =
    SETTING_DEFINED.test(text) ||
    VERSION_OF_WORK.test(text) ||
    NAME_ASKED.test(text) ||
    AT_AN_EXTREME.test(text);
  const setting = notAValue ? undefined : SETTING_PHRASE.exec(text)?.[1];
  // "lora rank how much set", "batch size kitna rakhu": the setting named before "how much".
  const namedBefore = SETTING_BEFORE_AMOUNT.exec(text)?.[1];
  if (namedBefore !== undefined) return { type: "setting", words: [namedBefore] };
  const code = notAValue ? undefined : CODE_SETTING.exec(question);
  const parameter = code?.[1] ?? code?.[2];
  if (parameter !== undefined) return { type: "setting", words: words(parameter) };
  const letter = notAValue ? undefined : LETTER_SETTING.exec(text)?.[1];
  if (letter !== undefined) return { type: "setting", words: [letter] };
  const metric = METRIC_TARGET.exec(text)?.[1];
  if (metric !== undefined) return { type: "setting", words: [metric] };
  const good = GOOD_VALUE.exec(text) ?? TARGET_ASKED.exec(text);
  if (good !== null) {
    const named = (good[1] ?? "").trim().split(" ").at(-1) ?? "";
    return { type: "setting", words: named === "" ? [] : [named] };
  }
  if (EXACT_LEARNING_RATE.test(text)) return { type: "setting", words: ["rate"] };
  const limit = LIMIT_OF.exec(text)?.[1] ?? CHOSEN_NUMBER_OF.exec(text)?.[1];
  if (limit !== undefined) return { type: "count", words: [limit] };
  const named =
    setting !== undefined && GENERIC_SETTING.test(setting)
      ? NAMED_GENERIC_SETTING.exec(text)?.[1]
      : undefined;
  if (setting !== undefined && !(named !== undefined && DATA_VALUES.test(named))) {
    return { type: "setting", words: [named ?? setting] };
  }
  // "how many of those projects": the noun after the pointer; "what projects should i build and
  // how many of them need deploying": a thing the message named before.
  const ofPointer = /\bhow many of (?:them|those|these|the)\b(?: ([\p{L}-]+))?/u.exec(text);
  if (ofPointer !== null) {
    const noun = ofPointer[1];
    if (noun !== undefined && !NOT_A_COUNTED_THING.test(noun))
      return { type: "count", words: [noun] };
    const before = contentTerms(text.slice(0, ofPointer.index)).slice(-4);
    return before.length > 0 ? { type: "count", words: before } : undefined;
  }
  // The counted thing is one of the next two words ("how many different models"); a hyphenated
  // word before it names its kind, which the count must name too ("how many warm-up steps").
  const many = /\bhow many ([\p{L}-]+)(?: ([\p{L}-]+))?/u.exec(text);
  if (many?.[1] !== undefined) {
    const kind = many[2] !== undefined && /\p{L}-\p{L}/u.test(many[1]) ? many[1] : undefined;
    return {
      type: "count",
      words: [many[1], many[2] ?? many[1]],
      ...(kind === undefined ? {} : { kind }),
    };
  }
  const offered = VALUES_OFFERED.exec(text);
  if (offered !== null) {
    const valueName = offered[2] ?? offered[1];
    return {
      type: "setting",
      words: valueName === undefined || STOPWORDS.has(valueName) ? [] : [valueName],
    };
  }
  return undefined;
}

/**
 * Whether a word (lower case) is one a question uses to ask for a date ("year", "come", "out",
 * "released"): a passage giving the date need not hold it.
 */
export function asksForDate(word: string): boolean {
  return DATE_ASKING_WORD.test(word);
}

/** Number words up to ten, each at its value. */
export const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
];

/** A decimal fraction ("0.01", "2.5"). */
const DECIMAL = /^\d*\.\d+$/;

/**
 * A number in or up to three words before one of the counted words ("three portfolio projects",
 * "2–3 end-to-end projects", "a 7-step roadmap"), a whole one; a hyphenated word counts by its
 * parts too.
 * With `number` ("7"), only that number counts, in digits or as a word.
 */
export function countsThing(counted: string[], unit: string, number?: string): boolean {
  const stems = new Set(counted.flatMap((word) => word.toLowerCase().split("-")).map(stem));
  const tokens = words(unit.replace(YEAR, " "));
  // "0.01 epochs" (a learning rate before a key in code) counts nothing: a count is whole.
  const isNumber = (near: string) =>
    number === undefined
      ? NUMBER.test(near) && !DECIMAL.test(near)
      : near
          .split("-")
          .some((part) => part === number || NUMBER_WORDS.indexOf(part) === Number(number));
  return tokens.some(
    (token, index) =>
      token.split("-").some((part) => stems.has(stem(part))) &&
      !definesOne(tokens, index) &&
      tokens.slice(Math.max(0, index - 3), index + 1).some(isNumber),
  );
}

/**
 * "one epoch is 313 update steps": one of a thing, said to be something, defines a unit of it; it
 * counts nothing a "how many epochs" question asks.
 */
function definesOne(tokens: readonly string[], index: number): boolean {
  return (
    /^(?:one|1)$/.test(tokens[index - 1] ?? "") &&
    /^(?:is|means|equals)$/.test(tokens[index + 1] ?? "")
  );
}

/** Words after "how many of them" that say what happens to the things, not what they are. */
const NOT_A_COUNTED_THING =
  /^(?:need|needs|should|do|does|are|is|will|would|can|could|must|have|has|to|get|go|were|i|you|we)$/i;

/** "how many days to build it" is answered in weeks ("1–2 weeks"), and "how many weeks" in days. */
function inDaysOrWeeks(asked: string | undefined, unitTerms: Set<string>): boolean {
  const short = [stem("days"), stem("weeks")];
  return (
    asked !== undefined && short.includes(stem(asked)) && short.some((term) => unitTerms.has(term))
  );
}

/**
 * "budget is 60,000", "my budget for a laptop is around ₹70,000": a sum the learner can spend;
 * not time budgeted ("i can budget 2 hours a day").
 */
const BUDGET_STATED =
  /\bbudget\b(?:\s+[\p{L}'’]+){0,5}?\s+(?:rs\.?\s*|inr\s*|[₹$]\s*)?\d[\d,.]*(?:\s*(?:k|lakhs?|lacs?))?\b(?!\s*(?:hours?|hrs?|h|days?|weeks?|months?|years?|yrs?|mins?|minutes?)\b)/iu;

/**
 * Whether a question states a price limit anywhere, its story included ("budget is 60k, which
 * laptop should I buy"): what it asks for is then asked within that price.
 */
export function statesPriceLimit(question: string): boolean {
  return asksWithinPrice(question) || BUDGET_STATED.test(question);
}

/** Whether a question sets a price limit ("best laptop under 70,000"). */
function asksWithinPrice(question: string): boolean {
  const limit = PRICE_LIMIT.exec(question);
  if (limit === null) return false;
  const [, currency, amount = "", unit] = limit;
  if (currency !== undefined || unit !== undefined) return true;
  // "under 2024 rules" names a year.
  return amount.replace(/\D/g, "").length >= 4 && !/^(?:19|20)\d\d$/.test(amount);
}

/**
 * "With 10,000 training examples and a batch size of 32, one epoch is 313 update steps": the
 * premise of a worked example, whose values are assumed, not recommended.
 */
const WORKED_EXAMPLE_PREMISE = /^\s*(?:with|given|suppose|say)\s[^.]*?\d[^.]*?,\s/i;

/** Whether a sentence or row supplies the figure a question asks for. */
export function suppliesFigure(request: FigureRequest, unit: string): boolean {
  const unitTerms = new Set(contentTerms(unit));
  const mentions =
    request.type === "count"
      ? request.words.some((word) => unitTerms.has(stem(word)))
      : request.words.every((word) => unitTerms.has(stem(word)));
  switch (request.type) {
    case "money":
      return MONEY.test(unit) && (request.rate !== true || RATE_GIVEN.test(unit));
    case "time":
      if (request.point === true) return PLAN_POINT.test(unit);
      if (request.frequency === true) return FREQUENCY_GIVEN.test(unit);
      if (request.words.length === 0 && TIME_UNIT_RANGE.test(unit)) return true;
      return (
        NUMBER.test(unit) &&
        (request.words.length === 0
          ? /\b(hours?|days?|weeks?|months?|years?)\b/i.test(unit)
          : mentions || (request.words.length === 1 && inDaysOrWeeks(request.words[0], unitTerms)))
      );
    case "share":
      return /%|\bpercent/i.test(unit) || FRACTION.test(unit);
    case "person":
      return AUTHORS.test(unit);
    case "date":
      // "which MLflow deprecated in version 2.9" dates the event by a release.
      if (request.event !== true) return unit.match(YEAR) !== null;
      return EVENT_TOLD.test(unit) && (unit.match(YEAR) !== null || RELEASE.test(unit));
    case "count":
      // A year ("the 2017 paper") counts nothing; the number counts the thing asked about when it
      // stands just before it ("at least three portfolio projects", not a project's "2–3 weeks").
      return (
        NUMBER.test(unit.replace(YEAR, " ")) &&
        mentions &&
        (request.kind === undefined ||
          contentTerms(request.kind).every((term) => unitTerms.has(term))) &&
        (request.words.length === 0 || countsThing(request.words, unit))
      );
    case "setting": {
      if (request.difference === true) return DIFFERENCE_GIVEN.test(unit);
      // A value is written in digits ("one gradient update" sets nothing); a price ("~$200") is
      // not the setting or score asked for, nor is a worked example's premise.
      const stated = unit.replace(WORKED_EXAMPLE_PREMISE, " ");
      const named = stated === unit ? unitTerms : new Set(contentTerms(stated));
      return (
        DIGIT.test(stated.replace(PRICE, " ")) &&
        request.words.every((word) => named.has(stem(word)))
      );
    }
    default: {
      const unknown: never = request.type;
      throw new Error(`unknown figure type ${String(unknown)}`);
    }
  }
}
