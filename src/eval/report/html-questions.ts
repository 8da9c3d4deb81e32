import { escapeHtml } from "./escape-html.ts";
import { formatMetric } from "./metric-labels.ts";
import type { QuestionRecord } from "./report-schema.ts";

/** Filter keywords of a question row (the status filter's values). */
function statuses(question: QuestionRecord): string[] {
  const result: string[] = [];
  result.push(question.refused ? "refused" : "answered");
  if (question.unsupportedClaims > 0) result.push("unsupported");
  if (question.answerable && question.refused) result.push("false-refusal");
  if (!question.answerable && !question.refused) result.push("unanswerable-answered");
  if (question.answerable && !question.evidenceRanks.some((rank) => rank >= 0 && rank < 5)) {
    result.push("missed-evidence");
  }
  return result;
}

function tags(question: QuestionRecord): string {
  const parts = [`<span class="tag">${escapeHtml(question.kind)}</span>`];
  if (question.refused) {
    parts.push(`<span class="tag ${question.answerable ? "bad" : "refused"}">refused</span>`);
  } else if (!question.answerable) {
    parts.push('<span class="tag bad">answered unanswerable</span>');
  }
  if (question.unsupportedClaims > 0) {
    parts.push(`<span class="tag bad">${question.unsupportedClaims} unsupported</span>`);
  } else if (!question.refused) {
    parts.push('<span class="tag ok">faithful</span>');
  }
  return parts.join("");
}

function detail(question: QuestionRecord): string {
  const claims = question.claims
    .map(
      (claim) =>
        `<div class="claim ${claim.supported ? "yes" : "no"}">${escapeHtml(claim.text)}${claim.markers.length > 0 ? ` <span class="muted">[${claim.markers.join("][")}]</span>` : ""}<br><span class="why">${escapeHtml(claim.reason)}</span></div>`,
    )
    .join("");
  const citations = question.citations
    .map((citation) => {
      const checks = question.citationChecks.filter((check) => check.n === citation.n);
      const precise =
        checks.length === 0
          ? ""
          : checks.every((check) => check.supported)
            ? " ✓"
            : " ✗ does not support every sentence citing it";
      return `<div class="cite"><b>[${citation.n}]</b> <span class="muted">${escapeHtml(citation.section)}${escapeHtml(precise)}</span><br>${escapeHtml(citation.text)}</div>`;
    })
    .join("");
  const evidence = question.evidence
    .map((text, index) => {
      const rank = question.evidenceRanks[index] ?? -1;
      return `<div class="cite"><b>${rank >= 0 ? `rank ${rank + 1}` : "not in top 10"}</b> ${escapeHtml(text)}</div>`;
    })
    .join("");
  return `<details><summary>answer, claims and citations</summary><div class="detail">
<h4>Answer</h4><div class="answer">${escapeHtml(question.answer)}</div>
${question.refusalReason === undefined ? "" : `<p class="muted">Refused: ${escapeHtml(question.refusalReason)}</p>`}
${(question.notices ?? []).map((notice) => `<p class="muted">Notice: ${escapeHtml(notice)}</p>`).join("")}
${claims === "" ? "" : `<h4>Claims (${question.claims.length})</h4>${claims}`}
${citations === "" ? "" : `<h4>Citations</h4>${citations}`}
<h4>Reference answer</h4><div>${escapeHtml(question.reference)}</div>
${evidence === "" ? "" : `<h4>Evidence</h4>${evidence}`}
</div></details>`;
}

/** The filterable per-question table: filters, then one row per question with its details. */
export function questionTable(questions: QuestionRecord[]): string {
  const kinds = [...new Set(questions.map((question) => question.kind))].sort();
  const rows = questions.map((question) => {
    const searchable = [
      question.id,
      question.question,
      question.answer,
      ...question.claims.map((claim) => claim.text),
    ]
      .join(" ")
      .toLowerCase();
    const found = question.evidenceRanks.filter((rank) => rank >= 0 && rank < 5).length;
    return `<tr data-kind="${escapeHtml(question.kind)}" data-status="${statuses(question).join(" ")}" data-text="${escapeHtml(searchable)}">
<td><span class="muted">${escapeHtml(question.id)}</span><br>${tags(question)}</td>
<td><div class="q">${escapeHtml(question.question)}</div>${detail(question)}</td>
<td class="num">${formatMetric("faithfulness", question.faithfulness)}</td>
<td class="num">${question.answerable ? `${found}/${question.evidenceRanks.length}` : "–"}</td>
<td class="num">${formatMetric("citationPrecision", question.citationPrecision)}</td>
<td class="num">${formatMetric("answerF1", question.answerF1)}</td>
<td class="num">${formatMetric("latencyP50Ms", question.latencyMs)}</td>
</tr>`;
  });
  return `<div class="filters">
<input id="search" type="search" placeholder="Search questions, answers, claims…" aria-label="search">
<select id="kind" aria-label="kind"><option value="">every kind</option>${kinds.map((kind) => `<option>${escapeHtml(kind)}</option>`).join("")}</select>
<select id="status" aria-label="status">
<option value="">every question</option>
<option value="answered">answered</option>
<option value="refused">refused</option>
<option value="unsupported">with unsupported claims</option>
<option value="false-refusal">answerable but refused</option>
<option value="unanswerable-answered">unanswerable but answered</option>
<option value="missed-evidence">evidence not in top 5</option>
</select>
<span class="count" id="count"></span>
</div>
<table id="questions"><thead><tr><th>id</th><th>question</th><th class="num">faithful</th><th class="num">evidence in top 5</th><th class="num">citation precision</th><th class="num">F1</th><th class="num">latency</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`;
}
