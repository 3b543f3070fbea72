"""Tests of sra_analysis.rollup.rings: rings of different events pooled by zone.

A province of four synthetic events whose offices numbered and named their rings
differently — one numbered from the outside in with English names, one from the inside out
with Indonesian names, one with two rings, one with four — must pool into one row per zone.
The expected pools are worked out from each event's own ``event.yaml`` (ring id → zone),
not from the pooling code.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from sra_analysis import evaluate, load_event
from sra_analysis.rollup import event_tables, hot_spots, pool_rings, pool_tables, ring_pooling
from sra_analysis.sample import generate_event, write_event
from sra_analysis.zones import ZONES, zone_label

# (event id, rings, ring_order, names written in event.yaml)
PROVINCE = [
    ("kab-outside-in-en", 3, "outside_in", "name"),
    ("kab-inside-out-id", 3, "inside_out", "name_id"),
    ("kota-two-rings", 2, "inside_out", "name"),
    ("kab-four-rings", 4, "outside_in", "name_id"),
]


def _event(tmp_path, event_id, rings, ring_order, names, *, zones=True):
    synthetic = generate_event(
        seed=len(event_id), event_id=event_id, days=1, n_officers=40, rings=rings,
        ring_order=ring_order, n_risks=8,
    )  # fmt: skip
    entries = []
    for entry in synthetic.meta["rings"]:
        entry = {**entry, "name": entry[names]}  # Indonesian names where the office wrote them
        if not zones:
            entry.pop("zone")
        entries.append(entry)
    synthetic = dataclasses.replace(synthetic, meta={**synthetic.meta, "rings": entries})
    return load_event(write_event(synthetic, tmp_path / event_id))


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    folder = tmp_path_factory.mktemp("province")
    events = [_event(folder, *plan) for plan in PROVINCE]
    tables = {e.id: event_tables(evaluate(e, n_resamples=0), e) for e in events}
    return events, pool_tables(tables)


def test_the_offices_numbered_and_named_their_rings_differently(province):
    events, _ = province
    by_id = {e.id: e.meta for e in events}
    # ring 1 is the fence in one office and the plenary room in the other
    assert by_id["kab-outside-in-en"].ring("1").zone == "perimeter"
    assert by_id["kab-inside-out-id"].ring("1").zone == "core"
    assert by_id["kab-outside-in-en"].ring("3").name == "Plenary room"
    assert by_id["kab-inside-out-id"].ring("1").name == "Ruang pleno"
    # 2, 3 and 4 rings: every ring has a zone, ring 1 innermost in Polri order
    assert [r.zone for r in by_id["kota-two-rings"].rings] == ["core", "perimeter"]
    assert [r.zone for r in by_id["kab-four-rings"].rings] == [
        "outer", "perimeter", "building", "core"
    ]  # fmt: skip


def test_a_province_pools_into_one_row_per_zone(province):
    events, pooled = province
    windows = pooled["windows"]
    # expected, from each event's own rings: officer-hours of the rings of each zone
    expected: dict[str, float] = {}
    for event in events:
        mine = windows[windows["event_id"] == event.id]
        for ring in event.meta.rings:
            hours = mine.loc[mine["ring"] == ring.id, "officer_hours"].sum()
            expected[ring.zone] = expected.get(ring.zone, 0.0) + hours
    assert set(expected) == set(ZONES)

    spots = hot_spots(pool_rings(windows, lang="id"))
    assert set(spots["ring"]) == set(ZONES)  # one row per zone (× hour), whatever the number
    assert set(spots["pooled_by"]) == {"zone"}
    per_zone = spots.groupby("ring")["officer_hours"].sum()
    for zone in ZONES:
        assert per_zone[zone] == pytest.approx(expected[zone])
        shown = set(spots.loc[spots["ring"] == zone, "ring_name"])
        assert shown == {zone_label(zone, "id")}
    # the plenary room of all four events is one ring: four events contribute
    assert spots.loc[spots["ring"] == "core", "events"].max() == 4
    assert spots.loc[spots["ring"] == "outer", "events"].max() == 1
    assert ring_pooling(windows) == {"by_zone": [e.id for e in events], "without_zone": []}


def test_an_event_without_zones_is_pooled_by_name_and_said_so(tmp_path, province):
    events, pooled = province
    bare = _event(tmp_path, "kab-no-zones", 2, "inside_out", "name", zones=False)
    tables = event_tables(evaluate(bare, n_resamples=0), bare)
    windows = pd.concat(
        [pooled["windows"], pool_tables({bare.id: tables})["windows"]], ignore_index=True
    )
    rings = pool_rings(windows)
    mine = rings[rings["event_id"] == bare.id]
    assert set(mine["pooled_by"]) == {"name"}
    assert set(mine["ring"]) == {"Plenary room", "Outside the fence"}
    assert ring_pooling(windows)["without_zone"] == [
        {"event_id": bare.id, "rings": ["Plenary room", "Outside the fence"]}
    ]


def test_a_zone_that_is_not_one_pools_by_name_and_inputs_stay_unchanged():
    # the windows come from report folders (untrusted): a damaged zone is no zone
    windows = pd.DataFrame({
        "event_id": ["a", "b", "c"], "ring": ["1", "1", "2"],
        "ring_name": ["Pagar", "Gate", "Ruang sidang"], "zone": ["perimeter", "<b>x</b>", None],
    })  # fmt: skip
    before = windows.copy()
    rings = pool_rings(windows)
    assert rings["ring"].tolist() == ["perimeter", "Gate", "Ruang sidang"]
    assert rings["pooled_by"].tolist() == ["zone", "name", "name"]
    pd.testing.assert_frame_equal(windows, before)
    # a report written before zones: no zone column at all
    old = pool_rings(windows.drop(columns="zone"))
    assert old["pooled_by"].tolist() == ["name"] * 3


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "2 events give no zone for some rings (Gudang, Pagar); those rings are pooled"),
     ("id", "2 kegiatan tidak mencantumkan zona untuk sebagian ring (Gudang, Pagar); ring")],
)  # fmt: skip
def test_rollup_json_says_which_rings_were_pooled_by_name(lang, words):
    from sra_analysis.reports.pages.rollup_run import _ring_pooling

    windows = pd.DataFrame({
        "event_id": ["a", "a", "b", "b"], "ring": ["1", "2", "1", "2"],
        "ring_name": ["Ruang sidang", "Pagar", "Gudang", "Plenary"],
        "zone": ["core", None, None, "core"],
    })  # fmt: skip
    pooling = _ring_pooling(windows, lang)
    assert pooling["by_zone"] == []
    assert [entry["event_id"] for entry in pooling["without_zone"]] == ["a", "b"]
    assert pooling["note"].startswith(words)
    assert _ring_pooling(windows.assign(zone="core"), lang)["note"] is None


def test_an_indonesian_rollup_shows_a_ring_without_zone_by_its_indonesian_name():
    # two events name the same ring in English (pooled by that name); one also gives its
    # Indonesian name, which an Indonesian roll-up shows instead of the English one
    windows = pd.DataFrame({
        "event_id": ["a", "b", "b"], "ring": ["1", "3", "2"],
        "ring_name": ["Plenary room", "plenary  ROOM", "Gate"],
        "ring_name_id": ["Ruang pleno", None, "Gerbang"],
        "zone": [None, None, None],
    })  # fmt: skip
    english = pool_rings(windows, lang="en")
    assert english["ring_name"].tolist() == ["Plenary room", "Plenary room", "Gate"]
    indonesian = pool_rings(windows, lang="id")
    assert indonesian["ring"].tolist() == english["ring"].tolist()  # pooled the same way
    assert indonesian["ring_name"].tolist() == ["Ruang pleno", "Ruang pleno", "Gerbang"]
