"""Two Poisson rates compared: their ratio, its exact interval and two tests.

Used for the rate in flagged against other ring-hours. Two rates are compared
with the E-test of Krishnamoorthy & Thomson (2004), the exact conditional test
(:func:`conditional_rate_test`: given the total, the split of the counts is
binomial with the exposures' shares) and the exact conditional interval for
their ratio; the conditional test and interval stay honest at the small counts
of one event. Single rates and their exact intervals are in
:mod:`sra_analysis.metrics.rates`. Zero exposure gives ``nan``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

from sra_analysis.metrics._validation import (
    check_argument,
    check_confidence,
    check_count,
    check_nonnegative,
)

__all__ = ["RateComparison", "compare_rates", "conditional_rate_test"]

_ALTERNATIVES = ("two-sided", "greater", "less")


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
