"""Tests of sra_analysis.review.spans.merge_spans: runs of touching windows in one ring."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sra_analysis import load_event, review_windows
from sra_analysis.resources import sample_dir
from sra_analysis.review.spans import SPAN_COLUMNS, merge_spans

TZ = "Asia/Jakarta"
LEVELS = pd.CategoricalDtype(["none", "low", "medium", "high", "extreme"], ordered=True)


def _t(*values: str) -> pd.DatetimeIndex:
    return (
        pd.DatetimeIndex(pd.to_datetime(list(values), format="ISO8601"))
        .tz_localize(TZ)
        .as_unit("us")
    )


def _windows(rows, rings=("1", "2")) -> pd.DataFrame:
    """Windows from (ring, start, end, incidents, disruptions, level, severity, officer_hours,
    mean_staff, planned_staff)."""
    ring, start, end, inc, dis, level, sev, oh, mean, plan = zip(*rows, strict=True)
    starts, ends = _t(*start), _t(*end)
    return pd.DataFrame(
        {
            "ring": pd.Categorical(ring, categories=list(rings)),
            "window_start": starts,
            "window_end": ends,
            "hours": (ends - starts) / pd.Timedelta(hours=1),
            "predicted_score": 0,
            "predicted_level": pd.Categorical(level, dtype=LEVELS),
            "incidents": np.array(inc, dtype=np.int64),
            "disruptions": np.array(dis, dtype=np.int64),
            "max_severity": np.array(sev, dtype=np.int64),
            "officer_hours": np.array(oh, dtype=float),
            "mean_staff": np.array(mean, dtype=float),
            "planned_staff": np.array(plan, dtype=float),
        }
    )


#: Ring 1: 10–11 and 11–12 touch (one span), 13–14 after a gap (another span). Ring 2: 11–12 at
#: the same time as ring 1's and 12–13 right after ring 1's 11–12 — rings never merge, so ring 2
#: is one span of its own. Rows are deliberately out of order.
ROWS = [
    ("1", "2024-03-01 13:00", "2024-03-01 14:00", 2, 1, "high", 4, 5, 5, np.nan),
    ("2", "2024-03-01 12:00", "2024-03-01 13:00", 0, 0, "medium", 0, 5, 5, 4),  # above plan
    ("1", "2024-03-01 10:00", "2024-03-01 11:00", 1, 0, "high", 2, 5, 5, 6),
    ("1", "2024-03-01 11:00", "2024-03-01 12:00", 0, 0, "extreme", 0, 4, 4, 6),
    ("2", "2024-03-01 11:00", "2024-03-01 12:00", 1, 1, "low", 1, 2, 2, 4),
]


def test_touching_windows_merge_a_gap_splits_rings_never_merge():
    spans = merge_spans(_windows(ROWS))
    expected = pd.DataFrame(
        {
            "ring": pd.Series(["1", "1", "2"], dtype="str"),
            "start": _t("2024-03-01 10:00", "2024-03-01 13:00", "2024-03-01 11:00"),
            "end": _t("2024-03-01 12:00", "2024-03-01 14:00", "2024-03-01 13:00"),
            "hours": [2.0, 1.0, 2.0],
            "windows": np.array([2, 1, 2], dtype=np.int64),
            "incidents": np.array([1, 2, 1], dtype=np.int64),
            "disruptions": np.array([0, 1, 1], dtype=np.int64),
            "max_level": pd.Categorical(["extreme", "high", "medium"], dtype=LEVELS),
            "max_severity": np.array([2, 4, 1], dtype=np.int64),
            # 5 + 4; 5; 2 + 5
            "officer_hours": [9.0, 5.0, 7.0],
            # shortfall = max(0, planned − mean) × hours, 0 without a plan:
            # ring 1: (6 − 5)·1 + (6 − 4)·1 = 3; 13–14 no plan → 0;
            # ring 2: (4 − 2)·1 + 0 (5 on duty, 4 planned: more than planned is no shortfall)
            "shortfall_officer_hours": [3.0, 0.0, 2.0],
        }
    )
    assert list(spans.columns) == SPAN_COLUMNS
    assert_frame_equal(spans, expected, check_categorical=False)
    assert spans["max_level"].astype(str).tolist() == ["extreme", "high", "medium"]


def test_spans_follow_the_ring_display_order():
    # the ring categories say ring 2 is shown first (e.g. numbered from the inside out)
    spans = merge_spans(_windows(ROWS, rings=("2", "1")))
    assert spans["ring"].tolist() == ["2", "1", "1"]
    assert spans["start"].tolist() == list(
        _t("2024-03-01 11:00", "2024-03-01 10:00", "2024-03-01 13:00")
    )


def test_a_window_ending_where_the_next_begins_but_of_uneven_length_still_merges():
    rows = [
        ("1", "2024-03-01 07:00", "2024-03-01 09:15", 1, 0, "high", 2, 4, 2, np.nan),
        ("1", "2024-03-01 09:15", "2024-03-01 10:00", 0, 0, "high", 0, 1, 4 / 3, np.nan),
        ("1", "2024-03-01 10:00:01", "2024-03-01 11:00", 0, 0, "high", 0, 1, 1, np.nan),
    ]
    spans = merge_spans(_windows(rows))
    # 07:00–10:00 is one run of 3 h; a second's gap before 10:00:01 starts another
    assert spans["windows"].tolist() == [2, 1]
    assert spans["hours"].tolist() == pytest.approx([3.0, 1.0 - 1 / 3600])


def test_empty_selection_gives_the_columns_and_no_rows():
    spans = merge_spans(_windows(ROWS).iloc[:0])
    assert list(spans.columns) == SPAN_COLUMNS
    assert spans.empty


def test_input_is_not_mutated():
    windows = _windows(ROWS)
    before = windows.copy(deep=True)
    merge_spans(windows)
    assert_frame_equal(windows, before)


def _brute_force_runs(windows: pd.DataFrame) -> list[tuple[str, pd.Timestamp, pd.Timestamp, int]]:
    runs: list[list] = []
    for row in windows.sort_values(["ring", "window_start"]).itertuples(index=False):
        last = runs[-1] if runs else None
        if last is not None and last[0] == str(row.ring) and last[2] == row.window_start:
            last[2] = row.window_end
            last[3] += 1
        else:
            runs.append([str(row.ring), row.window_start, row.window_end, 1])
    return [tuple(run) for run in runs]


def test_spans_of_a_sample_event_equal_a_brute_force_walk():
    windows = review_windows(load_event(sample_dir() / "purwakarta-2024"), "1h")
    chosen = windows[windows["predicted_level"] >= "high"]
    spans = merge_spans(chosen)
    got = list(
        zip(spans["ring"], spans["start"], spans["end"], spans["windows"].tolist(), strict=True)
    )
    assert got == _brute_force_runs(chosen)
    assert spans["hours"].sum() == pytest.approx(chosen["hours"].sum())
    assert spans["incidents"].sum() == chosen["incidents"].sum()


def test_a_missing_level_in_a_run_is_skipped_and_a_run_of_missing_stays_missing():
    # ring 1: 10:00 (no level), 11:00 (high) in one run; ring 2: 10:00 (no level) alone
    t = pd.to_datetime(["2024-03-01 10:00", "2024-03-01 11:00", "2024-03-01 10:00"])
    levels = pd.Categorical([None, "high", None], categories=["low", "high"], ordered=True)
    w = pd.DataFrame({"ring": ["1", "1", "2"], "window_start": t,
                      "window_end": t + pd.Timedelta("1h"), "hours": 1.0,
                      "incidents": [2, 1, 4], "disruptions": [1, 0, 1],
                      "predicted_level": levels, "max_severity": [3, 1, 5],
                      "officer_hours": [4.0, 5.0, 2.0], "mean_staff": [4.0, 5.0, 2.0],
                      "planned_staff": [6.0, None, 3.0]})  # fmt: skip
    spans = merge_spans(w)
    assert spans["ring"].tolist() == ["1", "2"]
    assert spans["windows"].tolist() == [2, 1]
    assert spans["incidents"].tolist() == [3, 4]
    assert spans["max_severity"].tolist() == [3, 5]
    assert spans["max_level"].tolist()[0] == "high"
    assert pd.isna(spans["max_level"].tolist()[1])
    # below plan: ring 1 at 10:00 by 6 - 4 = 2 officer-hours; ring 2 by 3 - 2 = 1
    assert spans["shortfall_officer_hours"].tolist() == [2.0, 1.0]
