"""How well the SRA's ratings predicted disruptions: the scores of one windows table.

A window is *observed* when it had a disruption and *flagged* when rated at or above the
flag level. Every number comes from :mod:`sra_analysis.metrics`; :func:`prediction_scores`
returns them as one tidy table (one row per score) beside the 2×2 :class:`Counts`.

Disruptions come in episodes, so windows are not independent trials. The p-values of capture,
of the AUC and of tau-b are toroidal rotation tests over the event's time axis
(:mod:`sra_analysis.metrics.rotation`), which keep their level however the disruptions
cluster; the intervals beside them still treat windows as independent, and their ``method``
says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.review.rotations import Rotations, rotation_tests

__all__ = [
    "INDEPENDENT",
    "MIN_CLASS_FOR_BOOTSTRAP",
    "SCORE_COLUMNS",
    "Counts",
    "PredictionScores",
    "Rotations",
    "Score",
    "prediction_scores",
]

#: The AUC gets a bootstrap interval only when both classes have at least this many
#: windows; below it, the Hanley–McNeil interval.
MIN_CLASS_FOR_BOOTSTRAP = 10
#: Columns of the score table, in order.
SCORE_COLUMNS = ("metric", "estimate", "ci_low", "ci_high", "p_value", "method", "n")
_NAN = math.nan
#: Appended to the method of an interval that counts every window as an independent trial.
INDEPENDENT = "windows treated as independent (too narrow when disruptions cluster)"


@dataclass(frozen=True)
class Counts:
    """The 2×2 counts of windows, the hours behind them and the disruptions they held.

    Attributes
    ----------
    windows : int
    hits, misses, false_alarms, correct_negatives : int
        Windows flagged and disrupted, disrupted only, flagged only, neither.
    flagged_hours, total_hours : float
        Ring-hours flagged, and in all.
    disruptions, disruptions_in_flagged : float
        Disruptions in the windows, and in the flagged ones.
    """

    windows: int
    hits: int
    misses: int
    false_alarms: int
    correct_negatives: int
    flagged_hours: float
    total_hours: float
    disruptions: float
    disruptions_in_flagged: float

    @property
    def observed(self) -> int:
        """Disrupted windows."""
        return self.hits + self.misses

    @property
    def flagged_share(self) -> float:
        """Share of the ring-hours flagged (0 without hours)."""
        return self.flagged_hours / self.total_hours if self.total_hours else 0.0


@dataclass(frozen=True)
class Score:
    """One row of the score table."""

    metric: str
    estimate: float
    ci_low: float = _NAN
    ci_high: float = _NAN
    p_value: float = _NAN
    method: str = ""
    n: int = 0


@dataclass(frozen=True)
class PredictionScores:
    """The scores of one windows table.

    Attributes
    ----------
    flag_level : str
    counts : Counts
    table : DataFrame
        One row per score: ``metric``, ``estimate``, ``ci_low``, ``ci_high``, ``p_value``,
        ``method``, ``n`` (:data:`SCORE_COLUMNS`); nan where a part does not apply.
    capture : metrics.ChanceCapture
        The flagged windows' capture against random flagging, treating windows as
        independent (binomial); kept for comparison, the verdict uses the rotations.
    reliability : DataFrame
        Reliability table of the register's probabilities (empty without them).
    rotation : Rotations
        The toroidal rotation tests and the episodes behind the verdict.
    """

    flag_level: str
    counts: Counts
    table: pd.DataFrame
    capture: metrics.ChanceCapture
    reliability: pd.DataFrame
    rotation: Rotations | None = None

    def score(self, metric: str) -> Score:
        """The row of ``metric``; a row of nan when it was not computed."""
        rows = self.table[self.table["metric"] == metric]
        if rows.empty:
            return Score(metric, _NAN)
        row = rows.iloc[0]
        return Score(**{column: row[column] for column in SCORE_COLUMNS})


def _nan(value) -> float:
    return _NAN if value is None else float(value)


def _contingency(counts: Counts, table: metrics.TwoByTwo) -> list[Score]:
    return [
        Score(name, _nan(value), method="2×2 over windows", n=counts.windows)
        for name, value in table.scores().items()
    ]


def _capture(counts, disruptions, flagged, hours, chance, rotation) -> list[Score]:
    total = counts.disruptions
    some = bool(total and flagged.any())
    hit_rate = metrics.hit_rate(counts.disruptions_in_flagged, total) if total else _NAN
    pai = (metrics.pai(counts.disruptions_in_flagged, total, counts.flagged_hours,
                       counts.total_hours) if some else _NAN)  # fmt: skip
    pei = metrics.pei_star_from_counts(disruptions, flagged, areas=hours) if some else _NAN
    test = ("share of disrupted windows flagged; one-sided exact (Clopper-Pearson) lower "
            f"bound, {INDEPENDENT}; p: {metrics.ROTATION_METHOD_TIES}")  # fmt: skip
    p_value = rotation.capture.p_value
    n = int(round(total))
    return [
        Score("hit_rate", hit_rate, method="share of disruptions in flagged windows", n=n),
        Score("pai", _nan(pai), method="Chainey et al. 2008, over ring-hours", n=n),
        Score("pei_star", _nan(pei), method="NIJ 2017, over ring-hours", n=n),
        Score("capture", chance.share, chance.share_lower, _NAN, p_value, test,
              chance.observed),
        Score("capture_pai", chance.pai, chance.pai_lower, _NAN, p_value, test,
              chance.observed),
        Score("episodes", float(rotation.episodes),
              method="runs of consecutive disrupted windows in a ring, each counted once",
              n=chance.observed),
        Score("design_effect", rotation.design_effect,
              method="variance of captured windows over all time offsets / binomial variance",
              n=chance.observed),
    ]  # fmt: skip


def _auc(scores, observed, rotation, *, confidence, n_resamples, seed) -> Score:
    auc = metrics.roc_auc(scores, observed)
    n_pos, n_neg = int(observed.sum()), int((~observed).sum())
    if not (n_pos and n_neg):
        return Score("auc", auc, n=len(observed))
    p_value = rotation.auc.p_value
    # with few disrupted windows a bootstrap keeps redrawing the same ones and looks falsely
    # sure; Hanley & McNeil's interval stays honest there
    _, low, high = metrics.auc_interval_hanley_mcneil(auc, n_pos, n_neg, confidence=confidence)
    method = "hanley-mcneil"
    # the AUC depends on the order of the scores only: resample their dense codes, which
    # roc_auc_along counts in linear time
    codes = np.unique(scores, return_inverse=True)[1].astype(np.int64)
    if n_resamples and min(n_pos, n_neg) >= MIN_CLASS_FOR_BOOTSTRAP:
        boot = metrics.bootstrap_interval(
            metrics.roc_auc_along, codes, observed, n_resamples=n_resamples,
            confidence=confidence, seed=seed, vectorized=True,
        )  # fmt: skip
        low, high, method = boot.ci_low, boot.ci_high, "bootstrap"
    method += f", {INDEPENDENT}; p: {metrics.ROTATION_METHOD_TIES}"
    return Score("auc", auc, low, high, p_value, method, len(observed))


def _association(scores, incidents, rotation, *, confidence) -> list[Score]:
    rows = []
    for name, function in (
        ("kendall_tau_b", metrics.kendall_tau_b),
        ("gk_gamma", metrics.goodman_kruskal_gamma),
        ("somers_d", metrics.somers_d),
    ):
        result = function(scores, incidents, confidence=confidence)
        p_value, method = _NAN, f"asymptotic interval, {INDEPENDENT}"
        if name == "kendall_tau_b" and np.ptp(scores) > 0 and np.ptp(incidents) > 0:
            p_value = rotation.tau_b.p_value
            method += f"; p: {metrics.ROTATION_METHOD}"
        rows.append(Score(name, result.estimate, result.ci_low, result.ci_high, p_value,
                          method, len(scores)))  # fmt: skip
    return rows


def _rate_ratios(windows, flagged, hours, *, confidence) -> list[Score]:
    rows = []
    for name in ("incidents", "disruptions"):
        counts = windows[name].to_numpy(dtype=float)
        metric = f"{name}_rate_ratio"
        if not (flagged.any() and (~flagged).any()):
            rows.append(Score(metric, _NAN, n=int(round(counts.sum()))))
            continue
        split = (int(round(counts[flagged].sum())), hours[flagged].sum(),
                 int(round(counts[~flagged].sum())), hours[~flagged].sum())  # fmt: skip
        comparison = metrics.compare_rates(*split, confidence=confidence)
        # the exact conditional test: given the total, the flagged hours' share is binomial
        p_value = metrics.conditional_rate_test(*split, alternative="greater")
        rows.append(Score(metric, comparison.rate_ratio, comparison.ci_low, comparison.ci_high,
                          p_value, "flagged vs other ring-hours; exact conditional interval; "
                          "p: one-sided exact conditional test (binomial split given the "
                          f"hours); hours treated as independent (too sure when {name} "
                          "cluster)", int(round(counts.sum()))))  # fmt: skip
    return rows


def _multicategory(severity_confusion: pd.DataFrame | None, n: int) -> list[Score]:
    if severity_confusion is None or severity_confusion.empty:
        return []
    method = "predicted level × observed severity level"
    return [
        Score("gerrity", metrics.gerrity_score(severity_confusion), method=method, n=n),
        Score("multicategory_hss", metrics.multicategory_hss(severity_confusion),
              method=method, n=n),
        Score("multicategory_pss", metrics.multicategory_pss(severity_confusion),
              method=method, n=n),
    ]  # fmt: skip


def _brier(windows, observed) -> tuple[list[Score], pd.DataFrame]:
    probability = windows["probability"].to_numpy(dtype=float)
    if not (len(probability) and np.isfinite(probability).all()):
        return [], pd.DataFrame()
    parts = metrics.brier_decomposition(probability, observed)
    method, n = "Murphy decomposition", len(probability)
    rows = [
        Score(name, getattr(parts, part), method=method, n=n)
        for name, part in (("brier", "brier"), ("brier_reliability", "reliability"),
                           ("brier_resolution", "resolution"),
                           ("brier_uncertainty", "uncertainty"))
    ]  # fmt: skip
    return rows, metrics.reliability_table(probability, observed, bins=10)


def prediction_scores(
    windows: pd.DataFrame,
    flag_level: str,
    *,
    confidence: float = 0.95,
    n_resamples: int = 1000,
    seed: int = 0,
    severity_confusion: pd.DataFrame | None = None,
) -> PredictionScores:
    """2×2 verification, capture, discrimination, association and rate-ratio scores.

    Parameters
    ----------
    windows : DataFrame
        A windows table with boolean ``flagged`` and ``observed`` columns.
    flag_level : str
        Recorded in the result.
    confidence, n_resamples, seed
        Interval level; bootstrap resamples of the AUC's interval (0 skips them) and their
        seed. The rotation tests try every time offset and need no resamples.
    severity_confusion : DataFrame, optional
        Predicted level × observed level table: adds the multi-category scores.

    Returns
    -------
    PredictionScores
        ``table`` rows, in order: ``pod``, ``far``, ``csi``, ``frequency_bias``, ``hss``,
        ``pss``, ``ets``, ``pofd``, ``accuracy``, ``hit_rate``, ``pai``, ``pei_star``,
        ``capture``, ``capture_pai``, ``episodes``, ``design_effect``, ``auc``,
        ``kendall_tau_b``, ``gk_gamma``,
        ``somers_d``, ``incidents_rate_ratio``, ``disruptions_rate_ratio``, then
        ``gerrity``, ``multicategory_hss``, ``multicategory_pss`` (with
        ``severity_confusion``) and ``brier``, ``brier_reliability``,
        ``brier_resolution``, ``brier_uncertainty`` (when every window has a probability).

    References
    ----------
    Doswell, C. A., Davies-Jones, R. & Keller, D. L. (1990). On summary measures of skill in
    rare event forecasting based on contingency tables. *Weather and Forecasting* 5(4), 576-585.
    doi:10.1175/1520-0434(1990)005<0576:OSMOSI>2.0.CO;2

    Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
    spatial patterns of crime. *Security Journal* 21(1-2), 4-28. doi:10.1057/palgrave.sj.8350066

    Hanley, J. A. & McNeil, B. J. (1982). The meaning and use of the area under a receiver
    operating characteristic (ROC) curve. *Radiology* 143(1), 29-36.
    doi:10.1148/radiology.143.1.7063747

    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239-251. doi:10.1093/biomet/33.3.239

    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x
    """
    flagged = windows["flagged"].to_numpy(dtype=bool)
    observed = windows["observed"].to_numpy(dtype=bool)
    hours = windows["hours"].to_numpy(dtype=float)
    disruptions = windows["disruptions"].to_numpy(dtype=float)
    scores = windows["predicted_score"].to_numpy(dtype=float)
    table = metrics.TwoByTwo.from_arrays(flagged, observed)
    counts = Counts(
        windows=len(windows), hits=table.hits, misses=table.misses,
        false_alarms=table.false_alarms, correct_negatives=table.correct_negatives,
        flagged_hours=float(hours[flagged].sum()), total_hours=float(hours.sum()),
        disruptions=float(disruptions.sum()),
        disruptions_in_flagged=float(disruptions[flagged].sum()),
    )  # fmt: skip
    chance = metrics.capture_vs_chance(counts.hits, counts.observed, counts.flagged_share,
                                       confidence=confidence)  # fmt: skip
    brier, reliability = _brier(windows, observed)
    rotation = rotation_tests(windows, observed=counts.observed)
    rows = [
        *_contingency(counts, table),
        *_capture(counts, disruptions, flagged, hours, chance, rotation),
        _auc(scores, observed, rotation, confidence=confidence, n_resamples=n_resamples,
             seed=seed),
        *_association(scores, windows["incidents"].to_numpy(dtype=float), rotation,
                      confidence=confidence),
        *_rate_ratios(windows, flagged, hours, confidence=confidence),
        *_multicategory(severity_confusion, len(windows)),
        *brier,
    ]  # fmt: skip
    frame = pd.DataFrame([[getattr(row, c) for c in SCORE_COLUMNS] for row in rows],
                         columns=list(SCORE_COLUMNS))  # fmt: skip
    frame = frame.astype({"estimate": float, "ci_low": float, "ci_high": float,
                          "p_value": float, "n": "int64"})  # fmt: skip
    return PredictionScores(flag_level, counts, frame, chance, reliability, rotation)
