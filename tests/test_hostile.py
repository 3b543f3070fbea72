"""The hostile corpus (``tests/data/hostile/``) through the ``sra-review`` CLI.

Every case is validated on its own (``sra-review validate``) and reported in a batch
(``sra-review report``): most cases in one shared batch; hostile ``event.yaml`` values in a
batch of their own beside a sound event (on a build that lets them escape, they would take the
shared batch down with them); the YAML alias bomb in a subprocess with a memory cap and a
timeout (on a build that expands it, it would exhaust the machine). Each case's expected
outcome is in ``tests/data/hostile/cases.yaml``; on top of it every case must keep its rows
accounted for, show no Python traceback, leak no officer id and run no script.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import signal
import subprocess
import sys
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from _workbooks import not_inert, workbook_text
from hostile_cases import (
    CORPUS,
    LONG_END,
    LONG_START,
    SECRET,
    Case,
    load_cases,
    materialise,
    officer_ids,
    output_texts,
)

from sra_analysis import evaluate, load_event
from sra_analysis.cli import main
from sra_analysis.errors import SRAError
from sra_analysis.reports.pages.improvement_plan import write_improvement_plan

CASES = load_cases()
TRACEBACK = "Traceback (most recent call last)"
#: validate's exit status for each outcome (``failed_page`` says nothing about validate).
VALIDATE_STATUS = {"accepted": 0, "normalised": 0, "quarantined": 1, "error": 2}
#: The script payloads of the script-payloads case; each must show as text and run nothing.
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=window.__pwned=1>',
    "[x](javascript:window.__pwned=1)",
    "=cmd|' /C calc'!A0",
)
MAX_PAGE_BYTES = 8 * 1024 * 1024
#: Guards for the alias bomb's subprocess: a build that expands the bomb is stopped here
#: instead of exhausting the machine (these bound the run; they are not timing assertions).
BOMB_MEMORY_BYTES = 3 << 30
BOMB_VALIDATE_SECONDS = 30
BOMB_REPORT_SECONDS = 300
#: The bundled Purwakarta sample's event name and one of its incidents' words: a hostile case
#: named purwakarta-2024 must never show them.
BUNDLED_MARKERS = ("Rapat Pleno Terbuka", "Jl. Veteran")


# ------------------------------------------------------------------------------ running


@dataclass(frozen=True)
class Console:
    """What one command printed, and its exit status (or what stopped it)."""

    status: int | str
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(argv: list[str]) -> Console:
    """``sra-review argv`` in-process with stdout and stderr captured. An exception that
    escapes ``main`` is what a user would see as a traceback, so it is recorded as one."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exit_:
            status = exit_.code
        except Exception as error:  # noqa: BLE001 - the test reports it as the user sees it
            traceback.print_exc(file=err)
            status = f"raised {type(error).__name__}"
    return Console(status, out.getvalue(), err.getvalue())


