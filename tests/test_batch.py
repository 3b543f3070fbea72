"""Batch reports end to end: the real notebook through papermill, nbconvert HTML, Chromium.

One batch (run once per module through the ``sra-review report`` command) holds the
Purwakarta event, a generated event with Excel files and rings numbered inside-out, an event
whose incident descriptions carry HTML/JS payloads, and an event that cannot be loaded.
"""

from __future__ import annotations

import errno
import json
import re
import shutil
import tempfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from _browser import visit
from _workbooks import workbook_text

from sra_analysis import evaluate, load_event
from sra_analysis.cli import main
from sra_analysis.reports.batch.where import Here, OnExecutor
from sra_analysis.reports.parameters import ReportParameters
from sra_analysis.resources import sample_dir

PAYLOAD_SCRIPT = "<script>window.__xss = 1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__xss = 2">'
MB = 1_000_000  # the size targets hold in decimal megabytes, the stricter reading
#: A report of a batch of several events loads the shared plotly.min.js (4.8 MB) instead.
MAX_REPORT_BYTES = 0.6 * MB
MAX_NOTEBOOK_BYTES = 0.5 * MB
#: The first line of plotly.js's licence banner: present once wherever the library is.
PLOTLY_BANNER = "plotly.js v"


def _xss_event(root: Path) -> Path:
    folder = root / "xss-check"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    yaml = (folder / "event.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("id: purwakarta-2024", "id: xss-check")
    yaml = re.sub(r"^name: .*$", "name: Pleno <b>bold</b> & co", yaml, flags=re.M)
    (folder / "event.yaml").write_text(yaml, encoding="utf-8")
    incidents = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    incidents.loc[0, "description"] = f"Massa {PAYLOAD_SCRIPT} berkumpul"
    incidents.loc[1, "description"] = f"Upaya masuk {PAYLOAD_IMG}"
    incidents.loc[2, "category"] = "<b>crowd</b>"
    # unanticipated, so that they are listed in the report's table, not only in chart hovers
    incidents.loc[[0, 1, 2], "risk_id"] = ""
    incidents.to_csv(folder / "incidents.csv", index=False)
    return folder


def _broken_event(root: Path) -> Path:
    folder = root / "broken-event"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    yaml = (folder / "event.yaml").read_text(encoding="utf-8")
    (folder / "event.yaml").write_text(
        yaml.replace("id: purwakarta-2024", "id: broken-event"), encoding="utf-8"
    )
    incidents = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    incidents.drop(columns=["severity"]).to_csv(folder / "incidents.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("events")
    events = [
        sample_dir() / "purwakarta-2024",
        sample_dir() / "kab-cianjur-2024",
        _xss_event(root),
        _broken_event(root),
    ]
    out = tmp_path_factory.mktemp("reports")
    status = main(["report", *map(str, events), "--out", str(out), "--workers", "2"])
    return {"status": status, "out": out, "events": events}


def _plotly_outputs(notebook_path: Path) -> int:
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    return sum(
        1
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    )


def test_exit_status_counts_the_failed_reports(batch):
    assert batch["status"] == 1


@pytest.mark.parametrize("event_id", ["purwakarta-2024", "kab-cianjur-2024", "xss-check"])
def test_each_event_gets_report_notebook_and_summary(batch, event_id):
    folder = batch["out"] / event_id
    assert {p.name for p in folder.iterdir()} == {
        "report.html", "report.ipynb", "summary.json",
        "windows.parquet", "incidents.parquet", "register.parquet",  # for the roll-up
        "improvement_plan.xlsx",
    }  # fmt: skip
    assert (folder / "report.html").stat().st_size <= MAX_REPORT_BYTES
    assert (folder / "report.ipynb").stat().st_size <= MAX_NOTEBOOK_BYTES


def test_a_batch_of_several_events_shares_one_plotly_js(batch):
    from sra_analysis.reports.batch.report_html import plotly_js

    out = batch["out"]
    assert (out / "plotly.min.js").read_text(encoding="utf-8") == plotly_js()
    for folder in (out / "purwakarta-2024", out / "broken-event"):  # the FAILED page too
        page = (folder / "report.html").read_text(encoding="utf-8")
        assert PLOTLY_BANNER not in page
        assert page.count('<script src="../plotly.min.js"></script>') == 1
        assert PLOTLY_BANNER not in (folder / "report.ipynb").read_text(encoding="utf-8")


def test_a_failed_event_leaves_a_readable_failed_report(batch):
    folder = batch["out"] / "broken-event"
    assert not (folder / "summary.json").exists()
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "FAILED" in page
    assert "MissingColumnsError" in page and "severity" in page
    assert re.search(r"cell In\[\d+\]", page)


def test_no_temporary_files_are_left_behind(batch):
    leftovers = [p for p in batch["out"].rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_summary_json_equals_evaluate(batch):
    folder = sample_dir() / "purwakarta-2024"
    written = json.loads((batch["out"] / "purwakarta-2024" / "summary.json").read_text("utf-8"))
    expected = json.loads(json.dumps(evaluate(load_event(folder)).to_dict()))
    for body in (written, expected):
        body["provenance"].pop("generated_at")
    assert written == expected


def test_summary_has_the_contract_fields(batch):
    summary = json.loads((batch["out"] / "kab-cianjur-2024" / "summary.json").read_text("utf-8"))
    # DESIGN §5's event fields, and the banding the roll-up pools cells by
    assert set(summary["event"]) == {"id", "name", "timezone", "start", "end", "risk_levels"}
    assert set(summary["provenance"]) >= {"sra_analysis_version", "generated_at", "parameters",
                                          "inputs"}  # fmt: skip
    assert set(summary["data_quality"]) >= {"incidents", "staffing", "risk_register"}
    assert set(summary["totals"]) >= {"incidents", "disruptions", "officer_hours", "personnel"}
    ring = summary["by_ring"][0]
    assert set(ring) >= {"ring", "incidents", "disruptions", "officer_hours",
                         "incidents_per_100_officer_hours", "ci_low", "ci_high"}  # fmt: skip
    wanted = {"flag_level", "hits", "misses", "false_alarms", "correct_negatives", "pod", "far",
              "csi", "hss", "pss", "ets", "pai", "auc", "kendall_tau_b", "gk_gamma",
              "rate_by_level"}  # fmt: skip
    assert wanted <= set(summary["prediction"])
    # kab-cianjur numbers its rings from the outside in (as one event in five of the sample
    # does): ring 1 is the fence, listed first in its own display order, with its zone
    assert [(row["ring"], row["zone"]) for row in summary["by_ring"]] == [
        ("1", "perimeter"), ("2", "building"), ("3", "core")
    ]  # fmt: skip


def _without_plotly_library(page: str) -> str:
    """The page less any script over 1 MB (the embedded plotly.js, whose source mentions
    map-tile CDNs it never calls here)."""
    parts, position = [], 0
    while (start := page.find("<script", position)) != -1:
        end = page.find("</script>", start)
        end = len(page) if end == -1 else end + len("</script>")
        parts.append(page[position:start])
        if end - start < 1_000_000:
            parts.append(page[start:end])
        position = end
    parts.append(page[position:])
    return "".join(parts)


@pytest.mark.parametrize("event_id", ["purwakarta-2024", "kab-cianjur-2024"])
def test_officer_identifiers_never_appear(batch, event_id):
    folder = sample_dir() / event_id
    officers = set(load_event(folder).staffing["officer_id"])
    report = batch["out"] / event_id
    texts = [
        _without_plotly_library((report / "report.html").read_text("utf-8")),
        (report / "summary.json").read_text("utf-8"),
        _without_plotly_library((report / "report.ipynb").read_text("utf-8")),
        workbook_text(report / "improvement_plan.xlsx"),
    ]
    for text in texts:
        found = [officer for officer in officers if officer in text]
        assert found == []


def test_code_is_hidden_and_nothing_is_fetched_from_a_cdn(batch):
    page = _without_plotly_library(
        (batch["out"] / "purwakarta-2024" / "report.html").read_text("utf-8")
    )
    assert "present.overview(" not in page
    assert "check_parameters(" not in page
    for marker in ("cdnjs", "cdn.jsdelivr", "mathjax", "require.min.js", "https://cdn"):
        assert marker not in page.lower()


def test_index_links_every_report_and_marks_the_failure(batch):
    index = (batch["out"] / "index.html").read_text("utf-8")
    for event_id in ("purwakarta-2024", "kab-cianjur-2024", "xss-check", "broken-event"):
        assert f'href="{event_id}/report.html"' in index
    assert "FAILED" in index
    assert (batch["out"] / "plotly.min.js").exists()
    assert "&lt;b&gt;bold&lt;/b&gt;" in index


def test_report_draws_every_chart_offline(batch, browser, tmp_path):
    folder = batch["out"] / "purwakarta-2024"
    expected = _plotly_outputs(folder / "report.ipynb")
    assert expected >= 7
    record = visit(browser, folder / "report.html", expected_plots=expected,
                   screenshot=tmp_path / "report.png")  # fmt: skip
    assert record.blocked_requests == []
    assert record.page_errors == []
    assert record.plots == expected
    assert record.drawn_plots == expected
    assert "Verdict on the SRA" in record.text
    assert record.file_requests[1:] == [(batch["out"] / "plotly.min.js").resolve().as_uri()]


def test_indonesian_outside_in_report_draws_offline(batch, browser):
    folder = batch["out"] / "kab-cianjur-2024"
    expected = _plotly_outputs(folder / "report.ipynb")
    record = visit(browser, folder / "report.html", expected_plots=expected)
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.drawn_plots == expected


def test_payloads_in_descriptions_show_as_text_and_run_nothing(batch, browser):
    folder = batch["out"] / "xss-check"
    expected = _plotly_outputs(folder / "report.ipynb")
    record = visit(browser, folder / "report.html", expected_plots=expected)
    assert record.xss is None
    assert record.page_errors == [] and record.blocked_requests == []
    assert PAYLOAD_SCRIPT in record.text
    assert PAYLOAD_IMG in record.text
    assert "<b>crowd</b>" in record.text
    assert "Pleno <b>bold</b> & co" in record.text
    page = (folder / "report.html").read_text("utf-8")
    assert PAYLOAD_SCRIPT not in page and PAYLOAD_IMG not in page


def _link_targets(browser, page_path: Path, selector: str) -> list[Path]:
    """The files the links ``selector`` of a page point at, as the browser resolves them."""
    from urllib.parse import unquote, urlparse

    context = browser.new_context()
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(page_path.resolve().as_uri(), wait_until="load")
    hrefs = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
    context.close()
    return [Path(unquote(urlparse(href).path)) for href in hrefs]


def test_each_report_links_its_improvement_plan_beside_it(batch, browser):
    out = batch["out"]
    for event_id in ("purwakarta-2024", "kab-cianjur-2024", "xss-check"):
        folder = out / event_id
        plan = (folder / "improvement_plan.xlsx").resolve()
        assert _link_targets(browser, folder / "report.html", ".sra-plan-file a") == [plan]
        # the plan holds the areas for improvement the report's summary lists, one a row
        # from row 8 (below the title block and the header), their actions filled in
        summary = json.loads((folder / "summary.json").read_text("utf-8"))
        improvements = summary["aar"]["improvements"]
        sheet = openpyxl.load_workbook(plan).active
        rows = [r for r in sheet.iter_rows(min_row=8, values_only=True) if isinstance(r[0], int)]
        assert [(r[2], r[4]) for r in rows] == [
            (i["text"], i["recommended_action"]) for i in improvements
        ] and len(improvements) >= 1
    # the index links each successful report's plan, and none for the FAILED one
    plans = _link_targets(browser, out / "index.html", "a.plan")
    assert sorted(plans) == sorted(
        (out / event_id / "improvement_plan.xlsx").resolve()
        for event_id in ("purwakarta-2024", "kab-cianjur-2024", "xss-check")
    )


def test_failed_report_opens_and_says_failed(batch, browser):
    record = visit(browser, batch["out"] / "broken-event" / "report.html")
    assert "FAILED" in record.text
    assert record.blocked_requests == [] and record.page_errors == []


def test_the_rollup_shows_the_payloads_as_text_and_runs_nothing(batch, browser):
    html = batch["out"] / "rollup.html"
    expected = _plotly_outputs(batch["out"] / "rollup.ipynb")
    record = visit(browser, html, expected_plots=expected)
    assert record.xss is None
    assert record.page_errors == [] and record.blocked_requests == []
    assert record.drawn_plots == expected >= 6
    page = html.read_text(encoding="utf-8")
    # the category, as the input wrote it, is an escaped label of the missed-categories
    # chart: Plotly draws it as text, not as bold
    # (the figure's JSON writes "/" as \u002f inside the page's script)
    assert '"&lt;b&gt;crowd&lt;\\u002fb&gt;"' in page and "<b>crowd" not in page
    assert 'class="sra-failed"' not in page  # the broken event is set aside, not fatal ...
    assert "broken-event" in record.text  # ... and the appendix says so


def test_index_draws_its_chart_offline(batch, browser):
    # verdict counts, capture funnel and (up to 40 events) the per-event dot plot
    record = visit(browser, batch["out"] / "index.html", expected_plots=3)
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.drawn_plots == 3


def test_run_reports_accepts_any_executor(tmp_path):
    # e.g. dask.distributed's Client.get_executor(pure=False); here a plain process pool
    import concurrent.futures
    import multiprocessing

    from sra_analysis import run_reports

    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn")
    )
    with pool:
        batch = run_reports(
            [sample_dir() / "kota-sukabumi-2024"], tmp_path, where=OnExecutor(pool), progress=False,
            parameters=ReportParameters(n_resamples=0),
        )  # fmt: skip
    assert [r.status for r in batch.results] == ["ok"]
    assert (tmp_path / "kota-sukabumi-2024" / "summary.json").exists()


def test_unknown_notebook_parameters_are_refused_by_name(tmp_path):
    from sra_analysis import ParameterError, run_reports

    with pytest.raises(ParameterError, match=r"no parameter\(s\) \['flag_levle'\]"):
        run_reports([sample_dir() / "purwakarta-2024"], tmp_path,
                    parameters={"flag_levle": "high"})  # fmt: skip


#: The messages of the one lang and flag_level checks, written out by hand.
BAD_LANG = "lang must be one of ['en', 'id'], got 'fr'"
BAD_FLAG = "flag_level must be one of ['low', 'medium', 'high', 'extreme'], got 'bogus'"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lang": "fr"}, BAD_LANG),
        ({"parameters": {"lang": "fr"}}, BAD_LANG),
        ({"parameters": {"flag_level": "bogus"}}, BAD_FLAG),
        ({"parameters": {"seed": -1}}, "seed must be a whole number ≥ 0, got -1"),
        ({"lang": "id", "parameters": ReportParameters(lang="en", seed=1)}, "lang is 'id' but"),
        ({"parameters": {"summary_path": "x.json"}}, "must not set 'summary_path'"),
        ({"parameters": ReportParameters(event_dir=Path("."))}, "must not set 'event_dir'"),
    ],
)
def test_run_reports_checks_its_parameters_before_anything_runs(tmp_path, options, message):
    from sra_analysis import ParameterError, run_reports

    out = tmp_path / "out"
    with pytest.raises(ParameterError, match=re.escape(message)):
        run_reports([sample_dir() / "purwakarta-2024"], out, progress=False, **options)
    assert not out.exists()  # refused before the output folder was made


