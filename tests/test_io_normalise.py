"""Tests of sra_analysis.io.normalise: field-office spellings to canonical values."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from sra_analysis.io.normalise import (
    is_blank,
    normalise_header,
    parse_booleans,
    parse_identifiers,
    parse_numbers,
    parse_rings,
    parse_text,
    parse_timestamps,
)

WIB = "Asia/Jakarta"


def wib(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz=WIB)


# --------------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("header", "folded"),
    [
        ("incident_id", "incident_id"),
        ("Incident ID", "incident_id"),
        ("  REPORTED_AT  ", "reported_at"),
        ("\u00a0Shift\u00a0Start\u00a0", "shift_start"),  # non-breaking spaces
        ("Waktu Laporan", "waktu_laporan"),
        ("Tingkat Keparahan", "tingkat_keparahan"),
        ("Waktu Laporan (WIB)", "waktu_laporan_wib"),
        ("NRP", "nrp"),
        ("NRP/NIP", "nrp_nip"),
        ("shift-end", "shift_end"),
        ("\ufeffincident_id", "incident_id"),  # a stray BOM is dropped with the punctuation
        (7, "7"),
    ],
)
def test_normalise_header(header, folded):
    assert normalise_header(header) == folded


# ------------------------------------------------------------------------------- is_blank


def test_is_blank():
    values = pd.Series(["a", "", "  ", None, np.nan, "\u00a0", 0], dtype=object)
    assert is_blank(values).tolist() == [False, True, True, True, True, True, False]
    assert is_blank(pd.Series([1.0, np.nan])).tolist() == [False, True]


# ---------------------------------------------------------------------------- text and ids


def test_parse_text_strips_and_blanks_are_missing():
    out = parse_text(pd.Series(["  crowd ", "", None, "cafe\u0301"], dtype=object))
    assert out.values.iloc[0] == "crowd"
    assert out.values.isna().tolist() == [False, True, True, False]
    assert out.values.iloc[3] == "café"  # NFC: e + combining accent → é
    assert not out.invalid.any()
    assert pd.api.types.is_string_dtype(out.values.dtype)


@pytest.mark.parametrize(
    ("cell", "identifier"),
    [
        ("00123", "00123"),  # leading zeros are part of the id
        (" R01 ", "R01"),
        (87061234, "87061234"),  # an Excel number
        (87061234.0, "87061234"),  # an Excel number read as float
        ("87061234.0", "87061234.0"),  # text is never reinterpreted
        (np.int64(5), "5"),
        (12.5, "12.5"),
    ],
)
def test_parse_identifiers(cell, identifier):
    out = parse_identifiers(pd.Series([cell], dtype=object))
    assert out.values.tolist() == [identifier]


def test_parse_identifiers_blank_is_missing():
    out = parse_identifiers(pd.Series(["", None, "  "], dtype=object))
    assert out.values.isna().all()
    assert not out.invalid.any()


# -------------------------------------------------------------------------------- numbers


def test_parse_numbers_decimal_comma():
    out = parse_numbers(pd.Series(["0,15", "0.4", " 1 ", "", "x", "1,5,0"], dtype=object))
    np.testing.assert_array_equal(out.values.to_numpy(), [0.15, 0.4, 1.0, np.nan, np.nan, np.nan])
    assert out.invalid.tolist() == [False, False, False, False, True, True]
    assert out.reason == "not a number"


def test_parse_numbers_integer():
    out = parse_numbers(
        pd.Series(["3", "3.0", 4, 2.5, "2,5", "", "tiga"], dtype=object), integer=True
    )
    np.testing.assert_array_equal(
        out.values.to_numpy(), [3.0, 3.0, 4.0, np.nan, np.nan, np.nan, np.nan]
    )
    assert out.invalid.tolist() == [False, False, False, True, True, False, True]
    assert out.reason == "not a whole number"


def test_parse_numbers_from_numeric_columns():
    out = parse_numbers(pd.Series([1, None, 3], dtype="Int64"), integer=True)
    np.testing.assert_array_equal(out.values.to_numpy(), [1.0, np.nan, 3.0])
    assert not out.invalid.any()
    out = parse_numbers(pd.Series([0.5, np.nan]))
    assert out.invalid.tolist() == [False, False]


def test_parse_numbers_rejects_booleans():
    assert parse_numbers(pd.Series([True, 2], dtype=object)).invalid.tolist() == [True, False]


# ------------------------------------------------------------------------------- booleans


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("true", True),
        ("FALSE", False),
        ("Yes", True),
        ("no", False),
        ("1", True),
        ("0", False),
        ("ya", True),
        ("Tidak", False),
        (" YA ", True),
        (True, True),
        (np.False_, False),
        (1, True),
        (0.0, False),
    ],
)
def test_parse_booleans(cell, value):
    out = parse_booleans(pd.Series([cell], dtype=object))
    assert out.values.tolist() == [value]
    assert out.values.dtype == "boolean"
    assert not out.invalid.any()


def test_parse_booleans_blank_and_invalid():
    out = parse_booleans(pd.Series(["", None, "maybe", "2"], dtype=object))
    assert out.values.isna().all()
    assert out.invalid.tolist() == [False, False, True, True]
    assert "ya/tidak" in out.reason


# ---------------------------------------------------------------------------------- rings


@pytest.mark.parametrize(
    ("cell", "ring"),
    [
        ("1", "1"),  # id
        (1, "1"),  # id as an Excel number
        (3.0, "3"),
        ("Outside the fence", "3"),  # name (the sample numbers rings as Polri: inside out)
        ("OUTSIDE  THE FENCE", "3"),
        ("Luar pagar", "3"),  # Indonesian name (name_id)
        ("luar\u00a0pagar", "3"),
        ("outer", "3"),  # alias
        ("Ring I", "1"),  # roman numeral
        ("ring-ii", "2"),
        ("RING 2", "2"),
        ("Dalam Gedung", "2"),
        ("Ring III", "3"),
        ("ruang pleno", "1"),
        ("plenary", "1"),
    ],
)
def test_parse_rings_matches_ids_names_aliases_and_roman_numerals(sample_meta, cell, ring):
    out = parse_rings(pd.Series([cell], dtype=object), sample_meta.ring_lookup())
    assert out.values.tolist() == [ring]
    assert not out.invalid.any()


def test_parse_rings_unknown_and_blank(sample_meta):
    out = parse_rings(
        pd.Series(["4", "ring iv", "", None, "all"], dtype=object), sample_meta.ring_lookup()
    )
    assert out.invalid.tolist() == [True, True, False, False, True]
    assert out.values.isna().all()
    assert "unknown ring" in out.reason
    assert "(ids 1, 2, 3," in out.reason
    assert "(nomor 1, 2, 3," in out.reason.text("id")


def test_parse_rings_allows_all_in_the_register(sample_meta):
    values = pd.Series(["all", "Semua", "ALL RINGS", "semua ring", "2"], dtype=object)
    out = parse_rings(values, sample_meta.ring_lookup(), allow_all=True)
    assert out.values.tolist() == ["all", "all", "all", "all", "2"]
    assert not out.invalid.any()
    assert "or 'all'" in out.reason


@pytest.mark.parametrize(
    ("cell", "ring"),
    [
        ("1.0", "1"),  # Excel's export of ring 1 as text
        ("2.0", "2"),
        ("3.00", "3"),
        ("1,0", "1"),  # decimal comma
        (" 2,00 ", "2"),
        ("1.5", None),  # a fraction is no ring id
        ("4.0", None),  # ring 4 does not exist
        ("1.0.0", None),
    ],
)
def test_parse_rings_accepts_ids_written_with_a_zero_fraction(sample_meta, cell, ring):
    for values in (pd.Series([cell], dtype=object), pd.Series([cell], dtype="str")):
        out = parse_rings(values, sample_meta.ring_lookup())
        assert out.values.iloc[0] == ring if ring else pd.isna(out.values.iloc[0])
        assert out.invalid.tolist() == [ring is None]


def test_parse_rings_zero_fraction_of_two_digit_ids(make_meta):
    meta = make_meta(rings=[{"id": "10", "name": "Gate"}, {"id": "20", "name": "Hall"}])
    out = parse_rings(pd.Series(["10.0", "20,0", 10.0, "2.0"]), meta.ring_lookup())
    assert out.values.tolist()[:3] == ["10", "20", "10"]
    assert out.invalid.tolist() == [False, False, False, True]


def test_parse_rings_of_an_inside_out_event(make_meta):
    # this unit calls the plenary room "ring 1"; "Ring I" must resolve to it
    meta = make_meta(
        rings=[
            {"id": "3", "name": "Outside the fence", "aliases": ["luar pagar"]},
            {"id": "2", "name": "Inside the building"},
            {"id": "1", "name": "Plenary room", "aliases": ["ring i"]},
        ]
    )
    values = pd.Series(["Ring I", "Plenary room", "Luar Pagar", "ring iii", "RING II"])
    out = parse_rings(values, meta.ring_lookup())
    assert out.values.tolist() == ["1", "1", "3", "3", "2"]


# ----------------------------------------------------------------------------- timestamps


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # ISO forms
        ("2024-03-01 14:30", "2024-03-01 14:30"),
        ("2024-03-01T14:30", "2024-03-01 14:30"),
        ("2024-03-01T14:30:15", "2024-03-01 14:30:15"),
        ("2024-03-01", "2024-03-01 00:00"),
        ("2024/03/01 14:30", "2024-03-01 14:30"),
        # day-first, never month-first: 01/03 is 1 March, not 3 January
        ("01/03/2024", "2024-03-01 00:00"),
        ("01/03/2024 14:30", "2024-03-01 14:30"),
        ("01/03/2024 14:30:15", "2024-03-01 14:30:15"),
        ("01/03/2024 14.30", "2024-03-01 14:30"),  # HH.MM
        ("01/03/2024 14.30.15", "2024-03-01 14:30:15"),
        ("12/03/2024 08.00", "2024-03-12 08:00"),  # 12 March, not 3 December
        ("13/01/2024", "2024-01-13 00:00"),
        ("1/3/2024 7.05", "2024-03-01 07:05"),
        ("01-03-2024", "2024-03-01 00:00"),
        ("01-03-2024 14.30", "2024-03-01 14:30"),
        ("01-03-2024 14:30", "2024-03-01 14:30"),
        ("01/03/24 14:30", "2024-03-01 14:30"),
        # month names, Indonesian and English, with weekday and "pukul"
        ("3 Maret 2024", "2024-03-03 00:00"),
        ("3 Maret 2024 14.30", "2024-03-03 14:30"),
        ("3 MARET 2024 14:30", "2024-03-03 14:30"),
        ("3 March 2024 14:30", "2024-03-03 14:30"),
        ("3 Mar 2024", "2024-03-03 00:00"),
        ("1 Mei 2024 08.00", "2024-05-01 08:00"),
        ("17 Agustus 2024", "2024-08-17 00:00"),
        ("5 Desember 2024", "2024-12-05 00:00"),
        ("Jumat, 1 Maret 2024 pukul 14.30", "2024-03-01 14:30"),
        ("Friday 1 March 2024 at 14:30", "2024-03-01 14:30"),
        # zones: converted to the event's zone (WIB = UTC+7)
        ("01/03/2024 14.30 WIB", "2024-03-01 14:30"),
        ("01/03/2024 08:00 WITA", "2024-03-01 07:00"),  # WITA = UTC+8: one hour ahead
        ("01/03/2024 09:00 WIT", "2024-03-01 07:00"),  # WIT = UTC+9: two hours ahead
        ("2024-03-01 08:00wita", "2024-03-01 07:00"),
        ("2024-03-01T07:00+07:00", "2024-03-01 07:00"),
        ("2024-03-01T08:00+08:00", "2024-03-01 07:00"),
        ("2024-03-01 08:00 +0800", "2024-03-01 07:00"),
        ("2024-03-01T00:00Z", "2024-03-01 07:00"),  # UTC midnight is 07:00 WIB
        ("2024-03-01 00:00 UTC", "2024-03-01 07:00"),
        ("2024-02-29T19:00-05:00", "2024-03-01 07:00"),  # 19:00 − (−5 h) = 00:00 UTC
        ("2024-03-01T08:00:00.250+08:00", "2024-03-01 07:00:00.250"),
        # Excel serials written as text: 45292 is 2024-01-01 (1899-12-30 + 45292 days),
        # +31 (January) +29 (February 2024) = 45352 is 2024-03-01
        ("45352", "2024-03-01 00:00"),
        ("45352.5", "2024-03-01 12:00"),  # half a day
        ("45352.25", "2024-03-01 06:00"),
    ],
)
def test_parse_timestamps_text_forms(cell, expected):
    out = parse_timestamps(pd.Series([cell], dtype=object), timezone=WIB)
    assert not out.invalid.any(), cell
    assert out.values.iloc[0] == wib(expected)


@pytest.mark.parametrize(
    "cell",
    [
        "13/13/2024",
        "01/13/2024",  # month-first is never guessed
        "31/02/2024",
        "yesterday",
        "14:30",  # a time without a date
        "2024-03-01 25:00",
        "12345",  # a number, but not in the range of Excel serial dates
        "01/03/2024 14.30 XYZ",
    ],
)
def test_parse_timestamps_invalid(cell):
    out = parse_timestamps(pd.Series([cell], dtype=object), timezone=WIB)
    assert out.invalid.tolist() == [True]
    assert pd.isna(out.values.iloc[0])
    assert out.reason.startswith("unparseable timestamp")


def test_parse_timestamps_blank_cells_are_missing_not_invalid():
    out = parse_timestamps(pd.Series(["", "  ", None, np.nan], dtype=object), timezone=WIB)
    assert out.values.isna().all()
    assert not out.invalid.any()
    assert str(out.values.dt.tz) == WIB


def test_parse_timestamps_excel_cells():
    cells = pd.Series(
        [
            dt.datetime(2024, 3, 1, 14, 30),  # a date-time cell: local time
            dt.date(2024, 3, 2),  # a date cell
            45352.5,  # a number cell: 2024-03-01 12:00 (see the serial cases above)
            45353,  # 2024-03-02
            pd.Timestamp("2024-03-01 08:00", tz="Asia/Makassar"),  # tz-aware: converted
            None,
        ],
        dtype=object,
    )
    out = parse_timestamps(cells, timezone=WIB)
    expected = pd.Series(
        [
            wib("2024-03-01 14:30"),
            wib("2024-03-02 00:00"),
            wib("2024-03-01 12:00"),
            wib("2024-03-02 00:00"),
            wib("2024-03-01 07:00"),
            pd.NaT,
        ],
        dtype="datetime64[us, Asia/Jakarta]",
    )
    pd.testing.assert_series_equal(out.values, expected)
    assert not out.invalid.any()


def test_parse_timestamps_naive_times_are_local_to_the_event_zone():
    # the same text means 07:00 in whichever zone the event is in
    for zone, utc in [("Asia/Jakarta", "00:00"), ("Asia/Makassar", "23:00"), ("UTC", "07:00")]:
        out = parse_timestamps(pd.Series(["2024-03-01 07:00"]), timezone=zone)
        assert str(out.values.dt.tz) == zone
        assert out.values.iloc[0].tz_convert("UTC").strftime("%H:%M") == utc


def test_parse_timestamps_convert_explicit_zones_to_a_wita_event():
    # 07:00 WIB is 08:00 WITA; 08:00 WIT is 07:00 WITA
    values = pd.Series(["01/03/2024 07.00 WIB", "01/03/2024 08.00 WIT", "01/03/2024 08.00"])
    out = parse_timestamps(values, timezone="Asia/Makassar")
    assert [stamp.strftime("%H:%M") for stamp in out.values] == ["08:00", "07:00", "08:00"]
    assert str(out.values.dt.tz) == "Asia/Makassar"


def test_parse_timestamps_datetime_columns():
    naive = pd.Series(pd.to_datetime(["2024-03-01 07:00", None]))
    out = parse_timestamps(naive, timezone=WIB)
    assert out.values.iloc[0] == wib("2024-03-01 07:00")
    assert pd.isna(out.values.iloc[1])
    assert out.values.dtype == "datetime64[us, Asia/Jakarta]"
    aware = pd.Series(pd.to_datetime(["2024-03-01 00:00"]).tz_localize("UTC"))
    out = parse_timestamps(aware, timezone=WIB)
    assert out.values.iloc[0] == wib("2024-03-01 07:00")
    assert out.values.dtype == "datetime64[us, Asia/Jakarta]"


def test_parse_timestamps_keeps_the_index_and_repeats():
    values = pd.Series(["01/03/2024 14.30", "", "01/03/2024 14.30", "x"], index=[10, 11, 12, 13])
    out = parse_timestamps(values, timezone=WIB)
    assert out.values.index.tolist() == [10, 11, 12, 13]
    assert out.values.iloc[0] == out.values.iloc[2] == wib("2024-03-01 14:30")
    assert out.invalid.tolist() == [False, False, False, True]


def test_parse_timestamps_empty_column():
    out = parse_timestamps(pd.Series([], dtype=object), timezone=WIB)
    assert len(out.values) == 0
    assert str(out.values.dt.tz) == WIB


# ------------------------------------------------------------- daylight saving time gaps
# Europe/Amsterdam, 2024: clocks went from 02:00 CET (+01:00) to 03:00 CEST (+02:00) on
# 31 March, and from 03:00 CEST back to 02:00 CET on 27 October (EU summer-time rule:
# last Sunday of March and of October, 01:00 UTC).
AMS = "Europe/Amsterdam"


def test_a_local_time_the_zone_skips_is_invalid_with_its_own_reason():
    values = pd.Series(["2024-03-31 01:59", "2024-03-31 02:30", "31/03/2024 02.59",
                        "2024-03-31 03:00", "besok"])  # fmt: skip
    out = parse_timestamps(values, timezone=AMS)
    assert out.invalid.tolist() == [False, True, True, False, True]
    assert out.values.iloc[0] == pd.Timestamp("2024-03-31 00:59", tz="UTC")
    assert out.values.iloc[3] == pd.Timestamp("2024-03-31 01:00", tz="UTC")
    reasons = out.reasons_at([1, 2, 4])
    for reason in reasons[:2]:
        assert "does not exist in Europe/Amsterdam" in reason
        assert "clocks moved forward" in reason
        assert "unparseable" not in reason
    assert reasons[2].startswith("unparseable timestamp")
    assert out.notes.tolist() == [None] * 5


def test_a_skipped_time_with_its_offset_is_read():
    out = parse_timestamps(pd.Series(["2024-03-31 02:30 +01:00"]), timezone=AMS)
    assert not out.invalid.any()
    assert out.values.iloc[0] == pd.Timestamp("2024-03-31 01:30", tz="UTC")


def test_a_repeated_local_time_is_read_as_its_first_occurrence_with_a_note():
    values = pd.Series(["2024-10-27 02:30", "2024-10-27 02:30 +01:00", "2024-10-27 03:30", ""])
    out = parse_timestamps(values, timezone=AMS)
    assert out.invalid.tolist() == [False, False, False, False]
    # first occurrence: 02:30 CEST = 00:30 UTC; the second would be 02:30 CET = 01:30 UTC
    assert out.values.iloc[0] == pd.Timestamp("2024-10-27 00:30", tz="UTC")
    assert out.values.iloc[1] == pd.Timestamp("2024-10-27 01:30", tz="UTC")
    assert out.values.iloc[2] == pd.Timestamp("2024-10-27 02:30", tz="UTC")
    note = out.notes[0]
    assert "occurs twice in Europe/Amsterdam" in note
    assert "first occurrence, UTC+02:00, not UTC+01:00" in note
    assert out.notes[1:].tolist() == [None, None, None]


def test_daylight_saving_in_a_datetime_column():
    naive = pd.Series(pd.to_datetime(["2024-03-31 02:30", "2024-10-27 02:30", None]))
    out = parse_timestamps(naive, timezone=AMS)
    assert out.invalid.tolist() == [True, False, False]
    assert "does not exist in Europe/Amsterdam" in out.reasons_at([0])[0]
    assert out.values.iloc[1] == pd.Timestamp("2024-10-27 00:30", tz="UTC")
    assert "occurs twice" in out.notes[1]


def test_zones_without_daylight_saving_have_no_notes():
    out = parse_timestamps(pd.Series(["2024-03-31 02:30", "2024-10-27 02:30"]), timezone=WIB)
    assert not out.invalid.any()
    assert out.notes.tolist() == [None, None]
