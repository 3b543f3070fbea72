"""Tests of sra_analysis.review.slicing: one part of an event, as a new Event.

Expected rows come from the hand-worked night event in ``tests/_night_event.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest
from _night_event import night_event

from sra_analysis.errors import ParameterError
from sra_analysis.review.evaluate import evaluate
from sra_analysis.review.slicing import (
    check_categories,
    check_rings,
    check_span,
    slice_counts,
    slice_event,
)


@pytest.fixture
def event(build_event):
    return night_event(build_event)


def _ids(frame: pd.DataFrame, column: str) -> list[str]:
    return sorted(frame[column].astype(str))


def test_a_ring_and_a_span_keep_only_their_rows(event):
    before = {name: getattr(event, name).copy() for name in ("incidents", "staffing", "risks")}
    part = slice_event(event, rings=["plenary"], start="2024-03-02 00:00")
    assert part.meta.ring_ids == ("3",)
    assert str(part.meta.start) == "2024-03-02 00:00:00+07:00"
    assert str(part.meta.end) == "2024-03-02 04:00:00+07:00"  # the event's own end
    assert _ids(part.incidents, "incident_id") == ["I4"]
    assert _ids(part.staffing, "officer_id") == ["O4"]
    assert _ids(part.risks, "risk_id") == ["R2", "R3"]  # R2 covers every ring
    assert list(part.incidents["ring"].cat.categories) == ["3"]
    # the whole event is left as it was, and its file accounting travels unchanged
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(event, name), frame)
    assert part.quality is event.quality


def test_rings_alone_keep_every_incident_of_those_rings_as_loaded(event):
    part = slice_event(event, rings=["1"])
    # I5 (19:30, before the event starts) stays, as it does in the whole event
    assert _ids(part.incidents, "incident_id") == ["I1", "I2", "I5"]
    assert _ids(part.risks, "risk_id") == ["R1", "R2"]
    counts = slice_counts(part, event).set_index("table")
    assert counts.loc["incidents"].tolist() == [3, 5]
    assert counts.loc["staffing"].tolist() == [2, 4]
    assert counts.loc["risks"].tolist() == [2, 3]


def test_a_span_drops_incidents_outside_it_and_shifts_that_miss_it(event):
    part = slice_event(event, end="2024-03-01 22:00")
    assert part.meta.ring_ids == ("1", "2", "3")
    assert _ids(part.incidents, "incident_id") == ["I1"]  # I3 at 22:15 and I5 at 19:30 go
    assert _ids(part.staffing, "officer_id") == ["O1", "O2", "O3"]  # O4 starts at 00:00
    assert _ids(part.risks, "risk_id") == ["R1", "R2"]  # R3 runs 02:00–04:00


def test_the_review_of_a_slice_counts_only_that_slice(event):
    review = evaluate(slice_event(event, rings=["3"], start="2024-03-02 00:00"), n_resamples=0)
    windows = review.windows
    # ring 3, 00:00–04:00: four 1-hour windows, 02:00 and 03:00 rated high (R3, 12)
    assert len(windows) == 4 and set(windows["ring"].astype(str)) == {"3"}
    assert windows["predicted_level"].astype(str).tolist() == ["medium", "medium", "high", "high"]
    assert windows["incidents"].tolist() == [0, 0, 1, 0]
    assert windows["officer_hours"].sum() == 4.0  # O4, 00:00–04:00


def test_times_may_be_given_with_a_zone(event):
    start, end = check_span(event.meta, start="2024-03-01T14:00Z", end="")
    assert str(start) == "2024-03-01 21:00:00+07:00"  # 14:00 UTC is 21:00 WIB
    assert end == event.meta.end


@pytest.mark.parametrize(
    ("rings", "message"),
    [
        (["9"], r"rings must name rings of the event \(ids \['1', '2', '3'\].*got '9'"),
        ("3", r"rings must be a list of ring ids such as \['1'\], got '3'"),
        (3, r"rings must be a list of ring ids such as \['1'\], got 3"),
        ([None], r"rings must name rings of the event .* got None"),
    ],
)
def test_a_bad_ring_is_named(event, rings, message):
    with pytest.raises(ParameterError, match=message):
        check_rings(event.meta, rings)


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ({"start": "tomorrow-ish"}, r"start must be a time .* got 'tomorrow-ish'"),
        ({"end": 12.5}, r"end must be a time .* got 12.5"),
        (
            {"start": "2024-03-02 03:00", "end": "2024-03-02 01:00"},
            r"start must be before end .*2024-03-01 20:00 – 2024-03-02 04:00.*"
            r"got start='2024-03-02 03:00', end='2024-03-02 01:00'",
        ),
        ({"start": "2024-03-05 00:00"}, r"start must be before end and the span must overlap"),
    ],
)
def test_a_bad_span_is_named(event, span, message):
    with pytest.raises(ParameterError, match=message):
        slice_event(event, **span)


def test_an_empty_choice_is_the_whole_event(event):
    assert check_rings(event.meta, []) == ("1", "2", "3")
    assert check_rings(event.meta, "") == ("1", "2", "3")
    assert check_span(event.meta, start="", end=None) == (event.meta.start, event.meta.end)


# ------------------------------------------------------------------------- categories


def test_categories_keep_only_those_incidents_and_leave_staffing_and_register(event):
    before = event.incidents.copy()
    part = slice_event(event, categories=["Traffic "])  # case and spaces ignored
    assert _ids(part.incidents, "incident_id") == ["I2", "I5"]  # the two traffic incidents
    assert _ids(part.staffing, "officer_id") == ["O1", "O2", "O3", "O4"]
    assert _ids(part.risks, "risk_id") == ["R1", "R2", "R3"]
    assert part.meta.ring_ids == ("1", "2", "3") and part.meta.start == event.meta.start
    pd.testing.assert_frame_equal(event.incidents, before)


def test_categories_combine_with_rings_and_a_span(event):
    part = slice_event(event, rings=["1"], start="2024-03-02 00:00", categories=["traffic"])
    assert _ids(part.incidents, "incident_id") == ["I2"]  # I5 (19:30 on 1 March) is outside
    # I2 at 01:30 in ring 1 is the one incident in the review's windows: 4 ring-1 hours
    windows = evaluate(part, n_resamples=0).windows
    assert len(windows) == 4 and windows["incidents"].tolist() == [0, 1, 0, 0]


def test_two_categories_keep_both(event):
    part = slice_event(event, categories=["crowd", "PROTEST"])
    assert _ids(part.incidents, "incident_id") == ["I1", "I4"]


@pytest.mark.parametrize(
    ("categories", "message"),
    [
        (
            ["drone"],
            r"categories must name categories of the incidents "
            # the fixture's "access" is in no entry of categories.yaml: loaded as other
            r"\(\['crowd', 'other', 'protest', 'traffic'\]\), got 'drone'",
        ),
        ("crowd", r"categories must be a list of incident categories .* got 'crowd'"),
        ([3], r"categories must name categories of the incidents .* got 3"),
    ],
)
def test_a_bad_category_is_named_with_the_known_ones(event, categories, message):
    with pytest.raises(ParameterError, match=message):
        slice_event(event, categories=categories)
    assert check_categories(event.incidents, []) == ()
