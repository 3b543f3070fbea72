"""Tests of sra_analysis.privacy: keyed (HMAC-SHA256) pseudonyms for officer identifiers, and
the allow-list of what may be shown of the staffing file, on the loading path.

Expected pseudonyms are recomputed with the standard library's ``hmac`` (RFC 2104 / FIPS 198-1),
independently of the module under test.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import pickle
import re

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from sra_analysis import evaluate
from sra_analysis.errors import MissingColumnsError, ParameterError
from sra_analysis.io.readers import read_table
from sra_analysis.io.validate import load_table
from sra_analysis.privacy import (
    KEY_ENV,
    KEY_FILE_ENV,
    Redacted,
    display_headers,
    display_values,
    hide_long_numbers,
    pseudonym_key,
    pseudonymise,
    redact_issues,
    shown_as_is,
)
from sra_analysis.reports.pages import present

IDS = pd.Series(["77057217", "81014747", "77057217", "00123"], index=[10, 11, 12, 13])


def _hmac(key: bytes, officer: str) -> str:
    return "officer-" + hmac.new(key, officer.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


@pytest.fixture
def no_key_in_environment(monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)


def test_pseudonyms_are_the_keyed_hash():
    out = pseudonymise(IDS, key=b"secret")
    expected = pd.Series([_hmac(b"secret", officer) for officer in IDS], index=IDS.index)
    assert_series_equal(out, expected, check_dtype=False)
    assert all(re.fullmatch(r"officer-[0-9a-f]{12}", value) for value in out)


def test_same_key_same_pseudonym_different_key_different():
    first = pseudonymise(IDS, key=b"key-one")
    again = pseudonymise(IDS.iloc[::-1], key=b"key-one")
    other = pseudonymise(IDS, key=b"key-two")
    assert first[10] == first[12]  # one officer, one pseudonym
    assert first[10] != first[11]
    assert again[10] == first[10] and again[13] == first[13]
    assert not set(first) & set(other)


def test_leading_zeros_count_and_missing_ids_stay_missing():
    out = pseudonymise(pd.Series(["00123", "123", None]), key=b"k")
    assert out[0] != out[1]  # NRP text is kept as text: 00123 is not 123
    assert pd.isna(out[2])
    assert pseudonymise(["x"], key=b"k", prefix="p-")[0] == "p-" + _hmac(b"k", "x")[8:]


def test_key_from_environment(monkeypatch):
    monkeypatch.setenv(KEY_ENV, "from-env")
    monkeypatch.delenv(KEY_FILE_ENV, raising=False)
    assert pseudonym_key() == b"from-env"
    assert pseudonymise(IDS).tolist() == [_hmac(b"from-env", officer) for officer in IDS]


def test_key_from_file(monkeypatch, tmp_path):
    key_file = tmp_path / "pseudonym.key"
    key_file.write_bytes(b"from-file\n")  # the trailing newline an editor adds is not key
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(key_file))
    assert pseudonym_key() == b"from-file"
    assert pseudonymise(IDS).tolist() == [_hmac(b"from-file", officer) for officer in IDS]
    # the variable with the key itself wins over the file
    monkeypatch.setenv(KEY_ENV, "from-env")
    assert pseudonym_key() == b"from-env"


def test_unusable_key_file_is_a_parameter_error(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "missing.key"))
    with pytest.raises(ParameterError, match="SRA_PSEUDONYM_KEY_FILE names .*not a readable"):
        pseudonym_key()
    empty = tmp_path / "empty.key"
    empty.write_bytes(b"  \n")
    monkeypatch.setenv(KEY_FILE_ENV, str(empty))
    with pytest.raises(ParameterError, match="which is empty"):
        pseudonymise(IDS)


def test_without_a_key_a_random_process_key_is_used(no_key_in_environment):
    key = pseudonym_key()
    assert len(key) == 32 and pseudonym_key() == key  # one key for the whole process
    assert pseudonymise(IDS).tolist() == [_hmac(key, officer) for officer in IDS]


def test_evaluate_pseudonymises_overlapping_shifts_with_the_environment_key(
    monkeypatch, build_event
):
    monkeypatch.setenv(KEY_ENV, "unit-key")
    staffing = [
        {"officer_id": "77057217", "ring": "1", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
        {"officer_id": "77057217", "ring": "2", "shift_start": "2024-03-01 14:00",
         "shift_end": "2024-03-01 20:00"},
    ]  # fmt: skip
    review = evaluate(build_event(staffing=staffing), n_resamples=0)
    overlaps = review.staffing_overlaps
    assert overlaps["officer"].tolist() == [_hmac(b"unit-key", "77057217")]
    assert "officer_id" not in overlaps.columns
    assert overlaps["overlap_hours"].tolist() == [1.0]
    assert "77057217" not in overlaps.to_string()


# ------------------------------------------------------- what may be shown of the staffing file
# The rule is the allow-list in the privacy module's docstring; each case below is worked by
# hand against it. Ring labels are those of conftest's BASE_EVENT_CONFIG (rings 1–3, aliases
# "ring i", "outer", "plenary", names and Indonesian names).

RING_LABELS = {
    "1", "2", "3", "ring 1", "ring 2", "ring 3", "outside the fence", "luar pagar", "ring i",
    "outer", "inside the building", "dalam gedung", "plenary room", "ruang pleno", "plenary",
}  # fmt: skip


@pytest.mark.parametrize(
    "value",
    [
        "", "  ", None, float("nan"),
        "1", "1.0", 1, 1.0, "Ring I", "ring_1", "LUAR  PAGAR", "Plenary",  # rule 2: ring labels
        "2024-03-01 07:00", "2024-03-01T07:00:00+07:00", "01/03/2024 14.30", "1 Mar 2024",
        "2024-03-01 07:00 WIB", "14:30", dt.datetime(2024, 3, 1, 7), pd.Timestamp("2024-03-01"),
        "03/13/2024 10:00",  # rule 3: a date shape (refused later as month-first, shown here)
        "Sat Intelkam", "Danru (komandan regu)", "Perkuatan lobi (dialihkan dari ring I)",
        "Ring 4", "Ring V", "lima belas", "tidak", "shift_start", "Pos 12", True,  # rule 4
        "officer-0123456789ab",  # rule 5: already a pseudonym
    ],
)  # fmt: skip
def test_values_safe_by_construction_are_shown(value):
    assert shown_as_is(value, ring_labels=RING_LABELS)


@pytest.mark.parametrize(
    "value",
    [
        "77057217", " 77057217 ", "00057217", 77057217, 77057217.0, "77057217.0",  # NRPs
        "198003152005011002",  # an 18-digit NIP
        "4", 4, "45352.5",  # bare numbers that are not one of the event's rings
        "R01", "NRP-81014747", "NRP 81014747", "nrp81014747", "Budi 123", "Ring 123",
        "7705-72-17", "77.05.72.17", "2024-13-01 07:00", "1 Mar 7705",  # not real dates
        "officer-0123456789abc",  # 13 hex digits: not a pseudonym, and mixes letters and digits
        "kata " * 13,  # words, but longer than 60 characters
    ],
)  # fmt: skip
def test_anything_else_is_not_shown(value):
    assert not shown_as_is(value, ring_labels=RING_LABELS)


def test_display_values_pseudonymise_what_is_not_shown():
    values = pd.Series(["Ring V", "77057217", "", "2024-03-01 07:00", "R01"], index=[5, 6, 7, 8, 9])
    out = display_values(values, fields="ring", ring_labels=RING_LABELS, key=b"k")
    expected = ["Ring V", _hmac(b"k", "77057217"), "", "2024-03-01 07:00", _hmac(b"k", "R01")]
    assert out.tolist() == expected
    assert out.index.tolist() == [5, 6, 7, 8, 9]


def test_officer_id_values_are_always_pseudonymised():
    values = ["77057217", "Sat Intelkam", "2024-03-01 07:00", "1", None]
    out = display_values(values, fields="officer_id", ring_labels=RING_LABELS, key=b"k")
    assert out.tolist() == [_hmac(b"k", str(v)) for v in values[:4]] + [""]


def test_a_number_is_hashed_as_the_identifier_it_stands_for():
    # Excel gives 77057217 or 77057217.0 for an NRP typed as a number; parse_identifiers
    # reads both as "77057217", so the officer keeps one pseudonym wherever the id lands
    out = display_values([77057217, 77057217.0, " 77057217 "], fields="ring", key=b"k")
    assert out.tolist() == [_hmac(b"k", "77057217")] * 3


def test_display_values_need_one_field_or_one_per_value():
    fields = ["officer_id", "ring", "unit"]
    out = display_values(["77057217", "77057217", "Sat Lantas"], fields=fields, key=b"k")
    assert out.tolist() == [_hmac(b"k", "77057217")] * 2 + ["Sat Lantas"]
    with pytest.raises(ParameterError, match=r"fields must name one column or one per value"):
        display_values(["a", "b"], fields=["ring"], key=b"k")


def test_showing_twice_changes_nothing():
    values = ["77057217", "Ring V", "", "00057217", "2024-03-01 07:00"]
    fields = ["officer_id", "ring", "ring", "shift_start", "shift_end"]
    once = display_values(values, fields=fields, ring_labels=RING_LABELS, key=b"k")
    twice = display_values(once, fields=fields, ring_labels=RING_LABELS, key=b"k")
    assert twice.tolist() == once.tolist()
    assert once[0] == _hmac(b"k", "77057217") and once[3] == _hmac(b"k", "00057217")


def test_redact_issues_returns_a_copy():
    issues = pd.DataFrame(
        {
            "row": [2, 3],
            "column": ["ring", "NRP"],
            "field": ["ring", "officer_id"],
            "value": ["77057217", ""],
            "reason": ["unknown ring", "required value missing"],
            "action": ["quarantined", "quarantined"],
        }
    )
    before = issues.copy()
    out = redact_issues(issues, ring_labels=RING_LABELS, key=b"k")
    assert_frame_equal(issues, before)
    assert out["value"].tolist() == [_hmac(b"k", "77057217"), ""]
    assert_frame_equal(out.drop(columns="value"), before.drop(columns="value"))


def test_headers_shown_only_when_recognised_or_plain_words():
    # the first data row of the Purwakarta roster, read as a header
    row = ["77057217", "1", "2024-03-01 07:00", "2024-03-01 15:00", "Sat Intelkam", 81014747]
    shown = display_headers(row, recognised={"ring"})
    assert shown == [
        "<column 1: value hidden>", "<column 2: value hidden>", "<column 3: value hidden>",
        "<column 4: value hidden>", "Sat Intelkam", "<column 6: value hidden>",
    ]  # fmt: skip
    assert isinstance(shown[0], Redacted) and repr(shown[0]) == "<column 1: value hidden>"
    assert repr(shown[4]) == "'Sat Intelkam'"
    assert display_headers(["NRP", "Zona", "12"], recognised={"NRP", "Zona", "12"}) == [
        "NRP", "Zona", "12",
    ]  # fmt: skip


# ----------------------------------------------------------- the loading path applies the rule


def _staffing(tmp_path, text: str, meta):
    path = tmp_path / "staffing.csv"
    path.write_text(text, encoding="utf-8")
    return load_table(read_table(path), kind="staffing", meta=meta)


def test_a_headerless_roster_names_no_officer_in_its_error(tmp_path, base_meta, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "unit-key")
    text = (
        "77057217,1,2024-03-01 07:00,2024-03-01 15:00,Sat Intelkam,Pemantau massa\n"
        "81014747,1,2024-03-01 07:00,2024-03-01 15:00,Sat Intelkam,Pemantau massa\n"
    )
    with pytest.raises(MissingColumnsError) as raised:
        _staffing(tmp_path, text, base_meta)
    message = str(raised.value)
    assert "77057217" not in message and "81014747" not in message
    assert (
        "columns found: <column 1: value hidden>, <column 2: value hidden>, "
        "<column 3: value hidden>, <column 4: value hidden>, 'Sat Intelkam', 'Pemantau massa'; "
        "none of the headers names a staffing column; if the first row holds data, add a header "
        "row (officer_id, ring, shift_start, shift_end)"
    ) in message
    # the error crosses process boundaries (batch workers) unchanged
    assert str(pickle.loads(pickle.dumps(raised.value))) == message


def test_recognised_headers_are_still_named_when_one_is_missing(tmp_path, base_meta):
    with pytest.raises(MissingColumnsError) as raised:
        _staffing(tmp_path, "NRP,Zona,mulai,00057217\n00057217,1,2024-03-01 07:00,x\n", base_meta)
    assert raised.value.found == ["NRP", "Zona", "mulai", "<column 4: value hidden>"]
    assert raised.value.missing == ["shift_end"]
    assert "00057217" not in str(raised.value) and "header row" not in str(raised.value)


def test_swapped_and_shifted_ids_are_quarantined_under_their_pseudonym(
    tmp_path, base_meta, monkeypatch
):
    monkeypatch.setenv(KEY_ENV, "unit-key")
    text = (
        "officer_id,ring,shift_start,shift_end,unit,role,81014747\n"
        "00101,1,2024-03-01 07:00,2024-03-01 15:00,Sat Lantas,Provos,\n"
        "1,77057217,2024-03-01 07:00,2024-03-01 15:00,Sat Lantas,Provos,\n"  # swapped
        ",1,00057217,2024-03-01 15:00,Sat Lantas,Provos,\n"  # shifted into shift_start
        "00102,Ring V,2024-03-01 07:00,lima belas,Sat Lantas,Provos,\n"  # shown as written
    )
    quality = _staffing(tmp_path, text, base_meta).quality
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (4, 1, 3)
    issues = sorted(map(tuple, quality.issues[["row", "field", "value"]].values.tolist()))
    assert issues == [
        (3, "ring", _hmac(b"unit-key", "77057217")),
        (4, "officer_id", ""),
        (4, "shift_end", "2024-03-01 15:00"),  # not after a shift_start that is missing
        (4, "shift_start", _hmac(b"unit-key", "00057217")),
        (5, "ring", "Ring V"),
        (5, "shift_end", "lima belas"),
    ]
    assert quality.ignored_columns == ("<column 7: value hidden>",)
    # the rows as read stay in the Event for the analyst; they are never displayed
    assert "77057217" in quality.quarantined_rows.to_string()


def test_other_files_keep_their_values(tmp_path, base_meta):
    path = tmp_path / "incidents.csv"
    path.write_text(
        "incident_id,reported_at,ring,category,severity\nI1,2024-03-01 08:00,77057217,x,2\n",
        encoding="utf-8",
    )
    quality = load_table(read_table(path), kind="incidents", meta=base_meta).quality
    assert quality.issues["value"].tolist() == ["77057217"]


def test_the_data_quality_appendix_shows_pseudonyms(monkeypatch, build_event):
    monkeypatch.setenv(KEY_ENV, "unit-key")
    staffing = [
        {"officer_id": "81014747", "ring": "1", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
        {"officer_id": "2", "ring": "77057217", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
    ]  # fmt: skip
    incidents = [
        {"incident_id": "I1", "reported_at": "2024-03-01 08:00", "ring": "1", "category": "x",
         "severity": "7"},
    ]  # fmt: skip
    event = build_event(staffing=staffing, incidents=incidents)
    shown: list[str] = []
    monkeypatch.setattr(present, "show_html", shown.append)
    present.data_quality(event)
    page = "".join(shown)
    assert "77057217" not in page and "81014747" not in page
    assert _hmac(b"unit-key", "77057217") in page  # shown once, not hashed twice
    assert ">7<" in page  # the incidents file keeps its values


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("KeyError: '77057217'", "KeyError: '<number hidden>'"),
        ("ids 00033831, 198003152005011002.", "ids <number hidden>, <number hidden>."),
        ("NRP77057217x", "NRP<number hidden>x"),  # letters do not protect a number
        # short numbers stay: rows, dates, times, sizes up to seven digits
        ("row 1234567 of 2024-03-01 07:00, 1048576 bytes", "row 1234567 of 2024-03-01 07:00, "
         "1048576 bytes"),
    ],
)  # fmt: skip
def test_long_numbers_are_hidden_in_messages(message, expected):
    assert hide_long_numbers(message) == expected
