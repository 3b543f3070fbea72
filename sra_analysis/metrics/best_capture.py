"""Capture against the best the same coverage could have done: n*, PEI* and a summary.

``n*`` is the most events any selection of cells with the flagged cells' total
area could have captured (the denominator of PEI*, NIJ Real-Time Crime
Forecasting Challenge 2017; White, Hunt & Green 2023). The hit rate, PAI and
PEI* of one flagging come together in :func:`capture_summary`. Zero
denominators give ``nan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from sra_analysis.metrics._validation import (
    as_1d_bool,
    as_1d_float,
    check_nonnegative,
    check_same_length,
    ratio,
)
from sra_analysis.metrics.capture import pai

__all__ = ["CaptureSummary", "capture_summary", "max_capturable_events", "pei_star_from_counts"]


def max_capturable_events(counts_per_cell: Any, area_budget: float, *, areas: Any = None) -> float:
    """Most events capturable by cells whose total area fits ``area_budget`` (n*).

    With equal cell areas this is exact: the ``k`` busiest cells, ``k`` being
    the number of cells that fit (the NIJ challenge rule). With unequal areas
    the exact answer is a knapsack problem; this function returns the better
    of two greedy selections - by decreasing count and by decreasing count
    per unit area - each keeping a cell when it still fits in the remaining
    budget. It is then a lower bound on n*, so PEI* built on it may be
    slightly optimistic.

    Parameters
    ----------
    counts_per_cell : array-like of float
        Events in each cell.
    area_budget : float
        Area available, in the unit of ``areas`` (or a number of cells).
    areas : array-like of float, optional
        Area of each cell; all 1 when omitted.

    Returns
    -------
    float
        n*.

    References
    ----------
    National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring by the
    Prediction Efficiency Index PEI*. No DOI.

    Examples
    --------
    >>> max_capturable_events([5, 0, 9, 2, 7], 2)
    16.0
    >>> max_capturable_events([5, 0, 9, 2, 7], 2.5, areas=[1, 1, 2, 1, 1])
    12.0
    """
    counts = as_1d_float("counts_per_cell", counts_per_cell)
    sizes = _cell_areas(areas, counts)
    budget = check_nonnegative("area_budget", area_budget)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(sizes > 0, counts / sizes, np.inf)
    by_count = np.lexsort((sizes, -counts))
    by_density = np.lexsort((sizes, -counts, -density))
    return max(_greedy(counts, sizes, budget, by_count), _greedy(counts, sizes, budget, by_density))


def _greedy(counts: np.ndarray, sizes: np.ndarray, budget: float, order: np.ndarray) -> float:
    captured, used = 0.0, 0.0
    tolerance = 1e-9 * max(budget, 1.0)
    for cell in order:
        if used + sizes[cell] <= budget + tolerance:
            captured += counts[cell]
            used += sizes[cell]
    return float(captured)


@dataclass(frozen=True)
class CaptureSummary:
    """Hot-spot capture measures of one flagged selection of cells.

    Attributes
    ----------
    events_in_flagged : float
        Events in flagged cells (n).
    events_total : float
        Events in all cells (N).
    flagged_area : float
        Area of flagged cells (a).
    total_area : float
        Area of all cells (A).
    max_events_in_area : float
        n*: the most events capturable with area ``a`` (never below n).
    hit_rate : float
        ``n / N``.
    pai : float
        ``(n / N) / (a / A)``.
    pei_star : float
        ``n / n*``.
    """

    events_in_flagged: float
    events_total: float
    flagged_area: float
    total_area: float
    max_events_in_area: float
    hit_rate: float
    pai: float
    pei_star: float


def capture_summary(
    counts_per_cell: Any, flagged_mask: Any, *, areas: Any = None
) -> CaptureSummary:
    """Hit rate, PAI and PEI* of flagged cells from per-cell event counts.

    Parameters
    ----------
    counts_per_cell : array-like of float
        Events observed in each cell (or window).
    flagged_mask : array-like of bool
        ``True`` for cells the SRA flagged as hot; same length.
    areas : array-like of float, optional
        Area of each cell; every cell counts 1 when omitted.

    Returns
    -------
    CaptureSummary
        See the class for the fields. n* is computed by
        :func:`max_capturable_events` for the flagged area, and raised to n
        if the greedy search found less (the flagged cells themselves are a
        feasible choice).

    References
    ----------
    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring by the
    Prediction Efficiency Index PEI*. No DOI.

    Examples
    --------
    >>> s = capture_summary([5, 0, 9, 2, 7], [True, True, False, False, False])
    >>> s.events_in_flagged, s.max_events_in_area, round(s.pai, 3), round(s.pei_star, 4)
    (5.0, 16.0, 0.543, 0.3125)
    """
    counts = as_1d_float("counts_per_cell", counts_per_cell)
    if np.any(counts < 0):
        raise ValueError("`counts_per_cell` must contain only non-negative counts.")
    mask = as_1d_bool("flagged_mask", flagged_mask)
    check_same_length(counts_per_cell=counts, flagged_mask=mask)
    sizes = _cell_areas(areas, counts)
    n = float(counts[mask].sum())
    total = float(counts.sum())
    a = float(sizes[mask].sum())
    area = float(sizes.sum())
    best = max(max_capturable_events(counts, a, areas=sizes), n)
    return CaptureSummary(
        events_in_flagged=n,
        events_total=total,
        flagged_area=a,
        total_area=area,
        max_events_in_area=best,
        hit_rate=ratio(n, total),
        pai=pai(n, total, a, area),
        pei_star=ratio(n, best),
    )


def pei_star_from_counts(counts_per_cell: Any, flagged_mask: Any, *, areas: Any = None) -> float:
    """PEI* of the flagged cells, computing n* from the per-cell counts.

    Parameters
    ----------
    counts_per_cell : array-like of float
        Events observed in each cell (or window).
    flagged_mask : array-like of bool
        ``True`` for cells the SRA flagged; same length.
    areas : array-like of float, optional
        Area of each cell; every cell counts 1 when omitted.

    Returns
    -------
    float
        ``n / n*``; ``nan`` when no event fell in any cell of the best
        selection (n* = 0).

    References
    ----------
    National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring by the
    Prediction Efficiency Index PEI*. No DOI.

    Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the modifiable areal
    unit problem and modifiable temporal unit problem on crime hot spot stability. PhD thesis,
    American University. No DOI.

    Examples
    --------
    Flagging the cells with 5 and 0 events, where the two busiest held 9 + 7:

    >>> pei_star_from_counts([5, 0, 9, 2, 7], [True, True, False, False, False])
    0.3125
    """
    return capture_summary(counts_per_cell, flagged_mask, areas=areas).pei_star


def _cell_areas(areas: Any, counts: np.ndarray) -> np.ndarray:
    if areas is None:
        return np.ones_like(counts)
    sizes = as_1d_float("areas", areas)
    check_same_length(counts_per_cell=counts, areas=sizes)
    if np.any(sizes < 0):
        raise ValueError("`areas` must contain only non-negative areas.")
    return sizes
