"""The repository keeps its own rules: ruff clean, notebooks without outputs, README commands."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sra_analysis.resources import NOTEBOOKS, ROLLUP_NOTEBOOK, notebooks_dir

SHIPPED = sorted(p.stem for p in notebooks_dir().glob("*.ipynb"))

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    ruff = shutil.which("ruff")
    command = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_lint_is_clean():
    result = _ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_shipped_notebook_is_known():
    assert set(SHIPPED) == {*NOTEBOOKS, ROLLUP_NOTEBOOK}


@pytest.mark.parametrize("name", SHIPPED)
def test_notebooks_are_committed_without_outputs(name):
    notebook = json.loads((notebooks_dir() / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{name}: a code cell has outputs"
            assert cell["execution_count"] is None, f"{name}: a code cell has an execution count"


@pytest.mark.parametrize("name", SHIPPED)
def test_notebooks_have_a_commented_parameters_cell(name):
    notebook = json.loads((notebooks_dir() / f"{name}.ipynb").read_text(encoding="utf-8"))
    tagged = [c for c in notebook["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    lines = [line for line in "".join(tagged[0]["source"]).splitlines() if line.strip()]
    assert lines and all(" = " in line and "  # " in line for line in lines), lines


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first, second = [block.strip() for block in text.split("```bash")[1:3]]
    assert first.startswith(
        'pip install -e ".[dev]" && sra-review report data/sample --out reports'
    )
    assert second.startswith('pip install -e ".[dev]" && pytest')


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert '\npip install -e ".[dev]" && pytest\n' in script


def test_repository_links_point_into_the_package():
    assert (ROOT / "data" / "sample").resolve() == (ROOT / "sra_analysis" / "sample_data")
    assert (ROOT / "notebooks").resolve() == notebooks_dir()


def test_no_module_of_the_package_is_over_400_lines():
    # house style: a module past 400 lines is asking to be split (rotation.py grew to 430
    # unnoticed, as only the chart modules were checked)
    package = ROOT / "sra_analysis"
    long = {
        str(path.relative_to(ROOT)): n
        for path in sorted(package.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long
