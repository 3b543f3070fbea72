"""The plan line: the officers planned per ring over time, and planned against served.

Where the plan line comes from (:func:`plan_source`):

``plan_file``
    The event folder's staffing plan (``staffing_plan.*``) with at least one accepted row.
    A ring's plan at a time is the sum of its rows covering that time: rows that overlap are
    different units side by side (rows of one unit that overlap were quarantined when
    loaded, :mod:`sra_analysis.io.plan`). A ring or time no row covers has no plan.
``register``
    Without a plan file, the risk register's ``planned_personnel``, by one rule: for each
    ring and time, the **most specific** row — of the ring's own rows that give a number
    and cover that time, the one with the shortest span; of equal spans, the largest
    number. A night row of 3 inside a whole-event row of 5 makes the night 3, as the
    planner wrote it. Rows for ``all`` rings never set a ring's plan: their number is the
    strength against a threat to the whole venue, not a headcount for each ring.
``none``
    Neither gives a number: staffing is not compared with a plan.

The windows table's ``planned_staff`` (:func:`sra_analysis.review_windows`), the timeline
chart's dashed line and the under-staffing findings all read this one line.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import Event
from sra_analysis.review.staffing import _HOUR_US, _as_us, coverage_over, staffing_timeline

__all__ = [
    "PLAN_LINE_COLUMNS",
    "PLAN_SOURCES",
    "PLAN_VS_SERVED_COLUMNS",
    "plan_line",
    "plan_source",
    "plan_summary",
    "plan_vs_served",
    "planned_over",
]

#: Where a plan line can come from, in order of precedence.
PLAN_SOURCES: tuple[str, ...] = ("plan_file", "register", "none")
PLAN_LINE_COLUMNS = ["ring", "plan_start", "plan_end", "officers"]
PLAN_VS_SERVED_COLUMNS = [
    "ring", "plan_start", "plan_end", "hours", "planned_officers", "planned_officer_hours",
    "served_officer_hours", "served_mean", "served_min", "served_max",
    "shortfall_officer_hours",
]  # fmt: skip


def _has_plan_rows(event: Event) -> bool:
    plan = event.staffing_plan
    return plan is not None and bool(plan["ring"].isin(event.meta.ring_ids).any())


def _register_rows(event: Event) -> pd.DataFrame:
    risks = event.risks
    mine = risks["ring"].isin(event.meta.ring_ids) & risks["planned_personnel"].notna()
    return risks.loc[mine]


def plan_source(event: Event) -> str:
    """Where the event's plan line comes from: ``"plan_file"``, ``"register"`` or ``"none"``.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> plan_source(load_event(sample_dir() / "purwakarta-2024"))
    'register'
    """
    if _has_plan_rows(event):
        return "plan_file"
    return "register" if len(_register_rows(event)) else "none"


def _elementary(starts: np.ndarray, ends: np.ndarray, low: int, high: int):
    """Cut points of every row's span, clipped to [low, high]: the elementary intervals."""
    cuts = np.unique(np.clip(np.concatenate([starts, ends, [low, high]]), low, high))
    return cuts[:-1], cuts[1:]


def _ring_line(starts, ends, officers, *, low: int, high: int, rule: str):
    """(start, end, officers) of one ring's plan, equal neighbours merged."""
    if len(starts) == 0:
        return []
    a, b = _elementary(starts, ends, low, high)
    out: list[list] = []
    for lo, hi in zip(a, b, strict=True):
        covering = (starts <= lo) & (ends >= hi)
        if not covering.any():
            continue
        if rule == "sum":
            value = float(officers[covering].sum())
        else:  # the most specific: shortest span, then the largest number
            length = (ends - starts)[covering]
            shortest = length == length.min()
            value = float(officers[covering][shortest].max())
        if out and out[-1][1] == lo and out[-1][2] == value:
            out[-1][1] = hi
        else:
            out.append([lo, hi, value])
    return out


def _local(microseconds: list[int], timezone: str) -> pd.DatetimeIndex:
    """Microseconds since the epoch as tz-aware times in ``timezone``."""
    stamps = pd.to_datetime(np.asarray(microseconds, dtype=np.int64), unit="us", utc=True)
    return stamps.tz_convert(timezone)


