"""How many incidents fell in the windows or areas the SRA flagged as hot.

With ``n`` events in the flagged part, ``N`` events in total, flagged area
``a`` and total area ``A`` ("area" may be map area, a count of ring x time
windows, or officer-hours - any additive measure of coverage):

* hit rate ``n / N`` (Chainey, Tompson & Uhlig 2008);
* Predictive Accuracy Index ``PAI = (n / N) / (a / A)`` (Chainey et al.
  2008): the hit rate per share of coverage; 1 means no better than
  flagging at random;
* Prediction Efficiency Index ``PEI = PAI / PAI_max`` (Hunt 2016), with
  ``PAI_max`` the best PAI reachable;
* ``PEI* = n / n*`` (NIJ Real-Time Crime Forecasting Challenge, 2017; White,
  Hunt & Green 2023), with ``n*`` the most events any selection of cells
  with the same total area could have captured. PEI* equals PEI when the
  maximum PAI is taken over the same area.

Zero denominators give ``nan``.
"""

from __future__ import annotations

import math
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

__all__ = [
    "CaptureSummary",
    "hit_rate",
    "pai",
    "pei",
    "pei_star",
    "max_capturable_events",
    "pei_star_from_counts",
    "capture_summary",
]


def _check_not_above(name: str, value: float, limit_name: str, limit: float) -> None:
    if value > limit * (1 + 1e-12):
        raise ValueError(
            f"`{name}` must not exceed `{limit_name}` ({limit!r}), but {value!r} was passed."
        )


def hit_rate(events_in_flagged: float, events_total: float) -> float:
    """Share of all events that fell in flagged windows, ``n / N``.

    Parameters
    ----------
    events_in_flagged : float
        Events in the flagged windows or cells (n).
    events_total : float
        All events (N), at least ``events_in_flagged``.

    Returns
    -------
    float
        Between 0 and 1; ``nan`` when there were no events.

    References
    ----------
    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    Examples
    --------
    >>> hit_rate(12, 40)
    0.3
    """
    n = check_nonnegative("events_in_flagged", events_in_flagged)
    total = check_nonnegative("events_total", events_total)
    _check_not_above("events_in_flagged", n, "events_total", total)
    return ratio(n, total)


def pai(
    events_in_flagged: float, events_total: float, flagged_area: float, total_area: float
) -> float:
    """Predictive Accuracy Index, ``(n / N) / (a / A)``.

    Parameters
    ----------
    events_in_flagged : float
        Events in the flagged part (n).
    events_total : float
        All events (N).
    flagged_area : float
        Size of the flagged part (a), in the same unit as ``total_area``.
    total_area : float
        Size of the whole study area or of all windows (A).

    Returns
    -------
    float
        ``nan`` when ``N``, ``a`` or ``A`` is zero.

    References
    ----------
    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    Examples
    --------
    12 of 40 incidents in 5 of 100 windows:

    >>> round(pai(12, 40, 5, 100), 3)
    6.0
    """
    n = check_nonnegative("events_in_flagged", events_in_flagged)
    total = check_nonnegative("events_total", events_total)
    a = check_nonnegative("flagged_area", flagged_area)
    area = check_nonnegative("total_area", total_area)
    _check_not_above("events_in_flagged", n, "events_total", total)
    _check_not_above("flagged_area", a, "total_area", area)
    if total == 0 or area == 0:
        return math.nan
    return ratio(n / total, a / area)


def pei(
    events_in_flagged: float,
    events_total: float,
    flagged_area: float,
    total_area: float,
    max_events_in_area: float,
    *,
    max_area: float | None = None,
) -> float:
    """Prediction Efficiency Index, ``PAI / PAI_max``.

    ``PAI_max = (n_max / N) / (a_max / A)`` is the best PAI reachable, with
    ``n_max = max_events_in_area`` events in an area ``a_max``. By default
    ``a_max`` is the flagged area, in which case PEI equals
    :func:`pei_star` ``= n / n_max``; Hunt's (2016) original PEI took the
    maximum over an area chosen freely, which ``max_area`` allows.

    Parameters
    ----------
    events_in_flagged, events_total, flagged_area, total_area : float
        As in :func:`pai`.
    max_events_in_area : float
        Most events capturable in ``max_area`` (n_max).
    max_area : float, optional
        Area over which ``max_events_in_area`` was obtained; defaults to
        ``flagged_area``.

    Returns
    -------
    float
        Between 0 and 1 when the maximum is taken over the flagged area;
        ``nan`` when a denominator is zero.

    References
    ----------
    Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the modifiable areal
    unit problem and modifiable temporal unit problem on crime hot spot stability. PhD thesis,
    American University. No DOI.

    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    Examples
    --------
    >>> round(pei(12, 40, 5, 100, 20), 3)
    0.6
    """
    a_max = flagged_area if max_area is None else max_area
    n_max = check_nonnegative("max_events_in_area", max_events_in_area)
    check_nonnegative("max_area", a_max)
    achieved = pai(events_in_flagged, events_total, flagged_area, total_area)
    best = pai(n_max, events_total, a_max, total_area)
    if math.isnan(achieved) or math.isnan(best):
        return math.nan
    return ratio(achieved, best)


def pei_star(events_in_flagged: float, max_events_in_area: float) -> float:
    """PEI*, the share of the capturable events that were captured, ``n / n*``.

    Parameters
    ----------
    events_in_flagged : float
        Events in the flagged cells (n).
    max_events_in_area : float
        Most events any selection of cells with the same total area could
        have captured (n*, see :func:`max_capturable_events`).

    Returns
    -------
    float
        Between 0 and 1; ``nan`` when ``n* = 0``.

    References
    ----------
    National Institute of Justice (2017). Real-Time Crime Forecasting Challenge: scoring by the
    Prediction Efficiency Index PEI*. No DOI.

    Hunt, J. M. (2016). Do crime hot spots move? Exploring the effects of the modifiable areal
    unit problem and modifiable temporal unit problem on crime hot spot stability. PhD thesis,
    American University. No DOI.

    Examples
    --------
    >>> pei_star(12, 20)
    0.6
    """
    n = check_nonnegative("events_in_flagged", events_in_flagged)
    best = check_nonnegative("max_events_in_area", max_events_in_area)
    _check_not_above("events_in_flagged", n, "max_events_in_area", best)
    return ratio(n, best)


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
