"""Incidents by ring: rates per 100 officer-hours, and counts by ring × hour of day.

Officers on duty by predicted level (:func:`~sra_analysis.charts.alignment.staffing_alignment`)
has its own module.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from sra_analysis.charts._common import (
    COUNT_SCALE,
    INK,
    NEUTRAL,
    check_lang,
    error_bars,
    escape,
    interval_note,
    meta_of,
    number,
    ring_names,
    ring_order,
    style,
    table_of,
)
from sra_analysis.event import Event, EventMeta
from sra_analysis.labels import t
from sra_analysis.labels.formats import time_separator
from sra_analysis.labels.timezone import zone_label
from sra_analysis.review.evaluate import Evaluation

__all__ = ["hour_of_day_heatmap", "ring_rates"]

_BY_RING_COLUMNS = (
    "ring",
    "incidents",
    "officer_hours",
    "incidents_per_100_officer_hours",
    "ci_low",
    "ci_high",
)


def ring_rates(
    data: Evaluation | pd.DataFrame, *, meta: EventMeta | None = None, lang: str = "en"
) -> go.Figure:
    """Incidents per 100 officer-hours in each ring, with exact Poisson intervals.

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or its ``by_ring`` table (``ring``, ``incidents``,
        ``officer_hours``, ``incidents_per_100_officer_hours``, ``ci_low``, ``ci_high``;
        ``ring_name`` used for labels when the event is unknown).
    meta : EventMeta, optional
        Gives ring names in ``lang`` for a bare table (an evaluation carries its own).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One bar trace, rings in the table's order, error bars from ``ci_low`` to
        ``ci_high``.
    """
    check_lang(lang)
    table = table_of(data, "by_ring", _BY_RING_COLUMNS, function="ring_rates")
    table = table.reset_index(drop=True)
    meta = meta or meta_of(data)
    ids = table["ring"].astype(str).tolist()
    names = ring_names(meta, ids, lang)
    if meta is None and "ring_name" in table.columns:
        names = {i: escape(n) for i, n in zip(ids, table["ring_name"], strict=True)}
    labels = [names[i] for i in ids]
    rate = table["incidents_per_100_officer_hours"]
    hover = [
        f"<b>{label}</b><br>{t('incidents', lang)}: {number(k, 0, lang=lang)}<br>"
        f"{t('officer_hours', lang)}: {number(h, 0, lang=lang)}<br>"
        f"{t('incidents_per_100_officer_hours', lang)}: {number(r, lang=lang)} "
        f"[{number(a, lang=lang)}–{number(b, lang=lang)}]"
        for label, k, h, r, a, b in zip(
            labels,
            table["incidents"],
            table["officer_hours"],
            rate,
            table["ci_low"],
            table["ci_high"],
            strict=True,
        )
    ]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=rate,
            error_y=error_bars(rate, table["ci_low"], table["ci_high"]),
            marker={"color": NEUTRAL, "line": {"color": INK, "width": 1}},
            text=[f"n = {number(k, 0, lang=lang)}" for k in table["incidents"]],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": "white"},
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title_text=t("ring", lang), type="category", categoryorder="array", categoryarray=labels
    )
    fig.update_yaxes(title_text=t("incidents_per_100_officer_hours", lang), rangemode="tozero")
    title = f"{t('chart.ring_rates.title', lang)}<br><sup>{interval_note(lang)}</sup>"
    return style(fig, title=title, height=500, lang=lang)


def _local_hours(values, zone: str | None) -> np.ndarray:
    """Hour of the day (0–23) of each timestamp, in ``zone`` when it is given and they are
    tz-aware."""
    stamps = pd.Series(pd.to_datetime(values))
    if zone is not None and stamps.dt.tz is not None:
        stamps = stamps.dt.tz_convert(zone)
    return stamps.dt.hour.to_numpy()


def _event_exposure(meta: EventMeta) -> np.ndarray:
    """Hours of the event falling in each hour of the day (0–23), local time."""
    start, end = meta.start.as_unit("ns"), meta.end.as_unit("ns")
    edges = pd.date_range(start.floor("h"), end.ceil("h"), freq="h").as_unit("ns")
    lows = np.maximum(edges[:-1].asi8, start.value)
    highs = np.minimum(edges[1:].asi8, end.value)
    hours = np.clip(highs - lows, 0, None) / 3.6e12
    return np.bincount(edges[:-1].hour, weights=hours, minlength=24)


def _counts_from_event(event: Event) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Rings in display order, incidents per ring × local hour of day (each incident at the
    hour it was reported, inside the event) and the event's hours in each hour of the day."""
    meta = event.meta
    rings = list(meta.ring_ids)
    incidents = event.incidents
    local = pd.Series(pd.to_datetime(incidents["reported_at"])).dt.tz_convert(meta.timezone)
    inside = ((local >= meta.start) & (local < meta.end)).to_numpy()
    hours = local.dt.hour.to_numpy()[inside]
    ring = incidents["ring"].astype(str).to_numpy()[inside]
    counts = np.zeros((len(rings), 24))
    for row, ring_id in enumerate(rings):
        counts[row] = np.bincount(hours[ring == ring_id], minlength=24)
    return rings, counts, np.tile(_event_exposure(meta), (len(rings), 1))