def plan_line(event: Event) -> pd.DataFrame:
    """The officers planned per ring over the event, as non-overlapping spans.

    Parameters
    ----------
    event : Event

    Returns
    -------
    DataFrame
        One row per span with a constant plan, rings in display order, spans in time order,
        clipped to the event: ``ring`` (categorical), ``plan_start``, ``plan_end``
        (tz-aware), ``officers`` (float). Times no row covers are absent. Its
        ``attrs["source"]`` is :func:`plan_source`.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> line = plan_line(load_event(sample_dir() / "purwakarta-2024"))
    >>> night = line[(line["ring"] == "3") & (line["plan_start"].dt.hour == 22)]
    >>> night["officers"].tolist()  # R12's night plan of 4, not R01's round-the-clock 5
    [4.0]
    """
    source = plan_source(event)
    meta = event.meta
    low, high = int(_as_us([meta.start])[0]), int(_as_us([meta.end])[0])
    if source == "plan_file":
        rows, start, end = event.staffing_plan, "plan_start", "plan_end"
        officers, rule = "officers", "sum"
    else:
        rows, start, end = _register_rows(event), "window_start", "window_end"
        officers, rule = "planned_personnel", "specific"
    parts = []
    ring_of = rows["ring"].astype(str).to_numpy()
    for ring in meta.ring_ids:
        mine = rows.loc[ring_of == ring]
        for lo, hi, value in _ring_line(
            _as_us(mine[start]), _as_us(mine[end]),
            mine[officers].astype("float64").to_numpy(), low=low, high=high, rule=rule,
        ):  # fmt: skip
            parts.append((ring, lo, hi, value))
    line = pd.DataFrame(
        {
            "ring": pd.Categorical([p[0] for p in parts], dtype=meta.ring_dtype),
            "plan_start": _local([p[1] for p in parts], meta.timezone),
            "plan_end": _local([p[2] for p in parts], meta.timezone),
            "officers": np.array([p[3] for p in parts], dtype="float64"),
        }
    )
    line.attrs["source"] = source
    return line


def planned_over(line: pd.DataFrame, ring: str, starts, ends) -> np.ndarray:
    """The plan of one ring over time blocks: the time-weighted mean of the plan over the
    part of each block the plan covers; NaN where it covers none of it.

    Examples
    --------
    >>> t = lambda h: pd.Timestamp(f"2024-03-01 {h:02d}:00", tz="Asia/Jakarta")
    >>> line = pd.DataFrame({"ring": ["1", "1"], "plan_start": [t(7), t(9)],
    ...                      "plan_end": [t(9), t(10)], "officers": [4.0, 2.0]})
    >>> planned_over(line, "1", [t(7), t(8), t(10)], [t(8), t(10), t(11)]).tolist()
    [4.0, 3.0, nan]
    """
    a, b = _as_us(starts), _as_us(ends)
    mine = line[line["ring"].astype(str) == ring]
    s, e = _as_us(mine["plan_start"]), _as_us(mine["plan_end"])
    value = mine["officers"].to_numpy(dtype="float64")
    overlap = np.clip(np.minimum(b[:, None], e[None, :]) - np.maximum(a[:, None], s[None, :]),
                      0, None).astype("float64")  # fmt: skip
    covered = overlap.sum(axis=1)
    weighted = (overlap * value[None, :]).sum(axis=1)
    return np.divide(weighted, covered, out=np.full(len(a), np.nan), where=covered > 0)


def _shortfall(timeline: pd.DataFrame, ring: str, start: int, end: int, planned: float) -> float:
    """Officer-hours below ``planned`` between ``start`` and ``end`` (µs): the integral of
    max(plan − headcount, 0), read off the headcount's step function."""
    part = timeline[timeline["ring"] == ring]
    times = _as_us(part["time"])
    heads = part["headcount"].to_numpy(dtype=np.int64)
    inner = times[(times > start) & (times < end)]
    cuts = np.concatenate([[start], inner, [end]])
    k = np.searchsorted(times, cuts[:-1], side="right") - 1
    head = np.where(k >= 0, heads[np.maximum(k, 0)] if len(heads) else 0, 0)
    short = np.clip(planned - head, 0, None) * np.diff(cuts)
    return float(short.sum()) / _HOUR_US


