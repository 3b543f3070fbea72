"""``report.pdf``: real reports printed by headless Chromium, read back with pypdf.

One batch (run once per module) prints two sample events with ``pdf=True``: the Purwakarta
event and Kota Sukabumi, on two threads, so their reports load the shared
``OUT/plotly.min.js`` from disk as they print. The paper size, the section breaks, the
charts and the table rows are checked in the PDF itself; the error paths with a Chromium
that is missing or does not start, and a PDF that cannot be written.
"""

from __future__ import annotations

import asyncio
import html as html_lib
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest
from _browser import CHROMIUM

from sra_analysis.cli import ExitCode, main
from sra_analysis.errors import PrinterError
from sra_analysis.labels import t
from sra_analysis.reports.pdf import (
    CHROMIUM_ENV,
    PDF_NAME,
    ReportPrinter,
    check_printer,
    find_chromium,
)
from sra_analysis.reports.report_html import export_html
from sra_analysis.resources import sample_dir

pypdf = pytest.importorskip("pypdf")

#: ISO 216: A4 is 210 × 297 mm = 595.28 × 841.89 pt (1 pt = 25.4 / 72 mm).
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)
FAST = {"n_resamples": 0}
EVENTS = ("purwakarta-2024", "kota-sukabumi-2024")
#: The review notebook's top-level sections (a level-2 heading opening an output), in order:
#: the after-action report's (issue 17); the areas for improvement follow the strengths in
#: their output.
SECTION_KEYS = (
    "section.overview",
    "aar.section.chronology",
    "aar.section.strengths",
    "section.plan",
    "section.annex",
    "section.glossary",
    "section.appendix",
)


