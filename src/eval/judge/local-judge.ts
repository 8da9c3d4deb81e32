import type { Embedder } from "../../embedders/embedder.ts";
import { dotProduct } from "../../index/dot-product.ts";
import { splitSentences } from "../../text/sentences.ts";
import { contentTerms, stem, words } from "../../text/terms.ts";
import { splitClaims, withoutMarkers } from "../claims.ts";
import {
  canonicalText,
  type Figures,
  figuresOf,
  missingFigures,
  namesOf,
  negationConflict,
  type Polarity,
  passageHasName,
  polarityOf,
  quoteForm,
  rolesOf,
} from "./internal/judge-text.ts";
import type { Judge, JudgedClaim, JudgePassage, JudgeRequest } from "./judge.ts";

/** Builds `knownNames` from the material's texts. */
export { nameLexicon } from "./internal/judge-text.ts";

/** Decision thresholds of the local judge; defaults tuned on the calibration set. */
export type LocalJudgeSettings = {
  /** Share of a claim's content words one passage sentence must hold to support it. @default 0.75 */
  supportCoverage: number;
  /** Below this share the claim is unsupported; between the two, meaning decides. @default 0.5 */
  grayZoneCoverage: number;
  /** Cosine similarity of claim and sentence embeddings that supports a gray-zone claim. @default 0.8 */
  tieBreakSimilarity: number;
  /**
   * Consecutive claim words absent from the sentence that make the claim an addition rather
   * than a rewording ("…, and a job guarantee"); 0 turns the check off. @default 4
   */
  addedPhraseWords: number;
  /** Content words after "not", "no", "never"… that the negation applies to. @default 2 */
  negationScope: number;
  /** Also judge against two adjacent prose sentences together (claims that merge them). @default true */
  adjacentSentences: boolean;
};

export const DEFAULT_LOCAL_JUDGE_SETTINGS: LocalJudgeSettings = {
  supportCoverage: 0.75,
  grayZoneCoverage: 0.5,
  tieBreakSimilarity: 0.8,
  addedPhraseWords: 4,
  negationScope: 2,
  adjacentSentences: true,
};

export type LocalJudgeOptions = {
  /** Embeds claims and sentences for the gray-zone tie-breaker; without it gray zone is unsupported. */
  embedder?: Pick<Embedder, "embedDocuments">;
  /** Weight of a content term in the coverage (e.g. its IDF); every term weighs 1 when not given. */
  termWeight?: (term: string) => number;
  settings?: Partial<LocalJudgeSettings>;
  /**
   * Words the material only ever writes capitalised (see `nameLexicon`), so a claim opening with
   * "Flask …" or "Python …" is checked for that name like one that names it mid-sentence.
   */
  knownNames?: ReadonlySet<string>;
};

/** A sentence, list item or table row of a passage, with what the checks compare. */
type Unit = {
  passageIndex: number;
  /** The sentence, preceded by the one before it when it opens with "This/It…". */
  text: string;
  words: string[];
  terms: Set<string>;
  /** For a table row: each "Header: value" cell's words, the row's key cell first. */
  cells?: Array<{ header: string[]; value: string[] }>;
  /** For two adjacent sentences judged together: the content terms of each. */
  parts?: [Set<string>, Set<string>];
  figures: Figures;
  roles: Set<string>;
  polarity: Polarity;
};

type PreparedPassage = { quote: string; units: Unit[] };

/** Share of a table cell's content words a claim must hold for the cell to count as quoted. */
const QUOTED_CELL_SHARE = 0.5;

type PreparedClaim = {
  text: string;
  /** Lower-case words, in order. */
  words: string[];
  quote: string;
  terms: string[];
  figures: Figures;
  names: Set<string>;
  roles: Set<string>;
  polarity: Polarity;
};

type Assessment = { unit: Unit; coverage: number; missing: string[]; failure?: string };

/**
 * Verbs that carry no claim of their own ("the project uses X", "it takes 2 weeks"); the
 * stop-word list already drops "use", "used" and "using". Stemmed, as claim terms are.
 */
