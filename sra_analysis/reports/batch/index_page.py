"""``OUT/index.html``: every report of a batch in charts that summarise and one table, offline.

plotly.js is written once beside the index (``plotly.min.js``) and loaded from there, so the
index works from a shared folder or a USB stick without a network. At 514 events the page
stays small (about 1 KB per event): the charts count and place events instead of listing
them, and the table is sorted and filtered in the browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sra_analysis.labels import LABELS, t
from sra_analysis.labels.formats import format_integer, format_number
from sra_analysis.report_summary import ReportSummary
from sra_analysis.reports.files import IMPROVEMENT_PLAN, write_atomic
from sra_analysis.reports.html_tables import esc

__all__ = ["DOT_PLOT_EVENTS", "PLOTLY_ASSET", "load_summaries", "prepare_index", "write_index"]

PLOTLY_ASSET = "plotly.min.js"
#: Up to this many events the index also draws the per-event dot plot (AUC, PAI, rates with
#: each event labelled); past it the labels cannot be read and the table says it better.
DOT_PLOT_EVENTS = 40
_PREPARED = False  # prepare_index has run in this process


def load_summaries(results: Sequence) -> list[ReportSummary]:
    """The checked ``summary.json`` of each successful report, in batch order; one that
    fails its checks (:meth:`ReportSummary.from_file`) is left out, its row shown FAILED."""
    from sra_analysis.report_folder import ReportFolderError

    summaries = []
    for result in results:
        path = Path(result.folder) / "summary.json"
        if result.ok and path.exists():
            try:
                summaries.append(ReportSummary.from_file(path))
            except ReportFolderError:
                continue
    return summaries


def _number(value, digits: int = 2, lang: str = "en") -> str:
    if isinstance(value, float):
        return format_number(value, lang=lang, digits=digits)
    return format_number(value, lang=lang, digits=0)  # a whole number, or None as "–"


def _cell(value, digits: int = 2, lang: str = "en") -> str:
    """A number cell whose ``data-value`` sorts it (empty for a missing value); the shown
    number is written as ``lang`` writes numbers, the sort key stays plain."""
    raw = "" if value is None else repr(float(value))
    return f'<td class="num" data-value="{esc(raw)}">{esc(_number(value, digits, lang))}</td>'


def _rows(results: Sequence, summaries: dict[str, ReportSummary], lang: str) -> str:
    rows = []
    for result in results:
        link = f'<a href="{esc(result.event_id)}/report.html">{esc(result.event_id)}</a>'
        summary = summaries.get(result.event_id)
        if summary is None:
            first_line = (result.error or "").splitlines()[0] if result.error else ""
            rows.append(
                f'<tr class="failed" data-verdict="failed" data-search='
                f'"{esc(str(result.event_id).casefold())}"><td>{link}</td>'
                f'<td colspan="10"><b>FAILED</b> {esc(first_line)}</td></tr>'
            )
            continue
        totals, p, verdict = summary.totals, summary.prediction, summary.verdict
        grade = esc(verdict.grade or "")
        name = summary.event.name
        search = f"{result.event_id} {name or ''}".casefold()
        cells = [
            f"<td>{link}{_plan_link(result, lang)}</td>",
            f"<td>{esc(name)}</td>",
            f'<td><span class="grade {grade}" title="{esc(verdict.text)}">'
            f"{esc(_grade_label(verdict.grade or '', lang))}</span>"
            f"{_evidence(verdict.evidence, lang)}</td>",
            _cell(totals.incidents, 0, lang),
            _cell(totals.disruptions, 0, lang),
            _cell(totals.personnel, 0, lang),
            _cell(totals.officer_hours, 0, lang),
            _cell(p.pod, lang=lang),
            _cell(p.far, lang=lang),
            _cell(p.pai, lang=lang),
            _cell(p.auc, lang=lang),
        ]
        rows.append(f'<tr data-verdict="{grade}" data-search="{esc(search)}">{"".join(cells)}</tr>')
    return "".join(rows)


def _plan_link(result, lang: str) -> str:
    """A link to the report's improvement plan, when it has one."""
    if not (Path(result.folder) / IMPROVEMENT_PLAN).exists():
        return ""
    return (
        f'<br><small><a class="plan" href="{esc(result.event_id)}/{IMPROVEMENT_PLAN}" '
        f'title="{esc(t("plan.link", lang))}">{esc(t("plan.sheet", lang))}</a></small>'
    )


def _grade_label(grade: str, lang: str) -> str:
    key = f"verdict.grade.{grade}"
    return t(key, lang) if key in LABELS else grade


def _evidence(evidence, lang: str) -> str:
    """A small note beside the grade when the verdict rests on thin evidence."""
    if evidence != "thin":
        return ""
    return f' <small class="evidence">({esc(t("verdict.evidence.thin", lang))})</small>'


def _figure_html(figure) -> str:
    return figure.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False})


