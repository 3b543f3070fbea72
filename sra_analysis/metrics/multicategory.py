"""Verification of K-category forecasts (predicted risk level vs observed level).

Tables are K x K arrays of counts with rows for the forecast (predicted)
category and columns for the observed category, both in the same order,
lowest level first. Definitions follow Wilks, *Statistical Methods in the
Atmospheric Sciences* (3rd ed., 2011, section 8.2.5) and Gerrity (1992,
Mon. Wea. Rev. 120, 2709-2712). Scores whose denominator is zero are
returned as ``nan``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from sra_analysis.metrics._validation import as_count_table, check_same_length

__all__ = ["confusion_matrix", "multicategory_hss", "multicategory_pss", "gerrity_score"]


def confusion_matrix(
    predicted: Any,
    observed: Any,
    *,
    predicted_labels: Sequence[Any],
    observed_labels: Sequence[Any],
) -> pd.DataFrame:
    """Cross-tabulate predicted against observed categories.

    Parameters
    ----------
    predicted : array-like
        Predicted category of each window.
    observed : array-like
        Observed category of each window, same length as ``predicted``.
    predicted_labels : sequence
        Row labels in the order wanted (for ordinal levels: lowest first).
        Labels absent from the data get a row of zeros.
    observed_labels : sequence
        Column labels in the order wanted.

    Returns
    -------
    pandas.DataFrame
        Integer counts; the index (named ``predicted``) is
        ``predicted_labels`` and the columns (named ``observed``) are
        ``observed_labels``.

    Raises
    ------
    ValueError
        If the inputs differ in length, if a label list has duplicates, or if
        a value is not among the labels (the offending values are named).

    References
    ----------
    Wilks, D. S. (2011). *Statistical Methods in the Atmospheric Sciences*, 3rd ed., ch. 8
    (Forecast verification). Academic Press. A book: no DOI.

    Examples
    --------
    >>> levels = ["low", "medium", "high"]
    >>> confusion_matrix(["low", "high", "high"], ["low", "low", "high"],
    ...                  predicted_labels=levels,
    ...                  observed_labels=levels)  # doctest: +NORMALIZE_WHITESPACE
    observed   low  medium  high
    predicted
    low          1       0     0
    medium       0       0     0
    high         1       0     1
    """
    pred = np.asarray(predicted, dtype=object).ravel()
    obs = np.asarray(observed, dtype=object).ravel()
    check_same_length(predicted=pred, observed=obs)
    rows = _label_positions("predicted", pred, predicted_labels)
    cols = _label_positions("observed", obs, observed_labels)
    counts = np.zeros((len(predicted_labels), len(observed_labels)), dtype=np.int64)
    np.add.at(counts, (rows, cols), 1)
    return pd.DataFrame(
        counts,
        index=pd.Index(list(predicted_labels), name="predicted"),
        columns=pd.Index(list(observed_labels), name="observed"),
    )


def _label_positions(name: str, values: np.ndarray, labels: Sequence[Any]) -> np.ndarray:
    label_list = list(labels)
    index = pd.Index(label_list, dtype=object)
    if not index.is_unique:
        duplicated = sorted({repr(v) for v in index[index.duplicated()]})
        raise ValueError(
            f"`{name}_labels` must not repeat labels, but {', '.join(duplicated)} repeated."
        )
    positions = index.get_indexer(pd.Index(values, dtype=object))
    if np.any(positions < 0):
        unknown = sorted({repr(v) for v in values[positions < 0]})
        raise ValueError(
            f"`{name}` must only hold values from `{name}_labels` {label_list!r}, "
            f"but it also holds {', '.join(unknown[:10])}."
        )
    return positions


def _marginals(table: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    counts = as_count_table("table", table, square=True)
    n = float(counts.sum())
    if n == 0:
        return counts, counts.sum(axis=1), counts.sum(axis=0), 0.0
    p = counts / n
    return p, p.sum(axis=1), p.sum(axis=0), n


def multicategory_hss(table: Any) -> float:
    """Heidke skill score of a K x K table.

    ``(sum_i p_ii - sum_i p_i. p_.i) / (1 - sum_i p_i. p_.i)`` with ``p``
    the joint relative frequencies, ``p_i.`` the forecast and ``p_.i`` the
    observed marginals. It equals Cohen's kappa, and for K = 2 the 2 x 2
    :func:`~sra_analysis.metrics.hss`.

    Parameters
    ----------
    table : array-like or pandas.DataFrame
        Square table of counts, rows forecast, columns observed.

    Returns
    -------
    float
        1 for a perfect forecast, 0 for chance agreement; ``nan`` for an
        empty table or when both forecasts and observations use a single
        category.

    References
    ----------
    Heidke, P. (1926). Berechnung des Erfolges und der Güte der Windstärkevorhersagen im
    Sturmwarnungsdienst. *Geografiska Annaler* 8, 301-349. No DOI given.

    Gandin, L. S. & Murphy, A. H. (1992). Equitable skill scores for categorical forecasts.
    *Monthly Weather Review* 120(2), 361-370. No DOI given.

    Wilks, D. S. (2011). *Statistical Methods in the Atmospheric Sciences*, 3rd ed., ch. 8
    (Forecast verification). Academic Press. A book: no DOI.

    Examples
    --------
    >>> round(multicategory_hss([[3, 1, 0], [2, 2, 1], [0, 0, 1]]), 4)
    0.3651
    """
    p, p_f, p_o, n = _marginals(table)
    if n == 0:
        return float("nan")
    chance = float(np.dot(p_f, p_o))
    if chance == 1.0:
        return float("nan")
    return (float(np.trace(p)) - chance) / (1.0 - chance)


def multicategory_pss(table: Any) -> float:
    """Peirce (Hanssen-Kuipers) skill score of a K x K table.

    ``(sum_i p_ii - sum_i p_i. p_.i) / (1 - sum_i p_.i^2)``; the reference is
    random forecasts that are unbiased (same distribution as observed). For
    K = 2 it equals the 2 x 2 :func:`~sra_analysis.metrics.pss`.

    Parameters
    ----------
    table : array-like or pandas.DataFrame
        Square table of counts, rows forecast, columns observed.

    Returns
    -------
    float
        1 for a perfect forecast, 0 for random or constant forecasts; ``nan``
        for an empty table or when a single category was observed.

    References
    ----------
    Peirce, C. S. (1884). The numerical measure of the success of predictions. *Science* 4(93),
    453-454. No DOI given.

    Gandin, L. S. & Murphy, A. H. (1992). Equitable skill scores for categorical forecasts.
    *Monthly Weather Review* 120(2), 361-370. No DOI given.

    Wilks, D. S. (2011). *Statistical Methods in the Atmospheric Sciences*, 3rd ed., ch. 8
    (Forecast verification). Academic Press. A book: no DOI.

    Examples
    --------
    >>> round(multicategory_pss([[3, 1, 0], [2, 2, 1], [0, 0, 1]]), 4)
    0.371
    """
    p, p_f, p_o, n = _marginals(table)
    if n == 0:
        return float("nan")
    denominator = 1.0 - float(np.dot(p_o, p_o))
    if denominator <= 0.0:
        return float("nan")
    return (float(np.trace(p)) - float(np.dot(p_f, p_o))) / denominator


def gerrity_score(table: Any) -> float:
    """Gerrity (1992) equitable skill score of an ordinal K x K table.

    The scoring weights use the sample observed frequencies ``p_.j``: with
    ``D_r = sum_{j<=r} p_.j`` and ``a_r = (1 - D_r) / D_r`` for
    ``r = 1..K-1``,

    * ``s_ii = (sum_{r<i} 1/a_r + sum_{r>=i} a_r) / (K - 1)``
    * ``s_ij = (sum_{r<i} 1/a_r - (j - i) + sum_{r>=j} a_r) / (K - 1)``
      for ``i < j``, and ``s_ji = s_ij``,

    and the score is ``sum_ij p_ij s_ij``. Errors further from the diagonal
    are penalised more, correct forecasts of rare categories rewarded more,
    and constant or random forecasts score 0. For K = 2 it equals the
    Peirce skill score.

    Parameters
    ----------
    table : array-like or pandas.DataFrame
        Square table of counts, rows forecast, columns observed, categories
        in increasing order.

    Returns
    -------
    float
        1 for a perfect forecast; ``nan`` for an empty table or when some
        cumulative observed frequency ``D_r`` (r < K) is 0 or 1 (an empty
        lowest or highest observed category), which makes a weight
        infinite.

    References
    ----------
    Gerrity, J. P. (1992). A note on Gandin and Murphy's equitable skill score. *Monthly Weather
    Review* 120(11), 2709-2712. No DOI given.

    Gandin, L. S. & Murphy, A. H. (1992). Equitable skill scores for categorical forecasts.
    *Monthly Weather Review* 120(2), 361-370. No DOI given.

    Examples
    --------
    >>> round(gerrity_score([[3, 1, 0], [2, 2, 1], [0, 0, 1]]), 4)
    0.45
    """
    p, _, p_o, n = _marginals(table)
    if n == 0:
        return float("nan")
    k = p.shape[0]
    cumulative = np.cumsum(p_o)[:-1]
    if np.any(cumulative <= 0.0) or np.any(cumulative >= 1.0):
        return float("nan")
    a = (1.0 - cumulative) / cumulative
    # prefix[i] = sum_{r<i} 1/a_r ; suffix[j] = sum_{r>=j} a_r  (0-based, r < K-1)
    prefix = np.concatenate([[0.0], np.cumsum(1.0 / a)])
    suffix = np.concatenate([np.cumsum(a[::-1])[::-1], [0.0]])
    i, j = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    low, high = np.minimum(i, j), np.maximum(i, j)
    weights = (prefix[low] - (high - low) + suffix[high]) / (k - 1)
    return float(np.sum(p * weights))