const LIGHT_VERBS = new Set(["us", "take", "taken", "took", "make", "made", "give", "includ"]);

const LEADING_REFERENCE = /^(this|these|that|those|it|its|they|their|such)\b/i;

/**
 * The offline, deterministic judge. A claim is supported when one sentence, list item or table
 * row of a passage (with the sentence before it when it opens with "This/It…"):
 * - states every number, range, amount of money and duration of the claim exactly;
 * - names every tool, library, place and role the claim names;
 * - does not negate what the claim asserts, nor assert what it negates;
 * - holds at least `supportCoverage` of the claim's stemmed content words, or at least
 *   `grayZoneCoverage` of them and means nearly the same (embedding cosine ≥ `tieBreakSimilarity`).
 * A claim quoted verbatim from a passage is supported outright.
 */
export class LocalJudge implements Judge {
  readonly id = "local";
  readonly extractsClaims = false;
  readonly settings: LocalJudgeSettings;
  private readonly embedder: Pick<Embedder, "embedDocuments"> | undefined;
  private readonly termWeight: (term: string) => number;
  private readonly knownNames: ReadonlySet<string>;
  private readonly passages = new Map<string, PreparedPassage>();
  private readonly vectors = new Map<string, number[]>();

  constructor(options: LocalJudgeOptions = {}) {
    this.settings = { ...DEFAULT_LOCAL_JUDGE_SETTINGS, ...options.settings };
    this.embedder = options.embedder;
    this.termWeight = options.termWeight ?? (() => 1);
    this.knownNames = options.knownNames ?? new Set();
  }

  async judge(request: JudgeRequest): Promise<JudgedClaim[]> {
    const claims = request.claims ?? splitClaims(request.answer ?? "").map((claim) => claim.text);
    const passages = request.passages.map((passage, index) => this.prepare(passage, index));
    const verdicts: JudgedClaim[] = [];
    for (const claim of claims) verdicts.push(await this.verify(claim, passages));
    return verdicts;
  }

  private async verify(claimText: string, passages: PreparedPassage[]): Promise<JudgedClaim> {
    // Citation markers are not part of what a claim states.
    const text = withoutMarkers(claimText);
    const claim = prepareClaim(text, this.knownNames, this.settings.negationScope);
    if (claim.quote.length > 0) {
      const quoted = passages.findIndex((passage) => passage.quote.includes(claim.quote));
      if (quoted >= 0) {
        return {
          claim: text,
          supported: true,
          reason: `quoted from passage ${quoted + 1}`,
          passageIndex: quoted,
        };
      }
    }
    const assessments = passages
      .flatMap((passage) => passage.units)
      .map((unit) => this.assess(claim, unit))
      .sort((left, right) => right.coverage - left.coverage);
    if (assessments.length === 0) {
      return { claim: text, supported: false, reason: "no passage to check it against" };
    }
    const clean = assessments.filter((assessment) => assessment.failure === undefined);
    const best = clean[0];
    const { supportCoverage, grayZoneCoverage, tieBreakSimilarity } = this.settings;
    if (best !== undefined && best.coverage >= supportCoverage) {
      return verdict(
        text,
        true,
        `passage ${best.unit.passageIndex + 1} states it (${percent(best.coverage)} of its content words)`,
        best,
      );
    }
    if (this.embedder !== undefined) {
      const grey = clean
        .filter((assessment) => assessment.coverage >= grayZoneCoverage)
        .slice(0, 3);
      for (const candidate of grey) {
        const similarity = await this.similarity(claim.text, candidate.unit.text);
        if (similarity >= tieBreakSimilarity) {
          return verdict(
            text,
            true,
            `passage ${candidate.unit.passageIndex + 1} holds ${percent(candidate.coverage)} of its content words and means the same (cosine ${similarity.toFixed(2)})`,
            candidate,
          );
        }
      }
    }
    // Explain with the sentence that came closest: its failed check, else what it lacks.
    const closest = assessments[0] as Assessment;
    if (closest.failure !== undefined) {
      return verdict(
        text,
        false,
        `passage ${closest.unit.passageIndex + 1}: ${closest.failure}`,
        closest,
      );
    }
    const missing = closest.missing.slice(0, 4).join(", ");
    return verdict(
      text,
      false,
      `passage ${closest.unit.passageIndex + 1} holds only ${percent(closest.coverage)} of its content words${missing === "" ? "" : ` (missing: ${missing})`}`,
      closest,
    );
  }