_CAPPED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from sra_analysis.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_cli_capped(argv: list[str], *, seconds: float, memory: int) -> Console:
    """``sra-review argv`` in a subprocess limited to ``memory`` bytes of address space and
    stopped (with every process it started) after ``seconds``."""
    process = subprocess.Popen(
        [sys.executable, "-c", _CAPPED.format(limit=memory), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=seconds)
        status: int | str = process.returncode
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        status = f"stopped after {seconds} s"
    return Console(status, out, err)


@dataclass(frozen=True)
class Batch:
    """One ``sra-review report`` run: its console, output folder and event folders."""

    name: str
    console: Console
    out: Path
    folders: tuple[Path, ...]


@dataclass(frozen=True)
class CaseRun:
    """A case's folder, its validate console and the batch that reported it."""

    case: Case
    folder: Path
    validate: Console
    batch: Batch

    @property
    def report_dir(self) -> Path | None:
        """The case's output folder: named by its id, or by its folder when the id could
        not be read."""
        for name in (self.case.event_id, self.case.folder):
            try:
                if (self.batch.out / name).is_dir():
                    return self.batch.out / name
            except OSError:  # a name no file system takes (too long): no folder of that name
                continue
        return None

    @property
    def summary(self) -> dict | None:
        path = self.report_dir and self.report_dir / "summary.json"
        return json.loads(path.read_text("utf-8")) if path and path.exists() else None

    @property
    def report_page(self) -> str | None:
        path = self.report_dir and self.report_dir / "report.html"
        return path.read_text("utf-8", errors="replace") if path and path.exists() else None

    @property
    def failed_page(self) -> bool:
        page = self.report_page
        return self.summary is None and page is not None and "FAILED" in page

    def texts(self) -> list[tuple[str, str]]:
        """Everything a user of this case gets to see: both consoles, the case's output
        files and the batch-level files (index, roll-up), but not other events' folders."""
        texts = [
            ("validate console", self.validate.text),
            ("report console", self.batch.console.text),
        ]
        if self.report_dir is not None:
            texts += list(output_texts(self.report_dir))
        return texts + list(output_texts(self.batch.out, recursive=False))


def _report(name: str, folders: list[Path], out: Path, *, capped: bool = False) -> Batch:
    argv = ["report", *map(str, folders), "--out", str(out), "--workers", "2"]
    if capped:
        console = run_cli_capped(argv, seconds=BOMB_REPORT_SECONDS, memory=BOMB_MEMORY_BYTES)
    else:
        console = run_cli(argv)
    return Batch(name, console, out, tuple(folders))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, CaseRun]:
    """Every case materialised, validated and reported (see the module docstring)."""
    root = tmp_path_factory.mktemp("hostile")
    folders = {name: materialise(case, root / "events") for name, case in CASES.items()}
    validated = {}
    for name, case in CASES.items():
        argv = ["validate", str(folders[name])]
        if case.batch == "bomb":
            validated[name] = run_cli_capped(
                argv, seconds=BOMB_VALIDATE_SECONDS, memory=BOMB_MEMORY_BYTES
            )
        else:
            validated[name] = run_cli(argv)
    companion = folders["clean"]  # a sound event that must complete beside a broken one
    groups: dict[str, list[str]] = {}
    for name, case in CASES.items():
        groups.setdefault(f"alone-{name}" if case.batch == "alone" else case.batch, []).append(name)
    batch_of: dict[str, Batch] = {}
    for batch, names in groups.items():
        members = [folders[name] for name in names]
        if batch in ("config", "bomb"):
            members.append(companion)
        report = _report(batch, members, root / "out" / batch, capped=batch == "bomb")
        batch_of.update(dict.fromkeys(names, report))
    return {
        name: CaseRun(case, folders[name], validated[name], batch_of[name])
        for name, case in CASES.items()
    }


def _cases(*, outcome: str | None = None, expect: str | None = None) -> list:
    return [
        pytest.param(name, id=name)
        for name, case in CASES.items()
        if (outcome is None or outcome in case.outcomes)
        and (expect is None or expect in case.expect)
    ]


def _observed(run: CaseRun) -> str:
    """The outcome validate reports, among the case's allowed ones."""
    by_status = {0: ("accepted", "normalised"), 1: ("quarantined",), 2: ("error",)}
    matching = [o for o in by_status.get(run.validate.status, ()) if o in run.case.outcomes]
    assert matching, (
        f"validate exited {run.validate.status!r}; expected the outcome {run.case.outcomes}\n"
        f"{run.validate.text[-3000:]}"
    )
    return matching[0]


# ------------------------------------------------------------------------- the corpus


def test_every_case_is_in_the_readme_and_every_folder_in_a_case():
    readme = (CORPUS / "README.md").read_text("utf-8")
    assert [name for name in CASES if f"| `{name}` |" not in readme] == []
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    assert folders == {case.source for case in CASES.values()}


