"""The roll-up report: what a batch of several events writes beside its index, what
``sra-review rollup`` writes alone, and how it fails."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from _browser import visit
from conftest import ROLLUP_EVENTS

from sra_analysis.labels import t
from sra_analysis.reports.batch.rollup_report import ROLLUP_FILES, run_rollup_report
from sra_analysis.reports.pages.rollup_run import rollup_results
from sra_analysis.reports.rollup_inputs import read_reports
from sra_analysis.resources import rollup_notebook


def _shown_charts(notebook: Path) -> int:
    """Charts the executed notebook displayed (Plotly's mimetype), counted from its outputs."""
    executed = nbformat.read(notebook, as_version=4)
    return sum(
        "application/vnd.plotly.v1+json" in output.get("data", {})
        for cell in executed.cells
        for output in cell.get("outputs", [])
    )


def _chart_calls() -> int:
    """``present.show(`` calls in the shipped notebook's code: the charts it draws when every
    section has data."""
    source = nbformat.read(rollup_notebook(), as_version=4)
    return sum(c.source.count("present.show(") for c in source.cells if c.cell_type == "code")


def test_a_batch_of_several_events_writes_the_rollup_beside_its_index(rollup_batch):
    assert set(ROLLUP_FILES) <= {p.name for p in rollup_batch.iterdir()}
    body = json.loads((rollup_batch / "rollup.json").read_text(encoding="utf-8"))
    assert set(body["events"]) == set(ROLLUP_EVENTS)
    assert [s["event"] for s in body["set_aside"]] == ["kota-depok-2024"]
    assert [p.name for p in rollup_batch.iterdir() if p.name.startswith(".")] == []


def test_the_index_links_the_rollup_before_any_event(rollup_batch):
    index = (rollup_batch / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"', index)
    assert links[0] == "rollup.html"
    assert "purwakarta-2024/report.html" in links[1:]


def test_rollup_json_is_what_rollup_results_gives_for_the_same_reports(rollup_batch):
    written = json.loads((rollup_batch / "rollup.json").read_text(encoding="utf-8"))
    folders = [rollup_batch / e for e in (*ROLLUP_EVENTS, "kota-depok-2024")]
    expected = json.loads(json.dumps(rollup_results(read_reports(folders))))
    aside = written.pop("set_aside"), expected.pop("set_aside")  # folders given differently
    assert [[entry["event"] for entry in entries] for entries in aside] == [["kota-depok-2024"]] * 2
    assert written == expected


def test_the_rollup_draws_every_chart_offline_and_links_each_event(rollup_batch, browser):
    html = rollup_batch / "rollup.html"
    shown = _shown_charts(rollup_batch / "rollup.ipynb")
    assert shown == _chart_calls() == 8  # every section had data: no chart was skipped
    record = visit(browser, html, expected_plots=shown)
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.plots == record.drawn_plots == shown
    assert t("rollup.question") in record.text
    page = html.read_text(encoding="utf-8")
    assert 'class="sra-failed"' not in page
    targets = re.findall(r'<a href="([^"]+/report\.html)"', page)
    # each event once in the appendix, and again among the events to look at first
    assert sorted({Path(x).parent.name for x in targets}) == sorted(ROLLUP_EVENTS)
    assert all((rollup_batch / x).exists() for x in targets)
    assert page.count('<script src="plotly.min.js"></script>') == 1  # the batch's shared copy


def test_the_first_screen_answers_plainly_and_the_annex_with_the_pooled_numbers(rollup_batch):
    body = json.loads((rollup_batch / "rollup.json").read_text(encoding="utf-8"))
    page = (rollup_batch / "rollup.html").read_text(encoding="utf-8").replace("&#x27;", "'")
    annex = page.index(t("rollup.section.annex"))
    first, opening = page[:annex], page[annex : page.index(t("rollup.section.levels"))]
    # the first screen: the plain answer, staffing, recurring findings, events to look at
    assert 3 <= len(body["plain_answer"]) <= 6
    for sentence in body["plain_answer"]:
        assert sentence["text"] in first
    for key in ("staffing", "recurring", "first"):
        assert t(f"rollup.section.{key}") in first
    # the annex opens with the pooled tests, their numbers and the lessons, as before
    ratio = body["level_rate_ratio"]["disruptions"]
    assert f"{ratio['rate_ratio']:.1f}×" in opening and f"{ratio['rate_ratio']:.1f}×" not in first
    assert f"{body['totals']['incidents']:,}" in opening
    assert t("rollup.changes") in opening
    for lesson in body["lessons"]:
        assert lesson["text"] in opening


def test_the_rollup_in_indonesian(rollup_batch, tmp_path):
    done = run_rollup_report(rollup_batch, tmp_path, lang="id")
    assert done.ok, done.error
    page = done.html.read_text(encoding="utf-8")
    assert t("rollup.section.levels", "id") in page
    assert t("rollup.section.levels", "en") not in page
    body = json.loads((tmp_path / "rollup.json").read_text(encoding="utf-8"))
    assert body["lessons"][0]["text"] in page.replace("&#x27;", "'")
    assert "<script src=" not in page  # inline plotly.js: the page opens on its own
    # categories pool by code and show their Indonesian labels (categories.yaml), not codes
    from sra_analysis.vocabulary import bundled_vocabulary

    missed = {row["category"]: row["category_label"] for row in body["missed_categories"]}
    assert [code for code in missed if "_" in code]  # codes such as witness_dispute are there
    vocabulary = bundled_vocabulary()
    assert {code: vocabulary.label(code, "id") for code in missed} == missed
    assert all(label != code for code, label in missed.items() if "_" in code)


def test_a_failing_rollup_notebook_leaves_a_failed_page_and_no_json(rollup_batch, tmp_path):
    broken = nbformat.read(rollup_notebook(), as_version=4)
    start = next(i for i, c in enumerate(broken.cells) if "start_rollup" in c.source)
    broken.cells.insert(start + 1, nbformat.v4.new_code_cell('raise RuntimeError("no luck")'))
    notebook = tmp_path / "broken.ipynb"
    nbformat.write(broken, notebook)
    out = tmp_path / "out"
    out.mkdir()
    (out / "rollup.json").write_text("{}", encoding="utf-8")  # from an earlier run
    done = run_rollup_report(rollup_batch, out, notebook=notebook)
    assert not done.ok
    assert "RuntimeError: no luck" in done.error
    assert "FAILED" in done.html.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["rollup.html", "rollup.ipynb"]


def test_a_damaged_report_is_set_aside_and_the_rollup_goes_on(rollup_batch, tmp_path):
    for name in ROLLUP_EVENTS:
        shutil.copytree(rollup_batch / name, tmp_path / "in" / name)
    (tmp_path / "in" / ROLLUP_EVENTS[0] / "windows.parquet").write_bytes(b"not parquet")
    done = run_rollup_report(tmp_path / "in", tmp_path)
    assert done.ok, done.error
    body = json.loads((tmp_path / "rollup.json").read_text(encoding="utf-8"))
    assert set(body["events"]) == set(ROLLUP_EVENTS[1:])
    (aside,) = body["set_aside"]
    assert aside["event"] == ROLLUP_EVENTS[0]
    assert aside["reason"].startswith("windows.parquet cannot be read")


def test_the_plain_papermill_cli_runs_the_rollup_notebook(rollup_batch, tmp_path):
    target = tmp_path / "rollup.json"
    command = [
        sys.executable, "-m", "papermill", str(rollup_notebook()), str(tmp_path / "run.ipynb"),
        "-p", "reports", str(rollup_batch), "-p", "rollup_path", str(target), "--no-progress-bar",
    ]  # fmt: skip
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert set(json.loads(target.read_text(encoding="utf-8"))["events"]) == set(ROLLUP_EVENTS)


@pytest.mark.parametrize("assets", ["sideways", None])
def test_a_bad_assets_value_is_refused(rollup_batch, tmp_path, assets):
    from sra_analysis.errors import ParameterError

    with pytest.raises(ParameterError, match="assets must be one of"):
        run_rollup_report(rollup_batch, tmp_path, assets=assets)
