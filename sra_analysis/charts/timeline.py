"""The review's centrepiece: officers on duty, incidents and the SRA's rating, ring by ring."""

from __future__ import annotations

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
    level_colors,
    level_legend,
    level_order,
    style,
)
from sra_analysis.charts._markers import (
    DISRUPTION_COLOUR,
    bin_hours,
    count_text,
    date_text,
    incident_traces,
    largest_bin_count,
)
from sra_analysis.errors import ParameterError
from sra_analysis.event import Event, fold_label
from sra_analysis.labels import t
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.review.staffing import staffing_timeline
from sra_analysis.review.windows import review_windows

__all__ = ["staffing_vs_incidents"]

_ROW_HEIGHT = 250
_BAND_OPACITY = 0.4
_TIME_FORMAT = "%d/%m/%Y %H:%M"


def _time_ticks(start: pd.Timestamp, end: pd.Timestamp, lang: str):
    """Tick every few hours on whole hours; the date under the first tick and each midnight."""
    step = _tick_step((end - start) / pd.Timedelta(hours=1))
    ticks = [
        tick
        for tick in pd.date_range(start.floor("D"), end, freq=f"{step}h")
        if start <= tick <= end
    ]
    text = []
    for position, tick in enumerate(ticks):
        label = f"{tick:%H:%M}"
        if position == 0 or (tick.hour == 0 and tick.minute == 0):
            label += f"<br><b>{date_text(tick, lang)}</b>"
        text.append(label)
    return ticks, text


def _local(values, zone: str) -> pd.Series:
    """Timestamps as naive local wall-clock time in ``zone`` (what the axis shows)."""
    stamps = pd.Series(pd.to_datetime(values)).reset_index(drop=True)
    if stamps.dt.tz is None:
        return stamps
    return stamps.dt.tz_convert(zone).dt.tz_localize(None)


def _axis(row: int, kind: str) -> str:
    return kind if row == 1 else f"{kind}{row}"


def _headcount_steps(timeline: pd.DataFrame, ring: str, start, end, zone: str):
    """Step points (time, headcount) of one ring from event start to end."""
    part = timeline[timeline["ring"].astype(str) == ring]
    times = _local(part["time"], zone)
    heads = part["headcount"].to_numpy()
    before = np.flatnonzero(times <= start)
    first = int(heads[before[-1]]) if len(before) else 0
    inside = ((times > start) & (times < end)).to_numpy()
    x = [start, *times[inside], end]
    y = [first, *heads[inside]]
    y.append(y[-1])
    return x, y, times, heads


def _planned_segments(part: pd.DataFrame):
    """Dashed-step points of the planned staffing, broken where no item plans staff."""
    x, y = [], []
    previous_end, previous_value = None, None
    for start, end, value in zip(part["start"], part["end"], part["planned_staff"], strict=True):
        if pd.isna(value):
            if previous_end is not None:
                x.append(None)
                y.append(None)
            previous_end, previous_value = None, None
            continue
        if previous_end is not None and start == previous_end and value == previous_value:
            x[-1] = end  # extend the current flat run
        else:
            if previous_end is not None and start != previous_end:
                x.append(None)
                y.append(None)
            x += [start, end]
            y += [value, value]
        previous_end, previous_value = end, value
    return x, y


def _level_runs(part: pd.DataFrame) -> list[tuple]:
    """(start, end, level) of consecutive, contiguous windows with the same level."""
    runs: list[list] = []
    for start, end, level in zip(part["start"], part["end"], part["level"], strict=True):
        if runs and runs[-1][2] == level and runs[-1][1] == start:
            runs[-1][1] = end
        else:
            runs.append([start, end, level])
    return [tuple(run) for run in runs]


def _ring_title(ring, lang: str, incidents: int, disruptions: int) -> str:
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


