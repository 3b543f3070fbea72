"""Tests of sra_analysis.metrics.multicategory (K x K tables)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from sra_analysis.metrics import (
    TwoByTwo,
    confusion_matrix,
    gerrity_score,
    hss,
    multicategory_hss,
    multicategory_pss,
    pss,
)

LEVELS = ["low", "medium", "high"]

# Hand-worked 3x3 example (rows forecast, columns observed), N = 10:
#   [[3, 1, 0],      row totals 4, 5, 1 -> p_f = .4, .5, .1
#    [2, 2, 1],      column totals 5, 3, 2 -> p_o = .5, .3, .2
#    [0, 0, 1]]      proportion correct = 6/10
# chance agreement sum p_f p_o = (4*5 + 5*3 + 1*2)/100 = .37, sum p_o^2 = .38
# HSS = (.6 - .37)/(1 - .37) = 23/63 ; PSS = (.6 - .37)/(1 - .38) = 23/62
# Gerrity: D = (.5, .8), a = (1, .25); with K - 1 = 2,
#   s11 = (a1 + a2)/2 = .625, s22 = (1/a1 + a2)/2 = .625, s33 = (1/a1 + 1/a2)/2 = 2.5,
#   s12 = (-1 + a2)/2 = -.375, s13 = -2/2 = -1, s23 = (1/a1 - 1)/2 = 0
#   GS = (3*.625 - .375 + 0 - 2*.375 + 2*.625 + 0 + 0 + 0 + 2.5)/10 = 4.5/10 = .45
HAND = np.array([[3, 1, 0], [2, 2, 1], [0, 0, 1]])

# Wilks (2011), Statistical Methods in the Atmospheric Sciences, 3rd ed., Table 8.3:
# 3-category forecasts (rows forecast, columns observed).
WILKS_8_3 = np.array([[50, 91, 71], [47, 2364, 170], [54, 205, 3288]])

FINLEY = TwoByTwo(hits=28, misses=23, false_alarms=72, correct_negatives=2680)


def _expand(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.indices(table.shape)
    counts = table.ravel()
    return np.repeat(rows.ravel(), counts), np.repeat(cols.ravel(), counts)


def test_confusion_matrix_hand_example_with_absent_label():
    predicted = ["low", "high", "high", "low", "medium"]
    observed = ["low", "low", "high", "low", "high"]
    table = confusion_matrix(
        predicted, observed, predicted_labels=LEVELS, observed_labels=LEVELS + ["extreme"]
    )
    expected = pd.DataFrame(
        [[2, 0, 0, 0], [0, 0, 1, 0], [1, 0, 1, 0]],
        index=pd.Index(LEVELS, name="predicted"),
        columns=pd.Index(LEVELS + ["extreme"], name="observed"),
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False, check_index_type=False)
    assert all(np.issubdtype(dtype, np.integer) for dtype in table.dtypes)


def test_confusion_matrix_follows_label_order():
    table = confusion_matrix([1, 2, 2], [2, 2, 1], predicted_labels=[2, 1], observed_labels=[1, 2])
    assert table.to_numpy().tolist() == [[1, 1], [0, 1]]


def test_confusion_matrix_unknown_values_named():
    with pytest.raises(ValueError, match=r"`observed` must only hold values.*'severe'"):
        confusion_matrix(
            ["low", "high"], ["low", "severe"], predicted_labels=LEVELS, observed_labels=LEVELS
        )
    with pytest.raises(ValueError, match=r"`predicted` must only hold values.*nan"):
        confusion_matrix(
            [np.nan, "low"], ["low", "low"], predicted_labels=LEVELS, observed_labels=LEVELS
        )


def test_confusion_matrix_rejects_duplicate_labels_and_length_mismatch():
    with pytest.raises(ValueError, match="`predicted_labels` must not repeat labels.*'low'"):
        confusion_matrix(["low"], ["low"], predicted_labels=["low", "low"], observed_labels=LEVELS)
    with pytest.raises(ValueError, match="same length"):
        confusion_matrix(["low"], ["low", "high"], predicted_labels=LEVELS, observed_labels=LEVELS)


def test_confusion_matrix_does_not_mutate_inputs():
    predicted = np.array(["low", "high", "medium"])
    observed = pd.Series(["low", "low", "high"])
    p_copy, o_copy = predicted.copy(), observed.copy()
    confusion_matrix(predicted, observed, predicted_labels=LEVELS, observed_labels=LEVELS)
    np.testing.assert_array_equal(predicted, p_copy)
    pd.testing.assert_series_equal(observed, o_copy)


def test_hand_worked_3x3():
    assert multicategory_hss(HAND) == pytest.approx(23 / 63)
    assert multicategory_pss(HAND) == pytest.approx(23 / 62)
    assert gerrity_score(HAND) == pytest.approx(0.45)


def test_dataframe_input_from_confusion_matrix():
    frame = pd.DataFrame(HAND, index=LEVELS, columns=LEVELS)
    assert gerrity_score(frame) == pytest.approx(0.45)
    assert multicategory_hss(frame) == pytest.approx(23 / 63)


def test_wilks_table_hss_is_cohens_kappa():
    # Independent recomputation: with sample marginals the multi-category HSS is Cohen's kappa.
    forecast, observed = _expand(WILKS_8_3)
    assert multicategory_hss(WILKS_8_3) == pytest.approx(cohen_kappa_score(forecast, observed))


def test_wilks_table_pss_and_gerrity_hand_formula():
    # Recompute straight from the textbook formulas with explicit loops.
    p = WILKS_8_3 / WILKS_8_3.sum()
    pf, po = p.sum(axis=1), p.sum(axis=0)
    pc = np.trace(p)
    pss_expected = (pc - sum(pf[i] * po[i] for i in range(3))) / (1 - sum(po**2))
    d1, d2 = po[0], po[0] + po[1]
    a1, a2 = (1 - d1) / d1, (1 - d2) / d2
    s = np.empty((3, 3))
    s[0, 0] = (a1 + a2) / 2
    s[1, 1] = (1 / a1 + a2) / 2
    s[2, 2] = (1 / a1 + 1 / a2) / 2
    s[0, 1] = s[1, 0] = (-1 + a2) / 2
    s[0, 2] = s[2, 0] = (-2) / 2
    s[1, 2] = s[2, 1] = (1 / a1 - 1) / 2
    assert multicategory_pss(WILKS_8_3) == pytest.approx(pss_expected)
    assert gerrity_score(WILKS_8_3) == pytest.approx(float(np.sum(p * s)))


def test_k2_identities_with_finley():
    # rows forecast (tornado, none), columns observed (tornado, none)
    table = [[28, 72], [23, 2680]]
    assert multicategory_hss(table) == pytest.approx(hss(FINLEY))
    assert multicategory_pss(table) == pytest.approx(pss(FINLEY))
    # Known identity: for K = 2 the Gerrity score equals the Peirce skill score.
    assert gerrity_score(table) == pytest.approx(pss(FINLEY))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=500), min_size=4, max_size=4))
def test_k2_identities_property(cells):
    a, b, c, d = cells
    two = TwoByTwo(hits=a, misses=c, false_alarms=b, correct_negatives=d)
    table = [[a, b], [c, d]]
    assert multicategory_hss(table) == pytest.approx(hss(two), abs=1e-12)
    assert multicategory_pss(table) == pytest.approx(pss(two), abs=1e-12)
    assert gerrity_score(table) == pytest.approx(pss(two), abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(min_value=0.05, max_value=1.0), min_size=4, max_size=4),
    st.integers(min_value=0, max_value=3),
)
def test_gerrity_is_equitable(observed_weights, row):
    # A constant forecast (all in one row) and a random forecast (outer product of
    # marginals) both score 0; a perfect forecast scores 1.
    po = np.array(observed_weights) / sum(observed_weights)
    constant = np.zeros((4, 4))
    constant[row] = po * 1000
    assert gerrity_score(constant) == pytest.approx(0.0, abs=1e-9)
    random_table = np.outer([0.1, 0.2, 0.3, 0.4], po) * 1000
    assert gerrity_score(random_table) == pytest.approx(0.0, abs=1e-9)
    assert gerrity_score(np.diag(po * 1000)) == pytest.approx(1.0)
    assert multicategory_pss(constant) == pytest.approx(0.0, abs=1e-9)


def test_degenerate_tables_give_nan():
    assert math.isnan(multicategory_hss(np.zeros((3, 3))))
    assert math.isnan(multicategory_pss(np.zeros((3, 3))))
    assert math.isnan(gerrity_score(np.zeros((3, 3))))
    # nothing observed in the highest category -> an infinite Gerrity weight
    assert math.isnan(gerrity_score([[3, 1, 0], [2, 2, 0], [0, 1, 0]]))
    # a single observed and forecast category
    assert math.isnan(multicategory_hss([[5, 0], [0, 0]]))
    assert math.isnan(multicategory_pss([[5, 0], [0, 0]]))


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([[1, 2, 3], [4, 5, 6]], "square K x K"),
        ([[1]], "square K x K"),
        ([[1, -2], [3, 4]], "non-negative"),
        ([[1, np.nan], [3, 4]], "non-negative"),
        ([1, 2, 3], "must be 2-D"),
    ],
)
def test_invalid_tables_rejected(table, message):
    with pytest.raises(ValueError, match=message):
        gerrity_score(table)


def test_scores_do_not_mutate_table():
    table = HAND.copy()
    frame = pd.DataFrame(HAND.copy())
    for score in (multicategory_hss, multicategory_pss, gerrity_score):
        score(table)
        score(frame)
    np.testing.assert_array_equal(table, HAND)
    np.testing.assert_array_equal(frame.to_numpy(), HAND)