def test_generated_cases_are_what_they_claim(tmp_path):
    # the awkward bytes are written at test time; check they are there before trusting a pass
    def made(name: str) -> Path:
        return materialise(CASES[name], tmp_path)

    assert (made("symlink-outside") / "risk_register.csv").is_symlink()
    mixed = (made("mixed-encoding") / "incidents.csv").read_bytes()
    assert "kafé".encode() in mixed and "kafé".encode("cp1252") in mixed
    assert b"H-0\x0004" in (made("nul-in-id") / "incidents.csv").read_bytes()
    with zipfile.ZipFile(made("xlsx-entity-bomb") / "risk_register.xlsx") as workbook:
        sheet = workbook.read("xl/worksheets/sheet1.xml")
    assert b'<!ENTITY lol9 "&lol8;' in sheet and b"<t>&lol9;</t>" in sheet
    utf16 = (made("utf16-tab") / "incidents.csv").read_bytes()
    assert utf16.startswith(b"\xff\xfe") and "incident_id\treported_at".encode("utf-16-le") in utf16
    for name in ("description-200kb", "description-2mb", "description-10mb"):
        size = (made(name) / "incidents.csv").stat().st_size - (
            CORPUS / "clean" / "incidents.csv"
        ).stat().st_size
        assert CASES[name].size * 0.99 < size < CASES[name].size * 1.01, name


# ------------------------------------------------------------------- every case: outcome


@pytest.mark.parametrize("name", _cases())
def test_validate_exit_status_says_the_outcome(corpus, name):
    run = corpus[name]
    allowed = {VALIDATE_STATUS[o] for o in run.case.outcomes if o in VALIDATE_STATUS}
    assert run.validate.status in allowed, run.validate.text[-3000:]


@pytest.mark.parametrize("name", _cases())
def test_report_agrees_with_validate(corpus, name):
    run = corpus[name]
    outcome = _observed(run)
    if outcome == "error":
        if run.case.batch == "alone" and run.report_dir is None:
            # a lone event that cannot be read may be refused before any report is written
            assert run.batch.console.status not in (0, None), run.batch.console.text
            assert run.case.file in run.batch.console.text
        else:
            assert run.failed_page, f"no FAILED page for {name}: {run.batch.console.text}"
    else:
        assert run.summary is not None, f"{name}: report not written\n{run.batch.console.text}"


@pytest.mark.parametrize("name", _cases(outcome="error"))
def test_an_unreadable_event_is_named_by_file_and_key(corpus, name):
    run = corpus[name]
    if _observed(run) != "error":
        return  # the case accepts another outcome, checked by its own tests
    message = run.validate.text
    assert run.case.file in message, message
    if run.case.key:
        assert run.case.key in message, message
    if run.case.message:
        assert re.search(run.case.message, message, re.I), message
    if run.failed_page:
        assert run.case.file in run.report_page


@pytest.mark.parametrize("name", _cases(outcome="quarantined"))
def test_quarantined_rows_are_listed_with_file_row_column_and_reason(corpus, name):
    run = corpus[name]
    if _observed(run) != "quarantined":
        return  # the case accepts another outcome, checked by its own tests
    lines = run.validate.out.splitlines()
    for issue in run.case.issues:
        rows = issue["row"] if isinstance(issue["row"], list) else [issue["row"]]
        listed = [
            line
            for line in lines
            if issue["file"] in line
            and any(re.search(rf"\brow {row}\b", line) for row in rows)
            and issue["column"] in line
            and re.search(issue["reason"], line, re.I)
        ]
        assert listed, f"no line lists {issue}:\n{run.validate.out}"


# ------------------------------------------------------------- every case: the invariants


@pytest.mark.parametrize("name", _cases())
def test_rows_read_are_all_accounted_for(corpus, name):
    run = corpus[name]
    if run.summary is not None:
        quality = run.summary["data_quality"]
        counts = [quality[kind] for kind in ("incidents", "staffing", "risk_register")]
    elif run.case.batch == "bomb":
        assert run.validate.status == 2, "the event must be refused, not loaded"
        return
    else:
        try:
            event = load_event(run.folder)
        except SRAError:
            return  # refused as a whole, with the project's own error: no rows to count
        counts = [quality.to_dict() for quality in event.quality.values()]
    for count in counts:
        accounted = count["accepted"] + count["quarantined"] + count["blank"]
        assert count["rows_read"] == accounted + count["duplicates"], count
        assert count["rows_read"] > 0, count


@pytest.mark.parametrize("name", _cases())
def test_no_traceback_in_any_output(corpus, name):
    run = corpus[name]
    texts = [("validate console", run.validate.text)]
    if run.report_dir is not None:
        texts += list(output_texts(run.report_dir))
    shown = [where for where, text in texts if TRACEBACK in text]
    assert shown == []


