"""``report.pdf``: real reports printed by headless Chromium, read back with pypdf.

One batch (run once per module) prints two sample events with ``pdf=True``: the Purwakarta
event and Kota Sukabumi (marked TERBATAS, under a name that would end a CSS string or an
HTML element), on two threads, so their reports load the shared ``OUT/plotly.min.js`` from
disk as they print; a second batch prints Purwakarta in Bahasa Indonesia, marked RAHASIA.
The paper size, the cover, the running header and footer, the page breaks, the charts and
the table rows are checked in the PDF itself; the error paths with a Chromium that is
missing or does not start, and a PDF that cannot be written.
"""

from __future__ import annotations

import asyncio
import html as html_lib
import json
import re
import shutil
import stat
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import nbformat
import plotly.graph_objects as go
import pytest
from _browser import CHROMIUM

from sra_analysis.cli import ExitCode, main
from sra_analysis.errors import PrinterError
from sra_analysis.labels import t
from sra_analysis.reports.batch.pdf import (
    CHROMIUM_ENV,
    PDF_NAME,
    ReportPrinter,
    check_printer,
    find_chromium,
    print_result,
)
from sra_analysis.reports.batch.print_layout import part_heading_texts
from sra_analysis.reports.batch.report_html import export_html
from sra_analysis.reports.batch.runner import ReportResult
from sra_analysis.reports.batch.where import Here
from sra_analysis.resources import sample_dir

pypdf = pytest.importorskip("pypdf")

#: ISO 216: A4 is 210 × 297 mm = 595.28 × 841.89 pt (1 pt = 25.4 / 72 mm).
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)
#: The page's top and bottom margins (12 mm and 14 mm, the report's @page rule), in points:
#: text above the one or below the other is the running header or footer.
TOP_MARGIN, BOTTOM_MARGIN = 12 / 25.4 * 72, 14 / 25.4 * 72
FAST = {"n_resamples": 0}
EVENTS = ("purwakarta-2024", "kota-sukabumi-2024")
#: Kota Sukabumi's name in the batch: a double quote would end a CSS string, "</style>" the
#: style sheet, "<b>" would open an element, if the footer did not escape them.
MARKED_NAME = 'Pleno "Kota Sukabumi" </style> & <b>co'
#: Purwakarta's name (108 characters) in the footer: cut to at most 60 characters after the
#: last whole word ("Perolehan" runs to character 61), and marked as cut.
PURWAKARTA_FOOTER = "Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan …"
#: (event, language, name in the footer, classification marking) of each printed PDF.
FOOTERS = (
    ("purwakarta-2024", "en", PURWAKARTA_FOOTER, ""),
    ("kota-sukabumi-2024", "en", MARKED_NAME, "TERBATAS"),
    ("purwakarta-2024", "id", PURWAKARTA_FOOTER, "RAHASIA"),
)
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


def _marked(folder: Path, event_id: str, marking: str, name: str | None = None) -> Path:
    """A copy of a sample event with a classification marking (and another name)."""
    copy = shutil.copytree(sample_dir() / event_id, folder / event_id)
    text = (copy / "event.yaml").read_text(encoding="utf-8")
    if name is not None:  # a JSON string is a YAML string
        text = re.sub(r"^name: .*$", lambda _: f"name: {json.dumps(name)}", text, flags=re.M)
    (copy / "event.yaml").write_text(f"{text}classification: {marking}\n", encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    from sra_analysis import run_reports

    out = tmp_path_factory.mktemp("printed")
    marked = _marked(tmp_path_factory.mktemp("events"), EVENTS[1], "TERBATAS", MARKED_NAME)
    folders = [sample_dir() / EVENTS[0], marked]
    batch = run_reports(
        folders, out, pdf=True, where=Here(workers=2), parameters=FAST, progress=False
    )
    return batch, out


@pytest.fixture(scope="module")
def printed_id(tmp_path_factory):
    """Purwakarta in Bahasa Indonesia, marked RAHASIA: the output folder."""
    from sra_analysis import run_reports

    out = tmp_path_factory.mktemp("printed-id")
    marked = _marked(tmp_path_factory.mktemp("events-id"), EVENTS[0], "RAHASIA")
    batch = run_reports([marked], out, pdf=True, lang="id", parameters=FAST, progress=False)
    assert batch.results[0].ok and batch.results[0].pdf_error is None
    return out


def _pdf(request, event_id: str, lang: str) -> Path:
    out = (
        request.getfixturevalue("printed")[1]
        if lang == "en"
        else request.getfixturevalue("printed_id")
    )
    return out / event_id / PDF_NAME


def _plain(text: str) -> str:
    """Text as compared: ligatures (ﬃ) unfolded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pages(pdf: Path) -> list[str]:
    return [_plain(page.extract_text()) for page in pypdf.PdfReader(pdf).pages]


@dataclass(frozen=True)
class Printed:
    """One printed page, read back: the running header and footer (the text in the top and
    bottom margins), the body's lines in pypdf's reading order, and its top and bottom
    lines by position on the page."""

    header: str
    footer: str
    lines: list[str]
    top: str
    bottom: str


def _fragments(page) -> list[tuple[float, str]]:
    """The page's text as pypdf reads it, fragment by fragment, each with its height (y, in
    points from the bottom of the page)."""
    parts: list[tuple[float, str]] = []

    def seen(text, cm, tm, font, size):
        parts.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    page.extract_text(visitor_text=seen)
    return parts


def _line_at(placed: list[tuple[float, str]], height: float) -> str:
    return _plain(" ".join(text for y, text in placed if abs(y - height) < 1))


def _printed(pdf: Path) -> list[Printed]:
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        parts = _fragments(page)
        top, bottom = A4_POINTS[1] - TOP_MARGIN, BOTTOM_MARGIN
        # line breaks come as fragments of their own, placed anywhere: kept with the body
        body = "".join(text if bottom < y < top else "\n" * text.count("\n") for y, text in parts)
        placed = [(y, text) for y, text in parts if bottom < y < top and text.strip()]
        heights = [y for y, _ in placed]
        pages.append(
            Printed(
                header=_plain(" ".join(text for y, text in parts if y >= top)),
                footer=_plain(" ".join(text for y, text in parts if y <= bottom)),
                lines=[_plain(line) for line in body.splitlines() if line.strip()],
                top=_line_at(placed, max(heights)) if placed else "",
                bottom=_line_at(placed, min(heights)) if placed else "",
            )
        )
    return pages


def _body_lines(pdf: Path) -> list[list[str]]:
    """Each page's text lines, without the running header and footer."""
    return [page.lines for page in _printed(pdf)]


