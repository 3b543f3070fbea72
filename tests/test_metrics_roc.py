"""Tests of sra_analysis.metrics.roc (ROC/AUC, its intervals, the batched AUC)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

from sra_analysis.metrics import (
    auc_interval_hanley_mcneil,
    roc_auc,
    roc_curve,
)


def test_roc_auc_hand_worked_five_points():
    # positives score 0.35, 0.8, 0.4; negatives 0.1, 0.4. Pairwise (pos > neg = 1,
    # tie = 1/2): 0.35: 1 + 0; 0.8: 1 + 1; 0.4: 1 + 1/2 -> 4.5 of 6 pairs = 0.75
    assert roc_auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1]) == pytest.approx(0.75)


def test_roc_auc_perfect_and_reversed():
    assert roc_auc([1, 2, 3, 4], [False, False, True, True]) == 1.0
    assert roc_auc([4, 3, 2, 1], [False, False, True, True]) == 0.0
    assert roc_auc([2, 2, 2, 2], [False, True, False, True]) == 0.5


def test_roc_auc_single_class_is_nan_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(roc_auc([0.1, 0.5], [1, 1]))
        assert math.isnan(roc_auc([0.1, 0.5], [False, False]))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 10), st.booleans()), min_size=2, max_size=50).filter(
        lambda pairs: len({o for _, o in pairs}) == 2
    )
)
def test_roc_auc_matches_sklearn(pairs):
    scores = [s / 10 for s, _ in pairs]  # coarse grid: many ties
    observed = [o for _, o in pairs]
    assert roc_auc(scores, observed) == pytest.approx(
        skm.roc_auc_score(observed, scores), abs=1e-12
    )
    curve = roc_curve(scores, observed)
    assert skm.auc(curve["fpr"], curve["tpr"]) == pytest.approx(roc_auc(scores, observed))


def test_roc_curve_hand_example_and_sklearn():
    scores = [0.2, 0.8, 0.5, 0.8, 0.3]
    observed = [0, 1, 0, 1, 1]
    curve = roc_curve(scores, observed)
    assert list(curve.columns) == ["threshold", "tpr", "fpr"]
    # thresholds inf, 0.8, 0.5, 0.3, 0.2 ; positives at 0.8, 0.8, 0.3 ; negatives 0.5, 0.2
    assert curve["threshold"].tolist() == [math.inf, 0.8, 0.5, 0.3, 0.2]
    assert curve["tpr"].tolist() == pytest.approx([0, 2 / 3, 2 / 3, 1, 1])
    assert curve["fpr"].tolist() == pytest.approx([0, 0, 0.5, 0.5, 1])
    fpr, tpr, _ = skm.roc_curve(observed, scores, drop_intermediate=False)
    np.testing.assert_allclose(curve["fpr"], fpr)
    np.testing.assert_allclose(curve["tpr"], tpr)


def test_roc_curve_missing_class_gives_nan_column():
    curve = roc_curve([0.1, 0.2], [True, True])
    assert curve["fpr"].isna().all()
    assert curve["tpr"].tolist() == [0.0, 0.5, 1.0]


def test_hanley_mcneil_se_hand_worked():
    # Hanley & McNeil (1982), eq. 2, worked by hand for A = 0.8, n1 = n0 = 50:
    # Q1 = 0.8 / 1.2 = 0.66667, Q2 = 2 * 0.64 / 1.8 = 0.71111
    # SE^2 = (0.16 + 49 * (0.66667 - 0.64) + 49 * (0.71111 - 0.64)) / 2500 = 0.0019804
    se, low, high = auc_interval_hanley_mcneil(0.8, 50, 50)
    assert se == pytest.approx(0.044502, rel=1e-3)
    assert low == pytest.approx(0.8 - 1.959964 * se)
    assert high == pytest.approx(0.8 + 1.959964 * se)


def test_hanley_mcneil_stays_wide_with_one_positive():
    # one disrupted window among 215: SE^2 = (A(1-A) + 214 (Q2 - A^2)) / 215, A = 0.77
    # = (0.1771 + 214 * (1.1858 / 1.77 - 0.5929)) / 215 = 0.0778 -> SE = 0.279
    se, low, high = auc_interval_hanley_mcneil(0.77, 1, 215)
    assert se == pytest.approx(0.279, abs=2e-3)
    assert high - low > 0.7
    assert np.isnan(auc_interval_hanley_mcneil(0.7, 0, 10)[0])


def test_roc_auc_along_equals_one_auc_per_row():
    # independent recomputation: scikit-learn's roc_auc_score on each row
    from sklearn.metrics import roc_auc_score

    from sra_analysis.metrics import roc_auc_along

    rng = np.random.default_rng(12)
    scores = rng.integers(0, 5, size=(40, 30)).astype(float)  # many ties, like risk levels
    observed = rng.random((40, 30)) < 0.3
    observed[0] = False  # one class only: nan
    got = roc_auc_along(scores, observed)
    assert np.isnan(got[0])
    expected = [roc_auc_score(o, s) for s, o in zip(scores[1:], observed[1:], strict=True)]
    np.testing.assert_allclose(got[1:], expected, rtol=1e-12)
    # windows along the first axis give the same
    np.testing.assert_allclose(roc_auc_along(scores.T, observed.T, axis=0)[1:], expected)


def test_roc_auc_along_counts_integer_codes_like_it_ranks_floats():
    from sra_analysis.metrics import roc_auc_along

    rng = np.random.default_rng(3)
    codes = rng.integers(0, 6, size=(25, 50))
    observed = rng.random((25, 50)) < 0.25
    counted = roc_auc_along(codes, observed)  # integer path
    ranked = roc_auc_along(codes.astype(float), observed)  # rankdata path
    np.testing.assert_allclose(counted, ranked, rtol=1e-12)
    one = roc_auc_along(codes[0], observed[0])
    assert np.ndim(one) == 0 and one == pytest.approx(roc_auc(codes[0], observed[0]))