  private assess(claim: PreparedClaim, unit: Unit): Assessment {
    let total = 0;
    let covered = 0;
    const missing: string[] = [];
    for (const term of claim.terms) {
      const weight = this.termWeight(term);
      total += weight;
      if (unit.terms.has(term)) covered += weight;
      else missing.push(term);
    }
    const coverage = total === 0 ? 1 : covered / total;
    const assessment: Assessment = { unit, coverage, missing };
    const figures = missingFigures(claim.figures, unit.figures);
    if (figures.length > 0) {
      return {
        ...assessment,
        failure: `figure ${figures.map((figure) => `"${figure}"`).join(", ")} not stated`,
      };
    }
    const lowerText = unit.text.toLowerCase();
    const names = [...claim.names].filter((name) =>
      name.includes("_") ? !lowerText.includes(name) : !passageHasName(name, unit.words),
    );
    if (names.length > 0) {
      return {
        ...assessment,
        failure: `name ${names.map((name) => `"${name}"`).join(", ")} not in it`,
      };
    }
    const roles = [...claim.roles].filter((role) => !unit.roles.has(role));
    if (roles.length > 0) {
      return {
        ...assessment,
        failure: `role ${roles.map((role) => `"${role}"`).join(", ")} not in it`,
      };
    }
    const unbound = unit.cells === undefined ? [] : unboundNames(claim, unit.cells);
    if (unbound.length > 0) {
      return {
        ...assessment,
        failure: `${unbound.map((name) => `"${name}"`).join(", ")} belongs to another column of the row`,
      };
    }
    if (unit.parts !== undefined && !bothContribute(claim, unit.parts)) {
      return { ...assessment, failure: "one of the two sentences only lends it a name" };
    }
    const added = longestMissingRun(claim.terms, unit.terms);
    const { addedPhraseWords } = this.settings;
    if (addedPhraseWords > 0 && added.length >= addedPhraseWords) {
      return { ...assessment, failure: `adds "${added.join(" ")}", which it does not state` };
    }
    const conflict = negationConflict(
      claim.polarity,
      unit.cells === undefined ? unit.polarity : this.quotedCellsPolarity(claim, unit),
    );
    if (conflict !== undefined) {
      return { ...assessment, failure: `negation differs on "${conflict}"` };
    }
    return assessment;
  }

  /**
   * A row's negations as far as the claim quotes it: "No ML background" in a column the claim
   * leaves out does not contradict "first focus: … basic ML". A cell counts as quoted when the
   * claim holds at least half of its words ("does not need tuning" quotes "Needs tuning and
   * careful validation"); with none quoted, the whole row counts.
   */
  private quotedCellsPolarity(claim: PreparedClaim, unit: Unit): Unit["polarity"] {
    // Every word of three letters or more counts, "need" and "not" too, which are stop words.
    const stems = (list: string[]) => list.filter((word) => word.length > 2).map(stem);
    const claimStems = new Set(stems(claim.words));
    const quoted = (unit.cells ?? []).filter((cell) => {
      const cellStems = stems(cell.value);
      const held = cellStems.filter((term) => claimStems.has(term)).length;
      return cellStems.length > 0 && held / cellStems.length >= QUOTED_CELL_SHARE;
    });
    if (quoted.length === 0) return unit.polarity;
    return polarityOf(
      quoted.map((cell) => cell.value.join(" ")).join(" ; "),
      this.settings.negationScope,
    );
  }

