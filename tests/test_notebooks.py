"""Every shipped notebook runs with plain papermill (a fresh kernel, as a user would) and
its output holds the sections it promises, with no error."""

from __future__ import annotations

import papermill
import pytest

from sra_analysis.resources import NOTEBOOKS, notebook_path, sample_dir

PARAMETERS = {"event_dir", "lang", "flag_level", "freq", "n_resamples", "seed", "summary_path"}

# Text each notebook's output must show (English labels from sra_analysis.labels).
SECTIONS = {
    "review_report": [
        "Verdict on the SRA",
        "Was the SRA right?",
        "Staffing against incidents, ring by ring",
        "Misses, false alarms and the unanticipated",
        "Findings",
        "Improvement plan",
        "Appendix: data quality and provenance",
    ],
    "risk_vs_observed": ["Verdict on the SRA", "Was the SRA right?", "SRA items"],
    "staffing_vs_incidents": ["Verdict on the SRA", "Staffing against incidents, ring by ring"],
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
    assert set(papermill.inspect_notebook(str(notebook_path(name)))) == PARAMETERS


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


def test_review_report_in_indonesian_on_an_inside_out_excel_event(tmp_path):
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
    for section in ("Penilaian atas SRA", "Apakah SRA tepat?", "Rencana perbaikan"):
        assert section in text
    assert (tmp_path / "summary.json").exists()


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
