"""Tests of sra_analysis.review.staffing: the headcount sweep, officer-hours and overlapping shifts.

Expected values are worked by hand in the comments, or recomputed by brute force: for every
block [a, b), the sum over (de-overlapped) shifts of max(0, min(end, b) − max(start, a)).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from sra_analysis import load_event, review_windows
from sra_analysis.review.staffing import (
    clip_overlapping_shifts,
    coverage_over,
    overlapping_shifts,
    staffing_timeline,
)
from sra_analysis.sample import generate_event, write_event

TZ = "Asia/Jakarta"
T0 = pd.Timestamp("2024-03-01 07:00", tz=TZ)

#: Four officers guarding ring 1 of the base event (1 March 07:00 – 3 March 23:00 WIB), one of
#: them also in ring 2, plus one ring-2 officer who starts before the event; ring 3 is empty.
#: O1 07–15 and O2 15–23 are back to back (one leaves as the other arrives); O2's second shift
#: 20:00–02:00 overlaps her first by 3 h; O3 works overnight 23:00–07:00 across midnight.
ROSTER = [
    {"officer_id": "O1", "ring": "1", "shift_start": "2024-03-01 07:00",
     "shift_end": "2024-03-01 15:00"},
    {"officer_id": "O2", "ring": "1", "shift_start": "2024-03-01 15:00",
     "shift_end": "2024-03-01 23:00"},
    {"officer_id": "O2", "ring": "1", "shift_start": "2024-03-01 20:00",
     "shift_end": "2024-03-02 02:00"},
    {"officer_id": "O3", "ring": "1", "shift_start": "2024-03-01 23:00",
     "shift_end": "2024-03-02 07:00"},
    {"officer_id": "O4", "ring": "1", "shift_start": "2024-03-01 09:00",
     "shift_end": "2024-03-01 17:00"},
    {"officer_id": "O4", "ring": "2", "shift_start": "2024-03-02 06:00",
     "shift_end": "2024-03-02 08:00"},
    {"officer_id": "O5", "ring": "2", "shift_start": "2024-03-01 06:00",
     "shift_end": "2024-03-01 08:00"},
]  # fmt: skip


def _times(*values: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(pd.to_datetime(list(values))).tz_localize(TZ).as_unit("us")


def _shifts(rows, rings=("1", "2")) -> pd.DataFrame:
    """A canonical staffing table from (officer, ring, start hour, end hour) after T0."""
    officer, ring, start, end = zip(*rows, strict=True) if rows else ((), (), (), ())
    return pd.DataFrame(
        {
            "officer_id": pd.Series(officer, dtype="str"),
            "ring": pd.Categorical(ring, categories=list(rings)),
            "shift_start": T0 + pd.to_timedelta(np.asarray(start, dtype=float), unit="h"),
            "shift_end": T0 + pd.to_timedelta(np.asarray(end, dtype=float), unit="h"),
        }
    )


def _union(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Merge overlapping or touching intervals (the brute-force reference for "counted once")."""
    merged: list[list[float]] = []
    for a, b in sorted(intervals):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _overlap(a: float, b: float, start: float, end: float) -> float:
    return max(0.0, min(end, b) - max(start, a))


@pytest.fixture
def roster_event(build_event):
    return build_event(staffing=ROSTER)


# ----------------------------------------------------------------------------- the sweep


def test_timeline_of_hand_worked_roster(roster_event):
    # Ring 1, adding +1 at each start and −1 at each end (O2's second shift clipped to 23:00):
    #   07:00 O1 +1 → 1;  09:00 O4 +1 → 2;  15:00 O1 −1, O2 +1 → net 0, no change point;
    #   17:00 O4 −1 → 1;  23:00 O2 −1 (1st), O2 +1 (clipped 2nd), O3 +1 → 2;
    #   02:00 O2 −1 → 1;  07:00 O3 −1 → 0.   (Without clipping, 20:00 would read 3.)
    # Ring 2: 06:00 O5 → 1, 08:00 → 0; 2 Mar 06:00 O4 → 1, 08:00 → 0. Ring 3: no rows.
    changes = [
        "2024-03-01 07:00", "2024-03-01 09:00", "2024-03-01 17:00", "2024-03-01 23:00",
        "2024-03-02 02:00", "2024-03-02 07:00",  # ring 1
        "2024-03-01 06:00", "2024-03-01 08:00", "2024-03-02 06:00", "2024-03-02 08:00",  # ring 2
    ]  # fmt: skip
    expected = pd.DataFrame(
        {
            "ring": pd.Categorical(["1"] * 6 + ["2"] * 4, categories=["1", "2", "3"]),
            "time": _times(*changes),
            "headcount": np.array([1, 2, 1, 2, 1, 0, 1, 0, 1, 0], dtype=np.int64),
        }
    )
    assert_frame_equal(staffing_timeline(roster_event), expected)