def test_a_flag_level_is_checked_against_each_events_own_levels(tmp_path):
    from sra_analysis import ParameterError, run_reports

    folder = tmp_path / "custom"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    event_file = folder / "event.yaml"
    default = "risk_levels: {low: [1, 4], medium: [5, 9], high: [10, 14], extreme: [15, 25]}"
    text = event_file.read_text("utf-8")
    assert default in text and "flag_level: high" in text
    text = text.replace(default, "risk_levels: {rendah: [1, 9], tinggi: [10, 25]}")
    event_file.write_text(text.replace("flag_level: high", "flag_level: tinggi"), "utf-8")
    message = "flag_level must be one of ['rendah', 'tinggi'], got 'high'"
    with pytest.raises(ParameterError, match=re.escape(message)):
        run_reports([folder], tmp_path / "out", progress=False, parameters={"flag_level": "high"})


def test_a_rerun_that_fails_removes_the_earlier_summary(tmp_path):
    from sra_analysis import run_reports

    folder = tmp_path / "events" / "kota-sukabumi-2024"
    shutil.copytree(sample_dir() / "kota-sukabumi-2024", folder)
    out = tmp_path / "out"
    first = run_reports([folder], out, progress=False, parameters={"n_resamples": 0})
    assert first.results[0].ok and (out / "kota-sukabumi-2024" / "summary.json").exists()
    for file in folder.glob("incidents.*"):
        file.unlink()
    second = run_reports([folder], out, progress=False, parameters={"n_resamples": 0})
    assert not second.results[0].ok
    assert not (out / "kota-sukabumi-2024" / "summary.json").exists()
    assert "FAILED" in (out / "kota-sukabumi-2024" / "report.html").read_text("utf-8")


