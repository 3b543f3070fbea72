"""Tests of sra_analysis.metrics.funnel: exact binomial funnel limits, worked by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from sra_analysis.metrics import binomial_funnel_limits, funnel_position
from sra_analysis.metrics.funnel import common_risk_ratio, equivalent_share, expected_capture


def test_limits_for_a_fair_coin_of_ten_from_the_binomial_table():
    # Binomial(10, 1/2): P(Y <= 1) = 11/1024, P(Y <= 2) = 56/1024 (Pascal's row 1 10 45 ...).
    # 95 %: tail 0.025 = 25.6/1024; r = 2, alpha = (56 - 25.6) / 45 = 0.675556,
    # lower = (2 - 0.675556) / 10 = 0.1324444, upper = 1 - lower (the mirror image).
    # 99.8 %: tail 0.001 = 1.024/1024; r = 1, alpha = (11 - 1.024) / 10 = 0.9976,
    # lower = (1 - 0.9976) / 10 = 0.00024.
    limits = binomial_funnel_limits([10], p0=0.5)
    assert limits["level"].tolist() == [0.95, 0.998]
    assert limits["lower"].tolist() == pytest.approx([0.1324444, 0.00024], abs=1e-7)
    assert limits["upper"].tolist() == pytest.approx([0.8675556, 0.99976], abs=1e-7)


def test_limits_for_a_small_unequal_share():
    # Binomial(5, 0.2): P(Y = 0) = 0.32768 >= 0.025, so r = 0 and the lower limit is clipped
    # to 0. Upper: counts of failures are Binomial(5, 0.8) with P(<= 1) = 0.00672 and
    # P(<= 2) = 0.05792; r = 2, alpha = (0.05792 - 0.025) / 0.0512 = 0.64296875, so the
    # upper limit is 1 - (2 - 0.64296875) / 5 = 0.72859375.
    limits = binomial_funnel_limits([5], p0=0.2, levels=[0.95])
    assert limits.loc[0, "lower"] == 0.0
    assert limits.loc[0, "upper"] == pytest.approx(0.72859375, abs=1e-9)


@pytest.mark.parametrize(("n", "p0"), [(1, 0.3), (7, 0.5), (23, 0.62), (60, 0.08), (200, 0.9)])
def test_a_whole_count_is_outside_exactly_when_its_exact_tail_is_below(n, p0):
    # the limits agree with the exact one-sided binomial tail probabilities at every count
    y = np.arange(n + 1)
    position = funnel_position(y, np.full(n + 1, n), p0=p0)
    for level, pct in ((0.95, "95"), (0.998, "99_8")):
        tail = (1 - level) / 2
        below = stats.binom.cdf(y, n, p0) < tail
        above = stats.binom.sf(y - 1, n, p0) < tail
        assert ((position["share"] < position[f"lower_{pct}"]).to_numpy() == below).all()
        assert ((position["share"] > position[f"upper_{pct}"]).to_numpy() == above).all()


def test_limits_narrow_as_units_grow_and_rows_follow_the_sizes_given():
    limits = binomial_funnel_limits([100, 10, 1000], p0=0.4, levels=[0.95])
    assert limits["n"].tolist() == [100, 10, 1000]
    width = (limits["upper"] - limits["lower"]).to_numpy()
    assert width[2] < width[0] < width[1]
    wider = binomial_funnel_limits([100], p0=0.4, levels=[0.998])
    assert wider.loc[0, "lower"] < limits.loc[0, "lower"] < 0.4 < limits.loc[0, "upper"]


def test_position_names_the_widest_level_crossed():
    # pooled 1/2 over 10: 1/10 is below the 95 % lower limit 0.132 but not the 99.8 % one
    position = funnel_position([1, 5, 10, 0], [10, 10, 10, 10], p0=0.5)
    assert position["outside"].tolist()[:3] == [0.95, pytest.approx(np.nan, nan_ok=True), 0.998]
    assert position["outside"].iloc[3] == 0.998  # P(Y = 0) = 1/1024 < 0.001


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: binomial_funnel_limits([10], p0=0.0), "`p0` must be strictly between 0 and 1"),
        (lambda: binomial_funnel_limits([10], p0=1.2), "`p0` must be strictly between 0 and 1"),
        (lambda: binomial_funnel_limits([0], p0=0.5), "`n` must be whole numbers ≥ 1"),
        (lambda: binomial_funnel_limits([2.5], p0=0.5), "`n` must be whole numbers ≥ 1"),
        (lambda: binomial_funnel_limits([5], p0=0.5, levels=[95]), "`levels` must be"),
        (lambda: funnel_position([6], [5], p0=0.5), "0 ≤ y ≤ n"),
        (lambda: funnel_position([1, 2], [5], p0=0.5), "same length"),
    ],
)
def test_bad_arguments_are_named(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_expected_capture_is_bayes_rule_over_flagged_and_other_windows():
    # a quarter flagged, flagged windows 3× as risky: P(flagged | disrupted)
    # = 0.25·3 / (0.25·3 + 0.75·1) = 0.5; R = 1 is flagging at random: the flagged share
    assert expected_capture([0.25, 0.25, 0.1], risk_ratio=3.0).tolist()[:2] == [0.5, 0.5]
    assert expected_capture([0.1], risk_ratio=1.0).tolist() == pytest.approx([0.1])
    assert expected_capture([0.0, 1.0], risk_ratio=1e9).tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match="flagged_share must lie in"):
        expected_capture([1.5], risk_ratio=2.0)


def test_common_risk_ratio_matches_the_observed_total():
    # R² − 2.5R − 13.5 = 0 solves 10·R/(R + 1) + 10·R/(R + 9) = 12 (flagged shares 1/2, 1/10)
    ratio = common_risk_ratio([0.5, 0.1], [10, 10], [9, 3])
    assert ratio == pytest.approx((2.5 + 60.25**0.5) / 2, rel=1e-9)
    # nothing flagged was ever disrupted, or everything disrupted was flagged: no finite ratio
    assert np.isnan(common_risk_ratio([0.5, 0.1], [10, 10], [0, 0]))
    assert np.isnan(common_risk_ratio([0.5, 0.1], [10, 10], [10, 10]))


def test_equivalent_share_keeps_each_count_exactly_as_far_out_in_its_tail():
    # when the unit's own expectation is the funnel's centre, a share in a tail is y / n:
    # F(y) = a puts r = y and alpha = 0 in Spiegelhalter's interpolation
    assert equivalent_share([1, 2, 8], [10, 10, 10], p=0.5, p0=0.5).tolist() == [0.1, 0.2, 0.8]
    # otherwise: outside the limits at level L exactly when the exact tail probability of y
    # under the unit's own p is below (1 - L) / 2, recomputed here with scipy's binomial
    rng = np.random.default_rng(11)
    n = rng.integers(3, 80, 400)
    p = rng.uniform(0.05, 0.97, 400)
    y = rng.binomial(n, np.clip(p + rng.normal(0, 0.15, 400), 0, 1))
    share = equivalent_share(y, n, p=p, p0=0.6)
    placed = funnel_position(share * n, n, p0=0.6)
    tail = np.minimum(stats.binom.cdf(y, n, p), stats.binom.sf(y - 1, n, p))
    for level, column in ((0.95, "95"), (0.998, "99_8")):
        beyond = (placed["share"] < placed[f"lower_{column}"]) | (
            placed["share"] > placed[f"upper_{column}"]
        )
        limit_clipped = (placed[f"lower_{column}"] == 0) | (placed[f"upper_{column}"] == 1)
        exact = tail < (1 - level) / 2
        agree = (beyond.to_numpy() == exact) | limit_clipped.to_numpy()
        assert agree.all(), level
    # a count its own expectation makes likely sits in the middle of the funnel
    assert equivalent_share([10], [10], p=0.995, p0=0.6).tolist() == [0.6]
