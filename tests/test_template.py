"""``sra-review template``: blank workbooks the loader reads, checks a clerk sees while typing.

The key test fills the templates with the Purwakarta sample as a clerk would (dates as Excel
datetimes, numbers as numbers, rings picked from the drop-down) and checks that the event
loads with nothing quarantined and reviews exactly like the CSV sample.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import yaml
from pandas.testing import assert_frame_equal

from sra_analysis import evaluate, load_event, review_windows
from sra_analysis.cli import main
from sra_analysis.errors import EventConfigError, OutputError, ParameterError
from sra_analysis.event import FILE_KINDS, fold_label
from sra_analysis.event_config import read_event_meta
from sra_analysis.io.validate import map_headers
from sra_analysis.labels import english_plurals
from sra_analysis.reports.files import write_atomic
from sra_analysis.resources import sample_dir
from sra_analysis.template import write_template
from sra_analysis.template.columns import TEMPLATE_KINDS

SAMPLE = sample_dir() / "purwakarta-2024"

#: The headers each sheet must carry, written out by hand from the loader's contract and its
#: Indonesian header variants (sra_analysis/io/schemas.py, HEADER_ALIASES).
HEADERS = {
    "en": {
        "incidents": ["Incident ID", "Reported at", "Ring", "Category", "Severity",
                      "Disrupted proceedings", "Occurred from", "Occurred to", "Responded at",
                      "Resolved at", "Risk ID", "Description"],
        "staffing": ["Officer ID", "Ring", "Shift start", "Shift end", "Unit", "Role"],
        "risk_register": ["Risk ID", "Threat", "Ring", "Likelihood", "Impact", "Window start",
                          "Window end", "Probability", "Planned personnel", "Mitigation",
                          "Incident categories"],
        "staffing_plan": ["Ring", "Plan start", "Plan end", "Officers", "Unit", "Note"],
    },
    "id": {
        "incidents": ["No Kejadian", "Waktu Laporan", "Ring", "Kategori", "Tingkat Keparahan",
                      "Mengganggu Jalannya Rapat", "Terjadi Mulai", "Terjadi Sampai",
                      "Waktu Respons", "Waktu Selesai", "Kode Risiko", "Uraian Kejadian"],
        "staffing": ["NRP", "Ring", "Mulai Tugas", "Selesai Tugas", "Satuan", "Peran"],
        "risk_register": ["Kode Risiko", "Potensi Ancaman", "Ring", "Kemungkinan", "Dampak",
                          "Periode Mulai", "Periode Selesai", "Probabilitas", "Rencana Personel",
                          "Mitigasi", "Kategori Kejadian"],
        "staffing_plan": ["Ring", "Waktu Mulai", "Waktu Selesai", "Jumlah Personel", "Satuan",
                          "Catatan"],
    },
}  # fmt: skip
#: The contract columns in the order of the CSV sample (and of DESIGN §2).
CANONICAL = {
    "incidents": ["incident_id", "reported_at", "ring", "category", "severity",
                  "disrupted_proceedings", "occurred_from", "occurred_to", "responded_at",
                  "resolved_at", "risk_id", "description"],
    "staffing": ["officer_id", "ring", "shift_start", "shift_end", "unit", "role"],
    "risk_register": ["risk_id", "threat", "ring", "likelihood", "impact", "window_start",
                      "window_end", "probability", "planned_personnel", "mitigation",
                      "categories"],
    "staffing_plan": ["ring", "plan_start", "plan_end", "officers", "unit", "note"],
}  # fmt: skip
#: The severity drop-down, as labels/severity.py names the levels.
SEVERITY_CHOICES = {
    "en": ["1 – negligible", "2 – minor", "3 – moderate", "4 – severe", "5 – critical"],
    "id": ["1 – tidak berdampak", "2 – ringan", "3 – sedang", "4 – berat", "5 – sangat berat"],
}
REQUIRED = {
    "incidents": {"incident_id", "reported_at", "ring", "category", "severity"},
    "staffing": {"officer_id", "ring", "shift_start", "shift_end"},
    "risk_register": {"risk_id", "threat", "ring", "likelihood", "impact"},
    "staffing_plan": {"ring", "officers"},
}
TIMESTAMPS = {"reported_at", "occurred_from", "occurred_to", "responded_at", "resolved_at",
              "shift_start", "shift_end", "window_start", "window_end", "plan_start",
              "plan_end"}  # fmt: skip
WHOLE_NUMBERS = {"likelihood", "impact", "planned_personnel", "officers"}
YES_NO = {"en": ("yes", "no"), "id": ("ya", "tidak")}
#: The Purwakarta rings as event.yaml names them, in English and Indonesian.
RING_NAMES = {
    "en": ["Plenary room", "Inside the building", "Outside the fence"],
    "id": ["Ruang pleno", "Dalam gedung", "Luar pagar"],
}


@pytest.fixture(scope="module", params=["en", "id"])
def purwakarta_template(request, tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp(f"template-{request.param}")
    write_template(folder, lang=request.param, event=SAMPLE / "event.yaml")
    return request.param, folder


def _book(folder: Path, kind: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(folder / f"{kind}.xlsx")


def _choices(book: openpyxl.Workbook, name: str) -> list[str]:
    """The values behind a drop-down's workbook-level name."""
    sheet_name, cells = next(book.defined_names[name].destinations)
    return [row[0].value for row in book[sheet_name][cells.replace("$", "")]]


