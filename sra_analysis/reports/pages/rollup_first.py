"""The roll-up report's first screen, for a Polda planner, in plain words.

What the province's SRAs get right and keep missing, where staffing fell short of plan when
it mattered, the findings that recur with a recommendation for the province, and the events
to look at first — from the ``results`` the roll-up wrote to ``rollup.json``
(:func:`sra_analysis.rollup.planner_results`), so the page and the file agree. No statistics
word appears before :func:`annex_heading`; everything statistical follows it
(:mod:`sra_analysis.reports.pages.rollup_present`).
"""

from __future__ import annotations

import pandas as pd

from sra_analysis.labels import t
from sra_analysis.labels.formats import format_percent
from sra_analysis.reports.html_tables import MISSING, esc, html_table, number_text
from sra_analysis.reports.pages.present import show_html
from sra_analysis.reports.pages.rollup_present import RollupSession, _date, _link
from sra_analysis.rollup.first_look import ANCHORS, hours_text, place_text

__all__ = [
    "ANNEX_ANCHOR",
    "annex_heading",
    "first_screen",
    "recurring_section",
    "review_first_section",
    "shortfalls_table",
    "staffing_section",
    "strengths_section",
]

#: The id of the analyst annex's heading.
ANNEX_ANCHOR = "rollup-annex"
_EVENTS_SHOWN = 8  # event ids named in one cell of the recurring table


def _heading(key: str, anchor: str, lang: str, *, level: int = 2) -> str:
    return f'<h{level} id="{esc(anchor)}">{esc(t(key, lang))}</h{level}>'


def first_screen(session: RollupSession) -> None:
    """The title, the events and dates pooled, and the plain answer: each sentence linked
    to the section below that shows it."""
    results, lang, summaries = session.results, session.lang, session.summaries
    starts = [s.event.start for s in summaries if s.event.start]
    ends = [s.event.end for s in summaries if s.event.end]
    subtitle = t(
        "rollup.subtitle", lang, first=_date(min(starts, default=None), lang),
        last=_date(max(ends, default=None), lang), events=len(summaries),
        skipped=len(results["set_aside"]),
    )  # fmt: skip
    link = esc(t("aar.evidence", lang))
    items = "".join(
        f'<li>{esc(s["text"])} <a href="#{esc(s["anchor"])}">{link}</a></li>'
        for s in results["plain_answer"]
    )
    show_html(
        f"<h1>{esc(t('rollup.title', lang, events=len(summaries)))}</h1>"
        f'<div class="sra-subtitle">{esc(subtitle)}</div>'
        f'<div class="sra-verdict plain" id="rollup-answer">'
        f"<b>{esc(t('rollup.section.answer', lang))}</b><ul>{items}</ul></div>"
    )


def staffing_section(session: RollupSession) -> None:
    """The heading of where staffing fell short of plan when it mattered, and what counts;
    the notebook draws :func:`~sra_analysis.charts.rollup_staffing.staffing_gap_heatmap`
    under it, then :func:`shortfalls_table`."""
    lang = session.lang
    show_html(
        _heading("rollup.section.staffing", ANCHORS["staffing"], lang)
        + f'<p class="sra-note">{esc(t("rollup.staffing.intro", lang))}</p>'
    )


def shortfalls_table(session: RollupSession) -> None:
    """The runs of hours of one ring below plan when it mattered in two events or more,
    largest shortfall first: planned against served officer-hours, and the events."""
    lang = session.lang
    body = session.results["staffing_vs_plan"]
    short = pd.DataFrame(body["shortfalls"])
    if short.empty:
        show_html(f"<p>{esc(t('rollup.staffing.none', lang))}</p>")
        return
    frame = pd.DataFrame({
        t("ring", lang): [place_text(r, n, lang) for r, n in
                          zip(short["ring"], short["ring_name"], strict=True)],
        t("rollup.col.span", lang): [hours_text(a, b, lang) for a, b in
                                     zip(short["first_hour"], short["last_hour"], strict=True)],
        t("rollup.col.below_plan", lang): [
            f"{number_text(b, lang=lang)} / {number_text(w, lang=lang)} "
            f"({format_percent(s, lang=lang)})"
            for b, w, s in zip(short["windows_below_plan"], short["windows_with_plan"],
                               short["share_below_plan"], strict=True)
        ],
        t("rollup.col.planned_oh", lang): short["planned_officer_hours"].round(0),
        t("rollup.col.served_oh", lang): short["served_officer_hours"].round(0),
        t("rollup.col.no_plan", lang): short["windows_without_plan"],
        t("rollup.col.events", lang): short["events_below_plan"],
    })  # fmt: skip
    show_html(html_table(frame, numeric=list(frame.columns[3:]), digits=0, lang=lang))


