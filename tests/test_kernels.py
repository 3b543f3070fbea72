"""The kernel-reusing papermill engine: one kernel per process, a clean namespace per run."""

from __future__ import annotations

import nbformat
import papermill
import pytest

from sra_analysis.reports.kernels import _KERNELS, ENGINE_NAME, register_engine, shutdown_kernels


@pytest.fixture
def probe(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}  # fmt: skip
    parameters = nbformat.v4.new_code_cell("x = 0  # value to remember")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "import os\nprint('leak' if 'y' in dir() else 'clean', x, os.getpid())\ny = x"
        ),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(notebook, path)
    return path


def _run(path, out, x):
    result = papermill.execute_notebook(
        str(path), str(out), parameters={"x": x}, engine_name=ENGINE_NAME,
        kernel_name="python3", progress_bar=False,
    )  # fmt: skip
    return result.cells[-1].outputs[0]["text"].split()


def test_kernel_is_reused_and_namespace_reset(probe, tmp_path):
    register_engine()
    try:
        first = _run(probe, tmp_path / "a.ipynb", 1)
        second = _run(probe, tmp_path / "b.ipynb", 2)
    finally:
        shutdown_kernels()
    assert first[:2] == ["clean", "1"]
    assert second[:2] == ["clean", "2"]  # y from the first run is gone
    assert first[2] == second[2]  # the same kernel process ran both


def test_a_dead_kernel_is_replaced(probe, tmp_path):
    register_engine()
    try:
        first = _run(probe, tmp_path / "a.ipynb", 1)
        manager = _KERNELS["python3"]
        manager.provisioner.process.kill()
        manager.provisioner.process.wait()
        second = _run(probe, tmp_path / "b.ipynb", 2)
    finally:
        shutdown_kernels()
    assert second[:2] == ["clean", "2"]
    assert first[2] != second[2]
