"""Tests of sra_analysis.event: event.yaml, rings and their labels, timezones, FileQuality."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from sra_analysis.errors import EventConfigError, ParameterError
from sra_analysis.event import (
    TIMEZONE_ALIASES,
    Event,
    FileQuality,
    Ring,
    fold_label,
    resolve_timezone,
)
from sra_analysis.event_config import read_event_meta
from sra_analysis.io.validate import ISSUE_COLUMNS

# ------------------------------------------------------------------------------ fold_label


@pytest.mark.parametrize(
    ("label", "folded"),
    [
        ("  Ring II ", "ring 2"),
        ("RING_2", "ring 2"),
        ("ring-iii", "ring 3"),
        ("Ring.IV", "ring 4"),
        ("Luar\u00a0Pagar", "luar pagar"),  # non-breaking space
        ("LUAR   pagar", "luar pagar"),
        ("ruang/pleno", "ruang pleno"),
        ("I", "1"),
        ("x", "10"),
        ("Ring 1", "ring 1"),
        ("Ｒｉｎｇ １", "ring 1"),  # full-width forms fold through NFKC
        ("Straße", "strasse"),  # casefold, not lower
        ("", ""),
        (3, "3"),
    ],
)
def test_fold_label(label, folded):
    assert fold_label(label) == folded


def test_fold_label_keeps_words_that_only_contain_roman_letters():
    # only whole tokens are roman numerals: "vi" is 6, "via" is a word
    assert fold_label("via pintu vi") == "via pintu 6"


# ------------------------------------------------------------------------------- timezones


@pytest.mark.parametrize(
    ("name", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("wita", "Asia/Makassar"),
        (" WIT ", "Asia/Jayapura"),
        ("Asia/Makassar", "Asia/Makassar"),
        ("UTC", "UTC"),
    ],
)
def test_resolve_timezone(name, zone):
    assert resolve_timezone(name) == zone


def test_timezone_aliases_are_the_three_indonesian_zones():
    assert TIMEZONE_ALIASES == {
        "WIB": "Asia/Jakarta",
        "WITA": "Asia/Makassar",
        "WIT": "Asia/Jayapura",
    }


@pytest.mark.parametrize("name", ["Asia/Bandung", "WITB", "", "+07:00"])
def test_resolve_timezone_rejects_unknown_zones(name):
    with pytest.raises(ParameterError, match=r"timezone must be an IANA zone .*got"):
        resolve_timezone(name)


# ------------------------------------------------------------------------------ event.yaml


def test_read_sample_event_meta(sample_meta):
    assert sample_meta.id == "purwakarta-2024"
    assert sample_meta.timezone == "Asia/Jakarta"
    assert sample_meta.start == pd.Timestamp("2024-03-01 07:00", tz="Asia/Jakarta")
    assert sample_meta.end == pd.Timestamp("2024-03-03 23:00", tz="Asia/Jakarta")
    # 1 March 07:00 to 3 March 23:00: 2 days (48 h) + 16 h
    assert sample_meta.duration_hours == 64.0
    assert sample_meta.ring_ids == ("1", "2", "3")
    assert sample_meta.planned_personnel == 50
    assert sample_meta.flag_level == "high"
    assert sample_meta.disruption_severity == 4
    assert sample_meta.time_margin == pd.Timedelta(hours=24)
    assert sample_meta.source.endswith("event.yaml")


def test_read_event_meta_accepts_the_file_or_the_folder(tmp_path, write_event):
    file = write_event(tmp_path)
    assert read_event_meta(file) == read_event_meta(tmp_path)


def test_read_event_meta_accepts_event_yml(tmp_path, write_event):
    write_event(tmp_path).rename(tmp_path / "event.yml")
    assert read_event_meta(tmp_path).id == "test-event"


def test_defaults_when_optional_keys_are_absent(make_meta):
    meta = make_meta(planned_personnel=None)
    assert meta.planned_personnel is None
    assert meta.risk_levels.to_dict()["high"] == [10, 14]
    assert meta.flag_level == "high"
    assert meta.disruption_severity == 4
    assert meta.time_margin == pd.Timedelta(hours=24)


@pytest.mark.parametrize(
    ("alias", "zone", "start"),
    [
        # 07:00 local in each zone
        ("WIB", "Asia/Jakarta", "2024-03-01 07:00+07:00"),
        ("WITA", "Asia/Makassar", "2024-03-01 07:00+08:00"),
        ("WIT", "Asia/Jayapura", "2024-03-01 07:00+09:00"),
    ],
)
def test_timezone_alias_in_event_yaml(make_meta, alias, zone, start):
    meta = make_meta(timezone=alias)
    assert meta.timezone == zone
    assert meta.start == pd.Timestamp(start)
    assert str(meta.start.tz) == zone


def test_start_with_an_offset_is_converted_to_the_event_zone(make_meta):
    # 08:00 WITA (+08:00) is 07:00 WIB
    meta = make_meta(start="2024-03-01T08:00:00+08:00")
    assert meta.start == pd.Timestamp("2024-03-01 07:00", tz="Asia/Jakarta")
    assert str(meta.start.tz) == "Asia/Jakarta"


def test_yaml_dates_and_datetimes_are_accepted(tmp_path, write_event):
    text = write_event(tmp_path).read_text(encoding="utf-8")
    # unquoted, YAML reads these as a date and a datetime, not as text
    text = text.replace("start: 2024-03-01T07:00", "start: 2024-03-01")
    text = text.replace("end: 2024-03-03T23:00", "end: 2024-03-03 23:00:00")
    (tmp_path / "event.yaml").write_text(text, encoding="utf-8")
    meta = read_event_meta(tmp_path)
    assert meta.start == pd.Timestamp("2024-03-01 00:00", tz="Asia/Jakarta")
    assert meta.end == pd.Timestamp("2024-03-03 23:00", tz="Asia/Jakarta")


def _rings(*rings):
    return [dict(ring) for ring in rings]


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        ({"id": None}, "id", "required key is missing"),
        ({"id": ""}, "id", "required key is missing"),
        ({"id": "Purwakarta 2024"}, "id", "id must be a slug"),
        # the files a batch writes beside the event folders cannot be event folders too
        ({"id": "index.html"}, "id", "'index.html' is the name of a file every batch writes"),
        ({"id": "plotly.min.js"}, "id", "name of a file every batch writes"),
        ({"id": "rollup.json"}, "id", "name of a file every batch writes"),
        ({"id": "nul"}, "id", "device name on Windows"),
        ({"id": "com1.2024"}, "id", "device name on Windows"),
        ({"id": "a" * 300}, "id", "at most 64 characters .*got 300"),
        ({"timezone": None}, "timezone", "required key is missing"),
        ({"timezone": "Asia/Bandung"}, "timezone", "IANA zone .*'Asia/Bandung'"),
        ({"start": None}, "start", "required key is missing"),
        ({"start": "tomorrow"}, "start", "expected a time like 2024-03-01T07:00"),
        ({"end": "2024-03-01T06:00"}, "end", "is not after start"),
        ({"end": "2024-03-01T07:00"}, "end", "is not after start"),
        ({"rings": None}, "rings", "required key is missing"),
        ({"rings": []}, "rings", "expected a list of rings"),
        ({"rings": "1, 2, 3"}, "rings", "expected a list of rings"),
        ({"rings": _rings({"name": "No id"})}, "rings", "ring #1 has no id"),
        (
            {"rings": _rings({"id": "1"}, {"id": 1})},
            "rings",
            r"ring ids must be unique and not 'all', got \['1', '1'\]",
        ),
        ({"rings": _rings({"id": "All"})}, "rings", "not 'all'"),
        (
            # "outer" would name two rings
            {
                "rings": _rings(
                    {"id": "1", "name": "Outside", "aliases": ["outer"]},
                    {"id": "2", "name": "Gate", "aliases": ["Outer"]},
                )
            },
            "rings",
            "label 'Outer' names both ring '1' and ring '2'",
        ),
        (
            # ring 2's name folds to ring 1's alias ("ring i" → "ring 1")
            {
                "rings": _rings(
                    {"id": "1", "name": "Outside", "aliases": ["ring i"]},
                    {"id": "2", "name": "Ring 1"},
                )
            },
            "rings",
            "names both ring '1' and ring '2'",
        ),
        (
            {"risk_levels": {"low": [1, 4], "high": [6, 25]}},
            "risk_levels",
            "level 'high' starts at 6, expected 5",
        ),
        ({"risk_levels": [1, 4, 9]}, "risk_levels", "must map level names"),
        ({"risk_levels": {"low": "1-25"}}, "risk_levels", r"must be \[low, high\]"),
        ({"flag_level": "severe"}, "flag_level", r"flag_level must be one of \['low'"),
        ({"flag_level": "none"}, "flag_level", "flag_level must be one of"),
        (
            {"risk_levels": {"rendah": [1, 9], "tinggi": [10, 25]}},  # flag_level stays "high"
            "flag_level",
            r"\['rendah', 'tinggi'\], got 'high'",
        ),
        ({"disruption_severity": 6}, "disruption_severity", "must be 1–5, got 6"),
        ({"disruption_severity": 2.5}, "disruption_severity", "expected a whole number"),
        ({"planned_personnel": -1}, "planned_personnel", "must be 0–1,000,000, got -1"),
        ({"planned_personnel": "many"}, "planned_personnel", "expected a whole number"),
        ({"time_margin_hours": "a day"}, "time_margin_hours", "expected a whole number"),
    ],
)
def test_event_config_errors_name_file_and_key(tmp_path, write_event, changes, key, message):
    file = write_event(tmp_path, **changes)
    with pytest.raises(EventConfigError, match=message) as raised:
        read_event_meta(tmp_path)
    error = raised.value
    assert error.file == str(file)
    assert error.key == key
    assert str(file) in str(error)
    assert f"(key {key!r})" in str(error)


def test_missing_event_yaml(tmp_path):
    with pytest.raises(EventConfigError, match="no event.yaml found") as raised:
        read_event_meta(tmp_path)
    assert raised.value.file == str(tmp_path / "event.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: [unclosed\n", "not valid YAML"),
        ("- id: a\n- id: b\n", "expected a mapping"),
        ("", "expected a mapping"),
    ],
)
def test_unreadable_event_yaml(tmp_path, text, message):
    (tmp_path / "event.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(EventConfigError, match=message):
        read_event_meta(tmp_path)


def test_event_config_error_survives_pickling(tmp_path, write_event):
    write_event(tmp_path, flag_level="severe")
    with pytest.raises(EventConfigError) as raised:
        read_event_meta(tmp_path)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (copy.file, copy.key, str(copy)) == (raised.value.file, "flag_level", str(raised.value))


def test_time_margin_hours(make_meta):
    assert make_meta(time_margin_hours=6).time_margin == pd.Timedelta(hours=6)
    assert make_meta(time_margin_hours=0).time_margin == pd.Timedelta(0)


# ----------------------------------------------------------------------------------- rings


def test_ring_lookup_of_the_sample(sample_meta):
    lookup = sample_meta.ring_lookup()
    expected = {
        "1": "1",  # id
        "ring 1": "1",  # implicit "ring <id>" and the alias "ring i"
        "plenary room": "1",  # name: ring 1 is the plenary room, as Polri numbers rings
        "ruang pleno": "1",  # Indonesian name
        "plenary": "1",  # alias
        "ring 2": "2",
        "dalam gedung": "2",
        "3": "3",
        "outside the fence": "3",
        "luar pagar": "3",
        "outer": "3",
    }
    assert {key: lookup[key] for key in expected} == expected
    assert all(key == fold_label(key) for key in lookup)


def test_ring_lookup_of_an_inside_out_event(make_meta):
    # A unit that numbers its rings from the inside out: ring 1 is the plenary room.
    # Display order stays outside → inside.
    meta = make_meta(
        rings=_rings(
            {"id": "3", "name": "Outside the fence", "aliases": ["luar pagar"]},
            {"id": "2", "name": "Inside the building"},
            {"id": "1", "name": "Plenary room", "aliases": ["ring i", "ruang pleno"]},
        )
    )
    lookup = meta.ring_lookup()
    assert meta.ring_ids == ("3", "2", "1")
    assert list(meta.ring_dtype.categories) == ["3", "2", "1"]
    assert lookup[fold_label("Ring I")] == "1"
    assert lookup[fold_label("Plenary room")] == "1"
    assert lookup[fold_label("RING III")] == "3"
    assert lookup[fold_label("Luar Pagar")] == "3"
    assert meta.ring("1").name == "Plenary room"


def test_explicit_alias_wins_over_implicit_ring_number(make_meta):
    # ring ids are 1 = outside … 3 = plenary, but the plenary room is called "ring i"
    # in this unit's logs: the explicit alias wins over the implicit "ring 1" form,
    # while the bare id "1" still means ring 1.
    meta = make_meta(
        rings=_rings(
            {"id": "1", "name": "Outside the fence"},
            {"id": "2", "name": "Inside the building"},
            {"id": "3", "name": "Plenary room", "aliases": ["ring i"]},
        )
    )
    lookup = meta.ring_lookup()
    assert lookup["ring 1"] == "3"
    assert lookup["1"] == "1"
    assert lookup["ring 2"] == "2"


def test_ring_ids_are_text_and_aliases_may_be_a_single_string(make_meta):
    meta = make_meta(rings=_rings({"id": 1, "name": "Outer", "aliases": "luar"}, {"id": 2}))
    assert meta.ring_ids == ("1", "2")
    assert meta.ring("1").aliases == ("luar",)
    assert meta.ring("2").name == "Ring 2"  # default name


def test_ring_label_by_language():
    ring = Ring(id="1", name="Outside the fence", name_id="Luar pagar")
    assert ring.label() == "Outside the fence"
    assert ring.label("id") == "Luar pagar"
    assert Ring(id="2", name="Building").label("id") == "Building"


def test_unknown_ring_id(sample_meta):
    with pytest.raises(ParameterError, match=r"ring must be one of \['1', '2', '3'\], got '4'"):
        sample_meta.ring("4")


def test_meta_to_dict(sample_meta):
    summary = sample_meta.to_dict()
    assert summary["start"] == "2024-03-01T07:00:00+07:00"
    assert summary["end"] == "2024-03-03T23:00:00+07:00"
    assert [ring["id"] for ring in summary["rings"]] == ["1", "2", "3"]
    assert summary["risk_levels"]["medium"] == [5, 9]


# ----------------------------------------------------------------------------- FileQuality


def _empty_issues() -> pd.DataFrame:
    return pd.DataFrame({column: [] for column in ISSUE_COLUMNS})


def test_file_quality_refuses_broken_accounting():
    with pytest.raises(AssertionError, match="read 10, accounted 9"):
        FileQuality(
            file="incidents.csv",
            rows_read=10,
            accepted=5,
            quarantined=2,
            blank=1,
            duplicates=1,
            issues=_empty_issues(),
            quarantined_rows=pd.DataFrame(),
        )


def test_file_quality_to_dict_counts_warnings():
    issues = pd.DataFrame(
        {
            "row": [2, 3, 3],
            "column": ["severity", "responded_at", "risk_id"],
            "field": ["severity", "responded_at", "risk_id"],
            "value": ["9", "x", "R9"],
            "reason": ["a", "b", "c"],
            "action": ["quarantined", "warning", "warning"],
        }
    )
    quality = FileQuality(
        file="incidents.csv",
        rows_read=4,
        accepted=2,
        quarantined=1,
        blank=1,
        duplicates=0,
        issues=issues,
        quarantined_rows=pd.DataFrame(),
        encoding="cp1252",
        delimiter=";",
    )
    assert quality.to_dict() == {
        "file": "incidents.csv",
        "rows_read": 4,
        "accepted": 2,
        "quarantined": 1,
        "blank": 1,
        "duplicates": 0,
        "warnings": 2,
        "encoding": "cp1252",
        "delimiter": ";",
    }


def test_event_counts_quarantined_rows(sample_meta):
    def quality(file, quarantined):
        return FileQuality(file, quarantined, 0, quarantined, 0, 0, _empty_issues(), None)

    event = Event(
        meta=sample_meta,
        incidents=pd.DataFrame(),
        staffing=pd.DataFrame(),
        risks=pd.DataFrame(),
        quality={"incidents": quality("a", 2), "staffing": quality("b", 1)},
    )
    assert event.id == "purwakarta-2024"
    assert event.rows_quarantined == 3
    assert "quarantined=3" in repr(event)


def test_every_file_a_batch_writes_beside_the_reports_is_a_reserved_id():
    from sra_analysis.event import RESERVED_EVENT_IDS
    from sra_analysis.reports.batch.index_page import PLOTLY_ASSET
    from sra_analysis.reports.batch.rollup_report import ROLLUP_FILES

    assert {"index.html", PLOTLY_ASSET, *ROLLUP_FILES} <= RESERVED_EVENT_IDS


def test_an_id_of_the_longest_length_is_accepted(tmp_path, write_event):
    write_event(tmp_path, id="a" * 64)
    assert read_event_meta(tmp_path).id == "a" * 64