def _validations(sheet) -> dict[str, object]:
    """Each validation by the column letter of its range."""
    found = {}
    for rule in sheet.data_validations.dataValidation:
        for cells in rule.sqref.ranges:
            found[cells.coord.split(":")[0].rstrip("0123456789")] = rule
    return found


# --------------------------------------------------------------------------- the data sheet


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_headers_are_in_the_language_and_the_loader_maps_them(purwakarta_template, kind):
    lang, folder = purwakarta_template
    sheet = _book(folder, kind).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert headers == HEADERS[lang][kind]
    mapping = map_headers(headers, kind=kind, file=f"{kind}.xlsx")
    assert [mapping[h] for h in headers] == CANONICAL[kind]


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_the_data_sheet_comes_first_holds_only_the_header_and_is_frozen(purwakarta_template, kind):
    lang, folder = purwakarta_template
    book = _book(folder, kind)
    data = book.worksheets[0]
    expected_titles = {"en": {"incidents": "incidents", "staffing": "staffing",
                              "risk_register": "risk_register", "staffing_plan": "staffing_plan"},
                       "id": {"incidents": "kejadian", "staffing": "personel",
                              "risk_register": "daftar_risiko",
                              "staffing_plan": "rencana_personel"}}  # fmt: skip
    assert data.title == expected_titles[lang][kind]
    assert book.worksheets[1].title == ("Instructions" if lang == "en" else "Petunjuk")
    assert book["lists"].sheet_state == "hidden"
    assert data.max_row == 1  # no formatted empty cells the loader would count as blank rows
    assert data.freeze_panes == "A2"
    for letter in "ABCD":
        assert data.column_dimensions[letter].width >= 10


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_columns_carry_time_text_and_number_formats(purwakarta_template, kind):
    lang, folder = purwakarta_template
    data = _book(folder, kind).worksheets[0]
    time_format = "dd/mm/yyyy hh:mm" if lang == "id" else "yyyy-mm-dd hh:mm"
    for position, name in enumerate(CANONICAL[kind], start=1):
        letter = openpyxl.utils.get_column_letter(position)
        shown = data.column_dimensions[letter].number_format
        if name in TIMESTAMPS:
            assert shown == time_format, name
        elif name in WHOLE_NUMBERS:
            assert shown == "0", name
        elif name == "severity":  # the number typed, or the drop-down's "3 – sedang"
            assert shown == "General", name
        elif name in ("officer_id", "incident_id", "risk_id", "ring"):
            assert shown == "@", name  # an NRP typed 00012345 keeps its zeros


def test_incident_validations_offer_the_rings_severity_and_yes_no(purwakarta_template):
    lang, folder = purwakarta_template
    book = _book(folder, "incidents")
    rules = _validations(book.worksheets[0])
    ring = rules["C"]
    assert (ring.type, ring.formula1, ring.errorStyle) == ("list", "=ring_list", "stop")
    assert _choices(book, "ring_list") == RING_NAMES[lang]
    severity = rules["E"]
    # a drop-down of the named levels; a number typed instead only warns (the loader reads it)
    assert (severity.type, severity.formula1, severity.errorStyle) == (
        "list", "=severity_list", "warning"
    )  # fmt: skip
    assert _choices(book, "severity_list") == SEVERITY_CHOICES[lang]
    disrupted = rules["F"]
    assert (disrupted.type, disrupted.formula1) == ("list", '"{},{}"'.format(*YES_NO[lang]))
    reported = rules["B"]
    # the event runs 2024-03-01 07:00 – 2024-03-03 23:00 with a 24 h margin; Excel serial
    # day 45352 is 2024-03-01 (the loader's doctest: 45352.5 = 2024-03-01 12:00)
    assert reported.type == "date" and reported.errorStyle == "warning"
    assert float(reported.formula1) == pytest.approx(45351 + 7 / 24, abs=1e-6)
    assert float(reported.formula2) == pytest.approx(45355 + 23 / 24, abs=1e-6)
    assert str(ring.sqref) == "C2:C1048576"


