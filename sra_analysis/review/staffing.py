"""Headcount over time per ring, and officer-hours over any time blocks.

Headcount is a step function built by a sweep over shift starts (+1) and ends (−1): sort the
changes, add them up. Officer-hours over a block are the integral of that step function,
read off its running integral at the block's edges, so no shift is ever tested against a
window. An officer whose shifts overlap is counted once: the later shift is clipped to start
when the earlier one ends (see :func:`overlapping_shifts` for what was clipped).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.event import Event

__all__ = [
    "StaffCoverage",
    "clip_overlapping_shifts",
    "coverage_over",
    "overlapping_shifts",
    "staffing_timeline",
]

_HOUR_US = 3_600_000_000


def _as_us(values) -> np.ndarray:
    """Timestamps (Series, Index or array, tz-aware) as int64 microseconds since the epoch."""
    index = pd.DatetimeIndex(values)
    return index.as_unit("us").asi8


def overlapping_shifts(staffing: pd.DataFrame) -> pd.DataFrame:
    """Shifts that overlap an earlier shift of the same officer.

    Parameters
    ----------
    staffing : DataFrame
        Canonical staffing table (``officer_id``, ``ring``, ``shift_start``, ``shift_end``).

    Returns
    -------
    DataFrame
        One row per overlapping shift: ``officer_id``, ``ring``, ``shift_start``,
        ``shift_end``, ``overlap_hours`` (hours already covered by the officer's earlier
        shifts) and ``source_row`` when the input has it.
    """
    clipped = _clip(staffing)
    overlap = clipped["overlap_us"] > 0
    columns = ["officer_id", "ring", "shift_start", "shift_end"]
    if "source_row" in staffing.columns:
        columns.append("source_row")
    out = staffing.loc[clipped.index[overlap], columns].copy()
    out.insert(4, "overlap_hours", clipped.loc[overlap, "overlap_us"].to_numpy() / _HOUR_US)
    return out.reset_index(drop=True)


def _clip(staffing: pd.DataFrame) -> pd.DataFrame:
    """Start/end in µs per shift, each start moved past the officer's earlier shifts.

    Shifts are sorted by officer, start and end; a shift's new start is the later of its
    own start and the latest end among the officer's earlier shifts (a running maximum
    within each officer's run), capped at its own end.
    """
    start = _as_us(staffing["shift_start"])
    end = _as_us(staffing["shift_end"])
    officer, _ = pd.factorize(staffing["officer_id"])
    order = np.lexsort((end, start, officer))
    officer_sorted, start_sorted, end_sorted = officer[order], start[order], end[order]
    running_end = pd.Series(end_sorted).groupby(officer_sorted).cummax().to_numpy()
    previous_end = np.empty_like(running_end)
    previous_end[1:] = running_end[:-1]
    first_of_officer = np.ones(len(order), dtype=bool)
    first_of_officer[1:] = officer_sorted[1:] != officer_sorted[:-1]
    previous_end[first_of_officer] = np.iinfo(np.int64).min
    new_start = np.minimum(np.maximum(start_sorted, previous_end), end_sorted)
    clipped_start = np.empty_like(start)
    clipped_start[order] = new_start
    return pd.DataFrame(
        {"start": clipped_start, "end": end, "overlap_us": clipped_start - start},
        index=staffing.index,
    )


def clip_overlapping_shifts(staffing: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``staffing`` in which no officer is on two shifts at once.

    Each shift starting before the officer's earlier shifts have ended starts when they
    end; a shift wholly inside earlier ones is removed. The input is not changed.
    """
    clipped = _clip(staffing)
    keep = (clipped["end"] > clipped["start"]).to_numpy()
    out = staffing.loc[keep].copy()
    tz = staffing["shift_start"].dt.tz
    out["shift_start"] = pd.to_datetime(clipped.loc[keep, "start"], unit="us", utc=True)
    out["shift_start"] = out["shift_start"].dt.tz_convert(tz)
    return out.reset_index(drop=True)


def _ring_codes(ring: pd.Series) -> tuple[np.ndarray, dict[str, int]]:
    """Each row's ring as a small integer and the code of each ring id: comparing codes is
    what a million shift rows need, not their ring names as strings."""
    if isinstance(ring.dtype, pd.CategoricalDtype):
        ids = {str(name): code for code, name in enumerate(ring.cat.categories)}
        return ring.cat.codes.to_numpy(), ids
    codes, names = pd.factorize(ring.astype(str))
    return codes, {str(name): code for code, name in enumerate(names)}


