"""Ordinal association between predicted and observed levels.

Goodman-Kruskal's gamma, Kendall's tau-b and Somers' d all count
*concordant* pairs of windows (the window predicted higher also saw more
incidents) and *discordant* pairs. They are computed from the R x C
contingency table of the two ordinal variables (rows: ``x`` in increasing
order, columns: ``y`` in increasing order); two raw arrays are first
tabulated over their sorted distinct values, so memory grows with the number
of distinct values of each.

Standard errors are the non-null asymptotic standard errors (delta method,
"ASE1" in SAS PROC FREQ; Agresti, *Categorical Data Analysis*, 3rd ed.,
section 16.1; Brown & Benedetti 1977). The confidence interval is
``estimate +/- z * ase`` clipped to [-1, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from sra_analysis.metrics._validation import (
    as_count_table,
    check_argument,
    check_confidence,
    check_same_length,
    z_value,
)

__all__ = [
    "AssociationResult",
    "goodman_kruskal_gamma",
    "kendall_tau_b",
    "kendall_tau_b_pvalue",
    "kendall_tau_b_tables",
    "somers_d",
]


@dataclass(frozen=True)
class AssociationResult:
    """An ordinal association estimate with its asymptotic interval.

    Attributes
    ----------
    estimate : float
        The coefficient, between -1 and 1 (``nan`` if undefined).
    ase : float
        Asymptotic standard error (non-null, delta method).
    ci_low, ci_high : float
        ``estimate -/+ z * ase`` clipped to [-1, 1], at the requested
        confidence.
    concordant : int
        Number of concordant pairs C.
    discordant : int
        Number of discordant pairs D.
    """

    estimate: float
    ase: float
    ci_low: float
    ci_high: float
    concordant: int
    discordant: int


def _table_from_input(x: Any, y: Any) -> np.ndarray:
    if y is None:
        return as_count_table("x", x)
    x_values = _as_ordinal("x", x)
    y_values = _as_ordinal("y", y)
    check_same_length(x=x_values, y=y_values)
    _, x_codes = np.unique(x_values, return_inverse=True)
    _, y_codes = np.unique(y_values, return_inverse=True)
    table = np.zeros((int(x_codes.max(initial=-1)) + 1, int(y_codes.max(initial=-1)) + 1))
    np.add.at(table, (x_codes, y_codes), 1.0)
    return table


def _as_ordinal(name: str, values: Any) -> np.ndarray:
    array = np.array(values)
    if array.ndim != 1:
        raise ValueError(f"`{name}` must be 1-D, but an array of shape {array.shape} was passed.")
    if array.dtype.kind in "fc" and not np.all(np.isfinite(array)):
        raise ValueError(f"`{name}` must not contain NaN or infinite values.")
    if array.dtype.kind not in "biuf":
        raise ValueError(
            f"`{name}` must hold ordered numeric codes (bool, int or float), "
            f"but dtype {array.dtype} was passed; map ordinal labels to integers first."
        )
    return array


def _strict_suffix(t: np.ndarray) -> np.ndarray:
    """``out[..., i, j]`` = sum of ``t[..., i', j']`` with ``i' > i`` and ``j' > j``: over the
    last two axes, so one table or a stack of them."""
    s = np.cumsum(np.cumsum(t[..., ::-1, ::-1], axis=-2), axis=-1)[..., ::-1, ::-1]
    out = np.zeros_like(t)
    out[..., :-1, :-1] = s[..., 1:, 1:]
    return out


def _pair_counts(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per cell: number of observations concordant (A) and discordant (D) with it."""
    below_right = _strict_suffix(table)
    above_left = _strict_suffix(table[::-1, ::-1])[::-1, ::-1]
    below_left = _strict_suffix(table[:, ::-1])[:, ::-1]
    above_right = _strict_suffix(table[::-1, :])[::-1, :]
    return below_right + above_left, below_left + above_right


def _result(
    estimate: float, ase: float, concordant: float, discordant: float, confidence: float
) -> AssociationResult:
    if math.isnan(estimate) or math.isnan(ase):
        low = high = math.nan
    else:
        half = z_value(confidence) * ase
        low, high = max(-1.0, estimate - half), min(1.0, estimate + half)
    return AssociationResult(
        estimate=estimate,
        ase=ase,
        ci_low=low,
        ci_high=high,
        concordant=int(round(concordant)),
        discordant=int(round(discordant)),
    )


