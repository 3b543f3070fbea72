"""The staffing plan as written: the optional plan file, the register's one rule without it,
and planned against served. Every expected value is worked out by hand in a comment."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from conftest import write_event_folder

from sra_analysis import evaluate, load_event, review_windows
from sra_analysis.errors import ParameterError
from sra_analysis.labels import t
from sra_analysis.review.plan import plan_line, plan_source, plan_summary, plan_vs_served
from sra_analysis.review.slicing import slice_event

WIB = "Asia/Jakarta"


def _at(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=WIB)


def _planned(windows: pd.DataFrame, ring: str, start: str) -> float:
    row = windows[(windows["ring"] == ring) & (windows["window_start"] == _at(start))]
    return float(row["planned_staff"].iloc[0])


def _event(tmp_path, *, risks=(), staffing=(), plan=None, name="event", **changes):
    folder = write_event_folder(tmp_path / name, risks=risks, staffing=staffing, **changes)
    if plan is not None:
        (folder / "staffing_plan.csv").write_text(plan, encoding="utf-8")
    return load_event(folder)


# ------------------------------------------------------------------ the register's one rule

WHOLE_5 = {"risk_id": "R1", "threat": "Massa", "ring": "1", "likelihood": "2", "impact": "2",
           "planned_personnel": "5"}  # fmt: skip
NIGHT_3 = {"risk_id": "R2", "threat": "Malam", "ring": "1", "likelihood": "2", "impact": "2",
           "window_start": "2024-03-01 22:00", "window_end": "2024-03-02 06:00",
           "planned_personnel": "3"}  # fmt: skip


def test_a_night_row_of_3_inside_a_whole_event_row_of_5_plans_3_at_night(tmp_path):
    event = _event(tmp_path, risks=[WHOLE_5, NIGHT_3])
    windows = review_windows(event, "1h")
    assert _planned(windows, "1", "2024-03-01 23:00") == 3.0  # the night row, not max(3, 5)
    assert _planned(windows, "1", "2024-03-02 05:00") == 3.0
    assert _planned(windows, "1", "2024-03-02 06:00") == 5.0  # the night row has ended
    assert _planned(windows, "1", "2024-03-01 10:00") == 5.0
    assert windows.attrs["plan_source"] == "register"


def test_of_equal_spans_the_largest_number_plans(tmp_path):
    other_night = {**NIGHT_3, "risk_id": "R3", "planned_personnel": "4"}
    event = _event(tmp_path, risks=[WHOLE_5, NIGHT_3, other_night])
    assert _planned(review_windows(event, "1h"), "1", "2024-03-01 23:00") == 4.0


def test_rows_for_all_rings_never_set_a_rings_plan(tmp_path):
    every_ring = {**WHOLE_5, "risk_id": "R9", "ring": "all", "planned_personnel": "9"}
    event = _event(tmp_path, risks=[WHOLE_5, every_ring])
    windows = review_windows(event, "1h")
    assert _planned(windows, "1", "2024-03-01 10:00") == 5.0
    assert windows.loc[windows["ring"] == "2", "planned_staff"].isna().all()


def test_without_any_planned_personnel_the_source_is_none(tmp_path):
    event = _event(tmp_path, risks=[{**WHOLE_5, "planned_personnel": ""}])
    assert plan_source(event) == "none"
    assert review_windows(event, "1h")["planned_staff"].isna().all()
    assert plan_vs_served(event).empty
    assert plan_summary(event)["by_ring"] == []


def test_a_block_half_covered_takes_the_plan_of_the_covered_half(tmp_path):
    half = {**NIGHT_3, "window_start": "2024-03-01 10:30", "window_end": "2024-03-01 12:00"}
    event = _event(tmp_path, risks=[half])
    windows = review_windows(event, "1h")
    assert _planned(windows, "1", "2024-03-01 10:00") == 3.0  # 10:30–11:00 planned, 3
    assert np.isnan(_planned(windows, "1", "2024-03-01 09:00"))


# ------------------------------------------------------------------------ the plan file

PLAN = """ring,plan_start,plan_end,officers,unit,note
1,2024-03-01 07:00,2024-03-01 19:00,10,Sat Samapta,siang
1,2024-03-01 12:00,2024-03-01 15:00,6,Brimob,BKO
1,2024-03-01 08:00,2024-03-01 09:00,4,sat samapta,ketik ulang
2,,,2,,sepanjang kegiatan
"""


def test_the_plan_file_sets_the_line_and_units_side_by_side_add_up(tmp_path):
    event = _event(tmp_path, risks=[WHOLE_5, NIGHT_3], plan=PLAN)
    windows = review_windows(event, "1h")
    assert windows.attrs["plan_source"] == "plan_file"
    assert _planned(windows, "1", "2024-03-01 08:00") == 10.0  # row 4 was quarantined
    assert _planned(windows, "1", "2024-03-01 13:00") == 16.0  # Samapta 10 + Brimob 6
    assert np.isnan(_planned(windows, "1", "2024-03-01 20:00"))  # the plan file says nothing
    assert _planned(windows, "2", "2024-03-02 03:00") == 2.0  # blank times: the whole event
    assert np.isnan(_planned(windows, "3", "2024-03-01 10:00"))


def test_a_second_number_for_one_ring_unit_and_time_is_quarantined(tmp_path):
    event = _event(tmp_path, plan=PLAN)
    quality = event.quality["staffing_plan"]
    # 4 data rows: 3 accepted, file row 4 (Sat Samapta again, 08:00–09:00) set aside
    assert (quality.rows_read, quality.accepted, quality.quarantined, quality.blank) == (4, 3, 1, 0)
    issue = quality.issues.iloc[0]
    assert issue["row"] == 4
    assert issue["reason"] == t("staffing_plan.reason.overlap", "en", row=2, unit="sat samapta")
    assert quality.quarantined_rows["row"].tolist() == [4]


def test_a_unit_left_blank_overlapping_a_row_of_its_ring_is_a_conflict(tmp_path):
    plan = "ring,plan_start,plan_end,officers\n3,,,4\n3,2024-03-02 08:00,2024-03-02 10:00,6\n"
    event = _event(tmp_path, plan=plan)
    assert event.quality["staffing_plan"].quarantined == 1
    assert "row 2" in event.quality["staffing_plan"].issues["reason"].iloc[0]
    assert event.staffing_plan["officers"].tolist() == [4]


def test_bad_plan_rows_are_quarantined_with_their_reason(tmp_path):
    plan = (
        "Ring;Waktu Mulai;Waktu Selesai;Jumlah Personel;Satuan\n"
        "Ring 9;01/03/2024 07:00;01/03/2024 19:00;5;Samapta\n"  # no such ring
        "1;01/03/2024 07:00;01/03/2024 19:00;-2;Samapta\n"  # a negative count
        "2;01/03/2024 19:00;01/03/2024 07:00;5;Samapta\n"  # ends before it starts
        "3;01/03/2024 07:00;01/03/2024 19:00;lima;Samapta\n"  # not a number
        ";;;;\n"  # blank
        "3;01/03/2024 07:00;01/03/2024 19:00;5;Samapta\n"  # fine
    )
    event = _event(tmp_path, plan=plan)
    quality = event.quality["staffing_plan"]
    assert (quality.rows_read, quality.accepted, quality.quarantined, quality.blank) == (6, 1, 4, 1)
    by_row = dict(zip(quality.issues["row"], quality.issues["column"], strict=True))
    assert by_row == {2: "Ring", 3: "Jumlah Personel", 4: "Waktu Selesai", 5: "Jumlah Personel"}
    assert "at least 0" in quality.issues.set_index("row").loc[3, "reason"]


def test_a_blank_plan_file_falls_back_to_the_register(tmp_path):
    event = _event(tmp_path, risks=[WHOLE_5], plan="ring,plan_start,plan_end,officers\n")
    assert event.staffing_plan is not None and event.staffing_plan.empty
    assert plan_source(event) == "register"
    summary = evaluate(event, n_resamples=0).to_dict()
    assert summary["staffing_plan"]["source"] == "register"
    assert summary["data_quality"]["staffing_plan"]["rows_read"] == 0


def test_without_a_plan_file_nothing_is_missing(tmp_path):
    event = _event(tmp_path, risks=[WHOLE_5])
    assert event.staffing_plan is None
    assert set(event.quality) == {"incidents", "staffing", "risk_register"}
    summary = evaluate(event, n_resamples=0).to_dict()
    assert set(summary["data_quality"]) == {
        "incidents", "staffing", "risk_register", "staffing_overlaps"
    }  # fmt: skip
    assert summary["staffing_plan"]["file"] is None


def test_the_plan_file_is_an_input_with_its_hash(tmp_path):
    event = _event(tmp_path, plan=PLAN)
    assert set(event.inputs) == {"event.yaml", "incidents.csv", "staffing.csv",
                                 "risk_register.csv", "staffing_plan.csv"}  # fmt: skip
    assert evaluate(event, n_resamples=0).to_dict()["staffing_plan"]["file"] == (
        "staffing_plan.csv"
    )


# ----------------------------------------------------------------- planned against served

SHIFTS = [
    {"officer_id": "O1", "ring": "1", "shift_start": "2024-03-01 07:00",
     "shift_end": "2024-03-01 10:00"},
    {"officer_id": "O2", "ring": "1", "shift_start": "2024-03-01 09:00",
     "shift_end": "2024-03-01 13:00"},
]  # fmt: skip
MORNING_3 = {**NIGHT_3, "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 12:00"}


def test_plan_vs_served_by_hand(tmp_path):
    event = _event(tmp_path, risks=[MORNING_3], staffing=SHIFTS, planned_personnel=40)
    table = plan_vs_served(event)
    assert len(table) == 1
    row = table.iloc[0]
    # 08:00–12:00, plan 3; on duty: 08–09 one (O1), 09–10 two, 10–12 one (O2)
    assert (row["plan_start"], row["plan_end"]) == (_at("2024-03-01 08:00"),
                                                    _at("2024-03-01 12:00"))  # fmt: skip
    assert row["hours"] == 4.0
    assert row["planned_officer_hours"] == 12.0  # 3 × 4
    assert row["served_officer_hours"] == 5.0  # 1 + 2 + 1 × 2
    assert row["served_mean"] == 1.25
    assert (row["served_min"], row["served_max"]) == (1, 2)
    assert row["shortfall_officer_hours"] == 7.0  # (3−1)×1 + (3−2)×1 + (3−1)×2
    summary = plan_summary(event, table=table)
    assert (summary["planned_personnel"], summary["served_personnel"]) == (40, 2)
    assert summary["by_ring"] == [
        {"ring": "1", "planned_hours": 4.0, "planned_officer_hours": 12.0,
         "served_officer_hours": 5.0, "shortfall_officer_hours": 7.0, "planned_min": 3.0,
         "planned_max": 3.0, "served_min": 1, "served_max": 2},
    ]  # fmt: skip


def test_an_excess_does_not_offset_a_shortfall(tmp_path):
    plan = "ring,plan_start,plan_end,officers\n1,2024-03-01 07:00,2024-03-01 13:00,1\n"
    event = _event(tmp_path, staffing=SHIFTS, plan=plan)
    row = plan_vs_served(event).iloc[0]
    # plan 1 over 07–13: on duty 1, 1, 2, 1, 1, 1 → served 7, nothing short, though
    # 07:00–13:00 is exactly covered
    assert (row["served_officer_hours"], row["shortfall_officer_hours"]) == (7.0, 0.0)


def test_summary_json_holds_the_plan_and_stays_json(tmp_path):
    event = _event(tmp_path, risks=[MORNING_3], staffing=SHIFTS, planned_personnel=40)
    summary = evaluate(event, n_resamples=0).to_dict(lang="id")
    plan = json.loads(json.dumps(summary, allow_nan=False))["staffing_plan"]
    assert plan["source"] == "register"
    assert (plan["planned_personnel"], plan["served_personnel"]) == (40, 2)
    assert plan["by_ring"][0]["shortfall_officer_hours"] == 7.0


def test_the_sample_names_its_protest_shortfall(sample_event):
    # sample README: during the day-2 protest ring 3 (outside the fence) had 7 officers on
    # duty against 16 planned
    table = plan_vs_served(sample_event)
    protest = table[(table["ring"] == "3") & (table["plan_start"] == _at("2024-03-02 12:00"))]
    assert protest[["planned_officers", "served_min"]].iloc[0].tolist() == [16.0, 7]


def test_plan_vs_served_needs_an_event_and_leaves_it_unchanged(tmp_path):
    event = _event(tmp_path, risks=[MORNING_3], staffing=SHIFTS)
    before = event.staffing.copy()
    plan_vs_served(event)
    pd.testing.assert_frame_equal(event.staffing, before)
    with pytest.raises(ParameterError, match="plan_vs_served needs an Event"):
        plan_vs_served(review_windows(event))


def test_a_slice_keeps_the_plan_of_its_rings_and_time(tmp_path):
    event = _event(tmp_path, plan=PLAN)
    part = slice_event(event, rings=["2"], start="2024-03-02 00:00", end="2024-03-02 06:00")
    assert part.staffing_plan["ring"].tolist() == ["2"]
    line = plan_line(part)
    assert line[["plan_start", "plan_end"]].iloc[0].tolist() == [
        _at("2024-03-02 00:00"), _at("2024-03-02 06:00")
    ]  # clipped to the slice  # fmt: skip


def test_a_planned_ring_nobody_guarded_is_short_by_the_whole_plan(tmp_path):
    plan = "ring,plan_start,plan_end,officers\n2,2024-03-01 07:00,2024-03-01 10:00,4\n"
    row = plan_vs_served(_event(tmp_path, plan=plan)).iloc[0]
    # 4 officers × 3 h planned, nobody on the roster
    columns = ["planned_officer_hours", "served_officer_hours", "shortfall_officer_hours"]
    assert row[columns].tolist() == [12.0, 0.0, 12.0]
    assert (row["served_min"], row["served_max"]) == (0, 0)
