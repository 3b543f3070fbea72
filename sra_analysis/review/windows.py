"""The review's central table: one row per ring × time block, prediction beside observation.

Blocks are cut from the event start at a fixed frequency (the last block may be shorter), at
the roster's shift changes, or at edges the caller gives. Each block gets what the SRA
predicted for it (the highest likelihood × impact of the register items covering it) and
what happened in it (incidents, disruptions, severity) and how it was staffed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.event import Event
from sra_analysis.review.plan import plan_line, planned_over
from sra_analysis.review.staffing import _HOUR_US, _as_us, coverage_over, staffing_timeline

__all__ = ["WINDOW_COLUMNS", "review_windows", "window_edges", "window_step"]

WINDOW_COLUMNS = [
    "ring",
    "window_start",
    "window_end",
    "hours",
    "predicted_score",
    "predicted_level",
    "probability",
    "incidents",
    "disruptions",
    "max_severity",
    "officer_hours",
    "mean_staff",
    "min_staff",
    "planned_staff",
    "likelihood",
    "impact",
]


def window_step(freq: str) -> pd.Timedelta | None:
    """The block length ``freq`` stands for; None for ``"shift"``.

    Raises
    ------
    ParameterError
        When ``freq`` is neither ``"shift"`` nor a fixed, positive pandas frequency.

    Examples
    --------
    >>> window_step("15min")
    Timedelta('0 days 00:15:00')
    """
    if freq == "shift":
        return None
    try:
        step = pd.Timedelta(pd.tseries.frequencies.to_offset(freq))
        if pd.isna(step):  # freq=None: to_offset gives None, and Timedelta(None) is NaT
            raise ValueError(freq)
    except (ValueError, TypeError):
        raise ParameterError(
            f"freq must be a fixed pandas frequency such as '1h' or '15min', or 'shift'; "
            f"got {freq!r}"
        ) from None
    if step <= pd.Timedelta(0):
        raise ParameterError(f"freq must be a positive duration, got {freq!r}")
    return step


def window_edges(event: Event, freq: str = "1h", *, edges=None) -> pd.DatetimeIndex:
    """Edges of the review's time blocks, from event start to end.

    Parameters
    ----------
    event : Event
    freq : str
        A pandas frequency such as ``"1h"`` or ``"15min"`` (blocks aligned to the event
        start, the last one possibly shorter), or ``"shift"`` (cut wherever a shift starts
        or ends within the event).
    edges : sequence of timestamps, optional
        Explicit edges; naive ones are local to the event. The event's start and end are
        added, and edges outside the event are dropped.

    Returns
    -------
    DatetimeIndex
        Sorted, unique, tz-aware edges; block *i* runs from edge *i* to edge *i + 1*.
    """
    start, end, tz = event.meta.start, event.meta.end, event.meta.timezone
    if edges is not None:
        # one by one, so that naive (local) and tz-aware edges may be mixed
        stamps = []
        for edge in edges:
            try:
                stamp = pd.Timestamp(edge)
            except (ValueError, TypeError):
                raise ParameterError(f"edges must be timestamps, got {edge!r}") from None
            stamps.append(stamp.tz_localize(tz) if stamp.tzinfo is None else stamp.tz_convert(tz))
        cuts = pd.DatetimeIndex(stamps)
        cuts = cuts.tz_localize(tz) if cuts.tz is None else cuts  # no edges at all
    elif freq == "shift":
        cuts = pd.DatetimeIndex(
            pd.concat([event.staffing["shift_start"], event.staffing["shift_end"]])
        )
    else:
        step = window_step(freq)
        count = int(np.ceil((end - start) / step))
        cuts = start + pd.to_timedelta(np.arange(count, dtype=np.int64) * step.value, unit="ns")
    cuts = cuts[(cuts > start) & (cuts < end)]
    all_edges = cuts.append(pd.DatetimeIndex([start, end])).as_unit("us")
    return all_edges.unique().sort_values()


def _block_index(edges_us: np.ndarray, times_us: np.ndarray) -> np.ndarray:
    """Block of each time (−1 when outside the event)."""
    index = np.searchsorted(edges_us, times_us, side="right") - 1
    inside = (index >= 0) & (index < len(edges_us) - 1)
    return np.where(inside, index, -1)


def _predictions(event: Event, edges_us: np.ndarray):
    """Per ring: max score, combined probability, and the likelihood and impact of the item
    that set the score (0 where none covers a block)."""
    starts, ends = edges_us[:-1], edges_us[1:]
    n = len(starts)
    risks = event.risks
    has_probability = risks["probability"].notna().any()
    # one key orders the items by score, then impact: score × base + impact with base above
    # every impact, so the running maximum of the key carries the cell that set the score
    # (on a tie of score, the higher impact) at the cost of the score's maximum alone
    base = int(risks["impact"].max()) + 1 if len(risks) else 1
    out = {}
    for ring in event.meta.ring_ids:
        key = np.zeros(n, dtype=np.int64)
        no_event = np.ones(n)  # product of (1 - p) over covering items with a probability
        covered_with_p = np.zeros(n, dtype=bool)
        mine = risks[(risks["ring"] == ring) | (risks["ring"] == "all")]
        r_start, r_end = _as_us(mine["window_start"]), _as_us(mine["window_end"])
        # blocks overlapping [r_start, r_end): first block ending after the start, up to
        # the last block starting before the end
        lo = np.searchsorted(ends, r_start, side="right")
        hi = np.searchsorted(starts, r_end, side="left")
        item_key = mine["score"].to_numpy(dtype=np.int64) * base + mine["impact"].to_numpy(
            dtype=np.int64
        )
        item_p = mine["probability"].to_numpy(dtype=float)
        for k in range(len(mine)):
            span = slice(lo[k], hi[k])
            np.maximum(key[span], item_key[k], out=key[span])
            if not np.isnan(item_p[k]):
                no_event[span] *= 1.0 - item_p[k]
                covered_with_p[span] = True
        if has_probability:
            probability = np.where(covered_with_p, 1.0 - no_event, 0.0)
        else:
            probability = np.full(n, np.nan)
        score, impact = np.divmod(key, base)
        likelihood = score // np.maximum(impact, 1)  # 0 // 1 where nothing covers
        out[ring] = (score, probability, likelihood, impact)
    return out


def _observations(event: Event, edges_us: np.ndarray, *, aoristic: bool):
    """Per ring: incident weight, disruption weight and max severity per block."""
    n = len(edges_us) - 1
    incidents = event.incidents
    reported = _as_us(incidents["reported_at"])
    ring = incidents["ring"].astype(str).to_numpy()
    disrupted = incidents["disrupted_proceedings"].to_numpy(dtype=bool)
    severity = incidents["severity"].to_numpy(dtype=np.int64)
    rows, blocks, weights = [], [], []
    spread = np.zeros(len(incidents), dtype=bool)
    if aoristic:
        t_from = incidents["occurred_from"]
        t_to = incidents["occurred_to"]
        spread = (t_from.notna() & t_to.notna() & (t_to > t_from)).to_numpy(copy=True)
        # a span that misses the event entirely says nothing about when within it; such an
        # incident falls back to its reported_at like one without a span
        start_us, end_us = edges_us[0], edges_us[-1]
        from_us = np.where(spread, _as_us(t_from.fillna(incidents["reported_at"])), 0)
        to_us = np.where(spread, _as_us(t_to.fillna(incidents["reported_at"])), 0)
        spread &= (to_us > start_us) & (from_us < end_us)
        if spread.any():
            a, b = from_us[spread], to_us[spread]
            lo = np.clip(np.searchsorted(edges_us, a, side="right") - 1, 0, n - 1)
            hi = np.clip(np.searchsorted(edges_us, b, side="left") - 1, 0, n - 1)
            counts = np.maximum(hi - lo + 1, 0)
            which = np.repeat(np.flatnonzero(spread), counts)
            block = np.repeat(lo, counts) + _ragged_arange(counts)
            overlap = np.minimum(edges_us[block + 1], np.repeat(b, counts)) - np.maximum(
                edges_us[block], np.repeat(a, counts)
            )
            overlap = np.clip(overlap, 0, None).astype(float)
            weight = overlap / np.repeat(b - a, counts)
            rows.append(which)
            blocks.append(block)
            weights.append(weight)
    point = ~spread
    point_block = _block_index(edges_us, reported[point])
    rows.append(np.flatnonzero(point))
    blocks.append(point_block)
    weights.append(np.ones(point.sum()))
    which = np.concatenate(rows)
    block = np.concatenate(blocks)
    weight = np.concatenate(weights)
    keep = (block >= 0) & (weight > 0)
    which, block, weight = which[keep], block[keep], weight[keep]
    out = {}
    for ring_id in event.meta.ring_ids:
        mine = ring[which] == ring_id
        b, w, i = block[mine], weight[mine], which[mine]
        counts = np.bincount(b, weights=w, minlength=n)
        disruptions = np.bincount(b, weights=w * disrupted[i], minlength=n)
        max_severity = np.zeros(n, dtype=np.int64)
        np.maximum.at(max_severity, b, severity[i])
        out[ring_id] = (counts, disruptions, max_severity)
    return out


def _ragged_arange(counts: np.ndarray) -> np.ndarray:
    """0..c-1 for each c in counts, concatenated."""
    total = counts.sum()
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    return np.arange(total) - starts


def review_windows(
    event: Event, freq: str = "1h", *, edges=None, aoristic: bool = False
) -> pd.DataFrame:
    """One row per ring × time block: the SRA's prediction beside what happened.

    Parameters
    ----------
    event : Event
        A loaded event (:func:`sra_analysis.load_event`).
    freq : str, default "1h"
        Block length (``"15min"``, ``"1h"``, ...), aligned to the event start, or
        ``"shift"`` to cut at the roster's shift changes.
    edges : sequence of timestamps, optional
        Explicit block edges instead of ``freq``.
    aoristic : bool, default False
        Spread an incident with ``occurred_from``/``occurred_to`` over the blocks it may
        have happened in, in proportion to the overlap (counts become fractional); without
        it, or when the span lies wholly outside the event, an incident falls in the block
        of its ``reported_at``.

    Returns
    -------
    DataFrame
        Rings in the event's order, blocks in time order, with columns:

        - ``ring``: ring id (categorical in display order).
        - ``window_start``, ``window_end``: the block (tz-aware); ``hours`` its length.
        - ``predicted_score``: highest likelihood × impact among the register items whose
          ring (or ``all``) and span overlap the block; 0 when none does.
        - ``predicted_level``: that score's level (ordered categorical; ``"none"`` for 0).
        - ``probability``: chance of a disruption in the block from the register,
          1 − Π(1 − pᵢ) over covering items with a probability; 0 when no covering item
          gives one (the SRA forecast no disruption there); NaN throughout when the
          register gives no probabilities at all.
        - ``incidents``, ``disruptions``: counts (weights with ``aoristic=True``).
        - ``max_severity``: highest severity of an incident in the block, 0 when none.
        - ``officer_hours``: integral of the ring's headcount over the block.
        - ``mean_staff``: officer-hours / hours; ``min_staff``: lowest headcount in it.
        - ``planned_staff``: the plan line over the block (:func:`sra_analysis.review.plan.
          plan_line`: the staffing plan when the event has one, else the register's most
          specific ``planned_personnel``), time-weighted over the part of the block the plan
          covers; NaN when it covers none of it. ``attrs["plan_source"]`` says which.
        - ``likelihood``, ``impact`` (Int64): the register cell of the item that set
          ``predicted_score``; when items of equal score cover the block (3 × 4 and 4 × 3),
          the one with the higher impact. NA where no item covers the block.

    Examples
    --------
    >>> from sra_analysis import load_event
    >>> from sra_analysis.resources import sample_dir
    >>> event = load_event(sample_dir() / "purwakarta-2024")
    >>> windows = review_windows(event, "1h")
    >>> len(windows) == 3 * 64  # 1 March 07:00 to 3 March 23:00 is 64 hours, three rings
    True
    >>> bool(windows["incidents"].sum() <= len(event.incidents))
    True
    """
    if not isinstance(event, Event):
        raise ParameterError(
            f"review_windows needs an Event from load_event(), got {type(event).__name__}"
        )
    edges_ts = window_edges(event, freq, edges=edges)
    edges_us = edges_ts.asi8
    starts, ends = edges_ts[:-1], edges_ts[1:]
    predictions = _predictions(event, edges_us)
    observations = _observations(event, edges_us, aoristic=aoristic)
    timeline = staffing_timeline(event)
    line = plan_line(event)
    integer_counts = not aoristic
    parts = []
    for ring in event.meta.ring_ids:
        score, probability, likelihood, impact = predictions[ring]
        planned = planned_over(line, ring, starts, ends)
        uncovered = score == 0
        counts, disruptions, max_severity = observations[ring]
        coverage = coverage_over(timeline, ring, starts, ends)
        parts.append(
            pd.DataFrame(
                {
                    "ring": ring,
                    "window_start": starts,
                    "window_end": ends,
                    "hours": (edges_us[1:] - edges_us[:-1]) / _HOUR_US,
                    "predicted_score": score,
                    "predicted_level": event.meta.risk_levels.level_of(score),
                    "probability": probability,
                    "incidents": counts.round().astype(np.int64) if integer_counts else counts,
                    "disruptions": (
                        disruptions.round().astype(np.int64) if integer_counts else disruptions
                    ),
                    "max_severity": max_severity,
                    "officer_hours": coverage.officer_hours,
                    "mean_staff": coverage.mean_staff,
                    "min_staff": coverage.min_staff.astype(np.int64),
                    "planned_staff": planned,
                    "likelihood": pd.arrays.IntegerArray(likelihood, uncovered),
                    "impact": pd.arrays.IntegerArray(impact, uncovered),
                }
            )
        )
    windows = pd.concat(parts, ignore_index=True)
    windows["ring"] = windows["ring"].astype(event.meta.ring_dtype)
    out = windows[WINDOW_COLUMNS]
    # the parameters that made this table travel with it, for evaluate()'s provenance
    out.attrs.update(freq=None if edges is not None else freq, edges=edges is not None,
                     aoristic=bool(aoristic), plan_source=line.attrs["source"])  # fmt: skip
    return out
