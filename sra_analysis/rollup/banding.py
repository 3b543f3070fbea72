"""A banding for the next SRA, chosen from the rates observed across events.

:func:`suggested_banding` keeps the number of levels and their names, and cuts the scores
(likelihood × impact) into that many contiguous bands so that the pooled rate is constant
within a band and rises from band to band: among all cuts between scores with enough
exposure, the one with the highest Poisson log-likelihood whose band rates increase and whose
banding passes Cox's (2008) rules. Scores with too little exposure are never the reason for
a cut: a cut falls between two well-observed scores, and where it may fall anywhere between
them it stays as close as possible to the current banding's edge, so a thinly observed score
keeps its current level unless a cut forces it over ("not enough evidence" in the table).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.rollup._checks import conditional_ratio_interval
from sra_analysis.rollup.cells import CellRates

__all__ = ["SuggestedBanding", "suggested_banding"]


@dataclass(frozen=True)
class SuggestedBanding:
    """The banding suggested from observed rates, with the evidence behind it.

    Attributes
    ----------
    bands, current : dict
        Suggested and current ``{level: (low, high)}``.
    changed : bool
        The suggestion differs from the current banding.
    supported : bool
        Each suggested level's rate is credibly above the next lower level's (the exact
        conditional interval of their rate ratio lies above 1); a suggestion that is not
        supported is "not enough evidence", however it differs.
    scores : DataFrame
        Per attainable score: ``score``, ``hours``, ``count``, ``rate``, ``ci_low``,
        ``ci_high``, ``evidence`` (``"enough"`` or ``"not enough evidence"``),
        ``current_level``, ``suggested_level``, ``moved``.
    adjacent : DataFrame
        Per suggested level above the lowest: ``level``, ``below``, ``rate_ratio``,
        ``ci_low``, ``ci_high``.
    log_likelihood, current_log_likelihood : float
        Poisson log-likelihood (up to a constant) of the well-observed scores' counts under
        one rate per band.
    cox_violations : DataFrame
        Of the suggested banding (empty: it is checked to be consistent).
    """

    bands: dict
    current: dict
    changed: bool
    supported: bool
    scores: pd.DataFrame
    adjacent: pd.DataFrame
    log_likelihood: float
    current_log_likelihood: float
    cox_violations: pd.DataFrame


def _log_likelihood(counts: np.ndarray, hours: np.ndarray, segment: np.ndarray) -> float:
    c = np.bincount(segment, weights=counts)
    h = np.bincount(segment, weights=hours)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(c > 0, c * np.log(c / h), 0.0)
    return float(terms.sum() - c.sum())


def _segment_rates(counts, hours, segment) -> np.ndarray:
    return np.bincount(segment, weights=counts) / np.bincount(segment, weights=hours)


def suggested_banding(
    cells: CellRates, *, min_hours: float = 200.0, confidence: float = 0.95
) -> SuggestedBanding:
    """Cut the scores into the current number of levels where the pooled rates differ.

    Parameters
    ----------
    cells : CellRates
        From :func:`~sra_analysis.rollup.cells.cell_rates` (its banding is the current one).
    min_hours : float, default 200
        Ring-hours a score needs to count as well observed.
    confidence : float, default 0.95

    Returns
    -------
    SuggestedBanding
        The current banding, unchanged, when fewer scores are well observed than there are
        levels, or when no cut gives increasing, Cox-consistent bands.

    References
    ----------
    Cox, L. A., Jr. (2008). What's wrong with risk matrices? *Risk Analysis* 28(2), 497-512.
    doi:10.1111/j.1539-6924.2008.01030.x

    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    >>> from sra_analysis.rollup.cells import cell_rates
    >>> windows = pd.DataFrame({"event_id": "a", "hours": 1000.0,
    ...     "likelihood": [1, 1, 1, 2, 3, 4, 5], "impact": [1, 2, 3, 2, 3, 4, 5],
    ...     "disruptions": [5, 5, 50, 50, 50, 200, 200]})
    >>> bands = {"low": [1, 4], "medium": [5, 12], "high": [13, 25]}
    >>> result = suggested_banding(cell_rates(windows, bands))
    >>> result.bands  # scores 1-2 at 0.005, 3-9 at 0.05, 16-25 at 0.2 per ring-hour
    {'low': (1, 2), 'medium': (3, 12), 'high': (13, 25)}
    >>> result.supported, result.scores.loc[result.scores["moved"], "score"].tolist()
    (True, [3, 4])
    """
    current = dict(cells.bands)
    names = list(current)
    table = cells.cells.groupby("score", sort=True).agg(
        hours=("hours", "sum"), count=("count", "sum")
    )
    table = table.reset_index()
    rates = metrics.poisson_rate_table(
        np.round(table["count"].to_numpy()).astype(np.int64), table["hours"].to_numpy(),
        confidence=confidence,
    )  # fmt: skip
    table["rate"] = rates["rate"].to_numpy()
    table["ci_low"] = rates["ci_low"].to_numpy()
    table["ci_high"] = rates["ci_high"].to_numpy()
    enough = table["hours"].to_numpy() >= min_hours
    table["evidence"] = np.where(enough, "enough", "not enough evidence")
    scores = table["score"].to_numpy()
    starts_now = [low for low, _ in current.values()]

    def level_of(bands_starts: list[int], values: np.ndarray) -> np.ndarray:
        return np.searchsorted(np.array(bands_starts), values, side="right") - 1

    well = scores[enough]
    counts, hours = table["count"].to_numpy()[enough], table["hours"].to_numpy()[enough]
    current_ll = (
        _log_likelihood(counts, hours, level_of(starts_now, well)) if len(well) else math.nan
    )
    best, best_ll = None, -math.inf
    k = len(names)
    if len(well) >= k and k >= 2:
        for gaps in itertools.combinations(range(1, len(well)), k - 1):
            segment = np.searchsorted(np.array(gaps), np.arange(len(well)), side="right")
            if np.any(np.diff(_segment_rates(counts, hours, segment)) <= 0):
                continue
            ll = _log_likelihood(counts, hours, segment)
            if ll <= best_ll:
                continue
            starts = [1]
            for j, gap in enumerate(gaps, start=1):
                lo, hi = int(well[gap - 1]) + 1, int(well[gap])
                starts.append(min(max(starts_now[j], lo), hi))
            bands = {
                name: (start, (starts[i + 1] - 1) if i + 1 < k else 25)
                for i, (name, start) in enumerate(zip(names, starts, strict=True))
            }
            if not metrics.weak_consistency_violations(bands).empty:
                continue
            best, best_ll = bands, ll
    suggested = best if best is not None else current
    new_starts = [low for low, _ in suggested.values()]
    table["current_level"] = np.array(names)[level_of(starts_now, scores)]
    table["suggested_level"] = np.array(names)[level_of(new_starts, scores)]
    table["moved"] = table["current_level"] != table["suggested_level"]

    level_index = level_of(new_starts, scores)
    c = np.bincount(level_index, weights=np.round(table["count"].to_numpy()), minlength=k)
    h = np.bincount(level_index, weights=table["hours"].to_numpy(), minlength=k)
    ratio, low, high, _ = conditional_ratio_interval(c[1:], h[1:], c[:-1], h[:-1],
                                                     confidence=confidence)  # fmt: skip
    adjacent = pd.DataFrame(
        {"level": names[1:], "below": names[:-1], "rate_ratio": ratio, "ci_low": low,
         "ci_high": high}
    )  # fmt: skip
    supported = bool(len(adjacent) > 0 and np.all(adjacent["ci_low"].to_numpy() > 1))
    return SuggestedBanding(
        bands=suggested,
        current=current,
        changed=suggested != current,
        supported=supported,
        scores=table,
        adjacent=adjacent,
        log_likelihood=best_ll if best is not None else current_ll,
        current_log_likelihood=current_ll,
        cox_violations=metrics.weak_consistency_violations(suggested),
    )
