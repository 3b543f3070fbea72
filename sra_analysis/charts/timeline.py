"""The review's centrepiece: officers on duty, incidents and the SRA's rating, ring by ring.

:func:`staffing_vs_incidents` composes the figure layer by layer, each one small function:
the ring rows, then per ring the headcount step area, the planned-staffing line and the
incident markers with their disruption stars, then the risk-level bands (runs of windows
from :func:`sra_analysis.review.spans.merge_spans`, see :mod:`._runs`), the legend, and the axes
and title.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from sra_analysis.charts._common import (
    INK,
    LABEL_LIMIT,
    NEUTRAL,
    check_lang,
    escape,
    level_legend,
    level_order,
    style,
)
from sra_analysis.charts._markers import (
    DISRUPTION_COLOUR,
    bin_hours,
    count_text,
    incident_traces,
    incidents_inside,
    largest_bin_count,
)
from sra_analysis.charts._runs import level_bands, level_runs, planned_runs, planned_steps
from sra_analysis.charts._time_axis import hover_time, local_time, midnight_lines, time_ticks
from sra_analysis.errors import ParameterError
from sra_analysis.event import Event, EventMeta, Ring, fold_label
from sra_analysis.labels import t
from sra_analysis.labels.timezone import zone_label
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.review.staffing import staffing_timeline
from sra_analysis.review.windows import review_windows

__all__ = ["staffing_vs_incidents"]

_ROW_HEIGHT = 250


@dataclass(frozen=True)
class _Canvas:
    """What every layer of one figure shares: the event's span (naive local time), the
    time zone, the language and how incident markers are drawn (``bin_width`` hours per
    counted marker, ``None`` for one marker per incident)."""

    start: pd.Timestamp
    end: pd.Timestamp
    zone: str
    lang: str
    bin_width: int | None
    largest_bin: int


def staffing_vs_incidents(
    event: Event,
    *,
    windows: pd.DataFrame | None = None,
    evaluation: Evaluation | None = None,
    lang: str = "en",
) -> go.Figure:
    """Officers on duty per ring over time, with incidents and the SRA's risk level behind.

    One row per ring in the event's display order on a shared local-time axis. Each row
    shows the headcount as a step area, the planned staffing (where the register plans it)
    as a dashed step line, every incident reported during the event as a marker on the
    headcount at that moment (size = severity, a star for a disruption of proceedings) and
    the SRA's predicted level of each window as a coloured background band (consecutive
    windows of equal level merged into one band).

    Above :data:`~sra_analysis.charts._markers.MARKER_LIMIT` incidents inside the event
    (2,000), markers count incidents instead: per ring × hour (wider bins for events over
    1,000 hours) that had any, a circle at the bin's middle whose area grows with its
    incidents and a star inside whose area grows with its disruptions; a note under the
    title says so. No trace then holds more than 1,000 points.

    Parameters
    ----------
    event : Event
        A loaded event (incidents, staffing and metadata are read from it).
    windows : DataFrame, optional
        A windows table (:func:`sra_analysis.review_windows`) giving the bands and the
        planned staffing; by default ``evaluation.windows``, else ``review_windows(event,
        "1h")``.
    evaluation : Evaluation, optional
        Used for its windows when ``windows`` is not given.
    lang : {"en", "id"}, default "en"
        Language of every label.

    Returns
    -------
    plotly.graph_objects.Figure
        Layout shapes are the level bands (``name`` = level, one per run of equal level)
        plus dotted midnight lines (``name`` = ``"midnight"``); incident traces have
        ``meta`` ``{"kind": "incidents" | "disruptions", "ring": id}``, plus
        ``"bin_hours"`` when markers count incidents (their ``customdata`` is the count).

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> fig = staffing_vs_incidents(event, lang="id")
    >>> [a.text.split(" · ")[0] for a in fig.layout.annotations][:3]
    ['<b>Ruang pleno (ring 1)</b>', '<b>Dalam gedung (ring 2)</b>', '<b>Luar pagar (ring 3)</b>']
    >>> sum(len(tr.x) for tr in fig.data if (tr.meta or {}).get("kind") in
    ...     ("incidents", "disruptions")) == len(event.incidents)
    True
    """
    check_lang(lang)
    windows = _windows_of(event, windows, evaluation)
    meta = event.meta
    start, end = local_time([meta.start, meta.end], meta.timezone)
    incidents = incidents_inside(event, start, end, lang)
    bin_width = bin_hours(len(incidents), (end - start) / pd.Timedelta(hours=1))
    largest = 1 if bin_width is None else largest_bin_count(incidents, start, bin_width)
    canvas = _Canvas(start, end, meta.timezone, lang, bin_width, largest)
    frame = _window_frame(windows, meta.timezone)
    planned = planned_runs(frame)
    timeline = staffing_timeline(event)
    fig = _ring_rows(meta.rings, incidents, lang)
    top = 1.0
    for row, ring in enumerate(meta.rings, start=1):
        times, heads, ring_top = _add_headcount(fig, timeline, ring.id, row, canvas)
        ring_plan = planned[planned["ring"] == ring.id]
        ring_top = max(ring_top, _add_planned(fig, ring_plan, ring.id, row, lang))
        _add_incident_markers(fig, incidents, ring, row, canvas, times=times, heads=heads)
        top = max(top, ring_top)
    levels = level_order(windows["predicted_level"], meta)
    bands = level_bands(level_runs(frame), meta.ring_ids, levels)
    _add_legend(fig, levels, meta.flag_level, canvas)
    shapes = bands + midnight_lines(start, end)
    return _lay_out(fig, shapes, meta, canvas, top=top, incidents=len(incidents))


def _windows_of(
    event: Event, windows: pd.DataFrame | None, evaluation: Evaluation | None
) -> pd.DataFrame:
    """The windows table to draw, after checking the arguments of the builder."""
    if not isinstance(event, Event):
        raise ParameterError(
            f"staffing_vs_incidents: event must be an Event from load_event(), "
            f"got {type(event).__name__}"
        )
    if evaluation is not None and not isinstance(evaluation, Evaluation):
        raise ParameterError(
            f"staffing_vs_incidents: evaluation must be an Evaluation from evaluate(), "
            f"got {type(evaluation).__name__}"
        )
    if windows is None:
        windows = evaluation.windows if evaluation is not None else review_windows(event, "1h")
    missing = {"ring", "window_start", "window_end", "predicted_level"} - set(windows.columns)
    if missing:
        raise ParameterError(
            f"staffing_vs_incidents: windows lacks column(s) {sorted(missing)}; pass the table "
            "from review_windows()"
        )
    return windows


def _window_frame(windows: pd.DataFrame, zone: str) -> pd.DataFrame:
    """``ring``, ``start``, ``end`` (naive local), ``level`` and ``planned_staff`` per window."""
    return pd.DataFrame(
        {
            "ring": windows["ring"].astype(str).to_numpy(),
            "start": local_time(windows["window_start"], zone),
            "end": local_time(windows["window_end"], zone),
            "level": windows["predicted_level"].astype(str).to_numpy(),
            "planned_staff": (
                windows["planned_staff"].astype("float64").to_numpy()
                if "planned_staff" in windows.columns
                else np.nan
            ),
        }
    )


def _ring_title(ring: Ring, lang: str, incidents: int, disruptions: int) -> str:
    """Bold ring name (with its id when the name does not say it) and the ring's counts."""
    label = ring.label(lang)
    name = escape(label, limit=LABEL_LIMIT)
    if fold_label(label) != fold_label(f"ring {ring.id}"):
        name = t("chart.ring_title", lang, name=name, ring=escape(ring.id, limit=LABEL_LIMIT))
    counts = t(
        "chart.ring_counts",
        lang,
        incidents=count_text(incidents, lang),
        disruptions=count_text(disruptions, lang),
    )
    return f"<b>{name}</b> · {counts}"


