"""Tests of sra_analysis.sample.province at national scale: 514 events over 38 provinces."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

import sra_analysis.sample as sample
from sra_analysis import load_event
from sra_analysis.sample import generate_province, province_plan
from sra_analysis.sample.province import national_regions

SAMPLE_DATA = Path(sample.__file__).resolve().parents[1] / "sample_data"
ORIGINAL_COLUMNS = [
    "event_id", "name", "venue", "seed", "start", "days", "n_officers", "planned_personnel",
    "rings", "ring_order", "shift_hours", "n_risks", "timezone", "format", "encoding",
    "ring_labels", "date_style",
]  # fmt: skip
# sha256 of province_plan(n_events=27, seed=2024).to_csv(index=False) as the plan stood
# before the national set (commit b66d52e): the first 27 rows must not move, except that
# rings are now numbered as Polri numbers them (ring_order flipped: inside_out where the
# plan said outside_in and the other way round).
PLAN_27_SHA256 = "768d2613e363ebd92cef66df1e5ed17b334c12dae869e9b1772898ae8ceb0450"


@pytest.fixture(scope="module")
def national_plan():
    return province_plan(n_events=514, seed=2024)


def test_national_plan_has_514_unique_ids_over_38_provinces(national_plan):
    assert len(national_plan) == 514
    assert national_plan["event_id"].is_unique
    assert national_plan["province"].nunique() == 38
    # Regions per province (KPU regency and city offices, 2024), counted by hand:
    # Jawa Timur 29 kab + 9 kota, Papua Selatan 4 kab, DKI Jakarta 1 kab + 5 kota.
    counts = national_plan["province"].value_counts()
    assert counts["Jawa Timur"] == 38 and counts["Papua Selatan"] == 4
    assert counts["DKI Jakarta"] == 6 and counts["Jawa Barat"] == 27
    dki = national_plan[national_plan["province"] == "DKI Jakarta"]["event_id"]
    assert sorted(dki.str.split("-").str[0]) == ["kab", "kota", "kota", "kota", "kota", "kota"]
    assert (national_plan["event_id"].str.startswith("kota-")).sum() == 98


@pytest.mark.parametrize(
    ("province", "zones"),
    [
        ("Aceh", {"Asia/Jakarta", "WIB"}),
        ("DI Yogyakarta", {"Asia/Jakarta", "WIB"}),
        ("Kalimantan Barat", {"Asia/Pontianak", "WIB"}),
        ("Kalimantan Utara", {"Asia/Makassar", "WITA"}),
        ("Bali", {"Asia/Makassar", "WITA"}),
        ("Nusa Tenggara Timur", {"Asia/Makassar", "WITA"}),
        ("Gorontalo", {"Asia/Makassar", "WITA"}),
        ("Maluku Utara", {"Asia/Jayapura", "WIT"}),
        ("Papua Pegunungan", {"Asia/Jayapura", "WIT"}),
    ],
)
def test_provinces_have_their_zone(national_plan, province, zones):
    rows = national_plan[national_plan["province"] == province]
    assert len(rows) > 0 and set(rows["timezone"]) <= zones


def test_all_three_zone_aliases_are_exercised(national_plan):
    assert {"WIB", "WITA", "WIT"} <= set(national_plan["timezone"])


def test_first_27_rows_are_those_of_the_west_java_plan(national_plan):
    first = national_plan.iloc[:27]
    flipped = {"inside_out": "outside_in", "outside_in": "inside_out"}
    before = first[ORIGINAL_COLUMNS].assign(ring_order=first["ring_order"].map(flipped))
    digest = hashlib.sha256(before.to_csv(index=False).encode()).hexdigest()
    assert digest == PLAN_27_SHA256
    # one event in five (number % 5 == 2) numbers its rings from the outside in
    assert (first["ring_order"] == "outside_in").tolist() == [n % 5 == 2 for n in range(27)]
    assert set(first["province"]) == {"Jawa Barat"}
    # Hand-checked against the bundled event.yaml files and the plan before the change.
    bogor = first.iloc[0]
    assert (bogor["event_id"], bogor["start"], bogor["planned_personnel"]) == (
        "kab-bogor-2024", "2024-03-03T07:00", 38,
    )  # fmt: skip
    assert first.iloc[6]["timezone"] == "WIB"  # the alias of event 7 (number % 9 == 6)
    contoh = first.iloc[26]
    assert contoh["event_id"] == "kab-contoh-027-2024"
    assert (contoh["seed"], contoh["start"], contoh["n_officers"], contoh["format"]) == (
        1690009362, "2024-03-06T08:00", 111, "xlsx",
    )  # fmt: skip
    for row in first.iloc[:26].itertuples():
        meta = yaml.safe_load((SAMPLE_DATA / row.event_id / "event.yaml").read_text("utf-8"))
        assert (meta["start"], meta["timezone"]) == (row.start, row.timezone)
        assert meta["planned_personnel"] == row.planned_personnel


def test_a_shorter_plan_is_the_head_of_a_longer_one(national_plan):
    assert province_plan(n_events=64, seed=2024).equals(national_plan.iloc[:64])
    assert not province_plan(n_events=64, seed=1).equals(national_plan.iloc[:64])


def test_any_first_64_events_span_every_province():
    regions = national_regions()
    assert {province for _, province, _ in regions[:64]} == {province for _, province, _ in regions}


def test_national_events_load_without_quarantine(tmp_path):
    folders = generate_province(tmp_path, n_events=62, seed=2024)
    plan = province_plan(n_events=62, seed=2024).set_index("event_id")
    # Bali (WITA alias), Kalimantan Barat (Asia/Pontianak), Papua, Papua Selatan (WIT alias),
    # Aceh (the first national event).
    expected = {
        "kab-contoh-028-2024": "Asia/Jakarta",
        "kab-contoh-043-2024": "Asia/Makassar",
        "kab-contoh-046-2024": "Asia/Pontianak",
        "kab-contoh-059-2024": "Asia/Jayapura",
        "kab-contoh-061-2024": "Asia/Jayapura",
    }
    by_id = {folder.name: folder for folder in folders}
    for event_id, zone in expected.items():
        event = load_event(by_id[event_id])
        assert str(event.meta.timezone) == zone
        assert plan.loc[event_id, "province"] in event.meta.name
        for kind, quality in event.quality.items():
            assert quality.quarantined == 0, (event_id, kind)
            assert quality.accepted > 0 or kind == "incidents"
        assert event.incidents["reported_at"].dt.tz is not None