def goodman_kruskal_gamma(x: Any, y: Any = None, *, confidence: float = 0.95) -> AssociationResult:
    """Goodman and Kruskal's gamma, ``(C - D) / (C + D)``.

    Parameters
    ----------
    x : array-like
        Either ordinal codes of the first variable (with ``y``), or, when
        ``y`` is None, an R x C table of counts whose rows follow the order
        of x and columns the order of y.
    y : array-like, optional
        Ordinal codes of the second variable, same length as ``x``.
    confidence : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    AssociationResult
        ``estimate`` (gamma), ``ase``, ``ci_low``, ``ci_high``,
        ``concordant`` (C) and ``discordant`` (D). Estimate, ASE and interval
        are ``nan`` when there are no untied pairs (C + D = 0).

    References
    ----------
    Goodman, L. A. & Kruskal, W. H. (1954). Measures of association for cross classifications.
    *Journal of the American Statistical Association* 49(268), 732-764.
    doi:10.1080/01621459.1954.10501231

    Agresti, A. (2013). *Categorical Data Analysis*, 3rd ed., section 16.1 (asymptotic standard
    errors). Wiley. A book: no DOI.

    Examples
    --------
    Job satisfaction by income (Agresti 2007, Table 2.13):

    >>> table = [[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]]
    >>> res = goodman_kruskal_gamma(table)
    >>> res.concordant, res.discordant, round(res.estimate, 3), round(res.ase, 3)
    (1331, 849, 0.221, 0.117)
    >>> round(goodman_kruskal_gamma([1, 2, 3, 4], [1, 3, 2, 4]).estimate, 3)
    0.667
    """
    level = check_confidence(confidence)
    table = _table_from_input(x, y)
    agree, disagree = _pair_counts(table)
    p = float(np.sum(table * agree))  # = 2C
    q = float(np.sum(table * disagree))  # = 2D
    if p + q == 0:
        return _result(math.nan, math.nan, p / 2, q / 2, level)
    estimate = (p - q) / (p + q)
    ase = 4.0 / (p + q) ** 2 * math.sqrt(float(np.sum(table * (q * agree - p * disagree) ** 2)))
    return _result(estimate, ase, p / 2, q / 2, level)


def kendall_tau_b(x: Any, y: Any = None, *, confidence: float = 0.95) -> AssociationResult:
    """Kendall's tau-b, ``(C - D) / sqrt((n0 - n1)(n0 - n2))``.

    ``n0 = N(N-1)/2`` pairs, ``n1`` pairs tied on x, ``n2`` pairs tied on y.
    Equals :func:`scipy.stats.kendalltau` (variant ``"b"``).

    Parameters
    ----------
    x : array-like
        Ordinal codes of the first variable, or an R x C table of counts when
        ``y`` is None.
    y : array-like, optional
        Ordinal codes of the second variable.
    confidence : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    AssociationResult
        ``estimate`` (tau-b), ``ase``, ``ci_low``, ``ci_high``,
        ``concordant``, ``discordant``. ``nan`` estimate when either
        variable is constant.

    References
    ----------
    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239-251. doi:10.1093/biomet/33.3.239

    Agresti, A. (2013). *Categorical Data Analysis*, 3rd ed., section 16.1 (asymptotic standard
    errors). Wiley. A book: no DOI.

    Examples
    --------
    >>> res = kendall_tau_b([1, 2, 3, 4, 5], [1, 2, 2, 3, 5])
    >>> res.concordant, res.discordant, round(res.estimate, 3)
    (9, 0, 0.949)
    """
    level = check_confidence(confidence)
    table = _table_from_input(x, y)
    agree, disagree = _pair_counts(table)
    n = float(table.sum())
    p = float(np.sum(table * agree))
    q = float(np.sum(table * disagree))
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    w_r = n**2 - float(np.sum(rows**2))
    w_c = n**2 - float(np.sum(cols**2))
    if w_r <= 0 or w_c <= 0:
        return _result(math.nan, math.nan, p / 2, q / 2, level)
    w = math.sqrt(w_r * w_c)
    estimate = (p - q) / w
    v = rows[:, None] * w_c + cols[None, :] * w_r
    d = agree - disagree
    inner = float(np.sum(table * (2 * w * d + estimate * v) ** 2))
    inner -= n**3 * estimate**2 * (w_r + w_c) ** 2
    ase = math.sqrt(max(inner, 0.0)) / w**2
    return _result(estimate, ase, p / 2, q / 2, level)


