"""Funnel-plot control limits for proportions: exact binomial, after Spiegelhalter (2005).

A funnel plot compares many units' proportions ``y / n`` with one target ``p0`` (here: each
event's capture, the share of its disruptions that fell in flagged windows, against the
pooled share of all events). The limits at level ``L`` (0.95, 0.998) for a unit of size
``n`` are the proportions a unit would reach with chance ``(1 - L) / 2`` in each tail if its
true share were ``p0``.

Source: D. J. Spiegelhalter, "Funnel plots for comparing institutional performance",
Statistics in Medicine 24 (2005) 1185-1202, Appendix A.1.1 (exact binomial limits). With
``F`` the Binomial(n, p0) distribution function and ``a`` a tail probability, ``r`` the
smallest count with ``F(r) >= a`` and ``alpha = (F(r) - a) / (F(r) - F(r - 1))``, the
lower limit is ``(r - alpha) / n``: the interpolation between whole counts turns the
steps of ``F`` into a continuous funnel. The upper limit is the same construction applied
to the complementary count (``n - y`` under ``1 - p0``), ``1 - lower(1 - p0)``. This keeps
the limits symmetric when ``p0 = 1/2`` and makes a whole count fall above the upper limit
exactly when its exact tail probability ``P(Y >= y)`` is below ``a`` (reading the
appendix's formula with ``a`` replaced by ``1 - a`` instead puts the upper limit one
count lower). Limits are clipped to [0, 1].
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

__all__ = ["FUNNEL_LEVELS", "binomial_funnel_limits", "funnel_position"]

#: The two conventional funnel levels: about 2 and 3 standard deviations.
FUNNEL_LEVELS: tuple[float, ...] = (0.95, 0.998)


def _lower(n: np.ndarray, p0: float, tail: float) -> np.ndarray:
    """Spiegelhalter's interpolated lower limit ``(r - alpha) / n`` for the tail ``tail``."""
    r = stats.binom.ppf(tail, n, p0)
    at_r = stats.binom.cdf(r, n, p0)
    below = stats.binom.cdf(r - 1, n, p0)
    alpha = (at_r - tail) / (at_r - below)
    return np.clip((r - alpha) / n, 0.0, 1.0)


def _check(p0: float, levels: Sequence[float]) -> tuple[float, tuple[float, ...]]:
    p0 = float(p0)
    if not 0.0 < p0 < 1.0:
        raise ValueError(f"`p0` must be strictly between 0 and 1, but {p0!r} was passed.")
    levels = tuple(float(level) for level in levels)
    if not levels or not all(0.0 < level < 1.0 for level in levels):
        raise ValueError(
            f"`levels` must be numbers strictly between 0 and 1, but {levels!r} was passed."
        )
    return p0, levels


def binomial_funnel_limits(
    n: Sequence[int] | np.ndarray, *, p0: float, levels: Sequence[float] = FUNNEL_LEVELS
) -> pd.DataFrame:
    """Exact binomial funnel limits around ``p0`` for unit sizes ``n``.

    Parameters
    ----------
    n : sequence of int
        Unit sizes (denominators), each ≥ 1.
    p0 : float
        Target proportion, strictly between 0 and 1 (e.g. the pooled proportion).
    levels : sequence of float, default (0.95, 0.998)
        Two-sided coverage of each pair of limits.

    Returns
    -------
    DataFrame
        One row per size and level, sizes in the order given: ``n``, ``level``, ``lower``,
        ``upper`` (proportions in [0, 1]).

    Examples
    --------
    Binomial(10, 0.5): P(Y ≤ 1) = 11/1024 and P(Y ≤ 2) = 56/1024, so the 95 % lower limit
    is ``(2 - (56/1024 - 0.025) / (45/1024)) / 10`` and the upper its mirror image:

    >>> binomial_funnel_limits([10], p0=0.5, levels=[0.95]).round(4)
        n  level   lower   upper
    0  10   0.95  0.1324  0.8676
    """
    p0, levels = _check(p0, levels)
    sizes = np.asarray(n, dtype=float)
    if sizes.ndim != 1 or not np.all(np.isfinite(sizes)) or np.any(sizes < 1) or np.any(sizes % 1):
        raise ValueError(f"`n` must be whole numbers ≥ 1, but {list(np.ravel(n))!r} was passed.")
    frames = []
    for level in levels:
        tail = (1.0 - level) / 2.0
        frames.append(
            pd.DataFrame(
                {
                    "n": sizes.astype(int),
                    "level": level,
                    "lower": _lower(sizes, p0, tail),
                    "upper": 1.0 - _lower(sizes, 1.0 - p0, tail),
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    order = np.argsort(np.tile(np.arange(len(sizes)), len(levels)), kind="stable")
    return table.iloc[order].reset_index(drop=True)


def funnel_position(
    y: Sequence[float] | np.ndarray,
    n: Sequence[int] | np.ndarray,
    *,
    p0: float,
    levels: Sequence[float] = FUNNEL_LEVELS,
) -> pd.DataFrame:
    """Where each unit's proportion ``y / n`` falls against the funnel limits at its size.

    Parameters
    ----------
    y : sequence of float
        Counts (numerators), 0 ≤ y ≤ n.
    n : sequence of int
        Unit sizes, each ≥ 1.
    p0 : float
        Target proportion, strictly between 0 and 1.
    levels : sequence of float, default (0.95, 0.998)
        Two-sided coverage of the limits, ascending.

    Returns
    -------
    DataFrame
        One row per unit: ``y``, ``n``, ``share``, ``lower_<pct>``/``upper_<pct>`` per
        level (``pct`` as in ``95`` and ``99_8``), and ``outside``: the widest level whose
        limits the share falls strictly outside (``nan`` when inside them all).

    Examples
    --------
    >>> funnel_position([1, 5, 10], [10, 10, 10], p0=0.5)[["share", "outside"]]
       share  outside
    0    0.1    0.950
    1    0.5      NaN
    2    1.0    0.998
    """
    counts, sizes = np.asarray(y, dtype=float), np.asarray(n, dtype=float)
    if counts.shape != sizes.shape or np.any(counts < 0) or np.any(counts > sizes):
        raise ValueError("`y` and `n` must have the same length and 0 ≤ y ≤ n for every unit.")
    limits = binomial_funnel_limits(sizes, p0=p0, levels=levels)
    table = pd.DataFrame({"y": counts, "n": sizes.astype(int), "share": counts / sizes})
    outside = np.full(len(table), np.nan)
    for level in sorted({float(level) for level in levels}):
        at = limits[limits["level"] == level]
        pct = f"{level * 100:g}".replace(".", "_")
        table[f"lower_{pct}"] = at["lower"].to_numpy()
        table[f"upper_{pct}"] = at["upper"].to_numpy()
        beyond = (table["share"] < table[f"lower_{pct}"]) | (table["share"] > table[f"upper_{pct}"])
        outside[beyond.to_numpy()] = level
    table["outside"] = outside
    return table