# ------------------------------------------- the FAILED banner: structure, never markup as text


def test_failed_page_shows_failed_and_the_reason_without_markup_or_nan(batch, browser):
    record = visit(browser, batch["out"] / "broken-event" / "report.html")
    lines = [line.strip() for line in record.text.splitlines() if line.strip()]
    # FAILED stands on its own line, the reason below it
    assert lines[0] == "FAILED"
    assert lines[1].startswith("cell In[") and "MissingColumnsError" in lines[1]
    for markup in ("<br", "<b>", "</b>", "<div", "&lt;", "&gt;", "&amp;"):
        assert markup not in record.text
    assert not re.search(r"\bnan\b", record.text, flags=re.I)


def test_failed_notebook_starts_with_a_readable_banner(batch):
    notebook = json.loads((batch["out"] / "broken-event" / "report.ipynb").read_text("utf-8"))
    banner = notebook["cells"][0]
    assert banner["metadata"]["tags"] == ["sra-failed"]
    source = "".join(banner["source"])
    assert source.startswith("# FAILED") and "<" not in source
    data = banner["outputs"][0]["data"]
    text = "".join(data["text/plain"])
    assert text.splitlines()[0] == "FAILED"
    assert "MissingColumnsError" in text and "<" not in text
    assert "<br>" not in "".join(data["text/html"])


