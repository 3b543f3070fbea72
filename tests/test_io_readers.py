"""Tests of sra_analysis.io.readers: files read as they are, with the rows the user sees.

Binary fixtures (cp1252 bytes, workbooks, Parquet) are built in ``tmp_path`` by each test.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile

import numpy as np
import openpyxl
import pandas as pd
import pytest

from sra_analysis.errors import InputFileError
from sra_analysis.io.readers import RawTable, detect_delimiter, read_table


def write_text(path, text, *, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


# ----------------------------------------------------------------------------- delimiters


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_detected_and_reported(tmp_path, delimiter):
    lines = ["incident_id|ring|severity", "I1|1|2", "I2|Ring II|3"]
    path = write_text(tmp_path / "t.csv", "\n".join(lines).replace("|", delimiter) + "\n")
    table = read_table(path)
    assert table.delimiter == delimiter
    expected = pd.DataFrame(
        {"incident_id": ["I1", "I2"], "ring": ["1", "Ring II"], "severity": ["2", "3"]}
    )
    # CSV cells stay text, whichever text dtype holds them
    pd.testing.assert_frame_equal(table.frame, expected, check_dtype=False)
    assert all(isinstance(cell, str) for cell in table.frame.to_numpy().ravel())


def test_semicolon_file_with_decimal_commas_and_commas_in_text(tmp_path):
    text = "risk_id;probability;threat\nR1;0,15;massa, lalu bubar\nR2;0,4;unjuk rasa, ricuh\n"
    table = read_table(write_text(tmp_path / "r.csv", text))
    assert table.delimiter == ";"
    # values are not interpreted by the reader: "0,15" stays text
    assert table.frame["probability"].tolist() == ["0,15", "0,4"]
    assert table.frame["threat"].tolist() == ["massa, lalu bubar", "unjuk rasa, ricuh"]


def test_comma_file_with_quoted_commas_and_semicolons(tmp_path):
    text = 'id,description\n1,"massa; ±60 orang, bubar"\n2,"a, b, c"\n'
    table = read_table(write_text(tmp_path / "c.csv", text))
    assert table.delimiter == ","
    assert table.frame["description"].tolist() == ["massa; ±60 orang, bubar", "a, b, c"]


def test_tab_file_with_commas_and_semicolons_in_text(tmp_path):
    text = "id\tdescription\n1\tx, y; z\n2\tq;r,s\n"
    table = read_table(write_text(tmp_path / "t.tsv", text))
    assert table.delimiter == "\t"
    assert table.frame["description"].tolist() == ["x, y; z", "q;r,s"]


@pytest.mark.parametrize(
    "text",
    [
        "description\nmassa berkumpul, lalu bubar\nsatu; dua\tdan tiga\n",
        "description\nabc\nabd\naaa\n",  # never split on a letter, as csv.Sniffer may
        'description\n"a, b"\n"c, d"\n',
        "incident_id\nI1\nI2\n",
    ],
)
def test_one_column_file_is_never_split(tmp_path, text):
    table = read_table(write_text(tmp_path / "one.csv", text))
    assert table.delimiter is None
    assert table.frame.shape[1] == 1
    assert detect_delimiter(text) is None
    lines = [line.strip('"') for line in text.splitlines()]
    assert table.frame.columns.tolist() == lines[:1]
    assert table.frame.iloc[:, 0].tolist() == lines[1:]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a,b\n1,2\n", ","),
        ("a\tb\n1\t2,5\n", "\t"),
        # the header has a comma in a name: the consistent split wins
        ("waktu, WIB;ring;severity\n1;2;3\n4;5;6\n", ";"),
        # blank lines do not count against a delimiter
        ("a;b\n\n1;2\n\n\n3;4\n", ";"),
    ],
)
def test_detect_delimiter(text, delimiter):
    assert detect_delimiter(text) == delimiter


# ------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encoding_is_detected_and_reported(tmp_path, encoding):
    text = "incident_id;description\nI1;café – ±60 orang\n"
    table = read_table(write_text(tmp_path / "e.csv", text, encoding=encoding))
    assert table.encoding == encoding
    assert table.delimiter == ";"
    # the BOM is not part of the first header
    assert table.frame.columns.tolist() == ["incident_id", "description"]
    assert table.frame["description"].tolist() == ["café – ±60 orang"]


def test_undecodable_file_is_an_input_file_error(tmp_path):
    # 0x81 is invalid UTF-8 and undefined in cp1252
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n1,\x81\n")
    with pytest.raises(InputFileError, match=r"cannot decode as UTF-8 or cp1252 .*0x81") as raised:
        read_table(path)
    assert raised.value.file == str(path)


def test_clean_cp1252_file_loads_and_reports_cp1252(tmp_path):
    # Excel on Windows "CSV": é is E9, – is 96, ± is B1, “ ” are 93 94 (cp1252 code chart)
    path = tmp_path / "cp.csv"
    path.write_bytes(b"id;note\nI1;caf\xe9\nI2;\x96 \xb160 orang\nI3;\x93Ring I\x94\n")
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert table.frame["note"].tolist() == ["café", "– ±60 orang", "“Ring I”"]


@pytest.mark.parametrize(
    ("lines", "bad_line"),
    [
        # one UTF-8 row (é = C3 A9) and one cp1252 row (é = E9): the non-UTF-8 line is named
        ([b"I1;caf\xc3\xa9", b"I2;ok", b"I3;caf\xe9"], 4),
        # mostly cp1252 with one UTF-8 row pasted in: the UTF-8 row is the odd one out
        ([b"I1;caf\xe9", b"I2;\xb160", b"I3;s\xc3\xa9ance", b"I4;\x96"], 4),
        # mostly UTF-8 with one cp1252 row
        ([b"I1;\xc2\xb160", b"I2;caf\xe9", b"I3;caf\xc3\xa9", b"I4;\xe2\x80\x93"], 3),
    ],
)
def test_file_mixing_utf8_and_cp1252_is_refused_naming_the_line(tmp_path, lines, bad_line):
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"\n".join([b"id;note", *lines]) + b"\n")
    with pytest.raises(InputFileError, match="mixes text encodings") as raised:
        read_table(path)
    assert raised.value.file == str(path)
    assert raised.value.row == bad_line
    assert f"row {bad_line}:" in str(raised.value)


def test_utf8_bom_file_with_a_cp1252_line_is_refused_naming_the_line(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid;note\nI1;caf\xc3\xa9\nI2;caf\xe9\n")
    with pytest.raises(InputFileError, match=r"UTF-8 byte-order mark but line 3 is not") as e:
        read_table(path)
    assert e.value.row == 3


@pytest.mark.parametrize("delimiter", ["\t", ",", ";"])
@pytest.mark.parametrize(
    ("mark", "codec", "encoding"),
    [(b"\xff\xfe", "utf-16-le", "utf-16-le"), (b"\xfe\xff", "utf-16-be", "utf-16-be")],
)
def test_utf16_with_a_bom_is_read(tmp_path, delimiter, mark, codec, encoding):
    # Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated, CRLF
    text = "\r\n".join(["incident_id|ring|description", "I1|Ring II|café – ±60", "I2|3|ok"])
    path = tmp_path / "u16.csv"
    path.write_bytes(mark + (text.replace("|", delimiter) + "\r\n").encode(codec))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.frame.columns.tolist() == ["incident_id", "ring", "description"]
    assert table.frame.values.tolist() == [["I1", "Ring II", "café – ±60"], ["I2", "3", "ok"]]
    assert table.rows.tolist() == [2, 3]


def test_utf16_without_a_bom_gets_its_own_message(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("incident_id\tring\nI1\t1\nI2\t2\n".encode("utf-16-le"))  # no BOM
    with pytest.raises(InputFileError, match="UTF-16 text saved without a byte-order mark") as e:
        read_table(path)
    assert "delimiter" not in str(e.value)


def test_utf16_bom_with_a_truncated_body_is_an_input_file_error(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes(b"\xff\xfe" + "a\tb\n".encode("utf-16-le") + b"x")  # odd byte count
    with pytest.raises(InputFileError, match="cannot be decoded as UTF-16 LE"):
        read_table(path)


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"PK\x03\x04\x14\x00", "zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", r"old binary Excel \(\.xls\)"),
        (b"PAR1\x15\x04", "Parquet file"),
    ],
)
def test_binary_file_with_a_text_suffix_is_named(tmp_path, head, what):
    path = tmp_path / "incidents.csv"
    path.write_bytes(head + bytes(range(256)))
    with pytest.raises(InputFileError, match=f"not a text file but .*{what}"):
        read_table(path)


# ------------------------------------------------------------------- NUL bytes, long cells


def test_nul_bytes_in_cells_are_kept_for_the_loader_to_judge(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,note\nI\x001,a\nI2,b\x00\n")
    table = read_table(path)
    assert table.delimiter == ","
    assert table.frame.values.tolist() == [["I\x001", "a"], ["I2", "b\x00"]]


def test_one_column_file_with_a_nul_byte_is_not_split_on_it(tmp_path):
    path = tmp_path / "one.csv"
    path.write_bytes(b"incident_id\nI\x001\nI2\n")
    table = read_table(path)
    assert table.delimiter is None
    assert table.frame["incident_id"].tolist() == ["I\x001", "I2"]


@pytest.mark.parametrize("length", [200 * 1024, 2 * 1024 * 1024])
def test_a_cell_over_python_csv_default_limit_is_read_whole(tmp_path, length):
    # Python's csv refuses fields over field_size_limit() (131072 by default) with an
    # error for the whole file; the reader reads every cell whole and leaves sizes to load
    description = "massa " * (length // 6)
    path = write_text(tmp_path / "big.csv", f'id,description\nI1,"{description}"\nI2,short\n')
    previous = csv.field_size_limit(131072)
    try:
        table = read_table(path)
    finally:
        csv.field_size_limit(max(previous, csv.field_size_limit()))
    assert table.frame["description"].tolist() == [description, "short"]
    assert table.rows.tolist() == [2, 3]


# ---------------------------------------------------------------------- CSV rows and blanks


def test_csv_row_numbers_as_the_user_sees_them(tmp_path):
    lines = [
        "id,note",  # 1: header
        '1,"line one',  # 2
        'line two"',  # 3: same record
        "",  # 4: blank
        "2,x",  # 5
        "",  # 6: blank
        ",",  # 7: blank (only separators)
        '3,"q',  # 8
        "",  # 9: inside the quotes, not blank
        'r"',  # 10
        "4,y",  # 11
    ]
    table = read_table(write_text(tmp_path / "rows.csv", "\n".join(lines) + "\n"))
    assert table.rows.tolist() == [2, 5, 8, 11]
    assert table.blank == 3
    assert table.rows_read == 7
    assert table.frame["note"].tolist() == ["line one\nline two", "x", "q\n\nr", "y"]


def test_csv_row_numbers_with_crlf_and_leading_blank_lines(tmp_path):
    # blank lines before the header are not data rows; the header is then on line 3
    text = '\r\n\r\nid,note\r\n1,"a\r\nb"\r\n\r\n2,c\r\n'
    table = read_table(write_text(tmp_path / "crlf.csv", text))
    assert table.rows.tolist() == [4, 7]
    assert table.blank == 1
    assert table.frame["id"].tolist() == ["1", "2"]


def test_first_data_row_is_row_2(tmp_path):
    table = read_table(write_text(tmp_path / "a.csv", "a,b\n1,2\n3,4\n"))
    assert table.rows.tolist() == [2, 3]
    assert table.rows.dtype == np.int64
    assert table.format == "csv"
    assert table.blank == 0


def test_short_rows_are_padded_and_blank_headers_named(tmp_path):
    table = read_table(write_text(tmp_path / "s.csv", "a,,c\n1\n1,2,3,\n"))
    assert table.frame.columns.tolist() == ["a", "unnamed_2", "c"]
    assert table.frame.values.tolist() == [["1", "", ""], ["1", "2", "3"]]


def test_row_with_more_fields_than_the_header_names_its_row(tmp_path):
    path = write_text(tmp_path / "long.csv", "a,b\n1,2\n3,4,5\n")
    with pytest.raises(InputFileError, match=r"row 3: row has 3 fields but the header has 2") as e:
        read_table(path)
    assert e.value.row == 3


def test_unclosed_quote_that_would_swallow_later_rows_is_an_error(tmp_path):
    # the lenient csv reader would read lines 4 and 5 into row 3's note: rows lost unseen
    path = write_text(tmp_path / "q.csv", 'id,note\n1,x\n2,"oops\n3,y\n4,z\n')
    with pytest.raises(InputFileError, match=r"row 3: a quoted field .* is never closed") as e:
        read_table(path)
    assert e.value.row == 3


def test_stray_quotes_inside_a_field_are_text(tmp_path):
    text = 'id,note\n1,pipa 12" bocor\n2,"ok, ""quoted"""\n3,"open on the last line\n'
    table = read_table(write_text(tmp_path / "q.csv", text))
    assert table.rows.tolist() == [2, 3, 4]
    assert table.frame["note"].tolist() == [
        'pipa 12" bocor',
        'ok, "quoted"',
        "open on the last line\n",
    ]