def test_register_validations_bound_likelihood_impact_and_offer_all(purwakarta_template):
    lang, folder = purwakarta_template
    book = _book(folder, "risk_register")
    rules = _validations(book.worksheets[0])
    for letter in "DE":  # likelihood, impact
        assert (rules[letter].type, rules[letter].formula1, rules[letter].formula2) == (
            "whole", "1", "5"
        )  # fmt: skip
    assert (rules["H"].type, rules["H"].formula1, rules["H"].formula2) == ("decimal", "0", "1")
    assert (rules["I"].type, rules["I"].operator, rules["I"].formula1) == (
        "whole", "greaterThanOrEqual", "0"
    )  # fmt: skip
    assert rules["C"].formula1 == "=ring_or_all_list"
    everything = "all" if lang == "en" else "semua"
    assert _choices(book, "ring_or_all_list") == [*RING_NAMES[lang], everything]


# --------------------------------------------------------------------- instructions, legend


def test_the_legend_colours_the_grid_like_the_reports_levels(purwakarta_template):
    lang, folder = purwakarta_template
    legend = _book(folder, "risk_register")["Legend" if lang == "en" else "Legenda"]
    grid = {}
    for row in range(4, 9):
        likelihood = legend.cell(row=row, column=1).value
        for impact in range(1, 6):
            cell = legend.cell(row=row, column=1 + impact)
            grid[likelihood, impact] = (cell.value, cell.fill.start_color.rgb[-6:])
    assert {key: value[0] for key, value in grid.items()} == {
        (lik, imp): lik * imp for lik in range(1, 6) for imp in range(1, 6)
    }
    # banding of the sample: low 1–4, medium 5–9, high 10–14, extreme 15–25; colours of
    # the report (Okabe–Ito green, yellow, orange; dark red)
    assert grid[2, 2][1] == "009E73"  # 4, low
    assert grid[1, 5][1] == "F0E442"  # 5, medium
    assert grid[3, 3][1] == "F0E442"  # 9, medium
    assert grid[5, 2][1] == "E69F00"  # 10, high
    assert grid[3, 5][1] == "B2182B"  # 15, extreme
    levels = [legend.cell(row=r, column=1).value for r in range(11, 15)]
    assert levels == (["low", "medium", "high", "extreme"] if lang == "en"
                      else ["rendah", "sedang", "tinggi", "ekstrem"])  # fmt: skip
    assert [legend.cell(row=r, column=2).value for r in range(11, 15)] == [
        "1–4", "5–9", "10–14", "15–25"
    ]  # fmt: skip


def test_the_legend_follows_the_events_own_banding(tmp_path):
    config = yaml.safe_load((SAMPLE / "event.yaml").read_text("utf-8"))
    config["risk_levels"] = {"low": [1, 9], "high": [10, 25]}
    (tmp_path / "event.yaml").write_text(yaml.safe_dump(config), "utf-8")
    write_template(tmp_path / "out", event=tmp_path / "event.yaml")
    legend = _book(tmp_path / "out", "risk_register")["Legend"]
    # likelihood 3 is row 6 (5 at the top); impact 3 column 4 → 9, low; impact 4 → 12, high
    assert legend.cell(row=6, column=4).fill.start_color.rgb[-6:] == "009E73"
    assert legend.cell(row=6, column=5).fill.start_color.rgb[-6:] == "E69F00"


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_instructions_list_the_required_columns(purwakarta_template, kind):
    lang, folder = purwakarta_template
    sheet = _book(folder, kind).worksheets[1]
    yes = YES_NO[lang][0]
    rows = list(sheet.iter_rows(values_only=True))
    by_header = {row[0]: row[1] for row in rows if row[0] in HEADERS[lang][kind]}
    required = {
        CANONICAL[kind][HEADERS[lang][kind].index(header)]
        for header, flag in by_header.items()
        if flag == yes
    }
    assert required == REQUIRED[kind]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_example_row_copied_to_the_data_sheet_is_accepted(tmp_path, lang):
    write_template(tmp_path, lang=lang, event=SAMPLE)
    for kind in TEMPLATE_KINDS:
        book = _book(tmp_path, kind)
        rows = list(book.worksheets[1].iter_rows(values_only=True))
        header_at = rows.index(tuple(HEADERS[lang][kind]))
        book.worksheets[0].append(rows[header_at + 1][: len(HEADERS[lang][kind])])
        book.save(tmp_path / f"{kind}.xlsx")
    event = load_event(tmp_path)
    assert event.rows_quarantined == 0
    assert [event.quality[kind].accepted for kind in TEMPLATE_KINDS] == [1, 1, 1, 1]
    assert event.staffing_plan["officers"].tolist() == [10]
    assert event.staffing["officer_id"].tolist() == ["00012345"]  # text, zeros kept