# ------------------------------- temporary files removed and failures told, on every path

FAST = {"n_resamples": 0}


class _FullDisk:
    """A file on a disk that fills up: the first bytes land, then ENOSPC."""

    def __init__(self, handle):
        self._handle = handle

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._handle.close()

    def write(self, data):
        self._handle.write(data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")


def _fill_disk_when_writing(monkeypatch, name: str) -> None:
    """write_atomic's temporary file for ``name`` hits a full disk midway."""
    import sra_analysis.reports.files

    real = tempfile.NamedTemporaryFile

    def named_temporary_file(*args, prefix="", **kwargs):
        handle = real(*args, prefix=prefix, **kwargs)
        return _FullDisk(handle) if prefix.startswith(f".{name}.") else handle

    monkeypatch.setattr(
        sra_analysis.reports.files.tempfile, "NamedTemporaryFile", named_temporary_file
    )


def _leftovers(out: Path) -> list[str]:
    return sorted(
        str(p.relative_to(out)) for p in out.rglob("*") if ".tmp" in p.name or p.name[0] == "."
    )


@pytest.fixture
def small_event(tmp_path):
    folder = tmp_path / "events" / "kota-sukabumi-2024"
    shutil.copytree(sample_dir() / "kota-sukabumi-2024", folder)
    return folder


def _break(folder: Path) -> None:
    for file in folder.glob("incidents.*"):
        file.unlink()


def test_success_leaves_no_temporary_file(small_event, tmp_path):
    from sra_analysis import run_reports

    out = tmp_path / "out"
    batch = run_reports([small_event], out, where=Here(workers=1), progress=False, parameters=FAST)
    assert batch.results[0].ok
    assert _leftovers(out) == []


def test_a_notebook_failure_leaves_no_temporary_file(small_event, tmp_path):
    from sra_analysis import run_reports

    _break(small_event)
    out = tmp_path / "out"
    batch = run_reports([small_event], out, where=Here(workers=1), progress=False, parameters=FAST)
    assert not batch.results[0].ok
    assert _leftovers(out) == []


def _second_event(small_event: Path) -> Path:
    twin = small_event.parent / "kota-sukabumi-2024-b"
    shutil.copytree(small_event, twin)
    yaml = (twin / "event.yaml").read_text(encoding="utf-8")
    (twin / "event.yaml").write_text(
        yaml.replace("id: kota-sukabumi-2024", "id: kota-sukabumi-2024-b"), encoding="utf-8"
    )
    return twin


@pytest.mark.parametrize(
    ("events", "assets", "shared"),
    [(1, None, False), (2, None, True), (1, "shared", True), (2, "inline", False)],
)
def test_plotly_js_is_inline_for_one_event_and_shared_for_more_unless_told(
    small_event, tmp_path, events, assets, shared
):
    # quick: each notebook stops at loading, and its FAILED report is exported all the same
    from sra_analysis import run_reports

    _break(small_event)
    folders = [small_event, _second_event(small_event)][:events]
    out = tmp_path / "out"
    batch = run_reports(
        folders, out, where=Here(workers=1), progress=False, parameters=FAST, assets=assets
    )
    assert [r.status for r in batch.results] == ["failed"] * events
    for result in batch.results:
        page = (Path(result.folder) / "report.html").read_text(encoding="utf-8")
        assert "FAILED" in page
        assert page.count(PLOTLY_BANNER) == (0 if shared else 1)
        assert page.count('<script src="../plotly.min.js"></script>') == (1 if shared else 0)
    assert _leftovers(out) == []
    assert batch.rollup is None  # FAILED reports have nothing to pool
    assert not (out / "rollup.html").exists()


def test_a_bad_assets_value_stops_the_batch_before_anything_is_written(small_event, tmp_path):
    from sra_analysis import run_reports
    from sra_analysis.errors import ParameterError

    out = tmp_path / "out"
    with pytest.raises(
        ParameterError, match=r"assets must be one of \[None, 'inline', 'shared'\], got 'cdn'"
    ):
        run_reports([small_event], out, progress=False, assets="cdn")
    assert not out.exists()


def test_an_export_failure_fails_the_report_and_leaves_no_temporary_file(
    small_event, tmp_path, monkeypatch
):
    import sra_analysis.reports.batch.runner
    from sra_analysis import run_reports

    def broken_export(notebook, *, title, **assets):
        raise RuntimeError("template sra_report not found")

    monkeypatch.setattr(sra_analysis.reports.batch.runner, "export_html", broken_export)
    out = tmp_path / "out"
    batch = run_reports([small_event], out, where=Here(workers=1), progress=False, parameters=FAST)
    result = batch.results[0]
    assert result.error == "HTML export failed: RuntimeError: template sra_report not found"
    folder = out / "kota-sukabumi-2024"
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
    assert "FAILED" in (folder / "report.html").read_text("utf-8")
    notebook = json.loads((folder / "report.ipynb").read_text("utf-8"))
    assert notebook["cells"][0]["metadata"]["tags"] == ["sra-failed"]
    assert _leftovers(out) == []


def test_a_full_disk_fails_that_report_and_says_so(small_event, tmp_path, monkeypatch, capsys):
    _fill_disk_when_writing(monkeypatch, "report.html")
    out = tmp_path / "out"
    # an earlier good run's summary must not survive beside a report that failed now
    (out / "kota-sukabumi-2024").mkdir(parents=True)
    (out / "kota-sukabumi-2024" / "summary.json").write_text("{}", encoding="utf-8")
    assert main(["report", str(small_event), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert (
        "error while writing the report of kota-sukabumi-2024: [Errno 28] No space left on "
        f"device — free space in {out} or choose another --out"
    ) in captured.out
    assert "FAILED kota-sukabumi-2024" in captured.out
    assert "0 of 1 reports written" in captured.out
    folder = out / "kota-sukabumi-2024"
    assert not (folder / "summary.json").exists()
    assert not (folder / "report.html").exists()  # the disk took no page at all
    assert _leftovers(out) == []
    index = (out / "index.html").read_text("utf-8")
    assert "FAILED" in index and "No space left on device" in index


def test_a_full_disk_while_writing_the_index_exits_74(small_event, tmp_path, monkeypatch, capsys):
    _break(small_event)  # quick: the notebook stops at loading
    _fill_disk_when_writing(monkeypatch, "index.html")
    out = tmp_path / "out"
    assert main(["report", str(small_event), "--out", str(out)]) == 74
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"error: {out / 'index.html'}: cannot be written: [Errno 28] No space left on device — "
        f"free space in {out} or choose another --out"
    )
    assert _leftovers(out) == []


def test_a_full_disk_while_writing_the_shared_plotly_js_exits_74_before_any_report(
    small_event, tmp_path, monkeypatch, capsys
):
    import sra_analysis.reports.batch.where

    def forbidden(job):
        raise AssertionError(f"a report ran for {job.event_id}")

    monkeypatch.setattr(sra_analysis.reports.batch.where, "run_one", forbidden)
    _fill_disk_when_writing(monkeypatch, "plotly.min.js")
    out = tmp_path / "out"
    assert main(["report", str(small_event), "--out", str(out), "--assets", "shared"]) == 74
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"error: {out / 'plotly.min.js'}: cannot be written: [Errno 28] No space left on device"
        f" — free space in {out} or choose another --out"
    )
    assert _leftovers(out) == []


def test_an_interrupt_removes_the_temporary_files_and_exits_130(
    small_event, tmp_path, monkeypatch, capsys
):
    import sra_analysis.reports.batch.runner

    seen = {}

    def interrupted_export(notebook, *, title, **assets):
        # the notebook ran: its executed copy, the summary, the three roll-up tables and the
        # improvement plan are still temporary files
        seen["temporary"] = _leftovers(out)
        raise KeyboardInterrupt

    monkeypatch.setattr(sra_analysis.reports.batch.runner, "export_html", interrupted_export)
    out = tmp_path / "out"
    assert main(["report", str(small_event), "--out", str(out)]) == 130
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "interrupted; reports already written stay, temporary files were removed"
    )
    assert len(seen["temporary"]) == 6
    assert any(".improvement_plan.xlsx." in name for name in seen["temporary"])
    assert _leftovers(out) == []
    assert not (out / "kota-sukabumi-2024" / "summary.json").exists()
    assert not list((out / "kota-sukabumi-2024").glob("*.parquet"))
    assert not (out / "kota-sukabumi-2024" / "improvement_plan.xlsx").exists()


