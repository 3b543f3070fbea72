"""Incident rates per unit of exposure (hours, officer-hours, windows).

Counts are treated as Poisson. Single rates get the exact (Garwood 1936)
interval from chi-square quantiles:

* lower ``= chi2.ppf(alpha/2, 2k) / 2`` (0 when k = 0),
* upper ``= chi2.ppf(1 - alpha/2, 2k + 2) / 2``,

divided by the exposure and multiplied by ``per``. Two rates are compared in
:mod:`sra_analysis.metrics.rate_ratio`. Zero exposure gives ``nan`` rates and
limits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from sra_analysis.metrics._validation import (
    check_confidence,
    check_count,
    check_nonnegative,
)

__all__ = [
    "RateEstimate",
    "poisson_rate",
    "poisson_rate_table",
    "incidents_per_100_officer_hours",
]


@dataclass(frozen=True)
class RateEstimate:
    """A Poisson rate with its exact confidence interval.

    Attributes
    ----------
    count : int
        Number of events.
    exposure : float
        Exposure the events accrued over.
    rate : float
        ``count / exposure * per`` (``nan`` if exposure is 0).
    ci_low, ci_high : float
        Exact Garwood limits on the same scale as ``rate``.
    confidence : float
        Two-sided confidence level of the limits.
    per : float
        Units of exposure the rate is expressed per.
    """

    count: int
    exposure: float
    rate: float
    ci_low: float
    ci_high: float
    confidence: float = 0.95
    per: float = 1.0


def _garwood(counts: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    alpha = 1.0 - confidence
    safe = np.where(counts > 0, counts, 1.0)
    lower = np.where(counts > 0, stats.chi2.ppf(alpha / 2.0, 2.0 * safe) / 2.0, 0.0)
    upper = stats.chi2.ppf(1.0 - alpha / 2.0, 2.0 * counts + 2.0) / 2.0
    return lower, upper


def poisson_rate(
    count: int, exposure: float = 1.0, *, confidence: float = 0.95, per: float = 1.0
) -> RateEstimate:
    """Event rate with the exact (Garwood) Poisson confidence interval.

    Parameters
    ----------
    count : int
        Number of events, a non-negative integer.
    exposure : float, default 1.0
        Exposure (e.g. hours on duty); non-negative.
    confidence : float, default 0.95
        Two-sided confidence level.
    per : float, default 1.0
        Express the rate per this many units of exposure.

    Returns
    -------
    RateEstimate
        ``count``, ``exposure``, ``rate``, ``ci_low``, ``ci_high``,
        ``confidence``, ``per``. For zero exposure the rate and limits are
        ``nan``.

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    One incident in a unit of exposure (Garwood 1936 table: 0.0253, 5.572):

    >>> res = poisson_rate(1)
    >>> round(res.ci_low, 4), round(res.ci_high, 3)
    (0.0253, 5.572)
    >>> res = poisson_rate(6, 300, per=100)
    >>> res.rate, round(res.ci_low, 3), round(res.ci_high, 3)
    (2.0, 0.734, 4.353)
    """
    k = check_count("count", count)
    t = check_nonnegative("exposure", exposure)
    level = check_confidence(confidence)
    scale = check_nonnegative("per", per)
    if t == 0:
        return RateEstimate(k, t, math.nan, math.nan, math.nan, level, scale)
    lower, upper = _garwood(np.array([float(k)]), level)
    factor = scale / t
    return RateEstimate(
        count=k,
        exposure=t,
        rate=k * factor,
        ci_low=float(lower[0]) * factor,
        ci_high=float(upper[0]) * factor,
        confidence=level,
        per=scale,
    )


def poisson_rate_table(
    counts: Any, exposures: Any, *, confidence: float = 0.95, per: float = 1.0
) -> pd.DataFrame:
    """Vectorised :func:`poisson_rate` for many windows at once.

    Parameters
    ----------
    counts : array-like of int
        Event counts; a pandas Series keeps its index in the result.
    exposures : array-like of float
        Exposure of each row, same length; a scalar is broadcast.
    confidence : float, default 0.95
        Two-sided confidence level.
    per : float, default 1.0
        Express rates per this many units of exposure.

    Returns
    -------
    pandas.DataFrame
        Columns ``count`` (int), ``exposure``, ``rate``, ``ci_low``,
        ``ci_high`` (floats). Rows with zero exposure hold ``nan`` rate and
        limits; no warning is emitted.

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    >>> poisson_rate_table([0, 5], [1.0, 0.0]).round(3)
       count  exposure  rate  ci_low  ci_high
    0      0       1.0   0.0     0.0    3.689
    1      5       0.0   NaN     NaN      NaN
    """
    level = check_confidence(confidence)
    scale = check_nonnegative("per", per)
    index = counts.index if isinstance(counts, pd.Series) else None
    k = np.array(counts, dtype=float).ravel()
    t = np.broadcast_to(np.array(exposures, dtype=float), k.shape).astype(float)
    if np.any(~np.isfinite(k)) or np.any(k < 0) or np.any(k % 1 != 0):
        raise ValueError("`counts` must contain only non-negative integer counts.")
    if np.any(~np.isfinite(t)) or np.any(t < 0):
        raise ValueError("`exposures` must contain only finite non-negative numbers.")
    lower, upper = _garwood(k, level)
    positive = t > 0
    factor = np.divide(scale, t, out=np.full_like(t, np.nan), where=positive)
    return pd.DataFrame(
        {
            "count": k.astype(np.int64),
            "exposure": t,
            "rate": k * factor,
            "ci_low": lower * factor,
            "ci_high": upper * factor,
        },
        index=index,
    )


def incidents_per_100_officer_hours(
    incidents: int, officer_hours: float, *, confidence: float = 0.95
) -> RateEstimate:
    """Incidents per 100 officer-hours with the exact Poisson interval.

    Parameters
    ----------
    incidents : int
        Number of incidents.
    officer_hours : float
        Officer-hours deployed.
    confidence : float, default 0.95
        Two-sided confidence level.

    Returns
    -------
    RateEstimate
        As :func:`poisson_rate` with ``per=100``.

    References
    ----------
    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    >>> incidents_per_100_officer_hours(3, 1200).rate
    0.25
    """
    return poisson_rate(incidents, officer_hours, confidence=confidence, per=100.0)
