"""The report's first screen and its overview, in the order of an after-action report.

:func:`summary_page` is the first screen: the event's title and the commander's summary (the
grade in a word and plain sentences, each linked to its evidence), no statistics.
:func:`overview_section` is the overview ("Gambaran umum"): the objectives ``event.yaml``
gives, the rings with their zones, the officers and units on duty per ring
(:func:`ring_overview`), and the plan against what was served. The statistics are in the
analyst annex (:mod:`sra_analysis.reports.pages.annex`).
"""

from __future__ import annotations

import pandas as pd

from sra_analysis.event import Event
from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import format_datetime
from sra_analysis.labels.timezone import zone_label
from sra_analysis.reports.html_tables import clip, esc, html_table, is_missing, show_html
from sra_analysis.reports.pages.aar_present import summary_html
from sra_analysis.reports.pages.legends import plan_source_note, plan_vs_served_html
from sra_analysis.review.evaluate import Evaluation

__all__ = [
    "OVERVIEW_ANCHOR",
    "overview_section",
    "ring_overview",
    "summary_page",
    "title_html",
    "zone_text",
]

#: Id of the overview's heading in a report.
OVERVIEW_ANCHOR = "aar-overview"


def summary_page(event: Event, review: Evaluation, *, lang: str = "en") -> None:
    """The first screen: the title, venue, period and flag level, then the summary."""
    show_html(title_html(event, review, lang=lang) + summary_html(review, lang=lang))


def title_html(event: Event, review: Evaluation, *, lang: str = "en") -> str:
    """The event's name as the page title, then its venue, period and the flag level."""
    meta = event.meta
    start, end = (format_datetime(meta.start, lang=lang, style="full"),
                  format_datetime(meta.end, lang=lang, style="full"))  # fmt: skip
    period = f"{start} – {end} ({zone_label(meta.timezone, lang)})"
    return (
        f"<h1>{esc(clip(meta.name))}</h1>"
        f'<div class="sra-subtitle">{esc(clip(meta.venue))} · {esc(period)} · '
        f"{esc(t('report.flag_level', lang))}: {esc(level_label(review.flag_level, lang))}</div>"
    )


def zone_text(zone: str | None, lang: str = "en") -> str:
    """The part of the venue a zone guards, capitalised, without the ring number its label
    starts with (an event may number its rings otherwise); empty without a zone.

    >>> zone_text("core", "id"), zone_text(None)
    ('Ruang sidang / area steril', '')
    """
    if not zone:
        return ""
    text = t(f"zone.{zone}", lang).split(" – ", 1)[-1]
    return text[:1].upper() + text[1:]


def ring_overview(event: Event, review: Evaluation, *, lang: str = "en") -> pd.DataFrame:
    """One row per ring of ``event``, in the event's order.

    Returns
    -------
    DataFrame
        ``ring`` (id), ``name`` (in ``lang``), ``zone`` (:func:`zone_text`), ``officers``
        (distinct officers who served there), ``officer_hours`` (served, as the review
        counts them: ``review.by_ring``) and ``units``
        (``Sat Samapta (12), Brimob (4)``: distinct officers per unit, most first; missing
        when the staffing file has no ``unit`` column or leaves it blank throughout).
        Officers are counted, never named.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> from sra_analysis import evaluate
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> rings = ring_overview(event, evaluate(event, n_resamples=0), lang="id")
    >>> [str(v) for v in rings.loc[0, ["ring", "name", "zone", "officers", "officer_hours"]]]
    ['1', 'Ruang pleno', 'Ruang sidang / area steril', '26', '288.0']
    >>> rings.loc[0, "units"]
    'Sat Samapta (20), Sat Intelkam (4), Propam (2)'
    """
    meta, staffing = event.meta, event.staffing
    ring_of = staffing["ring"].astype(str)
    hours = review.by_ring.set_index(review.by_ring["ring"].astype(str))["officer_hours"]
    unit_of = None
    if "unit" in staffing:
        unit_of = staffing["unit"].map(lambda u: "" if is_missing(u) else str(u).strip())
        unit_of = unit_of if (unit_of != "").any() else None
    rows = []
    for ring in meta.ring_ids:
        mine = staffing[ring_of == ring]
        units = None
        if unit_of is not None:
            per_unit = mine.groupby(unit_of[ring_of == ring])["officer_id"].nunique()
            per_unit = per_unit[per_unit.index != ""]
            order = sorted(per_unit.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
            units = ", ".join(f"{unit} ({n})" for unit, n in order)
        rows.append(
            {
                "ring": ring,
                "name": meta.ring(ring).label(lang),
                "zone": zone_text(meta.ring(ring).zone, lang),
                "officers": int(mine["officer_id"].nunique()),
                "officer_hours": float(hours.get(ring, 0.0)),
                "units": units,
            }
        )
    columns = ["ring", "name", "zone", "officers", "officer_hours", "units"]
    return pd.DataFrame(rows, columns=columns)


def overview_section(event: Event, review: Evaluation, *, lang: str = "en") -> None:
    """The overview: objectives, rings with zones, officers and units on duty per ring,
    then where the plan comes from and planned against served per ring."""
    parts = [f'<h2 id="{OVERVIEW_ANCHOR}">{esc(t("section.overview", lang))}</h2>']
    objectives = getattr(event.meta, "objectives", ())
    if objectives:
        items = "".join(f"<li>{esc(clip(o))}</li>" for o in objectives)
        parts.append(f"<h3>{esc(t('overview.objectives', lang))}</h3><ol>{items}</ol>")
    rings = ring_overview(event, review, lang=lang)
    no_units = rings["units"].isna().all()
    if no_units:
        rings = rings.drop(columns=["units"])
    if not any(rings["zone"]):
        rings = rings.drop(columns=["zone"])
    labels = {
        "ring": t("ring", lang), "name": t("col.name", lang), "zone": t("zone", lang),
        "officers": t("overview.col.officers", lang), "officer_hours": t("officer_hours", lang),
        "units": t("overview.col.units", lang),
    }  # fmt: skip
    table = rings.rename(columns=labels)
    numeric = [labels["officers"], labels["officer_hours"]]
    parts.append(f"<h3>{esc(t('overview.rings', lang))}</h3>")
    parts.append(html_table(table, numeric=numeric, digits=0, lang=lang))
    if no_units:
        parts.append(f'<p class="sra-note">{esc(t("overview.no_units", lang))}</p>')
    parts.append(plan_source_note(review, lang=lang) + plan_vs_served_html(review, lang=lang))
    parts.append(f'<p class="sra-muted">{esc(t("overview.chart", lang))}</p>')
    show_html("".join(parts))
