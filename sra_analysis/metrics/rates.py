"""Incident rates per unit of exposure (hours, officer-hours, windows).

Counts are treated as Poisson. Single rates get the exact (Garwood 1936)
interval from chi-square quantiles:

* lower ``= chi2.ppf(alpha/2, 2k) / 2`` (0 when k = 0),
* upper ``= chi2.ppf(1 - alpha/2, 2k + 2) / 2``,

divided by the exposure and multiplied by ``per``. Two rates are compared
with the E-test of Krishnamoorthy & Thomson (2004), the exact conditional
test (:func:`conditional_rate_test`: given the total, the split of the counts
is binomial with the exposures' shares) and the exact conditional interval for
their ratio; the conditional test and interval stay honest at the small counts
of one event. Zero exposure gives ``nan`` rates and limits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from sra_analysis.metrics._validation import (
    check_argument,
    check_confidence,
    check_count,
    check_nonnegative,
)

__all__ = [
    "RateEstimate",
    "RateComparison",
    "poisson_rate",
    "poisson_rate_table",
    "incidents_per_100_officer_hours",
    "compare_rates",
    "conditional_rate_test",
]

_ALTERNATIVES = ("two-sided", "greater", "less")


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


@dataclass(frozen=True)
class RateComparison:
    """Comparison of two Poisson rates.

    Attributes
    ----------
    rate1, rate2 : float
        ``count / exposure`` of each group (``nan`` for zero exposure).
    rate_ratio : float
        ``rate1 / rate2`` (``nan`` when ``rate2`` is 0 or undefined).
    ci_low, ci_high : float
        Exact conditional confidence limits of the rate ratio (one-sided
        bound and 0 or infinity for one-sided alternatives).
    p_value : float
        E-test p-value for equal rates.
    method : str
        Description of the test and interval.
    exact_p_value : float
        The exact conditional test's p-value for the same alternative
        (:func:`conditional_rate_test`).
    """

    rate1: float
    rate2: float
    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float
    method: str
    exact_p_value: float = math.nan


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


def compare_rates(
    count1: int,
    exposure1: float,
    count2: int,
    exposure2: float,
    *,
    confidence: float = 0.95,
    alternative: str = "two-sided",
) -> RateComparison:
    """Compare two Poisson rates: E-test p-value and exact ratio interval.

    The p-value is the E-test of Krishnamoorthy & Thomson (2004) computed by
    :func:`scipy.stats.poisson_means_test`; ``alternative="greater"`` tests
    ``rate1 > rate2``. The interval for ``rate1 / rate2`` is the exact
    conditional one: given ``m = count1 + count2``, ``count1`` is binomial
    with ``pi = R t1 / (R t1 + t2)``; the Clopper-Pearson limits for ``pi``
    are mapped to ``R = pi / (1 - pi) * t2 / t1``. For a one-sided
    alternative the interval is one-sided at level ``confidence``.

    Parameters
    ----------
    count1, count2 : int
        Event counts of the two groups.
    exposure1, exposure2 : float
        Their exposures.
    confidence : float, default 0.95
        Confidence level of the ratio interval.
    alternative : {"two-sided", "greater", "less"}
        Alternative hypothesis for the E-test.

    Returns
    -------
    RateComparison
        ``rate1``, ``rate2``, ``rate_ratio``, ``ci_low``, ``ci_high``,
        ``p_value``, ``method``, ``exact_p_value``. With a zero exposure
        every number is ``nan``; with no events at all the ratio and its
        limits are ``nan`` and the p-values are 1.

    References
    ----------
    Krishnamoorthy, K. & Thomson, J. (2004). A more powerful test for comparing two Poisson
    means. *Journal of Statistical Planning and Inference* 119(1), 23-35.
    doi:10.1016/S0378-3758(02)00408-1

    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated
    in the case of the binomial. *Biometrika* 26(4), 404-413. doi:10.1093/biomet/26.4.404

    Examples
    --------
    >>> res = compare_rates(0, 100, 3, 100)
    >>> round(res.p_value, 3), res.ci_low, round(res.ci_high, 3)
    (0.088, 0.0, 2.42)
    """
    k1 = check_count("count1", count1)
    k2 = check_count("count2", count2)
    t1 = check_nonnegative("exposure1", exposure1)
    t2 = check_nonnegative("exposure2", exposure2)
    level = check_confidence(confidence)
    check_argument("alternative", _ALTERNATIVES, alternative)
    method = (
        "E-test (Krishnamoorthy & Thomson 2004); exact conditional binomial test; "
        "exact conditional (Clopper-Pearson) ratio CI"
    )
    if t1 == 0 or t2 == 0:
        nan = math.nan
        return RateComparison(nan, nan, nan, nan, nan, nan, method, nan)
    rate1, rate2 = k1 / t1, k2 / t2
    ratio = rate1 / rate2 if rate2 > 0 else math.nan
    m = k1 + k2
    if m == 0:
        return RateComparison(rate1, rate2, math.nan, math.nan, math.nan, 1.0, method, 1.0)
    exact = conditional_rate_test(k1, t1, k2, t2, alternative=alternative)
    p_value = float(stats.poisson_means_test(k1, t1, k2, t2, alternative=alternative).pvalue)
    tail = (1.0 - level) / 2.0 if alternative == "two-sided" else 1.0 - level
    pi_low = stats.beta.ppf(tail, k1, m - k1 + 1) if k1 > 0 else 0.0
    pi_high = stats.beta.ppf(1.0 - tail, k1 + 1, m - k1) if k1 < m else 1.0
    if alternative == "greater":
        pi_high = 1.0
    elif alternative == "less":
        pi_low = 0.0
    ci_low = _pi_to_ratio(float(pi_low), t1, t2)
    ci_high = _pi_to_ratio(float(pi_high), t1, t2)
    return RateComparison(rate1, rate2, ratio, ci_low, ci_high, min(p_value, 1.0), method, exact)


def conditional_rate_test(
    count1: int,
    exposure1: float,
    count2: int,
    exposure2: float,
    *,
    alternative: str = "greater",
) -> float:
    """Exact conditional test of two Poisson rates: the p-value of the binomial split.

    Given ``m = count1 + count2``, equal rates make ``count1`` binomial with
    ``p = exposure1 / (exposure1 + exposure2)`` (Przyborowski & Wilenski 1940);
    the p-value is that binomial's tail (``"greater"``: ``P(X >= count1)``,
    ``"less"``: ``P(X <= count1)``; ``"two-sided"``: scipy's
    :func:`~scipy.stats.binomtest`, which sums the outcomes no more likely than
    the observed one). Exact at any count, and conservative.

    Parameters
    ----------
    count1, count2 : int
        Event counts of the two groups.
    exposure1, exposure2 : float
        Their exposures, both positive.
    alternative : {"greater", "less", "two-sided"}, default "greater"
        ``"greater"`` tests ``rate1 > rate2``.

    Returns
    -------
    float
        The p-value; 1 when there are no events, nan when an exposure is 0.

    References
    ----------
    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Krishnamoorthy, K. & Thomson, J. (2004). A more powerful test for comparing two Poisson
    means. *Journal of Statistical Planning and Inference* 119(1), 23-35.
    doi:10.1016/S0378-3758(02)00408-1

    Examples
    --------
    12 disruptions in 30 flagged hours against 9 in 162 others:
    ``X ~ Binomial(21, 30/192)``, ``P(X >= 12) ≈ 1.54e-05``.

    >>> f"{conditional_rate_test(12, 30, 9, 162):.3g}"
    '1.54e-05'
    """
    k1 = check_count("count1", count1)
    k2 = check_count("count2", count2)
    t1 = check_nonnegative("exposure1", exposure1)
    t2 = check_nonnegative("exposure2", exposure2)
    check_argument("alternative", _ALTERNATIVES, alternative)
    if t1 == 0 or t2 == 0:
        return math.nan
    if k1 + k2 == 0:
        return 1.0
    test = stats.binomtest(k1, k1 + k2, t1 / (t1 + t2), alternative=alternative)
    return float(min(1.0, test.pvalue))


def _pi_to_ratio(pi: float, t1: float, t2: float) -> float:
    if pi >= 1.0:
        return math.inf
    return pi / (1.0 - pi) * t2 / t1
