"""What the focused notebooks show beyond the full report — the slice they cover, and the
breakdowns of :mod:`sra_analysis.review.breakdowns` as escaped tables — and the span and
incident sections they share with it, each under its own heading.

``risk_vs_observed`` asks "was the SRA right?" ring by ring and day by day;
``staffing_vs_incidents`` asks "was staffing matched to risk and to what happened?" the same
way. Both may review a slice of the event (some rings, a time span); :func:`slice_note` says
so at the top, so a reader never takes a part for the whole.
"""

from __future__ import annotations

import os

import pandas as pd

from sra_analysis.event import Event, EventMeta
from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import (
    format_date,
    format_datetime,
    format_number,
    format_range,
)
from sra_analysis.reports.html_tables import MISSING, esc, html_table, is_missing
from sra_analysis.reports.pages.legends import plan_source_note, plan_vs_served_html
from sra_analysis.reports.pages.present import incident_table, show_html, span_table
from sra_analysis.reports.pages.session import heading
from sra_analysis.review import breakdowns
from sra_analysis.review.evaluate import Evaluation

__all__ = [
    "missed_and_false_alarm_windows",
    "rate_by_level_per_ring_table",
    "scores_by_day_table",
    "slice_note",
    "staffing_by_day_table",
    "unanticipated_incidents",
    "understaffed_windows",
]


def _ring_label(meta: EventMeta | None, ring: str, lang: str) -> str:
    return meta.ring(ring).label(lang) if meta is not None else ring


def _rates(table: pd.DataFrame, name: str, lang: str) -> list[str]:
    """``rate (low–high)`` per row of a rate table, ``–`` for what is missing."""
    out = []
    rows = zip(
        table[f"{name}_rate"], table[f"{name}_ci_low"], table[f"{name}_ci_high"], strict=True
    )
    for rate, low, high in rows:
        text = MISSING if is_missing(rate) else format_number(rate, lang=lang, digits=2)
        if not (is_missing(low) or is_missing(high)):
            text += f" ({format_range(low, high, lang=lang, digits=2)})"
        out.append(text)
    return out


def slice_note(event: Event, whole: Event, *, lang: str = "en") -> None:
    """Say which part of the event is reviewed, and how many of its incidents that part
    holds; nothing when ``event`` is the whole event."""
    if event is whole:
        return
    meta = event.meta
    rings = ", ".join(r.label(lang) for r in meta.rings)
    text = t(
        "slice.note", lang, rings=rings, start=format_datetime(meta.start, lang=lang),
        end=format_datetime(meta.end, lang=lang),
        incidents=format_number(len(event.incidents), lang=lang, digits=0),
        total=format_number(len(whole.incidents), lang=lang, digits=0),
    )  # fmt: skip
    show_html(f'<div class="sra-verdict mixed">{esc(text)}</div>')


def rate_by_level_per_ring_table(review: Evaluation, *, lang: str = "en") -> None:
    """Rates per ring-hour by predicted level in each ring, each with its exact 95% interval.

    The tidy frame behind the table is
    :func:`sra_analysis.review.breakdowns.rate_by_level_per_ring`.
    """
    table = breakdowns.rate_by_level_per_ring(review.windows)
    shown = pd.DataFrame(
        {
            t("ring", lang): [_ring_label(review.meta, r, lang) for r in table["ring"]],
            t("predicted_level", lang): [level_label(v, lang) for v in table["level"]],
            t("col.hours", lang): table["hours"],
            t("incidents", lang): table["incidents"],
            t("col.incident_rate", lang): _rates(table, "incident", lang),
            t("disruptions", lang): table["disruptions"],
            t("col.disruption_rate", lang): _rates(table, "disruption", lang),
        }
    )
    numeric = [t(k, lang) for k in ("col.hours", "incidents", "col.incident_rate",
                                    "disruptions", "col.disruption_rate")]  # fmt: skip
    show_html(html_table(shown, numeric=numeric, digits=1, lang=lang))


def _day_text(days: pd.Series, lang: str) -> list[str]:
    return [format_date(day, lang=lang, style="weekday_year") for day in days]


