import type { Chunk } from "../chunking/chunk.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { shortNames } from "../retrieval/row-heads.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { withoutSourcePhrases } from "../text/named-source.ts";
import { contentTerms, STOPWORDS, stem, words } from "../text/terms.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { type FigureRequest, suppliesFigure, YEAR } from "./figure-request.ts";

/** A place named in this many passages or more is the material's own setting ("india": 15). */
const SETTING_PASSAGES = 10;
/** "in bengaluru", "at google": where a figure is asked for. */
const PLACE = /\b(in|at)\s+([\p{L}][\p{L}-]*)/giu;
/** "in the US", "global", "in dollars": a figure asked in dollars, as the material's global ranges are. */
const DOLLAR_PLACE =
  /\b(?:the\s+)?(?:united states|usa|u\.s\.a?\.?|america|american|us dollars|dollars|usd|global(?:ly)?|worldwide|international(?:ly)?|abroad)\b|\bin (?:the )?us\b/i;
/**
 * "which city pays more", "which location has the best salary": pay asked place by place (not
 * "which cities and what's the pay", two questions).
 */
const PER_PLACE =
  /\b(?:which|what)\s+(city|cities|location|locations)\b(?=(?:\s+(?!(?:and|what|what's|whats|how)\b)\S+){0,3}?\s+(?:pays?|paid|earns?|salar(?:y|ies)|packages?)\b)/i;
/** Currencies other than the material's rupees and dollars. */
const OTHER_CURRENCY = /[£€¥]|\b(?:pounds?|gbp|euros?|eur|yen|jpy|aud|cad|sgd|dirhams?|aed)\b/i;
/** Words after "in" that name a unit of money, not a place ("in LPA", "in rupees"). */
const MONEY_UNITS = new Set(
  contentTerms("lpa pa inr rupees rupee usd dollars dollar lakhs lakh lacs crore ctc hand total"),
);
/** "xgboost.XGBClassifier", "sklearn.ensemble": a Python name, its module's name before a dot. */
const DOTTED_NAME = /\b([a-z][a-z\d_]*)\.(?=[a-z_])/gi;
/** "ml engineer", "data scientists": a job named by the word before a role word. */
const ROLE =
  /\b([\p{L}\d+#-]+) (engineers?|scientists?|analysts?|developers?|architects?|researchers?|interns?)\b/giu;
/** Words that ask what someone is paid, not what something costs. */
const PAY = /\b(?:salary|salaries|pay|pays|paid|package|packages|ctc|lpa|earn|earns|stipend)\b/i;
/** Words before a role word that say how senior or where, not which role ("fresher engineer"). */
const NOT_A_ROLE_NAME = new Set(
  contentTerms(
    "fresher freshers junior senior entry level experienced new good average typical indian remote",
  ),
);

/** A role a question names: the stems of its name word and role word, and the phrase as asked. */
export type NamedRole = { name: string; role: string; asWritten: string };

/**
 * What a figure is asked for beyond its kind, as written: places ("in bengaluru"; "india", named
 * in many passages, is the material's own setting; "at google" is a company, however often
 * named, and so is an employer of the learner lexicon named with pay: "google india package"), roles ("data engineer") and years the material never names ("in 2030").
 */
export type FigureQualifiers = {
  places: string[];
  placeTerms: string[];
  /** "in the US", "global", "in dollars": only a figure in dollars answers. */
  inDollars: boolean;
  roles: NamedRole[];
  /** Tools of the corpus tables the learner's own words name ("which port does grafana use"). */
  tools: string[];
  /**
   * Heads of table rows of two words or more the learner's own words name, other than tools
   * ("how long does the hugging face course take", "how much does the Scaler Advanced AI and ML
   * Program cost"): a passage giving the figure must name one of them whole, or by its short form.
   * One word ("mlops", "python") is too broad a topic to ask that of.
   */
  things: string[];
  absentYears: string[];
};

/**
 * The qualifiers of a figure request. `asking` is the clauses that ask, `own` those clauses without
 * a follow-up's carried topic (roles are read from the learner's own words only: "what about CV
 * engg (salary NLP engineer)"), `carried` the carried topic.
 */
export function figureQualifiers(
  request: FigureRequest | undefined,
  asking: string,
  own: string,
  carried: string,
  statistics: CorpusStatistics,
  lexicon?: EntityLexicon,
): FigureQualifiers {
  const asksMoney = request?.type === "money";
  const places = asksMoney
    ? [...asking.matchAll(PLACE)]
        .filter((match) => {
          const term = stem((match[2] ?? "").toLowerCase());
          // "in London": a capitalised name the material never uses is a place too.
          return (
            (statistics.has(term) || /^\p{Lu}/u.test(match[2] ?? "")) &&
            !STOPWORDS.has(term) &&
            !MONEY_UNITS.has(term) &&
            (match[1]?.toLowerCase() === "at" ||
              statistics.documentFrequency(term) < SETTING_PASSAGES)
          );
        })
        .map((match) => match[2] ?? "")
    : [];
  // "fresher salary pune vs hyderabad": a city the tables list (under "Top Cities") is a place
  // however it is named; the material's salaries are for roles and experience, not for a city.
  // Read from the learner's own words: a carried topic may hold the cities of the last answer.
  if (asksMoney) {
    for (const place of lexicon?.placesIn(own) ?? []) {
      if (places.some((named) => named.toLowerCase() === place)) continue;
      // Named as the learner wrote it ("Bengaluru", not the lexicon's "bengaluru").
      places.push(new RegExp(`\\b${escapeRegExp(place)}\\b`, "i").exec(own)?.[0] ?? place);
    }
    // "which city pays more": a figure given city by city.
    const perPlace = PER_PLACE.exec(own)?.[1];
    if (perPlace !== undefined) places.push(perPlace);
  }
  // "how much does google india pay ML engineers": the material's salaries are for roles, never
  // for one employer, however it is named.
  if (asksMoney && PAY.test(asking)) {
    for (const word of words(asking)) {
      const named = places.some((place) => place.toLowerCase() === word);
      if (learnerLexicon().employers.has(word) && !named) places.push(word);
    }
  }
  // "in pounds", "in euros": a currency the material never gives a figure in.
  const currency = asksMoney ? OTHER_CURRENCY.exec(asking)?.[0] : undefined;
  if (currency !== undefined) places.push(currency);
  // "salary for CV engineers in the United States": the material's dollar figures are global.
  // Named as the learner would read it: "in the us" is "the US".
  const dollars = asksMoney
    ? DOLLAR_PLACE.exec(asking)?.[0].replace(/^in (?:the )?us$/i, "the US")
    : undefined;
  return {
    places: dollars === undefined ? places : [...places, dollars],
    // The dollar phrase is named in a refusal but checked by "$", not by its words.
    placeTerms: places.map((word) => stem(word.toLowerCase())),
    inDollars: dollars !== undefined,
    roles: asksMoney ? rolesNamed(own) : [],
    // A price or salary is given for a role or place; a setting, time or count for a tool.
    tools:
      request === undefined || request.type === "money" || lexicon === undefined
        ? []
        : // "grafana's default port" asks it of Grafana; "xgboost.XGBClassifier's" of XGBoost.
          lexicon
            .find(own.replace(/['’]s\b/g, "").replace(DOTTED_NAME, "$1 "))
            .map((entry) => entry.name),
    things:
      request === undefined || lexicon === undefined
        ? []
        : // "according to the deep learning tutorial" names a tutorial, not the Deep Learning row.
          lexicon
            .rowHeadsNamed(withoutSourcePhrases(own))
            .filter((head) => head.includes(" ") && !lexicon.isName(head)),
    absentYears:
      request === undefined
        ? []
        : [...`${asking} ${carried}`.matchAll(YEAR)]
            .map((match) => match[0])
            .filter((year) => !statistics.has(year)),
  };
}

/**
 * Whether a unit supplying the figure gives it for the place asked about (in the same cell: a row
 * whose Top Cities cell lists Bengaluru beside an India-wide salary gives no Bengaluru salary) and
 * for a role asked about (named in one cell item: "Senior Data Scientist, MLOps Engineer" names no
 * data engineer).
 */
export function givenFor(
  qualifiers: FigureQualifiers,
  request: FigureRequest,
  chunk: Chunk,
  unit: string,
): { place: boolean; role: boolean; tool: boolean } {
  const cells = chunk.kind === "table-row" ? chunk.cells : undefined;
  const place =
    (qualifiers.placeTerms.length === 0 && !qualifiers.inDollars) ||
    (cells?.map((cell) => `${cell.header} ${cell.value}`) ?? [unit]).some((piece) => {
      if (!suppliesFigure(request, piece)) return false;
      if (qualifiers.inDollars && !piece.includes("$")) return false;
      const pieceTerms = new Set(contentTerms(piece));
      return qualifiers.placeTerms.every((term) => pieceTerms.has(term));
    });
  const role =
    qualifiers.roles.length === 0 ||
    (cells?.flatMap((cell) => [cell.header, cell.value]) ?? [unit])
      .flatMap((piece) => piece.split(/[,;|]/))
      .some((item) => qualifiers.roles.some((named) => namesRole(item, named)));
  // The tool is named by the unit or by its passage's section ("MLflow > … port 5000").
  const said = ` ${words(`${chunk.section} ${unit}`).join(" ")} `;
  const passage = ` ${words(`${chunk.section} ${chunk.text}`).join(" ")} `;
  const tool =
    (qualifiers.tools.length === 0 ||
      qualifiers.tools.some((name) => said.includes(` ${name} `))) &&
    // "how long from data analyst to MLE": the Data Analyst row names one of the rows asked of.
    (qualifiers.things.length === 0 ||
      qualifiers.things.some((head) => {
        const whole = words(head).join(" ");
        return [whole, ...shortNames(whole)].some((name) => passage.includes(` ${name} `));
      }));
  return { place, role, tool };
}

/** The qualifiers no unit gave the figure for, as asked: places, roles, then absent years. */
export function qualifiersNotGiven(
  qualifiers: FigureQualifiers,
  placeGiven: boolean,
  roleGiven: boolean,
  toolGiven = true,
): string[] {
  return [
    ...(placeGiven ? [] : qualifiers.places),
    ...(roleGiven ? [] : qualifiers.roles.map((role) => role.asWritten)),
    // "Hugging Face Course", not also "hugging face".
    ...(toolGiven
      ? []
      : [
          ...qualifiers.tools.filter(
            (tool) =>
              !qualifiers.things.some((head) => ` ${words(head).join(" ")} `.includes(` ${tool} `)),
          ),
          ...qualifiers.things,
        ]),
    ...qualifiers.absentYears,
  ];
}

/** The roles a question names ("ml engineer", "data scientists"). */
function rolesNamed(text: string): NamedRole[] {
  const roles: NamedRole[] = [];
  for (const match of text.matchAll(ROLE)) {
    const name = stem((match[1] ?? "").toLowerCase());
    if (STOPWORDS.has(name) || NOT_A_ROLE_NAME.has(name)) continue;
    roles.push({ name, role: stem((match[2] ?? "").toLowerCase()), asWritten: match[0] });
  }
  return roles;
}

/**
 * Whether a phrase names the role: its name word just before its role word, or the initials of
 * the words before it ("CV engineer" = "Computer Vision Engineer", "ML" = "machine learning").
 */
function namesRole(item: string, { name, role }: NamedRole): boolean {
  const terms = contentTerms(item);
  return terms.some((term, index) => {
    if (term !== role || index === 0) return false;
    if (terms[index - 1] === name) return true;
    const spelled = terms.slice(Math.max(0, index - name.length), index);
    return (
      name.length >= 2 &&
      spelled.length === name.length &&
      spelled.map((word) => word[0]).join("") === name
    );
  });
}
