"""Tests of sra_analysis.privacy: keyed (HMAC-SHA256) pseudonyms for officer identifiers.

Expected pseudonyms are recomputed with the standard library's ``hmac`` (RFC 2104 / FIPS 198-1),
independently of the module under test.
"""

from __future__ import annotations

import hashlib
import hmac
import re

import pandas as pd
import pytest
from pandas.testing import assert_series_equal

from sra_analysis import evaluate
from sra_analysis.errors import ParameterError
from sra_analysis.privacy import KEY_ENV, KEY_FILE_ENV, pseudonym_key, pseudonymise

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