def test_timeline_takes_a_bare_staffing_table(roster_event):
    # Without an event the rings come from the categories of the ring column.
    from_event = staffing_timeline(roster_event)
    from_frame = staffing_timeline(roster_event.staffing)
    assert_frame_equal(from_frame, from_event)
    only_two = staffing_timeline(roster_event.staffing, rings=["2"])
    assert only_two["headcount"].tolist() == [1, 0, 1, 0]


def test_timeline_of_rings_given_as_plain_text_equals_the_categorical_one(roster_event):
    # a script's own table may hold rings as text; a ring with no shift has an empty timeline
    as_text = roster_event.staffing.assign(ring=roster_event.staffing["ring"].astype(str))
    rings = [*roster_event.meta.ring_ids, "9"]
    timeline = staffing_timeline(as_text, rings=rings)
    expected = staffing_timeline(roster_event, rings=rings)
    assert_frame_equal(timeline, expected)
    assert not (timeline["ring"] == "9").any()


def test_overlapping_officer_is_reported_with_overlap_hours(roster_event):
    # O2's 20:00–02:00 shift (file row 4: header is row 1) overlaps 15:00–23:00 by 3 h.
    overlaps = overlapping_shifts(roster_event.staffing)
    assert list(overlaps.columns) == [
        "officer_id", "ring", "shift_start", "shift_end", "overlap_hours", "source_row",
    ]  # fmt: skip
    assert overlaps["officer_id"].tolist() == ["O2"]
    assert overlaps["shift_start"].tolist() == list(_times("2024-03-01 20:00"))
    assert overlaps["overlap_hours"].tolist() == [3.0]
    assert overlaps["source_row"].tolist() == [4]


def test_shift_inside_an_earlier_one_overlaps_entirely_and_is_removed_when_clipped():
    # a: 0–8 h; a: 2–4 h lies inside it (overlap 2 h, removed); a: 6–10 h overlaps by 2 h
    # (clipped to 8–10); b: 0–8 h and b: 8–16 h are back to back (no overlap).
    staffing = _shifts([("a", "1", 0, 8), ("a", "1", 2, 4), ("a", "1", 6, 10),
                        ("b", "1", 0, 8), ("b", "1", 8, 16)])  # fmt: skip
    overlaps = overlapping_shifts(staffing)
    assert overlaps["overlap_hours"].tolist() == [2.0, 2.0]
    assert "source_row" not in overlaps.columns
    clipped = clip_overlapping_shifts(staffing)
    expected = _shifts([("a", "1", 0, 8), ("a", "1", 8, 10), ("b", "1", 0, 8), ("b", "1", 8, 16)])
    assert_frame_equal(clipped, expected)


def test_clip_keeps_rows_columns_and_dtypes(roster_event):
    staffing = roster_event.staffing
    clipped = clip_overlapping_shifts(staffing)
    assert len(clipped) == len(staffing)  # the overlapping shift is shortened, not removed
    assert clipped.dtypes.equals(staffing.dtypes)
    moved = clipped["source_row"] == 4
    assert clipped.loc[moved, "shift_start"].tolist() == list(_times("2024-03-01 23:00"))
    assert_frame_equal(
        clipped.loc[~moved].reset_index(drop=True),
        staffing.loc[~moved.to_numpy()].reset_index(drop=True),
    )
    assert overlapping_shifts(clipped).empty