@pytest.mark.parametrize("text", ["", "  \n\n", "\n"])
def test_empty_csv(tmp_path, text):
    with pytest.raises(InputFileError, match="the file is empty; expected a header row"):
        read_table(write_text(tmp_path / "empty.csv", text))


def test_header_only_csv(tmp_path):
    table = read_table(write_text(tmp_path / "h.csv", "a,b\n"))
    assert table.frame.columns.tolist() == ["a", "b"]
    assert len(table.frame) == 0
    assert table.rows_read == 0


def test_missing_file_and_unsupported_suffix(tmp_path):
    with pytest.raises(InputFileError, match="file not found"):
        read_table(tmp_path / "nope.csv")
    path = write_text(tmp_path / "incidents.json", "{}")
    with pytest.raises(InputFileError, match=r"unsupported file type '\.json'; use one of .*\.csv"):
        read_table(path)


# ----------------------------------------------------------------------------------- XLSX


@pytest.fixture
def workbook_path(tmp_path):
    """A workbook with a notes sheet first and the data on sheet "Register".

    Register rows: 1 header, 2 data, 3 empty, 4 data, 5 white space only, 6 data.
    """
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Catatan"
    notes.append(["risk_id", "threat"])
    notes.append(["N1", "from the first sheet"])
    sheet = workbook.create_sheet("Register")
    sheet.append(["risk_id", "window_start", "serial", "likelihood", None])
    sheet.append(["00123", dt.datetime(2024, 3, 1, 14, 30), 45352.5, 3])
    sheet.cell(row=4, column=1, value="R2")
    sheet.cell(row=4, column=2, value=dt.date(2024, 3, 2))
    sheet.cell(row=4, column=3, value=45352)
    sheet.cell(row=4, column=4, value=4)
    sheet.cell(row=5, column=1, value="   ")
    sheet.cell(row=6, column=1, value="R3")
    path = tmp_path / "risk_register.xlsx"
    workbook.save(path)
    return path


