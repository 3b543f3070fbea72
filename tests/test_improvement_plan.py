"""Tests of sra_analysis.reports.pages.improvement_plan: the workbook a commander assigns.

The purpose-built event is the spreading demonstration of tests/test_aar.py, cut down: R1
foresaw the demonstration outside the fence (ring 1), 2 March 12:00–18:00, extreme, 16 officers
planned; it began there at 12:30 and reached the building (13:20) and the plenary room (13:45),
disrupting all three (13:05, 13:20, 13:45), the last two in hours R2 rates only medium. A
witness dispute at 13:00 in the plenary room no item foresaw. Ten officers of Sat Samapta held
ring 1 and one of Brimob BKO ring 2. Worked out by hand (as tests/test_aar.py does):

- episodes: E1 the demonstration (D1–D4, 12:30 to D4's resolution at 14:30), E2 the dispute;
- improvements, high priority first: E1 missed (planning, high: rings 2 and 3 rated medium);
  ring 1 below plan during E1 (organisation, high: 10 of 16, six more officers); E2 not
  foreseen (planning, medium: a significant incident without disruption);
- strengths: R1's threat happened in its ring and span (D1, D2), first.

Formula neutralisation follows OWASP's "CSV Injection" guidance: a cell whose text starts with
``=``, ``+``, ``-``, ``@``, tab or carriage return must come back as text, and the sheet's XML
must hold no formula element.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import zipfile

import openpyxl
import pandas as pd
import pytest
from _demonstration import SPREAD_INCIDENTS, SPREAD_RISKS, WITNESS_DISPUTE
from _language_scan import workbook_text
from _windows import hand_windows

from sra_analysis import evaluate, load_event
from sra_analysis.errors import ParameterError
from sra_analysis.reports.pages.improvement_plan import (
    FORMULA_START,
    PLAN_COLUMNS,
    SPARE_ROWS,
    improvement_plan_rows,
    improvement_plan_workbook,
    staffing_units,
    strength_rows,
    write_improvement_plan,
)
from sra_analysis.resources import sample_dir

SAMPLE = sample_dir() / "purwakarta-2024"
HEADER_ROW = 7
FIRST_ROW = HEADER_ROW + 1
#: The header row as a reader sees it, written out by hand in each language.
HEADERS = {
    "en": ["No.", "Episode / time span", "Finding", "Root cause", "Recommended action",
           "Capability element", "Priority", "Responsible unit", "Start date", "Due date",
           "Status"],
    "id": ["No.", "Rangkaian / waktu", "Temuan", "Penyebab", "Saran tindak lanjut",
           "Unsur kemampuan", "Prioritas", "Satuan penanggung jawab", "Tanggal mulai",
           "Batas waktu", "Status"],
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

RISKS = SPREAD_RISKS
INCIDENTS = [*SPREAD_INCIDENTS, WITNESS_DISPUTE]
STAFFING = [
    {"officer_id": f"P{n:02d}", "ring": "1", "shift_start": "2024-03-02 07:00",
     "shift_end": "2024-03-02 19:00", "unit": "Sat Samapta"}
    for n in range(10)
] + [
    {"officer_id": "B01", "ring": "2", "shift_start": "2024-03-02 07:00",
     "shift_end": "2024-03-02 19:00", "unit": "Brimob BKO"},
]  # fmt: skip
#: The three improvements (kind, episode, capability, priority), worked out above.
EXPECTED = [
    ("missed", "E1", "planning", "high"),
    ("understaffed", "E1", "organisation", "high"),
    ("unanticipated", "E2", "planning", "medium"),
]
#: Where each improvement's recommended action starts, hand-written (tests/test_aar.py works
#: the spans out: the first missed disruption at 13:20 to the resolution at 14:30, whole hours).
ACTIONS = {
    "en": ["Extend R1 to ring 2 (Inside the building) and ring 3 (Plenary room) for "
           "02 Mar 13:00–15:00, rated at least high",
           "Plan 6 more officers for ring 1 (Outside the fence) on 02 Mar 12:00–18:00"],
    "id": ["Perluas butir R1 ke ring 2 (Dalam gedung) dan ring 3 (Ruang pleno)",
           "Rencanakan tambahan 6 personel untuk ring 1 (Luar pagar)"],
}  # fmt: skip


@pytest.fixture
def demo(build_event):
    event = build_event(incidents=INCIDENTS, staffing=STAFFING, risks=RISKS)
    assert event.rows_quarantined == 0
    return event, evaluate(event, n_resamples=0)


@pytest.fixture(scope="module")
def sample_review():
    return evaluate(load_event(SAMPLE), n_resamples=0)


def _saved(review, tmp_path, *, lang="en", units=()):
    path = write_improvement_plan(
        review, tmp_path / "improvement_plan.xlsx", lang=lang, units=units
    )
    return path, openpyxl.load_workbook(path)


def _plan_rows(sheet) -> list[list]:
    """The rows below the header that hold an improvement (its number in column A)."""
    rows = []
    for row in sheet.iter_rows(min_row=FIRST_ROW, values_only=True):
        if not isinstance(row[0], int):
            break
        rows.append(list(row))
    return rows


def _marked(review, **extra):
    """``review`` whose event description carries ``extra`` keys (``classification``,
    ``unit``): an EventMeta with those fields, whether or not it has them yet."""
    meta = review.meta
    base = type(meta)
    names = {f.name for f in dataclasses.fields(base)}
    if not set(extra) <= names:
        base = dataclasses.make_dataclass(
            "MarkedMeta", [(k, "str | None", None) for k in extra], bases=(base,), frozen=True
        )
    values = {f.name: getattr(meta, f.name) for f in dataclasses.fields(meta) if f.init}
    return dataclasses.replace(review, meta=base(**{**values, **extra}))


# ------------------------------------------------------------------ one row per improvement


def test_rows_are_the_improvements_of_the_after_action_review(demo):
    _, review = demo
    rows = improvement_plan_rows(review)
    assert list(rows.columns) == list(PLAN_COLUMNS)
    assert list(rows[["kind", "episode", "capability_element", "priority"]].itertuples(
        index=False, name=None)) == EXPECTED  # fmt: skip
    # the episode's span: first report 12:30 to D4's resolution 14:30; the shortfall's span:
    # R1's hours 12:00–18:00; the dispute: one report at 13:00, no resolution recorded
    assert rows["time_span"].tolist() == [
        "02 Mar 12:30–14:30", "02 Mar 12:00–18:00", "02 Mar 13:00"
    ]  # fmt: skip
    assert rows["recommended_action"].tolist() == [
        i.recommended_action.text("en") for i in review.aar.improvements
    ]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_row_carries_its_recommended_action_prefilled(demo, tmp_path, lang):
    _, review = demo
    _, book = _saved(review, tmp_path, lang=lang)
    sheet = book.worksheets[0]
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS[lang]
    rows = _plan_rows(sheet)
    assert [row[0] for row in rows] == [1, 2, 3]
    for row, start in zip(rows, ACTIONS[lang], strict=False):
        assert row[4].startswith(start)
    improvements = review.aar.improvements
    assert [row[2] for row in rows] == [i.text(lang) for i in improvements]
    assert [row[3] for row in rows] == [i.root_cause.text(lang) for i in improvements]
    assert [row[4] for row in rows] == [i.recommended_action.text(lang) for i in improvements]
    assert rows[0][1] == "E1\n02 Mar 12:30–14:30".replace(":", "." if lang == "id" else ":")
    capability = {"en": ["Planning", "Organisation", "Planning"],
                  "id": ["Perencanaan", "Organisasi", "Perencanaan"]}  # fmt: skip
    priority = {"en": ["high", "high", "medium"], "id": ["tinggi", "tinggi", "sedang"]}
    status = {"en": "open", "id": "terbuka"}[lang]
    assert [row[5:7] for row in rows] == [
        list(pair) for pair in zip(capability[lang], priority[lang], strict=True)
    ]
    # unit and dates are the commander's to fill; every row starts open
    assert [row[7:] for row in rows] == [[None, None, None, status]] * 3
    # the action cell is the reader's: unlocked look (pale fill) and wrapped
    cell = sheet.cell(FIRST_ROW, 5)
    assert cell.fill.fgColor.rgb.endswith("FFF8DC") and cell.alignment.wrap_text


@pytest.mark.parametrize(
    ("lang", "capability", "priority", "status"),
    [("en", '"Planning,Organisation,Equipment,Training,Exercise"', '"high,medium,low"',
      '"open,in progress,done"'),
     ("id", '"Perencanaan,Organisasi,Sarana dan prasarana,Pelatihan,Latihan (simulasi)"',
      '"tinggi,sedang,rendah"', '"terbuka,dalam proses,selesai"')],
)  # fmt: skip
def test_drop_downs_offer_the_lists_in_the_language(
    demo, tmp_path, lang, capability, priority, status
):
    event, review = demo
    units = staffing_units(event.staffing)
    assert units == ("Brimob BKO", "Sat Samapta")  # the staffing file's two units
    _, book = _saved(review, tmp_path, lang=lang, units=units)
    sheet = book.worksheets[0]
    last = FIRST_ROW + 3 + SPARE_ROWS - 1  # three improvements, then rows for added actions
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert set(rules) == {f"{c}{FIRST_ROW}:{c}{last}" for c in "FGKH"} | {
        f"I{FIRST_ROW}:I{last} J{FIRST_ROW}:J{last}"
    }
    assert rules[f"F{FIRST_ROW}:F{last}"].formula1 == capability
    assert rules[f"G{FIRST_ROW}:G{last}"].formula1 == priority
    assert rules[f"K{FIRST_ROW}:K{last}"].formula1 == status
    for column in "FGK":
        assert rules[f"{column}{FIRST_ROW}:{column}{last}"].showErrorMessage
    assert rules[f"I{FIRST_ROW}:I{last} J{FIRST_ROW}:J{last}"].type == "date"
    # the unit: a drop-down of the hidden sheet's units, other text accepted
    unit = rules[f"H{FIRST_ROW}:H{last}"]
    lists_name = {"en": "Choices", "id": "Daftar pilihan"}[lang]
    assert unit.type == "list" and unit.formula1 == f"'{lists_name}'!$A$1:$A$2"
    assert not unit.showErrorMessage
    lists = book[lists_name]
    assert lists.sheet_state == "hidden"
    assert [row[0] for row in lists.iter_rows(values_only=True)] == list(units)


def test_without_units_the_unit_column_is_free_text(demo, tmp_path):
    _, review = demo
    _, book = _saved(review, tmp_path)
    rules = book.worksheets[0].data_validations.dataValidation
    assert not [v for v in rules if "H" in str(v.sqref)]
    assert book.sheetnames == ["Improvement plan", "Strengths to sustain"]


@pytest.mark.parametrize(("lang", "shown"), [("en", "yyyy-mm-dd"), ("id", "30/04/2024")])
def test_dates_are_day_first_in_indonesian(demo, tmp_path, lang, shown):
    _, review = demo
    path, book = _saved(review, tmp_path, lang=lang)
    sheet = book.worksheets[0]
    rows = range(FIRST_ROW, FIRST_ROW + 3 + SPARE_ROWS)
    expected = {"en": "yyyy-mm-dd", "id": "dd/mm/yyyy"}[lang]
    assert {sheet.cell(r, c).number_format for r in rows for c in (9, 10)} == {expected}
    if lang == "id":  # a due date typed in shows day first, as the language scan reads it
        sheet.cell(FIRST_ROW, 10).value = dt.date(2024, 4, 30)
        book.save(path)
        assert "30/04/2024" in workbook_text(path).splitlines()


# ----------------------------------------------------------------------------- strengths


@pytest.mark.parametrize(("lang", "title"), [("en", "Strengths to sustain"),
                                             ("id", "Hal yang perlu dipertahankan")])  # fmt: skip
def test_strengths_to_sustain_have_their_own_sheet(demo, tmp_path, lang, title):
    _, review = demo
    _, book = _saved(review, tmp_path, lang=lang)
    sheet = book[title]
    assert sheet["A2"].value == title
    assert [c.value for c in sheet[HEADER_ROW]] == {
        "en": ["No.", "Kind", "Strength to sustain", "Episode"],
        "id": ["No.", "Jenis", "Hal yang sudah baik", "Rangkaian"],
    }[lang]
    rows = [r for r in sheet.iter_rows(min_row=FIRST_ROW, values_only=True) if r[0]]
    strengths = review.aar.strengths
    assert [r[2] for r in rows] == [s.text(lang) for s in strengths]
    # R1's threat happened in ring 1 within its span (D1, D2), in the demonstration's episode
    assert rows[0][1] == {"en": "Threat foreseen", "id": "Ancaman terperkirakan"}[lang]
    assert "R1" in rows[0][2] and rows[0][3] == "E1"
    assert strength_rows(review)["kind"].iloc[0] == "anticipated"
    assert sheet.print_title_rows == f"$1:${HEADER_ROW}"


# ------------------------------------------------------------------- header and sign-off


@pytest.mark.parametrize("lang", ["en", "id"])
def test_header_names_the_event_unit_and_classification(sample_review, tmp_path, lang):
    review = _marked(sample_review, classification="TERBATAS", unit="Polres Purwakarta")
    _, book = _saved(review, tmp_path, lang=lang)
    sheet = book.worksheets[0]
    details = {
        "en": "Kantor KPU Kabupaten Purwakarta · 01 Mar 2024 07:00 – 03 Mar 2024 23:00 "
        "(WIB (UTC+7)) · purwakarta-2024",
        "id": "Kantor KPU Kabupaten Purwakarta · 01 Mar 2024 07.00 – 03 Mar 2024 23.00 (WIB)"
        " · purwakarta-2024",
    }
    title = {"en": "Improvement plan", "id": "Rencana perbaikan"}[lang]
    unit = {"en": "Unit", "id": "Satuan"}[lang]
    assert [sheet.cell(r, 1).value for r in range(1, 6)] == [
        "TERBATAS",
        title,
        sample_review.meta.name,
        details[lang],
        f"{unit}: Polres Purwakarta",
    ]
    assert sheet.title == title
    # the marking on every printed page, top and bottom
    assert sheet.oddHeader.center.text == sheet.oddFooter.center.text == "TERBATAS"


def test_without_unit_or_classification_a_line_is_left_to_write_on(sample_review, tmp_path):
    _, book = _saved(sample_review, tmp_path, lang="id")
    sheet = book.worksheets[0]
    assert sheet["A1"].value in (None, "")
    assert sheet["A5"].value == "Satuan: " + "_" * 30
    assert sheet.oddHeader.center.text is None


@pytest.mark.parametrize(
    ("lang", "labels"),
    [("en", ["Prepared by", "Name:", "Rank / NRP:", "Date:", "Signature:"]),
     ("id", ["Dibuat oleh", "Nama:", "Pangkat / NRP:", "Tanggal:", "Tanda tangan:"])],
)  # fmt: skip
def test_a_signature_block_follows_the_table(demo, tmp_path, lang, labels):
    _, review = demo
    _, book = _saved(review, tmp_path, lang=lang)
    sheet = book.worksheets[0]
    top = FIRST_ROW + 3 + SPARE_ROWS + 1  # one blank row after the spare rows
    assert [sheet.cell(top + i, 2).value for i in range(5)] == labels
    approved = {"en": "Approved by", "id": "Disetujui oleh"}[lang]
    assert [sheet.cell(top + i, 4).value for i in range(5)] == [approved, *labels[1:]]
    for row in range(top + 1, top + 5):  # a line to write on, left blank
        for column in (3, 5):
            assert sheet.cell(row, column).value is None
            assert sheet.cell(row, column).border.bottom.style == "thin"
    assert sheet.cell(top - 1, 2).value is None


def test_printed_a4_landscape_one_page_wide_with_the_header_on_every_page(demo, tmp_path):
    _, review = demo
    _, book = _saved(review, tmp_path, lang="id")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape")  # 9: A4 (ECMA-376)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == f"$1:${HEADER_ROW}"
        assert sheet.page_margins.left == 0.6 and sheet.page_margins.top == 0.8
        assert sheet.oddFooter.right.text == "Halaman &P dari &N"
        assert sheet.freeze_panes == f"A{FIRST_ROW}"


# ------------------------------------------------------------------------ other reviews


def test_a_review_without_areas_for_improvement_still_gives_a_plan_to_fill(tmp_path):
    # an extreme window with the one disruption, a quiet low one: nothing to improve
    # (a quarter of the ring-hours flagged, well below the share that would be overflagged)
    review = evaluate(hand_windows(["extreme", "low", "low", "low"], [1, 0, 0, 0]), n_resamples=0)
    assert review.aar.improvements == ()
    _, book = _saved(review, tmp_path)
    sheet = book.worksheets[0]
    assert _plan_rows(sheet) == []
    assert sheet["A6"].value.startswith("The review found no area for improvement")
    assert [cell.value for cell in sheet[HEADER_ROW]] == HEADERS["en"]
    assert len(sheet.data_validations.dataValidation) == 4  # capability, priority, status, dates


def test_the_review_is_not_changed(sample_review):
    before = {name: getattr(sample_review, name).copy() for name in ("windows", "misses")}
    improvements = sample_review.aar.improvements
    improvement_plan_rows(sample_review, lang="id")
    improvement_plan_workbook(sample_review, units=("Sat Samapta",))
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(sample_review, name), frame)
    assert sample_review.aar.improvements is improvements


def test_an_unknown_language_is_refused_by_name(sample_review):
    with pytest.raises(ParameterError, match=r"lang must be one of \['en', 'id'\], got 'fr'"):
        improvement_plan_rows(sample_review, lang="fr")


def test_the_file_is_written_whole_and_alone(sample_review, tmp_path):
    path, _ = _saved(sample_review, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["improvement_plan.xlsx"]
    assert zipfile.is_zipfile(path)


# -------------------------------------------------------------- text never runs as a formula


def _sheet_xml(path) -> str:
    with zipfile.ZipFile(path) as workbook:
        names = [n for n in workbook.namelist() if n.startswith("xl/worksheets/")]
        return "".join(workbook.read(n).decode("utf-8") for n in names)


@pytest.mark.parametrize("start", FORMULA_START)
def test_text_that_would_run_as_a_formula_comes_back_as_text(sample_review, tmp_path, start):
    payload = PAYLOADS[start]
    meta = dataclasses.replace(sample_review.meta, name=payload, venue=payload)
    review = _marked(dataclasses.replace(sample_review, meta=meta), classification=payload,
                     unit=payload)  # fmt: skip
    path, book = _saved(review, tmp_path, units=(payload,))
    # XML reads a carriage return as a line feed (XML 1.0, 2.11): the workbook writes one
    expected = payload.replace("\r", "\n")
    for sheet in book.worksheets[:2]:
        marking, name, details = sheet["A1"], sheet["A3"], sheet["A4"]
        assert marking.value == name.value == expected and details.value.startswith(expected)
        for cell in (marking, name, details):
            assert cell.data_type == "s"
            assert cell.quotePrefix  # editing the cell in a spreadsheet keeps it text
    assert book.worksheets[2]["A1"].value == expected
    assert "<f>" not in _sheet_xml(path) and "<f " not in _sheet_xml(path)
    assert not [c for s in book.worksheets for r in s.iter_rows() for c in r if c.data_type == "f"]


def test_page_codes_in_the_event_name_print_as_written(sample_review, tmp_path):
    # "&" starts a code in a page header or footer ("&P" the page number): doubled, it prints
    meta = dataclasses.replace(sample_review.meta, name="Pleno &P & D")
    review = _marked(dataclasses.replace(sample_review, meta=meta), classification="A&B")
    _, book = _saved(review, tmp_path)
    sheet = book.worksheets[0]
    assert sheet.oddFooter.left.text == "Pleno &&P && D"
    assert sheet.oddHeader.center.text == "A&&B"


def test_ring_names_and_threats_from_the_input_stay_text(tmp_path):
    folder = tmp_path / "event"
    shutil.copytree(SAMPLE, folder)
    yaml = (folder / "event.yaml").read_text("utf-8")
    (folder / "event.yaml").write_text(
        yaml.replace("name: Inside the building", "name: '@SUM(1)'"), "utf-8"
    )
    # R02's threat (the demonstration) happened where and when the SRA said: a strength that
    # quotes the threat as the register wrote it
    risks = pd.read_csv(folder / "risk_register.csv", dtype=str, keep_default_na=False)
    risks.loc[risks["risk_id"] == "R02", "threat"] = '=HYPERLINK("http://x","y")'
    risks.to_csv(folder / "risk_register.csv", index=False)
    path, book = _saved(evaluate(load_event(folder), n_resamples=0), tmp_path)
    text = "\n".join(
        str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r if c.value
    )
    assert "ring 2 (@SUM(1))" in text
    assert '=HYPERLINK("http://x","y")' in text
    assert "<f>" not in _sheet_xml(path)


def test_characters_a_workbook_cannot_hold_are_replaced_not_dropped(sample_review, tmp_path):
    meta = dataclasses.replace(sample_review.meta, name="Pleno\x01\x1fA")
    _, book = _saved(dataclasses.replace(sample_review, meta=meta), tmp_path)
    assert book.worksheets[0]["A3"].value == "Pleno\ufffd\ufffdA"


def test_no_officer_id_reaches_the_workbook(sample_review, tmp_path):
    event = load_event(SAMPLE)
    officers = set(event.staffing["officer_id"])
    roster = pd.read_csv(SAMPLE / "staffing.csv", dtype=str, keep_default_na=False)
    officers |= set(roster["officer_id"]) | {o.lstrip("0") for o in roster["officer_id"]}
    path, book = _saved(sample_review, tmp_path, units=staffing_units(event.staffing))
    cells = workbook_text(path)
    with zipfile.ZipFile(path) as workbook:
        members = "\n".join(workbook.read(m).decode("utf-8") for m in workbook.namelist())
    assert [o for o in officers if o in cells or o in members] == []


def test_a_report_session_writes_the_plan_with_the_event_units(tmp_path):
    from conftest import write_event_folder

    from sra_analysis.reports.pages.session import start_review

    folder = write_event_folder(
        tmp_path / "event", incidents=INCIDENTS, staffing=STAFFING, risks=RISKS
    )
    summary = tmp_path / "out" / "summary.json"
    session = start_review(
        event_dir=str(folder), lang="id", n_resamples=0, summary_path=str(summary)
    )
    assert session.plan == tmp_path / "out" / "improvement_plan.xlsx"
    book = openpyxl.load_workbook(session.plan)
    assert [r[0] for r in book["Daftar pilihan"].iter_rows(values_only=True)] == [
        "Brimob BKO", "Sat Samapta"
    ]  # fmt: skip
    assert len(_plan_rows(book["Rencana perbaikan"])) == 3