def test_overlap_across_rings_counts_the_officer_in_the_earlier_shift():
    # x works ring 1 from 0 to 8 h and ring 2 from 6 to 10 h: ring 2 only has her from 8 h.
    timeline = staffing_timeline(_shifts([("x", "1", 0, 8), ("x", "2", 6, 10)]))
    ring2 = timeline[timeline["ring"] == "2"]
    assert ring2["time"].tolist() == [T0 + pd.Timedelta(hours=8), T0 + pd.Timedelta(hours=10)]
    assert ring2["headcount"].tolist() == [1, 0]


def test_empty_roster_gives_an_empty_timeline_and_zero_coverage():
    timeline = staffing_timeline(_shifts([]))
    assert timeline.empty and list(timeline.columns) == ["ring", "time", "headcount"]
    coverage = coverage_over(timeline, "1", [T0], [T0 + pd.Timedelta(hours=1)])
    assert coverage.officer_hours.tolist() == [0.0]
    assert coverage.min_staff.tolist() == [0]


# ----------------------------------------------------------------------------- coverage


def test_coverage_over_hand_worked_blocks(roster_event):
    timeline = staffing_timeline(roster_event)
    starts = _times("2024-03-01 08:00", "2024-03-01 15:00", "2024-03-01 16:00",
                    "2024-03-01 22:00", "2024-03-02 08:00")  # fmt: skip
    ends = _times("2024-03-01 10:00", "2024-03-01 16:00", "2024-03-01 18:00",
                  "2024-03-02 01:00", "2024-03-02 09:00")  # fmt: skip
    coverage = coverage_over(timeline, "1", starts, ends)
    # 08–10: 1 officer 08–09 + 2 officers 09–10 = 3 officer-hours, mean 1.5, min 1, max 2
    # 15–16: O2 replaces O1 at 15:00 and O4 stays: 2 throughout, min 2 (no dip at the handover)
    # 16–18: 2 officers 16–17, then 1 → 3 officer-hours, mean 1.5, min 1
    # 22–01: O2 alone 22–23 (1), O2 + O3 23–01 (2 × 2 h) → 5, mean 5/3, min 1, max 2
    # 2 Mar 08–09: ring 1 is empty after 07:00 → 0
    assert coverage.officer_hours == pytest.approx([3.0, 2.0, 3.0, 5.0, 0.0])
    assert coverage.mean_staff == pytest.approx([1.5, 2.0, 1.5, 5 / 3, 0.0])
    assert coverage.min_staff.tolist() == [1, 2, 1, 1, 0]
    assert coverage.max_staff.tolist() == [2, 2, 2, 2, 0]
    # Ring 2, 05:00–07:00: nobody 05–06, O5 06–07 → 1 officer-hour, mean 0.5, min 0
    ring2 = coverage_over(timeline, "2", _times("2024-03-01 05:00"), _times("2024-03-01 07:00"))
    assert ring2.officer_hours == pytest.approx([1.0])
    assert ring2.mean_staff == pytest.approx([0.5])
    assert ring2.min_staff.tolist() == [0]
    # Ring 3 has no shifts at all
    ring3 = coverage_over(timeline, "3", starts, ends)
    assert ring3.officer_hours.tolist() == [0.0] * 5


def test_review_windows_staff_columns_of_hand_worked_roster(roster_event):
    windows = review_windows(roster_event, "1h")
    ring1 = windows[windows["ring"] == "1"].set_index("window_start")
    at = ring1.loc[_times("2024-03-01 16:00", "2024-03-01 20:00", "2024-03-01 23:00")]
    # 16–17: O2 + O4 = 2; 20–21: O2 once although both her shifts cover it = 1; 23–00: O2 + O3
    assert at["officer_hours"].tolist() == [2.0, 1.0, 2.0]
    assert at["min_staff"].tolist() == [2, 1, 2]
    # Ring 1 officer-hours over the whole event: O1 8 + O2 15:00–02:00 11 + O3 8 + O4 8 = 35
    assert ring1["officer_hours"].sum() == pytest.approx(35.0)
    # Ring 2 inside the event: O5 07–08 (1 h; 06–07 is before the start) + O4 2 h = 3
    assert windows.loc[windows["ring"] == "2", "officer_hours"].sum() == pytest.approx(3.0)