def test_xlsx_first_sheet_by_default(workbook_path):
    table = read_table(workbook_path)
    assert table.format == "xlsx"
    assert table.sheet == "Catatan"
    assert table.frame.to_dict("list") == {"risk_id": ["N1"], "threat": ["from the first sheet"]}
    assert table.rows.tolist() == [2]
    assert table.encoding is None and table.delimiter is None


def test_xlsx_named_sheet_keeps_cell_types_and_excel_rows(workbook_path):
    table = read_table(workbook_path, sheet="Register")
    assert table.sheet == "Register"
    # Excel row numbers, the blank row 3 and the white-space row 5 skipped and counted
    assert table.rows.tolist() == [2, 4, 6]
    assert table.blank == 2
    # the trailing header cell with nothing beneath it is formatting, not a column
    assert table.frame.columns.tolist() == ["risk_id", "window_start", "serial", "likelihood"]
    first, second, third = table.frame.to_dict("records")
    # text stays text (leading zeros kept), date cells are datetimes, numbers stay numbers
    assert first == {
        "risk_id": "00123",
        "window_start": dt.datetime(2024, 3, 1, 14, 30),
        "serial": 45352.5,
        "likelihood": 3,
    }
    assert second["window_start"] == dt.datetime(2024, 3, 2)
    assert second["serial"] == 45352
    assert third == {"risk_id": "R3", "window_start": None, "serial": None, "likelihood": None}