def test_ctrl_c_during_a_parallel_batch_exits_130_leaving_no_temporary_file(tmp_path):
    # a real SIGINT to the command's process group, as a terminal sends it on Ctrl-C, while
    # two worker processes are each inside a notebook (their temporary files exist)
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    # four events on two workers: when the first report is being exported, two more wait,
    # so the signal always finds the batch at work, however slow the machine
    events = [
        sample_dir() / name
        for name in (
            "kota-sukabumi-2024",
            "purwakarta-2024",
            "kota-cimahi-2024",
            "kota-banjar-2024",
        )
    ]
    command = [sys.executable, "-m", "sra_analysis.cli", "report", *map(str, events),
               "--out", str(out), "--workers", "2"]  # fmt: skip

    def as_from_a_terminal() -> None:
        # a command started from a terminal has SIGINT at its default and unblocked; this
        # pytest process may have inherited another state from what ran before (a library
        # that ignores or blocks SIGINT), and a child would inherit it in turn
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=as_from_a_terminal,
    )  # fmt: skip

    def in_a_report() -> bool:  # a temporary file in an event's folder: a report under way
        return out.exists() and any("/" in name for name in _leftovers(out))

    try:
        # poll often: an event's temporary files live for its export only (a few tenths of a
        # second), and a signal sent as the batch ends would find nothing left to interrupt
        while process.poll() is None and not in_a_report():
            time.sleep(0.01)
        assert process.poll() is None, "the batch ended before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        stdout, stderr = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "Error" not in stderr
    assert stderr.strip().splitlines()[-1] == (
        "interrupted; reports already written stay, temporary files were removed"
    )
    assert _leftovers(out) == []