def kendall_tau_b_pvalue(x: Any, y: Any, *, alternative: str = "two-sided") -> float:
    """p-value of Kendall's tau-b against no association.

    :func:`scipy.stats.kendalltau`'s test: exact without ties for small
    samples, else the normal approximation with the tie-corrected null
    variance (Kendall 1970). Unlike a permutation test it costs one pass, so
    it suits the hundreds to thousands of windows of an event.

    Parameters
    ----------
    x, y : array-like
        Paired ordinal values.
    alternative : {"two-sided", "greater", "less"}, default "two-sided"
        ``"greater"``: positive association is the alternative.

    Returns
    -------
    float
        ``nan`` when either variable is constant.

    References
    ----------
    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239-251. doi:10.1093/biomet/33.3.239

    Agresti, A. (2013). *Categorical Data Analysis*, 3rd ed., section 16.1 (asymptotic standard
    errors). Wiley. A book: no DOI.

    Examples
    --------
    One inversion in five: 5 of the 120 orders have at most one, so the
    exact one-sided p-value is 5 / 120.

    >>> round(kendall_tau_b_pvalue([1, 2, 3, 4, 5], [1, 2, 3, 5, 4], alternative="greater"), 6)
    0.041667
    """
    check_argument("alternative", ("two-sided", "greater", "less"), alternative)
    xs = np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    if xs.shape != ys.shape or xs.ndim != 1:
        raise ValueError(
            f"`x` and `y` must be 1-D of the same length, but have shapes {xs.shape} and "
            f"{ys.shape}."
        )
    if xs.size < 2 or np.ptp(xs) == 0 or np.ptp(ys) == 0:
        return math.nan
    return float(stats.kendalltau(xs, ys, alternative=alternative).pvalue)


def somers_d(x: Any, y: Any = None, *, confidence: float = 0.95) -> AssociationResult:
    """Somers' d of y given x (x independent), ``(C - D) / (n0 - n1)``.

    ``n1`` is the number of pairs tied on x. Equals
    :func:`scipy.stats.somersd` ``(x, y)``; SAS calls it "Somers' D C|R"
    when x is the row variable.

    Parameters
    ----------
    x : array-like
        Ordinal codes of the independent variable, or an R x C table of
        counts (rows x) when ``y`` is None.
    y : array-like, optional
        Ordinal codes of the dependent variable.
    confidence : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    AssociationResult
        ``estimate`` (d), ``ase``, ``ci_low``, ``ci_high``, ``concordant``,
        ``discordant``. ``nan`` estimate when x is constant.

    References
    ----------
    Somers, R. H. (1962). A new asymmetric measure of association for ordinal variables.
    *American Sociological Review* 27(6), 799-811. doi:10.2307/2090408

    Agresti, A. (2013). *Categorical Data Analysis*, 3rd ed., section 16.1 (asymptotic standard
    errors). Wiley. A book: no DOI.

    Examples
    --------
    >>> res = somers_d([1, 1, 2, 2], [1, 2, 2, 3])
    >>> res.concordant, res.discordant, round(res.estimate, 3)
    (3, 0, 0.75)
    """
    level = check_confidence(confidence)
    table = _table_from_input(x, y)
    agree, disagree = _pair_counts(table)
    n = float(table.sum())
    p = float(np.sum(table * agree))
    q = float(np.sum(table * disagree))
    rows = table.sum(axis=1)
    w_r = n**2 - float(np.sum(rows**2))
    if w_r <= 0:
        return _result(math.nan, math.nan, p / 2, q / 2, level)
    estimate = (p - q) / w_r
    d = agree - disagree
    spread = w_r * d - (p - q) * (n - rows[:, None])
    ase = 2.0 / w_r**2 * math.sqrt(float(np.sum(table * spread**2)))
    return _result(estimate, ase, p / 2, q / 2, level)


def kendall_tau_b_tables(tables: Any) -> np.ndarray:
    """Kendall's tau-b of each contingency table of a stack (tables × rows × columns), at
    once: the estimate of :func:`kendall_tau_b` for each, nan where the rows or the columns
    are all tied. For the many tables of a rotation test.

    >>> tables = np.array([[[2, 0], [0, 2]], [[0, 2], [2, 0]], [[1, 1], [1, 1]]])
    >>> kendall_tau_b_tables(tables).tolist()
    [1.0, -1.0, 0.0]
    >>> float(kendall_tau_b(tables[0]).estimate)
    1.0

    References
    ----------
    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239-251. doi:10.1093/biomet/33.3.239
    """
    tables = np.asarray(tables, dtype=float)
    # each concordant (discordant) pair once: a cell with those below and right (left) of it
    concordant = (tables * _strict_suffix(tables)).sum(axis=(1, 2))
    discordant = (tables * _strict_suffix(tables[:, :, ::-1])[:, :, ::-1]).sum(axis=(1, 2))
    n = tables.sum(axis=(1, 2))
    pairs = n * (n - 1) / 2
    rows, columns = tables.sum(axis=2), tables.sum(axis=1)
    tied_x = (rows * (rows - 1) / 2).sum(axis=1)
    tied_y = (columns * (columns - 1) / 2).sum(axis=1)
    denominator = np.sqrt((pairs - tied_x) * (pairs - tied_y))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, (concordant - discordant) / denominator, np.nan)