def _brute_force_officer_hours(staffing: pd.DataFrame, ring: str, starts, ends) -> np.ndarray:
    """Per block, Σ over the ring's officers of |union of their shifts ∩ block| in hours.

    Valid when no officer's shifts in different rings overlap (true of the data it is used on).
    """
    hours = lambda t: (t - T0) / pd.Timedelta(hours=1)  # noqa: E731
    mine = staffing[staffing["ring"].astype(str) == ring]
    spans = []
    for _, part in mine.groupby("officer_id"):
        spans += _union(
            list(zip(hours(part["shift_start"]), hours(part["shift_end"]), strict=True))
        )
    return np.array(
        [
            sum(_overlap(hours(a), hours(b), s, e) for s, e in spans)
            for a, b in zip(starts, ends, strict=True)
        ]
    )


def test_officer_hours_equal_brute_force_on_hand_made_roster(roster_event):
    windows = review_windows(roster_event, "1h")
    for ring in ("1", "2", "3"):
        part = windows[windows["ring"] == ring]
        expected = _brute_force_officer_hours(
            roster_event.staffing, ring, part["window_start"], part["window_end"]
        )
        assert part["officer_hours"].to_numpy() == pytest.approx(expected)


@pytest.fixture(scope="module")
def generated_event(tmp_path_factory):
    synthetic = generate_event(seed=5, days=4, n_officers=90, n_risks=12)
    folder = tmp_path_factory.mktemp("generated") / "event"
    write_event(synthetic, folder, format="parquet")
    return synthetic, load_event(folder)


def test_officer_hours_equal_brute_force_on_generated_event(generated_event):
    synthetic, event = generated_event
    windows = review_windows(event, "90min")  # blocks that cut through shifts and late starts
    staffing = event.staffing
    assert overlapping_shifts(staffing).empty  # so the plain interval sum is the reference
    # windows × shifts matrix of overlaps, in hours from the event start
    hours = lambda t: ((t - event.meta.start) / pd.Timedelta(hours=1)).to_numpy()  # noqa: E731
    a, b = hours(windows["window_start"])[:, None], hours(windows["window_end"])[:, None]
    s, e = hours(staffing["shift_start"])[None, :], hours(staffing["shift_end"])[None, :]
    overlap = np.clip(np.minimum(e, b) - np.maximum(s, a), 0, None)
    window_ring = windows["ring"].astype(str).to_numpy()[:, None]
    same_ring = window_ring == staffing["ring"].astype(str).to_numpy()[None, :]
    expected = (overlap * same_ring).sum(axis=1)
    assert windows["officer_hours"].to_numpy() == pytest.approx(expected, abs=1e-9)
    assert (windows["mean_staff"] * windows["hours"]).to_numpy() == pytest.approx(expected)


def test_mean_staff_matches_the_generators_own_sweep(generated_event):
    # planted_windows.mean_staff is the generator's minute-resolution count per ring-hour
    synthetic, event = generated_event
    windows = review_windows(event, "1h")
    planted = synthetic.planted_windows
    assert windows["ring"].astype(str).tolist() == planted["ring"].tolist()
    assert windows["mean_staff"].to_numpy() == pytest.approx(planted["mean_staff"].to_numpy())


# ----------------------------------------------------------------------------- properties

_SHIFT = st.tuples(
    st.sampled_from(["a", "b", "c", "d"]),  # officer
    st.sampled_from(["1", "2"]),  # ring
    st.integers(0, 47),  # start, in half-hours from T0
    st.integers(1, 24),  # length, in half-hours
)