def _headings(report_html: Path) -> list[str]:
    """The report's section headings (``<h2>``), in order."""
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


@pytest.mark.parametrize(("event_id", "lang"), [(e, "en") for e in EVENTS] + [(EVENTS[0], "id")])
def test_the_cover_is_alone_on_page_one_and_the_summary_opens_page_two(request, event_id, lang):
    pages = _printed(_pdf(request, event_id, lang))
    cover, summary = pages[0], pages[1]
    assert cover.header == cover.footer == ""  # no running header or footer on the cover
    text = " ".join(cover.lines)
    assert t("cover.title", lang) in text and t("cover.approved_by", lang) in text
    grade = t("aar.grade", lang)  # the summary box: "Grade: ..." / "Nilai: ..."
    assert grade not in text
    assert any(line.startswith(f"{grade}:") for line in summary.lines)


@pytest.mark.parametrize(("event_id", "lang", "name", "marking"), FOOTERS)
def test_every_page_but_the_cover_has_the_running_footer(request, event_id, lang, name, marking):
    pages = _printed(_pdf(request, event_id, lang))
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages[1:], start=2):
        page_of = t("cover.page_of", lang, page=number, pages=total)
        assert page_of in page.footer, (number, page.footer)
        assert _plain(name) in page.footer, (number, page.footer)  # as text, not interpreted
        # the classification marking at the top and the bottom, when there is one
        assert page.header == marking, (number, page.header)
        if marking:
            assert marking in page.footer.replace(_plain(name), ""), (number, page.footer)
    assert "Page " not in pages[0].footer + pages[0].header


def test_an_unmarked_report_carries_no_marking_anywhere(printed):
    _, out = printed
    pages = _printed(out / EVENTS[0] / PDF_NAME)
    assert all(page.header == "" for page in pages)
    assert not any(m in page.footer for page in pages for m in ("TERBATAS", "RAHASIA"))


