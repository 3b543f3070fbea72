"""Tests of sra_analysis.event_config: every event.yaml value checked, hostile ones named by key.

Each case writes the value as a user would type it in event.yaml (``planned_personnel: .inf``)
and expects an EventConfigError naming the file and the key, never a raw OverflowError,
OutOfBoundsTimedelta or a traceback from deeper down.
"""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from conftest import BASE_EVENT_CONFIG

from sra_analysis.errors import EventConfigError
from sra_analysis.event_config import (
    MAX_EVENT_DAYS,
    MAX_TEXT_CHARS,
    MAX_TIME_MARGIN_HOURS,
    config_text,
    config_whole_number,
    read_event_meta,
)


def _write(folder, **raw_lines) -> str:
    """event.yaml of BASE_EVENT_CONFIG with top-level keys replaced by raw YAML text."""
    config = {k: v for k, v in BASE_EVENT_CONFIG.items() if k not in raw_lines}
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    text += "".join(f"{key}: {raw}\n" for key, raw in raw_lines.items())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "event.yaml").write_text(text, encoding="utf-8")
    return str(folder / "event.yaml")


def _refused(folder, key, message, **raw_lines) -> EventConfigError:
    file = _write(folder, **raw_lines)
    with pytest.raises(EventConfigError, match=message) as raised:
        read_event_meta(folder)
    assert raised.value.file == file
    assert raised.value.key == key
    assert f"{file} (key {key!r})" in str(raised.value)
    return raised.value


# ---------------------------------------------------------------------- counts and numbers


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("planned_personnel", ".inf", "must be a finite whole number, got inf"),
        ("planned_personnel", "-.inf", "must be a finite whole number, got -inf"),
        ("planned_personnel", ".nan", "must be a finite whole number, got nan"),
        ("planned_personnel", "1e400", "must be a finite whole number, got '1e400'"),
        ("planned_personnel", "1.0e+400", "must be a finite whole number, got inf"),
        ("planned_personnel", "-1", "must be 0–1,000,000, got -1"),
        ("planned_personnel", "1000001", "must be 0–1,000,000, got 1000001"),
        ("planned_personnel", "12.5", "expected a whole number, got 12.5"),
        ("planned_personnel", "true", "expected a whole number, got True"),
        ("planned_personnel", "[50]", r"expected a whole number, got \[50\]"),
        ("disruption_severity", ".inf", "must be a finite whole number"),
        ("disruption_severity", ".nan", "must be a finite whole number"),
        ("disruption_severity", "0", "must be 1–5, got 0"),
        ("disruption_severity", "1e400", "must be a finite whole number"),
        ("time_margin_hours", ".inf", "must be a finite whole number"),
        ("time_margin_hours", "1.0e+30", "must be 0–720 hours"),
        ("time_margin_hours", "100000000000000000000000", "must be 0–720 hours"),
        ("time_margin_hours", "721", "must be 0–720 hours, got 721"),
        ("time_margin_hours", "-1", "must be 0–720 hours, got -1"),
    ],
)
def test_hostile_numbers_name_their_key(tmp_path, key, raw, message):
    _refused(tmp_path, key, message, **{key: raw})


def test_numbers_at_the_bounds_are_accepted(tmp_path):
    _write(tmp_path, planned_personnel='"120"', disruption_severity="5.0", time_margin_hours="720")
    meta = read_event_meta(tmp_path)
    assert meta.planned_personnel == 120
    assert meta.disruption_severity == 5
    assert meta.time_margin == pd.Timedelta(days=30)
    assert MAX_TIME_MARGIN_HOURS == 720


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{low: [1, .inf], medium: [5, 9], high: [10, 14], extreme: [15, 25]}", "got inf"),
        ("{low: [1, 4], medium: [5, 9], high: [10, 14], extreme: [15, .nan]}", "got nan"),
        ("{low: [1, 4.5], medium: [5, 9], high: [10, 14], extreme: [15, 25]}", "whole number"),
        ("{low: [1, 4], medium: [5, 9], high: [10, 14], extreme: [15, 1e400]}", "'1e400'"),
        ("{low: [-5, 4], medium: [5, 9], high: [10, 14], extreme: [15, 25]}", "must be 0–25"),
    ],
)
def test_risk_band_bounds_must_be_finite_whole_numbers(tmp_path, raw, message):
    error = _write(tmp_path, risk_levels=raw)
    with pytest.raises(EventConfigError, match=message) as raised:
        read_event_meta(tmp_path)
    assert raised.value.file == error
    assert raised.value.key.startswith("risk_levels.")


