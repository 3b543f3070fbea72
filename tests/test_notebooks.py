"""Every shipped notebook runs with plain papermill (a fresh kernel, as a user would) and
its output holds the sections it promises, with no error; the focused notebooks review the
slice they are given; every notebook sets up through one call and writes each heading once."""

from __future__ import annotations

import base64
import json
import re

import nbformat
import numpy as np
import openpyxl
import papermill
import pytest

from sra_analysis.labels import LABELS
from sra_analysis.resources import NOTEBOOKS, notebook_path, sample_dir

COMMON = {"event_dir", "lang", "flag_level", "freq", "n_resamples", "seed", "summary_path"}
FOCUSED = ("risk_vs_observed", "staffing_vs_incidents")
SLICE = {"slice_rings", "slice_start", "slice_end", "slice_categories"}  # explore's last section
PARAMETERS = {
    name: COMMON
    | ({"rings", "start", "end"} if name in FOCUSED else set())
    | (SLICE if name == "explore" else set())
    for name in NOTEBOOKS
}

# Text each notebook's output must show (English labels from sra_analysis.labels).
SECTIONS = {
    "review_report": [
        "Overview",
        "Chronology",
        "Strengths",
        "Areas for improvement",
        "Improvement plan",
        "Analyst annex",
        "Verdict on the SRA",
        "Was the SRA right?",
        "Staffing against incidents, ring by ring",
        "Misses, false alarms and the unanticipated",
        "Glossary",
        "Appendix: incident log, data quality and provenance",
        "Incident log",
    ],
    "risk_vs_observed": [
        "Verdict on the SRA",
        "Was the SRA right?",
        "Rates by predicted level, ring by ring",
        "Hits, misses and false alarms, ring by ring and day by day",
        "SRA items",
    ],
    "staffing_vs_incidents": [
        "Verdict on the SRA",
        "Officers on duty, incidents and predicted risk over time",
        "Staffing against incidents, ring by ring",
        "Staffing against plan, ring by ring and day by day",
        "Flagged windows staffed below plan",
    ],
    "explore": [],
}


def _output_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(str(data.get("text/html", "")) + str(data.get("text/plain", "")))
            parts.append(str(output.get("text", "")))
    return "\n".join(parts)


