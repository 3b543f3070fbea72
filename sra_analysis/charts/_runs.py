"""Runs of windows the centrepiece draws as one piece: level bands and planned-staffing steps.

Both are runs of touching windows of one ring that share a value (the predicted level, or
the planned headcount). :func:`sra_analysis.review.spans.merge_spans` finds runs of touching
windows; applied to the windows of each value separately, its spans are exactly the runs of
that value, because windows of a ring do not overlap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.charts._common import escape, level_colors
from sra_analysis.charts._time_axis import axis_ref
from sra_analysis.review.spans import merge_spans

__all__ = ["RUN_COLUMNS", "level_bands", "level_runs", "planned_runs", "planned_steps"]

#: Columns of the tables :func:`level_runs` and :func:`planned_runs` return.
RUN_COLUMNS = ["ring", "start", "end", "value"]
_BAND_OPACITY = 0.4


def _value_runs(windows: pd.DataFrame, column: str) -> pd.DataFrame:
    """Runs of touching windows of one ring with equal ``column``, ordered by ring and time.

    ``windows`` has ``ring``, ``start``, ``end`` and ``column``; rows where ``column`` is
    missing belong to no run.
    """
    runs = []
    for value in windows[column].dropna().unique():
        same = windows[windows[column] == value]
        hours = (same["end"] - same["start"]) / pd.Timedelta(hours=1)
        spans = merge_spans(
            pd.DataFrame(
                {
                    "ring": same["ring"].astype(str).to_numpy(),
                    "window_start": same["start"].to_numpy(),
                    "window_end": same["end"].to_numpy(),
                    "hours": hours.to_numpy(dtype=float),
                    "incidents": 0,
                    "disruptions": 0,
                    "predicted_level": pd.Categorical.from_codes(
                        np.zeros(len(same), dtype=np.int8), categories=[""], ordered=True
                    ),
                    "max_severity": 0,
                    "officer_hours": 0.0,
                    "mean_staff": 0.0,
                    "planned_staff": np.nan,
                }
            )
        )
        runs.append(spans[["ring", "start", "end"]].assign(value=value))
    if not runs:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in RUN_COLUMNS})
    table = pd.concat(runs, ignore_index=True)
    return table.sort_values(["ring", "start"], kind="stable").reset_index(drop=True)


def level_runs(windows: pd.DataFrame) -> pd.DataFrame:
    """Consecutive, touching windows of one ring with the same predicted level, merged.

    Parameters
    ----------
    windows : DataFrame
        ``ring``, ``start``, ``end`` (window bounds) and ``level`` (the level's name).

    Returns
    -------
    DataFrame
        ``ring``, ``start``, ``end``, ``value`` (the level), one row per band, ordered by
        ring then time.

    Examples
    --------
    >>> t = pd.to_datetime(["2024-03-01 10:00", "2024-03-01 11:00", "2024-03-01 12:00"])
    >>> w = pd.DataFrame({"ring": "1", "start": t, "end": t + pd.Timedelta("1h"),
    ...                   "level": ["high", "high", "medium"]})
    >>> runs = level_runs(w)
    >>> runs["value"].tolist(), runs["end"].dt.strftime("%H:%M").tolist()
    (['high', 'medium'], ['12:00', '13:00'])
    """
    return _value_runs(windows, "level")


def planned_runs(windows: pd.DataFrame) -> pd.DataFrame:
    """Consecutive, touching windows of one ring with the same planned headcount, merged.

    Parameters
    ----------
    windows : DataFrame
        ``ring``, ``start``, ``end`` and ``planned_staff`` (missing where no item plans
        staff).

    Returns
    -------
    DataFrame
        ``ring``, ``start``, ``end``, ``value`` (the planned headcount), ordered by ring then
        time; windows without a plan are in no run.
    """
    return _value_runs(windows, "planned_staff")


def planned_steps(runs: pd.DataFrame) -> tuple[list, list]:
    """Points of a dashed step line through the runs of one ring, broken at every gap.

    Each run is a flat segment from its start to its end; a run that starts where the
    previous one ended joins it with a vertical step, any other gap is a ``None`` point (a
    break in the line).

    Examples
    --------
    >>> t = pd.to_datetime(["2024-03-01 10:00", "2024-03-01 12:00", "2024-03-01 15:00"])
    >>> runs = pd.DataFrame({"ring": "1", "start": t, "end": t + pd.Timedelta("2h"),
    ...                      "value": [5.0, 8.0, 8.0]})
    >>> x, y = planned_steps(runs)
    >>> [None if v is None else v.strftime("%H") for v in x], y
    (['10', '12', '12', '14', None, '15', '17'], [5.0, 5.0, 8.0, 8.0, None, 8.0, 8.0])
    """
    x: list = []
    y: list = []
    previous_end = None
    for start, end, value in zip(runs["start"], runs["end"], runs["value"], strict=True):
        if previous_end is not None and start != previous_end:
            x.append(None)
            y.append(None)
        x += [start, end]
        y += [value, value]
        previous_end = end
    return x, y


def level_bands(runs: pd.DataFrame, ring_ids, levels: list[str]) -> list[dict]:
    """Background rectangles of the risk levels, one per run of equal predicted level.

    Parameters
    ----------
    runs : DataFrame
        The runs of :func:`level_runs` (``ring``, ``start``, ``end``, ``value``).
    ring_ids : sequence of str
        Ring ids in display order: ring ``ring_ids[k]`` is drawn in subplot row ``k + 1``;
        runs of other rings are left out.
    levels : list of str
        Level names from lowest to highest (colours by :func:`level_colors`; a level not
        among them takes the lowest level's colour).

    Returns
    -------
    list of dict
        Plotly layout shapes (``name`` = level), rings in display order, each in time order.

    Examples
    --------
    >>> t = pd.to_datetime(["2024-03-01 10:00", "2024-03-01 12:00"])
    >>> runs = pd.DataFrame({"ring": ["2", "1"], "start": t, "end": t + pd.Timedelta("2h"),
    ...                      "value": ["high", "low"]})
    >>> [(b["name"], b["xref"], b["fillcolor"]) for b in level_bands(runs, ["1", "2"],
    ...                                                             ["none", "low", "high"])]
    [('low', 'x', '#009E73'), ('high', 'x2', '#E69F00')]
    """
    colours = level_colors(levels)
    shapes = []
    for row, ring in enumerate(ring_ids, start=1):
        mine = runs[runs["ring"] == ring]
        for start, end, level in zip(mine["start"], mine["end"], mine["value"], strict=True):
            shapes.append(
                {
                    "type": "rect",
                    "name": escape(level),
                    "xref": axis_ref(row, "x"),
                    "yref": f"{axis_ref(row, 'y')} domain",
                    "x0": start,
                    "x1": end,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": colours.get(level, colours[levels[0]]),
                    "opacity": _BAND_OPACITY,
                    "layer": "below",
                    "line": {"width": 0},
                }
            )
    return shapes
