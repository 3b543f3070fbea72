"""Checks of the pooled tables at the roll-up's boundary, and small interval helpers."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from sra_analysis.errors import ParameterError

__all__ = ["clopper_pearson", "conditional_ratio_interval", "require_columns"]


def require_columns(table: object, columns: Sequence[str], *, name: str, caller: str) -> None:
    """Raise a :class:`ParameterError` naming the table, the missing and the found columns.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], name="windows", caller="f")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: f: windows lacks column(s) ['b']; found ['a']
    """
    if not isinstance(table, pd.DataFrame):
        raise ParameterError(f"{caller}: {name} must be a DataFrame, got {type(table).__name__}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ParameterError(
            f"{caller}: {name} lacks column(s) {missing}; found {list(table.columns)}"
        )
    for column in ("hours", "officer_hours", "incidents", "disruptions"):
        if column in columns and column in table and len(table):
            values = table[column].to_numpy(dtype=float)
            bad = ~np.isfinite(values) | (values < 0)
            if bad.any():
                row = int(np.flatnonzero(bad)[0])
                raise ParameterError(
                    f"{caller}: {name} row {row}, column {column!r}: must be a finite "
                    f"non-negative number, got {table[column].iloc[row]!r}"
                )


def clopper_pearson(successes, trials, *, confidence: float = 0.95):
    """Exact binomial limits, vectorised (NaN where there are no trials).

    References
    ----------
    Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated
    in the case of the binomial. *Biometrika* 26(4), 404-413. doi:10.1093/biomet/26.4.404

    Examples
    --------
    >>> low, high = clopper_pearson([0, 5], [10, 10])
    >>> [round(float(v), 4) for v in low], [round(float(v), 4) for v in high]
    ([0.0, 0.1871], [0.3085, 0.8129])
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    tail = (1.0 - confidence) / 2.0
    with np.errstate(invalid="ignore", divide="ignore"):
        low = np.where(k > 0, stats.beta.ppf(tail, k, n - k + 1), 0.0)
        high = np.where(k < n, stats.beta.ppf(1.0 - tail, k + 1, n - k), 1.0)
    empty = n <= 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def conditional_ratio_interval(count1, exposure1, count2, exposure2, *, confidence=0.95):
    """Rate ratio ``(count1/exposure1) / (count2/exposure2)`` with the exact conditional
    interval of :func:`sra_analysis.metrics.compare_rates`, vectorised.

    Given ``m = count1 + count2``, ``count1`` is binomial with ``pi = R t1 / (R t1 + t2)``;
    the Clopper–Pearson limits of ``pi`` map to ``R = pi / (1 - pi) * t2 / t1``. Returns
    ``(ratio, ci_low, ci_high, p_value)``, the p-value the exact conditional binomial test of
    ``R = 1`` (two-sided, doubling the smaller tail). NaN where an exposure is 0 or ``m = 0``.

    References
    ----------
    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Clopper, C. J. & Pearson, E. S. (1934). The use of confidence or fiducial limits illustrated
    in the case of the binomial. *Biometrika* 26(4), 404-413. doi:10.1093/biomet/26.4.404

    Examples
    --------
    >>> ratio, low, high, p = conditional_ratio_interval([0], [100], [3], [100])
    >>> float(low[0]), round(float(high[0]), 3)  # compare_rates(0, 100, 3, 100): 0, 2.42
    (0.0, 2.42)
    """
    k1, t1 = np.asarray(count1, dtype=float), np.asarray(exposure1, dtype=float)
    k2, t2 = np.asarray(count2, dtype=float), np.asarray(exposure2, dtype=float)
    m = k1 + k2
    valid = (t1 > 0) & (t2 > 0) & (m > 0)
    pi_low, pi_high = clopper_pearson(k1, np.where(valid, m, 0), confidence=confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(valid, t2 / np.where(t1 > 0, t1, 1.0), np.nan)
        ratio = np.where(valid, (k1 / np.where(t1 > 0, t1, 1.0)) / (k2 / t2), np.nan)
        low = pi_low / (1.0 - pi_low) * scale
        high = np.where(pi_high >= 1.0, np.inf, pi_high / (1.0 - pi_high) * scale)
        pi0 = t1 / (t1 + t2)
        lower_tail = stats.binom.cdf(k1, m, pi0)
        upper_tail = stats.binom.sf(k1 - 1, m, pi0)
        p_value = np.minimum(1.0, 2.0 * np.minimum(lower_tail, upper_tail))
    nan = np.nan
    return (
        np.where(valid, ratio, nan),
        np.where(valid, low, nan),
        np.where(valid, high, nan),
        np.where(valid, p_value, nan),
    )
