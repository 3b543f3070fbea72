"""Tests of sra_analysis.metrics.chance: capture against random flagging, worked by hand."""

from __future__ import annotations

import math

import pytest
from scipy import stats

from sra_analysis.metrics import capture_vs_chance
from sra_analysis.review.verdict import MIN_EPISODES


def test_hand_worked_binomial_tail():
    # 3 of 4 disrupted windows flagged, 22 % of ring-hours flagged:
    # P(X >= 3) = C(4,3)·0.22³·0.78 + 0.22⁴ = 0.03322176 + 0.00234256
    result = capture_vs_chance(3, 4, 0.22)
    assert result.p_value == pytest.approx(0.03556432, rel=1e-9)
    assert result.expected == pytest.approx(4 * 0.22)
    assert result.share == pytest.approx(0.75)
    assert result.pai == pytest.approx(0.75 / 0.22)
    assert result.beats_chance()


def test_everything_caught_gives_the_closed_form_lower_bound():
    # h = n: the one-sided Clopper–Pearson lower bound solves L^n = alpha, so L = 0.05^(1/4)
    result = capture_vs_chance(4, 4, 0.25)
    assert result.share_lower == pytest.approx(0.05 ** (1 / 4), rel=1e-9)
    assert result.pai_lower == pytest.approx(0.05 ** (1 / 4) / 0.25, rel=1e-9)
    # and the p-value is a^n: (1/4)^4
    assert result.p_value == pytest.approx(0.25**4)


@pytest.mark.parametrize(("hits", "observed", "share"), [(2, 2, 1 / 3), (1, 1, 0.4), (5, 9, 0.2)])
def test_lower_bound_above_share_exactly_when_p_below_alpha(hits, observed, share):
    result = capture_vs_chance(hits, observed, share)
    assert (result.share_lower > share) == (result.p_value < 0.05)
    assert (result.pai_lower > 1) == result.beats_chance()


def test_flagging_everything_proves_nothing():
    # a register that flags every ring-hour catches every disrupted window by construction
    result = capture_vs_chance(22, 22, 1.0)
    assert result.p_value == 1.0 and not result.beats_chance()
    assert result.pai == pytest.approx(1.0)


def test_nothing_observed_and_nothing_flagged():
    empty = capture_vs_chance(0, 0, 0.3)
    assert math.isnan(empty.p_value) and not empty.beats_chance() and empty.expected == 0
    unflagged = capture_vs_chance(0, 3, 0.0)
    assert unflagged.p_value == 1.0 and math.isnan(unflagged.pai)


def test_binomial_is_more_cautious_than_the_hypergeometric_draw_of_windows():
    # 100 equal windows, 20 flagged, 8 disrupted of which 5 flagged: drawing the disrupted
    # windows without replacement gives the hypergeometric tail, which is the smaller one
    binomial = capture_vs_chance(5, 8, 0.2).p_value
    hypergeometric = stats.hypergeom(100, 20, 8).sf(4)
    assert hypergeometric < binomial < 0.05


def test_minimum_for_sufficient_evidence_follows_from_power():
    # the documented rationale of MIN_EPISODES: with 20 % flagged, the level-0.05
    # test detects PAI 3 (capture probability 0.6) with ≥ 80 % power from 10 windows, not 9
    def power(n: int, a: float = 0.2, p1: float = 0.6) -> float:
        critical = next(k for k in range(n + 1) if stats.binom.sf(k - 1, n, a) < 0.05)
        return stats.binom.sf(critical - 1, n, p1)

    assert power(MIN_EPISODES) >= 0.8 > power(MIN_EPISODES - 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((5, 4, 0.2), "`hits` must not exceed `observed`"),
        ((1, 4, 1.5), r"`flagged_share` must be in \[0, 1\]"),
        ((-1, 4, 0.2), "hits"),
    ],
)
def test_bad_arguments_name_themselves(args, message):
    with pytest.raises(ValueError, match=message):
        capture_vs_chance(*args)
