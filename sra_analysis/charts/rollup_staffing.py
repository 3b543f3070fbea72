"""The roll-up's staffing chart: where staffing fell short of plan when it mattered.

One heat map, a row per pooled ring (zones from the inside out) and a column per block of
hours of the day, coloured by the share of the ring-hours that mattered (flagged by the SRA
or with an incident) served below plan; the hover gives the counts and planned against
served officer-hours. Data in (:attr:`sra_analysis.rollup.StaffingVsPlan.cells`, or its rows
read back from ``rollup.json``), figure out.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from sra_analysis.charts._common import check_lang, number, style
from sra_analysis.charts._rollup_common import frame_of
from sra_analysis.charts.rollup import _ring_rows
from sra_analysis.labels import t
from sra_analysis.labels.formats import format_percent, time_separator

__all__ = ["staffing_gap_heatmap"]

_COLUMNS = ["ring", "hour", "last_hour", "windows", "windows_with_plan", "windows_without_plan",
            "windows_below_plan", "share_below_plan", "planned_officer_hours",
            "served_officer_hours", "events", "events_below_plan"]  # fmt: skip


def staffing_gap_heatmap(cells, *, min_events: int = 2, lang: str = "en") -> go.Figure:
    """Share of ring-hours below planned staffing when it mattered, by ring × hour of day.

    Parameters
    ----------
    cells : DataFrame or list of dict
        :attr:`sra_analysis.rollup.StaffingVsPlan.cells`: ``ring``, ``hour``, ``last_hour``,
        ``windows``, ``windows_with_plan``, ``windows_without_plan``,
        ``windows_below_plan``, ``share_below_plan``, ``planned_officer_hours``,
        ``served_officer_hours``, ``events``, ``events_below_plan`` (``ring_name`` when
        known).
    min_events : int, default 2
        A block below plan in fewer events than this is faded: one event's short hour is not
        a pattern to plan for.
    lang : {"en", "id"}, default "en"

    Returns
    -------
    plotly.graph_objects.Figure
        One heat map (``meta`` ``"staffing"``) from 0 (every ring-hour at plan) to 1 (every
        one below it); a block whose ring-hours had no plan shows ``·`` and no colour. Over
        it, white shapes (named ``"few events"``) fade the blocks below plan in fewer than
        ``min_events`` events.

    Examples
    --------
    >>> fig = staffing_gap_heatmap([{"ring": "perimeter", "hour": 14, "last_hour": 14,
    ...     "windows": 3, "windows_with_plan": 3, "windows_without_plan": 0,
    ...     "windows_below_plan": 3, "share_below_plan": 1.0, "planned_officer_hours": 12.0,
    ...     "served_officer_hours": 6.0, "events": 3, "events_below_plan": 3}], lang="id")
    >>> fig.data[0].z[0][14], fig.data[0].y[0]
    (np.float64(1.0), 'Ring 3 – pagar, gerbang dan parkir')
    """
    check_lang(lang)
    table = frame_of(cells, _COLUMNS, caller="staffing_gap_heatmap")
    table = table.assign(ring=table["ring"].astype(str))
    rings, labels = _ring_rows(table, lang)
    step = int((table["last_hour"] - table["hour"]).max() + 1) if len(table) else 1
    starts = list(range(0, 24, step))
    colon = time_separator(lang)
    shown = [f"{h:02d}{colon}00" for h in starts]
    z, few, text, hover = _grid(table, rings, labels, step, min_events=min_events, lang=lang)
    fig = go.Figure(
        go.Heatmap(
            z=z, x=shown, y=[labels[r] for r in rings], text=text, customdata=hover,
            meta="staffing", texttemplate="%{text}",
            hovertemplate="%{customdata}<extra></extra>", colorscale="Reds", zmin=0, zmax=1,
            xgap=1, ygap=2,
            colorbar={"title": {"text": t("rollup.chart.below_plan", lang)},
                      "tickformat": ".0%"},
        )
    )  # fmt: skip
    for i, j in zip(*np.nonzero(few), strict=True):  # a veil over one event's short hours
        fig.add_shape(
            type="rect", xref="x", yref="y", x0=j - 0.5, x1=j + 0.5, y0=i - 0.5, y1=i + 0.5,
            fillcolor="white", opacity=0.7, line={"width": 0}, layer="above",
            name="few events",
        )  # fmt: skip
    return style(
        fig,
        lang=lang,
        title=t("rollup.chart.staffing_title", lang),
        height=max(300, 150 + 45 * len(rings)),
        xaxis={"title": {"text": t("hour_of_day", lang)}, "type": "category",
               "tickangle": 0, "dtick": 2 if step == 1 else 1},
        yaxis={"autorange": "reversed", "automargin": True},
        annotations=[{"text": t("rollup.chart.staffing_note", lang), "xref": "paper",
                      "yref": "paper", "x": 0, "y": 0, "yshift": -55, "yanchor": "top",
                      "showarrow": False, "xanchor": "left", "font": {"size": 11}}],
        margin={"l": 70, "r": 30, "t": 80, "b": 100},
    )  # fmt: skip


def _grid(table, rings, labels, step: int, *, min_events: int, lang: str):
    """The heat map's cells: share below plan (blank without a plan, marked ``·``), a flag
    where only ``min_events`` - 1 events or fewer were below plan, and the hover text."""
    colon = time_separator(lang)
    shape = (len(rings), len(range(0, 24, step)))
    z, few = np.full(shape, np.nan), np.zeros(shape)
    text, hover = np.full(shape, "", dtype=object), np.full(shape, "", dtype=object)
    row_of = {r: i for i, r in enumerate(rings)}
    for row in table.itertuples(index=False):
        i, j = row_of[row.ring], int(row.hour) // step
        first, last = int(row.hour), int(row.last_hour)
        if row.windows_with_plan:
            z[i, j] = row.share_below_plan
        else:
            text[i, j] = "·"
        if 0 < row.events_below_plan < min_events:
            few[i, j] = 1.0
        hover[i, j] = t(
            "rollup.chart.staffing_hover", lang, ring=labels[row.ring],
            hours=f"{first:02d}{colon}00–{last:02d}{colon}59",
            below=int(row.windows_below_plan), with_plan=int(row.windows_with_plan),
            share=format_percent(row.share_below_plan, lang=lang),
            planned=number(row.planned_officer_hours, 0, lang),
            served=number(row.served_officer_hours, 0, lang), events=int(row.events),
            events_below=int(row.events_below_plan),
            without=int(row.windows_without_plan),
        )  # fmt: skip
    return z, few, text, hover