def _ring_rows(rings: tuple[Ring, ...], incidents: pd.DataFrame, lang: str) -> go.Figure:
    """An empty figure of one row per ring on a shared x axis, each titled with its counts."""
    ring_of = incidents["ring"].astype(str).to_numpy()
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)
    titles = [
        _ring_title(
            ring, lang, int((ring_of == ring.id).sum()), int(disrupted[ring_of == ring.id].sum())
        )
        for ring in rings
    ]
    return make_subplots(
        rows=len(rings),
        cols=1,
        shared_xaxes=True,
        subplot_titles=titles,
        vertical_spacing=min(0.12, 0.3 / max(len(rings), 1)),
    )


def _headcount_steps(timeline: pd.DataFrame, ring: str, canvas: _Canvas):
    """Step points (time, headcount) of one ring from event start to end, and the ring's
    change points (naive local ``times``, ``heads``) the markers are placed on."""
    start, end = canvas.start, canvas.end
    part = timeline[timeline["ring"].astype(str) == ring]
    times = local_time(part["time"], canvas.zone)
    heads = part["headcount"].to_numpy()
    before = np.flatnonzero(times <= start)
    first = int(heads[before[-1]]) if len(before) else 0
    inside = ((times > start) & (times < end)).to_numpy()
    x = [start, *times[inside], end]
    y = [first, *heads[inside]]
    y.append(y[-1])
    return x, y, times, heads


