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
from scipy import optimize, stats

__all__ = [
    "FUNNEL_LEVELS",
    "binomial_funnel_limits",
    "common_risk_ratio",
    "equivalent_share",
    "expected_capture",
    "funnel_position",
]

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

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine* 24(8), 1185-1202. doi:10.1002/sim.1970

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

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine* 24(8), 1185-1202. doi:10.1002/sim.1970

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


def expected_capture(flagged_share, *, risk_ratio: float) -> np.ndarray:
    """Share of disrupted windows flagged, by a unit flagging ``flagged_share`` of its windows
    whose flagged windows are disrupted ``risk_ratio`` times as often as the others.

    With ``f`` the flagged share and ``R`` the ratio, a disrupted window is flagged with
    probability ``f R / (f R + 1 - f)`` (Bayes' rule over flagged and other windows).

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine* 24(8), 1185-1202. doi:10.1002/sim.1970

    Examples
    --------
    >>> expected_capture([0.5, 0.25, 0.0, 1.0], risk_ratio=3.0).tolist()
    [0.75, 0.5, 0.0, 1.0]
    >>> expected_capture([0.25], risk_ratio=1.0).tolist()  # flagging at random
    [0.25]
    """
    f = np.asarray(flagged_share, dtype=float)
    ratio = float(risk_ratio)
    if not ratio >= 0 or np.any((f < 0) | (f > 1)):
        raise ValueError("flagged_share must lie in [0, 1] and risk_ratio must be ≥ 0.")
    with np.errstate(invalid="ignore", divide="ignore"):
        share = f * ratio / (f * ratio + 1.0 - f)
    return np.where(f >= 1.0, 1.0, np.where(f <= 0.0, 0.0, share))


def common_risk_ratio(flagged_share, disrupted, flagged) -> float:
    """The one risk ratio under which the units' expected flagged disruptions add up to the
    flagged disruptions observed: ``sum(n * expected_capture(f, R)) == sum(y)``.

    Parameters
    ----------
    flagged_share : sequence of float
        Each unit's share of windows flagged.
    disrupted : sequence of int
        Each unit's disrupted windows (``n``).
    flagged : sequence of int
        Each unit's disrupted windows that were flagged (``y``).

    Returns
    -------
    float
        ``R`` (NaN when no ratio can match: nothing or everything flagged was disrupted).

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine* 24(8), 1185-1202. doi:10.1002/sim.1970

    Examples
    --------
    Two units of 8 disrupted windows flagging a half and a quarter of their windows: with
    ``R = 3`` they expect ``8 × 0.75 + 8 × 0.5 = 10`` flagged, as observed (7 + 3):

    >>> round(common_risk_ratio([0.5, 0.25], [8, 8], [7, 3]), 6)
    3.0
    """
    f = np.asarray(flagged_share, dtype=float)
    n = np.asarray(disrupted, dtype=float)
    target = float(np.sum(flagged))

    def gap(log_ratio: float) -> float:
        return float(np.sum(n * expected_capture(f, risk_ratio=np.exp(log_ratio)))) - target

    low, high = -30.0, 30.0
    if not gap(low) < 0 < gap(high):
        return float("nan")
    return float(np.exp(optimize.brentq(gap, low, high, xtol=1e-12)))


def equivalent_share(y, n, *, p, p0: float) -> np.ndarray:
    """The share of a unit of size ``n`` around ``p0`` that is as far out in its tail as the
    count ``y`` is around the unit's own expected share ``p``.

    With ``a = P(Y <= y)`` and ``b = P(Y >= y)`` for ``Y ~ Binomial(n, p)``: the funnel's
    lower limit at tail ``a`` when ``a < 1/2``, its upper limit at tail ``b`` when
    ``b < 1/2``, else ``p0``. Both limits are those of :func:`binomial_funnel_limits`, so the
    share falls outside the limits at level ``L`` exactly when the exact tail probability of
    ``y`` under ``p`` is below ``(1 - L) / 2``; and when ``p == p0`` a share in a tail is
    ``y / n`` itself.

    References
    ----------
    Spiegelhalter, D. J. (2005). Funnel plots for comparing institutional performance.
    *Statistics in Medicine* 24(8), 1185-1202. doi:10.1002/sim.1970

    Examples
    --------
    >>> equivalent_share([1, 9], [10, 10], p=0.5, p0=0.5).tolist()  # p == p0: y / n
    [0.1, 0.9]
    >>> equivalent_share([10], [10], p=0.995, p0=0.5).tolist()  # expected: the middle
    [0.5]
    """
    y, n = np.asarray(y, dtype=float), np.asarray(n, dtype=float)
    p = np.broadcast_to(np.asarray(p, dtype=float), y.shape)
    lower_tail = stats.binom.cdf(y, n, p)
    upper_tail = stats.binom.sf(y - 1, n, p)
    share = np.full(y.shape, float(p0))
    low = lower_tail < 0.5
    high = ~low & (upper_tail < 0.5)
    if low.any():
        share[low] = _lower(n[low], p0, lower_tail[low])
    if high.any():
        share[high] = 1.0 - _lower(n[high], 1.0 - p0, upper_tail[high])
    return share
