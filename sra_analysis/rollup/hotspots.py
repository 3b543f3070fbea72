"""Where and when incidents per 100 officer-hours run highest, across events.

:func:`hot_spots` pools the windows by ring × local hour of day (optionally × day of the
event) and compares each cell with the rest of its ring: exact Garwood interval of its rate,
exact conditional interval of the rate ratio. With 24 hours × rings (× days) compared at
once, some cells of an ordinary ring clear a 95% interval by chance alone, so a cell is
called ``hot`` only when its ratio's interval at the Bonferroni-adjusted level
(1 − 0.05 / number of cells) lies above 1. :func:`hot_spans` merges a ring's consecutive hot
hours into one span and states its ratio against the rest of the ring with a 95% interval.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.errors import ParameterError
from sra_analysis.rollup._checks import conditional_ratio_interval, require_columns

__all__ = ["HOT_COLUMNS", "SPAN_COLUMNS", "hot_spans", "hot_spots"]

HOT_COLUMNS = [
    "events", "officer_hours", "incidents", "rate", "ci_low", "ci_high", "rate_ratio",
    "ratio_ci_low", "ratio_ci_high", "p_value", "hot",
]  # fmt: skip

SPAN_COLUMNS = [
    "ring", "ring_name", "first_hour", "last_hour", "events", "officer_hours", "incidents",
    "rate", "rate_ratio", "ci_low", "ci_high", "usual_level", "events_at_usual_level",
]  # fmt: skip

_ALLOWED_BY = {("ring", "hour"), ("ring", "day", "hour")}


def hot_spots(
    windows: pd.DataFrame,
    *,
    by: Sequence[str] = ("ring", "hour"),
    confidence: float = 0.95,
    family_confidence: float = 0.95,
) -> pd.DataFrame:
    """Incidents per 100 officer-hours per ring × hour of day (× day), pooled over events.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows: ``event_id``, ``ring``, ``hour``, ``incidents``, ``officer_hours``
        (and ``day`` when grouping by it; ``ring_name`` and ``pooled_by`` are carried when
        present, see :func:`~sra_analysis.rollup.pool_rings`).
    by : ("ring", "hour") or ("ring", "day", "hour")
    confidence : float, default 0.95
        Level of the intervals shown.
    family_confidence : float, default 0.95
        Level, over all cells at once (Bonferroni), of the screen that marks a cell ``hot``.

    Returns
    -------
    DataFrame
        The ``by`` columns, ``ring_name`` and ``pooled_by`` when known, then
        :data:`HOT_COLUMNS`: ``events``
        contributing, ``officer_hours``, ``incidents``, ``rate`` per 100 officer-hours with
        ``ci_low``–``ci_high``; ``rate_ratio`` against the rest of the ring (all its other
        cells) with ``ratio_ci_low``–``ratio_ci_high`` and the exact conditional
        ``p_value``; ``hot``. Highest lower ratio limit first.

    References
    ----------
    Dunn, O. J. (1961). Multiple comparisons among means. *Journal of the American Statistical
    Association* 56(293), 52-64. doi:10.1080/01621459.1961.10482090

    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Examples
    --------
    >>> windows = pd.DataFrame({"event_id": "a", "ring": "1", "hour": [8, 9, 10, 11],
    ...     "incidents": [30, 10, 10, 10], "officer_hours": 100.0})
    >>> hot_spots(windows)[["hour", "rate", "rate_ratio", "hot"]].head(2)
       hour  rate  rate_ratio    hot
    0     8  30.0         3.0   True
    1     9  10.0         0.6  False
    """
    by = tuple(by)
    if by not in _ALLOWED_BY:
        raise ParameterError(f"hot_spots: by must be one of {sorted(_ALLOWED_BY)}, got {by!r}")
    require_columns(
        windows, ["event_id", *by, "incidents", "officer_hours"], name="windows",
        caller="hot_spots",
    )  # fmt: skip
    frame = windows.assign(ring=windows["ring"].astype(str))
    table = frame.groupby(list(by), sort=True).agg(
        events=("event_id", "nunique"), officer_hours=("officer_hours", "sum"),
        incidents=("incidents", "sum"),
    ).reset_index()  # fmt: skip
    table = table[table["officer_hours"] > 0].reset_index(drop=True)
    carried = [column for column in ("ring_name", "pooled_by") if column in frame]
    for position, column in enumerate(carried, start=1):
        shown = frame.groupby("ring")[column].agg(lambda s: s.mode().iloc[0])
        table.insert(position, column, table["ring"].map(shown))
    counts = np.round(table["incidents"].to_numpy()).astype(np.int64)
    rates = metrics.poisson_rate_table(
        counts, table["officer_hours"].to_numpy(), confidence=confidence, per=100.0
    )
    table["incidents"] = counts
    table["rate"] = rates["rate"].to_numpy()
    table["ci_low"] = rates["ci_low"].to_numpy()
    table["ci_high"] = rates["ci_high"].to_numpy()
    ring_hours = table.groupby("ring")["officer_hours"].transform("sum").to_numpy()
    ring_counts = table.groupby("ring")["incidents"].transform("sum").to_numpy()
    exposure = table["officer_hours"].to_numpy()
    args = (counts, exposure, ring_counts - counts, ring_hours - exposure)
    ratio, low, high, p_value = conditional_ratio_interval(*args, confidence=confidence)
    adjusted = 1.0 - (1.0 - family_confidence) / max(len(table), 1)
    _, screen_low, _, _ = conditional_ratio_interval(*args, confidence=adjusted)
    table["rate_ratio"], table["ratio_ci_low"], table["ratio_ci_high"] = ratio, low, high
    table["p_value"] = p_value
    table["hot"] = np.nan_to_num(screen_low, nan=0.0) > 1.0
    table = table.sort_values("ratio_ci_low", ascending=False, ignore_index=True)
    return table[[c for c in table.columns if c not in HOT_COLUMNS] + HOT_COLUMNS]


def hot_spans(
    windows: pd.DataFrame, spots: pd.DataFrame, *, confidence: float = 0.95
) -> pd.DataFrame:
    """Merge each ring's consecutive hot hours (from ``hot_spots(by=("ring", "hour"))``)
    into spans, each with its rate ratio against the rest of the ring.

    Parameters
    ----------
    windows : DataFrame
        The pooled windows ``spots`` came from; ``predicted_level`` is used when present
        to say how the SRAs usually rated the span.
    spots : DataFrame
        :func:`hot_spots` by ring and hour.
    confidence : float, default 0.95

    Returns
    -------
    DataFrame
        :data:`SPAN_COLUMNS`: ``ring``, ``ring_name``, ``first_hour``, ``last_hour``,
        ``events`` contributing, ``officer_hours``, ``incidents``, ``rate`` (per 100
        officer-hours), ``rate_ratio`` against the ring's other hours with ``ci_low``–
        ``ci_high``; ``usual_level``: the level most events gave most of the span's windows,
        and ``events_at_usual_level``. Largest lower limit first.

    References
    ----------
    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.
    """
    rows = []
    frame = windows.assign(ring=windows["ring"].astype(str))
    for ring, part in spots[spots["hot"]].groupby("ring", sort=True):
        hours = sorted(part["hour"].astype(int))
        runs: list[list[int]] = []
        for hour in hours:
            if runs and hour == runs[-1][-1] + 1:
                runs[-1].append(hour)
            else:
                runs.append([hour])
        ring_rows = frame[frame["ring"] == ring]
        for run in runs:
            inside = ring_rows["hour"].isin(run)
            k1, t1 = (
                ring_rows.loc[inside, "incidents"].sum(),
                ring_rows.loc[inside, "officer_hours"].sum(),
            )
            k2, t2 = (
                ring_rows.loc[~inside, "incidents"].sum(),
                ring_rows.loc[~inside, "officer_hours"].sum(),
            )
            ratio, low, high, _ = conditional_ratio_interval(
                [round(k1)], [t1], [round(k2)], [t2], confidence=confidence
            )
            usual, at_usual = None, 0
            if "predicted_level" in ring_rows:
                per_event = (
                    ring_rows[inside]
                    .groupby("event_id")["predicted_level"]
                    .agg(lambda s: s.astype(str).mode().iloc[0])
                )
                if len(per_event):
                    tally = per_event.value_counts()
                    usual, at_usual = str(tally.index[0]), int(tally.iloc[0])
            rows.append(
                {
                    "ring": ring,
                    "ring_name": part["ring_name"].iloc[0] if "ring_name" in part else ring,
                    "first_hour": run[0],
                    "last_hour": run[-1],
                    "events": int(
                        ring_rows.loc[
                            inside & (ring_rows["officer_hours"] > 0), "event_id"
                        ].nunique()
                    ),
                    "officer_hours": float(t1),
                    "incidents": int(round(k1)),
                    "rate": 100.0 * k1 / t1 if t1 > 0 else np.nan,
                    "rate_ratio": float(ratio[0]),
                    "ci_low": float(low[0]),
                    "ci_high": float(high[0]),
                    "usual_level": usual,
                    "events_at_usual_level": at_usual,
                }
            )
    table = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    return table.sort_values("ci_low", ascending=False, ignore_index=True)