def _outliers(funnel, lang: str) -> str:
    """The events outside the funnel's 99.8% limits, as a paragraph of links."""
    table, pooled = funnel.table, funnel.pooled_capture
    beyond = table[table["outside"] == 0.998]
    if table.empty:
        return ""
    if beyond.empty:
        return f'<p class="outliers">{esc(t("across.funnel.none", lang))}</p>'
    items = []
    for row in beyond.itertuples(index=False):
        side = "above" if row.capture > pooled else "below"
        items.append(
            f'<li><a href="{esc(row.event_id)}/report.html">{esc(row.event_id)}</a> '
            f"{esc(row.event_name)}: {int(row.flagged)}/{int(row.disrupted_windows)} "
            f"({esc(t(f'across.funnel.{side}', lang))})</li>"
        )
    return (
        f'<div class="outliers"><p>{esc(t("across.funnel.outliers", lang))}</p>'
        f"<ul>{''.join(items)}</ul></div>"
    )


def _charts(summaries: list[ReportSummary], failed: int, lang: str) -> str:
    """The verdict counts, the capture funnel with its outliers, and (≤ 40 events) the dots."""
    from sra_analysis import charts
    from sra_analysis.rollup.funnel import capture_funnel_of

    if not summaries:
        return ""
    verdicts = charts.verdict_counts(summaries, failed=failed, lang=lang)
    funnel = capture_funnel_of(summaries)  # once, for the chart and the outliers
    parts = [
        '<div class="charts">',
        f'<div class="chart">{_figure_html(verdicts)}</div>',
        f'<div class="chart">{_figure_html(charts.capture_funnel(funnel, lang=lang))}'
        f'<p class="note">{esc(t("across.funnel.note", lang))}</p>'
        f"{_outliers(funnel, lang)}</div>",
        "</div>",
    ]
    if len(summaries) <= DOT_PLOT_EVENTS:
        parts.append(_figure_html(charts.event_comparison(summaries, lang=lang)))
    return "".join(parts)


def _controls(lang: str, total: int) -> str:
    """Filter box, verdict choice and the count; hidden until the script shows them."""
    options = [f'<option value="">{esc(t("across.filter.all", lang))}</option>']
    for grade in ("good", "mixed", "poor", "quiet", "failed"):
        label = t("across.failed", lang) if grade == "failed" else _grade_label(grade, lang)
        options.append(f'<option value="{grade}">{esc(label)}</option>')
    showing = t("across.showing", lang, shown="{shown}", total="{total}")
    return (
        f'<div id="filters" hidden><input id="filter-text" type="search" '
        f'placeholder="{esc(t("across.filter.text", lang))}" '
        f'aria-label="{esc(t("across.filter.text", lang))}"> '
        f'<select id="filter-verdict" aria-label="{esc(t("index.verdict", lang))}">'
        f"{''.join(options)}</select> "
        f'<span id="filter-count" data-template="{esc(showing)}" aria-live="polite">'
        f"{esc(t('across.showing', lang, shown=total, total=total))}</span> "
        f"<small>{esc(t('across.sort_hint', lang))}</small></div>"
    )


def prepare_index() -> None:
    """Import what :func:`write_index` draws with (plotly and the charts: about a second in a
    fresh process), while the batch waits for its first kernel.

    A small chart is also drawn in the charts' style, and thrown away: plotly loads its
    template, its trace types and its HTML writer on first use (a fifth of a second), which
    the index would otherwise wait for once every report is written.
    """
    global _PREPARED
    if _PREPARED:  # once a process: what it loads stays loaded
        return
    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io  # noqa: F401 - imported for its cost, now
    from plotly.offline import get_plotlyjs  # noqa: F401

    from sra_analysis import charts  # noqa: F401
    from sra_analysis.charts._common import style

    figure = go.Figure(go.Bar(x=pd.Series(["a"]), y=pd.Series([1])))
    _figure_html(style(figure, title=""))
    _PREPARED = True


def _rollup_link(rollup, lang: str) -> str:
    """The first line of the index: the roll-up report, or that it failed and why."""
    if rollup is None:
        return ""
    if rollup.ok:
        return (f'<p class="sra-rollup"><a href="rollup.html"><b>{esc(t("index.rollup", lang))}'
                f'</b></a> · {esc(t("index.rollup_what", lang))}</p>\n')  # fmt: skip
    return (
        f'<p class="sra-rollup failed"><a href="rollup.html"><b>'
        f"{esc(t('index.rollup_failed', lang))}</b></a> {esc(rollup.error or '')}</p>\n"
    )