@pytest.mark.parametrize(("event_id", "lang"), [(e, "en") for e in EVENTS] + [(EVENTS[0], "id")])
def test_the_parts_after_the_plan_start_a_page_and_the_sections_run_on(request, event_id, lang):
    pdf = _pdf(request, event_id, lang)
    headings = _headings(pdf.with_name("report.html"))
    # the headings read from the page are the notebook's sections, in order
    assert headings == [t(key, lang) for key in SECTION_KEYS]
    pages = _printed(pdf)
    where = {}
    for heading in headings:  # a long heading may take two lines
        on = [n for n, page in enumerate(pages) if heading in " ".join(page.lines)]
        assert on, f"heading {heading!r} not printed"
        where[heading] = on[0]
        # a heading is never left alone at the foot of a page
        assert not heading.endswith(pages[on[0]].bottom), heading
    assert list(where.values()) == sorted(where.values())  # in the order of the report
    starts = [next(h for h in headings if h in part) for part in part_heading_texts(lang)
              if any(h in part for h in headings)]  # fmt: skip
    assert t("section.appendix", lang) in starts

    def at_top(heading):
        top = pages[where[heading]].top
        return bool(top) and heading.startswith(top)

    assert all(at_top(heading) for heading in starts), [(h, pages[where[h]].top) for h in starts]
    # no page break forced before every section: some start below another's end
    shared = [h for h in headings if h not in starts and not at_top(h)]
    assert len(shared) >= 2, where


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
    assert "break-before: page" not in rules  # sections run on; report.pdf starts the parts
    for rule in (
        ".sra-cover, .jp-Cell:has(.sra-cover) { break-after: page; break-inside: avoid; }",
        ".jp-Cell .jp-OutputArea-child { break-inside: auto; }",
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


def _charts_page(tmp_path: Path, heights: list[int]) -> Path:
    """A report page holding one Plotly chart of each height (CSS pixels), titled by number."""
    notebook = nbformat.v4.new_notebook()
    for n, height in enumerate(heights, start=1):
        figure = go.Figure(go.Bar(x=["a", "b"], y=[1, n]), layout={"height": height})
        figure.update_layout(title=f"chart number {n}")
        cell = nbformat.v4.new_code_cell("show(figure)")
        data = {"application/vnd.plotly.v1+json": json.loads(figure.to_json())}
        cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
        notebook.cells.append(cell)
    path = tmp_path / "charts" / "report.html"
    path.parent.mkdir()
    path.write_text(export_html(notebook, title="charts"), encoding="utf-8")
    return path


def test_two_screen_high_charts_share_one_printed_page(tmp_path):
    # The printable height of A4 at PRINT_SCALE 0.8 is (297 - 12 - 14) mm = 1024 CSS px / 0.8
    # = 1280 px. Two 700-px charts (1400 px) would take two pages; drawn 0.7 times as high
    # (490 px each, 980 px) they share one, with room for their gap.
    html = _charts_page(tmp_path, [700, 700])
    with ReportPrinter() as printer:
        pdf = printer.print_report(html)
    pages = _printed(pdf)
    assert len(pages) == 1, [page.lines[:2] for page in pages]
    assert "chart number 1" in pages[0].lines and "chart number 2" in pages[0].lines
    assert pages[0].footer == "Page 1 of 1"  # no cover: the first page has the footer too


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
    assert "1 report written without report.pdf" in captured.err
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
    batch = run_reports([event], out, where=Here(workers=1), parameters=FAST, progress=False)
    assert batch.results[0].ok
    assert not earlier.exists()


def test_a_report_whose_event_yaml_went_bad_is_not_printed_without_its_marking(tmp_path):
    # The footer's name and marking are read again from event.yaml: when it cannot be read,
    # the PDF is not printed (rather than printed unmarked), and the result says why.
    event = shutil.copytree(sample_dir() / "kota-sukabumi-2024", tmp_path / "kota-sukabumi-2024")
    (event / "event.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    folder = tmp_path / "out" / "kota-sukabumi-2024"
    folder.mkdir(parents=True)
    (folder / PDF_NAME).write_bytes(b"%PDF-1.4 an earlier run's report")

    class NoPrinter:
        def print_report(self, *args, **kwargs):
            raise AssertionError("printed without its event's footer")

    written = ReportResult(str(event), event.name, "ok", str(folder), 1.0)
    result = print_result(NoPrinter(), written, lang="id")
    assert result.ok and result.pdf_error.startswith("report.pdf not written: ")
    assert "EventConfigError: " in result.pdf_error and "event.yaml" in result.pdf_error
    assert "\n" not in result.pdf_error  # one line under the report's line in the console
    assert not (folder / PDF_NAME).exists()


def test_a_report_that_fails_is_not_printed_and_loses_its_earlier_pdf(tmp_path):
    from sra_analysis import run_reports

    event = shutil.copytree(sample_dir() / "kota-sukabumi-2024", tmp_path / "kota-sukabumi-2024")
    for incidents in event.glob("incidents.*"):
        incidents.unlink()  # the report fails: no incident log
    out = tmp_path / "out"
    (out / "kota-sukabumi-2024").mkdir(parents=True)
    earlier = out / "kota-sukabumi-2024" / PDF_NAME
    earlier.write_bytes(b"%PDF-1.4 an earlier run's report")
    batch = run_reports(
        [event], out, pdf=True, where=Here(workers=1), parameters=FAST, progress=False
    )
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
        "import sra_analysis.reports.batch, sra_analysis.reports.batch.pdf\n"
        "build_parser().parse_args(['report', 'x', '--out', 'y'])\n"
        "print('playwright' in sys.modules, 'sra_analysis.reports.batch.pdf' in sys.modules)\n"
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
    # the whole report, laid out as the batch printed it
    batch_pages = len(pypdf.PdfReader(out / "purwakarta-2024" / PDF_NAME).pages)
    assert len(pypdf.PdfReader(pdf).pages) == batch_pages