  private prepare(passage: JudgePassage, passageIndex: number): PreparedPassage {
    const key = `${passageIndex}\u0000${passage.section ?? ""}\u0000${passage.text}`;
    const cached = this.passages.get(key);
    if (cached !== undefined) return cached;
    const sectionTerms = contentTerms(canonicalText(passage.section ?? ""));
    const sentences = unitTexts(passage.text);
    const makeUnit = (text: string, isRow: boolean, parts?: [string, string]): Unit => {
      const canonical = canonicalText(text);
      return {
        passageIndex,
        text,
        words: words(canonical),
        terms: new Set([...contentTerms(canonical), ...sectionTerms]),
        ...(isRow ? { cells: rowCells(canonical) } : {}),
        ...(parts === undefined
          ? {}
          : {
              parts: [
                new Set(contentTerms(canonicalText(parts[0]))),
                new Set(contentTerms(canonicalText(parts[1]))),
              ] as [Set<string>, Set<string>],
            }),
        figures: figuresOf(canonical),
        roles: rolesOf(canonical),
        polarity: polarityOf(canonical, this.settings.negationScope),
      };
    };
    const units: Unit[] = [];
    sentences.forEach((sentence, position) => {
      // A question asserts nothing, so it supports no claim (but an answer's "It…" may need it).
      if (sentence.text.endsWith("?")) return;
      const previous = position > 0 ? sentences[position - 1] : undefined;
      const withPrevious = previous !== undefined && LEADING_REFERENCE.test(sentence.text);
      units.push(
        makeUnit(
          withPrevious ? `${previous.text} ${sentence.text}` : sentence.text,
          sentence.isRow,
        ),
      );
      const next = sentences[position + 1];
      if (
        this.settings.adjacentSentences &&
        next !== undefined &&
        !sentence.isRow &&
        !next.isRow &&
        !next.text.endsWith("?")
      ) {
        units.push(makeUnit(`${sentence.text} ${next.text}`, false, [sentence.text, next.text]));
      }
    });
    const prepared = { quote: quoteForm(passage.text), units };
    this.passages.set(key, prepared);
    return prepared;
  }

  private async similarity(left: string, right: string): Promise<number> {
    const missing = [left, right].filter((text) => !this.vectors.has(text));
    if (missing.length > 0 && this.embedder !== undefined) {
      const vectors = await this.embedder.embedDocuments(missing);
      missing.forEach((text, index) => {
        const vector = vectors[index];
        if (vector !== undefined) this.vectors.set(text, vector);
      });
    }
    const a = this.vectors.get(left);
    const b = this.vectors.get(right);
    if (a === undefined || b === undefined) return 0;
    return dotProduct(a, b);
  }
}

function prepareClaim(
  text: string,
  knownNames: ReadonlySet<string>,
  negationScope: number,
): PreparedClaim {
  const canonical = canonicalText(text);
  return {
    text,
    words: words(canonical),
    quote: quoteForm(text),
    // Figures are checked exactly, so bare numbers do not count towards coverage.
    terms: [
      ...new Set(
        contentTerms(canonical).filter(
          (term) => !/^[\d.,]+[kl%]?$/.test(term) && !LIGHT_VERBS.has(term),
        ),
      ),
    ],
    figures: figuresOf(canonical),
    names: namesOf(text, knownNames),
    roles: rolesOf(canonical),
    polarity: polarityOf(canonical, negationScope),
  };
}

/**
 * Sentences, list items and table rows of a passage. Rows of a Markdown table with a header row
 * are labelled with their column headers ("Salary India: ₹4.4L–5L PA"), as the chunker does.
 */