@settings(max_examples=150, deadline=None)
@given(
    shifts=st.lists(_SHIFT, min_size=1, max_size=10),
    cuts=st.lists(st.integers(-4, 80), min_size=2, max_size=8, unique=True),
)
def test_property_coverage_equals_brute_force(shifts, cuts):
    """Officers move between rings and overlap themselves; every block is checked against
    (1) Σ over officers of |union of all their shifts ∩ block| summed over rings, and
    (2) the lowest number of distinct officers on duty at any instant of the block."""
    staffing = _shifts([(o, r, s / 2, (s + n) / 2) for o, r, s, n in shifts])
    timeline = staffing_timeline(staffing)
    cuts = sorted(cuts)
    a_h, b_h = np.array(cuts[:-1]) / 2, np.array(cuts[1:]) / 2
    starts = T0 + pd.to_timedelta(a_h, unit="h")
    ends = T0 + pd.to_timedelta(b_h, unit="h")
    per_ring = [coverage_over(timeline, ring, starts, ends) for ring in ("1", "2")]

    per_officer: dict[str, list[tuple[float, float]]] = {}
    for o, _, s, n in shifts:
        per_officer.setdefault(o, []).append((s / 2, (s + n) / 2))
    unions = [_union(spans) for spans in per_officer.values()]
    expected_total = [
        sum(_overlap(a, b, s, e) for spans in unions for s, e in spans)
        for a, b in zip(a_h, b_h, strict=True)
    ]
    total = per_ring[0].officer_hours + per_ring[1].officer_hours
    assert total == pytest.approx(expected_total)
    for coverage in per_ring:
        assert coverage.mean_staff == pytest.approx(coverage.officer_hours / (b_h - a_h))
        assert np.all(coverage.min_staff <= coverage.max_staff)

    # distinct officers on duty, sampled at quarter-hours (all change points are half-hours)
    def on_duty(t: float) -> int:
        return sum(any(s <= t < e for s, e in spans) for spans in unions)

    for i, (a, b) in enumerate(zip(a_h, b_h, strict=True)):
        samples = np.arange(a, b, 0.5) + 0.25
        heads = [on_duty(t) for t in samples]
        assert per_ring[0].min_staff[i] + per_ring[1].min_staff[i] <= min(heads)
        assert per_ring[0].max_staff[i] + per_ring[1].max_staff[i] >= max(heads)
    # the sum over rings of the step functions is the distinct-officer count at every instant
    change_hours = ((timeline["time"] - T0) / pd.Timedelta(hours=1)).to_numpy()
    samples = np.arange(-2, 40, 0.5) + 0.25
    held = np.zeros(len(samples), dtype=np.int64)
    for ring in ("1", "2"):
        mine = (timeline["ring"] == ring).to_numpy()
        times, heads = change_hours[mine], timeline["headcount"].to_numpy()[mine]
        k = np.searchsorted(times, samples, side="right") - 1
        held += np.where(k >= 0, np.append(heads, 0)[k], 0)  # k = −1: before the first
    assert held.tolist() == [on_duty(t) for t in samples]


@settings(max_examples=100, deadline=None)
@given(
    shifts=st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(0, 30), st.integers(1, 16)),
        min_size=1,
        max_size=8,
    )
)
def test_property_single_ring_min_staff_is_lowest_distinct_headcount(shifts):
    staffing = _shifts([(o, "1", s / 2, (s + n) / 2) for o, s, n in shifts], rings=("1",))
    timeline = staffing_timeline(staffing)
    a_h = np.arange(-1, 24, 1.5)
    coverage = coverage_over(
        timeline,
        "1",
        T0 + pd.to_timedelta(a_h, unit="h"),
        T0 + pd.to_timedelta(a_h + 1.5, unit="h"),
    )
    unions = [
        _union([(s / 2, (s + n) / 2) for o2, s, n in shifts if o2 == o])
        for o in {o for o, _, _ in shifts}
    ]
    for i, a in enumerate(a_h):
        heads = [
            sum(any(s <= t < e for s, e in spans) for spans in unions)
            for t in np.arange(a, a + 1.5, 0.5) + 0.25
        ]
        assert coverage.min_staff[i] == min(heads)
        assert coverage.max_staff[i] == max(heads)


# ----------------------------------------------------------------------------- inputs


def test_inputs_are_not_mutated(roster_event):
    staffing = roster_event.staffing
    before = staffing.copy(deep=True)
    timeline = staffing_timeline(staffing)
    timeline_before = timeline.copy(deep=True)
    overlapping_shifts(staffing)
    clip_overlapping_shifts(staffing)
    starts = _times("2024-03-01 08:00")
    coverage_over(timeline, "1", starts, _times("2024-03-01 10:00"))
    review_windows(roster_event, "1h")
    assert_frame_equal(staffing, before)
    assert_frame_equal(roster_event.staffing, before)
    assert_frame_equal(timeline, timeline_before)