def write_index(out: Path, results: Sequence, *, lang: str = "en", rollup=None) -> Path:
    """Write ``index.html`` (and the shared ``plotly.min.js``) into ``out``.

    A link to the roll-up report comes first when ``rollup`` (a
    :class:`~sra_analysis.reports.batch.rollup_report.RollupReport`) is given. The page
    summarises the batch in charts (verdict counts, a funnel plot of capture and, for up to
    :data:`DOT_PLOT_EVENTS` events, the per-event dot plot) and lists every event in a table
    that a small inline script makes sortable (click a header) and filterable (by id or name
    and by verdict). Without JavaScript the table reads as it is written.
    """
    from plotly.offline import get_plotlyjs

    out = Path(out)
    asset = out / PLOTLY_ASSET
    if not asset.exists():
        write_atomic(asset, get_plotlyjs())
    summaries = load_summaries(results)
    by_id = {s.event.id: s for s in summaries}
    failed = sum(1 for r in results if not r.ok)
    headers = [
        (t("event", lang), "text"), (t("col.name", lang), "text"),
        (t("index.verdict", lang), "text"), (t("incidents", lang), "number"),
        (t("disruptions", lang), "number"), (t("tile.personnel", lang), "number"),
        (t("officer_hours", lang), "number"), ("POD", "number"), ("FAR", "number"),
        ("PAI", "number"), ("AUC", "number"),
    ]  # fmt: skip
    count = lambda n: format_integer(n, lang=lang)  # noqa: E731
    status = t("index.status", lang, ok=count(len(results) - failed), total=count(len(results)))
    if failed:
        status += " " + t("index.failed", lang, failed=count(failed))
    head = "".join(f'<th data-type="{kind}">{esc(label)}</th>' for label, kind in headers)
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file: \
'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>{esc(t("index.title", lang))}</title>
<script src="{PLOTLY_ASSET}"></script>
<style>{_STYLE}</style></head>
<body>
<h1>{esc(t("index.title", lang))}</h1>
{_rollup_link(rollup, lang)}<p>{esc(status)}</p>
{_charts(summaries, failed, lang)}
{_controls(lang, len(results))}
<table id="events"><thead><tr>{head}</tr></thead>
<tbody>{_rows(results, by_id, lang)}</tbody></table>
<script>{_SCRIPT}</script>
</body></html>
"""
    index = out / "index.html"
    write_atomic(index, page)
    return index


_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1280px; margin: 0 auto; padding: 16px; }
h1 { color: #1f3b5a; }
.sra-rollup { font-size: 1.1em; background: #eef3f8; border-left: 6px solid #1f3b5a;
  padding: 8px 12px; }
.sra-rollup.failed { background: #fbecea; border-color: #c0392b; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f2f4f7; position: sticky; top: 0; }
th button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0;
  cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \\25B2"; }
th[aria-sort=descending] button::after { content: " \\25BC"; }
tr.failed td { background: #fbecea; }
.grade { padding: 1px 6px; border-radius: 4px; background: #eee; }
.grade.good { background: #dff0e3; } .grade.mixed { background: #fcefd2; }
.grade.poor { background: #f6d6d2; }
.charts { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 16px; }
.note, .outliers { font-size: 0.9em; color: #444; }
#filters { margin: 16px 0 8px; }
#filters input { width: 22em; padding: 3px 6px; }
"""

#: Sorting and filtering of the event table, in plain JavaScript (no library, no network).
#: Number cells sort by ``data-value``; a missing value ("–") sorts last either way.
_SCRIPT = """
(function () {
  var table = document.getElementById("events");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var verdict = document.getElementById("filter-verdict");
  var count = document.getElementById("filter-count");
  document.getElementById("filters").hidden = false;
  function filter() {
    var needle = text.value.trim().toLowerCase();
    var grade = verdict.value;
    var shown = 0;
    rows.forEach(function (row) {
      var keep = (!needle || row.getAttribute("data-search").indexOf(needle) >= 0) &&
        (!grade || row.getAttribute("data-verdict") === grade);
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown).replace("{total}", rows.length);
  }
  function key(row, column, numeric) {
    var cell = row.cells[column];
    if (!cell || (row.className === "failed" && column > 0)) { return null; }
    if (numeric) {
      var value = cell.getAttribute("data-value");
      return value === null || value === "" ? null : parseFloat(value);
    }
    var words = cell.textContent.trim();
    return words === "" || words === "\\u2013" ? null : words.toLowerCase();
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sortBy(column) {
    var header = headers[column];
    var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    var numeric = header.getAttribute("data-type") === "number";
    headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
    var keyed = rows.map(function (row, position) {
      return [key(row, column, numeric), position, row];
    });
    keyed.sort(function (a, b) {
      if (a[0] === null || b[0] === null) {
        if (a[0] === b[0]) { return a[1] - b[1]; }
        return a[0] === null ? 1 : -1;
      }
      var order = numeric ? a[0] - b[0] : a[0].localeCompare(b[0]);
      return order !== 0 ? order * direction : a[1] - b[1];
    });
    keyed.forEach(function (entry) { body.appendChild(entry[2]); });
  }
  headers.forEach(function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () { sortBy(column); });
  });
  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  filter();
})();
"""