def test_a_huge_value_is_not_echoed_whole(tmp_path):
    error = _refused(
        tmp_path, "planned_personnel", "must be 0–1,000,000", planned_personnel="9" * 4000
    )
    assert len(str(error)) < len(error.file) + 200


# ----------------------------------------------------------------------------------- times


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("start", "1899-12-31T23:00", "must lie between 1900-01-01 and 2200-01-01"),
        ("start", "0001-01-01", "must lie between"),
        ("end", "2200-01-02T00:00", "must lie between"),
        ("end", "9999-12-31", "must lie between"),
        ("end", "99999-01-01", "expected a time like 2024-03-01T07:00"),
        ("start", "NaT", "must lie between"),
        ("start", "20240301", "expected a time like"),  # a number, not a time
        ("start", "[2024-03-01]", "expected a time like"),
    ],
)
def test_times_out_of_range_name_their_key(tmp_path, key, raw, message):
    _refused(tmp_path, key, message, **{key: raw})


def test_an_event_longer_than_366_days_is_refused(tmp_path):
    # 2024 is a leap year: 1 Jan 2024 to 1 Jan 2025 is exactly 366 days
    assert MAX_EVENT_DAYS == 366
    _write(tmp_path / "a", start="2024-01-01T00:00", end="2025-01-01T00:00")
    assert read_event_meta(tmp_path / "a").duration_hours == 366 * 24
    _refused(
        tmp_path / "b",
        "end",
        "lasts 366 days 01:00:00 from start to end; at most 366 days",
        start="2024-01-01T00:00",
        end="2025-01-01T01:00",
    )
    # 2000–2099 hold 25 leap years (2000 included): 100 × 365 + 25 = 36525 days
    _refused(
        tmp_path / "c", "end", "lasts 36525 days 00:00:00", start="2000-01-01", end="2100-01-01"
    )


def test_a_local_time_skipped_by_a_clock_change_names_its_key(tmp_path):
    # Berlin skips 02:00–03:00 on 31 March 2024 and repeats 02:00–03:00 on 27 October 2024
    _refused(
        tmp_path / "a",
        "start",
        "does not exist in Europe/Berlin",
        timezone="Europe/Berlin",
        start="2024-03-31T02:30",
        end="2024-04-01T00:00",
    )
    _refused(
        tmp_path / "b",
        "end",
        "is ambiguous in Europe/Berlin",
        timezone="Europe/Berlin",
        start="2024-10-26T07:00",
        end="2024-10-27T02:30",
    )
    _write(
        tmp_path / "c",
        timezone="Europe/Berlin",
        start="2024-10-26T07:00",
        end="2024-10-27T02:30+01:00",
    )
    # 02:30 in winter time (+01:00) is 01:30 UTC
    assert read_event_meta(tmp_path / "c").end == pd.Timestamp("2024-10-27 01:30", tz="UTC")


# ------------------------------------------------------------------------------------ texts


@pytest.mark.parametrize(
    ("key", "raw", "message"),
    [
        ("name", "[a, b]", "expected text, got a list"),
        ("name", "{a: 1}", "expected text, got a dict"),
        ("venue", "x" * (MAX_TEXT_CHARS + 1), "longer than 1000 characters"),
        ("id", "[x]", "expected text"),
        ("timezone", "{zone: WIB}", "expected text"),
        ("flag_level", "[high]", "expected text"),
    ],
)
def test_texts_must_be_text(tmp_path, key, raw, message):
    _refused(tmp_path, key, message, **{key: raw})


@pytest.mark.parametrize("key", ["unit", "classification", "prepared_by", "approved_by"])
@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("x" * (MAX_TEXT_CHARS + 1), "longer than 1000 characters"),
        ("[TERBATAS]", "expected text, got a list"),
        ("{role: Kapolres}", "expected text, got a dict"),
        ('"a\\0b"', "contains a NUL byte"),
    ],
)
def test_cover_texts_are_checked_like_other_text(tmp_path, key, raw, message):
    _refused(tmp_path, key, message, **{key: raw})