@pytest.fixture(autouse=True)
def _debian_chromium(monkeypatch):
    """The tests print with Debian's Chromium, whatever the environment says."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian chromium not found at {CHROMIUM}; .ci/run installs it")
    monkeypatch.setenv(CHROMIUM_ENV, CHROMIUM)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from sra_analysis import run_reports

    out = tmp_path_factory.mktemp("printed")
    folders = [sample_dir() / name for name in EVENTS]
    batch = run_reports(folders, out, pdf=True, workers=2, parameters=FAST, progress=False)
    return batch, out


def _plain(text: str) -> str:
    """Text as compared: ligatures (ﬃ) unfolded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pages(pdf: Path) -> list[str]:
    return [_plain(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]


def _body_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines, without the page footer (``<title> · n / N``)."""
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        lines = [_plain(line) for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line and not re.search(r"· \d+ / \d+$", line)])
    return pages


def _section_headings(report_html: Path) -> list[str]:
    page = report_html.read_text(encoding="utf-8")
    found = re.findall(r'<div class="sra-report"><h2(?: id="[^"]*")?>(.*?)</h2>', page)
    return [_plain(html_lib.unescape(heading)) for heading in found]


# -------------------------------------------------------------------------- the batch


def test_every_report_is_written_and_printed(printed):
    batch, out = printed
    assert [r.event_id for r in batch.results] == list(EVENTS)
    assert all(r.ok and r.pdf_error is None for r in batch.results)
    assert batch.failures == () and batch.pdf_failures == ()
    for event_id in EVENTS:
        assert (out / event_id / PDF_NAME).read_bytes()[:5] == b"%PDF-"
    assert not [p.name for p in out.rglob("*") if ".tmp" in p.name or p.name[0] == "."]


@pytest.mark.parametrize("event_id", EVENTS)
def test_no_pdf_carries_a_path_of_the_machine_that_printed_it(printed, event_id):
    # A link to improvement_plan.xlsx used to become a file:///<out>/... link annotation.
    _, out = printed
    raw = (out / event_id / PDF_NAME).read_bytes()
    assert b"file:" not in raw
    assert str(out).encode() not in raw
    for page in pypdf.PdfReader(out / event_id / PDF_NAME).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            assert "/URI" not in action or not str(action["/URI"]).startswith("file:")


@pytest.mark.parametrize("event_id", EVENTS)
def test_every_page_is_a4(printed, event_id):
    _, out = printed
    for page in pypdf.PdfReader(out / event_id / PDF_NAME).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(A4_POINTS[0], abs=1)
        assert height == pytest.approx(A4_POINTS[1], abs=1)


@pytest.mark.parametrize("event_id", EVENTS)
def test_each_section_starts_a_new_page(printed, event_id):
    _, out = printed
    headings = _section_headings(out / event_id / "report.html")
    # the headings read from the page are the notebook's sections, in order
    assert headings == [t(key, "en") for key in SECTION_KEYS]
    pages = _body_lines(out / event_id / PDF_NAME)
    assert len(pages) >= len(headings) + 1  # the overview, then one page or more per section
    starts = {}
    for heading in headings:
        at_top = [n for n, lines in enumerate(pages) if lines and lines[0] == heading]
        assert len(at_top) == 1, (heading, [lines[:1] for lines in pages])
        starts[heading] = at_top[0]
    assert list(starts.values()) == sorted(starts.values())  # in the order of the report
    assert min(starts.values()) >= 1  # the overview has the first page to itself


def _figures(notebook: Path) -> list[dict]:
    cells = nbformat.read(notebook, as_version=4).cells
    return [
        output["data"]["application/vnd.plotly.v1+json"]
        for cell in cells
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    ]


def _title(figure: dict) -> str:
    title = figure["layout"].get("title") or {}
    text = title.get("text", "") if isinstance(title, dict) else title
    return _plain(re.sub(r"<[^>]+>", " ", text.split("<br>")[0]))


@pytest.mark.parametrize("event_id", EVENTS)
def test_every_chart_is_drawn_whole_on_one_page(printed, event_id):
    # A chart's title and axis titles are text only once Plotly has drawn its SVG (the page
    # holds them inside a script, which is not printed)
    _, out = printed
    figures = _figures(out / event_id / "report.ipynb")
    assert len(figures) >= 7
    pages = _pages(out / event_id / PDF_NAME)
    for figure in figures:
        title = _title(figure)
        on = [n for n, text in enumerate(pages) if title in text]
        assert on, f"chart {title!r} not drawn"
        axes = [
            _plain(axis["title"]["text"])
            for name, axis in figure["layout"].items()
            if re.fullmatch(r"[xy]axis\d*", name) and (axis.get("title") or {}).get("text")
        ]
        # the whole chart on the page its title is on
        assert all(axis in pages[on[0]] for axis in axes), (title, axes)


def test_the_report_html_is_unchanged_on_screen_and_carries_the_print_rules(printed):
    _, out = printed
    page = (out / "purwakarta-2024" / "report.html").read_text(encoding="utf-8")
    rules = page[page.index("@media print") :]
    assert "@page { size: A4;" in page
    for rule in (
        ".jp-Cell:has(.sra-report > h2) { break-before: page; }",
        ".sra-report thead { display: table-header-group; }",
        ".sra-report tr, .sra-report th, .sra-report td { break-inside: avoid; }",
        ".modebar-container, .modebar",
    ):
        assert rule in rules, rule


def test_a_shared_asset_report_draws_its_charts_from_plotly_min_js(printed):
    _, out = printed  # two events: the reports load ../plotly.min.js
    page = (out / "kota-sukabumi-2024" / "report.html").read_text(encoding="utf-8")
    assert '<script src="../plotly.min.js">' in page
    assert (out / "plotly.min.js").exists()
    pages = _pages(out / "kota-sukabumi-2024" / PDF_NAME)
    assert _title(_figures(out / "kota-sukabumi-2024" / "report.ipynb")[0]) in " ".join(pages)


# ------------------------------------------------------------------- long tables


def _long_table_page(tmp_path: Path, rows: int) -> Path:
    """A report page holding one table of ``rows`` rows, each three lines high."""
    body = "".join(
        f"<tr><td>row {n:03d}</td><td>first line of row {n:03d}<br>middle of row {n:03d}"
        f"<br>last line of row {n:03d}</td><td class='num'>{n}</td></tr>"
        for n in range(1, rows + 1)
    )
    table = (
        '<div class="sra-report"><table><thead><tr><th>Row</th><th>Three lines</th>'
        f"<th class='num'>Number</th></tr></thead><tbody>{body}</tbody></table></div>"
    )
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("show(table)")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": table})]
    notebook.cells = [cell]
    path = tmp_path / "long" / "report.html"
    path.parent.mkdir()
    path.write_text(export_html(notebook, title="long table"), encoding="utf-8")
    return path


def test_a_long_table_is_cut_between_rows_with_its_header_on_every_page(tmp_path):
    rows = 120  # 360 lines: four pages or so
    html = _long_table_page(tmp_path, rows)
    with ReportPrinter() as printer:
        pdf = printer.print_report(html)
    pages = _body_lines(pdf)
    assert len(pages) >= 3
    for n in range(1, rows + 1):
        lines = [
            f"first line of row {n:03d}",
            f"middle of row {n:03d}",
            f"last line of row {n:03d}",
        ]
        holding = {i for i, page in enumerate(pages) for text in page for line in lines
                   if line in text}  # fmt: skip
        assert len(holding) == 1, f"row {n} is cut across pages {sorted(holding)}"
    for page in pages:  # the header row is repeated at the top of every page
        assert page[0] == "Row Three lines Number", page[:2]


# ----------------------------------------------------------- printing that fails


def test_a_report_whose_pdf_cannot_be_written_stays_ok_and_says_why(tmp_path, capsys):
    event = shutil.copytree(sample_dir() / "kota-sukabumi-2024", tmp_path / "kota-sukabumi-2024")
    out = tmp_path / "out"
    (out / "kota-sukabumi-2024" / PDF_NAME).mkdir(parents=True)  # a folder where the PDF goes
    status = main(["report", str(event), "--out", str(out), "--pdf", "--workers", "1"])
    captured = capsys.readouterr()
    assert status == 1  # one report written without its PDF
    assert re.search(r"^ok\s+kota-sukabumi-2024", captured.out, flags=re.M)
    assert re.search(r"^\s+report\.pdf not written: IsADirectoryError", captured.out, flags=re.M)
    assert "1 of 1 reports written" in captured.out
    assert "1 report(s) written without report.pdf" in captured.err
    assert (out / "kota-sukabumi-2024" / "report.html").stat().st_size > 100_000
    assert (out / "kota-sukabumi-2024" / "summary.json").exists()


def test_a_page_without_plotly_js_is_not_printed_and_says_so_at_once(printed, tmp_path):
    _, out = printed
    alone = tmp_path / "copied-away"  # a shared-asset report copied away from plotly.min.js
    alone.mkdir()
    shutil.copy(out / "kota-sukabumi-2024" / "report.html", alone / "report.html")
    charts = len(_figures(out / "kota-sukabumi-2024" / "report.ipynb"))
    with ReportPrinter() as printer:
        with pytest.raises(PrinterError, match=rf"0 of {charts} charts drawn, plotly.js did not"):
            printer.print_report(alone / "report.html")
    assert not (alone / PDF_NAME).exists()


def test_a_rerun_without_pdf_removes_the_earlier_pdf(tmp_path):
    from sra_analysis import run_reports

    event = sample_dir() / "kota-sukabumi-2024"
    out = tmp_path / "out"
    (out / "kota-sukabumi-2024").mkdir(parents=True)
    earlier = out / "kota-sukabumi-2024" / PDF_NAME
    earlier.write_bytes(b"%PDF-1.4 an earlier run's report")
    batch = run_reports([event], out, workers=1, parameters=FAST, progress=False)
    assert batch.results[0].ok
    assert not earlier.exists()


def test_a_report_that_fails_is_not_printed_and_loses_its_earlier_pdf(tmp_path):
    from sra_analysis import run_reports

    event = shutil.copytree(sample_dir() / "kota-sukabumi-2024", tmp_path / "kota-sukabumi-2024")
    for incidents in event.glob("incidents.*"):
        incidents.unlink()  # the report fails: no incident log
    out = tmp_path / "out"
    (out / "kota-sukabumi-2024").mkdir(parents=True)
    earlier = out / "kota-sukabumi-2024" / PDF_NAME
    earlier.write_bytes(b"%PDF-1.4 an earlier run's report")
    batch = run_reports([event], out, pdf=True, workers=1, parameters=FAST, progress=False)
    result = batch.results[0]
    assert result.status == "failed" and result.pdf_error is None
    assert batch.pdf_failures == ()
    assert not earlier.exists()
    assert "FAILED" in (out / "kota-sukabumi-2024" / "report.html").read_text(encoding="utf-8")


# -------------------------------------------------------- no printer on this machine


def test_a_missing_chromium_stops_the_command_before_any_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-such-chromium"))
    out = tmp_path / "out"
    event = sample_dir() / "kota-sukabumi-2024"
    status = main(["report", str(event), "--out", str(out), "--pdf"])
    captured = capsys.readouterr()
    assert status == ExitCode.CANNOT_PRINT == 78
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot print report.pdf:")
    assert f"{CHROMIUM_ENV} is set to '{tmp_path / 'no-such-chromium'}'" in lines[0]
    assert not out.exists()  # nothing ran, nothing was written


def test_run_reports_refuses_before_anything_is_written(tmp_path, monkeypatch):
    from sra_analysis import run_reports

    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "no-such-chromium"))
    out = tmp_path / "out"
    with pytest.raises(PrinterError, match="not an executable file"):
        run_reports([sample_dir() / "kota-sukabumi-2024"], out, pdf=True, progress=False)
    assert not out.exists()


def test_a_chromium_that_does_not_start_stops_the_batch_before_any_report(tmp_path, monkeypatch):
    from sra_analysis import run_reports

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 3\n")  # an executable, but no browser
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(CHROMIUM_ENV, str(fake))
    out = tmp_path / "out"
    with pytest.raises(PrinterError, match=rf"{re.escape(str(fake))} does not start"):
        run_reports([sample_dir() / "kota-sukabumi-2024"], out, pdf=True, progress=False)
    assert not (out / "kota-sukabumi-2024").exists()  # no report ran


def _executable(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return path


def test_chromium_is_looked_for_at_sra_chromium_then_on_path_in_order(tmp_path):
    bin_dir = tmp_path / "bin"
    chrome = _executable(bin_dir, "google-chrome")
    browser = _executable(bin_dir, "chromium-browser")
    own = _executable(tmp_path / "own", "my-chromium")
    path = {"PATH": str(bin_dir)}
    assert find_chromium(environ=path) == str(browser)  # chromium-browser before google-chrome
    browser.unlink()
    assert find_chromium(environ=path) == str(chrome)
    assert find_chromium(environ={**path, CHROMIUM_ENV: str(own)}) == str(own)
    assert find_chromium(environ={**path, CHROMIUM_ENV: ""}) == str(chrome)  # empty = unset
    with pytest.raises(PrinterError, match="no Chromium found"):
        find_chromium(environ={"PATH": str(tmp_path / "empty")})
    own.chmod(0o644)  # there, but not executable
    with pytest.raises(PrinterError, match="not an executable file"):
        find_chromium(environ={**path, CHROMIUM_ENV: str(own)})


def test_without_playwright_pdf_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "playwright", None)  # as if it were not installed
    with pytest.raises(PrinterError, match=r"Playwright is not installed — .*\[pdf\]"):
        check_printer()


def test_a_batch_without_pdf_never_imports_playwright():
    code = (
        "import sys\n"
        "from sra_analysis.cli import build_parser\n"
        "import sra_analysis.reports.batch, sra_analysis.reports.pdf\n"
        "build_parser().parse_args(['report', 'x', '--out', 'y'])\n"
        "print('playwright' in sys.modules, 'sra_analysis.reports.pdf' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_printer_works_where_an_event_loop_runs(printed, tmp_path):
    # a Jupyter kernel runs an asyncio loop; Playwright's sync API refuses to run inside one
    _, out = printed
    html = out / "purwakarta-2024" / "report.html"

    async def in_a_notebook():
        with ReportPrinter() as printer:
            return printer.print_report(html, tmp_path / "from-a-loop.pdf")

    pdf = asyncio.run(in_a_notebook())
    assert len(pypdf.PdfReader(pdf).pages) >= len(SECTION_KEYS) + 1