def plan_vs_served(event: Event) -> pd.DataFrame:
    """Planned against served, per ring and span of the plan line.

    Parameters
    ----------
    event : Event
        A loaded (or sliced) event; its plan line is :func:`plan_line`.

    Returns
    -------
    DataFrame
        One row per span of :func:`plan_line`, with columns:

        - ``ring``, ``plan_start``, ``plan_end``: the span; ``hours`` its length.
        - ``planned_officers``: the plan in that span; ``planned_officer_hours`` that × hours.
        - ``served_officer_hours``: the integral of the ring's headcount over the span.
        - ``served_mean``, ``served_min``, ``served_max``: mean, lowest and highest headcount
          in the span ("the outer ring stood at 8–12 of 16 planned officers").
        - ``shortfall_officer_hours``: officer-hours below plan (the integral of
          max(plan − headcount, 0); an excess elsewhere does not offset it).

        ``attrs["source"]`` says where the plan came from (:func:`plan_source`); no rows
        when the source is ``"none"``. The sum per ring is :func:`plan_summary`'s
        ``by_ring``.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> table = plan_vs_served(load_event(sample_dir() / "purwakarta-2024"))
    >>> protest = table[(table["ring"] == "3") & (table["planned_officers"] == 16)].iloc[0]
    >>> int(protest["served_min"]), int(protest["planned_officers"])
    (7, 16)
    """
    if not isinstance(event, Event):
        raise ParameterError(
            f"plan_vs_served needs an Event from load_event(), got {type(event).__name__}"
        )
    line = plan_line(event)
    timeline = staffing_timeline(event)
    parts = []
    for ring in event.meta.ring_ids:
        mine = line[line["ring"] == ring]
        if mine.empty:
            continue
        cover = coverage_over(timeline, ring, mine["plan_start"], mine["plan_end"])
        hours = (mine["plan_end"] - mine["plan_start"]) / pd.Timedelta(hours=1)
        starts, ends = _as_us(mine["plan_start"]), _as_us(mine["plan_end"])
        shortfall = [
            _shortfall(timeline, ring, a, b, p)
            for a, b, p in zip(starts, ends, mine["officers"], strict=True)
        ]
        parts.append(
            pd.DataFrame(
                {
                    "ring": ring,
                    "plan_start": mine["plan_start"].to_numpy(),
                    "plan_end": mine["plan_end"].to_numpy(),
                    "hours": hours.to_numpy(),
                    "planned_officers": mine["officers"].to_numpy(),
                    "planned_officer_hours": (mine["officers"] * hours).to_numpy(),
                    "served_officer_hours": cover.officer_hours,
                    "served_mean": cover.mean_staff,
                    "served_min": cover.min_staff.astype(np.int64),
                    "served_max": cover.max_staff.astype(np.int64),
                    "shortfall_officer_hours": np.asarray(shortfall, dtype="float64"),
                }
            )
        )
    if parts:
        table = pd.concat(parts, ignore_index=True)
    else:
        table = pd.DataFrame({c: [] for c in PLAN_VS_SERVED_COLUMNS})
        table = table.astype({"plan_start": line["plan_start"].dtype,
                              "plan_end": line["plan_end"].dtype})  # fmt: skip
    table["ring"] = table["ring"].astype(event.meta.ring_dtype)
    table = table[PLAN_VS_SERVED_COLUMNS]
    table.attrs["source"] = line.attrs["source"]
    return table


def plan_summary(event: Event, *, table: pd.DataFrame | None = None) -> dict:
    """``summary.json``'s ``staffing_plan``: the plan's source and planned against served.

    Returns
    -------
    dict
        ``source`` (:data:`PLAN_SOURCES`), ``file`` (the plan file's name or None),
        ``planned_personnel`` (event.yaml, or None), ``served_personnel`` (distinct
        officers on the roster), and ``by_ring``: per ring with a plan, ``ring``,
        ``planned_hours``, ``planned_officer_hours``, ``served_officer_hours`` (during the
        planned hours), ``shortfall_officer_hours``, ``served_min``, ``served_max`` and
        ``planned_min``, ``planned_max`` (the lowest and highest plan).
    """
    table = plan_vs_served(event) if table is None else table
    quality = event.quality.get("staffing_plan")
    by_ring = []
    for ring, rows in table.groupby("ring", observed=True, sort=True):
        by_ring.append(
            {
                "ring": str(ring),
                "planned_hours": float(rows["hours"].sum()),
                "planned_officer_hours": float(rows["planned_officer_hours"].sum()),
                "served_officer_hours": float(rows["served_officer_hours"].sum()),
                "shortfall_officer_hours": float(rows["shortfall_officer_hours"].sum()),
                "planned_min": float(rows["planned_officers"].min()),
                "planned_max": float(rows["planned_officers"].max()),
                "served_min": int(rows["served_min"].min()),
                "served_max": int(rows["served_max"].max()),
            }
        )
    return {
        "source": table.attrs.get("source", plan_source(event)),
        "file": None if quality is None else quality.file,
        "planned_personnel": event.meta.planned_personnel,
        "served_personnel": int(event.staffing["officer_id"].nunique()),
        "by_ring": by_ring,
    }
