"""Leak scan: broken staffing rosters through ``sra-review report`` and ``sra-review validate``.

A corpus of events is made from copies of the Purwakarta sample, each with a staffing file
broken the way field offices break them: officer_id and ring swapped in some rows; ids
shifted into shift_start, unit and role; a roster without a header row; ids in every
column and as a column header; ids with leading zeros; Excel workbooks with ids as
numbers, with and without a header row. One batch runs them all through the CLI with a
known pseudonym key in the environment; then every file written (report.html, report.ipynb,
summary.json, index.html, plotly.min.js, the cells of improvement_plan.xlsx, anything else)
and everything printed, the validate command's output included, is scanned for every officer
id of the input, for its form without leading zeros and for the key. The expected pseudonyms
are recomputed with the standard library's ``hmac`` (RFC 2104), so the scan cannot pass by
showing nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import html
import io
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from _workbooks import workbook_text

from sra_analysis.cli import main
from sra_analysis.privacy import KEY_ENV, KEY_FILE_ENV
from sra_analysis.reports.batch.kernels import shutdown_kernels
from sra_analysis.resources import sample_dir

SAMPLE = sample_dir() / "purwakarta-2024"
KEY = "leak-scan-key-Qx7Tz3"
ROSTER = pd.read_csv(SAMPLE / "staffing.csv", dtype=str, keep_default_na=False)
#: Every officer id of the input: the sample's 8-digit NRPs, 14 of them with leading zeros.
OFFICERS = sorted(set(ROSTER["officer_id"]))
PADDED = [officer for officer in OFFICERS if officer.startswith("0")]
BARE = {officer.lstrip("0") for officer in PADDED}


def _pseudonym(officer: str, key: str = KEY) -> str:
    digest = hmac.new(key.encode("utf-8"), officer.encode("utf-8"), hashlib.sha256)
    return "officer-" + digest.hexdigest()[:12]


def _event(root: Path, event_id: str) -> Path:
    folder = root / event_id
    shutil.copytree(SAMPLE, folder)
    config = folder / "event.yaml"
    config.write_text(
        config.read_text("utf-8").replace("id: purwakarta-2024", f"id: {event_id}"), "utf-8"
    )
    return folder


def _write_roster(folder: Path, roster: pd.DataFrame, *, header: bool = True) -> None:
    roster.to_csv(folder / "staffing.csv", index=False, header=header)


def _write_workbook(folder: Path, roster: pd.DataFrame, *, header: bool = True) -> None:
    (folder / "staffing.csv").unlink()
    roster.to_excel(folder / "staffing.xlsx", index=False, header=header)


def _corpus(root: Path) -> dict[str, dict]:
    """The broken events: ``{event id: {"folder", "ok", "shown"}}``, where ``shown`` holds
    the officers whose quarantined value the report and validate must show as a pseudonym."""
    corpus: dict[str, dict] = {}

    def add(event_id: str, *, ok: bool, shown=()) -> Path:
        folder = _event(root, event_id)
        corpus[event_id] = {"folder": folder, "ok": ok, "shown": set(shown)}
        return folder

    # officer_id and ring swapped in three rows
    roster = ROSTER.copy()
    rows = [0, 40, 90]
    swapped = roster.loc[rows, "officer_id"].tolist()
    roster.loc[rows, ["officer_id", "ring"]] = roster.loc[rows, ["ring", "officer_id"]].to_numpy()
    _write_roster(add("swapped", ok=True, shown=swapped), roster)

    # officer_id shifted into shift_start, unit and role; one row shifted left by a column
    roster = ROSTER.copy()
    into_start, into_unit, into_role, left = (roster.at[r, "officer_id"] for r in (1, 2, 3, 4))
    roster.loc[1, ["officer_id", "shift_start"]] = ["", into_start]
    roster.loc[2, ["officer_id", "unit"]] = ["", into_unit]
    roster.loc[3, ["ring", "role"]] = ["", into_role]
    roster.loc[4] = [*roster.loc[4].tolist()[1:], left]
    _write_roster(add("shifted", ok=True, shown=[into_start]), roster)

    # no header row: the first officer's id is where a header should be
    _write_roster(add("headerless", ok=False), ROSTER, header=False)

    # ids in every column, and an extra column headed by an id
    roster = ROSTER.copy()
    every = roster.at[5, "officer_id"]
    roster.loc[5] = [every] * 6
    roster.loc[6, ["ring", "shift_start", "shift_end", "unit", "role"]] = OFFICERS[:5]
    roster[OFFICERS[5]] = roster["officer_id"]
    _write_roster(add("everywhere", ok=True, shown=[every, *OFFICERS[:3]]), roster)

    # ids with leading zeros swapped into the ring column, padding kept
    roster = ROSTER.copy()
    rows = roster.index[roster["officer_id"].isin(PADDED)][:4].tolist()
    zeros = roster.loc[rows, "officer_id"].tolist()
    roster.loc[rows, "ring"] = zeros
    _write_roster(add("zeros", ok=True, shown=zeros), roster)

    # Excel: ids typed as numbers (leading zeros lost), three swapped into the ring column
    roster = ROSTER.copy()
    roster["officer_id"] = roster["officer_id"].astype("int64")
    rows = [0, 2, 30]  # row 2 holds an id with leading zeros, 00080938
    assert any(ROSTER.loc[rows, "officer_id"].str.startswith("0"))
    numeric = roster.loc[rows, "officer_id"].tolist()
    roster["ring"] = roster["ring"].astype(object)
    roster.loc[rows, "ring"] = numeric
    roster.loc[rows, "officer_id"] = 2
    _write_workbook(add("workbook", ok=True, shown=[str(n) for n in numeric]), roster)

    # Excel without a header row: number cells where the headers should be
    roster = ROSTER.copy()
    roster["officer_id"] = roster["officer_id"].astype("int64")
    _write_workbook(add("workbook-headerless", ok=False), roster, header=False)
    return corpus


@contextlib.contextmanager
def _console():
    """Everything printed meanwhile, by Python or by a child process (a kernel), as text."""
    sys_out, sys_err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryFile() as fd_out, tempfile.TemporaryFile() as fd_err:
        saved = os.dup(1), os.dup(2)
        os.dup2(fd_out.fileno(), 1)
        os.dup2(fd_err.fileno(), 2)
        captured: dict[str, str] = {}
        try:
            with contextlib.redirect_stdout(sys_out), contextlib.redirect_stderr(sys_err):
                yield captured
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])
            fd_out.seek(0)
            fd_err.seek(0)
            captured["stdout"] = sys_out.getvalue() + fd_out.read().decode("utf-8", "replace")
            captured["stderr"] = sys_err.getvalue() + fd_err.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    corpus = _corpus(tmp_path_factory.mktemp("leak-events"))
    out = tmp_path_factory.mktemp("leak-reports")
    folders = [str(entry["folder"]) for entry in corpus.values()]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(KEY_ENV, KEY)
        patch.delenv(KEY_FILE_ENV, raising=False)
        shutdown_kernels()  # a kernel kept from an earlier test would not see the key
        try:
            with _console() as report_console:
                status = main(["report", *folders, "--out", str(out), "--workers", "1"])
            with _console() as validate_console:
                validate_status = main(["validate", *folders])
        finally:
            shutdown_kernels()
    return {
        "corpus": corpus,
        "out": out,
        "status": status,
        "validate_status": validate_status,
        "report_console": report_console,
        "validate_console": validate_console,
    }


def _leaks(text: str) -> list[str]:
    """Officer ids found in ``text``: as written (anywhere, even inside a longer number or
    token), and without their leading zeros (as a number of its own, as Excel would print).

    Every id is eight digits, so it can only occur inside a run of digits: the runs are found
    once and searched, which keeps a scan of 5 MB files fast.
    """
    runs = set(re.findall(r"\d{5,}", text))
    found = sorted({officer for officer in OFFICERS for run in runs if officer in run})
    numbers = set(re.findall(r"(?<![0-9A-Za-z+/])\d{5,}(?![0-9A-Za-z+/])", text))
    found += sorted(BARE & numbers)
    if KEY in text:
        found.append("the pseudonym key")
    return found


def _written_files(out: Path) -> list[Path]:
    return sorted(path for path in out.rglob("*") if path.is_file())


def test_the_corpus_runs_as_expected(scan):
    failed = [event_id for event_id, entry in scan["corpus"].items() if not entry["ok"]]
    assert failed == ["headerless", "workbook-headerless"]
    assert scan["status"] != 0
    assert scan["validate_status"] == 2  # unreadable rosters
    for event_id, entry in scan["corpus"].items():
        folder = scan["out"] / event_id
        assert (folder / "report.html").exists() and (folder / "report.ipynb").exists()
        assert (folder / "summary.json").exists() == entry["ok"]
        if entry["ok"]:
            quality = json.loads((folder / "summary.json").read_text("utf-8"))["data_quality"]
            staffing = quality["staffing"]
            assert staffing["quarantined"] > 0
            assert staffing["rows_read"] == len(ROSTER) == (
                staffing["accepted"] + staffing["quarantined"] + staffing["blank"]
                + staffing["duplicates"]
            )  # fmt: skip


def test_the_scan_would_see_an_id(scan):
    # the sample's ids occur nowhere in the constant parts of a report (plotly.js, labels),
    # so a hit below is a leak; and the scan recognises an id in the forms it can take
    assert _leaks(f"x {OFFICERS[0]} y") == [OFFICERS[0]]
    assert _leaks(f"ring {int(PADDED[0])}.0") == [PADDED[0].lstrip("0")]
    assert _leaks(f"NRP{PADDED[0]}") == [PADDED[0]]
    assert _leaks(f"<td>{KEY}</td>") == ["the pseudonym key"]


def _file_text(path: Path) -> str:
    """What a file shows: a workbook's cells (its members are compressed), else its bytes
    read as UTF-8."""
    if path.suffix == ".xlsx":
        return workbook_text(path)
    return path.read_bytes().decode("utf-8", "replace")


def test_the_scan_reads_workbook_cells(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active["C7"] = f"checked by {OFFICERS[1]}"
    workbook.save(tmp_path / "plan.xlsx")
    assert OFFICERS[1] not in (tmp_path / "plan.xlsx").read_bytes().decode("utf-8", "replace")
    assert _leaks(_file_text(tmp_path / "plan.xlsx")) == [OFFICERS[1]]


def test_no_output_file_holds_an_officer_id_or_the_key(scan):
    files = _written_files(scan["out"])
    names = {path.name for path in files}
    assert {"report.html", "report.ipynb", "summary.json", "index.html"} <= names
    assert "improvement_plan.xlsx" in names
    leaks = {}
    for path in files:
        found = _leaks(_file_text(path))
        if found:
            leaks[str(path.relative_to(scan["out"]))] = found
    assert leaks == {}


@pytest.mark.parametrize("command", ["report_console", "validate_console"])
def test_nothing_printed_holds_an_officer_id_or_the_key(scan, command):
    console = scan[command]
    assert console["stdout"]  # something was printed and captured
    assert _leaks(console["stdout"]) == []
    assert _leaks(console["stderr"]) == []


def test_quarantined_ids_are_shown_as_their_pseudonyms(scan):
    validate = scan["validate_console"]["stdout"]
    for event_id, entry in scan["corpus"].items():
        folder = scan["out"] / event_id
        page = (folder / "report.html").read_text("utf-8")
        notebook = (folder / "report.ipynb").read_text("utf-8")
        for officer in entry["shown"]:
            pseudonym = _pseudonym(officer)
            assert pseudonym in page, (event_id, officer)
            assert pseudonym in notebook, (event_id, officer)
            assert f" = '{pseudonym}': " in validate, (event_id, officer)


def test_rows_shown_as_written_still_are(scan):
    # the allow-list keeps what helps fix the file: the shifted-left row's ring column holds
    # a time and its shift_end the unit, both shown as written
    validate = scan["validate_console"]["stdout"]
    assert re.search(r"column 'ring' = '2024-03-0\d \d\d:00': unknown ring", validate)
    assert "column 'shift_end' = 'Sat " in validate


@pytest.mark.parametrize("event_id", ["headerless", "workbook-headerless"])
def test_a_roster_without_header_names_its_columns_hidden(scan, event_id):
    expected = (
        "columns found: <column 1: value hidden>, <column 2: value hidden>, "
        "<column 3: value hidden>, <column 4: value hidden>, "
    )
    page = (scan["out"] / event_id / "report.html").read_text("utf-8")
    index = (scan["out"] / "index.html").read_text("utf-8")
    notebook = (scan["out"] / event_id / "report.ipynb").read_text("utf-8")
    assert "FAILED" in page
    assert html.escape(expected) in page
    assert html.escape(expected) in index
    assert expected in notebook
    assert "add a header row (officer_id, ring, shift_start, shift_end)" in page
    assert expected in scan["report_console"]["stdout"]
    assert expected in scan["validate_console"]["stdout"]


def test_the_key_from_a_file_never_shows_either(tmp_path, monkeypatch, capfd):
    corpus = _corpus(tmp_path / "events")
    key_file = tmp_path / "pseudonym.key"
    key_file.write_text("file-key-Vb81Lm\n", encoding="utf-8")
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv(KEY_FILE_ENV, str(key_file))
    folder = corpus["swapped"]["folder"]
    assert main(["validate", str(folder)]) == 1
    out, err = capfd.readouterr()
    assert "file-key-Vb81Lm" not in out + err
    assert str(key_file) not in out + err
    assert _leaks(out + err) == []
    for officer in corpus["swapped"]["shown"]:
        assert _pseudonym(officer, key="file-key-Vb81Lm") in out


def test_an_unexpected_error_quoting_a_roster_cell_shows_no_id(tmp_path, capfd):
    # a notebook of the user's that fails with an officer's id in its message: the FAILED
    # page, the index, the executed notebook and the console hide every long number
    import nbformat

    cells = [
        nbformat.v4.new_code_cell('event_dir = ""\nlang = "en"\nsummary_path = ""'),
        nbformat.v4.new_code_cell(
            "import pandas as pd\n"
            'roster = pd.read_csv(f"{event_dir}/staffing.csv", dtype=str)\n'
            'raise LookupError(f"no shift for {roster.officer_id[0]} or {roster.officer_id[2]}")'
        ),
    ]
    cells[0].metadata["tags"] = ["parameters"]
    notebook = tmp_path / "failing.ipynb"
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernelspec}),
                   notebook)  # fmt: skip
    out = tmp_path / "reports"
    status = main(["report", str(SAMPLE), "--out", str(out), "--notebook", str(notebook),
                   "--workers", "1"])  # fmt: skip
    assert status != 0
    console = "".join(capfd.readouterr())
    # staffing.csv lines 2 and 4: a plain NRP and one with leading zeros
    assert ROSTER.at[0, "officer_id"] == "94102872" and ROSTER.at[2, "officer_id"] == "00080938"
    hidden = "no shift for <number hidden> or <number hidden>"
    assert hidden in console
    assert html.escape(hidden) in (out / "purwakarta-2024" / "report.html").read_text("utf-8")
    assert html.escape(hidden) in (out / "index.html").read_text("utf-8")
    assert hidden in (out / "purwakarta-2024" / "report.ipynb").read_text("utf-8")
    assert _leaks(console) == []
    assert {str(p): _leaks(p.read_text("utf-8")) for p in _written_files(out)} == {
        str(p): [] for p in _written_files(out)
    }
