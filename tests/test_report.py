"""Batch reports end to end: the real notebook through papermill, nbconvert HTML, Chromium.

One batch (run once per module through the ``sra-review report`` command) holds the
Purwakarta event, a generated event with Excel files and rings numbered inside-out, an event
whose incident descriptions carry HTML/JS payloads, and an event that cannot be loaded.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from _browser import CHROMIUM, LAUNCH_ARGS, chromium_or_skip, visit

from sra_analysis import evaluate, load_event
from sra_analysis.cli import main
from sra_analysis.resources import sample_dir

PAYLOAD_SCRIPT = "<script>window.__xss = 1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__xss = 2">'
MAX_REPORT_BYTES = 6 * 1024 * 1024


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


@pytest.fixture(scope="module")
def browser():
    sync_playwright = chromium_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


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
    assert {p.name for p in folder.iterdir()} == {"report.html", "report.ipynb", "summary.json"}
    assert (folder / "report.html").stat().st_size <= MAX_REPORT_BYTES


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
    assert set(summary["event"]) == {"id", "name", "timezone", "start", "end"}
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
    # the inside-out event lists its rings in its own display order: plenary room first
    assert summary["by_ring"][0]["ring"] == "1"


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


def test_indonesian_inside_out_report_draws_offline(batch, browser):
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


def test_failed_report_opens_and_says_failed(batch, browser):
    record = visit(browser, batch["out"] / "broken-event" / "report.html")
    assert "FAILED" in record.text
    assert record.blocked_requests == [] and record.page_errors == []


def test_index_draws_its_chart_offline(batch, browser):
    record = visit(browser, batch["out"] / "index.html", expected_plots=1)
    assert record.blocked_requests == [] and record.page_errors == []
    assert record.drawn_plots == 1


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
            [sample_dir() / "kota-sukabumi-2024"], tmp_path, executor=pool, progress=False,
            parameters={"n_resamples": 0},
        )  # fmt: skip
    assert [r.status for r in batch.results] == ["ok"]
    assert (tmp_path / "kota-sukabumi-2024" / "summary.json").exists()


def test_unknown_notebook_parameters_are_refused_by_name(tmp_path):
    from sra_analysis import ParameterError, run_reports

    with pytest.raises(ParameterError, match=r"no parameter\(s\) \['flag_levle'\]"):
        run_reports([sample_dir() / "purwakarta-2024"], tmp_path,
                    parameters={"flag_levle": "high"})  # fmt: skip
    with pytest.raises(ParameterError, match="lang must be one of"):
        run_reports([sample_dir() / "purwakarta-2024"], tmp_path, lang="fr")


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


# ------------------------------------------------------------------ reports at any size
# An event of 200,000 incidents (generated, every row valid) with one unanticipated incident
# whose description is 900 KB, and an event with no disruption at all, through the real
# notebook and the report pipeline.

LARGE_INCIDENTS = 200_000
MAX_LARGE_BYTES = 8 * 1024 * 1024
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
    batch = run_reports([large, _quiet_event(root)], out, workers=1, progress=False)
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
