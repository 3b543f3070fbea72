"""The roll-up's first screen for a Polda planner, decided here and worded through labels.

:func:`events_to_review_first` ranks the events a planner should open first, each with its
reasons in plain words; :func:`plain_answer` says in a few sentences what the province's SRAs
get right, what they keep missing, where staffing fell short of plan when it mattered, which
events to look at first and how many findings recur. :func:`planner_results` runs it all on
what the roll-up read (the reports' summaries and pooled windows) and returns the keys
``rollup.json`` carries. No statistics word is used: the numbers are counts, and the tests
stay in the analyst annex.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from sra_analysis.labels import check_lang, level_label, t
from sra_analysis.labels.formats import format_number, time_separator
from sra_analysis.rollup.recurring import (
    aar_findings,
    recurring_improvements,
    recurring_strengths,
    summary_body,
)
from sra_analysis.rollup.staffing import StaffingVsPlan, staffing_vs_plan
from sra_analysis.zones import ZONES, zone_label

__all__ = [
    "ANCHORS",
    "events_to_review_first",
    "hours_text",
    "place_text",
    "plain_answer",
    "planner_results",
]

#: The sections of the first screen each sentence links to (HTML ids).
ANCHORS: dict[str, str] = {
    "right": "rollup-strengths", "missing": "rollup-recurring", "staffing": "rollup-staffing",
    "first": "rollup-first", "recurring": "rollup-recurring",
}  # fmt: skip

_SHOWN = 3  # items named in one sentence


def place_text(ring, ring_name, lang: str) -> str:
    """A pooled ring as a reader sees it: a zone's label, else its name or number.

    Examples
    --------
    >>> place_text("perimeter", None, "id")
    'Ring 3 – pagar, gerbang dan parkir'
    >>> place_text("gudang logistik", "Gudang logistik", "id")
    'Gudang logistik'
    """
    if ring in ZONES:
        return zone_label(ring, lang)
    return str(ring_name or ring)


def hours_text(first: int, last: int, lang: str) -> str:
    """Whole hours of the day as a plan writes them, e.g. 13.00–16.59 in Indonesian.

    Examples
    --------
    >>> hours_text(13, 16, "id"), hours_text(9, 9, "en")
    ('13.00–16.59', '09:00–09:59')
    """
    colon = time_separator(lang)
    return f"{int(first):02d}{colon}00–{int(last):02d}{colon}59"


def _grade(summary: Mapping) -> str | None:
    verdict = summary.get("verdict") if isinstance(summary, Mapping) else None
    grade = verdict.get("grade") if isinstance(verdict, Mapping) else None
    return grade if isinstance(grade, str) else None


def _flag_level(summary: Mapping) -> str:
    prediction = summary.get("prediction") if isinstance(summary, Mapping) else None
    flag = prediction.get("flag_level") if isinstance(prediction, Mapping) else None
    return flag if isinstance(flag, str) else "high"


def events_to_review_first(
    summaries: Mapping[str, Mapping],
    windows: pd.DataFrame,
    staffing: StaffingVsPlan,
    *,
    limit: int = 5,
    lang: str = "en",
) -> pd.DataFrame:
    """The events a planner should open first, with the reasons in plain words.

    An event is listed when its review graded the SRA poor, a disruption came in hours its SRA
    rated below its flag level, or it was staffed below plan when it mattered. The order is
    that of ``rollup.first.rule``: poor grades first, then the most disruptions in hours rated
    below the flag level, then the largest gap in officers.

    Parameters
    ----------
    summaries : mapping of event id to ReportSummary or ``summary.json`` body
    windows : DataFrame
        Pooled windows with ``event_id``, ``disruptions`` and ``flagged``.
    staffing : StaffingVsPlan
        :func:`~sra_analysis.rollup.staffing.staffing_vs_plan` of the same windows.
    limit : int, default 5
    lang : {"en", "id"}, default "en"

    Returns
    -------
    DataFrame
        ``event_id``, ``grade``, ``flag_level``, ``missed_disruptions``, ``officers_short``,
        ``reasons`` (list of text) and ``reason`` (joined), first to look at first.
    """
    lang = check_lang(lang)
    columns = ["event_id", "grade", "flag_level", "missed_disruptions", "officers_short",
               "reasons", "reason"]  # fmt: skip
    unflagged = ~windows["flagged"].fillna(False).astype(bool)
    missed = windows.loc[unflagged, "disruptions"].groupby(
        windows.loc[unflagged, "event_id"].astype(str)
    ).sum()  # fmt: skip
    gaps = staffing.by_event.set_index("event_id") if len(staffing.by_event) else None
    colon = time_separator(lang)
    rows = []
    for event_id, summary in summaries.items():
        event_id, summary = str(event_id), summary_body(summary)
        grade, flag = _grade(summary), _flag_level(summary)
        count = int(missed.get(event_id, 0))
        gap = gaps.loc[event_id] if gaps is not None and event_id in gaps.index else None
        short = float(gap["officers_short"]) if gap is not None else np.nan
        reasons = []
        if grade == "poor":
            reasons.append(t("rollup.first.poor", lang))
        if count:
            shown = format_number(count, lang=lang, digits=0)
            reasons.append(
                t("rollup.first.missed", lang, count=shown, level=level_label(flag, lang))
            )
        if np.isfinite(short) and short > 0:
            reasons.append(t(
                "rollup.first.gap", lang, short=format_number(short, lang=lang, digits=0),
                planned=format_number(gap["planned_staff"], lang=lang, digits=0),
                zone=place_text(gap["ring"], gap["ring_name"], lang), day=int(gap["day"]),
                hour=f"{int(gap['hour']):02d}{colon}00",
            ))  # fmt: skip
        if reasons:
            rows.append({"event_id": event_id, "grade": grade, "flag_level": flag,
                         "missed_disruptions": count,
                         "officers_short": short if np.isfinite(short) else 0.0,
                         "reasons": reasons, "reason": "; ".join(reasons)})  # fmt: skip
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out
    out = out.assign(_poor=out["grade"] == "poor").sort_values(
        ["_poor", "missed_disruptions", "officers_short", "event_id"],
        ascending=[False, False, False, True],
    )
    return out[columns].head(limit).reset_index(drop=True)


def _sentence(key: str, part: str, lang: str, **values) -> dict:
    return {"key": key, "text": t(key, lang, **values), "anchor": ANCHORS[part]}


def plain_answer(
    *,
    strengths: pd.DataFrame,
    recurring: pd.DataFrame,
    staffing: StaffingVsPlan,
    first: pd.DataFrame,
    lang: str = "en",
) -> list[dict]:
    """The first screen's sentences: what goes right, what keeps being missed, where
    staffing fell short of plan when it mattered, what to look at first, what recurs.

    Parameters
    ----------
    strengths : DataFrame
        :func:`~sra_analysis.rollup.recurring.recurring_strengths`.
    recurring : DataFrame
        :func:`~sra_analysis.rollup.recurring.recurring_improvements`.
    staffing : StaffingVsPlan
    first : DataFrame
        :func:`events_to_review_first`.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    list of dict
        Five sentences (six when ring-hours that mattered had no staffing plan), each
        ``key`` (its label), ``text`` and ``anchor`` (the section it sums up,
        :data:`ANCHORS`).
    """
    lang = check_lang(lang)
    number = lambda v: format_number(v, lang=lang, digits=0)  # noqa: E731
    out = []
    if len(strengths):
        items = [t(f"rollup.plain.strength.{row.kind}", lang, events=number(row.events))
                 for row in strengths.itertuples(index=False)]  # fmt: skip
        out.append(_sentence("rollup.plain.right", "right", lang, items="; ".join(items)))
    else:
        out.append(_sentence("rollup.plain.right_none", "right", lang))
    missing = recurring[recurring["kind"].isin(["missed", "unanticipated"])].head(_SHOWN)
    if len(missing):
        items = [
            t("rollup.plain.missing_item", lang, category=row.category_label,
              zone=row.ring_name, how=t(f"rollup.plain.how.{row.kind}", lang),
              events=number(row.events))
            for row in missing.itertuples(index=False)
        ]  # fmt: skip
        out.append(_sentence("rollup.plain.missing", "missing", lang, items="; ".join(items)))
    else:
        out.append(_sentence("rollup.plain.missing_none", "missing", lang))
    cells = staffing.cells
    with_plan = int(cells["windows_with_plan"].sum()) if len(cells) else 0
    if len(staffing.shortfalls):
        worst = staffing.shortfalls.iloc[0]
        out.append(_sentence(
            "rollup.plain.staffing", "staffing", lang,
            zone=place_text(worst["ring"], worst["ring_name"], lang),
            hours=hours_text(worst["first_hour"], worst["last_hour"], lang),
            below=number(worst["windows_below_plan"]),
            with_plan=number(worst["windows_with_plan"]),
            events=number(worst["events_below_plan"]),
            served=number(worst["served_officer_hours"]),
            planned=number(worst["planned_officer_hours"]),
        ))  # fmt: skip
    elif with_plan:
        out.append(_sentence("rollup.plain.staffing_none", "staffing", lang))
    else:
        out.append(_sentence("rollup.plain.staffing_no_plan", "staffing", lang))
    without = int(cells["windows_without_plan"].sum()) if len(cells) else 0
    if without and with_plan:
        out.append(_sentence("rollup.plain.without_plan", "staffing", lang,
                             count=number(without),
                             total=number(cells["windows"].sum())))  # fmt: skip
    if len(first):
        names = ", ".join(first["event_id"].head(_SHOWN))
        out.append(_sentence("rollup.plain.first", "first", lang, events=names))
    else:
        out.append(_sentence("rollup.plain.first_none", "first", lang))
    if len(recurring):
        out.append(_sentence("rollup.plain.recurring", "recurring", lang,
                             count=number(len(recurring))))  # fmt: skip
    else:
        out.append(_sentence("rollup.plain.recurring_none", "recurring", lang))
    return out


def _category_labels(incidents: pd.DataFrame | None, lang: str) -> dict[str, str]:
    """Each category code's label in ``lang`` as the events' reports carried it."""
    column = f"category_label_{lang}"
    if incidents is None or column not in getattr(incidents, "columns", ()):
        return {}
    known = incidents[["category", column]].dropna()
    known = known[known[column].astype(str) != ""]
    return {
        str(code): str(labels.mode().iloc[0])
        for code, labels in known.groupby("category")[column]
        if len(labels)
    }


def _with_staffing(windows: pd.DataFrame) -> pd.DataFrame:
    """The windows with the staffing columns a report written before the staffing plan
    lacks: no plan (every ring-hour counted as without one), the mean headcount from the
    officer-hours, no lowest headcount."""
    missing = {
        "planned_staff": lambda w: np.nan,
        "mean_staff": lambda w: w["officer_hours"] / w["hours"].where(w["hours"] > 0),
        "min_staff": lambda w: np.nan,
    }
    added = {name: make for name, make in missing.items() if name not in windows.columns}
    return windows.assign(**added) if added else windows


def planner_results(
    summaries: Mapping[str, Mapping],
    tables: Mapping[str, pd.DataFrame],
    *,
    lang: str = "en",
    min_events: int = 2,
) -> dict:
    """The first screen's analysis, as the objects ``rollup.json`` carries.

    Parameters
    ----------
    summaries : mapping of event id to ReportSummary or ``summary.json`` body
    tables : mapping
        The pooled ``windows`` (and ``incidents``, for the categories' labels).
    lang : {"en", "id"}, default "en"
    min_events : int, default 2
        Events a finding or a shortfall must recur in.

    Returns
    -------
    dict
        ``plain_answer`` (the sentences), ``staffing_vs_plan`` (a
        :class:`~sra_analysis.rollup.staffing.StaffingVsPlan`), ``recurring_improvements``,
        ``recurring_strengths``, ``events_to_review_first`` and ``aar_not_read`` (reviews or
        findings that could not be read, with the reason).
    """
    lang = check_lang(lang)
    windows = _with_staffing(tables["windows"])
    staffing = staffing_vs_plan(windows, min_events=min_events, lang=lang)
    found = aar_findings(summaries, windows, lang=lang)
    recurring = recurring_improvements(
        found.improvements, min_events=min_events, lang=lang,
        category_labels=_category_labels(tables.get("incidents"), lang),
    )  # fmt: skip
    strengths = recurring_strengths(found.strengths, min_events=min_events)
    first = events_to_review_first(summaries, windows, staffing, lang=lang)
    sentences = plain_answer(strengths=strengths, recurring=recurring, staffing=staffing,
                             first=first, lang=lang)  # fmt: skip
    return {
        "plain_answer": sentences,
        "staffing_vs_plan": staffing,
        "recurring_improvements": recurring,
        "recurring_strengths": strengths,
        "events_to_review_first": first,
        "aar_not_read": found.unreadable,
    }
