"""``OUT/index.html``: every report of a batch in one table and one chart, offline.

plotly.js is written once beside the index (``plotly.min.js``) and loaded from there, so the
index works from a shared folder or a USB stick without a network.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sra_analysis.labels import LABELS, t
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.html_tables import esc

__all__ = ["load_summaries", "write_index"]

PLOTLY_ASSET = "plotly.min.js"


def load_summaries(results: Sequence) -> list[dict]:
    """The ``summary.json`` of each successful report, in batch order."""
    summaries = []
    for result in results:
        path = Path(result.folder) / "summary.json"
        if result.ok and path.exists():
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
    return summaries


def _number(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def _rows(results: Sequence, summaries: dict[str, dict], lang: str) -> str:
    rows = []
    for result in results:
        link = f'<a href="{esc(result.event_id)}/report.html">{esc(result.event_id)}</a>'
        summary = summaries.get(result.event_id)
        if summary is None:
            first_line = (result.error or "").splitlines()[0] if result.error else ""
            rows.append(
                f'<tr class="failed"><td>{link}</td><td colspan="10"><b>FAILED</b> '
                f"{esc(first_line)}</td></tr>"
            )
            continue
        totals, p = summary["totals"], summary["prediction"]
        verdict = summary.get("verdict", {})
        grade = esc(verdict.get("grade", ""))
        cells = [
            link,
            esc(summary["event"].get("name")),
            f'<span class="grade {grade}" title="{esc(verdict.get("text"))}">'
            f"{esc(_grade_label(verdict.get('grade', ''), lang))}</span>"
            + _evidence(verdict.get("evidence"), lang),
            _number(totals.get("incidents"), 0),
            _number(totals.get("disruptions"), 0),
            _number(totals.get("personnel"), 0),
            _number(totals.get("officer_hours"), 0),
            _number(p.get("pod")),
            _number(p.get("far")),
            _number(p.get("pai")),
            _number(p.get("auc")),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "".join(rows)


def _grade_label(grade: str, lang: str) -> str:
    key = f"verdict.grade.{grade}"
    return t(key, lang) if key in LABELS else grade


def _evidence(evidence, lang: str) -> str:
    """A small note beside the grade when the verdict rests on thin evidence."""
    if evidence != "thin":
        return ""
    return f' <small class="evidence">({esc(t("verdict.evidence.thin", lang))})</small>'


def write_index(out: Path, results: Sequence, *, lang: str = "en") -> Path:
    """Write ``index.html`` (and the shared ``plotly.min.js``) into ``out``."""
    from plotly.offline import get_plotlyjs

    from sra_analysis import charts

    out = Path(out)
    asset = out / PLOTLY_ASSET
    if not asset.exists():
        write_atomic(asset, get_plotlyjs())
    summaries = load_summaries(results)
    by_id = {s["event"]["id"]: s for s in summaries}
    chart = ""
    if summaries:
        figure = charts.event_comparison(summaries, lang=lang)
        chart = figure.to_html(
            full_html=False, include_plotlyjs=False, config={"displaylogo": False}
        )
    failed = sum(1 for r in results if not r.ok)
    headers = [
        t("event", lang), t("col.name", lang), t("index.verdict", lang), t("incidents", lang),
        t("disruptions", lang), t("tile.personnel", lang), t("officer_hours", lang), "POD", "FAR",
        "PAI", "AUC",
    ]  # fmt: skip
    status = t("index.status", lang, ok=len(results) - failed, total=len(results))
    if failed:
        status += " " + t("index.failed", lang, failed=failed)
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' file: \
'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>{esc(t("index.title", lang))}</title>
<script src="{PLOTLY_ASSET}"></script>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 1280px; margin: 0 auto; padding: 16px; }}
h1 {{ color: #1f3b5a; }}
table {{ border-collapse: collapse; font-size: 0.92em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; }}
th {{ background: #f2f4f7; }}
tr.failed td {{ background: #fbecea; }}
.grade {{ padding: 1px 6px; border-radius: 4px; background: #eee; }}
.grade.good {{ background: #dff0e3; }} .grade.mixed {{ background: #fcefd2; }}
.grade.poor {{ background: #f6d6d2; }}
</style></head>
<body>
<h1>{esc(t("index.title", lang))}</h1>
<p>{esc(status)}</p>
{chart}
<table><thead><tr>{"".join(f"<th>{esc(h)}</th>" for h in headers)}</tr></thead>
<tbody>{_rows(results, by_id, lang)}</tbody></table>
</body></html>
"""
    index = out / "index.html"
    write_atomic(index, page)
    return index