def scores_by_day_table(review: Evaluation, *, lang: str = "en") -> None:
    """Hits, misses, false alarms, POD and FAR per ring and day.

    The tidy frame behind the table is
    :func:`sra_analysis.review.breakdowns.scores_by_day`.
    """
    table = breakdowns.scores_by_day(review.windows)
    shown = pd.DataFrame(
        {
            t("ring", lang): [_ring_label(review.meta, r, lang) for r in table["ring"]],
            t("col.day", lang): _day_text(table["day"], lang),
            t("col.hours", lang): table["hours"],
            t("col.flagged_hours", lang): table["flagged_hours"],
            t("incidents", lang): table["incidents"],
            t("disruptions", lang): table["disruptions"],
            t("col.hits", lang).capitalize(): table["hits"],
            t("col.misses", lang).capitalize(): table["misses"],
            t("col.false_alarms", lang).capitalize(): table["false_alarms"],
            t("score.pod", lang): table["pod"],
            t("score.far", lang): table["far"],
        }
    )
    show_html(html_table(shown, numeric=list(shown.columns[2:]), digits=2, lang=lang))


def staffing_by_day_table(review: Evaluation, *, lang: str = "en") -> None:
    """Officer-hours against plan, hours and officer-hours short, and incidents per 100
    officer-hours, per ring and day.

    The tidy frame behind the table is
    :func:`sra_analysis.review.breakdowns.staffing_by_day`.
    """
    table = breakdowns.staffing_by_day(review.windows)
    columns = {
        "officer_hours": t("officer_hours", lang),
        "planned_officer_hours": t("col.planned_officer_hours", lang),
        "planned_hours": t("col.planned_hours", lang),
        "hours_below_plan": t("col.hours_below_plan", lang),
        "shortfall_officer_hours": t("col.shortfall", lang),
        "incidents": t("incidents", lang),
        "disruptions": t("disruptions", lang),
        "incidents_per_100_officer_hours": t("incidents_per_100_officer_hours", lang),
    }
    shown = pd.DataFrame(
        {
            t("ring", lang): [_ring_label(review.meta, r, lang) for r in table["ring"]],
            t("col.day", lang): _day_text(table["day"], lang),
            **{label: table[name] for name, label in columns.items()},
        }
    )
    show_html(html_table(shown, numeric=list(columns.values()), digits=1, lang=lang))


def missed_and_false_alarm_windows(
    event: Event,
    review: Evaluation,
    *,
    lang: str = "en",
    tables_dir: str | os.PathLike | None = None,
    level: int = 3,
) -> None:
    """Disruptions in windows rated below the flag level, then flagged windows without a
    disruption, each as runs of windows under its own heading (of ``level``)."""
    for key, spans, name in (
        ("section.missed_windows", review.misses, "missed_windows"),
        ("section.false_alarm_windows", review.false_alarms, "false_alarm_windows"),
    ):
        heading(key, lang, level=level)
        show_html(span_table(spans, event, lang=lang, name=name, tables_dir=tables_dir))


def unanticipated_incidents(
    event: Event,
    review: Evaluation,
    *,
    lang: str = "en",
    tables_dir: str | os.PathLike | None = None,
    level: int = 3,
) -> None:
    """The incidents no SRA item anticipated, under their heading (of ``level``)."""
    heading("section.unanticipated", lang, level=level)
    incident_table(
        review.unanticipated, event, lang=lang, name="unanticipated_incidents",
        tables_dir=tables_dir,
    )  # fmt: skip


def understaffed_windows(
    event: Event,
    review: Evaluation,
    *,
    lang: str = "en",
    tables_dir: str | os.PathLike | None = None,
    level: int = 3,
    plan: bool = True,
) -> None:
    """Where the plan line comes from and planned against served per ring (unless
    ``plan=False``: the review report shows them in its overview, :func:`~sra_analysis.
    reports.overview.overview_section`), then the flagged windows staffed below plan, as runs
    of windows with the officer-hours short, under their heading (of ``level``)."""
    if plan:
        show_html(plan_source_note(review, lang=lang) + plan_vs_served_html(review, lang=lang))
    heading("section.understaffed", lang, level=level)
    show_html(
        span_table(
            review.understaffed, event, lang=lang, shortfall=True,
            name="understaffed_windows", tables_dir=tables_dir,
        )
    )  # fmt: skip