function unitTexts(text: string): Array<{ text: string; isRow: boolean }> {
  const units: Array<{ text: string; isRow: boolean }> = [];
  const lines = text.split("\n").map((line) => line.trim());
  let headers: string[] | undefined;
  lines.forEach((line, index) => {
    if (line.startsWith("|")) {
      if (TABLE_SEPARATOR.test(line)) return;
      const cells = line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim());
      if (TABLE_SEPARATOR.test(lines[index + 1] ?? "")) {
        headers = cells;
        return;
      }
      units.push({
        text:
          headers?.length === cells.length
            ? cells.map((cell, position) => `${headers?.[position]}: ${cell}`).join("; ")
            : cells.join("; "),
        isRow: true,
      });
      return;
    }
    headers = undefined;
    const body = line.replace(/^(?:#{1,6}\s+|[-*•]\s+)/, "");
    if (body === "") return;
    if (/^[^:;]{1,40}: [^;]+; /.test(body)) units.push({ text: body, isRow: true });
    else units.push(...splitSentences(body).map((sentence) => ({ text: sentence, isRow: false })));
  });
  return units.filter((unit) => /[\p{L}\p{N}]/u.test(unit.text));
}

const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** The cells of a labelled table row ("Header: value; …"), words lower-cased. */
function rowCells(canonical: string): Array<{ header: string[]; value: string[] }> {
  return canonical.split(/;\s+/).map((cell) => {
    const colon = cell.indexOf(": ");
    return colon < 0
      ? { header: [], value: words(cell) }
      : { header: words(cell.slice(0, colon)), value: words(cell.slice(colon + 2)) };
  });
}

/**
 * In a table row, a claim that names a column ("… of a Deep Learning Engineer …") must take the
 * other names it pairs with from that column's cell, not from a neighbouring one ("… include
 * LangChain", which is the AI Engineer's). Names in the row's key (first) cell go with any
 * column. Returns the names taken from the wrong column.
 */
function unboundNames(
  claim: PreparedClaim,
  cells: Array<{ header: string[]; value: string[] }>,
): string[] {
  const [key, ...rest] = cells;
  if (key === undefined || rest.length < 2) return [];
  const named = rest.filter((cell) => {
    const header = cell.header.filter((word) => !/^\d+$/.test(word));
    return header.length > 0 && containsRun(claim.words, header);
  });
  if (named.length === 0) return [];
  const keyWords = [...key.header, ...key.value];
  const headerWords = named.flatMap((cell) => cell.header);
  return [...claim.names].filter((name) => {
    if (passageHasName(name, keyWords) || passageHasName(name, headerWords)) return false;
    const inRow = rest.some((cell) => passageHasName(name, cell.value));
    return inRow && !named.some((cell) => passageHasName(name, cell.value));
  });
}

/** Whether `run` occurs in `sequence` as consecutive words. */
function containsRun(sequence: string[], run: string[]): boolean {
  for (let start = 0; start + run.length <= sequence.length; start++) {
    if (run.every((word, offset) => sequence[start + offset] === word)) return true;
  }
  return false;
}

/**
 * Two adjacent sentences support a claim together only when each gives it something besides
 * names: otherwise the claim pairs one sentence's subject with the other's statement ("A data
 * scientist focuses on productionizing models", where the next sentence says it of ML engineers).
 */
function bothContribute(claim: PreparedClaim, parts: [Set<string>, Set<string>]): boolean {
  const nameTerms = new Set(
    [...claim.names, ...[...claim.roles].flatMap((role) => role.split(" "))].flatMap((name) =>
      contentTerms(name),
    ),
  );
  const [first, second] = parts;
  const own = (mine: Set<string>, other: Set<string>) =>
    claim.terms.some((term) => mine.has(term) && !other.has(term) && !nameTerms.has(term));
  return own(first, second) && own(second, first);
}

/** Longest run of consecutive claim terms the sentence lacks: a phrase added from nowhere. */
function longestMissingRun(terms: string[], present: Set<string>): string[] {
  let best: string[] = [];
  let run: string[] = [];
  for (const term of terms) {
    if (present.has(term)) {
      run = [];
      continue;
    }
    run.push(term);
    if (run.length > best.length) best = [...run];
  }
  return best;
}

function verdict(
  claim: string,
  supported: boolean,
  reason: string,
  assessment: Assessment,
): JudgedClaim {
  return { claim, supported, reason, passageIndex: assessment.unit.passageIndex };
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