def _errors(notebook) -> list:
    return [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameters_cell_declares_every_parameter(name):
    # papermill parses the parameters cell itself; a comment it cannot read hides a parameter
    assert set(papermill.inspect_notebook(str(notebook_path(name)))) == PARAMETERS[name]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_with_plain_papermill(name, tmp_path):
    out = tmp_path / f"{name}.ipynb"
    notebook = papermill.execute_notebook(
        str(notebook_path(name)),
        str(out),
        parameters={"event_dir": str(sample_dir() / "purwakarta-2024"), "n_resamples": 100},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    assert _errors(notebook) == []
    text = _output_text(notebook)
    for section in SECTIONS[name]:
        assert section in text, section
    figures = sum(
        "application/vnd.plotly.v1+json" in output.get("data", {})
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )
    assert figures >= 1
    # figures are data: no plotly.js (its licence banner) and no script drawing them
    saved = out.read_text(encoding="utf-8")
    assert "plotly.js v" not in saved and "Plotly.newPlot" not in saved


def test_review_report_in_indonesian_on_an_outside_in_excel_event(tmp_path):
    notebook = papermill.execute_notebook(
        str(notebook_path("review_report")),
        str(tmp_path / "out.ipynb"),
        parameters={
            "event_dir": str(sample_dir() / "kab-cianjur-2024"),
            "lang": "id",
            "n_resamples": 100,
            "summary_path": str(tmp_path / "summary.json"),
        },
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    assert _errors(notebook) == []
    text = _output_text(notebook)
    sections = ("Gambaran umum", "Kronologi", "Rencana perbaikan", "Lampiran analis",
                "Penilaian atas SRA", "Apakah SRA tepat?", "Daftar istilah",
                "Daftar kejadian")  # fmt: skip
    assert [text.index(s) for s in sections] == sorted(text.index(s) for s in sections)
    assert (tmp_path / "summary.json").exists()
    # the improvement plan to fill in lies beside the summary, linked from the plan's section
    plan = openpyxl.load_workbook(tmp_path / "improvement_plan.xlsx").active
    assert (plan.title, plan["C7"].value, plan["E7"].value, plan["K7"].value) == (
        "Rencana perbaikan", "Temuan", "Saran tindak lanjut", "Status"
    )  # fmt: skip
    assert '<a href="improvement_plan.xlsx">Rencana perbaikan untuk diisi' in text


def test_a_bad_parameter_fails_in_the_validation_cell_naming_it(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="lang must be one of"):
        papermill.execute_notebook(
            str(notebook_path("review_report")),
            str(tmp_path / "out.ipynb"),
            parameters={"event_dir": str(sample_dir() / "purwakarta-2024"), "lang": "fr"},
            kernel_name="python3",
            progress_bar=False,
            cwd=str(tmp_path),
        )


def _source(name: str) -> nbformat.NotebookNode:
    return nbformat.read(notebook_path(name), as_version=4)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_setup_is_one_shared_call_not_copied_cells(name):
    code = [c.source for c in _source(name).cells if c.cell_type == "code"]
    setup = [s for s in code if "start_review(" in s]
    assert len(setup) == 1 and code.index(setup[0]) == 1  # right after the parameters
    body = "\n".join(code)
    for copied in ("check_parameters(", "load_event(", "evaluate(", "write_json_atomic(",
                   "tables_folder("):  # fmt: skip
        assert copied not in body, copied


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_each_heading_is_written_once_as_a_label_key(name):
    cells = _source(name).cells
    # Markdown cells are notes for JupyterLab; in a report the only heading among them is the
    # title (explore is no report: its Markdown headings outline it in JupyterLab)
    for cell in cells[1:]:
        if cell.cell_type == "markdown":
            if name != "explore":
                assert not re.search(r"^#", cell.source, re.MULTILINE), cell.source
            assert "notebook-only" in cell.metadata.get("tags", [])
    keys = re.findall(r"heading\(\"([^\"]+)\"", "\n".join(c.source for c in cells))
    assert len(keys) == len(set(keys))  # no section heads two places
    assert all(key in LABELS for key in keys), keys


def _array(values) -> np.ndarray:
    """Plotly's JSON holds arrays as lists or as typed base64 ``{"dtype", "bdata", "shape"}``."""
    if isinstance(values, dict):
        flat = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = [int(n) for n in str(values.get("shape", len(flat))).split(",")]
        return flat.reshape(shape)
    return np.asarray(values, dtype=float)


def _title(figure: dict) -> str:
    return figure["layout"].get("title", {}).get("text", "")


def _figures(notebook) -> list[dict]:
    return [
        output["data"]["application/vnd.plotly.v1+json"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    ]


@pytest.mark.parametrize("name", FOCUSED)
def test_a_focused_notebook_reviews_only_its_slice(name, tmp_path):
    summary = tmp_path / "summary.json"
    notebook = papermill.execute_notebook(
        str(notebook_path(name)),
        str(tmp_path / "out.ipynb"),
        parameters={
            "event_dir": str(sample_dir() / "purwakarta-2024"),
            "n_resamples": 0,
            "rings": ["Inside the building"],  # ring 2, by its name
            "start": "2024-03-02 00:00",
            "end": "2024-03-03 00:00",
            "summary_path": str(summary),
        },
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    assert _errors(notebook) == []
    text = _output_text(notebook)
    assert "This review covers part of the event: Inside the building" in text
    # the other rings appear nowhere after the note, nor other days in the day-by-day tables
    assert "Sat 02 Mar 2024" in text
    for other in ("Outside the fence", "Plenary room", "Fri 01 Mar 2024", "Sun 03 Mar 2024"):
        assert other not in text.split("this part only.")[1], other
    rings_seen = set()
    for figure in _figures(notebook):
        for trace in figure["data"]:
            meta = trace.get("meta")
            if isinstance(meta, dict) and "ring" in meta:
                rings_seen.add(meta["ring"])
            for axis in ("x", "y"):
                values = trace.get(axis)
                if isinstance(values, list) and any(
                    isinstance(v, str) and v in ("Outside the fence", "Plenary room")
                    for v in values
                ):
                    raise AssertionError(f"{figure['layout']['title']['text']}: {values}")
    if name == "staffing_vs_incidents":  # its traces carry their ring
        assert rings_seen == {"2"}
    else:  # windows by level × outcome: ring 2 over one day is 24 one-hour windows
        (confusion,) = [f for f in _figures(notebook) if "what happened" in _title(f)]
        assert _array(confusion["data"][0]["z"]).sum() == 24
    written = json.loads(summary.read_text(encoding="utf-8"))
    assert written["provenance"]["parameters"]["slice"]["rings"] == ["2"]
    assert written["by_ring"] == [row for row in written["by_ring"] if row["ring"] == "2"]


def test_a_bad_slice_fails_in_the_setup_cell_naming_it(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="rings must name rings"):
        papermill.execute_notebook(
            str(notebook_path("risk_vs_observed")),
            str(tmp_path / "out.ipynb"),
            parameters={"event_dir": str(sample_dir() / "purwakarta-2024"), "rings": ["9"]},
            kernel_name="python3",
            progress_bar=False,
            cwd=str(tmp_path),
        )


def _chart_calls(name: str) -> int:
    """Charts a notebook draws, counted in its source: one per ``present.show(`` call."""
    return sum(
        c.source.count("present.show(") for c in _source(name).cells if c.cell_type == "code"
    )


def test_explore_draws_every_chart_of_the_report_and_reviews_its_slice(tmp_path):
    report_charts = set(re.findall(r"charts\.(\w+)\(", _code("review_report")))
    explore = _code("explore")
    # every chart the review report draws, drawn for the whole event (on `review` or `event`)
    for chart in report_charts:
        assert re.search(rf"charts\.{chart}\((review|event)\b", explore), chart
    notebook = papermill.execute_notebook(
        str(notebook_path("explore")),
        str(tmp_path / "out.ipynb"),
        parameters={
            "event_dir": str(sample_dir() / "purwakarta-2024"),
            "n_resamples": 0,
            "slice_rings": ["Outside the fence"],  # ring 3, by its name
            "slice_start": "2024-03-02 00:00",
            "slice_end": "2024-03-03 00:00",
            "slice_categories": ["Protest"],
        },
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    assert _errors(notebook) == []
    # the sample's register gives probabilities, so the calibration chart is drawn too
    assert len(_figures(notebook)) == _chart_calls("explore") == len(report_charts) + 3
    # incidents.csv of the sample: the protests in ring 3 on 2 March are INC-019, -021, -022
    # and -025 (INC-021 written "Ring III"); the slice's table lists exactly those
    (table,) = [c for c in notebook.cells if c.source.startswith("present.incident_table(part")]
    shown = "".join(o.get("data", {}).get("text/html", "") for o in table.outputs)
    assert sorted(set(re.findall(r"INC-\d+", shown))) == [
        "INC-019",
        "INC-021",
        "INC-022",
        "INC-025",
    ]
    text = _output_text(notebook)
    assert "This review covers part of the event: Outside the fence" in text
    # the slice's timeline holds ring 3 only
    (timeline,) = [
        f for f, c in _figures_with_source(notebook) if "staffing_vs_incidents(part" in c
    ]
    rings = {t["meta"]["ring"] for t in timeline["data"] if isinstance(t.get("meta"), dict)}
    assert rings == {"3"}


def _code(name: str) -> str:
    return "\n".join(c.source for c in _source(name).cells if c.cell_type == "code")


def _figures_with_source(notebook) -> list[tuple[dict, str]]:
    return [
        (output["data"]["application/vnd.plotly.v1+json"], cell.source)
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "application/vnd.plotly.v1+json" in output.get("data", {})
    ]
