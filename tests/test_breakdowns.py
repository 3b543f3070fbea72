"""Tests of sra_analysis.review.breakdowns, on the hand-worked night event
(``tests/_night_event.py``: 1 March 20:00 – 2 March 04:00 WIB, 1-hour windows).

Hand count, flag level high. Ring 1: 20:00 and 21:00 extreme (R1), the rest medium (R2);
I1 (disruption) at 21:10, I2 at 01:30. Ring 2: all medium; I3 at 22:15. Ring 3: 02:00 and
03:00 high (R3); I4 (disruption) at 02:45; O4 on duty from 00:00 only.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from _night_event import night_event
from scipy import stats

from sra_analysis.review.breakdowns import rate_by_level_per_ring, scores_by_day, staffing_by_day
from sra_analysis.review.evaluate import evaluate

DAY1, DAY2 = pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-02")


@pytest.fixture
def windows(build_event):
    return evaluate(night_event(build_event), n_resamples=0).windows


def test_scores_by_day_count_each_ring_on_each_day(windows):
    before = windows.copy()
    table = scores_by_day(windows)
    pd.testing.assert_frame_equal(windows, before)
    assert list(table.columns) == [
        "ring", "day", "hours", "flagged_hours", "incidents", "disruptions", "hits", "misses",
        "false_alarms", "correct_negatives", "pod", "far",
    ]  # fmt: skip
    assert table[["ring", "day"]].values.tolist() == [
        ["1", DAY1], ["1", DAY2], ["2", DAY1], ["2", DAY2], ["3", DAY1], ["3", DAY2],
    ]  # fmt: skip
    counts = table[["hits", "misses", "false_alarms", "correct_negatives"]].values.tolist()
    # ring 1 day 1: 21:00 hit, 20:00 false alarm, 22:00 and 23:00 quiet; day 2 quiet but I2
    # ring 3 day 2: 02:00 hit, 03:00 false alarm, 00:00 and 01:00 quiet
    assert counts == [[1, 0, 1, 2], [0, 0, 0, 4], [0, 0, 0, 4], [0, 0, 0, 4], [0, 0, 0, 4],
                      [1, 0, 1, 2]]  # fmt: skip
    assert table["hours"].tolist() == [4.0] * 6
    assert table["flagged_hours"].tolist() == [2.0, 0.0, 0.0, 0.0, 0.0, 2.0]
    assert table["incidents"].tolist() == [1, 1, 1, 0, 0, 1]  # I5 is before the first window
    assert table["disruptions"].tolist() == [1, 0, 0, 0, 0, 1]
    # POD = hits / (hits + misses), FAR = false alarms / (hits + false alarms); undefined: NaN
    assert table.loc[0, "pod"] == 1.0 and table.loc[0, "far"] == 0.5
    assert table.loc[5, "pod"] == 1.0 and table.loc[5, "far"] == 0.5
    assert table.loc[1:4, ["pod", "far"]].isna().all().all()


def test_staffing_by_day_sets_officer_hours_against_the_plan(windows):
    table = staffing_by_day(windows).set_index(["ring", "day"])
    # ring 1 day 1: O1 and O2 20:00–24:00 = 8 officer-hours; R1 plans 3 for 20:00–22:00,
    # 2 were there: 2 planned hours, 6 planned officer-hours, 2 below plan, 1 + 1 short
    row = table.loc[("1", DAY1)]
    assert row["officer_hours"] == 8.0
    assert (row["planned_hours"], row["planned_officer_hours"]) == (2.0, 6.0)
    assert (row["hours_below_plan"], row["shortfall_officer_hours"]) == (2.0, 2.0)
    assert row["incidents_per_100_officer_hours"] == 100 * 1 / 8
    row = table.loc[("1", DAY2)]  # O2 00:00–04:00, no plan, I2
    assert (row["officer_hours"], row["planned_hours"], row["shortfall_officer_hours"]) == (
        4.0, 0.0, 0.0,
    )  # fmt: skip
    assert row["incidents_per_100_officer_hours"] == 25.0
    row = table.loc[("3", DAY1)]  # nobody on duty before midnight: no rate, not zero
    assert row["officer_hours"] == 0.0 and math.isnan(row["incidents_per_100_officer_hours"])
    assert table["officer_hours"].sum() == windows["officer_hours"].sum() == 8 + 4 + 8 + 4


def test_rate_by_level_per_ring_has_each_rings_own_rates(windows):
    table = rate_by_level_per_ring(windows)
    assert table[["ring", "level", "hours", "incidents", "disruptions"]].values.tolist() == [
        ["1", "medium", 6.0, 1, 0], ["1", "extreme", 2.0, 1, 1],
        ["2", "medium", 8.0, 1, 0],
        ["3", "medium", 6.0, 0, 0], ["3", "high", 2.0, 1, 1],
    ]  # fmt: skip
    high = table[(table["ring"] == "3") & (table["level"] == "high")].iloc[0]
    assert high["incident_rate"] == 0.5
    # exact (Garwood) 95% interval of 1 event in 2 hours, from the chi-square quantiles
    low, up = stats.chi2.ppf(0.025, 2) / 2 / 2, stats.chi2.ppf(0.975, 4) / 2 / 2
    assert np.allclose([high["incident_ci_low"], high["incident_ci_high"]], [low, up])


def test_empty_windows_give_empty_tables(windows):
    none = windows.iloc[:0]
    assert rate_by_level_per_ring(none).empty and scores_by_day(none).empty
    assert staffing_by_day(none).empty
