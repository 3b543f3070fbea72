"""Discrimination and calibration of risk scores and probabilities.

* :func:`roc_auc` and :func:`roc_curve`: does a higher predicted score go
  with an incident? (ranks only).
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
from scipy import stats

from sra_analysis.metrics._validation import (
    as_1d_bool,
    as_1d_float,
    check_confidence,
    check_same_length,
    z_value,
)

__all__ = [
    "auc_interval_hanley_mcneil",
    "roc_auc",
    "roc_curve",
    "roc_auc_along",
    "brier_score",
    "BrierDecomposition",
    "brier_decomposition",
    "reliability_table",
]


def _scores_and_outcomes(scores: Any, observed: Any) -> tuple[np.ndarray, np.ndarray]:
    s = as_1d_float("scores", scores)
    o = as_1d_bool("observed", observed)
    check_same_length(scores=s, observed=o)
    return s, o


def _probabilities_and_outcomes(probability: Any, outcome: Any) -> tuple[np.ndarray, np.ndarray]:
    p = as_1d_float("probability", probability)
    if np.any((p < 0) | (p > 1)):
        bad = p[(p < 0) | (p > 1)][:5].tolist()
        raise ValueError(f"`probability` must lie in [0, 1], but it holds {bad}.")
    o = as_1d_bool("outcome", outcome)
    check_same_length(probability=p, outcome=o)
    return p, o.astype(float)


def roc_auc(scores: Any, observed: Any) -> float:
    """Area under the ROC curve in its Mann-Whitney form.

    The probability that a randomly chosen window with an incident has a
    higher score than a randomly chosen window without one, ties counting
    one half: ``(R_1 - n_1 (n_1 + 1) / 2) / (n_1 n_0)`` with ``R_1`` the sum
    of the mid-ranks of the positive windows.

    Parameters
    ----------
    scores : array-like of float
        Predicted risk score of each window (higher = riskier).
    observed : array-like of bool
        Whether an incident occurred.

    Returns
    -------
    float
        Between 0 and 1 (0.5 = no discrimination); ``nan`` when only one
        class is present.

    Examples
    --------
    >>> roc_auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1])
    0.75
    """
    s, o = _scores_and_outcomes(scores, observed)
    n_pos, n_neg = int(o.sum()), int((~o).sum())
    if n_pos == 0 or n_neg == 0:
        return math.nan
    ranks = stats.rankdata(s)
    return float((ranks[o].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def roc_auc_along(scores: Any, observed: Any, *, axis: int = -1) -> np.ndarray:
    """:func:`roc_auc` of many score/outcome vectors at once, along ``axis``.

    The same Mann-Whitney form with mid-ranks, for arrays of resamples or
    permutations (shape ``(..., n)``), so bootstrap and permutation tests
    evaluate every resample in one call. Scores given as small non-negative
    integers (risk scores, or codes of the distinct scores, which leave the
    AUC unchanged) are counted rather than sorted, in linear time.

    Parameters
    ----------
    scores : array-like of float
    observed : array-like of bool
        Broadcastable to the shape of ``scores``.
    axis : int, default -1
        The axis of the windows.

    Returns
    -------
    ndarray of float
        One AUC per vector; ``nan`` where only one class is present.

    Examples
    --------
    >>> roc_auc_along([[0.1, 0.4, 0.35, 0.8, 0.4], [1, 2, 3, 4, 5]],
    ...               [[0, 0, 1, 1, 1], [1, 1, 0, 0, 0]]).tolist()
    [0.75, 0.0]
    """
    raw = np.asarray(scores)
    o = np.moveaxis(np.asarray(observed, dtype=bool), axis, -1)
    if np.issubdtype(raw.dtype, np.integer) and raw.size and 0 <= raw.min() and raw.max() < 4096:
        # small integer codes (risk scores, levels): count instead of sorting, O(n)
        codes, o = np.broadcast_arrays(np.moveaxis(raw, axis, -1), o)
        return _auc_by_counting(codes, o)
    s = np.moveaxis(raw.astype(float), axis, -1)
    s, o = np.broadcast_arrays(s, o)
    n_pos = o.sum(axis=-1)
    n_neg = o.shape[-1] - n_pos
    ranks = stats.rankdata(s, axis=-1)
    rank_sum = np.where(o, ranks, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        auc = (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)
    return np.where((n_pos == 0) | (n_neg == 0), np.nan, auc)


def _auc_by_counting(codes: np.ndarray, observed: np.ndarray) -> np.ndarray:
    """Mann-Whitney AUC per vector from counts of each code among positives and negatives."""
    lead = codes.shape[:-1]
    batches = int(np.prod(lead)) if lead else 1
    k = int(codes.max()) + 1
    batch = np.arange(batches).repeat(codes.shape[-1]).reshape(batches, -1)
    key = (batch * k + codes.reshape(batches, -1)) * 2 + observed.reshape(batches, -1)
    counts = np.bincount(key.ravel(), minlength=batches * k * 2).reshape(batches, k, 2)
    negatives, positives = counts[..., 0].astype(float), counts[..., 1].astype(float)
    below = np.cumsum(negatives, axis=1) - negatives
    wins = np.sum(positives * (below + 0.5 * negatives), axis=1)
    n_pos, n_neg = positives.sum(axis=1), negatives.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        auc = np.where((n_pos == 0) | (n_neg == 0), np.nan, wins / (n_pos * n_neg))
    return auc.reshape(lead) if lead else auc[0]


def auc_interval_hanley_mcneil(
    auc: float, n_pos: int, n_neg: int, *, confidence: float = 0.95
) -> tuple[float, float, float]:
    """Standard error and normal interval of an AUC after Hanley & McNeil (1982).

    ``SE² = [A(1 − A) + (n₁ − 1)(Q₁ − A²) + (n₀ − 1)(Q₂ − A²)] / (n₁ n₀)`` with
    ``Q₁ = A / (2 − A)`` and ``Q₂ = 2A² / (1 + A)``; the interval is ``A ± z·SE`` clipped
    to [0, 1]. Unlike a bootstrap, it stays wide when one class has only a few windows
    (a bootstrap that keeps redrawing the same single disrupted window looks falsely sure).

    Parameters
    ----------
    auc : float
        The AUC.
    n_pos, n_neg : int
        Windows with and without the event.
    confidence : float, default 0.95

    Returns
    -------
    tuple of float
        ``(se, ci_low, ci_high)``; NaNs when a class is empty or ``auc`` is NaN.

    Examples
    --------
    >>> se, low, high = auc_interval_hanley_mcneil(0.8, 1, 100)
    >>> round(se, 3), round(low, 2), round(high, 2)
    (0.268, 0.27, 1.0)
    """
    z = z_value(check_confidence(confidence))
    if n_pos < 1 or n_neg < 1 or math.isnan(auc):
        return math.nan, math.nan, math.nan
    q1 = auc / (2.0 - auc)
    q2 = 2.0 * auc**2 / (1.0 + auc)
    variance = (auc * (1.0 - auc) + (n_pos - 1) * (q1 - auc**2) + (n_neg - 1) * (q2 - auc**2)) / (
        n_pos * n_neg
    )
    se = math.sqrt(max(variance, 0.0))
    return se, max(0.0, auc - z * se), min(1.0, auc + z * se)


def roc_curve(scores: Any, observed: Any) -> pd.DataFrame:
    """Points of the empirical ROC curve, one per distinct score.

    Parameters
    ----------
    scores : array-like of float
        Predicted risk score of each window.
    observed : array-like of bool
        Whether an incident occurred.

    Returns
    -------
    pandas.DataFrame
        Columns ``threshold`` (flag windows with ``score >= threshold``;
        the first row is ``inf``, flagging nothing), ``tpr`` (hit rate,
        POD) and ``fpr`` (POFD), with thresholds decreasing. ``tpr`` (or
        ``fpr``) is ``nan`` when no window has (or lacks) an incident.

    Examples
    --------
    >>> roc_curve([0.2, 0.8, 0.5, 0.8], [0, 1, 0, 1])
       threshold  tpr  fpr
    0        inf  0.0  0.0
    1        0.8  1.0  0.0
    2        0.5  1.0  0.5
    3        0.2  1.0  1.0
    """
    s, o = _scores_and_outcomes(scores, observed)
    thresholds = np.unique(s)[::-1]
    # number of windows with score >= threshold, by class
    pos_sorted = np.sort(s[o])
    neg_sorted = np.sort(s[~o])
    tp = len(pos_sorted) - np.searchsorted(pos_sorted, thresholds, side="left")
    fp = len(neg_sorted) - np.searchsorted(neg_sorted, thresholds, side="left")
    n_pos, n_neg = len(pos_sorted), len(neg_sorted)
    tpr = tp / n_pos if n_pos else np.full(len(thresholds), np.nan)
    fpr = fp / n_neg if n_neg else np.full(len(thresholds), np.nan)
    return pd.DataFrame(
        {
            "threshold": np.concatenate([[np.inf], thresholds]),
            "tpr": np.concatenate([[0.0 if n_pos else np.nan], tpr]),
            "fpr": np.concatenate([[0.0 if n_neg else np.nan], fpr]),
        }
    )


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