@pytest.mark.parametrize("batch", ["shared", "config", "bomb", "alone-no-event-yaml"])
def test_no_traceback_in_a_batch_console_or_index(corpus, batch):
    run = next(r for r in corpus.values() if r.batch.name == batch)
    texts = [("report console", run.batch.console.text)]
    texts += list(output_texts(run.batch.out, recursive=False))
    assert [where for where, text in texts if TRACEBACK in text] == []


@pytest.mark.parametrize("name", _cases())
def test_no_raw_officer_id_in_any_output(corpus, name):
    run = corpus[name]
    ids = officer_ids(run.folder)
    assert len(ids) >= 12, "every case has a staffing file of 12 officers"
    patterns = [re.compile(rf"(?<![0-9A-Za-z]){re.escape(i)}(?![0-9A-Za-z])") for i in ids]
    leaks = [
        (where, pattern.pattern)
        for where, text in run.texts()
        for pattern in patterns
        if pattern.search(text)
    ]
    assert leaks == []


# ---------------------------------------------------------------------- whole batches


def test_the_shared_batch_exit_status_counts_its_failed_reports(corpus):
    shared = [r for r in corpus.values() if r.batch.name == "shared"]
    failed = sum(r.failed_page for r in shared)
    assert shared[0].batch.console.status == failed, shared[0].batch.console.text[-3000:]


@pytest.mark.parametrize("batch", ["config", "bomb"])
def test_a_hostile_event_yaml_fails_its_own_report_and_the_batch_goes_on(corpus, batch):
    runs = [r for r in corpus.values() if r.batch.name == batch]
    console = runs[0].batch.console
    assert console.status == len(runs), console.text[-3000:]
    assert (runs[0].batch.out / "hostile-clean" / "summary.json").exists(), console.text[-3000:]
    for run in runs:
        assert run.failed_page, f"{run.case}: no FAILED page\n{console.text[-3000:]}"


def test_a_symlink_out_of_the_folder_leaks_nothing_it_points_at(corpus):
    run = corpus["symlink-outside"]
    consoles = {f"{r.case} validate": r.validate.text for r in corpus.values()}
    consoles |= {f"{r.batch.name} report": r.batch.console.text for r in corpus.values()}
    outputs = output_texts(run.batch.out.parent)  # every batch's output folder
    assert [where for where, text in [*consoles.items(), *outputs] if SECRET in text] == []


# ------------------------------------------------------------------- case expectations


def test_event_yml_shows_its_own_data_or_is_refused_everywhere(corpus):
    run = corpus["event-yml"]
    own = run.case.expect["own_data"]
    if _observed(run) == "error":
        assert run.failed_page
        return
    summary = run.summary
    assert summary["event"]["id"] == run.case.event_id
    assert summary["event"]["name"] == own["name"]
    assert summary["totals"]["incidents"] == own["incidents"]
    page = run.report_page
    assert own["name"] in page
    assert not any(marker in page for marker in BUNDLED_MARKERS)


def test_a_folder_without_event_yaml_never_shows_the_bundled_sample(corpus):
    run = corpus["no-event-yaml"]
    assert list(run.batch.out.rglob("summary.json")) == []
    shown = [
        where
        for where, text in [*output_texts(run.batch.out), ("console", run.batch.console.text)]
        if any(marker in text for marker in BUNDLED_MARKERS)
    ]
    assert shown == []


@pytest.mark.parametrize("name", _cases(expect="verdict_grade"))
def test_verdict_grade_and_reason(corpus, name):
    run = corpus[name]
    verdict = run.summary["verdict"]
    assert verdict["grade"] == run.case.expect["verdict_grade"]
    if "verdict_reason" in run.case.expect:
        assert verdict["reason"] == run.case.expect["verdict_reason"]


def test_mixed_encodings_never_become_mojibake(corpus):
    run = corpus["mixed-encoding"]
    # "é" as UTF-8 (C3 A9) read as cp1252 shows as "Ã©"; the case's data has no "Ã" of its own
    assert [where for where, text in run.texts() if "Ã" in text] == []
    try:
        event = load_event(run.folder)
    except SRAError:
        return
    assert not event.incidents["description"].astype(str).str.contains("Ã").any()


