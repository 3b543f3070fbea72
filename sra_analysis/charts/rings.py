"""Was staffing matched to risk? Rates per ring, incidents by hour of day, staff by level."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis.charts._common import (
    COUNT_SCALE,
    INK,
    NEUTRAL,
    check_lang,
    error_bars,
    escape,
    level_colors,
    level_order,
    level_text,
    meta_of,
    number,
    ring_names,
    ring_order,
    style,
    table_of,
)
from sra_analysis.errors import ParameterError
from sra_analysis.event import Event, EventMeta
from sra_analysis.labels import t
from sra_analysis.review.evaluate import Evaluation

__all__ = ["hour_of_day_heatmap", "ring_rates", "staffing_alignment"]

_BY_RING_COLUMNS = (
    "ring",
    "incidents",
    "officer_hours",
    "incidents_per_100_officer_hours",
    "ci_low",
    "ci_high",
)
_DISRUPTION_COLOUR = "#CC0066"


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
        f"<b>{label}</b><br>{t('incidents', lang)}: {number(k, 0)}<br>"
        f"{t('officer_hours', lang)}: {number(h, 0)}<br>"
        f"{t('incidents_per_100_officer_hours', lang)}: {number(r)} [{number(a)}–{number(b)}]"
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
            text=[f"n = {number(k, 0)}" for k in table["incidents"]],
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
    return style(fig, title=t("chart.ring_rates.title", lang), height=480)


def _local_hours(values, zone: str | None) -> np.ndarray:
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
        rings = list(meta.ring_ids)
        incidents = data.incidents
        local = pd.Series(pd.to_datetime(incidents["reported_at"])).dt.tz_convert(zone)
        inside = ((local >= meta.start) & (local < meta.end)).to_numpy()
        hours = local.dt.hour.to_numpy()[inside]
        ring = incidents["ring"].astype(str).to_numpy()[inside]
        counts = np.zeros((len(rings), 24))
        for row, ring_id in enumerate(rings):
            counts[row] = np.bincount(hours[ring == ring_id], minlength=24)
        exposure = np.tile(_event_exposure(meta), (len(rings), 1))
    else:
        windows = table_of(
            data,
            "windows",
            ("ring", "window_start", "hours", "incidents"),
            function="hour_of_day_heatmap",
        )
        rings = ring_order(windows, meta)
        hours = _local_hours(windows["window_start"], zone)
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
            hovertemplate=f"%{{y}}, {t('hour_of_day', lang).lower()} %{{x}}:00<br>"
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
        title += f"<br><sup>{t('chart.time_local', lang, zone=escape(zone))}</sup>"
    return style(fig, title=title, height=220 + 60 * len(rings))


def staffing_alignment(data: Evaluation | pd.DataFrame, *, lang: str = "en") -> go.Figure:
    """Officers on duty in each window against the SRA's level, one panel per ring.

    A box (with every window as a point) per predicted level shows whether staffing rose
    with the rated risk; windows with a disruption are marked with a star and the register's
    planned staffing (median over the level's windows) with a bar.

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or a windows table (``ring``, ``window_start``, ``window_end``,
        ``predicted_level``, ``mean_staff``, ``disruptions``; ``planned_staff`` optional).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Box traces with ``meta`` ``{"ring": id, "level": level}``; disruption markers with
        ``meta`` ``{"ring": id, "kind": "disruptions"}``. Every level is on each x axis.
    """
    check_lang(lang)
    windows = table_of(
        data,
        "windows",
        ("ring", "window_start", "window_end", "predicted_level", "mean_staff", "disruptions"),
        function="staffing_alignment",
    )
    meta = meta_of(data)
    rings = ring_order(windows, meta)
    if not rings:
        raise ParameterError("staffing_alignment: the windows table has no rings")
    present = set(windows["predicted_level"].astype(str))
    levels = [name for name in level_order(windows["predicted_level"], meta) if name in present]
    colours = level_colors(level_order(windows["predicted_level"], meta))
    labels = {level: level_text(level, lang) for level in levels}
    names = ring_names(meta, rings, lang)
    fig = make_subplots(
        rows=1,
        cols=len(rings),
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[f"<b>{names[r]}</b>" for r in rings],
    )
    ring = windows["ring"].astype(str).to_numpy()
    level = windows["predicted_level"].astype(str).to_numpy()
    start = pd.Series(pd.to_datetime(windows["window_start"]))
    if meta is not None and start.dt.tz is not None:
        start = start.dt.tz_convert(meta.timezone)
    when = start.dt.strftime("%d/%m %H:%M").to_numpy()
    staff = windows["mean_staff"].to_numpy(dtype=float)
    planned = (
        windows["planned_staff"].to_numpy(dtype=float)
        if "planned_staff" in windows
        else np.full(len(windows), np.nan)
    )
    disrupted = windows["disruptions"].to_numpy(dtype=float) > 0
    for column, ring_id in enumerate(rings, start=1):
        mine = ring == ring_id
        for name in levels:
            cell = mine & (level == name)
            if not cell.any():
                continue
            fig.add_trace(
                go.Box(
                    x=[labels[name]] * int(cell.sum()),
                    y=staff[cell],
                    name=labels[name],
                    boxpoints="all",
                    jitter=0.5,
                    pointpos=0,
                    fillcolor=colours[name],
                    line={"color": INK, "width": 1},
                    marker={"color": INK, "size": 4, "opacity": 0.6},
                    opacity=0.85,
                    showlegend=False,
                    text=when[cell],
                    hovertemplate=f"%{{text}}<br>{t('chart.mean_staff', lang)}: %{{y:.1f}}"
                    "<extra></extra>",
                    meta={"ring": escape(ring_id), "level": name},
                ),
                row=1,
                col=column,
            )
            plan = planned[cell]
            if np.isfinite(plan).any():
                fig.add_trace(
                    go.Scatter(
                        x=[labels[name]],
                        y=[float(np.nanmedian(plan))],
                        mode="markers",
                        marker={
                            "symbol": "diamond-open",
                            "size": 15,
                            "color": INK,
                            "line": {"color": INK, "width": 2.5},
                        },
                        name=t("chart.planned_median", lang),
                        legendgroup="planned",
                        showlegend=False,
                        hovertemplate=f"{t('chart.planned_median', lang)}: "
                        "%{y:.0f}<extra></extra>",
                        meta={"ring": escape(ring_id), "kind": "planned"},
                    ),
                    row=1,
                    col=column,
                )
        hit = mine & disrupted
        fig.add_trace(
            go.Scatter(
                x=[labels[name] for name in level[hit]],
                y=staff[hit],
                mode="markers",
                marker={
                    "symbol": "star",
                    "size": 16,
                    "color": _DISRUPTION_COLOUR,
                    "line": {"color": "white", "width": 1},
                },
                name=t("chart.disrupted_window", lang),
                legendgroup="disrupted",
                showlegend=False,
                text=when[hit],
                hovertemplate=f"{t('chart.disrupted_window', lang)}<br>%{{text}}<br>"
                f"{t('chart.mean_staff', lang)}: %{{y:.1f}}<extra></extra>",
                meta={"ring": escape(ring_id), "kind": "disruptions"},
            ),
            row=1,
            col=column,
        )
    for name, symbol, colour in (
        ("chart.disrupted_window", "star", _DISRUPTION_COLOUR),
        ("chart.planned_median", "diamond-open", INK),
    ):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(name, lang),
                marker={
                    "symbol": symbol,
                    "size": 13,
                    "color": colour,
                    "line": {"color": colour, "width": 2},
                },
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        range=[-0.5, len(levels) - 0.5],
        categoryarray=[labels[name] for name in levels],
    )
    fig.update_xaxes(title_text=t("predicted_level", lang), row=1, col=(len(rings) + 1) // 2)
    fig.update_yaxes(title_text=t("chart.mean_staff", lang), rangemode="tozero", row=1, col=1)
    return style(
        fig,
        title=t("chart.staffing_alignment.title", lang),
        height=540,
        legend={"orientation": "h", "x": 0, "y": -0.3, "yanchor": "top"},
        margin={"l": 70, "r": 30, "t": 80, "b": 120},
    )