# -------------------------------------------------------------------------------- event.yaml


def test_event_yaml_reads_back_as_the_event_it_was_written_from(purwakarta_template):
    lang, folder = purwakarta_template
    written = read_event_meta(folder / "event.yaml")
    original = read_event_meta(SAMPLE / "event.yaml")
    assert dataclasses.replace(written, source=None) == dataclasses.replace(original, source=None)
    lines = (folder / "event.yaml").read_text("utf-8").splitlines()
    keys = [i for i, line in enumerate(lines) if line[:1].isalpha()]
    assert len(keys) == 13  # the sample's twelve keys and its objectives
    # every key but end (which shares start's comment) sits under a comment
    assert all(lines[i - 1].startswith("#") for i in keys if not lines[i].startswith("end:"))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_covers_keys_are_offered_commented_out_and_kept_when_given(tmp_path, lang):
    write_template(tmp_path / "blank", lang=lang)
    text = (tmp_path / "blank" / "event.yaml").read_text("utf-8")
    # each key commented out with an example, under its comment (approved_by under
    # prepared_by's), so uncommenting one line sets it
    lines = text.splitlines()
    examples = [
        '# unit: "Polres Purwakarta"',
        '# classification: "TERBATAS"',
        '# prepared_by: "Kabag Ops"',
        '# approved_by: "Kapolres"',
    ]
    at = [lines.index(line) for line in examples]
    assert at == sorted(at) and at[3] == at[2] + 1
    # then the objectives the overview lists, last
    objective = {"en": "A safe plenary", "id": "Rapat pleno berjalan aman dan tertib"}[lang]
    assert lines[-1] == f'# objectives: ["{objective}"]' and lines[-2].startswith("# ")
    assert at[-1] < len(lines) - 3
    prose = [lines[i - 1] for i in at[:3]]
    assert all(line.startswith("# ") and not re.match(r'# \w+: "', line) for line in prose)
    assert read_event_meta(tmp_path / "blank").classification == ""  # commented out: no marking
    # an event that gives them keeps them, and reads back the same
    source = tmp_path / "source"
    shutil.copytree(SAMPLE, source)
    with (source / "event.yaml").open("a", encoding="utf-8") as file:
        file.write('unit: Polres Purwakarta\nclassification: TERBATAS\napproved_by: "Kapolres"\n')
    write_template(tmp_path / "copy", lang=lang, event=source)
    written = read_event_meta(tmp_path / "copy")
    assert dataclasses.replace(written, source=None) == dataclasses.replace(
        read_event_meta(source), source=None
    )
    assert (written.unit, written.classification, written.prepared_by, written.approved_by) == (
        "Polres Purwakarta", "TERBATAS", "", "Kapolres"
    )  # fmt: skip
    # the sample's three objectives (sample_data/purwakarta-2024/event.yaml), as a list
    assert written.objectives[0].startswith("Rapat pleno rekapitulasi berjalan aman")
    assert len(written.objectives) == 3


