/** Inline stylesheet of report.html (no external resources: the file must stand alone). */
export const REPORT_CSS = `
:root { --ours: #4f46e5; --naive: #f59e0b; --good: #15803d; --bad: #b91c1c; --muted: #64748b;
  --line: #e2e8f0; --bg: #f1f5f9; --card: #ffffff; --ink: #0f172a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header { background: linear-gradient(120deg, #1e1b4b, #4338ca); color: #fff; padding: 28px 40px 24px; }
header h1 { margin: 0 0 6px; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
header .meta { color: #c7d2fe; font-size: 13px; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 60px; }
section { margin-top: 28px; }
h2 { font-size: 17px; margin: 0 0 12px; font-weight: 650; }
.verdict { display: flex; align-items: center; gap: 14px; padding: 14px 18px; border-radius: 12px; font-weight: 600; margin-top: -18px; box-shadow: 0 4px 14px rgba(15,23,42,.08); }
.verdict.pass { background: #dcfce7; color: #14532d; border: 1px solid #86efac; }
.verdict.fail { background: #fee2e2; color: #7f1d1d; border: 1px solid #fca5a5; }
.verdict .badge { font-size: 13px; padding: 3px 10px; border-radius: 999px; color: #fff; }
.verdict.pass .badge { background: var(--good); } .verdict.fail .badge { background: var(--bad); }
.verdict ul { margin: 6px 0 0; padding-left: 18px; font-weight: 500; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; }
.card { background: var(--card); border-radius: 12px; padding: 14px 16px; box-shadow: 0 1px 3px rgba(15,23,42,.08); border-top: 3px solid var(--ours); }
.card.breach { border-top-color: var(--bad); background: #fff7f7; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card .sub { color: var(--muted); font-size: 12px; }
.card .sub .naive { color: #b45309; }
.panel { background: var(--card); border-radius: 12px; padding: 16px 18px; box-shadow: 0 1px 3px rgba(15,23,42,.08); overflow-x: auto; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 12px; }
.charts .panel h3 { margin: 0 0 4px; font-size: 14px; }
.chart { width: 100%; height: auto; }
.chart .grid { stroke: var(--line); } .chart .tick { fill: var(--muted); font-size: 11px; }
.chart .axis-label { fill: var(--muted); font-size: 11px; } .chart .legend { fill: var(--ink); font-size: 11px; }
.chart .marker { stroke: var(--bad); stroke-dasharray: 4 3; } .chart .marker-label { fill: var(--bad); font-size: 11px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #f8fafc; position: sticky; top: 0; }
th:first-child, td:first-child { text-align: left; }
tr.total td { font-weight: 650; }
td.worse { color: var(--bad); font-weight: 600; } td.better { color: var(--good); }
.bar { display: inline-block; height: 8px; border-radius: 4px; vertical-align: middle; margin-left: 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-bottom: 10px; }
.filters input, .filters select { font: inherit; padding: 6px 10px; border: 1px solid #cbd5e1; border-radius: 8px; background: #fff; }
.filters input { min-width: 260px; }
.filters .count { color: var(--muted); margin-left: auto; }
#questions td, #questions th { text-align: left; }
#questions th.num { text-align: right; }
#questions td.num { text-align: right; white-space: nowrap; }
#questions .q { font-weight: 550; }
.tag { display: inline-block; font-size: 11px; padding: 1px 8px; border-radius: 999px; margin: 0 4px 2px 0; background: #e0e7ff; color: #3730a3; white-space: nowrap; }
.tag.refused { background: #fef3c7; color: #92400e; } .tag.bad { background: #fee2e2; color: #991b1b; }
.tag.ok { background: #dcfce7; color: #166534; }
details summary { cursor: pointer; color: var(--ours); font-size: 12px; }
.detail { margin-top: 8px; padding: 10px 12px; background: #f8fafc; border-radius: 8px; border: 1px solid var(--line); }
.detail h4 { margin: 8px 0 4px; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.answer { white-space: pre-wrap; }
.claim { margin: 3px 0; padding-left: 22px; position: relative; }
.claim::before { position: absolute; left: 2px; font-weight: 700; }
.claim.yes::before { content: "✓"; color: var(--good); } .claim.no::before { content: "✗"; color: var(--bad); }
.claim .why { color: var(--muted); font-size: 12px; }
.cite { margin: 4px 0; font-size: 13px; } .cite b { color: var(--ours); }
.muted { color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
`;

/** Inline script of report.html: filters the per-question table. */
export const REPORT_SCRIPT = `
(function () {
  var search = document.getElementById("search");
  var kind = document.getElementById("kind");
  var status = document.getElementById("status");
  var count = document.getElementById("count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#questions tbody tr"));
  function apply() {
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!kind.value || row.dataset.kind === kind.value)
        && (!status.value || row.dataset.status.split(" ").indexOf(status.value) >= 0)
        && (!text || row.dataset.text.indexOf(text) >= 0);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " questions";
  }
  [search, kind, status].forEach(function (element) {
    element.addEventListener("input", apply);
    element.addEventListener("change", apply);
  });
  apply();
})();
`;
