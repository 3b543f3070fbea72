"""Kept kernels: a pool per process, pre-started and warm, a clean namespace per run."""

from __future__ import annotations

import concurrent.futures as futures
import json
import os
import threading
import time

import nbformat
import papermill
import pytest

from sra_analysis.reports.batch import kernels
from sra_analysis.reports.batch.engine import ENGINE_NAME, register_engine
from sra_analysis.reports.batch.kernels import (
    WARM_IMPORTS,
    kept_kernels,
    prestart_kernels,
    shutdown_kernels,
)


def _notebook(path, code: str):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}  # fmt: skip
    parameters = nbformat.v4.new_code_cell("x = 0  # value to remember")
    parameters.metadata["tags"] = ["parameters"]
    notebook.cells = [parameters, nbformat.v4.new_code_cell(code)]
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def probe(tmp_path):
    # prints whether a name of an earlier run (y) or of the warm-up (sra_analysis) is there
    return _notebook(
        tmp_path / "probe.ipynb",
        "import os, sys\n"
        "leaked = {'y', 'sra_analysis', '_sra_warm'} & set(dir())\n"
        "print('leak' if leaked else 'clean', x, os.getpid(),\n"
        "      int('sra_analysis.charts' in sys.modules))\n"
        "y = x",
    )


@pytest.fixture(autouse=True)
def _fresh_pool():
    shutdown_kernels()
    register_engine()
    yield
    shutdown_kernels()


def _run(path, out, x):
    result = papermill.execute_notebook(
        str(path), str(out), parameters={"x": x}, engine_name=ENGINE_NAME,
        kernel_name="python3", progress_bar=False,
    )  # fmt: skip
    return result.cells[-1].outputs[0]["text"].split()


def _idle_manager():
    return kernels._IDLE["python3"][-1].result()


def test_kernel_is_reused_and_namespace_reset(probe, tmp_path):
    first = _run(probe, tmp_path / "a.ipynb", 1)
    second = _run(probe, tmp_path / "b.ipynb", 2)
    assert first[:2] == ["clean", "1"]
    assert second[:2] == ["clean", "2"]  # y from the first run is gone
    assert first[2] == second[2]  # the same kernel process ran both
    assert kept_kernels() == 1


def test_a_dead_kernel_is_replaced(probe, tmp_path):
    first = _run(probe, tmp_path / "a.ipynb", 1)
    manager = _idle_manager()
    manager.provisioner.process.kill()
    manager.provisioner.process.wait()
    second = _run(probe, tmp_path / "b.ipynb", 2)
    assert second[:2] == ["clean", "2"]
    assert first[2] != second[2]
    assert kept_kernels() == 1  # the dead one was let go


def test_a_prestarted_kernel_is_warm_and_its_namespace_empty(probe, tmp_path):
    prestart_kernels(1)
    manager = _idle_manager()  # waits until it is warm
    first = _run(probe, tmp_path / "a.ipynb", 1)
    # the run took the pre-started kernel: its modules are loaded, no name is bound
    assert first == ["clean", "1", str(manager.provisioner.process.pid), "1"]
    assert "sra_analysis.charts" in WARM_IMPORTS
    assert kept_kernels() == 1


def test_prestarting_counts_the_idle_kernels(probe, tmp_path):
    prestart_kernels(2)
    prestart_kernels(2)  # two are on their way already
    assert kept_kernels() <= 2
    assert len(kernels._IDLE["python3"]) == 2


def test_threads_each_get_a_kernel_and_give_it_back(probe, tmp_path):
    barrier = threading.Barrier(2)

    def run(name):
        barrier.wait()
        return _run(probe, tmp_path / f"{name}.ipynb", 1)

    with futures.ThreadPoolExecutor(2) as pool:
        first, second = pool.map(run, ["a", "b"])
    assert first[:2] == second[:2] == ["clean", "1"]
    assert first[2] != second[2]  # two kernels at once
    assert kept_kernels() == 2
    third = _run(probe, tmp_path / "c.ipynb", 3)
    assert third[:2] == ["clean", "3"] and third[2] in {first[2], second[2]}
    assert kept_kernels() == 2


def test_shutdown_stops_a_busy_kernel(tmp_path):
    slow = _notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(120)")
    errors = []

    def run():
        try:
            _run(slow, tmp_path / "s.ipynb", 1)
        except Exception as error:  # the dead kernel's error is the point
            errors.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    while not (kernels._ALL and kernels._ALL[0].has_kernel):
        time.sleep(0.05)
    time.sleep(2)  # inside the cell
    shutdown_kernels()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert len(errors) == 1
    assert kept_kernels() == 0


