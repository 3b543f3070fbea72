"""How well the SRA's ratings predicted disruptions: the scores of one windows table.

A window is *observed* when it had a disruption and *flagged* when rated at or above the
flag level. Every number comes from :mod:`sra_analysis.metrics`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sra_analysis import metrics

__all__ = ["MIN_CLASS_FOR_BOOTSTRAP", "prediction_scores"]

#: The AUC gets a bootstrap interval only when both classes have at least this many
#: windows; below it, the Hanley–McNeil interval.
MIN_CLASS_FOR_BOOTSTRAP = 10


def prediction_scores(
    windows: pd.DataFrame, flag_level: str, *, confidence: float, n_resamples: int, seed: int
) -> tuple[dict, pd.DataFrame]:
    """2×2 verification, capture, discrimination, association and rate-ratio scores.

    Parameters
    ----------
    windows : DataFrame
        A windows table with boolean ``flagged`` and ``observed`` columns.
    flag_level : str
        Recorded in the result.
    confidence, n_resamples, seed
        Interval level; bootstrap and permutation resamples (0 skips them) and their seed.

    Returns
    -------
    tuple of (dict, DataFrame)
        The scores (the ``prediction`` part of ``summary.json``) and the reliability table
        of the register's probabilities (empty without them).
    """
    flagged = windows["flagged"].to_numpy(dtype=bool)
    observed = windows["observed"].to_numpy(dtype=bool)
    hours = windows["hours"].to_numpy(dtype=float)
    disruptions = windows["disruptions"].to_numpy(dtype=float)
    incidents = windows["incidents"].to_numpy(dtype=float)
    scores = windows["predicted_score"].to_numpy(dtype=float)

    table = metrics.TwoByTwo.from_arrays(flagged, observed)
    out: dict = {
        "flag_level": flag_level,
        "windows": len(windows),
        "hits": table.hits,
        "misses": table.misses,
        "false_alarms": table.false_alarms,
        "correct_negatives": table.correct_negatives,
        **table.scores(),
    }
    total_disruptions = disruptions.sum()
    captured = disruptions[flagged].sum()
    out["disruptions_in_flagged"] = captured
    out["flagged_hours"] = hours[flagged].sum()
    out["total_hours"] = hours.sum()
    out["hit_rate"] = metrics.hit_rate(captured, total_disruptions) if total_disruptions else None
    out["pai"] = (
        metrics.pai(captured, total_disruptions, hours[flagged].sum(), hours.sum())
        if total_disruptions and flagged.any()
        else None
    )
    chance = metrics.capture_vs_chance(
        table.hits, table.hits + table.misses,
        out["flagged_hours"] / out["total_hours"] if out["total_hours"] else 0.0,
        confidence=confidence,
    )  # fmt: skip
    out["capture_test"] = {
        "hits": chance.hits, "observed": chance.observed, "flagged_share": chance.flagged_share,
        "expected": chance.expected, "share": chance.share, "share_lower": chance.share_lower,
        "pai": chance.pai, "pai_lower": chance.pai_lower, "p_value": chance.p_value,
        "method": "one-sided exact binomial, disrupted windows vs flagged share of ring-hours",
    }  # fmt: skip
    out["pei_star"] = (
        metrics.pei_star_from_counts(disruptions, flagged, areas=hours)
        if total_disruptions and flagged.any()
        else None
    )

    out["auc"] = metrics.roc_auc(scores, observed)
    n_pos, n_neg = int(observed.sum()), int((~observed).sum())
    auc_interval = {"ci_low": None, "ci_high": None, "p_value": None, "method": None}
    if n_pos and n_neg:
        # with few disrupted windows a bootstrap keeps redrawing the same ones and looks
        # falsely sure; Hanley & McNeil's interval stays honest there
        _, low, high = metrics.auc_interval_hanley_mcneil(
            out["auc"], n_pos, n_neg, confidence=confidence
        )
        auc_interval.update(ci_low=low, ci_high=high, method="hanley-mcneil")
        # the AUC depends on the order of the scores only: resample their dense codes,
        # which roc_auc_along counts in linear time
        codes = np.unique(scores, return_inverse=True)[1].astype(np.int64)
        if n_resamples and min(n_pos, n_neg) >= MIN_CLASS_FOR_BOOTSTRAP:
            boot = metrics.bootstrap_interval(
                metrics.roc_auc_along, codes, observed, n_resamples=n_resamples,
                confidence=confidence, seed=seed, vectorized=True,
            )  # fmt: skip
            auc_interval.update(ci_low=boot.ci_low, ci_high=boot.ci_high, method="bootstrap")
        if n_resamples:
            perm = metrics.permutation_pvalue(
                metrics.roc_auc_along, codes, observed, n_resamples=n_resamples,
                alternative="greater", seed=seed, vectorized=True,
            )  # fmt: skip
            auc_interval["p_value"] = perm.p_value
    out["auc_ci_low"] = auc_interval["ci_low"]
    out["auc_ci_high"] = auc_interval["ci_high"]
    out["auc_ci_method"] = auc_interval["method"]
    out["auc_p_value"] = auc_interval["p_value"]

    for name, function in (
        ("kendall_tau_b", metrics.kendall_tau_b),
        ("gk_gamma", metrics.goodman_kruskal_gamma),
        ("somers_d", metrics.somers_d),
    ):
        result = function(scores, incidents)
        out[name] = result.estimate
        out[f"{name}_ci_low"] = result.ci_low
        out[f"{name}_ci_high"] = result.ci_high
    if np.ptp(scores) > 0 and np.ptp(incidents) > 0:
        # tau-b's own test (normal approximation with the tie-corrected variance); a
        # permutation test of tau-b costs n log n per permutation and says the same for
        # the hundreds of windows an event has
        out["kendall_tau_b_p_value"] = metrics.kendall_tau_b_pvalue(
            scores, incidents, alternative="greater"
        )
    else:
        out["kendall_tau_b_p_value"] = None
    for name, counts in (("incidents", incidents), ("disruptions", disruptions)):
        if flagged.any() and (~flagged).any():
            comparison = metrics.compare_rates(
                int(round(counts[flagged].sum())), hours[flagged].sum(),
                int(round(counts[~flagged].sum())), hours[~flagged].sum(),
                confidence=confidence,
            )  # fmt: skip
            out[f"{name}_rate_ratio"] = comparison.rate_ratio
            out[f"{name}_rate_ratio_ci_low"] = comparison.ci_low
            out[f"{name}_rate_ratio_ci_high"] = comparison.ci_high
            out[f"{name}_rate_ratio_p_value"] = comparison.p_value
        else:
            for suffix in ("", "_ci_low", "_ci_high", "_p_value"):
                out[f"{name}_rate_ratio{suffix}"] = None

    probability = windows["probability"].to_numpy(dtype=float)
    reliability = pd.DataFrame()
    if np.isfinite(probability).all() and len(probability):
        decomposition = metrics.brier_decomposition(probability, observed)
        out["brier"] = decomposition.brier
        out["brier_reliability"] = decomposition.reliability
        out["brier_resolution"] = decomposition.resolution
        out["brier_uncertainty"] = decomposition.uncertainty
        reliability = metrics.reliability_table(probability, observed, bins=10)
    else:
        out["brier"] = None
    return out, reliability
