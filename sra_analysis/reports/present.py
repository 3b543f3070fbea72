"""What a review notebook displays: escaped HTML fragments, figures that draw offline.

Notebooks stay thin by calling these helpers. Every piece of text that came from an input
file is escaped here before it becomes HTML. Figures are displayed as data, in Plotly's own
mimetype, which JupyterLab, Notebook 7 and VS Code draw themselves; the HTML export makes
each a chart drawn by the one plotly.js of the page
(:func:`~sra_analysis.reports.report_html.export_html`), so the notebook never carries the
library. Headings and the setup call are in :mod:`sra_analysis.reports.session`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from sra_analysis.event import Event
from sra_analysis.io.reasons import issue_reasons
from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_datetime, format_integer, format_range
from sra_analysis.labels.timezone import zone_label
from sra_analysis.privacy import redact_issues
from sra_analysis.reports.aar_present import summary_html
from sra_analysis.reports.files import write_atomic, write_json_atomic
from sra_analysis.reports.html_tables import (
    FINDING_LIMIT,
    MISSING,
    capped_table,
    clip,
    esc,
    html_table,
    is_missing,
    number_text,
    show_html,
    tables_folder,
)
from sra_analysis.reports.legends import disruption_rule_note, severity_legend
from sra_analysis.review.aar import review_counts
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.vocabulary import category_labels

__all__ = [
    "data_quality",
    "esc",
    "findings_list",
    "headline_tiles",
    "html_table",
    "improvement_plan",
    "incident_table",
    "overview",
    "provenance",
    "score_table",
    "show",
    "show_html",
    "sra_items_table",
    "span_table",
    "tables_folder",
    "write_atomic",
    "write_json_atomic",
]

_PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}


def show(figure) -> None:
    """Display a Plotly figure as data: Plotly's mimetype (with the chart's ``config``) and a
    one-line ``text/plain``, no HTML and no plotly.js.

    JupyterLab, Notebook 7 and VS Code draw the mimetype; the HTML export turns it into a
    chart (:mod:`sra_analysis.reports.figure_html`).
    """
    from IPython.display import display

    data = json.loads(figure.to_json())
    data["config"] = dict(_PLOTLY_CONFIG)  # read by JupyterLab's renderer and by the export
    bundle = {
        "application/vnd.plotly.v1+json": data,
        "text/plain": f"<Figure: {esc(figure.layout.title.text or 'chart')}>",
    }
    display(bundle, raw=True)


def _when(stamp, lang: str = "en") -> str:
    if is_missing(stamp):
        return MISSING
    return format_datetime(pd.Timestamp(stamp), lang=lang)


def overview(event: Event, review: Evaluation, *, lang: str = "en") -> None:
    """The first screen: title, the grade and the commander's summary (each sentence linked
    to its evidence), the verdict on the SRA, key numbers, rings at a glance."""
    meta = event.meta
    judged = review.verdict
    grade, sentence = judged.grade, judged.text(lang)
    tiles = headline_tiles(review, lang=lang)
    tile_html = "".join(
        f'<div class="sra-tile"><div class="v">{esc(v)}</div><div class="k">{esc(k)}</div></div>'
        for k, v in tiles
    )
    rings = review.by_ring.copy()
    personnel = event.staffing.groupby("ring", observed=False)["officer_id"].nunique()
    rings["officers"] = rings["ring"].map(personnel.rename(index=str)).fillna(0).astype(int)
    rings["ring_name"] = [meta.ring(r).label(lang) for r in rings["ring"]]
    ring_table = rings[
        ["ring", "ring_name", "officers", "officer_hours", "incidents", "disruptions",
         "incidents_per_100_officer_hours"]
    ].rename(columns={
        "ring": t("ring", lang), "ring_name": t("col.name", lang),
        "officers": t("tile.personnel", lang), "officer_hours": t("officer_hours", lang),
        "incidents": t("incidents", lang), "disruptions": t("aar.count.disruptions", lang),
        "incidents_per_100_officer_hours": t("incidents_per_100_officer_hours", lang),
    })  # fmt: skip
    numeric = list(ring_table.columns[2:])
    start, end = (format_datetime(meta.start, lang=lang, style="full"),
                  format_datetime(meta.end, lang=lang, style="full"))  # fmt: skip
    period = f"{start} – {end} ({zone_label(meta.timezone, lang)})"
    show_html(
        f"<h1>{esc(clip(meta.name))}</h1>"
        f'<div class="sra-subtitle">{esc(clip(meta.venue))} · {esc(period)} · '
        f"{esc(t('report.flag_level', lang))}: {esc(level_label(review.flag_level, lang))}</div>"
        + summary_html(review, lang=lang)
        + f'<div class="sra-verdict {esc(grade)}"><b>{esc(t("report.verdict", lang))}: '
        f"{esc(judged.label(lang))}.</b> {esc(sentence)}</div>"
        f'<div class="sra-tiles">{tile_html}</div>'
        + disruption_rule_note(review, lang=lang)
        + html_table(ring_table, numeric=numeric, digits=1, lang=lang)
    )


def headline_tiles(review: Evaluation, *, lang: str = "en") -> list[tuple[str, str]]:
    """The key numbers of the first screen as (label, value) pairs.

    Counts come from :func:`~sra_analysis.review.aar.review_counts`, the one definition the
    verdict and the findings use too: incidents and disruptions are counted between the
    event's start and end, and *disruptions* (incidents) are labelled apart from *disrupted
    ring-hours* (windows).
    """
    counts = review_counts(review)
    flag = level_label(review.flag_level, lang)
    totals = review.totals
    return [
        (t("incidents", lang), number_text(counts.incidents, lang=lang)),
        (t("aar.count.disruptions", lang), number_text(counts.disruptions, lang=lang)),
        (
            t("aar.count.disrupted_ring_hours", lang),
            number_text(counts.disrupted_ring_hours, lang=lang),
        ),
        (t("tile.personnel", lang), number_text(totals["personnel"], lang=lang)),
        (t("officer_hours", lang), number_text(totals["officer_hours"], lang=lang)),
        (
            t("aar.count.disruptions_flagged", lang, flag_level=flag),
            _share(counts.disruptions_flagged, counts.disruptions, lang),
        ),
        (
            t("aar.count.ring_hours_missed", lang, flag_level=flag),
            number_text(counts.disrupted_ring_hours_missed, lang=lang),
        ),
        (t("tile.auc", lang), number_text(review.score("auc").estimate, 2, lang=lang)),
    ]


def _share(part, whole, lang: str = "en") -> str:
    if is_missing(part) or is_missing(whole) or not whole:
        return MISSING
    return f"{number_text(part, lang=lang)}/{number_text(whole, lang=lang)}"


_SCORES = (
    ("pod", "score.pod"),
    ("far", "score.far"),
    ("csi", "score.csi"),
    ("hss", "score.hss"),
    ("pss", "score.pss"),
    ("pai", "score.pai"),
    ("auc", "score.auc"),
    ("kendall_tau_b", "score.tau"),
    ("gk_gamma", "score.gamma"),
    ("disruptions_rate_ratio", "score.rate_ratio"),
    ("brier", "score.brier"),
)


def score_table(review: Evaluation, *, lang: str = "en") -> None:
    """The headline verification scores with their intervals and what each means."""
    counts = review.counts
    rows = []
    for name, key in _SCORES:
        score = review.score(name)
        value, low, high = score.estimate, score.ci_low, score.ci_high
        if pd.isna(value):
            continue
        interval = format_range(low, high, lang=lang, digits=2)
        rows.append(
            {
                t("col.score", lang): t(key, lang),
                t("col.value", lang): number_text(value, 2, lang=lang),
                t("col.interval", lang): interval,
                t("col.meaning", lang): t(f"{key}.help", lang),
            }
        )
    count = lambda n: format_integer(n, lang=lang)  # noqa: E731
    line = (
        f"{t('col.hits', lang)} {count(counts.hits)} · "
        f"{t('col.misses', lang)} {count(counts.misses)} · "
        f"{t('col.false_alarms', lang)} {count(counts.false_alarms)} · "
        f"{t('col.correct_negatives', lang)} {count(counts.correct_negatives)}"
    )
    numbers = [t("col.value", lang), t("col.interval", lang)]  # text of numbers: right
    show_html(f"<p>{esc(line)}</p>" + html_table(pd.DataFrame(rows), numeric=numbers, lang=lang))


def span_table(
    spans: pd.DataFrame,
    event: Event,
    *,
    lang: str = "en",
    shortfall: bool = False,
    name: str = "windows",
    tables_dir: str | os.PathLike | None = None,
) -> str:
    """Runs of windows (misses, false alarms, under-staffing) as an escaped table; with
    ``shortfall=True`` the officer-hours below plan are shown too. Capped as
    :func:`~sra_analysis.reports.html_tables.capped_table` does, the full table saved as
    ``<tables_dir>/<name>.csv``."""
    if spans.empty:
        return f'<p class="sra-muted">{esc(t("report.none", lang))}</p>'
    frame = pd.DataFrame(
        {
            t("ring", lang): [event.meta.ring(r).label(lang) for r in spans["ring"]],
            t("col.from", lang): [_when(v, lang) for v in spans["start"]],
            t("col.to", lang): [_when(v, lang) for v in spans["end"]],
            t("col.hours", lang): spans["hours"],
            t("predicted_level", lang): [level_label(str(v), lang) for v in spans["max_level"]],
            t("incidents", lang): spans["incidents"],
            t("disruptions", lang): spans["disruptions"],
            t("col.shortfall", lang): spans["shortfall_officer_hours"],
        }
    )
    if not shortfall:
        frame = frame.drop(columns=[t("col.shortfall", lang)])
    return capped_table(
        frame, name=name, lang=lang, tables_dir=tables_dir, digits=0,
        numeric=[t("col.hours", lang), t("col.shortfall", lang)],
    )  # fmt: skip


def incident_table(
    incidents: pd.DataFrame,
    event: Event,
    *,
    lang: str = "en",
    name: str = "incidents",
    tables_dir: str | os.PathLike | None = None,
) -> None:
    """Incidents as an escaped table (time, ring, category, severity, description), then the
    severity scale's legend.

    Descriptions and other text are cut at 300 characters; past 100 incidents the table
    says how many more there are, and the full table (text uncut) goes to
    ``<tables_dir>/<name>.csv``."""
    if incidents.empty:
        show_html(f'<p class="sra-muted">{esc(t("report.none", lang))}</p>')
        return
    frame = pd.DataFrame(
        {
            "ID": incidents["incident_id"],
            t("time", lang): [_when(v, lang) for v in incidents["reported_at"]],
            t("ring", lang): [event.meta.ring(str(r)).label(lang) for r in incidents["ring"]],
            t("category", lang): category_labels(
                incidents, lang=lang, vocabulary=event.meta.vocabulary
            ),  # the label, or for other the text written; escaped with the table
            t("severity", lang): incidents["severity"],
            t("disruptions", lang): incidents["disrupted_proceedings"].map({True: "✔", False: ""}),
            t("description", lang): incidents["description"],
        }
    )
    show_html(capped_table(frame, name=name, lang=lang, tables_dir=tables_dir))
    show_html(severity_legend(lang))


def sra_items_table(
    review: Evaluation, *, lang: str = "en", tables_dir: str | os.PathLike | None = None
) -> None:
    """Each SRA item with its level, span and the incidents linked to it (capped; the full
    table goes to ``<tables_dir>/sra_items.csv``)."""
    items = review.sra_items
    if items.empty:
        show_html(f'<p class="sra-muted">{esc(t("report.none", lang))}</p>')
        return
    frame = pd.DataFrame(
        {
            "ID": items["risk_id"],
            t("col.threat", lang): items["threat"],
            t("ring", lang): items["ring"].astype(str).replace({"all": t("chart.all_rings", lang)}),
            t("predicted_level", lang): [
                f"{level_label(str(v), lang)} ({s})"
                for v, s in zip(items["level"], items["score"], strict=True)
            ],
            t("col.from", lang): [_when(v, lang) for v in items["window_start"]],
            t("col.to", lang): [_when(v, lang) for v in items["window_end"]],
            t("incidents", lang): items["linked_incidents"],
            t("disruptions", lang): items["linked_disruptions"],
            t("col.outcome", lang): [
                t("realised" if r else "not_realised", lang) for r in items["realised"]
            ],
        }
    )
    show_html(capped_table(frame, name="sra_items", lang=lang, tables_dir=tables_dir))


def findings_list(review: Evaluation, *, lang: str = "en") -> None:
    """Strengths, areas for improvement and notes, each with the number behind it."""
    groups = []
    for kind in ("strength", "improvement", "note"):
        items = [f for f in review.findings if f.kind == kind]
        if not items:
            continue
        lis = "".join(
            f'<li class="sra-finding {kind}">{esc(clip(f.text(lang), FINDING_LIMIT))}</li>'
            for f in items
        )
        groups.append(f"<h3>{esc(t(f'finding.{kind}s', lang))}</h3><ul>{lis}</ul>")
    show_html("".join(groups) or esc(t("report.none", lang)))


def improvement_plan(
    review: Evaluation, *, lang: str = "en", workbook: str | os.PathLike | None = None
) -> None:
    """The improvement-plan table: one row per area for improvement, actions to fill in.

    With ``workbook`` (where the notebook wrote ``improvement_plan.xlsx``, see
    :func:`~sra_analysis.reports.improvement_plan.write_improvement_plan`) a link to it comes
    first, relative to the report beside it.
    """
    from sra_analysis.reports.files import placed_name

    link = ""
    if workbook is not None:
        name = placed_name(workbook)
        link = (
            f'<p class="sra-plan-file"><a href="{esc(quote(name))}">{esc(t("plan.link", lang))}'
            f"</a> ({esc(name)})</p>"
        )
    rows = [f for f in review.findings if f.kind == "improvement"]
    frame = pd.DataFrame(
        {
            t("col.finding", lang): [f.text(lang) for f in rows],
            t("col.action", lang): "",
            t("col.owner", lang): "",
            t("col.due", lang): "",
            t("col.status", lang): "",
        }
    )
    show_html(link + html_table(frame, text_limit=FINDING_LIMIT, lang=lang))


def data_quality(
    event: Event, *, lang: str = "en", tables_dir: str | os.PathLike | None = None
) -> None:
    """Rows read, accepted and set aside per file, and every issue; a long list of issues is
    capped, the full list (as shown) saved as ``<tables_dir>/data_quality_<file>.csv``.

    Values from the staffing file are shown by the rule of :mod:`sra_analysis.privacy`:
    officer ids, and anything that could be one, appear only as pseudonyms.
    """
    columns = ["file", "rows_read", "accepted", "quarantined", "blank", "duplicates",
               "warnings", "encoding"]  # fmt: skip
    counts = pd.DataFrame([q.to_dict() for q in event.quality.values()])[columns]
    counts = counts.rename(columns={c: t(f"dq.{c}", lang) for c in columns})
    parts = [html_table(counts, lang=lang)]
    for kind, quality in event.quality.items():
        issues = quality.issues
        if issues.empty:
            continue
        if kind == "staffing":  # already safe when loaded; showing it again changes nothing
            issues = redact_issues(issues, ring_labels=event.meta.ring_lookup().keys())
        parts.append(f"<h3>{esc(quality.file)}</h3>")
        shown = ["row", "column", "value", "reason", "action"]
        issues = issues.assign(
            reason=issue_reasons(issues, lang),
            action=[t(f"action.{a}", lang) for a in issues["action"]],
        )
        parts.append(
            capped_table(
                issues[shown].rename(columns={c: t(f"dq.{c}", lang) for c in shown}),
                name=f"data_quality_{Path(quality.file).stem}",
                lang=lang,
                tables_dir=tables_dir,
            )
        )
    show_html("".join(parts))


def provenance(review: Evaluation, *, lang: str | None = None) -> None:
    """Version, time, parameters and the sha256 of every input file, in ``lang`` (default:
    the report's own, from its parameters)."""
    info = review.provenance
    if lang is None:
        lang = str((info.get("parameters") or {}).get("lang") or "en")
    files = info.get("inputs", {})
    inputs = pd.DataFrame(
        {t("dq.file", lang): list(files), t("dq.sha256", lang): list(files.values())}
    )
    parameters = json.dumps(info.get("parameters", {}), ensure_ascii=False)
    generated = info.get("generated_at")
    if generated:
        moment = pd.Timestamp(generated)
        generated = f"{format_datetime(moment, lang=lang)} UTC"
    show_html(
        f"<p>sra_analysis {esc(info.get('sra_analysis_version'))} · "
        f"{esc(generated)}</p><p><code>{esc(parameters)}</code></p>" + html_table(inputs)
    )
