"""Where staffing fell short of plan when it mattered, across events.

A Polda planner writing the next SRA asks which rings and hours of the day were served below
the plan in the hours that counted. :func:`staffing_vs_plan` answers from the pooled review
windows (``windows.parquet`` of each report): rings pool by zone
(:func:`~sra_analysis.rollup.rings.pool_rings`), hours of day go in blocks, and only the
ring-hours **when it mattered** are looked at — those the SRA flagged or that held an
incident. A ring-hour is **below plan** when its mean headcount is under the planned
headcount (the after-action review's own rule for "understaffed"). Ring-hours with no plan are
counted as such and never dropped: a share below plan is of the ring-hours that had one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.labels import check_lang
from sra_analysis.rollup._checks import require_columns
from sra_analysis.rollup.rings import pool_rings
from sra_analysis.zones import zone_order

__all__ = ["SHORT_SHARE", "StaffingVsPlan", "mattered", "staffing_vs_plan"]

#: A block of hours is a shortfall to name when at least this share of its ring-hours that
#: mattered and had a plan were served below it (and in at least ``min_events`` events).
SHORT_SHARE = 0.5

_COLUMNS = ["event_id", "ring", "hour", "day", "hours", "incidents", "flagged", "officer_hours",
            "mean_staff", "min_staff", "planned_staff"]  # fmt: skip

#: Slack under which a mean headcount counts as meeting its plan (floating-point sums).
_SLACK = 1e-9


@dataclass(frozen=True)
class StaffingVsPlan:
    """Planned against served staffing when it mattered, pooled over events.

    Attributes
    ----------
    cells : DataFrame
        One row per pooled ring × block of hours that had a ring-hour that mattered:
        ``ring`` (zone, else ring name or number), ``ring_name`` (what a reader sees),
        ``hour`` and ``last_hour`` (the block, local hours of day), ``windows`` (ring-hours
        that mattered), ``windows_with_plan``, ``windows_without_plan``,
        ``windows_below_plan``, ``share_below_plan`` (of those with a plan; NaN without),
        ``planned_officer_hours`` and ``served_officer_hours`` (over the ring-hours with a
        plan), ``shortfall_officer_hours`` (planned minus served, hour by hour, never
        negative), ``events`` (events with a ring-hour that mattered there) and
        ``events_below_plan``.
    shortfalls : DataFrame
        Runs of adjacent blocks of one ring where at least :data:`SHORT_SHARE` of the
        ring-hours with a plan were below it in at least ``min_events`` events, largest
        shortfall first: ``ring``, ``ring_name``, ``first_hour``, ``last_hour``, the counts
        and officer-hours of ``cells`` summed, ``share_below_plan``, ``events_below_plan``
        and ``event_ids`` (the events below plan there, sorted).
    by_event : DataFrame
        One row per event, its worst gap when it mattered: ``event_id``, ``ring``,
        ``ring_name``, ``day``, ``hour`` (where the headcount fell furthest under plan),
        ``planned_staff``, ``mean_staff``, ``min_staff``, ``officers_short`` (0 when never
        below plan, NaN when no ring-hour that mattered had a plan), then the event's
        ``windows``, ``windows_with_plan``, ``windows_without_plan``, ``windows_below_plan``
        and ``shortfall_officer_hours``; largest gap first.
    hours_per_block : int
    min_events : int
    """

    cells: pd.DataFrame
    shortfalls: pd.DataFrame
    by_event: pd.DataFrame
    hours_per_block: int
    min_events: int


def mattered(windows: pd.DataFrame) -> pd.Series:
    """Whether each window mattered: flagged by the SRA, or an incident happened in it.

    Examples
    --------
    >>> mattered(pd.DataFrame({"flagged": [True, False, False], "incidents": [0, 2, 0]}))
    0     True
    1     True
    2    False
    dtype: bool
    """
    flagged = windows["flagged"].fillna(False).to_numpy(dtype=bool)
    happened = windows["incidents"].fillna(0).to_numpy() > 0
    return pd.Series(flagged | happened, index=windows.index, dtype=bool)


def _check_options(hours_per_block: object, min_events: object) -> None:
    if (
        isinstance(hours_per_block, bool)
        or not isinstance(hours_per_block, int)
        or (hours_per_block < 1 or 24 % hours_per_block)
    ):
        raise ParameterError(
            f"hours_per_block must be a whole number of hours dividing 24 (1, 2, 3, 4, 6, 8, "
            f"12 or 24), got {hours_per_block!r}"
        )
    if isinstance(min_events, bool) or not isinstance(min_events, int) or min_events < 1:
        raise ParameterError(f"min_events must be a whole number ≥ 1, got {min_events!r}")


def staffing_vs_plan(
    windows: pd.DataFrame, *, hours_per_block: int = 1, min_events: int = 2, lang: str = "en"
) -> StaffingVsPlan:
    """Planned against served staffing by pooled ring × hour of day, when it mattered.

    Parameters
    ----------
    windows : DataFrame
        Pooled review windows (:func:`~sra_analysis.rollup.artefacts.pool_tables`) with
        ``event_id``, ``ring``, ``hour``, ``day``, ``hours``, ``incidents``, ``flagged``,
        ``officer_hours``, ``mean_staff``, ``min_staff``, ``planned_staff`` (missing where no
        plan covers the window); ``zone`` and ``ring_name`` used when there.
    hours_per_block : int, default 1
        Hours of the day per block (a divisor of 24): 3 gives 00–02, 03–05, ...
    min_events : int, default 2
        Events a shortfall must be seen in to be named in ``shortfalls``.
    lang : {"en", "id"}, default "en"
        Language of ``ring_name`` (zone labels).

    Returns
    -------
    StaffingVsPlan

    Raises
    ------
    ParameterError
        When a column is missing or a count is negative or not finite, or an option is not
        allowed.

    Examples
    --------
    Two events; the fence (perimeter) at 14:00 had a plan of 4 and 2 on duty in both, the
    building at 14:00 had no plan, and a quiet unflagged hour does not count:

    >>> windows = pd.DataFrame({
    ...     "event_id": ["a", "a", "b", "b", "b"], "ring": ["3", "2", "1", "1", "1"],
    ...     "zone": ["perimeter", "building", "perimeter", "perimeter", "perimeter"],
    ...     "hour": [14, 14, 14, 15, 16], "day": 1, "hours": 1.0,
    ...     "incidents": [1, 1, 0, 0, 0], "flagged": [False, True, True, True, False],
    ...     "officer_hours": [2.0, 3.0, 2.0, 4.0, 1.0], "mean_staff": [2.0, 3.0, 2.0, 4.0, 1.0],
    ...     "min_staff": [2, 3, 2, 4, 1], "planned_staff": [4.0, None, 4.0, 4.0, 4.0]})
    >>> result = staffing_vs_plan(windows)
    >>> result.cells[["ring", "hour", "windows", "windows_without_plan", "windows_below_plan"]]
            ring  hour  windows  windows_without_plan  windows_below_plan
    0   building    14        1                     1                   0
    1  perimeter    14        2                     0                   2
    2  perimeter    15        1                     0                   0
    >>> result.cells[["planned_officer_hours", "served_officer_hours", "share_below_plan"]]
       planned_officer_hours  served_officer_hours  share_below_plan
    0                    0.0                   0.0               NaN
    1                    8.0                   4.0               1.0
    2                    4.0                   4.0               0.0
    >>> result.shortfalls[["ring", "first_hour", "last_hour", "windows_below_plan",
    ...                    "event_ids"]]
            ring  first_hour  last_hour  windows_below_plan event_ids
    0  perimeter          14         14                   2    [a, b]
    >>> result.by_event[["event_id", "ring", "hour", "officers_short"]]
      event_id       ring  hour  officers_short
    0        a  perimeter    14             2.0
    1        b  perimeter    14             2.0
    """
    check_lang(lang)
    _check_options(hours_per_block, min_events)
    require_columns(windows, _COLUMNS, name="windows", caller="staffing_vs_plan")
    pooled = pool_rings(windows, lang=lang)
    table = pooled[mattered(pooled).to_numpy()].copy()
    planned = pd.to_numeric(table["planned_staff"], errors="coerce").astype("float64")
    mean = table["mean_staff"].astype("float64")
    hours = table["hours"].astype("float64")
    has_plan = planned.notna()
    below = has_plan & (mean < planned - _SLACK)
    table = table.assign(
        block=(table["hour"].astype(np.int64) // hours_per_block) * hours_per_block,
        with_plan=has_plan.astype(np.int64),
        without_plan=(~has_plan).astype(np.int64),
        below=below.astype(np.int64),
        planned_oh=(planned * hours).fillna(0.0),
        served_oh=table["officer_hours"].astype("float64").where(has_plan, 0.0),
        short_oh=((planned - mean).clip(lower=0) * hours).fillna(0.0),
        short_staff=(planned - mean).clip(lower=0),
        below_event=table["event_id"].where(below),
    )
    cells = _cells(table, hours_per_block)
    return StaffingVsPlan(
        cells=cells,
        shortfalls=_shortfalls(cells, table, min_events),
        by_event=_by_event(table, windows["event_id"].astype(str).unique()),
        hours_per_block=hours_per_block,
        min_events=min_events,
    )


def _ring_sort(rings: pd.Series) -> pd.Series:
    """Zones from the inside out, then other rings by name."""
    return rings.map(lambda r: (zone_order(r), str(r)))


def _cells(table: pd.DataFrame, step: int) -> pd.DataFrame:
    columns = ["ring", "ring_name", "hour", "last_hour", "windows", "windows_with_plan",
               "windows_without_plan", "windows_below_plan", "share_below_plan",
               "planned_officer_hours", "served_officer_hours", "shortfall_officer_hours",
               "events", "events_below_plan"]  # fmt: skip
    if table.empty:
        return pd.DataFrame(columns=columns)
    grouped = table.groupby(["ring", "block"], sort=False)
    cells = grouped.agg(
        ring_name=("ring_name", "first"),
        windows=("hours", "size"),
        windows_with_plan=("with_plan", "sum"),
        windows_without_plan=("without_plan", "sum"),
        windows_below_plan=("below", "sum"),
        planned_officer_hours=("planned_oh", "sum"),
        served_officer_hours=("served_oh", "sum"),
        shortfall_officer_hours=("short_oh", "sum"),
        events=("event_id", "nunique"),
        events_below_plan=("below_event", "nunique"),
    ).reset_index()
    cells = cells.rename(columns={"block": "hour"})
    cells["last_hour"] = cells["hour"] + step - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        cells["share_below_plan"] = np.where(
            cells["windows_with_plan"] > 0,
            cells["windows_below_plan"]
            / cells["windows_with_plan"].where(cells["windows_with_plan"] > 0, 1),
            np.nan,
        )
    cells = cells.assign(_order=_ring_sort(cells["ring"])).sort_values(["_order", "hour"])
    return cells[columns].reset_index(drop=True)


def _shortfalls(cells: pd.DataFrame, table: pd.DataFrame, min_events: int) -> pd.DataFrame:
    """Adjacent short blocks of one ring merged into runs, largest shortfall first."""
    sums = ["windows", "windows_with_plan", "windows_without_plan", "windows_below_plan",
            "planned_officer_hours", "served_officer_hours", "shortfall_officer_hours"]  # fmt: skip
    columns = ["ring", "ring_name", "first_hour", "last_hour", *sums, "share_below_plan",
               "events_below_plan", "event_ids"]  # fmt: skip
    short = cells[
        (cells["share_below_plan"] >= SHORT_SHARE) & (cells["events_below_plan"] >= min_events)
    ]
    runs = []
    for ring, part in short.groupby("ring", sort=False):
        part = part.sort_values("hour")
        run_id = (part["hour"] != part["last_hour"].shift() + 1).cumsum()
        for _, run in part.groupby(run_id):
            first, last = int(run["hour"].iloc[0]), int(run["last_hour"].iloc[-1])
            inside = table[(table["ring"] == ring) & table["block"].between(first, last)]
            row = {"ring": ring, "ring_name": run["ring_name"].iloc[0], "first_hour": first,
                   "last_hour": last, **{c: run[c].sum() for c in sums}}  # fmt: skip
            row["share_below_plan"] = row["windows_below_plan"] / row["windows_with_plan"]
            ids = sorted(inside["below_event"].dropna().astype(str).unique())
            row["events_below_plan"] = len(ids)
            row["event_ids"] = ids
            runs.append(row)
    if not runs:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(runs, columns=columns)
    out = out.assign(_order=_ring_sort(out["ring"])).sort_values(
        ["shortfall_officer_hours", "events_below_plan", "_order", "first_hour"],
        ascending=[False, False, True, True],
    )
    return out[columns].reset_index(drop=True)


def _by_event(table: pd.DataFrame, events: np.ndarray) -> pd.DataFrame:
    """Each event's worst ring-hour when it mattered, and its counts."""
    columns = ["event_id", "ring", "ring_name", "day", "hour", "planned_staff", "mean_staff",
               "min_staff", "officers_short", "windows", "windows_with_plan",
               "windows_without_plan", "windows_below_plan", "shortfall_officer_hours"]  # fmt: skip
    rows = []
    for event_id in events:  # every event pooled, even one with nothing that mattered
        part = table[table["event_id"].astype(str) == event_id]
        row = {"event_id": event_id, "windows": len(part),
               "windows_with_plan": int(part["with_plan"].sum()),
               "windows_without_plan": int(part["without_plan"].sum()),
               "windows_below_plan": int(part["below"].sum()),
               "shortfall_officer_hours": float(part["short_oh"].sum())}  # fmt: skip
        planned = part[part["with_plan"] == 1]
        if planned.empty:
            row.update(ring=None, ring_name=None, day=None, hour=None, planned_staff=np.nan,
                       mean_staff=np.nan, min_staff=np.nan, officers_short=np.nan)  # fmt: skip
        elif not part["below"].any():
            row.update(ring=None, ring_name=None, day=None, hour=None, planned_staff=np.nan,
                       mean_staff=np.nan, min_staff=np.nan, officers_short=0.0)  # fmt: skip
        else:
            worst = planned.sort_values(
                ["short_staff", "short_oh", "day", "hour"], ascending=[False, False, True, True]
            ).iloc[0]
            row.update(
                ring=worst["ring"], ring_name=worst["ring_name"], day=int(worst["day"]),
                hour=int(worst["hour"]), planned_staff=float(worst["planned_staff"]),
                mean_staff=float(worst["mean_staff"]), min_staff=float(worst["min_staff"]),
                officers_short=float(worst["short_staff"]),
            )  # fmt: skip
        rows.append(row)
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out
    out = out.sort_values(
        ["officers_short", "shortfall_officer_hours", "event_id"],
        ascending=[False, False, True], na_position="last",
    )  # fmt: skip
    return out.reset_index(drop=True)