def _events_cell(ids: list[str]) -> str:
    shown = ", ".join(ids[:_EVENTS_SHOWN])
    return shown + (f", … (+{len(ids) - _EVENTS_SHOWN})" if len(ids) > _EVENTS_SHOWN else "")


def recurring_section(session: RollupSession) -> None:
    """The findings of the events' reviews that recur in two events or more, each with the
    events and one recommendation for the province."""
    lang = session.lang
    rows = pd.DataFrame(session.results["recurring_improvements"])
    parts = [_heading("rollup.section.recurring", ANCHORS["recurring"], lang)]
    unread = session.results.get("aar_not_read") or []
    without = sorted({row["event_id"] for row in unread})
    if without:
        parts.append(
            f'<p class="sra-note">{esc(t("rollup.recurring.not_read", lang, count=len(without)))}'
            "</p>"
        )
    if rows.empty:
        show_html("".join(parts) + f"<p>{esc(t('rollup.recurring.none', lang))}</p>")
        return
    frame = pd.DataFrame({
        t("rollup.col.finding", lang): [t(f"aar.kind.{k}", lang) for k in rows["kind"]],
        t("category", lang): rows["category_label"].fillna(MISSING),
        t("rollup.col.where", lang): rows["ring_name"],
        t("rollup.col.events", lang): rows["events"],
        t("rollup.col.event_list", lang): [_events_cell(list(x)) for x in rows["event_ids"]],
        t("rollup.col.priority", lang): [t(f"aar.priority.{p}", lang) for p in rows["priority"]],
        t("rollup.col.recommendation", lang): rows["recommendation"],
    })  # fmt: skip
    show_html("".join(parts) + html_table(frame, numeric=[frame.columns[3]], text_limit=400,
                                          lang=lang))  # fmt: skip


def strengths_section(session: RollupSession) -> None:
    """The kinds of strength the events' reviews found in two events or more."""
    lang = session.lang
    rows = pd.DataFrame(session.results["recurring_strengths"])
    head = _heading("rollup.section.strengths", "rollup-strengths", lang, level=3)
    if rows.empty:
        show_html(head + f"<p>{esc(t('rollup.strengths.none', lang))}</p>")
        return
    frame = pd.DataFrame({
        t("rollup.col.strength", lang): [t(f"aar.kind.{k}", lang) for k in rows["kind"]],
        t("rollup.col.events", lang): rows["events"],
        t("rollup.col.event_list", lang): [_events_cell(list(x)) for x in rows["event_ids"]],
    })  # fmt: skip
    show_html(head + html_table(frame, numeric=[frame.columns[1]], text_limit=400, lang=lang))


def review_first_section(session: RollupSession) -> None:
    """The events to look at first, each linked to its report, with the reasons."""
    lang = session.lang
    rows = session.results["events_to_review_first"]
    head = _heading("rollup.section.first", ANCHORS["first"], lang)
    if not rows:
        show_html(head + f"<p>{esc(t('rollup.plain.first_none', lang))}</p>")
        return
    items = "".join(
        f"<li><b>{_link(session, row['event_id'])}</b><br>{esc(row['reason'])}</li>" for row in rows
    )
    show_html(
        head + f"<ol>{items}</ol>"
        f'<p class="sra-note">{esc(t("rollup.first.rule", lang))}</p>'
    )  # fmt: skip


def annex_heading(session: RollupSession) -> None:
    """The heading everything statistical stands under: the analyst annex."""
    lang = session.lang
    show_html(
        _heading("rollup.section.annex", ANNEX_ANCHOR, lang, level=1)
        + f'<p class="sra-note">{esc(t("rollup.annex_note", lang))}</p>'
    )
