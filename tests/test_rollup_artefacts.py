"""Tests of sra_analysis.rollup.artefacts: the tables one event contributes to the roll-up.

The hand-made event of tests/test_windows.py (1 March 2024 07:00–12:30 WIB, three rings) is
worked out row by row in the comments.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_windows import INCIDENTS, RISKS, SHORT_EVENT, STAFF

from sra_analysis import evaluate
from sra_analysis.errors import ParameterError
from sra_analysis.rollup import event_tables, pool_tables, rates_by_level
from sra_analysis.rollup.artefacts import (
    INCIDENT_CATEGORY_COLUMNS,
    INCIDENT_COLUMNS,
    REGISTER_COLUMNS,
)

# I1 and I2 name R2 and R1; the others no item
LINKED = {"I1": "R2", "I2": "R1"}


@pytest.fixture
def hand(build_event):
    incidents = [{**row, "risk_id": LINKED.get(row["incident_id"], ""),
                  "description": "officer B saw it"} for row in INCIDENTS]  # fmt: skip
    event = build_event(incidents=incidents, staffing=STAFF, risks=RISKS, **SHORT_EVENT)
    return event, event_tables(evaluate(event, n_resamples=0), event)


def test_incident_table_has_exactly_the_agreed_columns_and_no_free_text(hand):
    _, tables = hand
    incidents = tables["incidents"]
    assert list(incidents.columns) == INCIDENT_COLUMNS + INCIDENT_CATEGORY_COLUMNS
    assert set(incidents.columns) == {"ring", "time", "hour", "day", "category", "severity",
                                      "disruption", "anticipated", "flagged", "category_text",
                                      "category_label_en", "category_label_id"}  # fmt: skip
    text = [str(value) for value in incidents.to_numpy().ravel()]
    assert not any("officer" in value for value in text)


def test_incident_categories_travel_as_codes_with_their_labels(hand):
    event, tables = hand
    rows = tables["incidents"].set_index(event.incidents["incident_id"].to_numpy())
    # categories.yaml: "crowd" is a code; "theft" an English synonym of lost_property;
    # "walkout" is in no entry, so it is other and keeps the text as written
    assert rows.loc["I1", ["category", "category_label_id"]].tolist() == [
        "crowd", "Kerumunan massa",
    ]  # fmt: skip
    assert rows.loc["I7", ["category", "category_label_en"]].tolist() == [
        "lost_property", "Lost property",
    ]  # fmt: skip
    assert rows.loc["I4", ["category", "category_text"]].tolist() == ["other", "walkout"]
    assert rows["category_text"].isna().sum() == 6  # the text travels for other only


def test_hand_worked_incident_rows(hand):
    event, tables = hand
    incidents = tables["incidents"]
    assert len(incidents) == len(event.incidents) == 7
    rows = incidents.set_index(event.incidents["incident_id"].to_numpy())
    # I2 08:00 ring 1: window 08–09 scores R1 12 (high, flagged); disrupted (severity 4)
    assert rows.loc["I2", ["hour", "day", "flagged", "disruption", "anticipated"]].tolist() == [
        8, 1, True, True, True,
    ]  # fmt: skip
    # I1 07:30 ring 1: R2 6 (medium) → not flagged; anticipated (names R2)
    assert rows.loc["I1", ["hour", "flagged", "anticipated"]].tolist() == [7, False, True]
    # I4 09:45 ring 2: R3 20 extreme → flagged; severity 5 but did not disrupt
    assert rows.loc["I4", ["flagged", "disruption", "severity"]].tolist() == [True, False, 5]
    # I6 at 12:30 is the event's end: in no window, so not flagged
    assert not rows.loc["I6", "flagged"]
    assert str(incidents["time"].dtype) == "datetime64[us, Asia/Jakarta]"


def test_register_rows_count_what_each_item_realised(hand):
    _, tables = hand
    register = tables["register"].set_index("risk_id")
    assert list(tables["register"].columns) == [*REGISTER_COLUMNS, "categories"]
    # R1 ← I2 (a disruption); R2 ← I1; R3 and R4 nothing
    assert register["incidents"].to_dict() == {"R1": 1, "R2": 1, "R3": 0, "R4": 0}
    assert register["disruptions"].to_dict() == {"R1": 1, "R2": 0, "R3": 0, "R4": 0}
    assert register.loc["R3", ["score", "level", "ring"]].tolist() == [20, "extreme", "2"]


def test_windows_carry_cell_rank_hour_and_day(hand):
    _, tables = hand
    windows = tables["windows"]
    ring2 = windows[windows["ring"] == "2"]
    assert ring2["level_rank"].tolist() == [2, 2, 4, 4, 0, 0]
    assert ring2["hour"].tolist() == [7, 8, 9, 10, 11, 12]
    assert set(windows["day"]) == {1}
    assert ring2["likelihood"].tolist()[:3] == [2, 2, 5]
    assert windows["ring_name"].iloc[0] == "Outside the fence"


def test_pooled_totals_equal_the_sums_of_the_per_event_tables(hand):
    event, tables = hand
    pooled = pool_tables({"one": tables, "two": tables})
    assert pooled["windows"]["event_id"].value_counts().to_dict() == {"one": 18, "two": 18}
    assert len(pooled["incidents"]) == 2 * len(tables["incidents"])
    by_level = rates_by_level(pooled["windows"])
    assert by_level["incidents"].sum() == 2 * tables["windows"]["incidents"].sum()
    assert str(pooled["incidents"]["time"].dtype).endswith("UTC]")
    with pytest.raises(ParameterError, match="has no 'register' table"):
        pool_tables({"one": {k: v for k, v in tables.items() if k != "register"}})


def test_event_tables_refuses_a_mismatched_event(hand, build_event):
    event, _ = hand
    other = build_event(id="other-event", **SHORT_EVENT)
    with pytest.raises(ParameterError, match="evaluation is of event"):
        event_tables(evaluate(other, n_resamples=0), event)
    with pytest.raises(ParameterError, match="needs the Event"):
        event_tables(evaluate(event, n_resamples=0), pd.DataFrame())


def test_inputs_are_not_mutated(hand):
    event, _ = hand
    review = evaluate(event, n_resamples=0)
    kept = review.windows.copy(), event.incidents.copy()
    event_tables(review, event)
    pd.testing.assert_frame_equal(review.windows, kept[0])
    pd.testing.assert_frame_equal(event.incidents, kept[1])
