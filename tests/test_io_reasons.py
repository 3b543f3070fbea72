"""Reasons of the issue table in either language: the clerk's header, the value as typed,
and a hint for the night shift whose end date was not moved to the next day."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

from sra_analysis.io.readers import read_table
from sra_analysis.io.reasons import Reason, issue_reasons, next_morning, reason_text
from sra_analysis.io.validate import load_table
from sra_analysis.labels import LABELS

#: A roster as a Polres clerk heads it (the BASE event runs 1–3 March 2024, WIB).
ROSTER = "NRP;Ring;Jam Mulai;Jam Selesai\n"


def load(tmp_path, kind, text, meta, name=None):
    path = tmp_path / (name or f"{kind}.csv")
    path.write_text(text, encoding="utf-8")
    return load_table(read_table(path), kind=kind, meta=meta)


def test_night_shift_typed_with_the_start_date_gets_the_next_morning_hint(tmp_path, base_meta):
    text = (
        ROSTER
        + "00101;1;02/03/2024 14:00;02/03/2024 22:00\n"
        + "00102;1;02/03/2024 22:00;02/03/2024 06:00\n"  # the end date not moved on
    )
    quality = load(tmp_path, "staffing", text, base_meta).quality
    assert (quality.accepted, quality.quarantined) == (1, 1)
    issue = quality.issues.iloc[0]
    # the clerk's own header and the value as typed, not shift_end or an ISO time
    assert (issue["row"], issue["column"], issue["value"]) == (3, "Jam Selesai", "02/03/2024 06:00")
    assert issue["reason_key"] == "end_next_morning"
    assert issue["reason"] == (
        "Jam Selesai is not after Jam Mulai (02/03/2024 22:00 → 02/03/2024 06:00); the end "
        "looks like the next morning: did you mean 03/03/2024 06:00?"
    )
    assert issue_reasons(quality.issues, "id")[0] == (
        "Jam Selesai tidak lebih lambat dari Jam Mulai (02/03/2024 22:00 → 02/03/2024 06:00); "
        "tampaknya selesai pada pagi hari berikutnya: maksudnya 03/03/2024 06:00?"
    )


def test_an_end_before_the_start_on_another_day_gets_no_hint(tmp_path, base_meta):
    text = ROSTER + "00102;1;02/03/2024 22:00;01/03/2024 23:00\n"
    issue = load(tmp_path, "staffing", text, base_meta).quality.issues.iloc[0]
    assert issue["reason_key"] == "not_after"
    assert issue["reason"] == "Jam Selesai is not after Jam Mulai"


def test_every_reason_of_a_broken_file_reads_in_indonesian(tmp_path, base_meta):
    text = (
        "No Kejadian;Waktu Laporan;Zona;Kategori;Tingkat Keparahan\n"
        "I1;kemarin sore;1;unjuk rasa;2\n"  # unparseable time
        "I2;01/03/2024 09.00;Ring IX;unjuk rasa;2\n"  # unknown ring
        "I3;01/03/2024 10.00;1;unjuk rasa;9\n"  # severity out of range
        "I4;01/03/2024 11.00;1;;2\n"  # required value missing
        "I5;10/03/2024 11.00;1;unjuk rasa;2\n"  # outside the event
    )
    issues = load(tmp_path, "incidents", text, base_meta).quality.issues
    shown = dict(zip(issues["row"], issue_reasons(issues, "id"), strict=True))
    assert shown == {
        2: "tanggal dan jam tidak terbaca (tulis misalnya 01/03/2024 14.30)",
        3: "ring tidak dikenal; tulis salah satu ring dalam event.yaml (nomor 1, 2, 3, nama "
        "atau nama lainnya)",
        4: "Tingkat Keparahan harus antara 1 dan 5",
        5: "wajib diisi, tetapi kosong",
        6: "waktu tidak wajar: di luar waktu kegiatan (01 Mar 2024 07.00 – 03 Mar 2024 23.00) "
        "lebih dari 24 jam",
    }
    assert issues.loc[issues["row"] == 4, "reason"].item() == "Tingkat Keparahan outside 1–5"


def test_a_duplicate_id_names_the_clerks_headers(tmp_path, base_meta):
    text = (
        "No Kejadian;Waktu Laporan;Zona;Kategori;Tingkat Keparahan\n"
        "I1;01/03/2024 09.00;1;unjuk rasa;2\nI1;01/03/2024 09.00;1;unjuk rasa;3\n"
    )
    issues = load(tmp_path, "incidents", text, base_meta).quality.issues
    assert issue_reasons(issues, "id")[0] == (
        "No Kejadian 'I1' sudah dipakai di baris 2 dengan isi lain (berbeda pada Tingkat Keparahan)"
    )


def test_a_reason_quoting_roster_values_never_shows_an_officer_id(tmp_path, base_meta):
    # an NRP typed into the end column: the hint may not quote it
    text = ROSTER + "00102;1;02/03/2024 22:00;77057217\n"
    issues = load(tmp_path, "staffing", text, base_meta).quality.issues
    for lang in ("en", "id"):
        assert not issues.astype(str).apply(lambda c: c.str.contains("77057217")).any().any()
        assert "77057217" not in " ".join(issue_reasons(issues, lang))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("06/03/2024 06:00", "07/03/2024 06:00"),  # the issue's example
        ("6/3/2024 06.00", "7/3/2024 06.00"),
        ("06-03-24 06:00", "07-03-24 06:00"),
        ("2024-03-06 06:00", "2024-03-07 06:00"),
        ("29/02/2024 06:00", "01/03/2024 06:00"),  # 2024 is a leap year
        ("6 Maret 2024 06.00", "07/03/2024 06:00"),  # no numeric date: day-first
    ],
)
def test_next_morning_keeps_the_clerks_way_of_writing(typed, expected):
    end = pd.Timestamp("2024-02-29 06:00" if typed.startswith("29") else "2024-03-06 06:00")
    assert next_morning(typed, end) == expected


def test_a_reason_is_its_english_text_and_survives_pickling():
    reason = Reason("below_minimum", column="Personel", low="0")
    assert reason == "Personel must be at least 0"
    assert reason.text("id") == "Personel paling sedikit 0"
    again = pickle.loads(pickle.dumps(reason))
    assert (again, again.key, again.values) == (reason, reason.key, reason.values)


def test_every_reason_key_has_a_label_and_text_from_unknown_code_is_kept():
    assert reason_text("no_such_reason", {"text": "as written"}, "id") == "as written"
    assert reason_text("text", {"text": "plain"}, "en") == "plain"
    old = pd.DataFrame({"reason": ["made before keys"]})
    assert issue_reasons(old, "id").tolist() == ["made before keys"]
    assert all(LABELS[k]["id"] != LABELS[k]["en"] for k in LABELS if k.startswith("reason.")
               and k != "reason.text")  # fmt: skip


def test_a_workbook_date_cell_is_shown_day_first_as_the_clerk_sees_it(tmp_path, base_meta):
    roster = pd.DataFrame(
        {
            "NRP": ["00101"],
            "Ring": ["1"],
            "Jam Mulai": [pd.Timestamp("2024-03-02 22:00")],
            "Jam Selesai": [pd.Timestamp("2024-03-02 06:00")],  # the end date not moved on
        }
    )
    path = tmp_path / "staffing.xlsx"
    roster.to_excel(path, index=False)
    issues = load_table(read_table(path), kind="staffing", meta=base_meta).quality.issues
    assert issues.loc[0, ["column", "value"]].tolist() == ["Jam Selesai", "02/03/2024 06:00"]
    assert issue_reasons(issues, "id")[0].endswith(
        "(02/03/2024 22:00 → 02/03/2024 06:00); tampaknya selesai pada pagi hari berikutnya: "
        "maksudnya 03/03/2024 06:00?"
    )