def _tick_step(hours: float) -> int:
    for limit, step in ((12, 1), (30, 3), (96, 6), (240, 12)):
        if hours <= limit:
            return step
    return 24


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
    ['<b>Luar pagar (ring 1)</b>', '<b>Dalam gedung (ring 2)</b>', '<b>Ruang pleno (ring 3)</b>']
    >>> sum(len(tr.x) for tr in fig.data if (tr.meta or {}).get("kind") in
    ...     ("incidents", "disruptions")) == len(event.incidents)
    True
    """
    check_lang(lang)
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
    meta, zone = event.meta, event.meta.timezone
    if windows is None:
        windows = evaluation.windows if evaluation is not None else review_windows(event, "1h")
    missing = {"ring", "window_start", "window_end", "predicted_level"} - set(windows.columns)
    if missing:
        raise ParameterError(
            f"staffing_vs_incidents: windows lacks column(s) {sorted(missing)}; pass the table "
            "from review_windows()"
        )
    start, end = _local([meta.start, meta.end], zone)
    levels = level_order(windows["predicted_level"], meta)
    colours = level_colors(levels)
    frame = pd.DataFrame(
        {
            "ring": windows["ring"].astype(str).to_numpy(),
            "start": _local(windows["window_start"], zone),
            "end": _local(windows["window_end"], zone),
            "level": windows["predicted_level"].astype(str).to_numpy(),
            "planned_staff": (
                windows["planned_staff"].astype("float64").to_numpy()
                if "planned_staff" in windows.columns
                else np.nan
            ),
        }
    ).sort_values(["ring", "start"], kind="stable")

    incidents = event.incidents.reset_index(drop=True)
    local_time = _local(incidents["reported_at"], zone)
    inside = ((local_time >= start) & (local_time < end)).to_numpy()
    incidents = incidents.loc[inside].assign(local_time=local_time[inside].to_numpy())
    incident_ring = incidents["ring"].astype(str)
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)

    rings = meta.rings
    titles = [
        _ring_title(
            ring,
            lang,
            int((incident_ring == ring.id).sum()),
            int(disrupted[(incident_ring == ring.id).to_numpy()].sum()),
        )
        for ring in rings
    ]
    fig = make_subplots(
        rows=len(rings),
        cols=1,
        shared_xaxes=True,
        subplot_titles=titles,
        vertical_spacing=min(0.12, 0.3 / max(len(rings), 1)),
    )
    timeline = staffing_timeline(event)
    bin_width = bin_hours(len(incidents), (end - start) / pd.Timedelta(hours=1))
    largest = 1 if bin_width is None else largest_bin_count(incidents, start, bin_width)
    shapes, top = [], 1.0
    for row, ring in enumerate(rings, start=1):
        legend = row == 1
        x, y, times, heads = _headcount_steps(timeline, ring.id, start, end, zone)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                line={"shape": "hv", "color": NEUTRAL, "width": 2},
                fill="tozeroy",
                fillcolor="rgba(40, 40, 40, 0.16)",
                name=t("headcount", lang),
                legendgroup="headcount",
                showlegend=legend,
                hovertemplate=f"%{{x|{_TIME_FORMAT}}}<br>{t('headcount', lang)}: %{{y}}"
                "<extra></extra>",
                meta={"kind": "headcount", "ring": escape(ring.id)},
            ),
            row=row,
            col=1,
        )
        ring_top = max(y) if y else 0
        part = frame[frame["ring"] == ring.id]
        if part["planned_staff"].notna().any():
            px_, py_ = _planned_segments(part)
            fig.add_trace(
                go.Scatter(
                    x=px_,
                    y=py_,
                    mode="lines",
                    connectgaps=False,
                    line={"color": INK, "width": 2, "dash": "dash"},
                    name=t("planned_staff", lang),
                    legendgroup="planned",
                    showlegend=not any((tr.meta or {}).get("kind") == "planned" for tr in fig.data),
                    hovertemplate=f"%{{x|{_TIME_FORMAT}}}<br>{t('planned_staff', lang)}: %{{y}}"
                    "<extra></extra>",
                    meta={"kind": "planned", "ring": escape(ring.id)},
                ),
                row=row,
                col=1,
            )
            ring_top = max(ring_top, float(part["planned_staff"].max()))
        mine = incidents[(incident_ring == ring.id).to_numpy()]
        ring_name = escape(ring.label(lang), limit=LABEL_LIMIT)
        for trace in incident_traces(
            mine, ring_id=ring.id, ring_name=ring_name, times=times, heads=heads, start=start,
            bin_width=bin_width, largest_bin=largest, lang=lang,
        ):  # fmt: skip
            fig.add_trace(trace, row=row, col=1)
        top = max(top, ring_top)
        for run_start, run_end, level in _level_runs(part):
            shapes.append(
                {
                    "type": "rect",
                    "name": escape(level),
                    "xref": _axis(row, "x"),
                    "yref": f"{_axis(row, 'y')} domain",
                    "x0": run_start,
                    "x1": run_end,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": colours.get(level, colours[levels[0]]),
                    "opacity": _BAND_OPACITY,
                    "layer": "below",
                    "line": {"width": 0},
                }
            )
    for day in pd.date_range(start.normalize() + pd.Timedelta(days=1), end, freq="D"):
        shapes.append(
            {
                "type": "line",
                "name": "midnight",
                "xref": "x",
                "yref": "paper",
                "x0": day,
                "x1": day,
                "y0": 0,
                "y1": 1,
                "layer": "below",
                "line": {"color": "#555555", "width": 1, "dash": "dot"},
            }
        )
    # legend entries for the marker kinds (the data traces stay off the legend, so an
    # empty first ring does not hide them)
    counted = "_count" if bin_width else ""
    for kind, symbol, colour in (
        ("incident", "circle", INK),
        ("disruption", "star", DISRUPTION_COLOUR),
    ):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(f"chart.{kind}{counted}_marker", lang),
                marker={"symbol": symbol, "size": 14, "color": colour},
                legendgroup=f"{kind}s",
                hoverinfo="skip",
            ),
            row=1,
            col=1,
        )
    level_legend(fig, levels, lang, flag_level=meta.flag_level, row=1, col=1)
    fig.update_layout(shapes=shapes)
    fig.update_yaxes(
        title_text=t("chart.officers", lang),
        range=[0, top * 1.15 + 0.5],
        rangemode="tozero",
        fixedrange=False,
        showgrid=True,
    )
    tickvals, ticktext = _time_ticks(start, end, lang)
    fig.update_xaxes(
        range=[start, end],
        tickmode="array",
        tickvals=tickvals,
        ticktext=ticktext,
        showgrid=True,
        gridcolor="#E5E5E5",
    )
    fig.update_xaxes(title_text=t("chart.time_local", lang, zone=zone), row=len(rings), col=1)
    for annotation in fig.layout.annotations:
        annotation.update(x=0, xanchor="left", font={"size": 14})
    name = escape(meta.name, limit=90)
    title = f"{t('chart.staffing_vs_incidents.title', lang)}<br><sup>{name}</sup>"
    if bin_width:
        note = t("chart.binned_note", lang, count=count_text(len(incidents), lang), hours=bin_width)
        title += f"<br><sup>{note}</sup>"
    return style(
        fig,
        title=title,
        height=_ROW_HEIGHT * len(rings) + 170 + (20 if bin_width else 0),
        hovermode="closest",
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "tracegroupgap": 6},
        margin={"l": 70, "r": 30, "t": 120 if bin_width else 100, "b": 70},
    )
