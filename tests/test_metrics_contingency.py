"""Tests of sra_analysis.metrics.contingency (2 x 2 verification)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import balanced_accuracy_score, cohen_kappa_score

from sra_analysis.metrics import (
    TwoByTwo,
    accuracy,
    csi,
    ets,
    far,
    frequency_bias,
    hss,
    pod,
    pofd,
    pss,
)

# Finley (1884) tornado forecasts as worked on the WWRP/WGNE JWGFVR page
# "Forecast Verification: Issues, Methods and FAQ" (CAWCR, Finley_Tornados.html):
# hits 28, false alarms 72, misses 23, correct negatives 2680.
FINLEY = TwoByTwo(hits=28, misses=23, false_alarms=72, correct_negatives=2680)


@pytest.mark.parametrize(
    ("score", "published", "abs_tol"),
    [
        # published values, rounded as printed on the CAWCR page
        (accuracy, 0.966, 5e-4),
        (frequency_bias, 1.96, 5e-3),
        (pod, 0.55, 5e-3),
        (far, 0.72, 5e-3),
        (pofd, 0.026, 5e-4),
        (csi, 0.228, 5e-4),
        (ets, 0.216, 5e-4),
        (pss, 0.523, 5e-4),
        (hss, 0.355, 5e-4),
    ],
)
def test_finley_published_scores(score, published, abs_tol):
    assert score(FINLEY) == pytest.approx(published, abs=abs_tol)


def test_finley_exact_fractions():
    # Hand-worked from the counts: POD = 28/51, FAR = 72/100, CSI = 28/123,
    # bias = 100/51, a_r = 100*51/2803, HSS = 2(28*2680 - 72*23)/(51*2703 + 100*2752).
    assert pod(FINLEY) == pytest.approx(28 / 51)
    assert csi(FINLEY) == pytest.approx(28 / 123)
    a_r = 100 * 51 / 2803
    assert ets(FINLEY) == pytest.approx((28 - a_r) / (123 - a_r))
    assert hss(FINLEY) == pytest.approx(2 * (28 * 2680 - 72 * 23) / (51 * 2703 + 100 * 2752))
    assert pss(FINLEY) == pytest.approx(28 / 51 - 72 / 2752)


def test_scores_keys_and_values():
    scores = FINLEY.scores()
    assert list(scores)[:7] == ["pod", "far", "csi", "frequency_bias", "hss", "pss", "ets"]
    assert scores["hss"] == hss(FINLEY)
    assert scores["ets"] == ets(FINLEY)
    assert FINLEY.n == 2803


def test_from_arrays_counts_hand_example():
    flagged = [True, True, True, False, False, False, False]
    observed = [True, False, False, True, False, False, False]
    # hand count: 1 hit, 2 false alarms, 1 miss, 3 correct negatives
    assert TwoByTwo.from_arrays(flagged, observed) == TwoByTwo(1, 1, 2, 3)


def test_from_arrays_accepts_0_1_and_series_and_does_not_mutate():
    flagged = np.array([1, 0, 1, 0])
    observed = pd.Series([True, True, False, False])
    flagged_copy, observed_copy = flagged.copy(), observed.copy()
    table = TwoByTwo.from_arrays(flagged, observed)
    assert table == TwoByTwo(hits=1, misses=1, false_alarms=1, correct_negatives=1)
    np.testing.assert_array_equal(flagged, flagged_copy)
    pd.testing.assert_series_equal(observed, observed_copy)


def test_from_arrays_rejects_length_mismatch():
    with pytest.raises(ValueError, match=r"same length.*`flagged` has 3.*`observed` has 2"):
        TwoByTwo.from_arrays([True, False, True], [True, False])


@pytest.mark.parametrize("bad", [[1, 2, 0], [0.5, 1, 0], ["yes", "no", "no"], [1, np.nan, 0]])
def test_from_arrays_rejects_non_boolean(bad):
    with pytest.raises(ValueError, match="`flagged` must contain only booleans or 0/1"):
        TwoByTwo.from_arrays(bad, [True, False, True])


def test_from_arrays_rejects_missing_values_in_nullable_boolean():
    observed = pd.array([True, None, False], dtype="boolean")
    with pytest.raises(ValueError, match="`observed` must contain only booleans"):
        TwoByTwo.from_arrays([True, False, True], observed)


def test_from_arrays_rejects_2d():
    with pytest.raises(ValueError, match="`flagged` must be 1-D"):
        TwoByTwo.from_arrays([[True, False]], [[True, False]])


@pytest.mark.parametrize("bad", [-1, 2.5, "3", None, True])
def test_negative_or_non_integer_counts_rejected(bad):
    with pytest.raises(ValueError, match="`hits` must be a non-negative integer count"):
        TwoByTwo(hits=bad, misses=0, false_alarms=0, correct_negatives=0)


def test_numpy_integers_are_coerced_to_int():
    table = TwoByTwo(np.int64(3), np.int32(1), np.uint8(2), 4.0)
    assert isinstance(table.hits, int) and table.correct_negatives == 4


def test_table_is_frozen():
    with pytest.raises(AttributeError):
        FINLEY.hits = 3  # type: ignore[misc]


def test_free_functions_reject_non_table():
    with pytest.raises(ValueError, match="`table` must be a TwoByTwo instance, but tuple"):
        pod((1, 2, 3, 4))


def test_zero_denominators_give_nan_without_warnings():
    empty = TwoByTwo(0, 0, 0, 0)
    no_events = TwoByTwo(hits=0, misses=0, false_alarms=3, correct_negatives=5)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert all(math.isnan(v) for v in empty.scores().values())
        assert math.isnan(pod(no_events))
        assert math.isnan(frequency_bias(no_events))
        assert math.isnan(pss(no_events))
        assert far(no_events) == 1.0
        assert pofd(no_events) == pytest.approx(3 / 8)


def test_perfect_forecast_scores_one():
    perfect = TwoByTwo(hits=5, misses=0, false_alarms=0, correct_negatives=7)
    for name in ("pod", "csi", "frequency_bias", "hss", "pss", "ets", "accuracy"):
        assert perfect.scores()[name] == pytest.approx(1.0), name
    assert perfect.scores()["far"] == 0.0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.booleans(), st.booleans()), min_size=2, max_size=60).filter(
        lambda pairs: len({o for _, o in pairs}) == 2 and len({f for f, _ in pairs}) == 2
    )
)
def test_hss_and_pss_match_sklearn(pairs):
    # Independent recomputation: the 2x2 HSS is Cohen's kappa, the PSS is
    # Youden's J = sensitivity + specificity - 1 (sklearn's adjusted balanced accuracy).
    flagged = [f for f, _ in pairs]
    observed = [o for _, o in pairs]
    table = TwoByTwo.from_arrays(flagged, observed)
    assert table.n == len(pairs)
    assert hss(table) == pytest.approx(cohen_kappa_score(observed, flagged), abs=1e-12)
    assert pss(table) == pytest.approx(
        balanced_accuracy_score(observed, flagged, adjusted=True), abs=1e-12
    )
    assert pss(table) == pytest.approx(pod(table) - pofd(table), abs=1e-12)