def test_a_kernel_that_fails_to_warm_up_is_stopped_and_a_fresh_one_runs(
    probe, tmp_path, monkeypatch
):
    monkeypatch.setattr(kernels, "_WARM_CODE", "import os; os._exit(1)")
    monkeypatch.setattr(kernels, "_WARM_TIMEOUT", 5)
    prestart_kernels(1)
    with pytest.raises(Exception):  # noqa: B017 - whichever way the dead kernel shows
        kernels._IDLE["python3"][-1].result()
    assert kept_kernels() == 0  # the failed one is not kept
    first = _run(probe, tmp_path / "a.ipynb", 1)
    assert first[:2] == ["clean", "1"]
    assert kept_kernels() == 1


def test_stopped_kernels_start_no_notebook_until_allowed(probe, tmp_path):
    from sra_analysis.reports.batch.kernels import (
        KernelsStopped,
        allow_kernels,
        checkout,
        stop_kernels,
    )

    prestart_kernels(1)
    outcome = []

    def take():  # a batch thread waiting for the kernel that is still warming up
        try:
            outcome.append(checkout("python3"))
        except KernelsStopped as error:
            outcome.append(error)

    thread = threading.Thread(target=take)
    thread.start()
    stop_kernels()
    thread.join(timeout=60)  # it gives up instead of waiting out the warm-up
    try:
        assert not thread.is_alive()
        assert len(outcome) == 1 and isinstance(outcome[0], KernelsStopped)
        assert kept_kernels() == 0
        with pytest.raises(Exception, match="the kernels were stopped"):
            _run(probe, tmp_path / "a.ipynb", 1)
    finally:
        allow_kernels()
    assert _run(probe, tmp_path / "b.ipynb", 2)[:2] == ["clean", "2"]


class _StopRightAfterTheCheck:
    """The stop flag, set by an interrupt that arrives just after the first look at it."""

    def __init__(self, flag):
        self.flag, self.looked = flag, False

    def is_set(self):
        if self.looked:
            return self.flag.is_set()
        self.looked = True
        self.flag.set()
        return False

    def __getattr__(self, name):
        return getattr(self.flag, name)


def test_a_stop_just_after_checkout_looks_still_refuses_the_kernel(monkeypatch):
    # in CI a stop landed between checkout's look at the flag and its look at the pool, and
    # checkout handed out a new kernel for an interrupted batch
    from sra_analysis.reports.batch.kernels import KernelsStopped, allow_kernels, checkout

    monkeypatch.setattr(kernels, "_STOPPED", _StopRightAfterTheCheck(kernels._STOPPED))
    try:
        with pytest.raises(KernelsStopped):
            checkout("python3")
        assert kept_kernels() == 0  # nothing was registered for the stop to miss
    finally:
        allow_kernels()


def test_a_prestarted_kernel_collects_garbage_but_not_its_warm_up(tmp_path):
    # the warm-up pauses the collector while it imports, then freezes what it made
    probe = _notebook(
        tmp_path / "gc.ipynb",
        "import gc\nprint(int(gc.isenabled()), int(gc.get_freeze_count() > 0))",
    )
    assert _run(probe, tmp_path / "fresh.ipynb", 1) == ["1", "0"]  # a kernel not warmed
    shutdown_kernels()
    prestart_kernels(1)
    assert _run(probe, tmp_path / "warm.ipynb", 1) == ["1", "1"]


def _kernel_folder(root, name: str):
    folder = root / "kernels" / name
    folder.mkdir(parents=True)
    spec = {"argv": ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": name, "language": "python"}  # fmt: skip
    (folder / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    return folder


def test_kernel_specs_are_found_where_jupyter_client_finds_them(tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager

    # one kernel in a Jupyter folder, one only in IPython's folder, one in both
    jupyter, ipython = tmp_path / "jupyter", tmp_path / "ipython"
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter))
    monkeypatch.setenv("IPYTHONDIR", str(ipython))
    in_jupyter = _kernel_folder(jupyter, "sra-jupyter")
    in_ipython = _kernel_folder(ipython, "sra-ipython")
    both = _kernel_folder(jupyter, "sra-both")
    _kernel_folder(ipython, "sra-both")
    ours, theirs = kernels._KernelSpecs(), KernelSpecManager()
    for name, folder in [("sra-jupyter", in_jupyter), ("sra-ipython", in_ipython),
                         ("sra-both", both)]:  # fmt: skip
        assert ours.get_kernel_spec(name).resource_dir == str(folder)
        assert theirs.get_kernel_spec(name).resource_dir == str(folder)


def test_a_kernel_in_a_jupyter_folder_is_found_without_importing_ipython():
    import subprocess
    import sys

    from jupyter_core.paths import jupyter_path

    if not any(os.path.isfile(os.path.join(d, "python3", "kernel.json"))
               for d in jupyter_path("kernels")):  # fmt: skip
        pytest.skip("the python3 kernel spec is not in a Jupyter folder here")
    code = (
        "import sys\n"
        "from sra_analysis.reports.batch.kernels import _KernelSpecs\n"
        "_KernelSpecs().get_kernel_spec('python3')\n"
        "print('IPython' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
