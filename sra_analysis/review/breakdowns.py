"""The windows table broken down further: rates by level per ring, scores per ring and day,
staffing against plan per ring and day.

The full report answers each question for the whole event; these tables answer it ring by
ring and day by day, for the notebooks that go deeper into one question. Each takes a scored
windows table (``Evaluation.windows``: a windows table with ``flagged`` and ``observed``)
and returns a new tidy frame; a window belongs to the local calendar day it starts on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.review.tables import rate_by_level_table

__all__ = ["rate_by_level_per_ring", "scores_by_day", "staffing_by_day"]


def _local_day(windows: pd.DataFrame) -> pd.Series:
    """The local calendar day each window starts on (windows hold the event's zone)."""
    starts = windows["window_start"]
    if starts.dt.tz is not None:
        starts = starts.dt.tz_localize(None)
    return starts.dt.normalize().rename("day")


def _rings_in_order(windows: pd.DataFrame) -> list[str]:
    ring = windows["ring"]
    present = set(ring.astype(str))
    order = ring.cat.categories if isinstance(ring.dtype, pd.CategoricalDtype) else present
    return [str(r) for r in order if str(r) in present]


def rate_by_level_per_ring(windows: pd.DataFrame, *, confidence: float = 0.95) -> pd.DataFrame:
    """Incident and disruption rates per ring-hour for each predicted level, in each ring.

    Returns
    -------
    DataFrame
        ``ring`` followed by the columns of
        :func:`~sra_analysis.review.tables.rate_by_level_table` (``level``, ``windows``,
        ``hours``, ``incidents``, ``disruptions``, ``incident_rate``, ``incident_ci_low``,
        ``incident_ci_high``, ``disruption_rate``, ``disruption_ci_low``,
        ``disruption_ci_high``), rings in display order, only levels a ring has hours at.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> table = rate_by_level_per_ring(review.windows)
    >>> table.groupby("ring")["hours"].sum().tolist()
    [64.0, 64.0, 64.0]
    """
    parts = []
    for ring in _rings_in_order(windows):
        table = rate_by_level_table(windows[windows["ring"] == ring], confidence=confidence)
        table = table[table["hours"] > 0]
        parts.append(table.assign(ring=ring))
    columns = ["ring", *rate_by_level_table(windows.iloc[:0]).columns]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def scores_by_day(windows: pd.DataFrame) -> pd.DataFrame:
    """The 2×2 counts, POD and FAR of the flagged windows, per ring and local day.

    Parameters
    ----------
    windows : DataFrame
        A scored windows table (``Evaluation.windows``) with ``ring``, ``window_start``,
        ``hours``, ``incidents``, ``disruptions``, ``flagged`` and ``observed``.

    Returns
    -------
    DataFrame
        One row per ring × day that has windows, rings in display order then days:
        ``ring``, ``day`` (local midnight, naive), ``hours``, ``flagged_hours``,
        ``incidents``, ``disruptions``, ``hits``, ``misses``, ``false_alarms``,
        ``correct_negatives`` (counts of windows), ``pod`` and ``far`` (NaN where
        undefined, as :func:`sra_analysis.metrics.pod` and :func:`~sra_analysis.metrics.far`
        define them).
    """
    frame = windows.assign(
        day=_local_day(windows),
        flagged_hours=windows["hours"].where(windows["flagged"], 0.0),
        hits=windows["flagged"] & windows["observed"],
        misses=~windows["flagged"] & windows["observed"],
        false_alarms=windows["flagged"] & ~windows["observed"],
        correct_negatives=~windows["flagged"] & ~windows["observed"],
    )
    frame["ring"] = frame["ring"].astype(str)
    counts = ["hits", "misses", "false_alarms", "correct_negatives"]
    table = (
        frame.groupby(["ring", "day"], sort=False)[
            ["hours", "flagged_hours", "incidents", "disruptions", *counts]
        ]
        .sum()
        .reset_index()
    )
    table[counts] = table[counts].astype(int)
    tables = [metrics.TwoByTwo(*(int(row[c]) for c in counts)) for _, row in table.iterrows()]
    table["pod"] = [metrics.pod(t) for t in tables]
    table["far"] = [metrics.far(t) for t in tables]
    return _in_ring_order(table, windows)


def staffing_by_day(windows: pd.DataFrame) -> pd.DataFrame:
    """Staffing against plan and incidents, per ring and local day.

    Returns
    -------
    DataFrame
        One row per ring × day, rings in display order then days: ``ring``, ``day``,
        ``hours``, ``officer_hours``, ``planned_hours`` (hours the register plans a
        headcount for), ``planned_officer_hours`` (that plan × those hours),
        ``hours_below_plan`` (planned hours whose mean headcount fell short),
        ``shortfall_officer_hours`` (officer-hours below plan), ``incidents``,
        ``disruptions`` and ``incidents_per_100_officer_hours`` (NaN without officer-hours).
    """
    planned = windows["planned_staff"].astype("float64")
    has_plan = planned.notna()
    short = (planned - windows["mean_staff"]).clip(lower=0).fillna(0.0)
    frame = pd.DataFrame(
        {
            "ring": windows["ring"].astype(str),
            "day": _local_day(windows),
            "hours": windows["hours"],
            "officer_hours": windows["officer_hours"],
            "planned_hours": windows["hours"].where(has_plan, 0.0),
            "planned_officer_hours": (planned * windows["hours"]).fillna(0.0),
            "hours_below_plan": windows["hours"].where(has_plan & (short > 0), 0.0),
            "shortfall_officer_hours": short * windows["hours"],
            "incidents": windows["incidents"],
            "disruptions": windows["disruptions"],
        }
    )
    table = frame.groupby(["ring", "day"], sort=False).sum().reset_index()
    exposure = table["officer_hours"].where(table["officer_hours"] > 0)
    table["incidents_per_100_officer_hours"] = 100 * table["incidents"] / exposure
    return _in_ring_order(table, windows)


def _in_ring_order(table: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    order = {ring: k for k, ring in enumerate(_rings_in_order(windows))}
    rank = table["ring"].map(order).fillna(np.inf)
    return (
        table.assign(_rank=rank)
        .sort_values(["_rank", "day"], kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )
