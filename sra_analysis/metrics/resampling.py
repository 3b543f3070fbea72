"""Resampling inference for the small samples of a single event.

Thin layers over SciPy that keep this project's conventions (a seed, a frozen
result, degenerate resamples counted rather than poisoning the interval):

* :func:`bootstrap_interval`: nonparametric bootstrap confidence interval of
  any statistic, resampling rows (windows) jointly across arrays, drawn by
  :func:`scipy.stats.bootstrap` (``paired=True``);
* :func:`permutation_pvalue`: permutation test of association between ``x``
  and ``y`` by :func:`scipy.stats.permutation_test` (``"pairings"``), whose
  Monte Carlo p-value carries the ``(b + 1) / (m + 1)`` correction of
  Phipson & Smyth (2010), so it is never 0 (when ``n!`` is at most
  ``n_resamples``, SciPy enumerates every pairing and the p-value is exact).

A statistic that works along an ``axis`` (``vectorized=True``, e.g.
:func:`sra_analysis.metrics.roc_auc_along`) is evaluated for all resamples in
one call. Both use ``numpy.random.default_rng(seed)``: the same seed gives
the same result.

Both treat windows as independent. When disruptions come in episodes they are
too sure, and a block bootstrap does not mend that for one event (too few blocks
hold a disruption): the verdict's tests are rotations
(:mod:`sra_analysis.metrics.rotation`).

References
----------
Politis, D. N. & Romano, J. P. (1994). The stationary bootstrap. *Journal of the
American Statistical Association* 89(428), 1303-1313.
doi:10.1080/01621459.1994.10476870
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from sra_analysis.metrics._validation import (
    check_argument,
    check_confidence,
    check_positive_int,
)

__all__ = ["BootstrapResult", "PermutationResult", "bootstrap_interval", "permutation_pvalue"]


@dataclass(frozen=True)
class BootstrapResult:
    """A bootstrap confidence interval.

    Attributes
    ----------
    estimate : float
        The statistic on the original data.
    ci_low, ci_high : float
        Interval limits (``nan`` if every resample was degenerate).
    n_resamples : int
        Resamples drawn.
    seed : int
        Seed of the generator.
    n_degenerate : int
        Resamples whose statistic was NaN (e.g. a single class drawn); they
        are left out of the interval.
    """

    estimate: float
    ci_low: float
    ci_high: float
    n_resamples: int
    seed: int
    n_degenerate: int = 0


@dataclass(frozen=True)
class PermutationResult:
    """A Monte Carlo permutation test.

    Attributes
    ----------
    estimate : float
        The statistic on the original pairing.
    p_value : float
        ``(b + 1) / (m + 1)`` with ``b`` the permuted statistics at least as
        extreme; doubled smaller tail (capped at 1) when two-sided.
    n_resamples : int
        Permutations drawn (m).
    seed : int
        Seed of the generator.
    """

    estimate: float
    p_value: float
    n_resamples: int
    seed: int


def _as_arrays(arrays: tuple[Any, ...]) -> list[np.ndarray]:
    if not arrays:
        raise ValueError("`arrays` must hold at least one array, but none was passed.")
    converted = [np.asarray(a) for a in arrays]
    lengths = [a.shape[0] if a.ndim else None for a in converted]
    if None in lengths or len(set(lengths)) != 1 or lengths[0] == 0:
        raise ValueError(
            f"`arrays` must be non-empty arrays with the same number of rows, "
            f"but they have lengths {lengths}."
        )
    return converted


def _scalar(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as error:
        raise ValueError(
            f"`statistic` must return a single number, but it returned {value!r}."
        ) from error


def bootstrap_interval(
    statistic: Callable[..., float],
    *arrays: Any,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
    method: str = "percentile",
    vectorized: bool = False,
) -> BootstrapResult:
    """Bootstrap confidence interval of ``statistic(*arrays)``.

    Rows are resampled with replacement, jointly across ``arrays`` (so
    paired values stay paired).

    Parameters
    ----------
    statistic : callable
        ``statistic(*arrays) -> float``. With ``vectorized=True`` it must
        accept an ``axis`` keyword and reduce along it, like ``np.mean``;
        it then receives arrays of shape ``(n_resamples, n, ...)`` with
        ``axis=1``, in one call.
    *arrays : array-like
        Data with the same number of rows; not modified.
    n_resamples : int, default 2000
        Bootstrap resamples.
    confidence : float, default 0.95
        Two-sided confidence level.
    seed : int, default 0
        Seed for ``numpy.random.default_rng``.
    method : {"percentile", "basic"}, default "percentile"
        Percentile interval, or the basic (reverse percentile) interval
        ``2 * estimate - quantiles``.
    vectorized : bool, default False
        Evaluate all resamples in one call (see ``statistic``).

    Returns
    -------
    BootstrapResult
        ``estimate``, ``ci_low``, ``ci_high``, ``n_resamples``, ``seed``,
        ``n_degenerate``.

    References
    ----------
    Efron, B. (1987). Better bootstrap confidence intervals. *Journal of the American
    Statistical Association* 82(397), 171-185. doi:10.1080/01621459.1987.10478410

    Efron, B. & Tibshirani, R. J. (1993). *An Introduction to the Bootstrap*. Chapman & Hall. A
    book: no DOI.

    Examples
    --------
    >>> res = bootstrap_interval(np.mean, [1.0, 2.0, 3.0, 4.0, 5.0], seed=1)
    >>> res.estimate, res.ci_low >= 1.0, res.ci_high <= 5.0
    (3.0, True, True)
    """
    data = _as_arrays(arrays)
    m = check_positive_int("n_resamples", n_resamples)
    level = check_confidence(confidence)
    check_argument("method", ("percentile", "basic"), method)
    estimate = _scalar(statistic(*data))
    if vectorized:

        def batch_statistic(*samples, axis=-1):
            values = np.asarray(statistic(*samples, axis=axis), dtype=float)
            if values.shape != samples[0].shape[:-1]:
                raise ValueError(
                    f"`statistic` with `vectorized=True` must return one value per "
                    f"resample, but it returned shape {values.shape}."
                )
            return values

    else:

        def batch_statistic(*samples):
            return _scalar(statistic(*samples))

    with warnings.catch_warnings():
        # resamples drawing a single class give nan; they are counted below instead
        warnings.simplefilter("ignore", stats.DegenerateDataWarning)
        result = stats.bootstrap(
            tuple(data), batch_statistic, n_resamples=m, vectorized=vectorized, paired=True,
            confidence_level=level, method="percentile", rng=np.random.default_rng(seed),
        )  # fmt: skip
    values = np.asarray(result.bootstrap_distribution, dtype=float).ravel()
    degenerate = np.isnan(values)
    kept = values[~degenerate]
    if kept.size == 0:
        low = high = math.nan
    else:
        alpha = 1.0 - level
        q_low, q_high = np.quantile(kept, [alpha / 2.0, 1.0 - alpha / 2.0])
        if method == "percentile":
            low, high = float(q_low), float(q_high)
        else:
            low, high = 2.0 * estimate - float(q_high), 2.0 * estimate - float(q_low)
    return BootstrapResult(
        estimate=estimate,
        ci_low=low,
        ci_high=high,
        n_resamples=m,
        seed=seed,
        n_degenerate=int(degenerate.sum()),
    )


def permutation_pvalue(
    statistic: Callable[[Any, Any], float],
    x: Any,
    y: Any,
    *,
    n_resamples: int = 2000,
    alternative: str = "two-sided",
    seed: int = 0,
    vectorized: bool = False,
) -> PermutationResult:
    """Permutation p-value for association between ``x`` and ``y``.

    The rows of ``y`` are shuffled against ``x`` ``n_resamples`` times. With
    ``b`` permuted statistics at least as extreme as the observed one, the
    one-sided p-value is ``(b + 1) / (m + 1)`` (Phipson & Smyth 2010); the
    two-sided p-value doubles the smaller one-sided p-value, capped at 1.
    SciPy compares with a small relative tolerance, so ties from
    floating-point noise count as ties; with ``n! <= n_resamples`` it
    enumerates every pairing instead and the p-value is exact.

    Parameters
    ----------
    statistic : callable
        ``statistic(x, y) -> float``, e.g. a correlation or
        ``lambda x, y: roc_auc(x, y)``.
    x, y : array-like
        Paired data with the same number of rows; not modified.
    n_resamples : int, default 2000
        Permutations (m).
    alternative : {"two-sided", "greater", "less"}, default "two-sided"
        ``"greater"``: large statistics are evidence of association.
    seed : int, default 0
        Seed for ``numpy.random.default_rng``.
    vectorized : bool, default False
        ``statistic(x, y, axis=-1)`` reduces along the last axis and is called
        once for a batch of permutations.

    Returns
    -------
    PermutationResult
        ``estimate``, ``p_value``, ``n_resamples``, ``seed``. The p-value is
        ``nan`` when the observed statistic is NaN; NaN permuted statistics
        count as not extreme.

    References
    ----------
    Phipson, B. & Smyth, G. K. (2010). Permutation p-values should never be zero: calculating
    exact p-values when permutations are randomly drawn. *Statistical Applications in Genetics
    and Molecular Biology* 9(1), 39. doi:10.2202/1544-6115.1585

    Examples
    --------
    >>> corr = lambda a, b: float(np.corrcoef(a, b)[0, 1])
    >>> res = permutation_pvalue(corr, [1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7],
    ...                          alternative="greater", n_resamples=999)
    >>> round(res.estimate, 3), res.p_value < 0.01
    (0.905, True)
    """
    xs, ys = _as_arrays((x, y))
    m = check_positive_int("n_resamples", n_resamples)
    check_argument("alternative", ("two-sided", "greater", "less"), alternative)
    observed = _scalar(statistic(xs, ys))
    if math.isnan(observed):
        return PermutationResult(observed, math.nan, m, seed)
    # a nan permuted statistic compares False both ways: never as extreme as the observed
    if vectorized:

        def batch_statistic(a, b, axis=-1):
            return np.asarray(statistic(a, b, axis=axis), dtype=float)

    else:

        def batch_statistic(a, b):
            return _scalar(statistic(a, b))

    result = stats.permutation_test(
        (xs, ys), batch_statistic, permutation_type="pairings", vectorized=vectorized,
        n_resamples=m, alternative=alternative, rng=np.random.default_rng(seed),
    )  # fmt: skip
    return PermutationResult(observed, float(result.pvalue), m, seed)
