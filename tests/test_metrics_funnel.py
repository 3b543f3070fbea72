"""Tests of sra_analysis.metrics.funnel: exact binomial funnel limits, worked by hand."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from sra_analysis.metrics import binomial_funnel_limits, funnel_position


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