def staffing_timeline(data: Event | pd.DataFrame, *, rings=None) -> pd.DataFrame:
    """Headcount per ring as a step function: one row per change point.

    Parameters
    ----------
    data : Event or DataFrame
        An event, or a canonical staffing table.
    rings : sequence of str, optional
        Ring ids in display order; taken from the event (or the ring categories) by default.

    Returns
    -------
    DataFrame
        Columns ``ring`` (categorical, ring order), ``time`` (tz-aware) and ``headcount``
        (officers on duty from ``time`` until the ring's next change point). Each ring's
        timeline starts at its first shift start and ends with headcount 0. Overlapping
        shifts of one officer are counted once.

    Examples
    --------
    >>> shifts = pd.DataFrame({
    ...     "officer_id": ["a", "b", "a"],
    ...     "ring": pd.Categorical(["1", "1", "1"]),
    ...     "shift_start": pd.to_datetime(["2024-03-01 07:00", "2024-03-01 09:00",
    ...                                    "2024-03-01 10:00"]).tz_localize("Asia/Jakarta"),
    ...     "shift_end": pd.to_datetime(["2024-03-01 11:00", "2024-03-01 12:00",
    ...                                  "2024-03-01 13:00"]).tz_localize("Asia/Jakarta")})
    >>> staffing_timeline(shifts)[["time", "headcount"]].assign(
    ...     time=lambda t: t["time"].dt.strftime("%H:%M")).to_dict("list")
    {'time': ['07:00', '09:00', '12:00', '13:00'], 'headcount': [1, 2, 1, 0]}
    """
    staffing = data.staffing if isinstance(data, Event) else data
    if rings is None:
        rings = (
            data.meta.ring_ids
            if isinstance(data, Event)
            else tuple(staffing["ring"].cat.categories)
        )
    tz = staffing["shift_start"].dt.tz
    clipped = _clip(staffing)
    keep = (clipped["end"] > clipped["start"]).to_numpy()
    ring, ring_ids = _ring_codes(staffing["ring"])
    ring = ring[keep]
    starts, ends = clipped["start"].to_numpy()[keep], clipped["end"].to_numpy()[keep]
    parts = []
    for ring_id in rings:
        mine = ring == ring_ids.get(str(ring_id), -2)
        times = np.concatenate([starts[mine], ends[mine]])
        change = np.concatenate([np.ones(mine.sum(), np.int64), -np.ones(mine.sum(), np.int64)])
        order = np.argsort(times, kind="stable")
        times, change = times[order], change[order]
        points, first = np.unique(times, return_index=True)
        net = np.add.reduceat(change, first) if len(first) else change[:0]
        moved = net != 0  # starts and ends at the same instant cancel out
        parts.append(
            pd.DataFrame(
                {"ring": ring_id, "time": points[moved], "headcount": np.cumsum(net[moved])}
            )
        )
    sweep = pd.concat(parts, ignore_index=True)
    timeline = pd.DataFrame(
        {
            "ring": pd.Categorical(sweep["ring"], categories=list(rings)),
            "time": pd.to_datetime(sweep["time"].to_numpy(), unit="us", utc=True).tz_convert(tz),
            "headcount": sweep["headcount"].to_numpy(dtype=np.int64),
        }
    )
    return timeline.sort_values(["ring", "time"], kind="stable", ignore_index=True)


@dataclass(frozen=True)
class StaffCoverage:
    """Staffing over a set of time blocks of one ring (arrays aligned with the blocks)."""

    officer_hours: np.ndarray
    mean_staff: np.ndarray
    min_staff: np.ndarray
    max_staff: np.ndarray


def coverage_over(timeline: pd.DataFrame, ring: str, starts, ends) -> StaffCoverage:
    """Officer-hours, mean, minimum and maximum headcount of one ring over time blocks.

    Parameters
    ----------
    timeline : DataFrame
        From :func:`staffing_timeline`.
    ring : str
        Ring id.
    starts, ends : array-like of tz-aware timestamps
        Block edges; blocks may have any lengths but must not be empty.

    Returns
    -------
    StaffCoverage
        ``officer_hours`` is the integral of headcount over each block; ``mean_staff`` that
        divided by the block's hours; ``min_staff``/``max_staff`` the extremes within it.
    """
    a, b = _as_us(starts), _as_us(ends)
    part = timeline[timeline["ring"] == ring]
    times = _as_us(part["time"])
    heads = part["headcount"].to_numpy(dtype=np.int64)
    if len(times) == 0:
        zeros = np.zeros(len(a))
        return StaffCoverage(zeros, zeros.copy(), zeros.copy(), zeros.copy())
    # running integral (officer-µs) at each change point
    integral = np.concatenate([[0], np.cumsum(heads[:-1] * np.diff(times))]).astype(float)

    def integral_at(t: np.ndarray) -> np.ndarray:
        k = np.searchsorted(times, t, side="right") - 1
        inside = k >= 0
        kk = np.where(inside, k, 0)
        value = integral[kk] + heads[kk] * (t - times[kk])
        return np.where(inside, value, 0.0)

    officer_us = integral_at(b) - integral_at(a)
    hours = (b - a) / _HOUR_US
    officer_hours = officer_us / _HOUR_US
    # headcount holding at each block start, then every change point inside the block
    first = np.searchsorted(times, a, side="right") - 1
    last = np.searchsorted(times, b, side="left") - 1
    # padded[0] is the headcount before the first change point; the trailing 0 is a sentinel
    # so that every segment end is a valid reduceat index
    padded = np.concatenate([[0], heads, [0]])
    bounds = np.empty(2 * len(a), dtype=np.int64)
    bounds[0::2] = first + 1
    bounds[1::2] = last + 2
    min_staff = np.minimum.reduceat(padded, bounds)[0::2] if len(a) else np.zeros(0)
    max_staff = np.maximum.reduceat(padded, bounds)[0::2] if len(a) else np.zeros(0)
    return StaffCoverage(
        officer_hours=officer_hours,
        mean_staff=np.divide(officer_hours, hours, out=np.zeros_like(hours), where=hours > 0),
        min_staff=min_staff,
        max_staff=max_staff,
    )
