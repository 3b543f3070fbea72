"""Tests of sra_analysis.metrics.capture (hit rate, PAI, PEI, PEI*)."""

from __future__ import annotations

import itertools
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sra_analysis.metrics import (
    CaptureSummary,
    capture_summary,
    hit_rate,
    max_capturable_events,
    pai,
    pei,
    pei_star,
    pei_star_from_counts,
)

# Hand-worked grid of 10 equal cells (total area A = 10), N = 40 events:
COUNTS = np.array([12, 0, 3, 9, 1, 6, 0, 2, 5, 2])
# flagged cells 0, 2, 4 -> n = 12 + 3 + 1 = 16, a = 3
FLAGGED = np.array([True, False, True, False, True, False, False, False, False, False])
# the 3 busiest cells hold 12 + 9 + 6 = 27 = n*
# hit rate = 16/40 = 0.4 ; PAI = 0.4 / (3/10) = 4/3 ; PEI* = 16/27


def test_hand_worked_scalar_measures():
    assert hit_rate(16, 40) == pytest.approx(0.4)
    assert pai(16, 40, 3, 10) == pytest.approx(4 / 3)
    # PAI_max = (27/40)/(3/10) = 2.25 -> PEI = (4/3)/2.25 = 16/27
    assert pei(16, 40, 3, 10, 27) == pytest.approx(16 / 27)
    assert pei_star(16, 27) == pytest.approx(16 / 27)


def test_pei_with_max_over_another_area():
    # Hunt (2016) style: best PAI found over 1 cell holding 12 of 40 events:
    # PAI_max = (12/40)/(1/10) = 3 ; PEI = (4/3)/3 = 4/9
    assert pei(16, 40, 3, 10, 12, max_area=1) == pytest.approx(4 / 9)


def test_pai_definition_hand_worked():
    # PAI = (n/N)/(a/A) as defined by Chainey, Tompson & Uhlig (2008); hand-worked:
    # 20% of the events in 5% of the area gives 0.20 / 0.05 = 4.
    assert pai(20, 100, 5, 100) == pytest.approx(4.0)


def test_capture_summary_hand_example():
    summary = capture_summary(COUNTS, FLAGGED)
    assert summary == CaptureSummary(
        events_in_flagged=16.0,
        events_total=40.0,
        flagged_area=3.0,
        total_area=10.0,
        max_events_in_area=27.0,
        hit_rate=pytest.approx(0.4),
        pai=pytest.approx(4 / 3),
        pei_star=pytest.approx(16 / 27),
    )
    assert pei_star_from_counts(COUNTS, FLAGGED) == pytest.approx(16 / 27)


def test_unequal_areas_hand_example():
    counts = [5, 0, 9, 2, 7]
    areas = [1.0, 1.0, 2.0, 1.0, 1.0]
    # budget 2.5: best feasible selections by hand: {9 (area 2)} = 9, {7, 5} (area 2) = 12,
    # {7, 5, 2} needs area 3 > 2.5 -> n* = 12
    assert max_capturable_events(counts, 2.5, areas=areas) == 12.0
    # flagging cells 0 and 3 (area 2, n = 7) -> PEI* = 7/12
    flagged = [True, False, False, True, False]
    assert pei_star_from_counts(counts, flagged, areas=areas) == pytest.approx(7 / 12)
    assert capture_summary(counts, flagged, areas=areas).pai == pytest.approx((7 / 23) / (2 / 6))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 20), min_size=1, max_size=8),
    st.data(),
)
def test_equal_area_n_star_matches_brute_force(counts, data):
    mask = data.draw(st.lists(st.booleans(), min_size=len(counts), max_size=len(counts)))
    k = sum(mask)
    best = max(sum(c) for c in itertools.combinations(counts, k)) if k else 0
    summary = capture_summary(counts, mask)
    assert summary.max_events_in_area == best
    assert summary.events_in_flagged <= summary.max_events_in_area
    if best:
        assert 0.0 <= summary.pei_star <= 1.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 20), st.integers(1, 4)), min_size=1, max_size=7),
    st.data(),
)
def test_unequal_area_n_star_bounds(cells, data):
    counts = [c for c, _ in cells]
    areas = [a for _, a in cells]
    mask = data.draw(st.lists(st.booleans(), min_size=len(cells), max_size=len(cells)))
    budget = sum(a for a, m in zip(areas, mask, strict=True) if m)
    exact = max(
        sum(counts[i] for i in subset)
        for r in range(len(cells) + 1)
        for subset in itertools.combinations(range(len(cells)), r)
        if sum(areas[i] for i in subset) <= budget
    )
    summary = capture_summary(counts, mask, areas=areas)
    # the greedy n* never exceeds the exact knapsack optimum and never falls below n
    assert summary.events_in_flagged <= summary.max_events_in_area <= exact


def test_zero_denominators_give_nan_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(hit_rate(0, 0))
        assert math.isnan(pai(0, 0, 1, 10))
        assert math.isnan(pai(0, 5, 0, 10))
        assert math.isnan(pai(0, 0, 0, 0))
        assert math.isnan(pei_star(0, 0))
        assert math.isnan(pei(0, 5, 0, 10, 0))
        assert math.isnan(pei_star_from_counts([0, 0, 0], [True, False, False]))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: hit_rate(5, 4), "`events_in_flagged` must not exceed `events_total`"),
        (lambda: pai(1, 4, 11, 10), "`flagged_area` must not exceed `total_area`"),
        (lambda: pai(-1, 4, 1, 10), "`events_in_flagged` must be a finite non-negative"),
        (lambda: pei_star(5, 4), "`events_in_flagged` must not exceed `max_events_in_area`"),
        (lambda: hit_rate("3", 4), "`events_in_flagged` must be a finite non-negative"),
        (
            lambda: pei_star_from_counts([1, 2], [True]),
            r"same length.*`counts_per_cell` has 2.*`flagged_mask` has 1",
        ),
        (lambda: pei_star_from_counts([1, -2], [True, False]), "non-negative counts"),
        (lambda: pei_star_from_counts([1, 2], [True, 2]), "`flagged_mask` must contain only"),
        (lambda: capture_summary([1, 2], [True, False], areas=[1]), "same length"),
        (lambda: capture_summary([1, 2], [True, False], areas=[1, -1]), "non-negative areas"),
    ],
)
def test_invalid_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_inputs_not_mutated():
    counts, flagged = COUNTS.copy(), FLAGGED.copy()
    areas = np.ones(10)
    capture_summary(counts, flagged, areas=areas)
    max_capturable_events(counts, 3, areas=areas)
    np.testing.assert_array_equal(counts, COUNTS)
    np.testing.assert_array_equal(flagged, FLAGGED)
    np.testing.assert_array_equal(areas, np.ones(10))
