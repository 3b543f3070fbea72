"""Runs of consecutive windows, so a report can say "ring 1, 2 Mar 12:00–18:00" once
instead of listing six hourly windows."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["SPAN_COLUMNS", "merge_spans"]

SPAN_COLUMNS = [
    "ring",
    "start",
    "end",
    "hours",
    "windows",
    "incidents",
    "disruptions",
    "max_level",
    "max_severity",
    "officer_hours",
    "shortfall_officer_hours",
]


def merge_spans(windows: pd.DataFrame) -> pd.DataFrame:
    """Merge windows that follow each other in the same ring into spans.

    Parameters
    ----------
    windows : DataFrame
        Rows of a windows table (any subset), with at least ``ring``, ``window_start``,
        ``window_end``, ``hours``, ``incidents``, ``disruptions``, ``predicted_level``,
        ``max_severity``, ``officer_hours``, ``mean_staff`` and ``planned_staff``.

    Returns
    -------
    DataFrame
        One row per run of touching windows: ``ring``, ``start``, ``end``, ``hours``,
        ``windows`` (how many), ``incidents``, ``disruptions``, ``max_level`` (highest
        predicted level), ``max_severity``, ``officer_hours`` and
        ``shortfall_officer_hours`` (officer-hours below plan, 0 where no plan), ordered by
        ring then time.

    Examples
    --------
    >>> t = pd.to_datetime(["2024-03-01 10:00", "2024-03-01 11:00", "2024-03-01 13:00"])
    >>> w = pd.DataFrame({"ring": ["1", "1", "1"], "window_start": t,
    ...                   "window_end": t + pd.Timedelta("1h"), "hours": 1.0,
    ...                   "incidents": [1, 0, 2], "disruptions": [0, 0, 1],
    ...                   "predicted_level": pd.Categorical(["high", "extreme", "high"],
    ...                       categories=["low", "high", "extreme"], ordered=True),
    ...                   "max_severity": [2, 0, 4], "officer_hours": 5.0,
    ...                   "mean_staff": 5.0, "planned_staff": [6.0, 6.0, None]})
    >>> spans = merge_spans(w)
    >>> spans["windows"].tolist(), spans["incidents"].tolist(), spans["max_level"].tolist()
    ([2, 1], [1, 2], ['extreme', 'high'])
    >>> spans["end"].dt.strftime("%H:%M").tolist()
    ['12:00', '14:00']
    """
    if windows.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SPAN_COLUMNS})
    ordered = windows.sort_values(["ring", "window_start"], kind="stable")
    ring = ordered["ring"].astype(str).to_numpy()
    start = ordered["window_start"].to_numpy()
    end = ordered["window_end"].to_numpy()
    new_run = np.ones(len(ordered), dtype=bool)
    new_run[1:] = (ring[1:] != ring[:-1]) | (start[1:] != end[:-1])
    first = np.flatnonzero(new_run)  # each run's first row; rows are ordered within runs
    last = np.r_[first[1:], len(ordered)] - 1
    shortfall = (ordered["planned_staff"] - ordered["mean_staff"]).clip(lower=0).fillna(
        0
    ) * ordered["hours"]

    def total(values) -> np.ndarray:
        return np.add.reduceat(np.asarray(values), first)

    def highest(values) -> np.ndarray:
        return np.maximum.reduceat(np.asarray(values), first)

    level = ordered["predicted_level"]
    if isinstance(level.dtype, pd.CategoricalDtype) and level.cat.ordered:
        codes = highest(level.cat.codes.to_numpy())  # -1 (missing) only when all are
        max_level = pd.Categorical.from_codes(codes, dtype=level.dtype)
    else:
        max_level = level.groupby(np.cumsum(new_run), sort=True).max().to_numpy()
    spans = pd.DataFrame(
        {
            "ring": ring[first],
            "start": ordered["window_start"].iloc[first].to_numpy(),
            "end": ordered["window_end"].iloc[last].to_numpy(),
            "hours": total(ordered["hours"]),
            "windows": last - first + 1,
            "incidents": total(ordered["incidents"]),
            "disruptions": total(ordered["disruptions"]),
            "max_level": max_level,
            "max_severity": highest(ordered["max_severity"]),
            "officer_hours": total(ordered["officer_hours"]),
            "shortfall_officer_hours": total(shortfall),
        }
    )
    return spans.reset_index(drop=True)[SPAN_COLUMNS]
