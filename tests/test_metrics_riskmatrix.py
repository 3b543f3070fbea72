"""Tests of sra_analysis.metrics.riskmatrix (Cox 2008 checks of the SRA banding)."""

from __future__ import annotations

import pandas as pd
import pytest

from sra_analysis.metrics import check_risk_levels, risk_grid, weak_consistency_violations

DEFAULT = {"low": (1, 4), "medium": (5, 9), "high": (10, 14), "extreme": (15, 25)}


def _pairs(frame: pd.DataFrame) -> list[str]:
    return frame.loc[frame["rule"] == "betweenness", "detail"].tolist()


def test_default_banding_is_consistent():
    # Hand computation on the 5 x 5 grid (cell = (likelihood, impact), score = L*I):
    # extreme (>= 15): (3,5)=15, (5,3)=15, (4,4)=16, (4,5)=20, (5,4)=20, (5,5)=25
    # low (<= 4):      (1,1..4), (2,1), (3,1), (4,1), (2,2)
    # weak consistency: min extreme 15 > max low 4.
    # betweenness: edge neighbours of the extreme cells are (2,5)=10, (3,4)=12,
    # (4,3)=12, (5,2)=10 or other extreme cells - none is low, so no violation.
    check_risk_levels(DEFAULT)
    violations = weak_consistency_violations(DEFAULT)
    assert violations.empty
    assert list(violations.columns) == ["rule", "level", "detail"]


def test_low_band_reaching_5_breaks_betweenness_twice():
    # low (<= 5) now includes (1,5)=5 and (5,1)=5, whose edge neighbours (2,5)=10 and
    # (5,2)=10 are high (>= 10). No other low cell touches a high cell: (1,4)=4 -> (2,4)=8,
    # (2,2)=4 -> (3,2)=6/(2,3)=6, (3,1)=3 -> (3,2)=6, (4,1)=4 -> (4,2)=8.
    bands = {"low": (1, 5), "medium": (6, 9), "high": (10, 25)}
    check_risk_levels(bands)  # the banding itself is well formed
    violations = weak_consistency_violations(bands)
    assert violations["rule"].tolist() == ["betweenness", "betweenness"]
    assert violations["level"].tolist() == ["high", "high"]
    details = _pairs(violations)
    assert any(
        "likelihood 2, impact 5, score 10" in d and "impact 5, score 5" in d for d in details
    )
    assert any(
        "likelihood 5, impact 2, score 10" in d and "impact 1, score 5" in d for d in details
    )


def test_two_colour_matrix_violates_betweenness_eight_times():
    # high (>= 10) cells and their low (<= 9) edge neighbours, by hand:
    # (2,5): (1,5)=5, (2,4)=8 -> 2 ; (3,4): (2,4)=8, (3,3)=9 -> 2 ; (4,3): (3,3)=9, (4,2)=8 -> 2
    # (5,2): (4,2)=8, (5,1)=5 -> 2 ; (3,5), (4,4), (4,5), (5,3), (5,4), (5,5): 0  -> 8 pairs
    violations = weak_consistency_violations({"low": (1, 9), "high": (10, 25)})
    assert violations["rule"].tolist() == ["betweenness"] * 8


def test_reversed_order_breaks_weak_consistency():
    # "high" is listed last (top) but holds the small scores 1..9: every one of its
    # 15 cells (5 + 4 + 3 + 2 + 1 products <= 9, by likelihood row) is not above the
    # bottom level's maximum 25.
    bands = {"low": (10, 25), "high": (1, 9)}
    violations = weak_consistency_violations(bands)
    rules = violations["rule"].tolist()
    assert rules.count("order") == 1
    assert rules.count("weak_consistency") == 15
    with pytest.raises(ValueError, match=r"order at level 'high'.*\(1, 9\).*'low'"):
        check_risk_levels(bands)


def test_gap_is_named():
    bands = {"low": (1, 4), "medium": (6, 9), "high": (10, 14), "extreme": (15, 25)}
    with pytest.raises(ValueError, match=r"gap at level 'medium': scores 5 belong to no level"):
        check_risk_levels(bands)
    violations = weak_consistency_violations(bands)
    assert violations[["rule", "level"]].values.tolist() == [["gap", "medium"]]