def test_xlsx_unknown_sheet_lists_the_sheets(workbook_path):
    with pytest.raises(InputFileError, match=r"sheet must be one of \['Catatan', 'Register'\]"):
        read_table(workbook_path, sheet="Sheet1")


def test_xlsx_with_a_stale_dimension_is_read_whole(tmp_path):
    # Some tools record <dimension ref="A1"/> whatever the sheet holds; openpyxl's read-only
    # mode trusts it unless told otherwise, and would see one cell and no rows.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["risk_id", "threat"])
    sheet.append(["R1", "crowd"])
    sheet.append([])
    sheet.append(["R2", "protest"])
    written = tmp_path / "written.xlsx"
    workbook.save(written)
    stale = tmp_path / "risk_register.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(stale, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(
                    rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1"/>', data
                )
                assert count == 1
            target.writestr(item, data)
    table = read_table(stale)
    assert table.frame.to_dict("list") == {"risk_id": ["R1", "R2"], "threat": ["crowd", "protest"]}
    assert table.rows.tolist() == [2, 4]
    assert table.blank == 1


def test_xlsx_empty_sheet(tmp_path):
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(InputFileError, match="is empty; expected a header row"):
        read_table(path)


def test_broken_workbook_is_an_input_file_error(tmp_path):
    path = write_text(tmp_path / "staffing.xlsx", "officer_id,ring\n1,1\n")
    with pytest.raises(InputFileError, match="cannot open as an Excel workbook"):
        read_table(path)