def test_no_bidirectional_control_reaches_an_output(corpus):
    from sra_analysis.safe_text import BIDI_CONTROLS

    run = corpus["bidi-override"]
    escaped = [f"\\u{ord(c):04x}" for c in BIDI_CONTROLS - {"\u2068", "\u2069"}]
    found = [
        where
        for where, text in run.texts()
        if any(c in text for c in BIDI_CONTROLS - {"\u2068", "\u2069"})
        or any(e in text.lower() for e in escaped)
    ]
    assert found == []
    event = load_event(run.folder)
    assert event.meta.name == "\u2068Pleno gnp.exe uji\u2069"
    assert event.incidents["description"].iloc[0] == (
        "\u2068Antrean kendaraan logistik di depan gerbang.\u2069"
    )


def test_nul_bytes_never_reach_an_id(corpus):
    run = corpus["nul-in-id"]
    try:
        event = load_event(run.folder)
    except SRAError:
        return
    assert not event.incidents["incident_id"].str.contains("\x00").any()
    assert "H-0\x0004" not in json.dumps(run.summary or {})


def test_utf16_tab_separated_reads_like_its_utf8_twin(corpus):
    twin = CASES[corpus["utf16-tab"].case.expect["same_incidents_as"]]
    read = load_event(corpus["utf16-tab"].folder)
    expected = load_event(corpus[twin.name].folder)
    pd.testing.assert_frame_equal(read.incidents, expected.incidents)


def test_ring_ids_written_as_numbers_are_read_as_the_ring(corpus):
    run = corpus["ring-one-point-zero"]
    incidents = load_event(run.folder).incidents.set_index("incident_id")
    for incident, ring in run.case.expect["ring_of"].items():
        assert incident in incidents.index, f"{incident} was not accepted"
        assert incidents.loc[incident, "ring"] == ring


@pytest.mark.parametrize("name", _cases(expect="description_truncated"))
def test_a_long_description_is_shown_truncated(corpus, name):
    run = corpus[name]
    page = run.report_page or ""
    assert LONG_END not in page
    accepted = run.summary is not None and run.validate.status == 0
    if accepted:
        assert LONG_START in page


def test_a_cell_beyond_the_limit_names_the_limit(corpus):
    run = corpus["description-2mb"]
    size = r"\d[\d,. ]*\s*(bytes|characters|chars|[KM]i?B)\b"
    message = run.validate.text.replace(str(run.folder), "<event folder>")  # its name has "2mb"
    assert re.search(size, message, re.I), message[-3000:]


def test_a_10mb_description_leaves_the_report_small(corpus):
    run = corpus["description-10mb"]
    assert run.report_dir is not None
    for file in ("report.html", "report.ipynb"):
        path = run.report_dir / file
        if path.exists():
            assert path.stat().st_size < MAX_PAGE_BYTES, file


# ----------------------------------------------------------------------------- browser


#: The texts of the workbook-text case as each workbook must show them: the formula starts
#: kept (as inert text), the bidirectional controls gone.
WORKBOOK_TEXTS = {
    "event name": '=HYPERLINK("http://example.invalid","Pleno")',
    "venue": "+62 Kantor KPU UPK Kabupaten Contoh",
    "ring 1": "-Outside the fence",
    "ring 2": "@Inside the building",
    "ring 3": "Plenary moor",
}


