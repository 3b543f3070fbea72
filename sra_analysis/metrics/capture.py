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

``n*``, PEI* from per-cell counts and the summary of one flagging are in
:mod:`sra_analysis.metrics.best_capture`. Zero denominators give ``nan``.
"""

from __future__ import annotations

import math

from sra_analysis.metrics._validation import (
    check_nonnegative,
    ratio,
)

__all__ = [
    "hit_rate",
    "pai",
    "pei",
    "pei_star",
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
