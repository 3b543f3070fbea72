"""Tests of sra_analysis.review.windows: review_windows and window_edges (DESIGN §3).

A hand-made event (1 March 2024 07:00–12:30 WIB, three rings) is worked out window by window in
the comments; bundled and generated events are checked against brute-force loops over
windows × register rows and windows × incidents.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from sra_analysis import load_event, review_windows
from sra_analysis.errors import ParameterError
from sra_analysis.levels import NO_RISK_LEVEL
from sra_analysis.resources import sample_dir
from sra_analysis.review.windows import WINDOW_COLUMNS, window_edges
from sra_analysis.sample import GroundTruth, generate_event, write_event

TZ = "Asia/Jakarta"

#: DESIGN §3: "Columns at least: ..." in this order.
DESIGN_COLUMNS = [
    "ring", "window_start", "window_end", "hours", "predicted_score", "predicted_level",
    "probability", "incidents", "disruptions", "max_severity", "officer_hours", "mean_staff",
    "min_staff",
]  # fmt: skip

#: R1 ring 1, 3×4 = 12 (high), 08:00–10:00, p 0.5, plans 4 officers
#: R2 every ring, 2×3 = 6 (medium), 07:00–09:00, p 0.2, plans 9 (not any one ring's plan)
#: R3 ring 2, 5×4 = 20 (extreme), 09:30–10:15 (part of two hourly windows), p 0.1
#: R4 ring 1, 1×2 = 2 (low), 11:00–12:00, no probability
RISKS = [
    {"risk_id": "R1", "threat": "demo", "ring": "1", "likelihood": 3, "impact": 4,
     "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 10:00", "probability": 0.5,
     "planned_personnel": 4},
    {"risk_id": "R2", "threat": "crowd", "ring": "all", "likelihood": 2, "impact": 3,
     "window_start": "2024-03-01 07:00", "window_end": "2024-03-01 09:00", "probability": 0.2,
     "planned_personnel": 9},
    {"risk_id": "R3", "threat": "walkout", "ring": "2", "likelihood": 5, "impact": 4,
     "window_start": "2024-03-01 09:30", "window_end": "2024-03-01 10:15", "probability": 0.1},
    {"risk_id": "R4", "threat": "parking", "ring": "1", "likelihood": 1, "impact": 2,
     "window_start": "2024-03-01 11:00", "window_end": "2024-03-01 12:00"},
]  # fmt: skip

#: I2 at 08:00 sits on a window edge (belongs to 08–09); I6 at 12:30 is the event end (no
#: window); I2 and I7 have severity 4 and blank disrupted_proceedings, so they disrupted; I4 is
#: severity 5 but explicitly did not disrupt. I7 may have happened any time 08:30–10:30.
INCIDENTS = [
    {"incident_id": "I1", "reported_at": "2024-03-01 07:30", "ring": "1", "category": "crowd",
     "severity": 2},
    {"incident_id": "I2", "reported_at": "2024-03-01 08:00", "ring": "1", "category": "crowd",
     "severity": 4},
    {"incident_id": "I3", "reported_at": "2024-03-01 08:59", "ring": "1", "category": "crowd",
     "severity": 3},
    {"incident_id": "I4", "reported_at": "2024-03-01 09:45", "ring": "2", "category": "walkout",
     "severity": 5, "disrupted_proceedings": "false"},
    {"incident_id": "I5", "reported_at": "2024-03-01 12:15", "ring": "3", "category": "medical",
     "severity": 1},
    {"incident_id": "I6", "reported_at": "2024-03-01 12:30", "ring": "1", "category": "crowd",
     "severity": 1},
    {"incident_id": "I7", "reported_at": "2024-03-01 10:45", "ring": "2", "category": "theft",
     "severity": 4, "occurred_from": "2024-03-01 08:30", "occurred_to": "2024-03-01 10:30"},
]  # fmt: skip

STAFF = [
    {"officer_id": "A", "ring": "1", "shift_start": "2024-03-01 07:00",
     "shift_end": "2024-03-01 10:00"},
    {"officer_id": "B", "ring": "1", "shift_start": "2024-03-01 09:15",
     "shift_end": "2024-03-01 12:30"},
    {"officer_id": "C", "ring": "3", "shift_start": "2024-03-01 06:00",
     "shift_end": "2024-03-01 11:00"},
]  # fmt: skip

SHORT_EVENT = {"start": "2024-03-01T07:00", "end": "2024-03-01T12:30"}


def _times(*values: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(list(values))).tz_localize(TZ).as_unit("us")


@pytest.fixture
def hand_event(build_event):
    return build_event(incidents=INCIDENTS, staffing=STAFF, risks=RISKS, **SHORT_EVENT)


@pytest.fixture(scope="module")
def generated_event(tmp_path_factory):
    # a quarter of the incidents with an occurred_from/occurred_to span (8 % by default), so
    # the aoristic tests always have spans to spread, however the incidents fall
    synthetic = generate_event(seed=3, days=3, n_officers=60, n_risks=15,
                               ground_truth=GroundTruth(span_share=0.25))  # fmt: skip
    folder = tmp_path_factory.mktemp("generated") / "event"
    write_event(synthetic, folder, format="parquet")
    return synthetic, load_event(folder)


@pytest.fixture(scope="module")
def purwakarta():
    return load_event(sample_dir() / "purwakarta-2024")


# ----------------------------------------------------------------------------- shape


def test_columns_and_dtypes(hand_event):
    windows = review_windows(hand_event)
    assert list(windows.columns) == WINDOW_COLUMNS
    assert list(windows.columns[: len(DESIGN_COLUMNS)]) == DESIGN_COLUMNS
    assert isinstance(windows["ring"].dtype, pd.CategoricalDtype)
    assert list(windows["ring"].cat.categories) == ["1", "2", "3"]
    for column in ("window_start", "window_end"):
        assert str(windows[column].dtype) == f"datetime64[us, {TZ}]"
    level = windows["predicted_level"].dtype
    assert isinstance(level, pd.CategoricalDtype) and level.ordered
    assert list(level.categories) == [NO_RISK_LEVEL, "low", "medium", "high", "extreme"]
    for column in ("hours", "probability", "officer_hours", "mean_staff", "planned_staff"):
        assert windows[column].dtype == np.float64, column
    for column in ("predicted_score", "incidents", "disruptions", "max_severity", "min_staff"):
        assert windows[column].dtype == np.int64, column
    for column in ("likelihood", "impact"):
        assert windows[column].dtype == pd.Int64Dtype(), column
    assert review_windows(hand_event, aoristic=True)["incidents"].dtype == np.float64


def test_blocks_are_aligned_to_the_event_start_and_the_last_is_partial(build_event):
    # 07:20–10:00 in hours: 07:20–08:20, 08:20–09:20, then 09:20–10:00 is 40 min = 2/3 h
    event = build_event(start="2024-03-01T07:20", end="2024-03-01T10:00")
    windows = review_windows(event, "1h")
    ring1 = windows[windows["ring"] == "1"].reset_index(drop=True)
    assert ring1["window_start"].tolist() == list(
        _times("2024-03-01 07:20", "2024-03-01 08:20", "2024-03-01 09:20")
    )
    assert ring1["window_end"].tolist() == list(
        _times("2024-03-01 08:20", "2024-03-01 09:20", "2024-03-01 10:00")
    )
    assert ring1["hours"].tolist() == pytest.approx([1.0, 1.0, 2 / 3])
    # 160 min in 15 min blocks: 10 full ones and one of 10 min
    quarter = review_windows(event, "15min")
    assert len(quarter) == 3 * 11
    assert quarter["hours"].iloc[-1] == pytest.approx(10 / 60)
    assert len(windows) == 3 * 3 and windows["hours"].sum() == pytest.approx(3 * 160 / 60)


def test_a_whole_number_of_blocks_has_no_empty_tail(purwakarta):
    # 1 March 07:00 – 3 March 23:00 is 64 h: 64 hourly and 8 eight-hour blocks, none empty
    assert len(review_windows(purwakarta, "1h")) == 3 * 64
    eight = review_windows(purwakarta, "8h")
    assert len(eight) == 3 * 8
    assert eight["hours"].unique().tolist() == [8.0]


# ----------------------------------------------------------------------------- prediction


def test_hand_worked_prediction(hand_event):
    windows = review_windows(hand_event, "1h")
    # Ring 1: 07 R2 6 (p .2); 08 R1 12, R2 6 (1 − .5·.8 = .6); 09 R1 12 (.5); 10 none (R1 ends
    #   at 10:00, blocks are half-open) → 0, p 0; 11 R4 2 (no p → 0); 12:00–12:30 none.
    # Ring 2: 07, 08 R2 6 (.2); 09 and 10 R3 20 (.1; 09:30–10:15 touches both); 11, 12 none.
    # Ring 3: 07, 08 R2 6 (.2); the rest none.
    levels = [
        "medium", "high", "high", "none", "low", "none",
        "medium", "medium", "extreme", "extreme", "none", "none",
        "medium", "medium", "none", "none", "none", "none",
    ]  # fmt: skip
    probability = [0.2, 0.6, 0.5, 0, 0, 0, 0.2, 0.2, 0.1, 0.1, 0, 0, 0.2, 0.2, 0, 0, 0, 0]
    expected = pd.DataFrame(
        {
            "predicted_score": [6, 12, 12, 0, 2, 0, 6, 6, 20, 20, 0, 0, 6, 6, 0, 0, 0, 0],
            "predicted_level": pd.Categorical(
                levels, categories=["none", "low", "medium", "high", "extreme"], ordered=True
            ),
            "probability": probability,
            # planned_staff: only ring 1's own item R1 plans staff (4), 08–10; R2's 9 is for
            # the whole operation (ring "all"), so no ring's plan
            "planned_staff": [np.nan, 4, 4] + [np.nan] * 15,
        }
    )
    expected["predicted_score"] = expected["predicted_score"].astype(np.int64)
    got = windows[list(expected.columns)]
    assert_frame_equal(got, expected, check_exact=False, atol=1e-12)


def test_hand_worked_register_cell(hand_event):
    windows = review_windows(hand_event, "1h")
    # the item that set each block's score (see test_hand_worked_prediction):
    # Ring 1: 07 R2 2×3; 08, 09 R1 3×4; 10 none; 11 R4 1×2; 12 none.
    # Ring 2: 07, 08 R2 2×3; 09, 10 R3 5×4; 11, 12 none.   Ring 3: 07, 08 R2 2×3; then none.
    na = pd.NA
    likelihood = [2, 3, 3, na, 1, na, 2, 2, 5, 5, na, na, 2, 2, na, na, na, na]
    impact = [3, 4, 4, na, 2, na, 3, 3, 4, 4, na, na, 3, 3, na, na, na, na]
    assert_series_equal(
        windows["likelihood"], pd.Series(likelihood, dtype="Int64", name="likelihood")
    )
    assert_series_equal(windows["impact"], pd.Series(impact, dtype="Int64", name="impact"))


def test_a_tie_of_score_takes_the_higher_impact(build_event):
    # 07–08: T1 4×3 and T2 3×4 (both 12) → 3×4, whichever comes first in the register;
    # 08–09: T3 4×1 and T4 2×2 (both 4) and T5 1×3 (3, lower) → 2×2;
    # 09–10: T5 alone → 1×3. Items cover every ring.
    risks = [
        {"risk_id": "T1", "threat": "a", "ring": "all", "likelihood": 4, "impact": 3,
         "window_start": "2024-03-01 07:00", "window_end": "2024-03-01 08:00"},
        {"risk_id": "T2", "threat": "b", "ring": "all", "likelihood": 3, "impact": 4,
         "window_start": "2024-03-01 07:00", "window_end": "2024-03-01 08:00"},
        {"risk_id": "T3", "threat": "c", "ring": "all", "likelihood": 4, "impact": 1,
         "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 09:00"},
        {"risk_id": "T4", "threat": "d", "ring": "all", "likelihood": 2, "impact": 2,
         "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 09:00"},
        {"risk_id": "T5", "threat": "e", "ring": "all", "likelihood": 1, "impact": 3,
         "window_start": "2024-03-01 08:00", "window_end": "2024-03-01 10:00"},
    ]  # fmt: skip
    for order in (risks, risks[::-1]):
        event = build_event(risks=order, start="2024-03-01T07:00", end="2024-03-01T10:00")
        ring1 = review_windows(event, "1h").query("ring == '1'")
        assert ring1["predicted_score"].tolist() == [12, 4, 3]
        assert ring1["likelihood"].tolist() == [3, 2, 1]
        assert ring1["impact"].tolist() == [4, 2, 3]


def test_probability_is_nan_when_the_register_has_none(build_event):
    risks = [{k: v for k, v in row.items() if k != "probability"} for row in RISKS]
    windows = review_windows(build_event(risks=risks, **SHORT_EVENT))
    assert windows["probability"].isna().all()
    assert windows["predicted_score"].max() == 20  # the scores do not depend on it


def test_levels_follow_the_events_own_banding(build_event):
    # risk_levels low 1–2, medium 3–7, high 8–19, extreme 20–25: 6 → medium, 12 → high,
    # 20 → extreme, 2 → low
    bands = {"low": [1, 2], "medium": [3, 7], "high": [8, 19], "extreme": [20, 25]}
    event = build_event(risks=RISKS, risk_levels=bands, **SHORT_EVENT)
    windows = review_windows(event)
    ring1 = windows[windows["ring"] == "1"]
    assert ring1["predicted_level"].astype(str).tolist() == [
        "medium", "high", "high", "none", "low", "none",
    ]  # fmt: skip
    assert windows.loc[windows["predicted_score"] == 20, "predicted_level"].unique().tolist() == [
        "extreme"
    ]


def _brute_force_prediction(event, windows) -> tuple[np.ndarray, np.ndarray]:
    """Loop over windows × register rows: max score and 1 − Π(1 − p) of covering rows."""
    risks = event.risks
    has_p = risks["probability"].notna().any()
    scores, probabilities = [], []
    for window in windows.itertuples(index=False):
        score, no_event = 0, 1.0
        for risk in risks.itertuples(index=False):
            ring_ok = str(risk.ring) in (str(window.ring), "all")
            overlaps = (
                risk.window_start < window.window_end and risk.window_end > window.window_start
            )
            if ring_ok and overlaps:
                score = max(score, int(risk.likelihood) * int(risk.impact))
                if not pd.isna(risk.probability):
                    no_event *= 1.0 - risk.probability
        scores.append(score)
        probabilities.append(1.0 - no_event if has_p else np.nan)
    return np.array(scores), np.array(probabilities)


def _brute_force_cell(event, windows) -> list[tuple]:
    """Loop over windows × register rows: (likelihood, impact) of the covering row with the
    highest (score, impact); (NA, NA) where none covers the window."""
    risks = event.risks
    cells = []
    for window in windows.itertuples(index=False):
        best = None
        for risk in risks.itertuples(index=False):
            ring_ok = str(risk.ring) in (str(window.ring), "all")
            overlaps = (
                risk.window_start < window.window_end and risk.window_end > window.window_start
            )
            if ring_ok and overlaps:
                key = (int(risk.likelihood) * int(risk.impact), int(risk.impact))
                best = max(best, key) if best is not None else key
        cells.append((pd.NA, pd.NA) if best is None else (best[0] // best[1], best[1]))
    return cells


@pytest.mark.parametrize("freq", ["1h", "45min", "shift"])
def test_prediction_equals_brute_force_on_sample_and_generated_events(
    purwakarta, generated_event, freq
):
    for event in (purwakarta, generated_event[1]):
        windows = review_windows(event, freq)
        scores, probabilities = _brute_force_prediction(event, windows)
        assert windows["predicted_score"].to_numpy() == pytest.approx(scores)
        cells = _brute_force_cell(event, windows)
        assert windows["likelihood"].tolist() == [c[0] for c in cells]
        assert windows["impact"].tolist() == [c[1] for c in cells]
        assert windows["probability"].to_numpy() == pytest.approx(probabilities)
        levels = event.meta.risk_levels.level_of(scores)
        assert windows["predicted_level"].astype(str).tolist() == list(levels.astype(str))


def test_generated_event_recovers_the_planted_windows(generated_event):
    # planted_windows is the generator's own account of each ring-hour (sra_analysis.sample)
    synthetic, event = generated_event
    windows = review_windows(event, "1h")
    planted = synthetic.planted_windows
    assert_series_equal(windows["ring"].astype(str), planted["ring"].astype(str))
    assert windows["window_start"].tolist() == planted["window_start"].tolist()
    assert windows["predicted_score"].tolist() == planted["predicted_score"].tolist()
    assert windows["predicted_level"].astype(str).tolist() == (
        planted["predicted_level"].astype(str).tolist()
    )
    assert windows["incidents"].tolist() == planted["incidents"].tolist()


# ----------------------------------------------------------------------------- observation


def test_hand_worked_observation(hand_event):
    windows = review_windows(hand_event, "1h")
    # Ring 1: I1 07:30 → 07; I2 08:00 (on the edge) and I3 08:59 → 08 (one disruption, max 4);
    #   I6 at 12:30 is the event end and falls in no window.
    # Ring 2: I4 09:45 → 09 (severity 5, not a disruption); I7 reported 10:45 → 10 (disrupts).
    # Ring 3: I5 12:15 → 12:00–12:30.
    #                   ring 1:  07 08 09 10 11 12   ring 2:  07 08 09 10 11 12   ring 3: ...
    incidents = [1, 2, 0, 0, 0, 0] + [0, 0, 1, 1, 0, 0] + [0, 0, 0, 0, 0, 1]
    disruptions = [0, 1, 0, 0, 0, 0] + [0, 0, 0, 1, 0, 0] + [0, 0, 0, 0, 0, 0]
    max_severity = [2, 4, 0, 0, 0, 0] + [0, 0, 5, 4, 0, 0] + [0, 0, 0, 0, 0, 1]
    assert windows["incidents"].tolist() == incidents
    assert windows["disruptions"].tolist() == disruptions
    assert windows["max_severity"].tolist() == max_severity
    assert windows["incidents"].sum() == len(hand_event.incidents) - 1


def test_hand_worked_staffing_columns(hand_event):
    windows = review_windows(hand_event, "1h")
    ring1 = windows[windows["ring"] == "1"]
    # A 07–10, B 09:15–12:30: 07 1; 08 1; 09 A + B 45 min = 1.75 (min 1); 10 B; 11 B; 12 B ½ h
    assert ring1["officer_hours"].tolist() == pytest.approx([1, 1, 1.75, 1, 1, 0.5])
    assert ring1["mean_staff"].tolist() == pytest.approx([1, 1, 1.75, 1, 1, 1])
    assert ring1["min_staff"].tolist() == [1, 1, 1, 1, 1, 1]
    # C 06–11 in ring 3, counted from the event start: 07, 08, 09, 10 one each, then nobody
    ring3 = windows[windows["ring"] == "3"]
    assert ring3["officer_hours"].tolist() == pytest.approx([1, 1, 1, 1, 0, 0])


def test_aoristic_weights_are_proportional_to_the_overlap(hand_event):
    windows = review_windows(hand_event, "1h", aoristic=True)
    ring2 = windows[windows["ring"] == "2"]
    # I7 may have happened 08:30–10:30 (2 h): 08–09 holds ½ h → 0.25, 09–10 1 h → 0.5,
    # 10–11 ½ h → 0.25; 09–10 also has I4 (a point incident) → 1.5. I7 disrupted.
    assert ring2["incidents"].tolist() == pytest.approx([0, 0.25, 1.5, 0.25, 0, 0])
    assert ring2["disruptions"].tolist() == pytest.approx([0, 0.25, 0.5, 0.25, 0, 0])
    assert ring2["max_severity"].tolist() == [0, 4, 5, 4, 0, 0]
    # every incident inside the event weighs 1 in total (I6 at the end is outside)
    assert windows["incidents"].sum() == pytest.approx(len(hand_event.incidents) - 1)
    # ring 1 and 3 have point incidents only: as without aoristic
    plain = review_windows(hand_event, "1h")
    others = windows["ring"] != "2"
    assert windows.loc[others, "incidents"].tolist() == plain.loc[others, "incidents"].tolist()


def test_aoristic_span_partly_outside_the_event_keeps_only_the_inside_share(build_event):
    # occurred 06:00–08:00 for an event from 07:00: half the span is inside → weight 0.5 in 07–08
    incidents = [{"incident_id": "X", "reported_at": "2024-03-01 08:10", "ring": "1",
                  "category": "crowd", "severity": 2, "occurred_from": "2024-03-01 06:00",
                  "occurred_to": "2024-03-01 08:00"}]  # fmt: skip
    windows = review_windows(build_event(incidents=incidents, **SHORT_EVENT), aoristic=True)
    assert windows["incidents"].sum() == pytest.approx(0.5)
    assert windows["incidents"].iloc[0] == pytest.approx(0.5)


def test_aoristic_span_wholly_outside_the_event_falls_back_to_reported_at(build_event):
    # occurred 05:00–06:30, before the 07:00 start, but reported at 07:20: the span says
    # nothing about when inside the event, so the incident counts whole in 07:00–08:00
    incidents = [{"incident_id": "X", "reported_at": "2024-03-01 07:20", "ring": "1",
                  "category": "crowd", "severity": 2, "occurred_from": "2024-03-01 05:00",
                  "occurred_to": "2024-03-01 06:30"}]  # fmt: skip
    windows = review_windows(build_event(incidents=incidents, **SHORT_EVENT), aoristic=True)
    assert windows["incidents"].sum() == pytest.approx(1.0)
    assert windows["incidents"].iloc[0] == pytest.approx(1.0)


def _brute_force_observation(event, windows):
    incidents = event.incidents
    counts, disruptions, severity = [], [], []
    for window in windows.itertuples(index=False):
        mask = (
            (incidents["ring"].astype(str) == str(window.ring))
            & (incidents["reported_at"] >= window.window_start)
            & (incidents["reported_at"] < window.window_end)
        )
        counts.append(int(mask.sum()))
        disruptions.append(int(incidents.loc[mask, "disrupted_proceedings"].sum()))
        severity.append(int(incidents.loc[mask, "severity"].max()) if mask.any() else 0)
    return counts, disruptions, severity


@pytest.mark.parametrize("freq", ["1h", "shift"])
def test_observation_equals_brute_force(purwakarta, generated_event, freq):
    for event in (purwakarta, generated_event[1]):
        windows = review_windows(event, freq)
        counts, disruptions, severity = _brute_force_observation(event, windows)
        assert windows["incidents"].tolist() == counts
        assert windows["disruptions"].tolist() == disruptions
        assert windows["max_severity"].tolist() == severity


def test_aoristic_totals_on_generated_event(generated_event):
    # every generated timestamp lies in the event, so each incident weighs exactly 1
    synthetic, event = generated_event
    spread = event.incidents["occurred_from"].notna().sum()
    assert spread > 0
    windows = review_windows(event, "1h", aoristic=True)
    inside = (event.incidents["reported_at"] < event.meta.end).sum()
    assert windows["incidents"].sum() == pytest.approx(inside)
    inside_disruptions = event.incidents["disrupted_proceedings"] & (
        event.incidents["reported_at"] < event.meta.end
    )
    assert windows["disruptions"].sum() == pytest.approx(inside_disruptions.sum())


# ----------------------------------------------------------------------------- edges


def test_shift_blocks_cut_at_the_rosters_changes(hand_event):
    # shift starts/ends inside 07:00–12:30: 09:15 (B), 10:00 (A), 11:00 (C); 06:00 is before
    # the start and 12:30 is the end
    edges = window_edges(hand_event, "shift")
    assert list(edges) == list(
        _times(
            "2024-03-01 07:00",
            "2024-03-01 09:15",
            "2024-03-01 10:00",
            "2024-03-01 11:00",
            "2024-03-01 12:30",
        )
    )
    windows = review_windows(hand_event, "shift")
    assert windows["hours"].tolist() == [2.25, 0.75, 1.0, 1.5] * 3
    # ring 1, 07:00–09:15: A alone all along (2.25 officer-hours), 09:15–10:00 A + B
    ring1 = windows[windows["ring"] == "1"]
    assert ring1["officer_hours"].tolist() == pytest.approx([2.25, 1.5, 1.0, 1.5])
    assert ring1["min_staff"].tolist() == [1, 2, 1, 1]
    # 07:00–09:15 in ring 1 holds R1 and R2 → 12, p 1 − .5·.8
    assert ring1["predicted_score"].iloc[0] == 12
    assert ring1["probability"].iloc[0] == pytest.approx(0.6)


def test_explicit_edges(hand_event):
    # naive edges are local; a tz-aware one (01:00 UTC = 08:00 WIB) is converted; edges outside
    # the event are dropped and the event's start and end are added; duplicates merge
    edges = ["2024-03-01 10:00", pd.Timestamp("2024-03-01 01:00", tz="UTC"), "2024-03-01 05:00",
             "2024-03-01 10:00", "2024-03-02 00:00"]  # fmt: skip
    expected = _times("2024-03-01 07:00", "2024-03-01 08:00", "2024-03-01 10:00",
                      "2024-03-01 12:30")  # fmt: skip
    assert list(window_edges(hand_event, edges=edges)) == list(expected)
    windows = review_windows(hand_event, edges=edges)
    assert windows["hours"].tolist() == [1.0, 2.0, 2.5] * 3
    # ring 1: 07–08 one incident (I1), 08–10 two (I2, I3), 10–12:30 none
    assert windows["incidents"].tolist()[:3] == [1, 2, 0]
    assert list(window_edges(hand_event, edges=[])) == list(expected[[0, -1]])


@pytest.mark.parametrize("freq", ["bad", "1W", "1ME", "0h", "-1h", None, 3])
def test_bad_freq_is_a_parameter_error(hand_event, freq):
    with pytest.raises(ParameterError, match="freq must be"):
        review_windows(hand_event, freq)


def test_bad_edges_and_bad_event_are_parameter_errors(hand_event):
    with pytest.raises(ParameterError, match="edges must be timestamps, got 'noon'"):
        review_windows(hand_event, edges=["noon"])
    with pytest.raises(ParameterError, match="needs an Event from load_event"):
        review_windows(hand_event.incidents)


# ----------------------------------------------------------------------------- ring order


def test_inside_out_event_keeps_its_ring_order(build_event):
    # rings listed 3, 1, 2 in event.yaml: the windows and the ring categories follow that order
    rings = [{"id": "3", "name": "Plenary room"}, {"id": "1", "name": "Outside the fence"},
             {"id": "2", "name": "Inside the building"}]  # fmt: skip
    event = build_event(incidents=INCIDENTS, staffing=STAFF, risks=RISKS, rings=rings,
                        **SHORT_EVENT)  # fmt: skip
    windows = review_windows(event)
    assert list(windows["ring"].cat.categories) == ["3", "1", "2"]
    assert windows["ring"].astype(str).tolist() == ["3"] * 6 + ["1"] * 6 + ["2"] * 6
    # each ring's rows are the same as in the outside-in event
    ring1 = windows[windows["ring"] == "1"].drop(columns="ring").reset_index(drop=True)
    assert ring1["incidents"].tolist() == [1, 2, 0, 0, 0, 0]
    assert ring1["predicted_score"].tolist() == [6, 12, 12, 0, 2, 0]


def test_generated_inside_out_event(tmp_path):
    synthetic = generate_event(seed=8, days=1, n_officers=45, n_risks=8, ring_order="inside_out")
    write_event(synthetic, tmp_path / "event", format="parquet")
    event = load_event(tmp_path / "event")
    windows = review_windows(event)
    ring_order = [ring["id"] for ring in synthetic.meta["rings"]]
    assert list(windows["ring"].cat.categories) == ring_order == list(event.meta.ring_ids)
    planted = synthetic.planted_windows
    assert windows["ring"].astype(str).tolist() == planted["ring"].tolist()
    assert windows["predicted_score"].tolist() == planted["predicted_score"].tolist()
    assert windows["incidents"].tolist() == planted["incidents"].tolist()


# ----------------------------------------------------------------------------- inputs


def test_inputs_are_not_mutated(hand_event):
    before = {
        name: getattr(hand_event, name).copy(deep=True)
        for name in ("incidents", "staffing", "risks")
    }
    review_windows(hand_event, "1h", aoristic=True)
    review_windows(hand_event, "shift")
    review_windows(hand_event, edges=["2024-03-01 09:00"])
    for name, frame in before.items():
        assert_frame_equal(getattr(hand_event, name), frame)
