"""Tests of sra_analysis.metrics.rates (Poisson rates and their comparison)."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.rates import test_poisson_2indep as sm_test_poisson_2indep

from sra_analysis.metrics import (
    RateComparison,
    RateEstimate,
    compare_rates,
    conditional_rate_test,
    incidents_per_100_officer_hours,
    poisson_rate,
    poisson_rate_table,
)

# Exact 95% Poisson limits for the mean of a count x, from the standard table
# (Garwood 1936; as tabulated e.g. by Ulm 1990, Am. J. Epidemiol. 131:373-375,
# and Sahai & Khurshid 1993).
GARWOOD_95 = [
    (0, 0.0, 3.689),
    (1, 0.0253, 5.572),
    (5, 1.6235, 11.668),
    (10, 4.7954, 18.390),
]


@pytest.mark.parametrize(("count", "low", "high"), GARWOOD_95)
def test_garwood_published_limits(count, low, high):
    res = poisson_rate(count, 1.0)
    assert res.ci_low == pytest.approx(low, abs=1e-4)
    assert res.ci_high == pytest.approx(high, abs=1e-3)
    assert res.rate == count


def test_exposure_and_per_scale_the_limits():
    # 5 incidents over 250 officer-hours, per 100 hours: rate 2, limits x 100/250
    res = poisson_rate(5, 250, per=100)
    assert res == RateEstimate(
        count=5,
        exposure=250.0,
        rate=2.0,
        ci_low=pytest.approx(1.6235 * 0.4, abs=1e-4),
        ci_high=pytest.approx(11.668 * 0.4, abs=1e-3),
        confidence=0.95,
        per=100.0,
    )
    assert incidents_per_100_officer_hours(5, 250) == res


def test_lower_confidence_gives_narrower_interval():
    wide, narrow = poisson_rate(10, 2.0), poisson_rate(10, 2.0, confidence=0.8)
    assert wide.ci_low < narrow.ci_low < narrow.ci_high < wide.ci_high


def test_zero_exposure_gives_nan_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = poisson_rate(3, 0.0)
        assert math.isnan(res.rate) and math.isnan(res.ci_low) and math.isnan(res.ci_high)
        table = poisson_rate_table([3, 2], [0.0, 2.0])
    assert table["rate"].isna().tolist() == [True, False]
    assert table["ci_high"].isna().tolist() == [True, False]


def test_table_matches_scalar_function_and_keeps_index():
    counts = pd.Series([0, 1, 5, 10], index=["ring_a", "ring_b", "ring_c", "ring_d"])
    exposures = [10.0, 20.0, 40.0, 80.0]
    table = poisson_rate_table(counts, exposures, per=100, confidence=0.9)
    assert list(table.columns) == ["count", "exposure", "rate", "ci_low", "ci_high"]
    assert list(table.index) == list(counts.index)
    assert table["count"].dtype == np.int64
    for label, exposure in zip(counts.index, exposures, strict=True):
        single = poisson_rate(int(counts[label]), exposure, per=100, confidence=0.9)
        row = table.loc[label]
        assert row["rate"] == pytest.approx(single.rate)
        assert row["ci_low"] == pytest.approx(single.ci_low)
        assert row["ci_high"] == pytest.approx(single.ci_high)


def test_table_broadcasts_scalar_exposure():
    table = poisson_rate_table([0, 5], 1.0)
    assert table["ci_high"].tolist() == pytest.approx([3.689, 11.668], abs=1e-3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: poisson_rate(-1, 1.0), "`count` must be a non-negative integer count"),
        (lambda: poisson_rate(1.5, 1.0), "`count` must be a non-negative integer count"),
        (lambda: poisson_rate(1, -2.0), "`exposure` must be a finite non-negative number"),
        (lambda: poisson_rate(1, 1.0, confidence=1.0), "`confidence` must be a number strictly"),
        (lambda: poisson_rate_table([1, -1], [1, 1]), "`counts` must contain only non-negative"),
        (lambda: poisson_rate_table([1, 1], [1, np.inf]), "`exposures` must contain only finite"),
        (
            lambda: compare_rates(1, 1, 2, 1, alternative="bigger"),
            r"`alternative` must be one of \['two-sided', 'greater', 'less'\], but 'bigger'",
        ),
    ],
)
def test_invalid_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_table_does_not_mutate_inputs():
    counts = np.array([1, 2, 3])
    exposures = pd.Series([1.0, 0.0, 2.0])
    c_copy, e_copy = counts.copy(), exposures.copy()
    poisson_rate_table(counts, exposures)
    np.testing.assert_array_equal(counts, c_copy)
    pd.testing.assert_series_equal(exposures, e_copy)


def test_e_test_scipy_documented_example():
    # scipy.stats.poisson_means_test docstring (dodder seeds, Przyborowski & Wilenski
    # 1940): k1 = 0, n1 = 100, k2 = 3, n2 = 100 -> p = 0.0884 (two-sided E-test).
    res = compare_rates(0, 100, 3, 100)
    assert res.p_value == pytest.approx(0.0884, abs=5e-4)
    assert res.rate1 == 0.0 and res.rate2 == pytest.approx(0.03)
    assert res.rate_ratio == 0.0


@pytest.mark.parametrize(
    ("k1", "t1", "k2", "t2"), [(10, 100, 4, 120), (3, 50.5, 9, 61.0), (25, 400, 11, 380)]
)
@pytest.mark.parametrize("alternative", ["two-sided", "greater", "less"])
def test_e_test_matches_statsmodels(k1, t1, k2, t2, alternative):
    # statsmodels' independent E-test implementation (Wald-type statistic, as in K&T 2004)
    expected = sm_test_poisson_2indep(
        k1, t1, k2, t2, method="etest-wald", compare="diff", alternative=_sm(alternative)
    ).pvalue
    res = compare_rates(k1, t1, k2, t2, alternative=alternative)
    # the two implementations truncate the infinite Poisson sums differently (~1e-5)
    assert res.p_value == pytest.approx(expected, rel=1e-4)


def _sm(alternative: str) -> str:
    return {"two-sided": "two-sided", "greater": "larger", "less": "smaller"}[alternative]


@pytest.mark.parametrize(
    ("k1", "t1", "k2", "t2"), [(10, 100, 4, 120), (0, 30, 6, 45), (7, 9, 0, 12)]
)
def test_ratio_interval_exact_conditional(k1, t1, k2, t2):
    # Independent recomputation: Clopper-Pearson ("beta") limits for k1 of k1 + k2 from
    # statsmodels, mapped to the rate ratio R = pi/(1 - pi) * t2/t1.
    pi_low, pi_high = proportion_confint(k1, k1 + k2, alpha=0.05, method="beta")
    res = compare_rates(k1, t1, k2, t2)
    expected_low = pi_low / (1 - pi_low) * t2 / t1
    expected_high = math.inf if pi_high >= 1 else pi_high / (1 - pi_high) * t2 / t1
    assert res.ci_low == pytest.approx(expected_low, abs=1e-12)
    assert res.ci_high == pytest.approx(expected_high, rel=1e-9)


def test_one_sided_intervals():
    two = compare_rates(10, 100, 4, 120, confidence=0.90)
    greater = compare_rates(10, 100, 4, 120, confidence=0.95, alternative="greater")
    less = compare_rates(10, 100, 4, 120, confidence=0.95, alternative="less")
    # a one-sided 95% bound equals the corresponding limit of the two-sided 90% interval
    assert greater.ci_low == pytest.approx(two.ci_low) and greater.ci_high == math.inf
    assert less.ci_high == pytest.approx(two.ci_high) and less.ci_low == 0.0


def test_degenerate_comparisons():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        no_exposure = compare_rates(3, 0.0, 2, 10.0)
        no_events = compare_rates(0, 10.0, 0, 12.0)
        zero_rate2 = compare_rates(4, 10.0, 0, 12.0)
    assert all(
        math.isnan(v) for v in (no_exposure.rate1, no_exposure.rate_ratio, no_exposure.p_value)
    )
    assert no_events.p_value == 1.0 and math.isnan(no_events.rate_ratio)
    assert math.isnan(zero_rate2.rate_ratio) and zero_rate2.ci_high == math.inf
    assert isinstance(zero_rate2, RateComparison)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 40),
    st.floats(1.0, 500.0),
    st.integers(0, 40),
    st.floats(1.0, 500.0),
)
def test_ratio_interval_contains_estimate(k1, t1, k2, t2):
    res = compare_rates(k1, t1, k2, t2)
    if k2 > 0 and k1 + k2 > 0:
        assert res.ci_low <= res.rate_ratio <= res.ci_high
    assert 0.0 <= res.p_value <= 1.0 or math.isnan(res.p_value)


def test_conditional_test_hand_worked():
    # 12 disruptions in 30 flagged hours against 9 in 162 others. Given the 21 disruptions,
    # equal rates make the flagged count X ~ Binomial(21, 30/192 = 0.15625):
    # P(X = 12) = C(21,12) · 0.15625^12 · 0.84375^9 ≈ 1.34899e-05, P(X = 13) ≈ 1.72947e-06,
    # P(X ≥ 14) ≈ 2.0e-07: P(X ≥ 12) ≈ 1.5419e-05
    p = conditional_rate_test(12, 30, 9, 162)
    assert p == pytest.approx(1.5419e-05, rel=1e-4)
    assert compare_rates(12, 30, 9, 162, alternative="greater").exact_p_value == p
    # the other tail: none of 9 in the flagged hours, P(X ≤ 0) = 0.84375^9
    assert conditional_rate_test(0, 30, 9, 162, alternative="less") == pytest.approx(0.84375**9)
    # no events: nothing to tell apart; no exposure: no rate
    assert conditional_rate_test(0, 30, 0, 162) == 1.0
    assert math.isnan(conditional_rate_test(3, 0, 9, 162))


def test_conditional_test_rejects_bad_alternative():
    with pytest.raises(ValueError, match="`alternative` must be one of"):
        conditional_rate_test(1, 1, 1, 1, alternative="bigger")
