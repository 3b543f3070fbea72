"""Tests of sra_analysis.reports.batch.report_html and figure_html: figures travel as data in the
notebook, the HTML export draws them with plotly.js loaded once — inside the page or from a
shared ``plotly.min.js`` — and both kinds draw every chart in Chromium with the network
blocked.

The hand-built notebook holds two figures (a bar and a line), so every count below is two.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from _browser import visit

from sra_analysis.errors import OutputError, ParameterError
from sra_analysis.reports.batch.figure_html import PLOTLY_MIMETYPE, figure_fragment
from sra_analysis.reports.batch.report_html import (
    ASSETS,
    PLOTLY_ASSET,
    choose_assets,
    export_html,
    failure_banner,
    plotly_js,
    write_plotly_asset,
)
from sra_analysis.reports.batch.where import Here
from sra_analysis.resources import sample_dir

#: The first line of plotly.js's licence banner: present once wherever the library is.
BANNER = "plotly.js v"
CONFIG = {"displaylogo": False, "responsive": True}
INLINE_CSP = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:"
)
#: Only what loading the local plotly.min.js needs is added: the page's own origin and file:.
SHARED_CSP = INLINE_CSP.replace("script-src", "script-src 'self' file:")
SHARED_SCRIPT = f'<script src="../{PLOTLY_ASSET}"></script>'
MB = 1_000_000  # the size targets hold in decimal megabytes, the stricter reading


def _figure_output(figure: dict, title: str):
    return nbformat.v4.new_output(
        "display_data",
        data={PLOTLY_MIMETYPE: figure, "text/plain": f"<Figure: {title}>"},
    )


@pytest.fixture
def notebook():
    """An executed notebook by hand: a heading, two figures as present.show displays them."""
    heading = nbformat.v4.new_code_cell("session.heading('section.sra')")
    heading.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"text/html": "<div class='sra-report'><h2>Hand-built report</h2></div>",
                  "text/plain": "Hand-built report"},
        )
    ]  # fmt: skip
    bars = nbformat.v4.new_code_cell("present.show(bars)")
    bars.outputs = [_figure_output(
        {"data": [{"type": "bar", "x": ["1", "2", "3"], "y": [3, 1, 2]}],
         "layout": {"title": {"text": "Incidents by ring"}}, "config": CONFIG},
        "Incidents by ring",
    )]  # fmt: skip
    line = nbformat.v4.new_code_cell("present.show(line)")
    line.outputs = [_figure_output(
        {"data": [{"type": "scatter", "mode": "lines", "x": [0, 1, 2], "y": [50, 48, 51]}],
         "layout": {"title": {"text": "Officers on duty"}}, "config": CONFIG},
        "Officers on duty",
    )]  # fmt: skip
    return nbformat.v4.new_notebook(cells=[heading, bars, line])


def _policies(page: str) -> list[str]:
    return re.findall(r'<meta content="([^"]*)" http-equiv="Content-Security-Policy"', page)


def _shared_page(notebook, out: Path) -> Path:
    """``out/<event>/report.html`` loading ``out/plotly.min.js``, as a batch writes them."""
    write_plotly_asset(out)
    page = out / "hand-built" / "report.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        export_html(notebook, title="hand-built", assets="shared", asset_href=f"../{PLOTLY_ASSET}"),
        encoding="utf-8",
    )
    return page


# --------------------------------------------------------------------- choosing the assets


def test_assets_are_inline_for_one_event_and_shared_for_more():
    assert choose_assets(None, events=1) == "inline"
    assert choose_assets(None, events=2) == "shared"
    assert choose_assets(None, events=514) == "shared"
    assert choose_assets("inline", events=514) == "inline"
    assert choose_assets("shared", events=1) == "shared"


@pytest.mark.parametrize("value", ["bogus", "Inline", "", True])
def test_a_bad_assets_value_is_refused_naming_the_allowed_values(value, notebook):
    message = rf"assets must be one of \[None, 'inline', 'shared'\], got {value!r}"
    with pytest.raises(ParameterError, match=message):
        choose_assets(value, events=1)
    with pytest.raises(ParameterError, match=r"assets must be one of \['inline', 'shared'\]"):
        export_html(notebook, title="x", assets=value)


@pytest.mark.parametrize(
    "href",
    [None, "", "https://cdn.plot.ly/plotly.min.js", "//cdn.example/plotly.min.js",
     "/srv/reports/plotly.min.js", "file:///srv/reports/plotly.min.js"],
)  # fmt: skip
def test_shared_assets_need_a_relative_path_to_plotly_js(href, notebook):
    with pytest.raises(ParameterError, match="assets='shared' needs asset_href, the relative"):
        export_html(notebook, title="x", assets="shared", asset_href=href)


def test_an_asset_href_with_inline_assets_is_refused(notebook):
    with pytest.raises(ParameterError, match="asset_href is for assets='shared' only"):
        export_html(notebook, title="x", asset_href="../plotly.min.js")


# ------------------------------------------------------------------------ what the page holds


def test_a_figure_fragment_carries_the_figure_and_its_config_but_no_library():
    html = figure_fragment(
        {"data": [{"type": "bar", "y": [3, 1, 2]}], "layout": {}, "config": CONFIG}
    )
    assert html.count("Plotly.newPlot") == 1
    assert '"y":[3,1,2]' in html.replace(" ", "")
    assert '"displaylogo": false' in html
    assert BANNER not in html and len(html) < 5_000


def test_the_export_draws_each_figure_and_leaves_the_notebook_as_data(notebook):
    before = copy.deepcopy(notebook.cells)
    page = export_html(notebook, title="hand-built")
    assert notebook.cells == before  # the HTML twins were made on nbconvert's copy
    # the page's own calls: plotly.js 2 (plotly < 6) names Plotly.newPlot in its own text
    assert page.replace(plotly_js(), "").count("Plotly.newPlot") == 2
    assert page.count('class="sra-figure"') == 2
    assert page.count('"displaylogo": false') == 2
    assert "Hand-built report" in page


def test_an_inline_page_carries_plotly_js_once_under_a_tight_policy(notebook):
    page = export_html(notebook, title="hand-built")
    assert plotly_js().count(BANNER) == 1  # the marker counts libraries, not mentions
    assert page.count(BANNER) == 1
    assert "<script src=" not in page
    assert _policies(page) == [INLINE_CSP]
    # the policy comes first in the head, so it governs the library too
    assert page.index("Content-Security-Policy") < page.index(BANNER)


def test_a_shared_page_refers_to_plotly_js_by_its_relative_path(notebook):
    page = export_html(notebook, title="hand-built", assets="shared", asset_href="../x.js")
    assert BANNER not in page
    assert page.count('<script src="../x.js"></script>') == 1
    assert _policies(page) == [SHARED_CSP]
    assert page.index("Content-Security-Policy") < page.index('<script src="../x.js">')
    assert len(page.encode("utf-8")) < 0.5 * MB


def test_the_asset_path_is_escaped_in_the_page(notebook, browser, tmp_path):
    href = 'a"><script>window.__xss=1</script>.js'
    page = export_html(notebook, title="x", assets="shared", asset_href=href)
    assert "<script>window.__xss=1</script>" not in page
    # an attribute in single quotes keeps the double quote as text
    assert "<script src='a\"&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;.js'>" in page
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    record = visit(browser, tmp_path / "report.html")
    assert record.xss is None and record.plots == 0


def test_the_shared_plotly_js_is_written_whole_and_replaces_an_old_one(tmp_path):
    (tmp_path / PLOTLY_ASSET).write_text("/* plotly.js v1.0.0, an old run */", encoding="utf-8")
    path = write_plotly_asset(tmp_path)
    assert path == tmp_path / PLOTLY_ASSET
    assert path.read_text(encoding="utf-8") == plotly_js()
    assert sorted(p.name for p in tmp_path.iterdir()) == [PLOTLY_ASSET]  # no temporary file


def test_a_shared_plotly_js_that_cannot_be_written_is_an_output_error(tmp_path):
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the folder goes", encoding="utf-8")
    with pytest.raises(OutputError, match=rf"reports/{PLOTLY_ASSET}: cannot be written: \[Errno"):
        write_plotly_asset(blocker)


# ---------------------------------------------------------- both kinds in Chromium, offline


def test_an_inline_page_draws_every_chart_offline(notebook, browser, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(export_html(notebook, title="hand-built"), encoding="utf-8")
    record = visit(browser, page, expected_plots=2)
    assert record.drawn_plots == 2 and record.plots == 2
    assert record.file_requests == [page.resolve().as_uri()]  # nothing but the page
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.console_errors == []


def test_a_shared_page_draws_every_chart_from_the_shared_file(notebook, browser, tmp_path):
    page = _shared_page(notebook, tmp_path / "out")
    record = visit(browser, page, expected_plots=2)
    assert record.drawn_plots == 2 and record.plots == 2
    assert record.file_requests == [
        page.resolve().as_uri(),
        (tmp_path / "out" / PLOTLY_ASSET).resolve().as_uri(),
    ]
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.console_errors == []


def test_a_shared_page_moved_away_from_plotly_js_says_its_charts_are_missing(
    notebook, browser, tmp_path
):
    page = _shared_page(notebook, tmp_path / "out")
    alone = tmp_path / "usb-stick" / "report.html"
    alone.parent.mkdir()
    shutil.copy(page, alone)
    record = visit(browser, alone)
    assert record.plots == 0 and record.drawn_plots == 0
    assert record.page_errors == ["Plotly is not defined"] * 2  # one per figure
    assert record.text.startswith("Charts cannot be drawn: plotly.js was not found at")
    assert "Hand-built report" in record.text  # the rest of the report still reads


@pytest.mark.parametrize("assets", ASSETS)
def test_a_failed_report_reads_and_draws_what_ran_in_both_kinds(
    assets, notebook, browser, tmp_path
):
    notebook.cells.insert(0, failure_banner("cell In[5] raised KeyError: 'ring'"))
    notebook.cells.pop()  # it stopped before the second figure
    if assets == "inline":
        page = tmp_path / "report.html"
        page.write_text(export_html(notebook, title="FAILED – x"), encoding="utf-8")
    else:
        page = _shared_page(notebook, tmp_path / "out")
    record = visit(browser, page, expected_plots=1)
    lines = [line for line in record.text.splitlines() if line.strip()]
    assert lines[:2] == ["FAILED", "cell In[5] raised KeyError: 'ring'"]
    assert record.drawn_plots == 1
    assert record.page_errors == [] and record.blocked_requests == []


# ------------------------------------------------------------- the sample event, end to end


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    """One event, as ``sra-review report EVENT`` runs it: self-contained by default."""
    from sra_analysis import run_reports

    out = tmp_path_factory.mktemp("single")
    batch = run_reports(
        [sample_dir() / "purwakarta-2024"], out, where=Here(workers=1), progress=False
    )
    assert [r.status for r in batch.results] == ["ok"]
    return out / "purwakarta-2024"


def _plotly_outputs(notebook: dict) -> list[dict]:
    return [
        output
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if PLOTLY_MIMETYPE in output.get("data", {})
    ]


def test_the_sample_notebook_carries_figures_as_data_not_the_library(single):
    path = single / "report.ipynb"
    assert path.stat().st_size <= 0.5 * MB
    text = path.read_text(encoding="utf-8")
    assert BANNER not in text and "Plotly.newPlot" not in text
    notebook = json.loads(text)
    outputs = [o for cell in notebook["cells"] for o in cell.get("outputs", [])]
    assert max(len(json.dumps(o)) for o in outputs) < 1 * MB
    figures = _plotly_outputs(notebook)
    assert len(figures) >= 7
    for output in figures:
        assert set(output["data"]) == {PLOTLY_MIMETYPE, "text/plain"}
        assert output["data"][PLOTLY_MIMETYPE]["config"] == CONFIG


def test_a_single_report_is_self_contained_and_draws_every_chart_offline(single, browser, tmp_path):
    page = single / "report.html"
    assert page.read_text(encoding="utf-8").count(BANNER) == 1
    alone = tmp_path / "report.html"  # emailed, on its own
    shutil.copy(page, alone)
    expected = len(_plotly_outputs(json.loads((single / "report.ipynb").read_text("utf-8"))))
    record = visit(browser, alone, expected_plots=expected)
    assert record.plots == expected and record.drawn_plots == expected
    assert record.file_requests == [alone.resolve().as_uri()]
    assert record.blocked_requests == [] and record.page_errors == []
    assert "Verdict on the SRA" in record.text