def test_every_workbook_holds_hostile_text_as_inert_text(tmp_path, capsys):
    folder = materialise(CASES["workbook-text"], tmp_path / "events")
    out = tmp_path / "template"
    assert main(["template", str(out), "--event", str(folder), "--xlsform"]) == 0
    capsys.readouterr()
    review = evaluate(load_event(folder), n_resamples=0)
    plan = write_improvement_plan(review, tmp_path / "improvement_plan.xlsx")
    workbooks = [*sorted(out.glob("*.xlsx")), plan]
    assert [p.name for p in workbooks] == [
        "incident_form.xlsx", "incidents.xlsx", "risk_register.xlsx", "staffing.xlsx",
        "staffing_plan.xlsx", "improvement_plan.xlsx",
    ]  # fmt: skip
    assert {path.name: not_inert(path) for path in workbooks} == dict.fromkeys(
        (path.name for path in workbooks), []
    )
    for form in ("incidents.xlsx", "incident_form.xlsx"):  # the rings' drop-down, the choices
        shown = workbook_text(out / form)
        assert [k for k in ("ring 1", "ring 2", "ring 3") if WORKBOOK_TEXTS[k] not in shown] == []
    assert WORKBOOK_TEXTS["event name"] in workbook_text(out / "incident_form.xlsx")
    # a ring picked from the drop-down (shown without its bidi controls) is still its ring
    book = openpyxl.load_workbook(out / "incidents.xlsx")
    picks = [row[0].value for row in book["lists"].iter_rows(max_col=1) if row[0].value]
    for minute, ring in enumerate(picks):
        book.worksheets[0].append([f"W-{minute}", dt.datetime(2024, 3, 1, 9, minute), ring, "x", 2])
    book.save(out / "incidents.xlsx")
    event = load_event(out)
    assert (event.rows_quarantined, event.incidents["ring"].astype(str).tolist()) == (
        0, ["1", "2", "3"],
    )  # fmt: skip
    shown = workbook_text(plan)
    assert WORKBOOK_TEXTS["event name"] in shown and WORKBOOK_TEXTS["venue"] in shown


@pytest.mark.parametrize("name", _cases(expect="workbooks_inert"))
def test_the_reports_improvement_plan_holds_hostile_text_as_inert_text(corpus, name):
    plan = corpus[name].report_dir / "improvement_plan.xlsx"
    assert not_inert(plan) == []
    assert WORKBOOK_TEXTS["event name"] in workbook_text(plan)


def _open(browser, html: Path) -> tuple[str, object]:
    """Open ``html`` offline; return its visible text and ``window.__pwned``."""
    context = browser.new_context()
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file://")
        else route.abort(),
    )  # fmt: skip
    page.goto(html.resolve().as_uri(), wait_until="load")
    with contextlib.suppress(Exception):  # a page without charts has nothing to wait for
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".every(p => p.querySelector('.main-svg'))",
            timeout=30_000,
        )
    page.wait_for_timeout(500)
    text = page.inner_text("body")
    pwned = page.evaluate("window.__pwned === undefined ? null : window.__pwned")
    context.close()
    return text, pwned


@pytest.mark.parametrize("name", _cases())
def test_report_page_runs_no_script_and_shows_no_markup(corpus, browser, name):
    run = corpus[name]
    if run.report_page is None:
        return  # refused before any page was written (checked by the outcome tests)
    text, pwned = _open(browser, run.report_dir / "report.html")
    assert pwned is None
    assert "<br>" not in text


@pytest.mark.parametrize("batch", ["shared", "config", "bomb"])
def test_index_page_runs_no_script(corpus, browser, batch):
    run = next(r for r in corpus.values() if r.batch.name == batch)
    index = run.batch.out / "index.html"
    assert index.exists(), run.batch.console.text[-3000:]
    _, pwned = _open(browser, index)
    assert pwned is None


def test_payloads_show_as_text(corpus, browser):
    run = corpus["script-payloads"]
    text, pwned = _open(browser, run.report_dir / "report.html")
    assert pwned is None
    missing = [payload for payload in PAYLOADS if payload not in text]
    assert missing == []
    assert "Pleno <script>window.__pwned=1</script>" in text  # the event name
    page = run.report_page
    assert PAYLOADS[0] not in page and PAYLOADS[1] not in page
    assert 'href="javascript:' not in page.lower()


def test_a_quiet_event_shows_no_nan_none_or_markup(corpus, browser):
    run = corpus["no-disruption"]
    text, _ = _open(browser, run.report_dir / "report.html")
    shown = [p for p in (r"\bnan\b", r"\bNaN\b", r"\bNaT\b", r"<br>") if re.search(p, text)]
    # "None." is English in a sentence; a value shown as None is a cell of its own
    cells = {cell.strip() for line in text.splitlines() for cell in line.split("\t")}
    shown += sorted(cells & {"None", "nan", "NaN", "NaT", "<NA>"})
    assert shown == []