def test_gap_at_the_top_and_range():
    with pytest.raises(ValueError, match=r"gap at level 'high': scores 21..25"):
        check_risk_levels({"low": (1, 9), "high": (10, 20)})
    with pytest.raises(ValueError, match=r"range at level 'high'.*outside the scores 1..25"):
        check_risk_levels({"low": (1, 9), "high": (10, 30)})
    with pytest.raises(ValueError, match=r"range at level 'low'"):
        check_risk_levels({"low": (0, 9), "high": (10, 25)})


def test_overlap_breaks_consistent_colouring():
    bands = {"low": (1, 5), "medium": (5, 9), "high": (10, 25)}
    with pytest.raises(ValueError, match=r"overlap at level 'medium': scores 5 belong to both"):
        check_risk_levels(bands)
    violations = weak_consistency_violations(bands)
    assert ["overlap", "medium"] in violations[["rule", "level"]].values.tolist()
    colouring = violations[violations["rule"] == "consistent_colouring"]
    assert colouring["detail"].tolist() == [
        "score 5 is assigned to levels ['low', 'medium'], so cells of equal risk "
        "may be coloured differently"
    ]


def test_empty_level():
    # 7 is not a product of two numbers in 1..5, so the level (7, 7) has no cell
    violations = weak_consistency_violations({"low": (1, 6), "odd": (7, 7), "high": (8, 25)})
    assert ["empty_level", "odd"] in violations[["rule", "level"]].values.tolist()


def test_single_level_has_nothing_to_compare():
    assert weak_consistency_violations({"all": (1, 25)}).empty


def test_other_grid_sizes():
    # 3 x 3 grid, scores 1..9; low (1,2): (1,1), (1,2), (2,1); high (6, 9): (2,3), (3,2), (3,3)
    # no low cell shares an edge with a high one -> consistent
    bands = {"low": (1, 2), "medium": (3, 5), "high": (6, 9)}
    check_risk_levels(bands, likelihood_levels=3, impact_levels=3)
    assert weak_consistency_violations(bands, likelihood_levels=3, impact_levels=3).empty
    with pytest.raises(ValueError, match="range at level 'high'"):
        check_risk_levels(DEFAULT, likelihood_levels=3, impact_levels=3)


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ({}, "`bands` must be a non-empty mapping"),
        ([(1, 25)], "`bands` must be a non-empty mapping"),
        ({"low": (4, 1)}, r"`bands\['low'\]` must be a pair of integers \(min, max\)"),
        ({"low": (1.5, 25)}, r"`bands\['low'\]` must be a pair of integers"),
        ({"low": 3}, r"`bands\['low'\]` must be a pair of integers"),
    ],
)
def test_malformed_bands_raise(bands, message):
    with pytest.raises(ValueError, match=message):
        weak_consistency_violations(bands)
    with pytest.raises(ValueError, match=message):
        check_risk_levels(bands)


def test_invalid_grid_size():
    with pytest.raises(ValueError, match="`likelihood_levels` must be a positive integer"):
        weak_consistency_violations(DEFAULT, likelihood_levels=0)


def test_risk_grid():
    grid = risk_grid(DEFAULT)
    assert list(grid.columns) == ["likelihood", "impact", "score", "level"]
    assert len(grid) == 25
    cell = grid[(grid["likelihood"] == 3) & (grid["impact"] == 5)].iloc[0]
    assert (cell["score"], cell["level"]) == (15, "extreme")
    assert grid["level"].value_counts().to_dict() == {
        # by hand: products <= 4: 8 cells; 5..9: 5, 5, 6, 6, 8, 8, 9 -> 7 cells;
        # 10..14: 10, 10, 12, 12 -> 4 cells; >= 15: 15, 15, 16, 20, 20, 25 -> 6 cells
        "low": 8,
        "medium": 7,
        "high": 4,
        "extreme": 6,
    }
    gap_grid = risk_grid({"low": (1, 4), "high": (10, 25)})
    assert gap_grid.loc[(gap_grid["score"] == 6), "level"].isna().all()


def test_bands_not_mutated():
    bands = dict(DEFAULT)
    weak_consistency_violations(bands)
    check_risk_levels(bands)
    assert bands == DEFAULT
