"""Tests of sra_analysis.review.scores: the tidy score table and the 2×2 counts."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sra_analysis import metrics
from sra_analysis.review.scores import SCORE_COLUMNS, prediction_scores


def _windows(probability: float = np.nan) -> pd.DataFrame:
    """Ten one-hour windows: flagged 0–3, disrupted 0, 1, 4, 7; scores 12 for flagged."""
    flagged = np.arange(10) < 4
    disruptions = np.isin(np.arange(10), [0, 1, 4, 7]).astype(int)
    return pd.DataFrame(
        {
            "hours": 1.0,
            "flagged": flagged,
            "observed": disruptions > 0,
            "disruptions": disruptions,
            "incidents": disruptions + (np.arange(10) == 2),
            "predicted_score": np.where(flagged, 12, 3),
            "probability": probability,
        }
    )


def test_counts_and_the_table_shape():
    windows = _windows()
    before = windows.copy()
    scores = prediction_scores(windows, "high", n_resamples=0)
    pd.testing.assert_frame_equal(windows, before)
    counts = scores.counts
    # flagged 0–3, disrupted 0, 1, 4, 7: hits 2, misses 2, false alarms 2, quiet 4
    assert (counts.hits, counts.misses, counts.false_alarms, counts.correct_negatives) == (
        2, 2, 2, 4,
    )  # fmt: skip
    assert (counts.flagged_hours, counts.total_hours, counts.flagged_share) == (4, 10, 0.4)
    assert list(scores.table.columns) == list(SCORE_COLUMNS)
    assert scores.table["metric"].tolist() == [
        "pod", "far", "csi", "frequency_bias", "hss", "pss", "ets", "pofd", "accuracy",
        "hit_rate", "pai", "pei_star", "capture", "capture_pai", "episodes", "design_effect",
        "auc", "kendall_tau_b",
        "gk_gamma", "somers_d", "incidents_rate_ratio", "disruptions_rate_ratio",
    ]  # fmt: skip
    assert scores.score("pod").estimate == pytest.approx(2 / 4)
    assert scores.score("pod").n == 10


def test_capture_rows_are_the_chance_test():
    scores = prediction_scores(_windows(), "high", n_resamples=0)
    chance = metrics.capture_vs_chance(2, 4, 0.4)
    capture = scores.score("capture")
    assert capture.estimate == pytest.approx(0.5) and capture.n == 4
    # the p-value is the rotation test's: disrupted hours {0, 1, 4, 7} shifted by k = 0..9
    # put 2 on the flagged hours 0-3 for k = 0, 1, 2, 3, 6, 9 and 1 otherwise; none more.
    # Those six ties are ordered by the incidents (hours {0, 1, 2, 4, 7}, one each) the
    # flagged hours hold: k = 0 {0, 1, 2}, k = 1 {1, 2, 3}, k = 9 {0, 1, 3} hold 3, k = 2, 3,
    # 6 only 2. Three ties remain: mid-p = (0 + 3/2) / 10 = 0.15 (without the incidents
    # (0 + 6/2) / 10 = 0.3; the binomial's 0.5248 stays in scores.capture)
    assert capture.p_value == pytest.approx(0.15)
    assert scores.capture.p_value == pytest.approx(chance.p_value)
    assert "rotation" in capture.method and "independent" in capture.method
    # episodes: runs {0, 1}, {4}, {7}
    assert scores.score("episodes").estimate == 3 and scores.rotation.episodes == 3
    assert capture.ci_low == pytest.approx(chance.share_lower) and math.isnan(capture.ci_high)
    assert scores.score("capture_pai").estimate == pytest.approx(0.5 / 0.4)


def test_optional_rows_come_with_their_inputs():
    plain = prediction_scores(_windows(), "high", n_resamples=0)
    assert "brier" not in set(plain.table["metric"]) and plain.reliability.empty
    with_probability = prediction_scores(_windows(probability=0.3), "high", n_resamples=0)
    # every window forecast 0.3, 4 of 10 disrupted: Brier = (4·0.49 + 6·0.09) / 10 = 0.25
    assert with_probability.score("brier").estimate == pytest.approx(0.25)
    confusion = pd.DataFrame([[3, 1], [2, 4]], index=["low", "high"], columns=["low", "high"])
    with_levels = prediction_scores(_windows(), "high", n_resamples=0,
                                    severity_confusion=confusion)  # fmt: skip
    assert {"gerrity", "multicategory_hss", "multicategory_pss"} <= set(with_levels.table["metric"])
    assert math.isnan(plain.score("not a score").estimate)


def test_auc_interval_method_follows_the_class_sizes():
    few = prediction_scores(_windows(), "high", n_resamples=100)
    assert few.score("auc").method.startswith("hanley-mcneil")  # 4 disrupted windows < 10
    assert 0 < few.score("auc").p_value <= 1