@pytest.mark.parametrize("lang", ["en", "id"])
def test_without_event_an_example_folder_validates(tmp_path, lang, capsys):
    write_template(tmp_path, lang=lang)
    meta = read_event_meta(tmp_path)
    assert meta.id == ("example-plenary" if lang == "en" else "contoh-pleno")
    assert [ring.label(lang) for ring in meta.rings] == RING_NAMES[lang]
    assert main(["validate", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # a blank template is an event without rows: nothing quarantined, no phantom blank rows
    assert out.count("0 rows read, 0 accepted, 0 quarantined, 0 blank") == 4  # the plan too


def test_the_example_event_numbers_rings_as_polri_does(tmp_path):
    # ring 1 the plenary room, ring 3 the fence: a clerk typing "Ring 3" for the gate, or
    # "ring i" for the plenary room, lands in the right ring
    write_template(tmp_path, lang="id")
    meta = read_event_meta(tmp_path)
    assert [(ring.id, ring.zone) for ring in meta.rings] == [
        ("1", "core"), ("2", "building"), ("3", "perimeter")
    ]  # fmt: skip
    lookup = meta.ring_lookup()
    assert lookup[fold_label("Ring 3")] == lookup[fold_label("Luar pagar")] == "3"
    assert lookup[fold_label("ring i")] == lookup[fold_label("Ruang pleno")] == "1"
    text = (tmp_path / "event.yaml").read_text("utf-8")
    assert "ring 1 ruang sidang atau area steril" in text  # the comment explains the numbers
    assert "    zone: perimeter" in text


@pytest.mark.parametrize(("rings", "zones"), [
    (2, ["core", "perimeter"]),
    (4, ["core", "building", "perimeter", "outer"]),
])  # fmt: skip
def test_two_and_four_rings_write_and_read_back_with_their_zones(tmp_path, rings, zones):
    from sra_analysis.sample import generate_event, write_event

    folder = write_event(generate_event(seed=5, days=1, rings=rings, n_risks=6), tmp_path / "e")
    write_template(tmp_path / "t", event=folder)
    meta = read_event_meta(tmp_path / "t" / "event.yaml")
    assert meta == dataclasses.replace(read_event_meta(folder), source=meta.source)
    assert [ring.zone for ring in meta.rings] == zones  # ring 1 innermost, in display order
    assert main(["validate", str(tmp_path / "t")]) == 0


def test_text_from_event_yaml_is_never_stored_as_a_formula(tmp_path):
    config = yaml.safe_load((SAMPLE / "event.yaml").read_text("utf-8"))
    config["rings"][0]["name"] = '=HYPERLINK("http://x","y")'
    (tmp_path / "event.yaml").write_text(yaml.safe_dump(config), "utf-8")
    write_template(tmp_path / "out", event=tmp_path / "event.yaml")
    with zipfile.ZipFile(tmp_path / "out" / "incidents.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(name) for name in sheets)
    lists = _book(tmp_path / "out", "incidents")["lists"]
    assert lists["A1"].value == config["rings"][0]["name"]


# ------------------------------------------------------------- filled with the sample data


def _typed(name: str, text: str, *, lang: str, ring_choice: dict[str, str]):
    """A CSV cell as a clerk types it into the workbook."""
    if text == "":
        return None
    if name in TIMESTAMPS:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    if name in WHOLE_NUMBERS:
        return int(text)
    if name == "severity":  # picked from the drop-down
        return SEVERITY_CHOICES[lang][int(text) - 1]
    if name == "probability":
        return float(text)
    if name == "disrupted_proceedings":
        return YES_NO[lang][0] if text == "true" else YES_NO[lang][1]
    if name == "ring":
        return ring_choice[text]
    return text


def _fill_with_sample(folder: Path, lang: str) -> None:
    meta = read_event_meta(SAMPLE)
    lookup = meta.ring_lookup()
    for kind in FILE_KINDS:
        book = _book(folder, kind)
        sheet = book.worksheets[0]
        assert [c.value for c in sheet[1]] == HEADERS[lang][kind]
        choices = _choices(book, "ring_or_all_list" if kind == "risk_register" else "ring_list")
        # the drop-down's entry for each ring written in the CSV (ids and aliases)
        frame = pd.read_csv(SAMPLE / f"{kind}.csv", dtype=str, keep_default_na=False)
        ring_choice = {
            text: choices[-1] if text == "all" else choices[meta.ring_ids.index(lookup[key])]
            for text in set(frame["ring"])
            for key in [fold_label(text)]
        }
        # the sample's register has no (optional, last) categories column
        assert list(frame.columns) == CANONICAL[kind][: len(frame.columns)]
        for record in frame.itertuples(index=False):
            sheet.append(
                [
                    _typed(name, text, lang=lang, ring_choice=ring_choice)
                    for name, text in zip(frame.columns, record, strict=True)
                ]
            )
        book.save(folder / f"{kind}.xlsx")


#: How each file was read differs (file name, encoding, delimiter); its row counts may not.
#: (data_quality also holds entries that are no file, such as the staffing overlaps.)
_HOW_READ = ("file", "encoding", "delimiter")


def _summary(evaluation) -> str:
    """``summary.json``'s content but provenance (input hashes, time written) and how files
    were read."""
    summary = evaluation.to_dict()
    del summary["provenance"]
    for quality in summary["data_quality"].values():
        for key in _HOW_READ:
            quality.pop(key, None)
    return json.dumps(summary, sort_keys=True, default=str)


def test_filled_with_the_sample_it_validates_and_reviews_like_the_csv(
    purwakarta_template, sample_event, tmp_path, capsys
):
    lang, blank = purwakarta_template
    folder = tmp_path / "filled"
    folder.mkdir()
    for name in ("event.yaml", *(f"{kind}.xlsx" for kind in FILE_KINDS)):
        (folder / name).write_bytes((blank / name).read_bytes())
    _fill_with_sample(folder, lang)

    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    for kind, rows in (("incidents", 35), ("staffing", 150), ("risk_register", 14)):
        assert f"{kind}.xlsx: {rows} rows read, {rows} accepted, 0 quarantined, 0 blank" in out

    filled = load_event(folder)
    assert filled.rows_quarantined == 0
    for table in ("incidents", "staffing", "risks"):
        assert_frame_equal(getattr(filled, table), getattr(sample_event, table))
    assert_frame_equal(review_windows(filled), review_windows(sample_event))
    assert _summary(evaluate(filled)) == _summary(evaluate(sample_event))


# ------------------------------------------------------------- templates never lose work


def _filled(tmp_path: Path, lang: str = "en") -> Path:
    """A template of the Purwakarta sample, filled with its 35 incidents, 150 shifts and 14
    register rows."""
    folder = tmp_path / "filled"
    write_template(folder, lang=lang, event=SAMPLE)
    _fill_with_sample(folder, lang)
    return folder


#: The rows of the Purwakarta sample's files (its CSVs have 35, 150 and 14 data lines).
SAMPLE_ROWS = {"incidents": 35, "staffing": 150, "risk_register": 14}


def _validate_reads_every_row(capsys, folder: Path) -> None:
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out
    for kind, rows in SAMPLE_ROWS.items():
        assert f"{kind}.xlsx: {rows} rows read, {rows} accepted, 0 quarantined, 0 blank" in out


def test_force_keeps_the_rows_and_the_event_reviews_the_same(tmp_path, sample_event, capsys):
    folder = _filled(tmp_path)
    event_yaml = (folder / "event.yaml").read_bytes()
    assert main(["template", str(folder), "--force"]) == 0
    out = capsys.readouterr().out
    for kind, rows in SAMPLE_ROWS.items():
        assert (
            english_plurals(f"wrote {folder / kind}.xlsx, keeping its {rows} filled row(s)") in out
        )
    assert f"kept {folder / 'event.yaml'} as it is" in out
    assert (folder / "event.yaml").read_bytes() == event_yaml
    _validate_reads_every_row(capsys, folder)
    filled = load_event(folder)
    for table in ("incidents", "staffing", "risks"):
        assert_frame_equal(getattr(filled, table), getattr(sample_event, table))
    # the template's blank staffing_plan.xlsx is read (0 rows) where the sample has none
    ours = json.loads(_summary(evaluate(filled)))
    assert ours["data_quality"].pop("staffing_plan")["rows_read"] == 0
    assert ours["staffing_plan"]["file"] == "staffing_plan.xlsx"
    assert ours["staffing_plan"]["source"] == "register"  # an empty plan: the register's rule
    ours["staffing_plan"]["file"] = None
    assert json.dumps(ours, sort_keys=True) == _summary(evaluate(sample_event))
    # the sheet is a fresh template around the rows: header, freeze, drop-downs, guide
    book = _book(folder, "incidents")
    assert [c.value for c in book.worksheets[0][1]] == HEADERS["en"]["incidents"]
    assert book.worksheets[0].freeze_panes == "A2"
    assert [s.title for s in book.worksheets] == ["incidents", "Instructions", "lists"]


def test_a_changed_ring_list_is_refreshed_around_the_rows(tmp_path, capsys):
    folder = _filled(tmp_path)
    config = yaml.safe_load((folder / "event.yaml").read_text("utf-8"))
    config["rings"].append({"id": "4", "name": "Roads around", "name_id": "Jalan sekitar"})
    (folder / "event.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    assert main(["template", str(folder), "--force", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert f"{folder / 'staffing'}.xlsx diperbarui; 150 baris yang sudah terisi tetap ada" in out
    book = _book(folder, "incidents")
    assert _choices(book, "ring_list") == [*RING_NAMES["id"], "Jalan sekitar"]
    # headers now in Indonesian, the rows as they were
    assert [c.value for c in book.worksheets[0][1]] == HEADERS["id"]["incidents"]
    _validate_reads_every_row(capsys, folder)
    filled = load_event(folder)
    assert filled.meta.ring_ids == ("1", "2", "3", "4")
    original = pd.read_csv(SAMPLE / "incidents.csv", dtype=str, keep_default_na=False)
    assert filled.incidents["incident_id"].tolist() == original["incident_id"].tolist()


def test_a_clerks_own_column_is_kept_beside_the_template_columns(tmp_path, capsys):
    folder = _filled(tmp_path)
    book = _book(folder, "incidents")
    sheet = book.worksheets[0]
    notes = len(HEADERS["en"]["incidents"]) + 1
    sheet.cell(1, notes, "Catatan piket")
    typed = sheet.cell(5, notes, "=dicek Kasat")  # typed as text ('=...), as Excel keeps it
    typed.data_type, typed.quotePrefix = "s", True
    book.save(folder / "incidents.xlsx")
    assert main(["template", str(folder), "--force"]) == 0
    capsys.readouterr()
    sheet = _book(folder, "incidents").worksheets[0]
    assert sheet.cell(1, notes).value == "Catatan piket"
    kept = sheet.cell(5, notes)
    assert (kept.value, kept.data_type, kept.quotePrefix) == ("=dicek Kasat", "s", True)
    _validate_reads_every_row(capsys, folder)


def _one_line_refusal(capsys, folder: Path, *words: str) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["template", str(folder), "--force"]) == 73
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert all(word in lines[0] for word in words), lines[0]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written


def test_a_foreign_workbook_is_refused_in_one_line_with_its_row_count(tmp_path, capsys):
    folder = _filled(tmp_path)
    foreign = openpyxl.Workbook()
    foreign.active.append(["Nama", "Alamat"])
    for row in range(3):
        foreign.active.append([f"warga {row}", "Jl. Veteran"])
    foreign.save(folder / "staffing.xlsx")
    _one_line_refusal(capsys, folder, "staffing.xlsx", "3 rows", "officer_id")


def test_an_unreadable_workbook_is_refused_in_one_line(tmp_path, capsys):
    folder = _filled(tmp_path)
    (folder / "risk_register.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    _one_line_refusal(capsys, folder, "risk_register.xlsx", "cannot be read")


def test_a_sheet_the_template_does_not_write_is_refused(tmp_path, capsys):
    folder = _filled(tmp_path)
    book = _book(folder, "incidents")
    book.create_sheet("rekap")["A1"] = "=COUNTA(incidents!A:A)"
    book.save(folder / "incidents.xlsx")
    _one_line_refusal(capsys, folder, "incidents.xlsx", "35 rows", "rekap")


def test_a_clerks_own_sheet_is_refused_even_beside_an_empty_data_sheet(tmp_path, capsys):
    write_template(tmp_path)
    book = _book(tmp_path, "staffing")
    book.create_sheet("jadwal")["B2"] = "Regu 1 pagi"
    book.save(tmp_path / "staffing.xlsx")
    _one_line_refusal(capsys, tmp_path, "staffing.xlsx", "0 rows", "jadwal")


def test_another_event_than_the_folders_edited_own_is_refused(tmp_path, capsys):
    folder = _filled(tmp_path)
    config = folder / "event.yaml"
    config.write_text(config.read_text("utf-8").replace("Kantor KPU", "Gedung KPU"), "utf-8")
    other = tmp_path / "other.yaml"
    subang = yaml.safe_load((SAMPLE / "event.yaml").read_text("utf-8")) | {"id": "subang-2024"}
    other.write_text(yaml.safe_dump(subang), "utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["template", str(folder), "--force", "--event", str(other)]) == 73
    err = capsys.readouterr().err
    assert "event.yaml: already describes the event 'purwakarta-2024', not 'subang-2024'" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # the folder's own event (here: its own folder) is no conflict
    assert main(["template", str(folder), "--force", "--event", str(folder)]) == 0
    assert config.read_bytes() == before["event.yaml"]


def test_an_unedited_event_yaml_is_written_again_for_another_event(tmp_path, capsys):
    # the README's flow: an example template first, then the template of last year's event
    assert main(["template", str(tmp_path), "--lang", "id"]) == 0
    assert main(["template", str(tmp_path), "--lang", "id", "--event", str(SAMPLE), "--force"]) == 0
    assert read_event_meta(tmp_path).id == "purwakarta-2024"
    assert _choices(_book(tmp_path, "incidents"), "ring_list") == RING_NAMES["id"]
    capsys.readouterr()


def test_a_blank_template_written_again_stays_blank(tmp_path, capsys):
    assert main(["template", str(tmp_path)]) == 0
    assert main(["template", str(tmp_path), "--force"]) == 0
    out = capsys.readouterr().out
    assert f"wrote {tmp_path / 'incidents.xlsx'}\n" in out and "keeping" not in out
    assert all(_book(tmp_path, kind).worksheets[0].max_row == 1 for kind in FILE_KINDS)


# --------------------------------------------------------------------------- refusals, CLI


def test_existing_files_are_kept_unless_forced(tmp_path, capsys):
    assert main(["template", str(tmp_path)]) == 0
    (tmp_path / "event.yaml").write_text("id: mine\n", "utf-8")
    assert main(["template", str(tmp_path)]) == 73
    err = capsys.readouterr().err
    assert "already holds event.yaml, incidents.xlsx, risk_register.xlsx, staffing.xlsx" in err
    assert "--force" in err
    assert main(["template", str(tmp_path), "--lang", "id"]) == 73
    assert "sudah berisi event.yaml, incidents.xlsx" in capsys.readouterr().err
    assert (tmp_path / "event.yaml").read_text("utf-8") == "id: mine\n"
    # --force never rewrites the user's event.yaml: a broken one is named, nothing is written
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["template", str(tmp_path), "--lang", "id", "--force"]) == 66
    assert "event.yaml" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_another_file_of_a_kind_is_refused_even_when_forced(tmp_path):
    (tmp_path / "incidents.csv").write_text("incident_id\n", "utf-8")
    with pytest.raises(OutputError, match=r"holds incidents\.csv, which would sit beside"):
        write_template(tmp_path, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incidents.csv"]


def test_a_broken_event_yaml_is_named_and_nothing_is_written(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nrings: [\n", "utf-8")
    out = tmp_path / "out"
    assert main(["template", str(out), "--event", str(broken)]) == 66
    assert f"error: {broken}: not valid YAML" in capsys.readouterr().err
    assert not out.exists()
    with pytest.raises(EventConfigError, match="no such file"):
        write_template(out, event=tmp_path / "missing.yaml")


def test_an_event_yaml_without_rings_names_the_key(tmp_path):
    config = yaml.safe_load((SAMPLE / "event.yaml").read_text("utf-8"))
    del config["rings"]
    (tmp_path / "event.yaml").write_text(yaml.safe_dump(config), "utf-8")
    with pytest.raises(EventConfigError, match=r"event\.yaml \(key 'rings'\): required key"):
        write_template(tmp_path / "out", event=tmp_path / "event.yaml")


def test_out_that_cannot_be_created_exits_73(tmp_path, capsys):
    (tmp_path / "a-file").write_text("x", "utf-8")
    assert main(["template", str(tmp_path / "a-file")]) == 73
    assert "a-file: is a file, not a folder" in capsys.readouterr().err
    assert main(["template", str(tmp_path / "a-file" / "sub")]) == 73


def test_a_disk_error_leaves_no_file_behind(tmp_path, monkeypatch, capsys):
    from sra_analysis.template import write as module

    def full(path, data):
        if Path(path).name == "risk_register.xlsx":
            raise OSError(errno.ENOSPC, "No space left on device")
        return write_atomic(path, data)

    monkeypatch.setattr(module, "write_atomic", full)
    assert main(["template", str(tmp_path)]) == 74
    assert "No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_files_get_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    for path in write_template(tmp_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path.name


def test_a_bad_lang_is_refused(tmp_path, capsys):
    with pytest.raises(ParameterError, match=r"lang must be one of \['en', 'id'\], got 'fr'"):
        write_template(tmp_path, lang="fr")
    assert main(["template", str(tmp_path), "--lang", "fr"]) == 64
    assert list(tmp_path.iterdir()) == []


def test_help_lists_the_exit_statuses(capsys):
    assert main(["template", "--help"]) == 0
    help_text = capsys.readouterr().out
    section = help_text[help_text.index("exit status:") :]
    listed = [line.split()[0] for line in section.splitlines()[1:] if line.strip()]
    assert listed == ["0", "64", "66", "70", "73", "74", "130"]
    assert "--event" in help_text and "--force" in help_text


def test_help_loads_neither_the_engine_nor_openpyxl():
    script = (
        "import contextlib, io, json, sys\n"
        "from sra_analysis.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['template', '--help'])\n"
        "print(json.dumps([status, sorted({m.split('.')[0] for m in sys.modules})]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    status, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 0
    assert {"pandera", "scipy", "plotly", "openpyxl"} & set(modules) == set()
