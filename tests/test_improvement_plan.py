"""Tests of sra_analysis.reports.improvement_plan: the workbook of areas for improvement.

Expected rows come from a hand-made windows table whose findings are worked out in
tests/test_findings.py, and from the Purwakarta sample's incident log read independently with
pandas. Formula neutralisation follows OWASP's "CSV Injection" guidance: a cell whose text
starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return must come back as text, and the
sheet's XML must hold no formula element.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import zipfile

import openpyxl
import pandas as pd
import pytest
from _windows import hand_windows

from sra_analysis import evaluate, load_event
from sra_analysis.errors import ParameterError
from sra_analysis.reports.improvement_plan import (
    FORMULA_START,
    PLAN_COLUMNS,
    SPARE_ROWS,
    improvement_plan_rows,
    improvement_plan_workbook,
    write_improvement_plan,
)
from sra_analysis.resources import sample_dir

SAMPLE = sample_dir() / "purwakarta-2024"
#: How the sample's incident log writes its rings, mapped by hand from its event.yaml.
SAMPLE_RINGS = {
    "1": "1", "Ruang pleno": "1", "ruang pleno": "1", "2": "2", "Ring II": "2",
    "dalam gedung": "2", "Dalam gedung": "2", "3": "3", "Ring III": "3",
}  # fmt: skip
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
#: The header row as a reader sees it, written out by hand in each language.
HEADERS = {
    "en": ["No.", "Finding", "Ring", "Time span", "Evidence", "Corrective action",
           "Responsible", "Due", "Status"],
    "id": ["No.", "Temuan", "Ring", "Rentang waktu", "Bukti", "Tindakan perbaikan",
           "Penanggung jawab", "Tenggat", "Status"],
}  # fmt: skip
#: Formulas that would run if written as they are, one per leading character OWASP lists.
PAYLOADS = {
    "=": '=HYPERLINK("http://x","y")',
    "+": "+SUM(1)",
    "-": "-2+3",
    "@": "@SUM(1)",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}


@pytest.fixture(scope="module")
def sample_review():
    return evaluate(load_event(SAMPLE), n_resamples=0)


def _hand_review():
    # four one-hour windows of ring 1 from 1 March 07:00: extreme hit, high false alarm,
    # medium miss, low quiet (tests/test_findings.py works out their findings)
    return evaluate(hand_windows(["extreme", "high", "medium", "low"], [1, 0, 1, 0]), n_resamples=0)


def _saved(review, tmp_path, *, lang="en"):
    path = write_improvement_plan(review, tmp_path / "improvement_plan.xlsx", lang=lang)
    return path, openpyxl.load_workbook(path).active


def _plan_rows(sheet) -> list[list]:
    """The rows below the header that hold a finding (column B)."""
    rows = []
    for row in sheet.iter_rows(min_row=FIRST_ROW, values_only=True):
        if row[1] is None:
            break
        rows.append(list(row))
    return rows


# ------------------------------------------------------------------------ rows of the plan


def test_hand_worked_windows_give_one_row_per_area_for_improvement():
    rows = improvement_plan_rows(_hand_review())
    # flagged (high or above): 07:00 and 08:00; disrupted: 07:00 and 09:00. Capture is no
    # better than chance (PAI = (1/2) / (2/4) = 1), the 09:00 window is a miss and the 08:00
    # window a false alarm; the AUC finding is a note (two disrupted windows are thin)
    expected = pd.DataFrame(
        {
            "key": ["capture", "misses", "false_alarms"],
            "ring": ["All rings", "Ring 1", "Ring 1"],
            "time_span": ["01 Mar 2024 07:00–11:00", "01 Mar 2024 09:00–10:00",
                          "01 Mar 2024 08:00–09:00"],
            "metric": ["pai", "misses", "false_alarm_hours"],
            "value": [1.0, 1.0, 1.0],
            "evidence": ["Predictive accuracy index (PAI): 1.00",
                         "Disrupted ring-hours rated below the flag level: 1",
                         "Flagged ring-hours without a disruption: 1"],
        }
    )  # fmt: skip
    assert list(rows.columns) == list(PLAN_COLUMNS)
    pd.testing.assert_frame_equal(
        rows[expected.columns].reset_index(drop=True), expected, check_dtype=False
    )
    assert rows.loc[1, "finding"] == (
        "1 disruption(s) happened in windows the SRA rated below high: Ring 1, 01 Mar 09:00–10:00."
    )


def test_sample_rows_are_its_areas_for_improvement(sample_review, tmp_path):
    improvements = [f for f in sample_review.findings if f.kind == "improvement"]
    _, sheet = _saved(sample_review, tmp_path)
    rows = _plan_rows(sheet)
    # misses, unanticipated incidents, understaffing; the quiet flagged hours are a note (the
    # register flags 22% of the ring-hours, under half: they may be deterrence)
    assert len(rows) == len(improvements) == 3
    assert [row[0] for row in rows] == [1, 2, 3]
    assert [row[1] for row in rows] == [f.text("en") for f in improvements]
    assert [row[5:] for row in rows] == [[None] * 4] * 3  # left blank to fill in
    # the unanticipated incidents, counted from the incident log itself: no risk_id
    log = pd.read_csv(SAMPLE / "incidents.csv", dtype=str, keep_default_na=False)
    unanticipated = log[log["risk_id"].str.strip() == ""]
    row = next(r for r in rows if r[1].startswith(f"{len(unanticipated)} of {len(log)} "))
    rings = sorted({SAMPLE_RINGS[value] for value in unanticipated["ring"]})
    names = {"1": "Plenary room", "2": "Inside the building", "3": "Outside the fence"}
    assert row[2].split("\n") == [f"Ring {r} ({names[r]})" for r in rings]
    times = pd.to_datetime(unanticipated["reported_at"])
    assert row[3] == f"{times.min():%d %b %Y %H:%M} – {times.max():%d %b %Y %H:%M}"
    assert row[4] == f"Incidents no SRA item anticipated: {len(unanticipated)}"


def test_spans_beyond_those_a_finding_names_are_counted():
    # flagged from medium, the sample's register flags every ring-hour: its quiet flagged hours
    # are too many to tell apart, an area for improvement naming three of its spans
    review = evaluate(load_event(SAMPLE), n_resamples=0, flag_level="medium")
    rows = improvement_plan_rows(review).set_index("key")
    spans = review.false_alarms
    assert len(spans) > 3  # the finding names three places
    rings, times = rows.loc["false_alarms", "ring"], rows.loc["false_alarms", "time_span"]
    assert len(rings.split("\n")) == 3
    assert times.split("\n")[-1] == f"… and {len(spans) - 3} more"
    # each named place is one of the spans, ring and time on the same line
    starts = spans["start"].map("{:%d %b %Y %H:%M}".format)
    assert len(starts.iloc[0]) == 17
    listed = set(zip(spans["ring"].astype(str), starts, strict=True))
    for ring, time in zip(rings.split("\n"), times.split("\n")[:3], strict=True):
        assert (re.match(r"Ring (\S+)", ring)[1], time[:17]) in listed


def test_the_review_is_not_changed(sample_review):
    before = {name: getattr(sample_review, name).copy() for name in ("windows", "misses")}
    improvement_plan_rows(sample_review, lang="id")
    improvement_plan_workbook(sample_review)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(sample_review, name), frame)


def test_an_unknown_language_is_refused_by_name(sample_review):
    with pytest.raises(ParameterError, match=r"lang must be one of \['en', 'id'\], got 'fr'"):
        improvement_plan_rows(sample_review, lang="fr")


# ------------------------------------------------------------------------------ the sheet


@pytest.mark.parametrize("lang", ["en", "id"])
def test_headers_and_title_in_the_report_language(sample_review, tmp_path, lang):
    _, sheet = _saved(sample_review, tmp_path, lang=lang)
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS[lang]
    assert sheet.title == sheet["A1"].value == {"en": "Improvement plan",
                                                "id": "Rencana perbaikan"}[lang]  # fmt: skip
    meta = sample_review.meta
    assert sheet["A2"].value == meta.name
    # day first, and the zone as WIB (Indonesian) or WIB (UTC+7) (English)
    details = {
        "en": "Kantor KPU Kabupaten Purwakarta · 01 Mar 2024 07:00 – 03 Mar 2024 23:00 "
        "(WIB (UTC+7)) · purwakarta-2024",
        "id": "Kantor KPU Kabupaten Purwakarta · 01 Mar 2024 07.00 – 03 Mar 2024 23.00 (WIB)"
        " · purwakarta-2024",
    }
    assert sheet["A3"].value == details[lang]
    # the evidence and the place lines are in the language too
    rows = _plan_rows(sheet)
    misses = {"en": "Disrupted ring-hours rated below the flag level: 1",
              "id": "Ring-jam dengan gangguan yang dinilai di bawah batas rawan: 1"}  # fmt: skip
    assert rows[0][4] == misses[lang]
    assert rows[0][2] == {"en": "Ring 2 (Inside the building)",
                          "id": "Ring 2 (Dalam gedung)"}[lang]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "choices", "date_format"),
    [("en", '"open,in progress,done"', "yyyy-mm-dd"),
     ("id", '"terbuka,dalam proses,selesai"', "dd/mm/yyyy")],
)  # fmt: skip
def test_status_offers_a_drop_down_and_due_takes_dates(
    sample_review, tmp_path, lang, choices, date_format
):
    _, sheet = _saved(sample_review, tmp_path, lang=lang)
    last = FIRST_ROW + 3 + SPARE_ROWS - 1  # three findings, then rows for added actions
    validations = {v.type: v for v in sheet.data_validations.dataValidation}
    assert set(validations) == {"list", "date"}
    status = validations["list"]
    assert status.formula1 == choices
    assert str(status.sqref) == f"I{FIRST_ROW}:I{last}"
    assert status.showErrorMessage and status.allow_blank
    due = validations["date"]
    assert str(due.sqref) == f"H{FIRST_ROW}:H{last}"
    # the findings' due cells show a date as the language writes it (a date typed in a spare
    # row gets the spreadsheet's own date format)
    findings = range(FIRST_ROW, FIRST_ROW + 3)
    assert {sheet.cell(row, 8).number_format for row in findings} == {date_format}


def test_header_is_frozen_filtered_printed_on_each_page_and_text_wraps(sample_review, tmp_path):
    _, sheet = _saved(sample_review, tmp_path)
    assert sheet.freeze_panes == f"A{FIRST_ROW}"
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert sheet.auto_filter.ref.startswith(f"A{HEADER_ROW}:I")
    assert sheet.page_setup.orientation == "landscape"
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHI"]
    assert widths == [6, 60, 26, 36, 30, 40, 22, 13, 15]
    for row in range(FIRST_ROW, FIRST_ROW + 3):
        assert all(sheet.cell(row, column).alignment.wrap_text for column in range(2, 10))
        # a finding of two or more lines gets a row tall enough to show them
        lines = max(len(str(sheet.cell(row, c).value or "").split("\n")) for c in (3, 4))
        assert sheet.row_dimensions[row].height >= 15 * lines


def test_a_review_without_areas_for_improvement_still_gives_a_plan_to_fill(tmp_path):
    # an extreme window with the one disruption, a quiet low one: capture and AUC are notes
    # on thin evidence, nothing to improve
    review = evaluate(hand_windows(["extreme", "low"], [1, 0]), n_resamples=0)
    assert [f for f in review.findings if f.kind == "improvement"] == []
    _, sheet = _saved(review, tmp_path)
    assert _plan_rows(sheet) == []
    assert sheet["A4"].value.startswith("The review found no area for improvement")
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS["en"]
    assert len(sheet.data_validations.dataValidation) == 2


def test_the_file_is_written_whole_and_alone(sample_review, tmp_path):
    path, _ = _saved(sample_review, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["improvement_plan.xlsx"]
    assert zipfile.is_zipfile(path)


# -------------------------------------------------------------- text never runs as a formula


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as workbook:
        return workbook.read("xl/worksheets/sheet1.xml").decode("utf-8")


@pytest.mark.parametrize("start", FORMULA_START)
def test_text_that_would_run_as_a_formula_comes_back_as_text(sample_review, tmp_path, start):
    payload = PAYLOADS[start]
    meta = dataclasses.replace(sample_review.meta, name=payload, venue=payload)
    review = dataclasses.replace(sample_review, meta=meta)
    path, sheet = _saved(review, tmp_path)
    # XML reads a carriage return as a line feed (XML 1.0, 2.11): the workbook writes one
    expected = payload.replace("\r", "\n")
    name, details = sheet["A2"], sheet["A3"]
    assert name.value == expected and details.value.startswith(expected)
    for cell in (name, details):
        assert cell.data_type == "s"
        assert cell.quotePrefix  # editing the cell in a spreadsheet keeps it text
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_ring_names_and_categories_from_the_input_stay_text(tmp_path):
    folder = tmp_path / "event"
    shutil.copytree(SAMPLE, folder)
    yaml = (folder / "event.yaml").read_text("utf-8")
    (folder / "event.yaml").write_text(
        yaml.replace("name: Inside the building", "name: '@SUM(1)'"), "utf-8"
    )
    incidents = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    blank = incidents["risk_id"].str.strip() == ""
    incidents.loc[blank, "category"] = '=HYPERLINK("http://x","y")'
    incidents.to_csv(folder / "incidents.csv", index=False)
    path, sheet = _saved(evaluate(load_event(folder), n_resamples=0), tmp_path)
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Ring 2 (@SUM(1))" in text
    assert '(=HYPERLINK("http://x","y"))' in text
    assert "<f>" not in _sheet_xml(path)


def test_characters_a_workbook_cannot_hold_are_replaced_not_dropped(sample_review, tmp_path):
    meta = dataclasses.replace(sample_review.meta, name="Pleno\x01\x1fA")
    _, sheet = _saved(dataclasses.replace(sample_review, meta=meta), tmp_path)
    assert sheet["A2"].value == "Pleno\ufffd\ufffdA"


def test_no_officer_id_reaches_the_workbook(sample_review, tmp_path):
    officers = set(load_event(SAMPLE).staffing["officer_id"])
    roster = pd.read_csv(SAMPLE / "staffing.csv", dtype=str, keep_default_na=False)
    officers |= set(roster["officer_id"]) | {o.lstrip("0") for o in roster["officer_id"]}
    path, sheet = _saved(sample_review, tmp_path)
    cells = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    with zipfile.ZipFile(path) as workbook:
        members = "\n".join(workbook.read(m).decode("utf-8") for m in workbook.namelist())
    assert [o for o in officers if o in cells or o in members] == []
