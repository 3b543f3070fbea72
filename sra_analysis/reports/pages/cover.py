"""The report's cover: title, event, venue, dates, unit, classification and signatures.

The cover opens the review report (HTML and its PDF print, where the summary starts on the
next page). Everything on it but the labels comes from ``event.yaml`` and is escaped here:
the event's ``name`` and ``venue``, and the optional ``unit``, ``classification`` (a marking
such as ``TERBATAS``, shown at the top and the bottom; none when not given), ``prepared_by``
and ``approved_by`` (the roles that sign, e.g. ``Kabag Ops`` and ``Kapolres``). The signature
block leaves blank lines for name, rank, NRP, date and signature, to fill in by hand.
"""

from __future__ import annotations

import pandas as pd

from sra_analysis.event import Event, EventMeta
from sra_analysis.labels import check_lang, t
from sra_analysis.labels.formats import format_date, format_time
from sra_analysis.labels.timezone import zone_label
from sra_analysis.reports.html_tables import clip, esc

__all__ = ["SIGNATURE_LINES", "cover_html", "event_dates"]

#: The blank lines under each role of the signature block, as label keys.
SIGNATURE_LINES: tuple[str, ...] = (
    "cover.name",
    "cover.rank",
    "cover.nrp",
    "cover.date",
    "cover.signature",
)


def _meta(review_or_meta) -> EventMeta:
    """The event metadata of a review, an event or the metadata themselves."""
    if isinstance(review_or_meta, EventMeta):
        return review_or_meta
    if isinstance(review_or_meta, Event):
        return review_or_meta.meta
    meta = getattr(review_or_meta, "meta", None)
    if not isinstance(meta, EventMeta):
        raise TypeError(
            "cover_html needs an event's metadata: an Evaluation of a loaded event, an Event "
            f"or an EventMeta, got {type(review_or_meta).__name__}"
        )
    return meta


def event_dates(meta: EventMeta, *, lang: str = "en") -> str:
    """When the event ran, day first, with its zone (WIB, WITA, WIT in Bahasa Indonesia).

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> from sra_analysis.event_config import read_event_meta
    >>> meta = read_event_meta(sample_dir() / "purwakarta-2024")
    >>> event_dates(meta, lang="id")
    '1 Maret 2024 07.00 – 3 Maret 2024 23.00 WIB'
    """
    check_lang(lang)

    def moment(stamp: pd.Timestamp) -> str:
        return f"{format_date(stamp, lang=lang)} {format_time(stamp, lang=lang)}"

    start, end = meta.start, meta.end
    if start.date() == end.date():
        span = f"{moment(start)}–{format_time(end, lang=lang)}"
    else:
        span = f"{moment(start)} – {moment(end)}"
    return f"{span} {zone_label(meta.timezone, lang)}"


def _marking(meta: EventMeta, place: str) -> str:
    if not meta.classification:
        return ""
    return f'<div class="sra-marking {place}">{esc(clip(meta.classification, 80))}</div>'


def _signature(role_key: str, role: str, lang: str) -> str:
    heading = esc(t(role_key, lang))
    if role:
        heading += f"<br>{esc(clip(role, 120))}"
    lines = "".join(
        f'<div class="sra-sign-line {key.split(".")[1]}"><span>{esc(t(key, lang))}</span>'
        '<span class="sra-blank"></span></div>'
        for key in SIGNATURE_LINES
    )
    return f'<div class="sra-sign"><div class="sra-sign-role">{heading}</div>{lines}</div>'


def cover_html(review_or_meta, *, lang: str = "en") -> str:
    """The cover as an escaped HTML fragment (see the module docstring).

    Parameters
    ----------
    review_or_meta : Evaluation, Event or EventMeta
        Whose event the cover shows.
    lang : {"en", "id"}
        The report's language.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> from sra_analysis.event_config import read_event_meta
    >>> html = cover_html(read_event_meta(sample_dir() / "purwakarta-2024"), lang="id")
    >>> "Laporan Anev Pengamanan" in html, "sra-marking" in html
    (True, False)
    """
    meta = _meta(review_or_meta)
    check_lang(lang)
    facts = [  # the event's name stands under the title
        ("cover.venue", meta.venue),
        ("cover.dates", event_dates(meta, lang=lang)),
    ]
    if meta.unit:
        facts.append(("cover.unit", meta.unit))
    rows = "".join(
        f"<tr><th>{esc(t(key, lang))}</th><td>{esc(clip(value))}</td></tr>"
        for key, value in facts
        if value
    )
    unit = f'<div class="sra-cover-unit">{esc(clip(meta.unit))}</div>' if meta.unit else ""
    signatures = _signature("cover.prepared_by", meta.prepared_by, lang) + _signature(
        "cover.approved_by", meta.approved_by, lang
    )
    return (
        f'<div class="sra-cover">{_marking(meta, "top")}{unit}'
        f'<div class="sra-cover-title">{esc(t("cover.title", lang))}</div>'
        f'<div class="sra-cover-event">{esc(clip(meta.name))}</div>'
        f'<table class="sra-cover-facts">{rows}</table>'
        f'<div class="sra-signatures">{signatures}</div>{_marking(meta, "bottom")}</div>'
    )