def _workbook_with_sheet_xml(tmp_path, name, edit):
    """A sound one-sheet workbook whose sheet XML is passed through ``edit`` (bytes → bytes)."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "staffing"
    workbook.active.append(["officer_id", "ring"])
    workbook.active.append(["P1", 1])
    written = tmp_path / "written.xlsx"
    workbook.save(written)
    path = tmp_path / name
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            target.writestr(item, data)
    return path


def _billion_laughs(data: bytes) -> bytes:
    """The sheet with a nine-level entity bomb declared and used in a cell: expanded, the
    cell would hold 10**9 copies of "lol" (3 GB)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    doctype = f"<!DOCTYPE worksheet [{''.join(entities)}]>".encode()
    data, count = re.subn(rb"<t>P1</t>", b"<t>&lol9;</t>", data)
    assert count == 1
    declaration = b""
    if data.startswith(b"<?xml"):  # the DOCTYPE goes after an XML declaration, if any
        declaration, data = data.split(b"?>", 1)
        declaration += b"?>"
    return declaration + doctype + data


def test_an_entity_bomb_in_a_workbook_is_refused_unexpanded(tmp_path):
    # openpyxl parses with defusedxml only when it is installed (pyproject declares it);
    # without it this bomb is left to the XML parser, so check that before reading it
    assert openpyxl.DEFUSEDXML, "openpyxl is not using defusedxml: pip install defusedxml"
    path = _workbook_with_sheet_xml(tmp_path, "staffing.xlsx", _billion_laughs)
    with pytest.raises(InputFileError, match=r"staffing\.xlsx.*EntitiesForbidden\(name='lol0'"):
        read_table(path)


def test_a_worksheet_cut_short_names_the_file_and_sheet(tmp_path):
    # read-only openpyxl parses a sheet's XML row by row, after the workbook has opened
    path = _workbook_with_sheet_xml(tmp_path, "staffing.xlsx", lambda data: data[: len(data) // 2])
    with pytest.raises(InputFileError, match=r"staffing\.xlsx: cannot read sheet 'staffing': "):
        read_table(path)


# -------------------------------------------------------------------------------- Parquet


def test_parquet_keeps_dtypes_and_numbers_rows_from_one(tmp_path):
    frame = pd.DataFrame(
        {
            "officer_id": ["00123", "00124"],
            "severity": pd.array([3, None], dtype="Int64"),
            "shift_start": pd.to_datetime(["2024-03-01 07:00", "2024-03-01 15:00"]),
        }
    )
    path = tmp_path / "staffing.parquet"
    frame.to_parquet(path)
    table = read_table(path)
    assert table.format == "parquet"
    assert table.rows.tolist() == [1, 2]
    assert table.blank == 0
    pd.testing.assert_frame_equal(table.frame, frame, check_dtype=False)
    assert table.frame["severity"].dtype == "Int64"
    assert pd.api.types.is_datetime64_dtype(table.frame["shift_start"])


def test_broken_parquet_is_an_input_file_error(tmp_path):
    path = write_text(tmp_path / "incidents.parquet", "not parquet")
    with pytest.raises(InputFileError, match="cannot read as Parquet"):
        read_table(path)


def test_raw_table_rows_read_counts_blank_rows():
    table = RawTable(
        file="x.csv",
        frame=pd.DataFrame({"a": ["1", "2"]}),
        rows=np.array([2, 4]),
        blank=1,
        format="csv",
    )
    assert table.rows_read == 3