def _add_headcount(fig: go.Figure, timeline: pd.DataFrame, ring: str, row: int, canvas: _Canvas):
    """Add the ring's officers on duty as a filled step area; return the change points and
    the highest headcount drawn."""
    x, y, times, heads = _headcount_steps(timeline, ring, canvas)
    label = t("headcount", canvas.lang)
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            line={"shape": "hv", "color": NEUTRAL, "width": 2},
            fill="tozeroy",
            fillcolor="rgba(40, 40, 40, 0.16)",
            name=label,
            legendgroup="headcount",
            showlegend=row == 1,
            hovertemplate=f"%{{x|{hover_time(canvas.lang)}}}<br>{label}: %{{y}}<extra></extra>",
            meta={"kind": "headcount", "ring": escape(ring)},
        ),
        row=row,
        col=1,
    )
    return times, heads, (max(y) if y else 0)


def _add_planned(fig: go.Figure, runs: pd.DataFrame, ring: str, row: int, lang: str) -> float:
    """Add the ring's planned staffing (its runs of equal plan) as a dashed step line,
    broken where no item plans staff; return the highest plan (0 when none)."""
    if runs.empty:
        return 0.0
    x, y = planned_steps(runs)
    label = t("planned_staff", lang)
    fig.add_trace(
        go.Scatter(
            x=x,
            y=y,
            mode="lines",
            connectgaps=False,
            line={"color": INK, "width": 2, "dash": "dash"},
            name=label,
            legendgroup="planned",
            showlegend=not any((tr.meta or {}).get("kind") == "planned" for tr in fig.data),
            hovertemplate=f"%{{x|{hover_time(lang)}}}<br>{label}: %{{y}}<extra></extra>",
            meta={"kind": "planned", "ring": escape(ring)},
        ),
        row=row,
        col=1,
    )
    return float(runs["value"].max())


def _add_incident_markers(
    fig: go.Figure,
    incidents: pd.DataFrame,
    ring: Ring,
    row: int,
    canvas: _Canvas,
    *,
    times: pd.Series,
    heads: np.ndarray,
) -> None:
    """Add the ring's incident markers and disruption stars, placed on the headcount at the
    time (or counted per bin above the marker limit, see :mod:`._markers`)."""
    mine = incidents[(incidents["ring"].astype(str) == ring.id).to_numpy()]
    for trace in incident_traces(
        mine,
        ring_id=ring.id,
        ring_name=escape(ring.label(canvas.lang), limit=LABEL_LIMIT),
        times=times,
        heads=heads,
        start=canvas.start,
        bin_width=canvas.bin_width,
        largest_bin=canvas.largest_bin,
        lang=canvas.lang,
    ):
        fig.add_trace(trace, row=row, col=1)


def _add_legend(fig: go.Figure, levels: list[str], flag_level: str, canvas: _Canvas) -> None:
    """Legend entries for the marker kinds and the level colours.

    The marker entries are data-free traces: the data traces stay off the legend, so an
    empty first ring does not hide them.
    """
    counted = "_count" if canvas.bin_width else ""
    for kind, symbol, colour in (
        ("incident", "circle", INK),
        ("disruption", "star", DISRUPTION_COLOUR),
    ):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(f"chart.{kind}{counted}_marker", canvas.lang),
                marker={"symbol": symbol, "size": 14, "color": colour},
                legendgroup=f"{kind}s",
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    level_legend(fig, levels, canvas.lang, flag_level=flag_level, row=1, col=1)


def _lay_out(
    fig: go.Figure,
    shapes: list[dict],
    meta: EventMeta,
    canvas: _Canvas,
    *,
    top: float,
    incidents: int,
) -> go.Figure:
    """Shapes, shared axes (officers from 0, local-time ticks), ring titles and the title
    (with a note when markers count incidents)."""
    lang, binned = canvas.lang, canvas.bin_width
    fig.update_layout(shapes=shapes)
    fig.update_yaxes(
        title_text=t("chart.officers", lang),
        range=[0, top * 1.15 + 0.5],
        rangemode="tozero",
        fixedrange=False,
        showgrid=True,
    )
    tickvals, ticktext = time_ticks(canvas.start, canvas.end, lang)
    fig.update_xaxes(
        range=[canvas.start, canvas.end],
        tickmode="array",
        tickvals=tickvals,
        ticktext=ticktext,
        showgrid=True,
        gridcolor="#E5E5E5",
    )
    fig.update_xaxes(
        title_text=t("chart.time_local", lang, zone=zone_label(canvas.zone, lang)),
        row=len(meta.rings),
        col=1,
    )
    for annotation in fig.layout.annotations:
        annotation.update(x=0, xanchor="left", font={"size": 14})
    name = escape(meta.name, limit=90)
    title = f"{t('chart.staffing_vs_incidents.title', lang)}<br><sup>{name}</sup>"
    if binned:
        note = t("chart.binned_note", lang, count=count_text(incidents, lang), hours=binned)
        title += f"<br><sup>{note}</sup>"
    return style(
        fig,
        lang=lang,
        title=title,
        height=_ROW_HEIGHT * len(meta.rings) + 170 + (20 if binned else 0),
        hovermode="closest",
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "tracegroupgap": 6},
        margin={"l": 70, "r": 30, "t": 120 if binned else 100, "b": 70},
    )
