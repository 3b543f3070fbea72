"""Incident markers of the centrepiece chart: one per incident, or counts per ring × time bin.

Up to :data:`MARKER_LIMIT` incidents inside the event, each incident is a marker with its
own hover text. Beyond that a page would carry hundreds of thousands of points (a 200,000-
incident event made a 93 MB report that took a minute and a half to open), so the incidents
of each ring are counted per time bin — one hour, or wider when the event is long enough to
give a ring more than :data:`MAX_BINS` bins. Each bin with incidents becomes one circle whose
area grows with its count, with a star inside whose area grows with its disruptions. A note
on the chart says so.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sra_analysis.charts._common import DESCRIPTION_LIMIT, INK, LABEL_LIMIT, WRAP_WIDTH, escape
from sra_analysis.charts._time_axis import local_time
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_date, format_integer, format_time
from sra_analysis.vocabulary import category_labels

__all__ = [
    "MARKER_LIMIT",
    "MAX_BINS",
    "bin_hours",
    "count_text",
    "incident_traces",
    "incidents_inside",
    "moment_text",
]

#: Most incidents drawn one marker each; above it, markers count incidents per ring × bin.
MARKER_LIMIT = 2000
#: Most time bins per ring when markers are counts (so a trace holds at most this many points).
MAX_BINS = 1000
DISRUPTION_COLOUR = "#CC0066"


def moment_text(stamp: pd.Timestamp, lang: str) -> str:
    """``Fri 01 Mar 2024 07:00`` in English, ``Jum 01 Mar 2024 07.00`` in Bahasa Indonesia."""
    return f"{format_date(stamp, lang=lang, style='weekday_year')} {format_time(stamp, lang=lang)}"


def count_text(count: int, lang: str) -> str:
    """A count with its thousands grouped as the language writes them.

    Examples
    --------
    >>> count_text(72493, "en"), count_text(72493, "id"), count_text(7, "id")
    ('72,493', '72.493', '7')
    """
    return format_integer(int(count), lang=lang)


def bin_hours(n_incidents: int, hours: float) -> int | None:
    """Width in hours of the bins markers count incidents in; ``None`` draws each incident.

    Examples
    --------
    >>> bin_hours(150, 72) is None
    True
    >>> bin_hours(200_000, 72), bin_hours(200_000, 24 * 365)
    (1, 9)
    """
    if n_incidents <= MARKER_LIMIT:
        return None
    return max(1, math.ceil(hours / MAX_BINS))


def headcount_at(times: pd.Series, heads: np.ndarray, when) -> np.ndarray:
    """Officers on duty at each moment of ``when``, from the step points ``times``/``heads``."""
    when = pd.Series(when).reset_index(drop=True)
    if len(times) == 0:
        return np.zeros(len(when), dtype=int)
    index = np.searchsorted(times.to_numpy(), when.to_numpy(), side="right") - 1
    return np.where(index >= 0, heads[np.clip(index, 0, None)], 0)


def incidents_inside(event, start: pd.Timestamp, end: pd.Timestamp, lang: str) -> pd.DataFrame:
    """An event's incidents reported from ``start`` to before ``end`` (naive local times),
    with their naive ``local_time`` and ``category_label`` (the label in ``lang``, or for
    other the text as written: what the hover shows)."""

    incidents = event.incidents.reset_index(drop=True)
    reported = local_time(incidents["reported_at"], event.meta.timezone)
    inside = ((reported >= start) & (reported < end)).to_numpy()
    shown = category_labels(incidents, lang=lang, vocabulary=event.meta.vocabulary)
    return incidents.loc[inside].assign(
        local_time=reported[inside].to_numpy(), category_label=shown[inside].to_numpy()
    )


def incident_traces(
    incidents: pd.DataFrame,
    *,
    ring_id: str,
    ring_name: str,
    times: pd.Series,
    heads: np.ndarray,
    start: pd.Timestamp,
    bin_width: int | None,
    largest_bin: int,
    lang: str,
) -> list[go.Scatter]:
    """The two marker traces (incidents, disruptions) of one ring.

    ``incidents`` holds the ring's incidents inside the event with a naive ``local_time``;
    ``ring_name`` is already escaped. With ``bin_width`` (hours) the markers are counts per
    bin from ``start``: a circle for all incidents of the bin, a star for its disruptions,
    areas on one scale (``largest_bin`` gets the largest marker); each trace's
    ``customdata`` then holds the count of its marker.
    """
    if bin_width is None:
        return _each_incident(incidents, ring_id, ring_name, times, heads, lang)
    return _binned(incidents, ring_id, ring_name, times, heads, start, bin_width, largest_bin, lang)


def largest_bin_count(incidents: pd.DataFrame, start: pd.Timestamp, bin_width: int) -> int:
    """The most incidents that fall in one ring × bin (the largest marker's count)."""
    if incidents.empty:
        return 1
    keys = pd.DataFrame(
        {
            "ring": incidents["ring"].astype(str).to_numpy(),
            "bin": _bin_index(incidents["local_time"], start, bin_width),
        }
    )
    return max(1, int(keys.value_counts().max()))


def _bin_index(local_time: pd.Series, start: pd.Timestamp, bin_width: int) -> np.ndarray:
    """Index of the ``bin_width``-hour bin from ``start`` each time falls in."""
    offset = (pd.Series(local_time).reset_index(drop=True) - start) / pd.Timedelta(hours=bin_width)
    return np.floor(offset.to_numpy(dtype=float)).astype(np.int64)


def _each_incident(incidents, ring_id, ring_name, times, heads, lang) -> list[go.Scatter]:
    """A marker per incident on the headcount at its time: circles sized by severity, and
    larger stars for disruptions."""
    on_duty = headcount_at(times, heads, incidents["local_time"])
    hover = _incident_hover(incidents, ring_name, on_duty, lang)
    traces = []
    for kind, mask in (
        ("incidents", ~incidents["disrupted_proceedings"].to_numpy(dtype=bool)),
        ("disruptions", incidents["disrupted_proceedings"].to_numpy(dtype=bool)),
    ):
        severity = incidents["severity"].to_numpy(dtype=float)[mask]
        disruption = kind == "disruptions"
        traces.append(
            go.Scatter(
                x=incidents["local_time"].to_numpy()[mask],
                y=on_duty[mask],
                mode="markers",
                marker={
                    "symbol": "star" if disruption else "circle",
                    "size": (6 + 3 * severity) + (6 if disruption else 0),
                    "color": DISRUPTION_COLOUR if disruption else INK,
                    "line": {"color": "white", "width": 1.5},
                    "opacity": 0.95,
                },
                name=t(f"chart.{kind[:-1]}_marker", lang),
                legendgroup=kind,
                showlegend=False,
                hovertext=[h for h, m in zip(hover, mask, strict=True) if m],
                hovertemplate="%{hovertext}<extra></extra>",
                meta={"kind": kind, "ring": escape(ring_id)},
            )
        )
    return traces


def _binned(incidents, ring_id, ring_name, times, heads, start, width, largest, lang):
    """A circle per bin for all its incidents, a star inside it for its disruptions."""
    bins = _bin_index(incidents["local_time"], start, width)
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)
    severity = incidents["severity"].to_numpy(dtype=np.int64)
    occupied, counts = np.unique(bins, return_counts=True)
    position = np.searchsorted(occupied, bins)
    top = np.zeros(len(occupied), dtype=np.int64)
    np.maximum.at(top, position, severity)
    disruptions = np.bincount(position[disrupted], minlength=len(occupied))
    bin_start = start + pd.to_timedelta(occupied * width, unit="h")
    middle = bin_start + pd.Timedelta(hours=width) / 2
    on_duty = headcount_at(times, heads, middle)
    hover = [
        f"<b>{ring_name}</b> · {moment_text(begin, lang)}–"
        f"{format_time(begin + pd.Timedelta(hours=width), lang=lang)}<br>"
        f"{t('incidents', lang)}: {count_text(count, lang)}<br>"
        f"{t('disruptions', lang)}: {count_text(hit, lang)}<br>"
        f"{t('chart.highest_severity', lang)}: {worst}<br>"
        f"{t('chart.on_duty_then', lang)}: {int(officers)}"
        for begin, count, hit, worst, officers in zip(
            bin_start, counts, disruptions, top, on_duty, strict=True
        )
    ]
    traces = []
    for kind, shown in (("incidents", counts > 0), ("disruptions", disruptions > 0)):
        number = counts if kind == "incidents" else disruptions
        disruption = kind == "disruptions"
        traces.append(
            go.Scatter(
                x=np.asarray(middle.to_numpy())[shown],
                y=on_duty[shown],
                customdata=number[shown],
                mode="markers",
                marker={
                    "symbol": "star" if disruption else "circle",
                    "size": 6 + 24 * np.sqrt(number[shown] / largest),
                    "color": DISRUPTION_COLOUR if disruption else INK,
                    "line": {"color": "white", "width": 1},
                    "opacity": 0.95 if disruption else 0.45,
                },
                name=t(f"chart.{kind[:-1]}_count_marker", lang),
                legendgroup=kind,
                showlegend=False,
                hovertext=[text for text, keep in zip(hover, shown, strict=True) if keep],
                hovertemplate="%{hovertext}<extra></extra>",
                meta={"kind": kind, "ring": escape(ring_id), "bin_hours": width},
            )
        )
    return traces