def test_cover_texts_are_read_trimmed_and_optional(tmp_path):
    meta = read_event_meta(_write(tmp_path / "none"))
    assert (meta.unit, meta.classification, meta.prepared_by, meta.approved_by) == ("",) * 4
    _write(
        tmp_path / "all",
        unit="Polres Purwakarta",
        classification='" TERBATAS "',
        prepared_by="Kabag Ops",
        approved_by='"<b>Kapolres</b>"',
    )
    meta = read_event_meta(tmp_path / "all")
    assert meta.unit == "Polres Purwakarta"
    assert meta.classification == "TERBATAS"
    assert meta.prepared_by == "Kabag Ops"
    assert meta.approved_by == "<b>Kapolres</b>"  # kept as typed; escaped where it is shown
    # a null value is the same as leaving the key out
    assert read_event_meta(_write(tmp_path / "null", classification="~")).classification == ""


def test_objectives_are_one_text_or_a_list_of_texts_and_optional(tmp_path):
    assert read_event_meta(_write(tmp_path / "none")).objectives == ()
    one = read_event_meta(_write(tmp_path / "one", objectives='" Rapat pleno aman "'))
    assert one.objectives == ("Rapat pleno aman",)
    listed = _write(tmp_path / "list", objectives='["Pleno aman", "", Logistik aman, 2024]')
    # blank entries are left out; a number is text as typed
    assert read_event_meta(listed).objectives == ("Pleno aman", "Logistik aman", "2024")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{aman: ya}", "expected a text or a list of texts, got {'aman': 'ya'}"),
        ("[[Pleno aman]]", "expected a text or a list of texts"),
        ("[{a: 1}]", "expected a text or a list of texts"),
        ("[" + ", ".join(["x"] * 51) + "]", "lists 51 objectives; at most 50 are accepted"),
        ("[" + "x" * (MAX_TEXT_CHARS + 1) + "]", "longer than 1000 characters"),
        ('"a\\0b"', "contains a NUL byte"),
    ],
)
def test_bad_objectives_name_their_key(tmp_path, raw, message):
    _refused(tmp_path, "objectives", message, objectives=raw)


def test_ring_labels_must_be_text(tmp_path):
    _refused(tmp_path, "rings", "expected text, got a dict", rings='[{id: "1", name: {a: 1}}]')
    _refused(tmp_path / "b", "rings", "expected text", rings='[{id: "1", aliases: [[x]]}]')


def test_helpers_accept_plain_values():
    assert config_whole_number(50.0, key="k", source="f", low=0, high=100) == 50
    assert config_whole_number(" 7 ", key="k", source="f", low=0, high=100) == 7
    assert config_text("Pleno", key="name", source="f") == "Pleno"
    assert config_text(None, key="name", source="f", default="x") == "x"


# ---------------------------------------------------------------------------------- zones


def test_ring_zones_are_read_case_folded_and_optional(tmp_path):
    _write(
        tmp_path,
        rings='[{id: "1", name: Ruang sidang, zone: core}, {id: "2", zone: " Building "},'
        ' {id: "3", name: Pagar}]',
    )
    meta = read_event_meta(tmp_path)
    assert [ring.zone for ring in meta.rings] == ["core", "building", None]
    assert [r["zone"] for r in meta.to_dict()["rings"]] == ["core", "building", None]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("fence", "'fence'"), ("ring 1", "'ring 1'"), ("[core]", r"\['core'\]"), ("3", "3")],
)
def test_an_unknown_zone_names_the_ring_the_zones_and_the_value(tmp_path, raw, shown):
    error = _refused(
        tmp_path, "rings", "zone must be one of", rings=f'[{{id: "1"}}, {{id: "2", zone: {raw}}}]'
    )
    message = str(error)
    assert "ring '2'" in message
    assert "['core', 'building', 'perimeter', 'outer']" in message
    assert message.endswith(f"got {shown.replace(chr(92), '')}")
