"""Was staffing raised with the rated risk? Officers on duty per window by predicted level.

:func:`staffing_alignment` composes the figure from small per-layer functions: one panel per
ring (:func:`_ring_panels`), in each a box of the windows of every level
(:func:`_add_level_box`), the planned staffing's median (:func:`_add_planned_median`) and a
star on each window with a disruption (:func:`_add_disrupted_windows`); then the legend
(:func:`_add_legend`) and the axes and title (:func:`_lay_out`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis.charts._common import (
    INK,
    check_lang,
    escape,
    level_colors,
    level_order,
    level_text,
    meta_of,
    ring_names,
    ring_order,
    style,
    table_of,
)
from sra_analysis.charts._markers import DISRUPTION_COLOUR
from sra_analysis.errors import ParameterError
from sra_analysis.event import EventMeta
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_time
from sra_analysis.review.evaluate import Evaluation

__all__ = ["staffing_alignment"]

_REQUIRED = ("ring", "window_start", "window_end", "predicted_level", "mean_staff", "disruptions")


def staffing_alignment(data: Evaluation | pd.DataFrame, *, lang: str = "en") -> go.Figure:
    """Officers on duty in each window against the SRA's level, one panel per ring.

    A box (with every window as a point) per predicted level shows whether staffing rose
    with the rated risk; windows with a disruption are marked with a star and the register's
    planned staffing (median over the level's windows) with a diamond.

    Parameters
    ----------
    data : Evaluation or DataFrame
        An evaluation, or a windows table (``ring``, ``window_start``, ``window_end``,
        ``predicted_level``, ``mean_staff``, ``disruptions``; ``planned_staff`` optional).
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        Box traces with ``meta`` ``{"ring": id, "level": level}``; planned-staffing
        markers with ``meta`` ``{"ring": id, "kind": "planned"}``; disruption markers with
        ``meta`` ``{"ring": id, "kind": "disruptions"}``. Every level present in the table
        is on each x axis.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> fig = staffing_alignment(review)
    >>> sum(len(tr.y) for tr in fig.data if tr.type == "box") == len(review.windows)
    True
    """
    check_lang(lang)
    windows = table_of(data, "windows", _REQUIRED, function="staffing_alignment")
    meta = meta_of(data)
    rings = ring_order(windows, meta)
    if not rings:
        raise ParameterError("staffing_alignment: the windows table has no rings")
    every_level = level_order(windows["predicted_level"], meta)
    present = set(windows["predicted_level"].astype(str))
    levels = [name for name in every_level if name in present]
    labels = {level: level_text(level, lang) for level in levels}
    colours = level_colors(every_level)
    points = _window_points(windows, meta, lang)
    fig = _ring_panels(rings, ring_names(meta, rings, lang))
    for column, ring_id in enumerate(rings, start=1):
        mine = points[points["ring"] == ring_id]
        for name in levels:
            cell = mine[mine["level"] == name]
            if cell.empty:
                continue
            _add_level_box(fig, cell, labels[name], colours[name], column, lang)
            _add_planned_median(fig, cell, labels[name], column, lang)
        _add_disrupted_windows(fig, mine, ring_id, labels, column, lang)
    _add_legend(fig, lang)
    return _lay_out(fig, [labels[name] for name in levels], len(rings), lang)


def _window_points(windows: pd.DataFrame, meta: EventMeta | None, lang: str) -> pd.DataFrame:
    """One row per window: ``ring``, ``level`` (names as text), ``when`` (local start as
    ``dd/mm HH:MM``, ``dd/mm HH.MM`` in Bahasa Indonesia), ``staff`` (mean on duty),
    ``planned`` (NaN where none) and ``disrupted``."""
    start = pd.Series(pd.to_datetime(windows["window_start"])).reset_index(drop=True)
    if meta is not None and start.dt.tz is not None:
        start = start.dt.tz_convert(meta.timezone)
    planned = (
        windows["planned_staff"].to_numpy(dtype=float)
        if "planned_staff" in windows
        else np.full(len(windows), np.nan)
    )
    return pd.DataFrame(
        {
            "ring": windows["ring"].astype(str).to_numpy(),
            "level": windows["predicted_level"].astype(str).to_numpy(),
            "when": np.array(
                [f"{s:%d/%m} {format_time(s, lang=lang)}" for s in start], dtype=object
            ),
            "staff": windows["mean_staff"].to_numpy(dtype=float),
            "planned": planned,
            "disrupted": windows["disruptions"].to_numpy(dtype=float) > 0,
        }
    )


def _ring_panels(rings: list[str], names: dict[str, str]) -> go.Figure:
    """An empty figure of one panel per ring, side by side on a shared y axis."""
    return make_subplots(
        rows=1,
        cols=len(rings),
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[f"<b>{names[ring]}</b>" for ring in rings],
    )


def _add_level_box(
    fig: go.Figure, cell: pd.DataFrame, label: str, colour: str, column: int, lang: str
) -> None:
    """Add a box of the mean staff of one ring's windows at one level, every window a point."""
    level = cell["level"].iloc[0]
    fig.add_trace(
        go.Box(
            x=[label] * len(cell),
            y=cell["staff"].to_numpy(),
            name=label,
            boxpoints="all",
            jitter=0.5,
            pointpos=0,
            fillcolor=colour,
            line={"color": INK, "width": 1},
            marker={"color": INK, "size": 4, "opacity": 0.6},
            opacity=0.85,
            showlegend=False,
            text=cell["when"].to_numpy(),
            hovertemplate=f"%{{text}}<br>{t('chart.mean_staff', lang)}: %{{y:.1f}}<extra></extra>",
            meta={"ring": escape(cell["ring"].iloc[0]), "level": level},
        ),
        row=1,
        col=column,
    )


def _add_planned_median(
    fig: go.Figure, cell: pd.DataFrame, label: str, column: int, lang: str
) -> None:
    """Add a diamond at the median planned staffing of the windows, when any is planned."""
    plan = cell["planned"].to_numpy()
    if not np.isfinite(plan).any():
        return
    name = t("chart.planned_median", lang)
    fig.add_trace(
        go.Scatter(
            x=[label],
            y=[float(np.nanmedian(plan))],
            mode="markers",
            marker={
                "symbol": "diamond-open",
                "size": 15,
                "color": INK,
                "line": {"color": INK, "width": 2.5},
            },
            name=name,
            legendgroup="planned",
            showlegend=False,
            hovertemplate=f"{name}: %{{y:.0f}}<extra></extra>",
            meta={"ring": escape(cell["ring"].iloc[0]), "kind": "planned"},
        ),
        row=1,
        col=column,
    )


def _add_disrupted_windows(
    fig: go.Figure,
    mine: pd.DataFrame,
    ring_id: str,
    labels: dict[str, str],
    column: int,
    lang: str,
) -> None:
    """Add a star on every window of the ring with a disruption (an empty trace when none)."""
    hit = mine[mine["disrupted"]]
    name = t("chart.disrupted_window", lang)
    fig.add_trace(
        go.Scatter(
            x=[labels[level] for level in hit["level"]],
            y=hit["staff"].to_numpy(),
            mode="markers",
            marker={
                "symbol": "star",
                "size": 16,
                "color": DISRUPTION_COLOUR,
                "line": {"color": "white", "width": 1},
            },
            name=name,
            legendgroup="disrupted",
            showlegend=False,
            text=hit["when"].to_numpy(),
            hovertemplate=f"{name}<br>%{{text}}<br>"
            f"{t('chart.mean_staff', lang)}: %{{y:.1f}}<extra></extra>",
            meta={"ring": escape(ring_id), "kind": "disruptions"},
        ),
        row=1,
        col=column,
    )


def _add_legend(fig: go.Figure, lang: str) -> None:
    """Legend entries (data-free traces) for the disruption star and the planned diamond."""
    for name, symbol, colour in (
        ("chart.disrupted_window", "star", DISRUPTION_COLOUR),
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


def _lay_out(fig: go.Figure, level_labels: list[str], rings: int, lang: str) -> go.Figure:
    """The present levels in order on every x axis, titles, legend under the panels."""
    fig.update_xaxes(
        type="category",
        categoryorder="array",
        range=[-0.5, len(level_labels) - 0.5],
        categoryarray=level_labels,
    )
    fig.update_xaxes(title_text=t("predicted_level", lang), row=1, col=(rings + 1) // 2)
    fig.update_yaxes(title_text=t("chart.mean_staff", lang), rangemode="tozero", row=1, col=1)
    return style(
        fig,
        lang=lang,
        title=t("chart.staffing_alignment.title", lang),
        height=540,
        legend={"orientation": "h", "x": 0, "y": -0.3, "yanchor": "top"},
        margin={"l": 70, "r": 30, "t": 80, "b": 120},
    )
