"""Discrimination of risk scores: does a higher predicted score go with an incident?

* :func:`roc_auc` (Mann-Whitney form, mid-ranks for ties) and :func:`roc_curve`;
* :func:`roc_auc_along`: the AUC of many resamples or permutations at once;
* :func:`auc_interval_hanley_mcneil`: the AUC's interval for small samples
  (Hanley & McNeil 1982).

Ranks only: any increasing transformation of the scores leaves every result
unchanged.
"""

from __future__ import annotations

import math
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

__all__ = ["auc_interval_hanley_mcneil", "roc_auc", "roc_auc_along", "roc_curve"]


def _scores_and_outcomes(scores: Any, observed: Any) -> tuple[np.ndarray, np.ndarray]:
    s = as_1d_float("scores", scores)
    o = as_1d_bool("observed", observed)
    check_same_length(scores=s, observed=o)
    return s, o


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

    References
    ----------
    Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a receiver
    operating characteristic (ROC) curve. *Radiology* 143(1), 29-36.
    doi:10.1148/radiology.143.1.7063747

    Fawcett, T. (2006). An introduction to ROC analysis. *Pattern Recognition Letters* 27(8),
    861-874. doi:10.1016/j.patrec.2005.10.010

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

    References
    ----------
    Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a receiver
    operating characteristic (ROC) curve. *Radiology* 143(1), 29-36.
    doi:10.1148/radiology.143.1.7063747

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

    References
    ----------
    Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a receiver
    operating characteristic (ROC) curve. *Radiology* 143(1), 29-36.
    doi:10.1148/radiology.143.1.7063747

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

    References
    ----------
    Fawcett, T. (2006). An introduction to ROC analysis. *Pattern Recognition Letters* 27(8),
    861-874. doi:10.1016/j.patrec.2005.10.010

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