def _incident_hover(rows: pd.DataFrame, ring_name: str, on_duty, lang: str) -> list[str]:
    """Hover text of each incident, every input text escaped and cut to its limit."""
    yes, no = t("chart.yes", lang), t("chart.no", lang)
    texts = []
    for row, heads in zip(rows.itertuples(index=False), on_duty, strict=True):
        risk = (
            escape(row.risk_id, limit=LABEL_LIMIT)
            if isinstance(row.risk_id, str) and row.risk_id
            else None
        )
        shown = getattr(row, "category_label", None)  # the label, or for other as written
        category = escape(shown or str(row.category).replace("_", " "), limit=LABEL_LIMIT)
        lines = [
            f"<b>{escape(row.incident_id, limit=LABEL_LIMIT)}</b> · {ring_name}",
            f"{t('chart.reported_at', lang)}: {moment_text(row.local_time, lang)}",
            f"{t('category', lang)}: {category}",
            f"{t('severity', lang)}: {int(row.severity)}",
            f"{t('chart.disrupted', lang)}: {yes if row.disrupted_proceedings else no}",
            f"{t('chart.risk_id', lang)}: {risk or t('chart.unanticipated', lang)}",
            f"{t('chart.on_duty_then', lang)}: {int(heads)}",
        ]
        description = escape(row.description, limit=DESCRIPTION_LIMIT, wrap=WRAP_WIDTH)
        if description:
            lines.append(f"{t('description', lang)}:<br>{description}")
        texts.append("<br>".join(lines))
    return texts
