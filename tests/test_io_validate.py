"""Tests of sra_analysis.io.validate: headers, quarantine, duplicates and row accounting."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sra_analysis.errors import InputFileError, MissingColumnsError
from sra_analysis.io.cells import MAX_CELL_BYTES
from sra_analysis.io.readers import read_table
from sra_analysis.io.reasons import issue_reasons
from sra_analysis.io.validate import ISSUE_COLUMNS, load_table, map_headers

INCIDENTS = "incident_id,reported_at,ring,category,severity,disrupted_proceedings\n"
STAFFING = "officer_id,ring,shift_start,shift_end\n"
REGISTER = "risk_id,threat,ring,likelihood,impact,window_start,window_end,probability\n"

#: Three good rows per file kind (lines 2, 3 and 5 once a row is put on line 4).
GOOD_ROWS = {
    "incidents": (
        INCIDENTS,
        [
            "I1,2024-03-01 08:00,1,crowd,2,",
            "I2,2024-03-01 09:00,2,traffic,3,",
            "I4,2024-03-02 10:00,3,protest,4,",
        ],
    ),
    "staffing": (
        STAFFING,
        [
            "00101,1,2024-03-01 07:00,2024-03-01 15:00",
            "00102,2,2024-03-01 23:00,2024-03-02 07:00",  # overnight
            "00104,3,2024-03-02 07:00,2024-03-03 07:00",  # exactly 24 h: allowed
        ],
    ),
    "risk_register": (
        REGISTER,
        [
            "R1,crowd at the gate,1,3,3,,,0.1",
            "R2,protest,1,4,4,2024-03-02 12:00,2024-03-02 18:00,0.4",
            "R4,witness dispute,3,2,5,,,",
        ],
    ),
}


def load_text(tmp_path, kind, text, meta, *, name=None, encoding="utf-8"):
    path = tmp_path / (name or f"{kind}.csv")
    path.write_bytes(text.encode(encoding))
    return load_table(read_table(path), kind=kind, meta=meta)


def with_row_on_line_4(kind: str, row: str) -> str:
    header, good = GOOD_ROWS[kind]
    return header + "\n".join([good[0], good[1], row, good[2]]) + "\n"


# ----------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("kind", "header", "canonical"),
    [
        ("incidents", "Incident ID", "incident_id"),
        ("incidents", "No Kejadian", "incident_id"),
        ("incidents", "Waktu Laporan", "reported_at"),
        ("incidents", "  WAKTU\u00a0LAPORAN ", "reported_at"),
        ("incidents", "Zona", "ring"),
        ("incidents", "Kategori", "category"),
        ("incidents", "Tingkat Keparahan", "severity"),
        ("incidents", "Mengganggu Pleno", "disrupted_proceedings"),
        ("incidents", "Waktu Respon", "responded_at"),
        ("incidents", "Waktu Selesai", "resolved_at"),
        ("incidents", "ID Risiko", "risk_id"),
        ("incidents", "Uraian", "description"),
        ("staffing", "NRP", "officer_id"),
        ("staffing", "nrp\u00a0", "officer_id"),
        ("staffing", "Jam Mulai", "shift_start"),
        ("staffing", "Selesai", "shift_end"),
        ("staffing", "Satuan", "unit"),
        ("staffing", "Jabatan", "role"),
        ("risk_register", "Kode Risiko", "risk_id"),
        ("risk_register", "Ancaman", "threat"),
        ("risk_register", "Kemungkinan", "likelihood"),
        ("risk_register", "Dampak", "impact"),
        ("risk_register", "Periode Mulai", "window_start"),
        ("risk_register", "Selesai", "window_end"),
        ("risk_register", "Peluang", "probability"),
        ("risk_register", "Jumlah Personel", "planned_personnel"),
        ("risk_register", "Mitigasi", "mitigation"),
    ],
)
def test_map_headers_variants(kind, header, canonical):
    assert map_headers([header, "catatan lain"], kind=kind, file="f.csv") == {header: canonical}


def test_map_headers_same_word_means_different_columns_per_file():
    # "Selesai" ends a shift in the roster but the risk window in the register
    assert map_headers(["Selesai"], kind="staffing", file="f") == {"Selesai": "shift_end"}
    assert map_headers(["Selesai"], kind="risk_register", file="f") == {"Selesai": "window_end"}


@pytest.mark.parametrize(
    ("headers", "first", "second"),
    [
        (["officer_id", "NRP"], "officer_id", "NRP"),
        (["Shift Start", "shift_start"], "Shift Start", "shift_start"),
        (["Jam Mulai", "Mulai Tugas"], "Jam Mulai", "Mulai Tugas"),
    ],
)
def test_two_headers_meaning_the_same_column(tmp_path, base_meta, headers, first, second):
    text = ",".join(["ring", "shift_end", *headers]) + "\n1,2024-03-01 15:00,x,y\n"
    with pytest.raises(InputFileError, match=f"columns '{first}' and '{second}' both mean") as e:
        load_text(tmp_path, "staffing", text, base_meta)
    assert e.value.file.endswith("staffing.csv")


@pytest.mark.parametrize(
    ("kind", "text", "missing", "found"),
    [
        (
            "incidents",
            "incident_id,Waktu Laporan,ring,catatan\nI1,2024-03-01 08:00,1,x\n",
            ["category", "severity"],
            ["incident_id", "Waktu Laporan", "ring", "catatan"],
        ),
        ("staffing", "NRP;Zona\n1;1\n", ["shift_start", "shift_end"], ["NRP", "Zona"]),
        (
            "risk_register",
            "risk_id,threat,ring,likelihood\n",
            ["impact"],
            ["risk_id", "threat", "ring", "likelihood"],
        ),
    ],
)
def test_missing_required_columns(tmp_path, base_meta, kind, text, missing, found):
    with pytest.raises(MissingColumnsError) as raised:
        load_text(tmp_path, kind, text, base_meta)
    error = raised.value
    assert error.file == str(tmp_path / f"{kind}.csv")
    assert error.missing == missing
    assert error.found == found
    message = str(error)
    assert message.startswith(str(tmp_path / f"{kind}.csv"))
    for column in missing:
        assert repr(column) in message
    assert "columns found: " + ", ".join(map(repr, found)) in message
    assert isinstance(error, InputFileError)


def test_unknown_columns_are_ignored_and_listed(tmp_path, base_meta):
    text = (
        "officer_id,ring,shift_start,shift_end,catatan,pangkat\n"
        "1,1,2024-03-01 07:00,2024-03-01 09:00,a,b\n"
    )
    loaded = load_text(tmp_path, "staffing", text, base_meta)
    assert loaded.quality.ignored_columns == ("catatan", "pangkat")
    assert "catatan" not in loaded.frame.columns


# --------------------------------------------------------------------- one bad row


@pytest.mark.parametrize(
    ("kind", "row", "field", "value", "reason"),
    [
        ("incidents", "I3,2024-03-01 10:00,1,crowd,6,", "severity", "6", "severity outside 1–5"),
        ("incidents", "I3,2024-03-01 10:00,1,crowd,0,", "severity", "0", "severity outside 1–5"),
        ("incidents", "I3,2024-03-01 10:00,1,crowd,2.5,", "severity", "2.5", "not a whole number"),
        ("incidents", "I3,2024-03-01 10:00,1,crowd,berat,", "severity", "berat",
         "severity 'berat' has no number"),
        ("incidents", "I3,2024-03-01 10:00,4,crowd,2,", "ring", "4", "unknown ring"),
        ("incidents", "I3,2024-03-01 10:00,Ring IV,crowd,2,", "ring", "Ring IV", "unknown ring"),
        ("incidents", "I3,kemarin sore,1,crowd,2,", "reported_at", "kemarin sore", "unparseable"),
        ("incidents", "I3,03/13/2024 10:00,1,crowd,2,", "reported_at", "03/13/2024 10:00",
         "unparseable"),  # month-first: 13 is not a month
        # the event runs 2024-03-01 07:00 – 2024-03-03 23:00, ± 24 h
        ("incidents", "I3,2024-02-28 08:00,1,crowd,2,", "reported_at", "2024-02-28 08:00",
         "implausible timestamp"),
        ("incidents", "I3,2024-03-05 08:00,1,crowd,2,", "reported_at", "2024-03-05 08:00",
         "implausible timestamp"),
        ("incidents", "I3,2024-03-01 10:00,1,,2,", "category", "", "required value missing"),
        ("incidents", ",2024-03-01 10:00,1,crowd,2,", "incident_id", "", "required value missing"),
        ("incidents", "I3,,1,crowd,2,", "reported_at", "", "required value missing"),
        ("incidents", "I3,2024-03-01 10:00,1,crowd,2,mungkin", "disrupted_proceedings", "mungkin",
         "not a yes/no value"),
        ("staffing", "00103,1,2024-03-01 15:00,2024-03-01 15:00", "shift_end", "2024-03-01 15:00",
         "shift_end is not after shift_start"),
        ("staffing", "00103,1,2024-03-01 15:00,2024-03-01 07:00", "shift_end", "2024-03-01 07:00",
         "shift_end is not after shift_start"),
        ("staffing", "00103,1,2024-03-01 07:00,2024-03-02 07:01", "shift_end", "2024-03-02 07:01",
         "shift longer than 24 h"),
        ("staffing", ",1,2024-03-01 07:00,2024-03-01 15:00", "officer_id", "", "required value"),
        ("staffing", "00103,Ring V,2024-03-01 07:00,2024-03-01 15:00", "ring", "Ring V", "unknown"),
        ("staffing", "00103,1,2024-03-01 07:00,lima belas", "shift_end", "lima belas", "unparse"),
        ("risk_register", "R3,theft,2,0,3,,,", "likelihood", "0", "likelihood outside 1–5"),
        ("risk_register", "R3,theft,2,6,3,,,", "likelihood", "6", "likelihood outside 1–5"),
        ("risk_register", "R3,theft,2,3,6,,,", "impact", "6", "impact outside 1–5"),
        ("risk_register", "R3,theft,2,2.5,3,,,", "likelihood", "2.5", "not a whole number"),
        ("risk_register", "R3,theft,2,3,3,,,1.5", "probability", "1.5", "probability outside 0–1"),
        ("risk_register", "R3,theft,2,3,3,,,-0.1", "probability", "-0.1", "probability outside"),
        ("risk_register", "R3,theft,2,3,3,,,tinggi", "probability", "tinggi", "not a number"),
        ("risk_register", "R3,theft,9,3,3,,,", "ring", "9", "unknown ring"),
        ("risk_register", "R3,,2,3,3,,,", "threat", "", "required value missing"),
        ("risk_register", "R3,theft,2,3,3,2024-03-02 12:00,2024-03-02 11:00,", "window_end",
         "2024-03-02 11:00", "window_end is not after window_start"),
    ],
)  # fmt: skip
def test_exactly_one_bad_row_is_quarantined(tmp_path, base_meta, kind, row, field, value, reason):
    loaded = load_text(tmp_path, kind, with_row_on_line_4(kind, row), base_meta)
    quality = loaded.quality
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (4, 3, 1)
    assert (quality.blank, quality.duplicates) == (0, 0)
    assert loaded.frame["source_row"].tolist() == [2, 3, 5]
    issue = quality.issues
    assert len(issue) == 1, issue
    assert issue.loc[0, ["row", "column", "field", "value", "action"]].tolist() == [
        4,
        field,
        field,
        value,
        "quarantined",
    ]
    assert re.search(reason, issue.loc[0, "reason"]), issue.loc[0, "reason"]
    assert quality.quarantined_rows["row"].tolist() == [4]
    assert quality.file == f"{kind}.csv"


def test_issue_names_the_column_as_written_in_the_file(tmp_path, base_meta):
    text = (
        "No Kejadian;Waktu Laporan;Zona;Kategori;Tingkat\u00a0Keparahan\n"
        "I1;01/03/2024 08.00;Ring I;crowd;2\n"
        "I2;01/03/2024 09.00;Luar pagar;crowd;9\n"
    )
    loaded = load_text(tmp_path, "incidents", text, base_meta, encoding="cp1252")
    issue = loaded.quality.issues.iloc[0]
    assert (issue["row"], issue["column"], issue["field"], issue["value"]) == (
        3,
        "Tingkat\u00a0Keparahan",
        "severity",
        "9",
    )
    assert loaded.quality.encoding == "cp1252"


def test_one_row_with_several_problems_is_quarantined_once(tmp_path, base_meta):
    text = INCIDENTS + "I1,2024-03-01 08:00,1,crowd,2,\nI2,sometime,9,,7,maybe\n"
    quality = load_text(tmp_path, "incidents", text, base_meta).quality
    assert (quality.accepted, quality.quarantined) == (1, 1)
    assert set(quality.issues["field"]) == {
        "reported_at",
        "ring",
        "category",
        "severity",
        "disrupted_proceedings",
    }
    assert set(quality.issues["row"]) == {3}


def test_quarantined_rows_keep_the_values_as_read(tmp_path, base_meta):
    text = STAFFING + "00101,Ring I,01/03/2024 15.00,01/03/2024 07.00\n"
    rows = load_text(tmp_path, "staffing", text, base_meta).quality.quarantined_rows
    expected = pd.DataFrame(
        {
            "row": [2],
            "officer_id": ["00101"],
            "ring": ["Ring I"],
            "shift_start": ["01/03/2024 15.00"],
            "shift_end": ["01/03/2024 07.00"],
        }
    )
    pd.testing.assert_frame_equal(rows, expected, check_dtype=False)


def test_bad_row_in_a_workbook_is_reported_with_its_excel_row(tmp_path, base_meta):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["risk_id", "threat", "ring", "likelihood", "impact"])
    sheet.append(["R1", "crowd", "Ring I", 3, 3])
    sheet.append([])  # row 3 stays empty
    sheet.append(["R2", "protest", 1, 7, 3])  # row 4: likelihood 7
    path = tmp_path / "risk_register.xlsx"
    workbook.save(path)
    quality = load_table(read_table(path), kind="risk_register", meta=base_meta).quality
    assert (quality.rows_read, quality.accepted, quality.quarantined, quality.blank) == (3, 1, 1, 1)
    assert quality.issues[["row", "column", "value"]].values.tolist() == [[4, "likelihood", "7"]]
    assert quality.sheet == "Sheet"


# ------------------------------------------------------------------------- time margin


@pytest.mark.parametrize(
    ("reported_at", "accepted"),
    [
        ("2024-02-29 07:00", True),  # start − 24 h exactly (2024 is a leap year)
        ("2024-02-29 06:59", False),
        ("2024-03-04 23:00", True),  # end + 24 h exactly
        ("2024-03-04 23:01", False),
        ("29/02/2024 07.00", True),
        ("2024-02-29 08:00 WITA", True),  # = 07:00 WIB
        ("2024-02-29 07:00 WITA", False),  # = 06:00 WIB
    ],
)
def test_default_time_margin_is_24_hours(tmp_path, base_meta, reported_at, accepted):
    text = INCIDENTS + f"I1,{reported_at},1,crowd,2,\n"
    quality = load_text(tmp_path, "incidents", text, base_meta).quality
    assert quality.accepted == int(accepted)
    if not accepted:
        assert quality.issues.loc[0, "reason"].startswith(
            "implausible timestamp: outside the event (01 Mar 2024 07:00 – 03 Mar 2024 23:00) "
            "by more than 24 h"
        )
        assert issue_reasons(quality.issues, "id")[0] == (
            "waktu tidak wajar: di luar waktu kegiatan (01 Mar 2024 07.00 – 03 Mar 2024 23.00) "
            "lebih dari 24 jam"
        )


def test_time_margin_from_event_yaml(tmp_path, make_meta):
    meta = make_meta(time_margin_hours=0)
    text = INCIDENTS + "I1,2024-03-01 06:59,1,crowd,2,\nI2,2024-03-01 07:00,1,crowd,2,\n"
    quality = load_text(tmp_path, "incidents", text, meta).quality
    assert quality.issues[["row", "field"]].values.tolist() == [[2, "reported_at"]]
    assert "by more than 0 h" in quality.issues.loc[0, "reason"]


# -------------------------------------------------------------------------- duplicates


def test_conflicting_duplicate_incident_id_quarantines_the_later_row(tmp_path, base_meta):
    text = INCIDENTS + (
        "I1,2024-03-01 08:00,1,crowd,2,\n"  # 2
        "I2,2024-03-01 09:00,1,crowd,2,\n"  # 3
        "I1,2024-03-01 08:00,1,crowd,3,\n"  # 4: same id, other severity
    )
    loaded = load_text(tmp_path, "incidents", text, base_meta)
    assert loaded.frame["incident_id"].tolist() == ["I1", "I2"]
    assert loaded.frame["severity"].tolist() == [2, 2]  # the first row is kept
    issue = loaded.quality.issues.iloc[0]
    assert (issue["row"], issue["field"], issue["action"]) == (4, "severity", "quarantined")
    assert issue["reason"] == (
        "duplicate incident_id 'I1' with different content from row 2 (differs in severity)"
    )


def test_conflicting_duplicate_risk_id(tmp_path, base_meta):
    text = REGISTER + "R1,crowd,1,3,3,,,\nR1,crowd at the gate,2,3,3,,,\n"
    quality = load_text(tmp_path, "risk_register", text, base_meta).quality
    assert (quality.accepted, quality.quarantined) == (1, 1)
    assert quality.issues.loc[0, "row"] == 3
    assert quality.issues.loc[0, "reason"] == (
        "duplicate risk_id 'R1' with different content from row 2 (differs in threat, ring)"
    )


def test_same_id_and_same_meaning_counts_as_a_duplicate(tmp_path, base_meta):
    # spelled differently, parsed the same: not a conflict
    text = INCIDENTS + ("I1,2024-03-01 08:00,1,crowd,3,\nI1,01/03/2024 08.00,Ring I,crowd,3.0,\n")
    loaded = load_text(tmp_path, "incidents", text, base_meta)
    quality = loaded.quality
    assert (quality.accepted, quality.quarantined, quality.duplicates) == (1, 0, 1)
    assert quality.issues.empty


def test_exact_duplicate_rows_are_dropped_and_counted(tmp_path, base_meta):
    row = "00101,1,2024-03-01 07:00,2024-03-01 15:00"
    text = STAFFING + "\n".join([row, row, "00102,1,2024-03-01 07:00,2024-03-01 15:00", row]) + "\n"
    loaded = load_text(tmp_path, "staffing", text, base_meta)
    quality = loaded.quality
    assert (quality.rows_read, quality.accepted, quality.duplicates) == (4, 2, 2)
    assert quality.issues.empty
    assert loaded.frame["source_row"].tolist() == [2, 4]


def test_a_later_row_replaces_a_quarantined_first_row(tmp_path, base_meta):
    text = INCIDENTS + "I1,2024-03-01 08:00,1,crowd,9,\nI1,2024-03-01 08:00,1,crowd,2,\n"
    loaded = load_text(tmp_path, "incidents", text, base_meta)
    assert loaded.frame["source_row"].tolist() == [3]
    assert loaded.quality.issues["row"].tolist() == [2]


def test_staffing_has_no_id_uniqueness(tmp_path, base_meta):
    text = STAFFING + (
        "00101,1,2024-03-01 07:00,2024-03-01 15:00\n00101,2,2024-03-02 07:00,2024-03-02 15:00\n"
    )
    assert load_text(tmp_path, "staffing", text, base_meta).quality.accepted == 2


def test_blank_rows_are_counted(tmp_path, base_meta):
    text = STAFFING + (
        "00101,1,2024-03-01 07:00,2024-03-01 15:00\n"
        "\n"
        ",,,\n"
        "   \n"
        "00102,1,2024-03-01 07:00,2024-03-01 15:00\n"
    )
    loaded = load_text(tmp_path, "staffing", text, base_meta)
    assert (loaded.quality.rows_read, loaded.quality.accepted, loaded.quality.blank) == (5, 2, 3)
    assert loaded.frame["source_row"].tolist() == [2, 6]


# ---------------------------------------------------------------------------- warnings


def test_times_running_backwards_are_warnings_and_the_row_is_kept(tmp_path, base_meta):
    text = (
        "incident_id,reported_at,ring,category,severity,responded_at,resolved_at\n"
        "I1,2024-03-01 08:00,1,crowd,2,2024-03-01 07:55,2024-03-01 09:00\n"
        "I2,2024-03-01 08:00,1,crowd,2,2024-03-01 08:05,2024-03-01 08:00\n"
        "I3,2024-03-01 08:00,1,crowd,2,2024-03-01 08:05,2024-03-01 09:00\n"
    )
    loaded = load_text(tmp_path, "incidents", text, base_meta)
    quality = loaded.quality
    assert (quality.accepted, quality.quarantined) == (3, 0)
    expected = pd.DataFrame(
        {
            "row": [2, 3],
            "column": ["responded_at", "resolved_at"],
            "field": ["responded_at", "resolved_at"],
            "value": ["2024-03-01 07:55", "2024-03-01 08:00"],
            "reason": ["responded_at before reported_at", "resolved_at before responded_at"],
            "action": ["warning", "warning"],
        }
    )
    pd.testing.assert_frame_equal(quality.issues[expected.columns], expected, check_dtype=False)
    assert quality.issues["reason_key"].tolist() == ["before", "before"]
    assert issue_reasons(quality.issues, "id").tolist() == [
        "responded_at lebih awal dari reported_at",
        "resolved_at lebih awal dari responded_at",
    ]
    assert quality.to_dict()["warnings"] == 2


def test_occurred_to_before_occurred_from_is_quarantined(tmp_path, base_meta):
    text = (
        "incident_id,reported_at,ring,category,severity,occurred_from,occurred_to\n"
        "I1,2024-03-01 08:00,1,crowd,2,2024-03-01 07:00,2024-03-01 07:00\n"  # a moment: fine
        "I2,2024-03-01 08:00,1,crowd,2,2024-03-01 07:00,2024-03-01 06:00\n"
    )
    quality = load_text(tmp_path, "incidents", text, base_meta).quality
    assert quality.issues[["row", "field", "reason"]].values.tolist() == [
        [3, "occurred_to", "occurred_to before occurred_from"]
    ]


# --------------------------------------------------------------------- canonical tables


def test_incidents_canonical_frame(tmp_path, base_meta):
    text = (
        "incident_id,reported_at,ring,category,severity,disrupted_proceedings,risk_id,"
        "description\n"
        "007,01/03/2024 08.00,Ring I,crowd,4,,R01,\n"  # severity 4, blank: a disruption
        "008,01/03/2024 09.00,plenary,dispute,3,,,  shouting  \n"
        "009,01/03/2024 10.00,2,protest,5,tidak,R02,kept calm\n"
    )
    frame = load_text(tmp_path, "incidents", text, base_meta).frame
    expected = pd.DataFrame(
        {
            "incident_id": ["007", "008", "009"],  # identifiers stay text
            "reported_at": pd.to_datetime(
                ["2024-03-01 08:00", "2024-03-01 09:00", "2024-03-01 10:00"]
            ).tz_localize("Asia/Jakarta"),
            "ring": pd.Categorical(["1", "3", "2"], categories=["1", "2", "3"]),
            # codes of the bundled vocabulary; "dispute" is none of its names: other
            "category": pd.Series(["crowd", "other", "protest"], dtype="str"),
            "category_text": pd.Series(["crowd", "dispute", "protest"], dtype="str"),
            "severity": pd.Categorical([4, 3, 5], categories=[1, 2, 3, 4, 5], ordered=True),
            "disrupted_proceedings": [True, False, False],
            "occurred_from": pd.Series([pd.NaT] * 3, dtype="datetime64[us, Asia/Jakarta]"),
            "occurred_to": pd.Series([pd.NaT] * 3, dtype="datetime64[us, Asia/Jakarta]"),
            "responded_at": pd.Series([pd.NaT] * 3, dtype="datetime64[us, Asia/Jakarta]"),
            "resolved_at": pd.Series([pd.NaT] * 3, dtype="datetime64[us, Asia/Jakarta]"),
            "risk_id": pd.Series(["R01", None, "R02"], dtype="str"),
            "description": pd.Series([None, "shouting", "kept calm"], dtype="str"),
            # 007 and 008 left blank: severity decided (4 ≥ 4 yes, 3 no); 009 said tidak
            "disrupted_by_rule": [True, True, False],
            "source_row": np.array([2, 3, 4], dtype="int64"),
        }
    )
    expected["reported_at"] = expected["reported_at"].dt.as_unit("us")
    pd.testing.assert_frame_equal(frame, expected)


def test_disruption_threshold_comes_from_the_event(tmp_path, make_meta):
    meta = make_meta(disruption_severity=3)
    text = INCIDENTS + "I1,2024-03-01 08:00,1,crowd,3,\nI2,2024-03-01 08:00,1,crowd,2,\n"
    frame = load_text(tmp_path, "incidents", text, meta).frame
    assert frame["disrupted_proceedings"].tolist() == [True, False]


def test_staffing_canonical_frame(tmp_path, base_meta):
    text = (
        "NRP;Zona;Jam Mulai;Jam Selesai;Satuan\n"
        "00123;Luar pagar;01/03/2024 23.00;02/03/2024 07.00;Sat Samapta\n"
        "87061234;DALAM GEDUNG;2024-03-02 07:00;2024-03-02 15:00;\n"
    )
    loaded = load_text(tmp_path, "staffing", text, base_meta)
    expected = pd.DataFrame(
        {
            "officer_id": ["00123", "87061234"],
            "ring": pd.Categorical(["1", "2"], categories=["1", "2", "3"]),
            "shift_start": pd.DatetimeIndex(["2024-03-01 23:00", "2024-03-02 07:00"])
            .tz_localize("Asia/Jakarta")
            .as_unit("us"),
            "shift_end": pd.DatetimeIndex(["2024-03-02 07:00", "2024-03-02 15:00"])
            .tz_localize("Asia/Jakarta")
            .as_unit("us"),
            "unit": pd.Series(["Sat Samapta", None], dtype="str"),
            "role": pd.Series([None, None], dtype="str"),
            "source_row": np.array([2, 3], dtype="int64"),
        }
    )
    pd.testing.assert_frame_equal(loaded.frame, expected)
    assert loaded.quality.delimiter == ";"


def test_register_canonical_frame(tmp_path, base_meta):
    text = (
        "risk_id;threat;ring;likelihood;impact;window_start;window_end;probability;"
        "planned_personnel\n"
        "R01;crowd;Semua;3;3;;;0,15;5\n"  # 3 × 3 = 9: medium; decimal comma
        "R02;protest;Ring I;2;5;02/03/2024 12.00;02/03/2024 18.00;;\n"  # 2 × 5 = 10: high
    )
    frame = load_text(tmp_path, "risk_register", text, base_meta).frame
    assert frame.columns.tolist() == [
        "risk_id",
        "threat",
        "ring",
        "likelihood",
        "impact",
        "score",
        "level",
        "window_start",
        "window_end",
        "probability",
        "planned_personnel",
        "mitigation",
        "categories",  # codes of the incident categories an item covers; none here
        "source_row",
    ]
    assert frame["categories"].isna().all()
    assert frame["ring"].tolist() == ["all", "1"]
    assert list(frame["ring"].cat.categories) == ["1", "2", "3", "all"]
    assert frame["score"].tolist() == [9, 10]
    assert frame["level"].tolist() == ["medium", "high"]
    assert frame["level"].dtype == base_meta.risk_levels.dtype
    # a blank window is the whole event
    assert frame["window_start"].tolist() == [base_meta.start, pd.Timestamp("2024-03-02 12:00+07")]
    assert frame["window_end"].tolist() == [base_meta.end, pd.Timestamp("2024-03-02 18:00+07")]
    np.testing.assert_array_equal(frame["probability"].to_numpy(), [0.15, np.nan])
    assert frame["planned_personnel"].dtype == "Int64"
    assert frame["planned_personnel"].tolist() == [5, pd.NA]
    assert frame["likelihood"].dtype == "int8"


def test_header_only_file_gives_an_empty_typed_frame(tmp_path, base_meta):
    loaded = load_text(tmp_path, "incidents", INCIDENTS, base_meta)
    assert len(loaded.frame) == 0
    assert loaded.frame["reported_at"].dtype == "datetime64[us, Asia/Jakarta]"
    assert loaded.quality.issues.columns.tolist() == ISSUE_COLUMNS


# ----------------------------------------------------------------------------- purity


def test_load_table_does_not_mutate_the_raw_table(tmp_path, base_meta):
    text = (
        "incident_id,Waktu Laporan,ring,category,severity,responded_at\n"
        "I1,01/03/2024 08.00,Ring I,crowd,2,2024-03-01 07:00\n"
        "I1,01/03/2024 08.00,Ring I,crowd,2,2024-03-01 07:00\n"
        "I1,01/03/2024 09.00,1,crowd,2,\n"
        "I2,x,9,,7,\n"
        "\n"
        "I3,2024-03-01 10:00,3,crowd,4,\n"
    )
    path = tmp_path / "incidents.csv"
    path.write_text(text, encoding="utf-8")
    raw = read_table(path)
    frame_before = raw.frame.copy(deep=True)
    rows_before = raw.rows.copy()
    loaded = load_table(raw, kind="incidents", meta=base_meta)
    assert loaded.quality.quarantined == 2
    pd.testing.assert_frame_equal(raw.frame, frame_before)
    np.testing.assert_array_equal(raw.rows, rows_before)
    assert raw.blank == 1


# ---------------------------------------------------------------- NUL bytes, large cells


@pytest.mark.parametrize(
    ("kind", "row", "field", "value"),
    [
        ("incidents", "I\x003,2024-03-01 10:00,1,crowd,2,", "incident_id", "I\\x003"),
        ("incidents", "I3,2024-03-01 10:00,1,cr\x00owd,2,", "category", "cr\\x00owd"),
        ("incidents", "I3,2024-03-01 10:00\x00,1,crowd,2,", "reported_at",
         "2024-03-01 10:00\\x00"),
        # an officer id is never shown, not even a broken one: its pseudonym stands in
        ("staffing", "001\x0003,1,2024-03-01 07:00,2024-03-01 15:00", "officer_id",
         "officer-"),
        ("risk_register", "R3,the\x00ft,2,3,3,,,", "threat", "the\\x00ft"),
        ("risk_register", "R3,theft,\x00,3,3,,,", "ring", "\\x00"),
    ],
)  # fmt: skip
def test_a_nul_byte_quarantines_its_row_naming_the_column(tmp_path, base_meta, kind, row, field,
                                                          value):  # fmt: skip
    loaded = load_text(tmp_path, kind, with_row_on_line_4(kind, row), base_meta)
    quality = loaded.quality
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (4, 3, 1)
    assert loaded.frame["source_row"].tolist() == [2, 3, 5]
    # one issue only: the NUL byte, not also "required value missing" or "unknown ring"
    issues = quality.issues[["row", "column", "value", "action"]].values.tolist()
    if field == "officer_id":
        assert issues[0][2].startswith(value) and "001" not in issues[0][2]
        issues[0][2] = value
    assert issues == [[4, field, value, "quarantined"]]
    assert quality.issues.loc[0, "reason"].startswith("contains a NUL byte")
    assert not loaded.frame.map(lambda cell: "\x00" in str(cell)).any().any()


def test_a_nul_byte_outside_the_contract_columns_is_ignored_with_them(tmp_path, base_meta):
    text = "officer_id,ring,shift_start,shift_end,catatan\n" \
        "00101,1,2024-03-01 07:00,2024-03-01 15:00,a\x00b\n"  # fmt: skip
    quality = load_text(tmp_path, "staffing", text, base_meta).quality
    assert (quality.accepted, quality.quarantined) == (1, 0)
    assert quality.ignored_columns == ("catatan",)


def test_nul_bytes_and_oversized_cells_in_parquet(tmp_path, base_meta):
    frame = pd.DataFrame(
        {
            "officer_id": ["00101", "001\x0002", "00103"],
            "ring": ["1", "2", "3"],
            "shift_start": pd.to_datetime(["2024-03-01 07:00"] * 3),
            "shift_end": pd.to_datetime(["2024-03-01 15:00"] * 3),
            "role": ["pos", "pos", "p" * (MAX_CELL_BYTES + 1)],
        }
    )
    path = tmp_path / "staffing.parquet"
    frame.to_parquet(path)
    quality = load_table(read_table(path), kind="staffing", meta=base_meta).quality
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (3, 1, 2)
    assert quality.issues[["row", "column"]].values.tolist() == [[2, "officer_id"], [3, "role"]]
    assert quality.issues["reason"].str.slice(0, 14).tolist() == [
        "contains a NUL",
        "cell too large",
    ]


def _incidents_with_descriptions(*descriptions: str) -> str:
    rows = [f'I{i},2024-03-01 08:00,1,crowd,2,"{d}"' for i, d in enumerate(descriptions, 1)]
    return "incident_id,reported_at,ring,category,severity,description\n" + "\n".join(rows)


def test_a_200_kb_description_is_accepted_whole(tmp_path, base_meta):
    description = "massa berkumpul di depan pagar. " * 6400  # 32 × 6400 = 204,800 bytes
    loaded = load_text(tmp_path, "incidents", _incidents_with_descriptions(description, "ok"),
                       base_meta)  # fmt: skip
    assert (loaded.quality.accepted, loaded.quality.quarantined) == (2, 0)
    assert len(loaded.frame.loc[0, "description"]) == 204_799  # stripped of its last space


def test_a_2_mb_description_quarantines_its_row_only(tmp_path, base_meta):
    description = "x" * 2_097_152  # 2 MiB
    loaded = load_text(tmp_path, "incidents", _incidents_with_descriptions("ok", description, "ok"),
                       base_meta)  # fmt: skip
    quality = loaded.quality
    assert (quality.rows_read, quality.accepted, quality.quarantined) == (3, 2, 1)
    assert loaded.frame["incident_id"].tolist() == ["I1", "I3"]
    issue = quality.issues.iloc[0]
    assert (issue["row"], issue["column"], issue["action"]) == (3, "description", "quarantined")
    assert issue["reason"] == (
        "cell too large: 2,097,152 bytes, over the limit of 1,048,576 bytes (1 MB) per cell"
    )
    # the issue shows a preview, not 2 MB
    assert issue["value"] == "x" * 200 + "… (2,097,152 characters in all)"


@pytest.mark.parametrize(
    ("description", "accepted"),
    [
        ("é" * 524_288, True),  # 2 bytes each in UTF-8: exactly 1,048,576 bytes
        ("é" * 524_288 + "x", False),  # 1,048,577 bytes, though only 524,289 characters
    ],
    ids=["exactly-1-MiB", "one-byte-over"],
)
def test_the_cell_limit_counts_utf8_bytes(tmp_path, base_meta, description, accepted):
    assert MAX_CELL_BYTES == 1_048_576
    text = _incidents_with_descriptions(description)
    quality = load_text(tmp_path, "incidents", text, base_meta).quality
    assert (quality.accepted, quality.quarantined) == (int(accepted), int(not accepted))


# ------------------------------------------------------------------- ring ids as numbers


def test_ring_ids_written_with_a_zero_fraction_are_accepted(tmp_path, base_meta):
    text = (
        "incident_id;reported_at;ring;category;severity\n"
        "I1;2024-03-01 08:00;1.0;crowd;2\n"
        "I2;2024-03-01 09:00;2,0;crowd;2\n"
        "I3;2024-03-01 10:00;3.00;crowd;2\n"
        "I4;2024-03-01 11:00;1.5;crowd;2\n"
    )
    loaded = load_text(tmp_path, "incidents", text, base_meta)
    assert loaded.frame["ring"].astype(str).tolist() == ["1", "2", "3"]
    assert loaded.quality.issues[["row", "value"]].values.tolist() == [[5, "1.5"]]


def test_ring_ids_as_floats_in_a_workbook(tmp_path, base_meta):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["officer_id", "ring", "shift_start", "shift_end"])
    for officer, ring in (("00101", 1.0), ("00102", 2.0), ("00103", "3.0"), ("00104", 2.5)):
        sheet.append([officer, ring, "2024-03-01 07:00", "2024-03-01 15:00"])
    sheet["B3"].number_format = "0.0"  # shown as 2.0 in Excel
    path = tmp_path / "staffing.xlsx"
    workbook.save(path)
    loaded = load_table(read_table(path), kind="staffing", meta=base_meta)
    assert loaded.frame["ring"].astype(str).tolist() == ["1", "2", "3"]
    # a staffing value that is not a ring label is shown only as a pseudonym (privacy.py)
    [[row, column, value]] = loaded.quality.issues[["row", "column", "value"]].values.tolist()
    assert (row, column) == (5, "ring") and value.startswith("officer-")


# ------------------------------------------------------------------ daylight saving time
# Europe/Amsterdam, 2024: 02:00 → 03:00 on 31 March; 03:00 → 02:00 on 27 October.


def test_a_time_that_does_not_exist_in_the_event_zone_is_quarantined_saying_so(tmp_path, make_meta):
    meta = make_meta(timezone="Europe/Amsterdam", start="2024-03-30T07:00",
                     end="2024-04-01T23:00")  # fmt: skip
    text = INCIDENTS + "I1,2024-03-31 01:30,1,crowd,2,\nI2,2024-03-31 02:30,1,crowd,2,\n"
    quality = load_text(tmp_path, "incidents", text, meta).quality
    assert (quality.accepted, quality.quarantined) == (1, 1)
    issue = quality.issues.iloc[0]
    assert (issue["row"], issue["column"], issue["value"]) == (3, "reported_at", "2024-03-31 02:30")
    assert issue["reason"].startswith(
        "time does not exist in Europe/Amsterdam: the clocks moved forward"
    )


def test_a_repeated_local_time_is_kept_as_its_first_occurrence_with_a_warning(tmp_path, make_meta):
    meta = make_meta(timezone="Europe/Amsterdam", start="2024-10-26T07:00",
                     end="2024-10-28T23:00")  # fmt: skip
    text = (
        STAFFING
        + "00101,1,2024-10-27 02:30,2024-10-27 10:00\n"
        + "00102,9,2024-10-27 02:30,2024-10-27 10:00\n"  # unknown ring: quarantined, no note
    )
    loaded = load_text(tmp_path, "staffing", text, meta)
    quality = loaded.quality
    assert (quality.accepted, quality.quarantined) == (1, 1)
    # 02:30 CEST (+02:00), the first 02:30 of the night, is 00:30 UTC
    assert loaded.frame.loc[0, "shift_start"] == pd.Timestamp("2024-10-27 00:30", tz="UTC")
    warnings = quality.issues[quality.issues["action"] == "warning"]
    assert warnings[["row", "column"]].values.tolist() == [[2, "shift_start"]]
    assert "occurs twice in Europe/Amsterdam" in warnings.iloc[0]["reason"]
    assert quality.issues["row"].tolist() == [2, 3]


# ------------------------------------------------------------------------ row accounting

ROW_KINDS = (
    "good",
    "bad_severity",
    "bad_ring",
    "bad_time",
    "implausible_time",
    "missing_category",
    "nul_byte",
    "blank",
    "duplicate",
    "conflict",
)


def _good(i: int) -> list[str]:
    reported = dt.datetime(2024, 3, 1, 8) + dt.timedelta(minutes=37 * i)
    return [f"G{i}", f"{reported:%Y-%m-%d %H:%M}", str(1 + i % 3), "crowd", str(1 + i % 5)]


def _bad(kind: str, i: int) -> list[str]:
    row = _good(i)
    row[0] = f"B{i}"
    if kind == "bad_severity":
        row[4] = ("0", "6", "2.5", "berat")[i % 4]
    elif kind == "bad_ring":
        row[2] = ("4", "Ring IX", "nowhere")[i % 3]
    elif kind == "bad_time":
        row[1] = ("soon", "32/03/2024 08.00", "2024-03-01 24:30")[i % 3]
    elif kind == "implausible_time":
        row[1] = ("2024-02-20 08:00", "2025-03-01 08:00")[i % 2]
    elif kind == "nul_byte":
        row[(0, 3)[i % 2]] += "\x00"
    else:
        row[3] = ""
    return row


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    kinds=st.lists(st.sampled_from(ROW_KINDS), max_size=30),
    delimiter=st.sampled_from([",", ";", "\t"]),
    data=st.data(),
)
def test_row_accounting_invariant(tmp_path_factory, base_meta_session, kinds, delimiter, data):
    lines: list[str] = []
    good_lines: list[tuple[str, int]] = []  # (incident_id, file row)
    bad_lines: list[int] = []
    written: list[list[str]] = []  # non-blank rows, for duplicates
    good_rows: list[list[str]] = []  # for conflicts
    blank = duplicates = 0
    for i, kind in enumerate(kinds):
        line_number = len(lines) + 2  # the header is line 1
        if kind == "duplicate" and written:
            row = data.draw(st.sampled_from(written))
            duplicates += 1
        elif kind == "conflict" and good_rows:
            row = [*data.draw(st.sampled_from(good_rows))]
            row[3] = f"other {i}"  # same id, other category
            bad_lines.append(line_number)
        elif kind == "blank":
            lines.append(data.draw(st.sampled_from(["", "  ", delimiter * 4, f" {delimiter} "])))
            blank += 1
            continue
        elif kind.startswith(("bad", "implausible", "missing", "nul")):
            row = _bad(kind, i)
            bad_lines.append(line_number)
        else:  # good, or a duplicate/conflict with nothing before it to repeat
            row = _good(i)
            good_lines.append((row[0], line_number))
            good_rows.append(row)
        written.append(row)
        lines.append(delimiter.join(row))

    header = delimiter.join(["incident_id", "reported_at", "ring", "category", "severity"])
    path = tmp_path_factory.mktemp("accounting") / "incidents.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    loaded = load_table(read_table(path), kind="incidents", meta=base_meta_session)
    quality = loaded.quality

    assert quality.rows_read == len(lines)
    assert quality.rows_read == (
        quality.accepted + quality.quarantined + quality.blank + quality.duplicates
    )
    assert quality.blank == blank
    assert quality.duplicates == duplicates
    assert quality.quarantined == len(bad_lines)
    # the accepted rows are exactly the good rows, in file order, with their row numbers
    assert list(zip(loaded.frame["incident_id"], loaded.frame["source_row"], strict=True)) == (
        good_lines
    )
    quarantined = quality.issues.loc[quality.issues["action"] == "quarantined", "row"]
    assert sorted(set(quarantined)) == bad_lines
    assert quality.quarantined_rows["row"].tolist() == bad_lines
