"""The analyst annex: the statistics behind the commander's summary.

The summary and the overview speak in counts, rings and hours; everything a statistician
checks comes after the improvement plan, under one heading (:func:`annex_intro`): the verdict
on the SRA with its tests and the key numbers (:func:`verdict_box`, :func:`headline_tiles`),
then the score table, the charts and the tables of misses, quiet flagged hours, unanticipated
incidents and SRA items, which the notebook shows with :mod:`sra_analysis.reports.pages.present`,
:mod:`sra_analysis.reports.pages.focus` and :mod:`sra_analysis.charts`.

Every count comes from :func:`~sra_analysis.review.aar.review_counts`, the one definition the
summary, the verdict and the findings use, each labelled with what it counts: *disruptions*
(incidents) or *disrupted ring-hours* (windows).
"""

from __future__ import annotations

from sra_analysis.event import Event
from sra_analysis.labels import level_label, t
from sra_analysis.reports.html_tables import (
    MISSING,
    esc,
    html_table,
    is_missing,
    number_text,
    show_html,
)
from sra_analysis.reports.pages.legends import disruption_rule_note
from sra_analysis.review.aar import review_counts
from sra_analysis.review.evaluate import Evaluation

__all__ = [
    "ANNEX_ANCHOR",
    "annex_intro",
    "headline_tiles",
    "ring_statistics",
    "verdict_box",
    "verdict_html",
]

#: Id of the annex's heading in a report.
ANNEX_ANCHOR = "analyst-annex"


def annex_intro(*, lang: str = "en") -> None:
    """The annex's heading and a one-line note on what it holds."""
    show_html(
        f'<h2 id="{ANNEX_ANCHOR}">{esc(t("section.annex", lang))}</h2>'
        f'<p class="sra-muted">{esc(t("annex.note", lang))}</p>'
    )


def headline_tiles(review: Evaluation, *, lang: str = "en") -> list[tuple[str, str]]:
    """The key numbers as (label, value) pairs.

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


def ring_statistics(event: Event, review: Evaluation, *, lang: str = "en") -> str:
    """Per ring: officers, officer-hours, incidents, disruptions and incidents per 100
    officer-hours, as an escaped table."""
    meta = event.meta
    rings = review.by_ring.copy()
    personnel = event.staffing.groupby("ring", observed=False)["officer_id"].nunique()
    rings["officers"] = rings["ring"].map(personnel.rename(index=str)).fillna(0).astype(int)
    rings["ring_name"] = [meta.ring(r).label(lang) for r in rings["ring"]]
    table = rings[
        ["ring", "ring_name", "officers", "officer_hours", "incidents", "disruptions",
         "incidents_per_100_officer_hours"]
    ].rename(columns={
        "ring": t("ring", lang), "ring_name": t("col.name", lang),
        "officers": t("tile.personnel", lang), "officer_hours": t("officer_hours", lang),
        "incidents": t("incidents", lang), "disruptions": t("aar.count.disruptions", lang),
        "incidents_per_100_officer_hours": t("incidents_per_100_officer_hours", lang),
    })  # fmt: skip
    return html_table(table, numeric=list(table.columns[2:]), digits=1, lang=lang)


def verdict_box(event: Event, review: Evaluation, *, lang: str = "en") -> None:
    """The verdict on the SRA with its tests (p, AUC and interval), the key numbers as
    tiles, the rule that made an incident a disruption, and the numbers per ring."""
    show_html(verdict_html(event, review, lang=lang))


def verdict_html(event: Event, review: Evaluation, *, lang: str = "en") -> str:
    """What :func:`verdict_box` shows, as an escaped HTML fragment."""
    judged = review.verdict
    tiles = "".join(
        f'<div class="sra-tile"><div class="v">{esc(v)}</div><div class="k">{esc(k)}</div></div>'
        for k, v in headline_tiles(review, lang=lang)
    )
    return (
        f'<div class="sra-verdict {esc(judged.grade)}"><b>{esc(t("report.verdict", lang))}: '
        f"{esc(judged.label(lang))}.</b> {esc(judged.text(lang))}</div>"
        f'<div class="sra-tiles">{tiles}</div>'
        + disruption_rule_note(review, lang=lang)
        + ring_statistics(event, review, lang=lang)
    )
