"""Tests of sra_analysis.levels: the banding of likelihood × impact scores into risk levels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.levels import (
    DEFAULT_RISK_BANDS,
    NO_RISK_LEVEL,
    SEVERITY_DTYPE,
    SEVERITY_SCALE,
    RiskLevels,
)


@pytest.fixture
def default_levels() -> RiskLevels:
    return RiskLevels.from_mapping(None)


def test_default_bands_are_the_documented_ones(default_levels):
    # DESIGN.md §2: low 1–4, medium 5–9, high 10–14, extreme 15–25
    assert default_levels.to_dict() == {
        "low": [1, 4],
        "medium": [5, 9],
        "high": [10, 14],
        "extreme": [15, 25],
    }
    assert default_levels == RiskLevels.from_mapping(DEFAULT_RISK_BANDS)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, "none"),  # no register item covers the window
        (1, "low"),
        (4, "low"),  # 2 × 2
        (5, "medium"),  # 5 × 1
        (9, "medium"),  # 3 × 3: the top of medium
        (10, "high"),  # 2 × 5: the bottom of high
        (14, "high"),
        (15, "extreme"),  # 3 × 5
        (25, "extreme"),  # 5 × 5
    ],
)
def test_level_of_hand_worked_scores(default_levels, score, level):
    assert list(default_levels.level_of([score])) == [level]


def test_level_of_returns_ordered_categorical(default_levels):
    levels = default_levels.level_of([12, 3, 0, np.nan])
    assert levels.dtype == default_levels.dtype
    assert levels.ordered
    assert list(levels.categories) == ["none", "low", "medium", "high", "extreme"]
    # NaN (unknown score) is missing, not "none"
    assert levels.isna().tolist() == [False, False, False, True]
    # ordered: comparisons follow the bands, not the alphabet ("high" < "low" as text)
    assert levels.codes.tolist() == [3, 1, 0, -1]
    assert (pd.Series(levels[:3]) >= "low").tolist() == [True, True, False]


def test_names_start_with_no_risk_level(default_levels):
    assert default_levels.names == (NO_RISK_LEVEL, "low", "medium", "high", "extreme")
    assert default_levels.rank("none") == 0
    assert default_levels.rank("high") == 3


def test_rank_rejects_unknown_level(default_levels):
    with pytest.raises(ParameterError, match=r"flag_level must be one of .*got 'severe'"):
        default_levels.rank("severe")


def test_custom_three_level_banding():
    levels = RiskLevels.from_mapping({"rendah": [1, 6], "sedang": [7, 14], "tinggi": [15, 25]})
    # written out of order: bands are sorted by their low bound
    shuffled = RiskLevels.from_mapping({"tinggi": [15, 25], "rendah": [1, 6], "sedang": [7, 14]})
    assert levels == shuffled
    assert list(levels.level_of([0, 6, 7, 14, 15])) == [
        "none",
        "rendah",
        "sedang",
        "sedang",
        "tinggi",
    ]


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        # a gap: nothing covers 5
        ({"low": [1, 4], "high": [6, 25]}, r"level 'high' starts at 6, expected 5"),
        # an overlap: 9 and 10 would be both medium and high
        (
            {"low": [1, 4], "medium": [5, 10], "high": [9, 25]},
            r"level 'high' starts at 9, expected 11",
        ),
        ({"low": [2, 25]}, r"level 'low' starts at 2, expected 1"),
        ({"low": [1, 4], "high": [5, 20]}, r"highest band ends at 20, expected 25"),
        ({"low": [1, 4], "high": [5, 30]}, r"highest band ends at 30, expected 25"),
        ({"low": [1, 0], "high": [1, 25]}, r"high 0 < low 1"),
        ({"none": [1, 25]}, r"'none' is repeated or reserved"),
        ({"low": [1, 4, 9], "high": [10, 25]}, r"level 'low' must be \[low, high\]"),
        ({"low": 4, "high": [5, 25]}, r"level 'low' must be \[low, high\], got 4"),
        ([[1, 4], [5, 25]], r"risk_levels must map level names to \[low, high\]"),
        ({}, r"at least one level"),
    ],
)
def test_invalid_bandings_are_rejected(bands, message):
    with pytest.raises(ParameterError, match=message):
        RiskLevels.from_mapping(bands)


def test_severity_scale_is_ordered_one_to_five():
    assert SEVERITY_SCALE == (1, 2, 3, 4, 5)
    assert SEVERITY_DTYPE.ordered
    severities = pd.Series([5, 1, 3], dtype=SEVERITY_DTYPE)
    assert severities.sort_values().tolist() == [1, 3, 5]