# ------------------------------------------------------------------ reports at any size
# An event of 200,000 incidents (generated, every row valid) with one unanticipated incident
# whose description is 900 KB, and an event with no disruption at all, through the real
# notebook and the report pipeline.

LARGE_INCIDENTS = 200_000
#: Shared assets (two events): figures as data in both files, plotly.js beside the index.
MAX_LARGE_BYTES = 1 * MB
LONG_DESCRIPTION = ("Massa berkumpul " * 56_250).strip()  # 899,999 characters
MISSING_OR_MARKUP = re.compile(r"\b(nan|NaN|None|NaT|null|undefined)\b|<br>|&lt;|&gt;|&amp;")


def _quiet_event(root: Path) -> Path:
    from conftest import write_event_folder

    return write_event_folder(
        root / "quiet-2024",
        id="quiet-2024",
        incidents=[
            {"incident_id": "Q-1", "reported_at": "2024-03-01 09:10", "ring": "1",
             "category": "traffic", "severity": "2", "disrupted_proceedings": "false",
             "risk_id": "R1"},
            {"incident_id": "Q-2", "reported_at": "2024-03-02 14:30", "ring": "2",
             "category": "crowd", "severity": "1", "disrupted_proceedings": "false"},
        ],
        staffing=[
            {"officer_id": f"9100{k}", "ring": str(k), "shift_start": "2024-03-01 07:00",
             "shift_end": "2024-03-01 15:00"}
            for k in (1, 2, 3)
        ],
        risks=[
            {"risk_id": "R1", "threat": "Kemacetan", "ring": "1", "likelihood": "3",
             "impact": "2"},
            {"risk_id": "R2", "threat": "Unjuk rasa", "ring": "all", "likelihood": "4",
             "impact": "4", "window_start": "2024-03-02 12:00", "window_end": "2024-03-02 18:00"},
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def large_batch(tmp_path_factory):
    import dataclasses

    from sra_analysis import run_reports
    from sra_analysis.sample import generate_event, write_event

    root = tmp_path_factory.mktemp("large-events")
    synthetic = generate_event(
        seed=2024, event_id="large-2024", days=3, n_officers=60, n_incidents=LARGE_INCIDENTS
    )
    incidents = synthetic.incidents.copy()
    incidents["risk_id"] = incidents["risk_id"].astype(object)
    incidents.loc[0, "risk_id"] = None  # unanticipated, so it is listed in a table
    incidents.loc[0, "description"] = LONG_DESCRIPTION
    synthetic = dataclasses.replace(synthetic, incidents=incidents)
    large = write_event(synthetic, root / "large-2024", format="parquet")
    out = tmp_path_factory.mktemp("large-reports")
    batch = run_reports([large, _quiet_event(root)], out, where=Here(workers=1), progress=False)
    return {"batch": batch, "out": out, "incidents": incidents, "staffing": synthetic.staffing}


def _points(values) -> int:
    """Points in a Plotly data array: a list, or a typed array (``bdata`` in base64)."""
    import base64

    import numpy as np

    if isinstance(values, dict) and "bdata" in values:
        return len(base64.b64decode(values["bdata"])) // np.dtype(values["dtype"]).itemsize
    return len(values) if isinstance(values, list) else 0


def test_large_event_reports_and_notebook_stay_small(large_batch):
    assert [r.status for r in large_batch["batch"].results] == ["ok", "ok"]
    folder = large_batch["out"] / "large-2024"
    assert len(large_batch["incidents"]) == LARGE_INCIDENTS
    assert (folder / "report.html").stat().st_size <= MAX_LARGE_BYTES
    assert (folder / "report.ipynb").stat().st_size <= MAX_LARGE_BYTES


def test_large_event_charts_carry_at_most_a_few_thousand_points(large_batch):
    notebook = json.loads((large_batch["out"] / "large-2024" / "report.ipynb").read_text("utf-8"))
    figures = [
        output["data"]["application/vnd.plotly.v1+json"]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    ]
    assert len(figures) >= 7
    largest = max(_points(trace.get(axis)) for f in figures for trace in f["data"]
                  for axis in ("x", "y", "z", "hovertext"))  # fmt: skip
    assert 0 < largest <= 3000
    markers = [trace for f in figures for trace in f["data"] if isinstance(trace.get("meta"), dict)
               and trace["meta"].get("kind") == "incidents"]  # fmt: skip
    counted = sum(sum(_decode(trace["customdata"])) for trace in markers)
    assert counted == LARGE_INCIDENTS  # every incident is in some counted marker


def _decode(values) -> list:
    import base64

    import numpy as np

    if isinstance(values, dict) and "bdata" in values:
        values = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
    return [int(value) for value in values]


def test_large_event_tables_are_capped_and_the_rest_saved_beside(large_batch):
    folder = large_batch["out"] / "large-2024"
    incidents = large_batch["incidents"]
    unanticipated = int(incidents["risk_id"].isna().sum() + (incidents["risk_id"] == "").sum())
    page = (folder / "report.html").read_text("utf-8")
    assert f"… and {unanticipated - 100:,} more" in page
    assert 'href="tables/unanticipated_incidents.csv"' in page
    saved = pd.read_csv(folder / "tables" / "unanticipated_incidents.csv", dtype=str,
                        keep_default_na=False, encoding="utf-8-sig")  # fmt: skip
    assert len(saved) == unanticipated
    assert LONG_DESCRIPTION in set(saved["Description"])  # the saved table keeps it whole
    assert LONG_DESCRIPTION[:1000] not in page  # the report shows 300 characters of it
    officers = set(large_batch["staffing"]["officer_id"])
    for table in (folder / "tables").glob("*.csv"):
        text = table.read_text("utf-8-sig")
        assert [officer for officer in officers if officer in text] == []


@pytest.mark.parametrize("event_id", ["quiet-2024", "large-2024"])
def test_reports_show_no_nan_none_or_markup_as_text(large_batch, browser, event_id):
    folder = large_batch["out"] / event_id
    expected = _plotly_outputs(folder / "report.ipynb")
    record = visit(browser, folder / "report.html", expected_plots=expected)
    assert record.drawn_plots == expected
    assert record.page_errors == [] and record.blocked_requests == []
    assert MISSING_OR_MARKUP.findall(record.text) == []
    if event_id == "quiet-2024":  # no disrupted window: no ROC area, shown as a dash
        assert "–\nAUC (rating vs disruption)" in record.text


# ------------------------------------------------------- what the roll-up reads, per event


def test_each_report_leaves_the_roll_up_tables_beside_its_summary(batch):
    from sra_analysis import evaluate, load_event
    from sra_analysis.reports.files import EVENT_TABLES
    from sra_analysis.rollup.artefacts import (
        INCIDENT_CATEGORY_COLUMNS,
        INCIDENT_COLUMNS,
        TABLE_NAMES,
        event_tables,
    )

    assert EVENT_TABLES == TABLE_NAMES
    folder = batch["out"] / "purwakarta-2024"
    event = load_event(sample_dir() / "purwakarta-2024")
    expected = event_tables(evaluate(event, n_resamples=0), event)
    for name in TABLE_NAMES:
        saved = pd.read_parquet(folder / f"{name}.parquet")
        # the same rows and values as the event's tables (scores do not enter them)
        pd.testing.assert_frame_equal(
            saved.reset_index(drop=True), expected[name].reset_index(drop=True),
            check_dtype=False, check_categorical=False,
        )  # fmt: skip
    incidents = pd.read_parquet(folder / "incidents.parquet")
    # no description, no officer field: the category as written only for "other"
    assert list(incidents.columns) == INCIDENT_COLUMNS + INCIDENT_CATEGORY_COLUMNS
    assert len(incidents) == len(event.incidents)


def test_a_failed_report_leaves_no_summary_and_no_tables(batch):
    folder = batch["out"] / "broken-event"
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
    assert _leftovers(batch["out"]) == []


def test_tables_of_an_earlier_run_go_when_the_report_now_fails(small_event, tmp_path):
    from sra_analysis import run_reports

    out = tmp_path / "out"
    first = run_reports([small_event], out, where=Here(workers=1), progress=False, parameters=FAST)
    assert first.results[0].ok
    folder = out / "kota-sukabumi-2024"
    assert (folder / "windows.parquet").exists()
    assert (folder / "improvement_plan.xlsx").exists()
    _break(small_event)
    again = run_reports([small_event], out, where=Here(workers=1), progress=False, parameters=FAST)
    assert not again.results[0].ok
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
    assert _leftovers(out) == []


def test_a_report_failing_after_its_plan_was_written_leaves_no_plan(small_event, tmp_path):
    # the setup cell writes the plan beside the temporary summary; a later cell fails
    import nbformat

    from sra_analysis import run_reports
    from sra_analysis.resources import notebook_path

    notebook = nbformat.read(notebook_path("review_report"), as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('late failure')"))
    failing = tmp_path / "late_failure.ipynb"
    nbformat.write(notebook, failing)
    out = tmp_path / "out"
    batch = run_reports(
        [small_event],
        out,
        notebook=str(failing),
        where=Here(workers=1),
        progress=False,
        parameters=FAST,
    )
    assert not batch.results[0].ok and "late failure" in batch.results[0].error
    folder = out / "kota-sukabumi-2024"
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.ipynb"]
    assert _leftovers(out) == []
