"""Calibration of forecast probabilities (discrimination is :mod:`.roc`).

* :func:`brier_score`, :func:`brier_decomposition` and
  :func:`reliability_table`: are predicted probabilities of an incident
  calibrated? (Brier 1950; Murphy 1973).

Outcomes are booleans or 0/1; probabilities must lie in [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sra_analysis.metrics._validation import (
    as_1d_bool,
    as_1d_float,
    check_confidence,
    check_same_length,
    z_value,
)

__all__ = [
    "brier_score",
    "BrierDecomposition",
    "brier_decomposition",
    "reliability_table",
]


def _probabilities_and_outcomes(probability: Any, outcome: Any) -> tuple[np.ndarray, np.ndarray]:
    p = as_1d_float("probability", probability)
    if np.any((p < 0) | (p > 1)):
        bad = p[(p < 0) | (p > 1)][:5].tolist()
        raise ValueError(f"`probability` must lie in [0, 1], but it holds {bad}.")
    o = as_1d_bool("outcome", outcome)
    check_same_length(probability=p, outcome=o)
    return p, o.astype(float)


def brier_score(probability: Any, outcome: Any) -> float:
    """Brier score, the mean squared error of probability forecasts.

    Parameters
    ----------
    probability : array-like of float
        Forecast probability of an incident, in [0, 1].
    outcome : array-like of bool
        Whether an incident occurred.

    Returns
    -------
    float
        0 is perfect; ``nan`` for empty input.

    References
    ----------
    Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. *Monthly
    Weather Review* 78(1), 1-3. doi:10.1175/1520-0493(1950)078<0001:VOFEIT>2.0.CO;2

    Examples
    --------
    >>> round(brier_score([0.9, 0.2, 0.5], [1, 0, 0]), 3)
    0.1
    """
    p, o = _probabilities_and_outcomes(probability, outcome)
    if len(p) == 0:
        return math.nan
    return float(np.mean((p - o) ** 2))


@dataclass(frozen=True)
class BrierDecomposition:
    """Murphy's (1973) partition of the Brier score.

    Attributes
    ----------
    brier : float
        The Brier score of the forecasts.
    reliability : float
        ``sum_k n_k (f_k - o_k)^2 / n``: calibration error (0 is perfect).
    resolution : float
        ``sum_k n_k (o_k - o)^2 / n``: how much the observed frequency
        varies between forecast groups (larger is better).
    uncertainty : float
        ``o (1 - o)``, with ``o`` the overall incident frequency.
    n : int
        Number of forecasts.
    """

    brier: float
    reliability: float
    resolution: float
    uncertainty: float
    n: int


def _bin_edges(bins: Any) -> np.ndarray:
    if isinstance(bins, int | np.integer) and not isinstance(bins, bool):
        if bins < 1:
            raise ValueError(
                f"`bins` must be a positive integer or edges, but {bins!r} was passed."
            )
        return np.linspace(0.0, 1.0, int(bins) + 1)
    edges = as_1d_float("bins", bins)
    if len(edges) < 2 or np.any(np.diff(edges) <= 0) or edges[0] > 0 or edges[-1] < 1:
        raise ValueError(
            "`bins` must be a positive integer or increasing edges covering [0, 1], "
            f"but {bins!r} was passed."
        )
    return edges


def _bin_index(p: np.ndarray, edges: np.ndarray) -> np.ndarray:
    # bins are [e_i, e_{i+1}) except the last, which is closed
    return np.clip(np.searchsorted(edges, p, side="right") - 1, 0, len(edges) - 2)


def brier_decomposition(probability: Any, outcome: Any, *, bins: Any = None) -> BrierDecomposition:
    """Reliability, resolution and uncertainty of probability forecasts.

    Forecasts are grouped by their distinct values (``bins=None``), in which
    case ``brier = reliability - resolution + uncertainty`` exactly; or into
    bins, using the mean forecast of each bin, in which case the identity
    holds only approximately (within-bin variation is ignored).

    Parameters
    ----------
    probability : array-like of float
        Forecast probabilities in [0, 1].
    outcome : array-like of bool
        Whether an incident occurred.
    bins : int or array-like of float, optional
        Number of equal-width bins on [0, 1], or bin edges covering [0, 1].

    Returns
    -------
    BrierDecomposition
        ``brier``, ``reliability``, ``resolution``, ``uncertainty``, ``n``
        (all ``nan`` and ``n = 0`` for empty input).

    References
    ----------
    Murphy, A. H. (1973). A new vector partition of the probability score. *Journal of Applied
    Meteorology* 12(4), 595-600. doi:10.1175/1520-0450(1973)012<0595:ANVPOT>2.0.CO;2

    Brier, G. W. (1950). Verification of forecasts expressed in terms of probability. *Monthly
    Weather Review* 78(1), 1-3. doi:10.1175/1520-0493(1950)078<0001:VOFEIT>2.0.CO;2

    Examples
    --------
    >>> d = brier_decomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1])
    >>> round(d.brier, 4), round(d.reliability, 4), round(d.resolution, 4), d.uncertainty
    (0.19, 0.065, 0.0625, 0.1875)
    """
    p, o = _probabilities_and_outcomes(probability, outcome)
    n = len(p)
    if n == 0:
        return BrierDecomposition(math.nan, math.nan, math.nan, math.nan, 0)
    if bins is None:
        _, group = np.unique(p, return_inverse=True)
    else:
        group = _bin_index(p, _bin_edges(bins))
    counts = np.bincount(group)
    used = counts > 0
    counts = counts[used]
    mean_forecast = np.bincount(group, weights=p)[used] / counts
    observed_freq = np.bincount(group, weights=o)[used] / counts
    base_rate = float(o.mean())
    return BrierDecomposition(
        brier=float(np.mean((p - o) ** 2)),
        reliability=float(np.sum(counts * (mean_forecast - observed_freq) ** 2) / n),
        resolution=float(np.sum(counts * (observed_freq - base_rate) ** 2) / n),
        uncertainty=base_rate * (1.0 - base_rate),
        n=n,
    )


def reliability_table(
    probability: Any, outcome: Any, *, bins: Any = 10, confidence: float = 0.95
) -> pd.DataFrame:
    """Observed incident frequency per bin of forecast probability.

    The interval on each observed frequency is the Wilson score interval
    (Wilson 1927), which stays inside [0, 1] and behaves well for the small
    bins typical of a single event.

    Parameters
    ----------
    probability : array-like of float
        Forecast probabilities in [0, 1].
    outcome : array-like of bool
        Whether an incident occurred.
    bins : int or array-like of float, default 10
        Number of equal-width bins on [0, 1], or bin edges covering [0, 1].
        Bins are closed on the left; the last is also closed on the right.
    confidence : float, default 0.95
        Confidence level of the Wilson interval.

    Returns
    -------
    pandas.DataFrame
        One row per bin (empty bins included), columns ``bin_low``,
        ``bin_high``, ``n`` (int), ``mean_forecast``,
        ``observed_frequency``, ``ci_low``, ``ci_high``; the last four are
        ``nan`` for empty bins.

    References
    ----------
    Murphy, A. H. (1973). A new vector partition of the probability score. *Journal of Applied
    Meteorology* 12(4), 595-600. doi:10.1175/1520-0450(1973)012<0595:ANVPOT>2.0.CO;2

    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
    *Journal of the American Statistical Association* 22(158), 209-212.
    doi:10.1080/01621459.1927.10502953

    Examples
    --------
    >>> t = reliability_table([0.1, 0.15, 0.7, 0.9], [0, 1, 1, 1], bins=2)
    >>> t[["bin_low", "bin_high", "n", "mean_forecast", "observed_frequency"]]
       bin_low  bin_high  n  mean_forecast  observed_frequency
    0      0.0       0.5  2          0.125                 0.5
    1      0.5       1.0  2          0.800                 1.0
    """
    p, o = _probabilities_and_outcomes(probability, outcome)
    level = check_confidence(confidence)
    edges = _bin_edges(bins)
    k = len(edges) - 1
    group = _bin_index(p, edges)
    n = np.bincount(group, minlength=k).astype(np.int64)
    events = np.bincount(group, weights=o, minlength=k)
    sums = np.bincount(group, weights=p, minlength=k)
    has = n > 0
    safe_n = np.where(has, n, 1)
    mean_forecast = np.where(has, sums / safe_n, np.nan)
    frequency = np.where(has, events / safe_n, np.nan)
    z = z_value(level)
    centre = (events + z**2 / 2.0) / (safe_n + z**2)
    half = z / (safe_n + z**2) * np.sqrt(events * (safe_n - events) / safe_n + z**2 / 4.0)
    return pd.DataFrame(
        {
            "bin_low": edges[:-1],
            "bin_high": edges[1:],
            "n": n,
            "mean_forecast": mean_forecast,
            "observed_frequency": frequency,
            "ci_low": np.where(has, np.maximum(centre - half, 0.0), np.nan),
            "ci_high": np.where(has, np.minimum(centre + half, 1.0), np.nan),
        }
    )
