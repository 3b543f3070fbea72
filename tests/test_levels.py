"""Tests of sra_analysis.levels: the banding of likelihood × impact scores into risk levels."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.levels import (
    DEFAULT_RISK_BANDS,
    NO_RISK_LEVEL,
    SEVERITY_DTYPE,
    SEVERITY_LEVELS,
    SEVERITY_SCALE,
    RiskLevels,
    check_flag_level,
    check_risk_level,
    check_severity,
    severity_level,
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
    with pytest.raises(
        ParameterError, match=re.escape(f"level must be one of {ALL}, got 'severe'")
    ):
        default_levels.rank("severe")


# ------------------------------------------------ the validators: one message for each rule

#: The default level names, written out by hand from DESIGN.md §2 (low 1–4 ... extreme 15–25).
ALL = "['none', 'low', 'medium', 'high', 'extreme']"
FLAGGABLE = "['low', 'medium', 'high', 'extreme']"


@pytest.mark.parametrize("flag_level", ["low", "medium", "high", "extreme"])
def test_check_flag_level_returns_a_level_above_none(flag_level):
    assert check_flag_level(flag_level) == flag_level


@pytest.mark.parametrize(
    ("flag_level", "shown"),
    [("none", "'none'"), ("bogus", "'bogus'"), ("HIGH", "'HIGH'"), (3, "3"), (None, "None")],
)
def test_check_flag_level_names_argument_allowed_values_and_value(flag_level, shown):
    message = f"flag_level must be one of {FLAGGABLE}, got {shown}"
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_flag_level(flag_level)


def test_check_flag_level_follows_the_events_own_levels():
    custom = RiskLevels.from_mapping({"rendah": [1, 9], "tinggi": [10, 25]})
    assert check_flag_level("tinggi", levels=custom) == "tinggi"
    message = "flag_level must be one of ['rendah', 'tinggi'], got 'high'"
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_flag_level("high", levels=custom)
    # the categories of a windows table's predicted_level, "none" first, serve as well
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_flag_level("high", levels=["none", "rendah", "tinggi"])


def test_check_risk_level_accepts_none_and_names_its_argument():
    assert check_risk_level("none") == "none"
    message = f"min_level must be one of {ALL}, got 'severe'"
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_risk_level("severe", name="min_level")


@pytest.mark.parametrize(("severity", "expected"), [(1, 1), (5, 5), (4.0, 4), (np.int8(3), 3)])
def test_check_severity_returns_the_whole_number(severity, expected):
    checked = check_severity(severity)
    assert checked == expected and type(checked) is int


@pytest.mark.parametrize(
    ("severity", "shown"), [(0, "0"), (6, "6"), (2.5, "2.5"), (True, "True"), ("4", "'4'")]
)
def test_check_severity_names_argument_scale_and_value(severity, shown):
    message = f"severity must be one of [1, 2, 3, 4, 5], got {shown}"
    with pytest.raises(ParameterError, match=re.escape(message)):
        check_severity(severity)
    with pytest.raises(ParameterError, match=re.escape("max_severity must be one of [1, 2, 3")):
        check_severity(severity, name="max_severity")


def test_severity_level_bands_the_scale_into_the_default_levels():
    # the mapping stated in DESIGN for the square table: 1–2 low, 3 medium, 4 high, 5 extreme;
    # a window without incidents (0, or missing) is "none"
    levels = severity_level(pd.Series([0, 1, 2, 3, 4, 5, None], dtype="Int64"))
    assert list(levels) == ["none", "low", "low", "medium", "high", "extreme", "none"]
    assert list(levels.categories) == ["none", "low", "medium", "high", "extreme"]
    assert levels.ordered
    assert SEVERITY_LEVELS == {1: "low", 2: "low", 3: "medium", 4: "high", 5: "extreme"}
    # the incidents' own dtype is read as well
    on_scale = pd.Series([5, 1], dtype=SEVERITY_DTYPE)
    assert list(severity_level(on_scale)) == ["extreme", "low"]


def test_severity_level_refuses_a_value_off_the_scale():
    message = "severity must be one of [1, 2, 3, 4, 5], got 7"
    with pytest.raises(ParameterError, match=re.escape(message)):
        severity_level([3, 7])


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
