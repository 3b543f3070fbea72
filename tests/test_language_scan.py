"""Language scan: an Indonesian batch speaks Indonesian everywhere (issue 16, deliverable 5).

Two bundled sample events (one with a night shift typed wrong, so that the data-quality
appendix and ``validate`` have a reason to give) go through ``sra-review report --lang id
--pdf``, ``validate --lang id``, ``template --lang id`` and ``rollup --lang id``. The text a
reader sees — the visible text of every HTML page (reports, index, roll-up) and the words of
its charts (names, hover text, titles, tick labels), the cells of
every workbook (improvement plans, template), the text of every PDF and every console line —
is scanned for English words from a list, ISO timestamps and raw category codes.

Left out of the scan, as a reader sees them as names rather than words: file names and
paths, the package name, and ``<code>`` (the report's parameters, quoted as the software
reads them). Text the clerk typed is the clerk's and is shown as written; the sample events
are written in Indonesian.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from _browser import CHROMIUM
from _language_scan import (
    chart_text,
    codes_found,
    english_found,
    iso_found,
    pdf_text,
    visible_text,
    workbook_text,
)

from sra_analysis.cli import LANG_VARIABLE, main
from sra_analysis.reports.batch.kernels import shutdown_kernels
from sra_analysis.reports.batch.pdf import CHROMIUM_ENV
from sra_analysis.resources import sample_dir

pytest.importorskip("pypdf")

#: Two small samples: Purwakarta (named rings in English and Indonesian) and Kota Banjar
#: (its log written with ring names, semicolons and day-first times).
EVENTS = ("purwakarta-2024", "kota-banjar-2024")
#: Names, not words: file names, absolute paths, the package.
_NAMES = re.compile(
    r"(?<!\w)/\S+|\S+\.(?:csv|xlsx|html|pdf|json|yaml|parquet|ipynb|js)\b|sra_analysis|sra-review"
)


def _with_night_shift_typed_wrong(folder: Path) -> None:
    """Row 4 of the roster: a night shift whose end date was not moved to the next day."""
    path = folder / "staffing.csv"
    roster = pd.read_csv(path, dtype=str, keep_default_na=False)
    roster.loc[3, ["shift_start", "shift_end"]] = ["2024-03-02 22:00", "2024-03-02 06:00"]
    roster.to_csv(path, index=False)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Every text of the Indonesian batch, by where it was read: ``{name: text}``."""
    events = tmp_path_factory.mktemp("events")
    folders = []
    for name in EVENTS:
        folder = events / name
        shutil.copytree(sample_dir() / name, folder)
        folders.append(str(folder))
    _with_night_shift_typed_wrong(Path(folders[0]))
    out = tmp_path_factory.mktemp("laporan")
    console = io.StringIO()
    statuses = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CHROMIUM_ENV, CHROMIUM)
        patch.delenv(LANG_VARIABLE, raising=False)
        runs = {
            "report": ["report", *folders, "--out", str(out / "batch"), "--lang", "id", "--pdf",
                       "--workers", "2"],
            "validate": ["validate", *folders, "--lang", "id"],
            "template": ["template", str(out / "template"), "--lang", "id"],
            "rollup": ["rollup", str(out / "batch"), "--out", str(out / "rekap"), "--lang", "id"],
        }  # fmt: skip
        try:
            for command, argv in runs.items():
                with contextlib.redirect_stdout(console), contextlib.redirect_stderr(console):
                    statuses[command] = main(argv)
        finally:
            shutdown_kernels()
    texts = {"console": _without_names(console.getvalue())}
    for path in sorted(out.rglob("*")):
        name = str(path.relative_to(out))
        if path.suffix == ".html":
            texts[name] = _without_names(visible_text(path, skip=("code",)))
            texts[f"{name} (charts)"] = _without_names(chart_text(path))
        elif path.suffix == ".xlsx":
            texts[name] = _without_names(workbook_text(path))
        elif path.suffix == ".pdf":
            texts[name] = _without_names(pdf_text(path))
    return {"statuses": statuses, "texts": texts, "out": out}


def _without_names(text: str) -> str:
    return _NAMES.sub(" ", text)


def test_the_batch_ran_and_every_kind_of_output_is_scanned(outputs):
    # validate exits 1: the night shift typed wrong is set aside, with its reason
    assert outputs["statuses"] == {"report": 0, "validate": 1, "template": 0, "rollup": 0}
    names = set(outputs["texts"])
    for event in EVENTS:
        assert {f"batch/{event}/report.html", f"batch/{event}/report.pdf",
                f"batch/{event}/improvement_plan.xlsx"} <= names  # fmt: skip
    assert {"batch/index.html", "batch/rollup.html", "rekap/rollup.html", "console"} <= names
    assert any(name.startswith("template/") and name.endswith(".xlsx") for name in names)
    # the scan cannot pass by reading nothing: the Indonesian is there
    report = outputs["texts"]["batch/purwakarta-2024/report.html"]
    assert "Lampiran: daftar kejadian, kualitas data dan sumber data" in report
    assert "tampaknya selesai pada pagi hari berikutnya: maksudnya 03/03/2024 06:00?" not in (
        report
    )  # the clerk typed ISO: the suggestion keeps the clerk's way of writing
    assert "maksudnya 2024-03-03 06:00?" in outputs["out"].joinpath(
        "batch/purwakarta-2024/report.html"
    ).read_text(encoding="utf-8")
    assert "disisihkan" in outputs["texts"]["console"]
    assert "Rencana perbaikan" in outputs["texts"]["batch/purwakarta-2024/improvement_plan.xlsx"]


def test_no_english_word_in_any_indonesian_output(outputs):
    found = {name: english_found(text) for name, text in outputs["texts"].items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_no_iso_timestamp_in_any_indonesian_output(outputs):
    texts = dict(outputs["texts"])
    # the one place an ISO time may stand: a value the clerk typed that way, quoted as typed
    typed = ("2024-03-02 22:00", "2024-03-02 06:00", "2024-03-03 06:00")
    for name, text in texts.items():
        for value in typed:
            text = text.replace(value, " ")
        texts[name] = text
    found = {name: iso_found(text) for name, text in texts.items()}
    assert {name: stamps for name, stamps in found.items() if stamps} == {}


def test_no_raw_category_code_in_any_indonesian_output(outputs):
    # category labels come from the category vocabulary (issue 16, deliverable 1), built in
    # parallel: until it is merged, this test shows where codes still reach the reader
    from sra_analysis import load_event

    codes = set()
    for name in EVENTS:
        codes |= set(load_event(sample_dir() / name).incidents["category"].astype(str))
    found = {name: codes_found(text, codes) for name, text in outputs["texts"].items()}
    assert {name: words for name, words in found.items() if words} == {}