def _counts_from_windows(
    data: Evaluation | pd.DataFrame, meta: EventMeta | None
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Rings in display order, incidents per ring × local hour of day (a window's at the
    hour it starts) and the windows' ring-hours in each hour of the day."""
    windows = table_of(
        data,
        "windows",
        ("ring", "window_start", "hours", "incidents"),
        function="hour_of_day_heatmap",
    )
    rings = ring_order(windows, meta)
    hours = _local_hours(windows["window_start"], meta.timezone if meta is not None else None)
    ring = windows["ring"].astype(str).to_numpy()
    counts = np.zeros((len(rings), 24))
    exposure = np.zeros((len(rings), 24))
    for row, ring_id in enumerate(rings):
        mine = ring == ring_id
        counts[row] = np.bincount(
            hours[mine],
            weights=windows["incidents"].to_numpy(dtype=float)[mine],
            minlength=24,
        )
        exposure[row] = np.bincount(
            hours[mine], weights=windows["hours"].to_numpy(dtype=float)[mine], minlength=24
        )
    return rings, counts, exposure


def hour_of_day_heatmap(
    data: Event | Evaluation | pd.DataFrame, *, per_ring_hour: bool = False, lang: str = "en"
) -> go.Figure:
    """Incidents per ring and hour of the day (local time), counts or per ring-hour.

    Parameters
    ----------
    data : Event, Evaluation or DataFrame
        An event (each incident reported during the event counts at the hour of its
        ``reported_at``), or an evaluation / windows table (incidents of a window count at
        the hour of its ``window_start``: exact for windows of an hour or less that start on
        the hour).
    per_ring_hour : bool, default False
        Divide each count by the ring-hours of exposure in that hour of the day.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One heatmap, ``z`` of shape (rings, 24), rings in display order from the top.
    """
    check_lang(lang)
    meta = meta_of(data)
    zone = meta.timezone if meta is not None else None
    if isinstance(data, Event):
        rings, counts, exposure = _counts_from_event(data)
    else:
        rings, counts, exposure = _counts_from_windows(data, meta)
    rates = np.divide(counts, exposure, out=np.full_like(counts, np.nan), where=exposure > 0)
    z = rates if per_ring_hour else counts
    names = ring_names(meta, rings, lang)
    labels = [names[r] for r in rings]
    custom = np.dstack([counts, exposure])
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=list(range(24)),
            y=labels,
            colorscale=COUNT_SCALE,
            xgap=1,
            ygap=2,
            texttemplate="%{z:.2f}" if per_ring_hour else "%{z:.0f}",
            textfont={"size": 11},
            customdata=custom,
            zmin=0,
            colorbar={
                "title": {"text": t("incidents_per_hour" if per_ring_hour else "incidents", lang)},
                "dtick": None if per_ring_hour else max(1, int(np.ceil(counts.max() / 6))),
            },
            hovertemplate=f"%{{y}}, {t('hour_of_day', lang).lower()} "
            f"%{{x}}{time_separator(lang)}00<br>"
            f"{t('incidents', lang)}: %{{customdata[0]:.0f}}<br>"
            f"{t('chart.ring_hours', lang)}: %{{customdata[1]:.1f}}<extra></extra>",
        )
    )
    fig.update_xaxes(
        title_text=t("hour_of_day", lang),
        tickmode="array",
        tickvals=list(range(24)),
        ticktext=[f"{h:02d}" for h in range(24)],
    )
    fig.update_yaxes(title_text=t("ring", lang), autorange="reversed", type="category")
    title = t("chart.hour_of_day.title_rate" if per_ring_hour else "chart.hour_of_day.title", lang)
    if zone is not None:
        shown = escape(zone_label(zone, lang))
        title += f"<br><sup>{t('chart.time_local', lang, zone=shown)}</sup>"
    return style(fig, title=title, height=220 + 60 * len(rings), lang=lang)
