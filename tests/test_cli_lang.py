"""``sra-review`` in Bahasa Indonesia: ``--lang`` on every command, ``$SRA_LANG`` as the
default, and what ``validate --lang id`` prints for a night shift typed wrong."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from sra_analysis.cli import LANG_VARIABLE, main
from sra_analysis.resources import sample_dir


@pytest.fixture
def clerks_event(tmp_path):
    """The Purwakarta sample with the roster as a clerk writes it: Indonesian headers,
    day-first times, and one night shift whose end date was not moved to the next day."""
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    staffing = pd.read_csv(folder / "staffing.csv", dtype=str, keep_default_na=False)
    for column in ("shift_start", "shift_end"):
        staffing[column] = pd.to_datetime(staffing[column]).dt.strftime("%d/%m/%Y %H:%M")
    staffing.loc[3, ["shift_start", "shift_end"]] = ["02/03/2024 22:00", "02/03/2024 06:00"]
    staffing = staffing.rename(
        columns={"officer_id": "NRP", "ring": "Ring", "shift_start": "Jam Mulai",
                 "shift_end": "Jam Selesai", "unit": "Satuan", "role": "Peran"}
    )  # fmt: skip
    staffing.to_csv(folder / "staffing.csv", index=False, sep=";")
    return folder


#: English words that must not reach an Indonesian console (whole words, any case).
ENGLISH = ("rows read", "accepted", "quarantined", "blank", "duplicate", "column", "row",
           "is not after", "did you mean", "times in", "shift_end", "shift_start")  # fmt: skip


def test_validate_in_indonesian_names_the_clerks_header_value_and_the_next_morning(
    clerks_event, capsys, monkeypatch
):
    monkeypatch.delenv(LANG_VARIABLE, raising=False)
    assert main(["validate", str(clerks_event), "--lang", "id"]) == 1
    out = capsys.readouterr().out
    # line 5 of the file: the header, then data rows 0–3
    assert (
        "    staffing.csv baris 5, kolom 'Jam Selesai' = '02/03/2024 06:00': Jam Selesai tidak "
        "lebih lambat dari Jam Mulai (02/03/2024 22:00 → 02/03/2024 06:00); tampaknya selesai "
        "pada pagi hari berikutnya: maksudnya 03/03/2024 06:00? [disisihkan]"
    ) in out
    assert "staffing.csv: 150 baris dibaca, 149 diterima, 1 disisihkan, 0 kosong, 0 duplikat" in (
        out
    )
    assert "(waktu dalam WIB)" in out
    for word in ENGLISH:
        assert not re.search(rf"\b{re.escape(word)}\b", out, re.IGNORECASE), word
    assert not re.search(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", out)


def test_validate_in_english_says_the_same_with_the_clerks_header(clerks_event, capsys):
    assert main(["validate", str(clerks_event), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert (
        "staffing.csv row 5, column 'Jam Selesai' = '02/03/2024 06:00': Jam Selesai is not "
        "after Jam Mulai (02/03/2024 22:00 → 02/03/2024 06:00); the end looks like the next "
        "morning: did you mean 03/03/2024 06:00? [quarantined]"
    ) in out
    assert "(times in WIB (UTC+7))" in out


@pytest.mark.parametrize(
    ("variable", "option", "expected"),
    [("id", None, "baris dibaca"), ("id", "en", "rows read"), ("en", "id", "baris dibaca"),
     (None, None, "rows read"), (" ", None, "rows read")],
)  # fmt: skip
def test_sra_lang_sets_the_default_and_the_option_wins(
    clerks_event, capsys, monkeypatch, variable, option, expected
):
    if variable is None:
        monkeypatch.delenv(LANG_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(LANG_VARIABLE, variable)
    argv = ["validate", str(clerks_event)] + (["--lang", option] if option else [])
    assert main(argv) == 1
    assert expected in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "sample", "report", "rollup", "template"])
def test_a_bad_sra_lang_is_a_usage_error_naming_the_variable(tmp_path, capsys, monkeypatch,
                                                              command):  # fmt: skip
    monkeypatch.setenv(LANG_VARIABLE, "fr")
    argv = {
        "validate": ["validate", str(tmp_path)],
        "sample": ["sample", str(tmp_path / "s")],
        "report": ["report", str(tmp_path), "--out", str(tmp_path / "o")],
        "rollup": ["rollup", str(tmp_path), "--out", str(tmp_path / "o")],
        "template": ["template", str(tmp_path / "t")],
    }[command]
    assert main(argv) == 64
    err = capsys.readouterr().err
    assert "SRA_LANG must be one of ['en', 'id'], got 'fr'" in err
    assert not (tmp_path / "s").exists() and not (tmp_path / "t").exists()


@pytest.mark.parametrize("command", ["validate", "sample", "report", "rollup", "template"])
def test_every_command_takes_lang(command, capsys):
    assert main([command, "--help"]) == 0
    assert "--lang {en,id}" in capsys.readouterr().out


def test_template_and_sample_speak_indonesian(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(LANG_VARIABLE, "id")
    assert main(["template", str(tmp_path / "baru")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{tmp_path / 'baru' / 'event.yaml'} dibuat"
    assert out.splitlines()[-1] == (
        f"isi lembar kerjanya, lalu periksa: sra-review validate {tmp_path / 'baru'} --lang id"
    )
    assert main(["sample", str(tmp_path / "contoh"), "--events", "1"]) == 0
    assert capsys.readouterr().out == f"1 kegiatan contoh ditulis ke {tmp_path / 'contoh'}\n"


def test_a_missing_column_is_named_by_the_header_the_indonesian_template_writes(
    clerks_event, capsys
):
    roster = pd.read_csv(clerks_event / "staffing.csv", sep=";", dtype=str)
    roster.drop(columns=["Jam Selesai"]).to_csv(clerks_event / "staffing.csv", index=False)
    assert main(["validate", str(clerks_event), "--lang", "id"]) == 2
    out = capsys.readouterr().out
    assert "TIDAK DAPAT DIBACA" in out
    assert "staffing.csv: kolom wajib tidak ada: 'Selesai Tugas' (shift_end); kolom yang " in out
    assert "'Jam Mulai'" in out and "columns found" not in out
