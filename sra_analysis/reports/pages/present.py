"""What a review notebook displays: escaped HTML fragments, figures that draw offline.

Notebooks stay thin by calling these helpers. Every piece of text that came from an input
file is escaped here before it becomes HTML. Figures are displayed as data, in Plotly's own
mimetype, which JupyterLab, Notebook 7 and VS Code draw themselves; the HTML export makes
each a chart drawn by the one plotly.js of the page
(:func:`~sra_analysis.reports.batch.report_html.export_html`), so the notebook never carries the
library. Headings and the setup call are in :mod:`sra_analysis.reports.pages.session`; the first
screen and the overview in :mod:`~sra_analysis.reports.pages.overview`, the after-action review
and its plan in :mod:`~sra_analysis.reports.pages.aar_present`, the statistics of the analyst annex
in :mod:`~sra_analysis.reports.pages.annex` (:func:`headline_tiles` is re-exported from there) and
the glossary in :mod:`~sra_analysis.reports.pages.glossary_section`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from sra_analysis.event import Event
from sra_analysis.io.reasons import issue_reasons
from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_datetime, format_integer, format_range
from sra_analysis.privacy import redact_issues
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
from sra_analysis.reports.pages.aar_present import summary_html
from sra_analysis.reports.pages.annex import headline_tiles, verdict_html
from sra_analysis.reports.pages.legends import severity_legend
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.vocabulary import category_labels

__all__ = [
    "data_quality",
    "esc",
    "findings_list",
    "headline_tiles",
    "html_table",
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
    chart (:mod:`sra_analysis.reports.batch.figure_html`).
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
    """The first screen of the analysis notebooks: title, the grade and the commander's
    summary (each sentence linked to its evidence), then the verdict on the SRA, the key
    numbers and the rings at a glance. The review report splits these between its summary
    (:func:`~sra_analysis.reports.pages.overview.summary_page`) and its analyst annex
    (:func:`~sra_analysis.reports.pages.annex.verdict_box`)."""
    from sra_analysis.reports.pages.overview import title_html

    show_html(
        title_html(event, review, lang=lang)
        + summary_html(review, lang=lang)
        + verdict_html(event, review, lang=lang)
    )


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
