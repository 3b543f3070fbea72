"""Report tables: missing values as a dash, text cut for display, long tables capped with the
full table saved beside the report as CSV."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from sra_analysis.reports.html_tables import (
    MISSING,
    ROW_LIMIT,
    TEXT_LIMIT,
    capped_table,
    clip,
    html_table,
    number_text,
    tables_folder,
)


def _body_rows(page: str) -> list[str]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", body, re.S)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def _read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


# ------------------------------------------------------------------------- missing values


def test_missing_values_show_as_a_dash_in_text_and_number_columns():
    frame = pd.DataFrame(
        {
            "text": pd.Series(["a", None, np.nan, pd.NA], dtype=object),
            "when": pd.to_datetime(["2024-03-01", None, None, None]).astype(object),
            "rate": [1.5, np.nan, None, 2.0],
            "count": pd.array([1, None, 3, None], dtype="Int64"),
        }
    )
    rows = [_cells(row) for row in _body_rows(html_table(frame, numeric=["rate", "count"]))]
    assert rows[0][0] == "a" and rows[0][2] == "1.5" and rows[0][3] == "1"
    for row in rows[1:]:
        assert row[0] == MISSING and row[1] == MISSING
    assert [row[2] for row in rows] == ["1.5", MISSING, MISSING, "2"]
    assert [row[3] for row in rows] == ["1", MISSING, "3", MISSING]


def test_the_words_nan_and_none_in_input_are_text_not_missing():
    # a category really called "None" is data; only an absent value becomes the dash
    rows = [_cells(r) for r in _body_rows(html_table(pd.DataFrame({"c": ["None", "nan"]})))]
    assert rows == [["None"], ["nan"]]


def test_numbers_are_grouped_by_thousands_in_each_language():
    assert number_text(200_000) == "200,000"
    assert number_text(200_000, lang="id") == "200.000"
    assert number_text(1234.5, 1, lang="id") == "1.234,5"
    assert number_text(np.float64("nan"), 2) == MISSING
    table = html_table(pd.DataFrame({"n": [72493], "x": [18215.08]}), numeric=["n", "x"], digits=1)
    assert [_cells(row) for row in _body_rows(table)] == [["72,493", "18,215.1"]]


# --------------------------------------------------------------------------- free text


def test_long_text_is_cut_at_the_limit_with_an_ellipsis():
    description = "Massa berkumpul di depan gerbang. " * 300_000  # about 10 MB
    shown = clip(description)
    assert len(shown) == TEXT_LIMIT and shown.endswith("…")
    assert description.startswith(shown[:-1])
    page = html_table(pd.DataFrame({"description": [description]}))
    assert len(page) < 1_000


def test_text_is_cut_before_it_is_escaped():
    # 400 "<" become 299 of them and "…", each escaped whole: no "&l" cut in half
    page = html_table(pd.DataFrame({"c": ["<" * 400]}))
    (cell,) = _cells(_body_rows(page)[0])
    assert cell == "&lt;" * (TEXT_LIMIT - 1) + "…"


# ---------------------------------------------------------------------------- capping


@pytest.fixture
def long_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ID": [f"INC-{k:04d}" for k in range(250)],
            "Description": [f"row {k} " + "x" * 400 for k in range(250)],
            "Severity": np.arange(250) % 5 + 1,
        }
    )


def test_a_long_table_shows_its_first_rows_and_counts_the_rest(long_frame, tmp_path):
    folder = tmp_path / "tables"
    page = capped_table(long_frame, name="incidents", tables_dir=folder, numeric=["Severity"])
    rows = _body_rows(page)
    assert len(rows) == ROW_LIMIT + 1  # 100 rows and the "more" row
    assert [_cells(row)[0] for row in rows[:ROW_LIMIT]] == list(long_frame["ID"][:ROW_LIMIT])
    last = rows[-1]
    assert 'class="sra-more"' in last and 'colspan="3"' in last
    assert "… and 150 more" in last
    assert '<a href="tables/incidents.csv">tables/incidents.csv</a>' in last


def test_the_full_table_is_saved_with_every_row_and_uncut_text(long_frame, tmp_path):
    folder = tmp_path / "tables"
    before = long_frame.copy()
    capped_table(long_frame, name="incidents", tables_dir=folder)
    pd.testing.assert_frame_equal(long_frame, before)  # the input is not modified
    saved = _read_csv(folder / "incidents.csv")
    expected = long_frame.astype(str)
    pd.testing.assert_frame_equal(saved, expected)
    assert (folder / "incidents.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel


def test_indonesian_capped_table(long_frame, tmp_path):
    page = capped_table(long_frame, name="kejadian", lang="id", tables_dir=tmp_path / "tables")
    assert "… dan 150 lainnya — tabel lengkap: " in page


def test_without_a_folder_the_rest_is_counted_only(long_frame, tmp_path):
    page = capped_table(long_frame, name="incidents", max_rows=10)
    assert "… and 240 more" in page and "href" not in page


def test_a_table_within_the_limit_is_whole_and_writes_nothing(long_frame, tmp_path):
    folder = tmp_path / "tables"
    page = capped_table(long_frame.head(ROW_LIMIT), name="incidents", tables_dir=folder)
    assert len(_body_rows(page)) == ROW_LIMIT and "sra-more" not in page
    assert not folder.exists()


def test_saved_cells_never_run_as_spreadsheet_formulas(tmp_path):
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "plain", "a=b"],
            "number": [1, -2, 3, 4, 5, 6],
        }
    )
    capped_table(frame, name="payload", tables_dir=tmp_path, max_rows=1)
    saved = _read_csv(tmp_path / "payload.csv")
    assert list(saved["text"]) == [
        "'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-2", "'@SUM(A1)", "plain", "a=b",
    ]  # fmt: skip
    assert list(saved["number"]) == ["1", "-2", "3", "4", "5", "6"]


def test_payloads_in_a_capped_table_are_escaped(tmp_path):
    frame = pd.DataFrame({"c": ["<script>alert(1)</script>"] * 3})
    page = capped_table(frame, name="x", tables_dir=tmp_path, max_rows=2)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_tables_folder_is_beside_the_summary_and_starts_empty(tmp_path):
    assert tables_folder("") is None and tables_folder(None) is None
    folder = tmp_path / "tables"
    folder.mkdir()
    (folder / "old.csv").write_text("stale", encoding="utf-8")
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    assert tables_folder(tmp_path / ".summary.json.123.tmp") == folder
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


# ---------------------------------------------------------------------------- alignment


def _alignments(page: str, tag: str) -> list[str]:
    return re.findall(rf'<{tag} id="[^"]+" class="[^"]*" style="text-align: (\w+)">', page)


def test_text_columns_are_left_and_number_columns_right_on_every_heading_and_cell():
    frame = pd.DataFrame(
        {
            "ID": ["INC-1", "INC-2"],  # text
            "Severity": pd.Categorical([3, 5], categories=[1, 2, 3, 4, 5], ordered=True),
            "Officers": [12, 7],  # numbers, not listed as numeric
            "Rate": ["0.25 (0.1–0.5)", "–"],  # text of numbers, listed as numeric
            "Disrupted": [True, False],  # a yes/no column reads as text
        }
    )
    page = html_table(frame, numeric=["Rate"])
    expected = ["left", "right", "right", "right", "left"]
    assert _alignments(page, "th") == expected
    assert _alignments(page, "td") == expected * 2
    # the report's stylesheet aligns by class: number headings and cells carry "num"
    assert re.findall(r'<th [^>]*class="([^"]*)"', page)[1].endswith(" num")
    assert "col0 num" not in page


def test_the_more_row_of_a_capped_table_is_left_aligned():
    page = capped_table(pd.DataFrame({"n": range(5)}), name="n", max_rows=2)
    (more,) = re.findall(r'<tr class="sra-more"><td [^>]*>', page)
    assert "text-align:left" in more
