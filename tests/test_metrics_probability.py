"""Tests of sra_analysis.metrics.probability (Brier score, decomposition, reliability)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm
from statsmodels.stats.proportion import proportion_confint

from sra_analysis.metrics import (
    BrierDecomposition,
    brier_decomposition,
    brier_score,
    reliability_table,
    roc_auc,
    roc_curve,
)


def test_brier_score_hand_and_sklearn():
    # (0.9-1)^2 + (0.2-0)^2 + (0.5-0)^2 = 0.01 + 0.04 + 0.25 -> mean 0.1
    assert brier_score([0.9, 0.2, 0.5], [1, 0, 0]) == pytest.approx(0.1)
    rng = np.random.default_rng(3)
    p = rng.uniform(size=50)
    o = rng.uniform(size=50) < p
    assert brier_score(p, o) == pytest.approx(skm.brier_score_loss(o, p))


def test_brier_decomposition_hand_worked():
    # forecasts 0.2, 0.2, 0.8, 0.8 with outcomes 0, 1, 1, 1:
    # BS = (0.04 + 0.64 + 0.04 + 0.04)/4 = 0.19 ; base rate 0.75 -> UNC = 0.1875
    # groups: f = 0.2 (o_k = 0.5, n = 2), f = 0.8 (o_k = 1, n = 2)
    # REL = (2*0.3^2 + 2*0.2^2)/4 = 0.065 ; RES = (2*0.25^2 + 2*0.25^2)/4 = 0.0625
    d = brier_decomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1])
    assert d == BrierDecomposition(
        brier=pytest.approx(0.19),
        reliability=pytest.approx(0.065),
        resolution=pytest.approx(0.0625),
        uncertainty=pytest.approx(0.1875),
        n=4,
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10), st.booleans()), min_size=1, max_size=60))
def test_brier_decomposition_identity(pairs):
    p = [k / 10 for k, _ in pairs]
    o = [b for _, b in pairs]
    d = brier_decomposition(p, o)
    assert d.brier == pytest.approx(d.reliability - d.resolution + d.uncertainty, abs=1e-12)
    assert d.brier == pytest.approx(brier_score(p, o), abs=1e-15)
    assert d.n == len(pairs)


def test_brier_decomposition_with_bins_is_approximate():
    rng = np.random.default_rng(7)
    p = rng.uniform(size=400)
    o = rng.uniform(size=400) < p
    d = brier_decomposition(p, o, bins=10)
    assert d.brier == pytest.approx(brier_score(p, o))
    assert d.reliability - d.resolution + d.uncertainty == pytest.approx(d.brier, abs=0.01)
    # binning with one bin per distinct value reproduces the exact split
    exact = brier_decomposition([0.0, 0.5, 1.0, 0.5], [0, 1, 1, 0])
    binned = brier_decomposition([0.0, 0.5, 1.0, 0.5], [0, 1, 1, 0], bins=[0, 0.4, 0.6, 1])
    assert binned == exact


def test_empty_inputs():
    assert math.isnan(brier_score([], []))
    assert brier_decomposition([], []).n == 0


def test_reliability_table_columns_hand_values_and_wilson():
    p = [0.05, 0.15, 0.12, 0.55, 0.95, 1.0]
    o = [0, 0, 1, 1, 1, 1]
    table = reliability_table(p, o, bins=4)
    assert list(table.columns) == [
        "bin_low",
        "bin_high",
        "n",
        "mean_forecast",
        "observed_frequency",
        "ci_low",
        "ci_high",
    ]
    # bins [0, .25): 0.05, 0.15, 0.12 ; [.25, .5): none ; [.5, .75): 0.55 ; [.75, 1]: 0.95, 1.0
    assert table["n"].tolist() == [3, 0, 1, 2]
    assert table["mean_forecast"].tolist()[0] == pytest.approx(0.32 / 3)
    assert table.loc[1, ["mean_forecast", "observed_frequency", "ci_low"]].isna().all()
    assert table["observed_frequency"].tolist()[3] == 1.0
    for row, (events, n) in {0: (1, 3), 2: (1, 1), 3: (2, 2)}.items():
        low, high = proportion_confint(events, n, alpha=0.05, method="wilson")
        assert table.loc[row, "ci_low"] == pytest.approx(low)
        assert table.loc[row, "ci_high"] == pytest.approx(high)


def test_reliability_table_custom_edges_and_confidence():
    table = reliability_table([0.1, 0.3, 0.3], [0, 1, 0], bins=[0, 0.2, 1], confidence=0.9)
    assert table["bin_high"].tolist() == [0.2, 1.0]
    low, high = proportion_confint(1, 2, alpha=0.10, method="wilson")
    assert table.loc[1, "ci_low"] == pytest.approx(low)
    assert table.loc[1, "ci_high"] == pytest.approx(high)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: brier_score([0.2, 1.2], [0, 1]), r"`probability` must lie in \[0, 1\]"),
        (lambda: brier_score([0.2, np.nan], [0, 1]), "`probability` must contain only finite"),
        (lambda: brier_score([0.2], [0, 1]), "same length"),
        (lambda: roc_auc([0.2, 0.4], [0, 3]), "`observed` must contain only booleans or 0/1"),
        (lambda: reliability_table([0.2], [1], bins=0), "`bins` must be a positive integer"),
        (lambda: reliability_table([0.2], [1], bins=[0.1, 1]), "edges covering"),
        (lambda: brier_decomposition([0.2], [1], bins=[0, 0.5, 0.4, 1]), "increasing edges"),
    ],
)
def test_invalid_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_inputs_not_mutated():
    p = np.array([0.3, 0.1, 0.9, 0.6])
    o = pd.Series([False, False, True, True])
    p_copy, o_copy = p.copy(), o.copy()
    roc_auc(p, o)
    roc_curve(p, o)
    brier_decomposition(p, o, bins=3)
    reliability_table(p, o)
    np.testing.assert_array_equal(p, p_copy)
    pd.testing.assert_series_equal(o, o_copy)
