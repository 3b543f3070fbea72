"""A batch on a real Dask cluster: a LocalCluster of two worker processes over four events.

Events travel to the workers as bytes and reports come back as bytes; each worker keeps one
kernel across its reports; a worker killed mid-batch has its report retried once, and a report
that kills its worker every time is FAILED while the others complete.
"""

from __future__ import annotations

import json
import logging
import shutil

import dask
import nbformat
import openpyxl
import pytest
from distributed import Client, LocalCluster

from sra_analysis import run_reports
from sra_analysis.cli import main
from sra_analysis.reports.batch.kernels import kept_kernels
from sra_analysis.reports.batch.where import Here, OnDask, OnExecutor, where_to_run
from sra_analysis.resources import notebook_path, sample_dir

EVENTS = ("kota-sukabumi-2024", "purwakarta-2024", "kab-garut-2024", "kota-depok-2024")
FAST = {"n_resamples": 0}


@pytest.fixture(scope="module")
def cluster():
    # as `--scheduler local` starts it: the batch's own retry is the only one
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        local = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=logging.ERROR,
        )  # fmt: skip
    client = Client(local)
    yield client
    client.close()
    local.close()


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    root = tmp_path_factory.mktemp("events")
    for name in EVENTS:
        shutil.copytree(sample_dir() / name, root / name)
    return [root / name for name in EVENTS]


def _summary(path):
    summary = json.loads(path.read_text("utf-8"))
    summary["provenance"].pop("generated_at")
    return summary


def _cells(path) -> list[tuple]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def _killer_notebook(tmp_path, *, always: bool):
    """review_report with a first cell that kills its Dask worker (the kernel's parent) when
    it reviews kota-sukabumi-2024: the first time only, or every time."""
    notebook = nbformat.read(notebook_path("review_report"), as_version=4)
    parameters = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source += '\nmarker = ""  # a file written before the first kill'
    kill = nbformat.v4.new_code_cell(
        "import os, signal\n"
        "if event_dir.rstrip('/').endswith('kota-sukabumi-2024')"
        f"{'' if always else ' and not os.path.exists(marker)'}:\n"
        "    open(marker, 'a').close()\n"
        "    os.kill(os.getppid(), signal.SIGKILL)"
    )
    notebook.cells.insert(notebook.cells.index(parameters) + 1, kill)
    path = tmp_path / "killer.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_batch_on_the_cluster_writes_here_what_a_local_batch_writes(cluster, events, tmp_path):
    out = tmp_path / "cluster"
    batch = run_reports(
        events, out, where=OnDask(cluster.scheduler.address), parameters=FAST, progress=False
    )
    assert [r.status for r in batch.results] == ["ok"] * 4
    assert [r.event_id for r in batch.results] == list(EVENTS)
    for name, event in zip(EVENTS, events, strict=True):
        folder = out / name
        assert {p.name for p in folder.iterdir()} >= {
            "report.html", "report.ipynb", "summary.json", "improvement_plan.xlsx"
        }  # fmt: skip
        # the worker's temporary folders never show; the event's own folder does
        for report in ("report.html", "report.ipynb"):
            text = (folder / report).read_text("utf-8")
            assert "sra-remote-" not in text
        executed = nbformat.read(folder / "report.ipynb", as_version=4)
        injected = next(
            c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])
        )
        assert f"event_dir = {json.dumps(str(event.resolve()))}" in injected.source
    assert (out / "index.html").exists()
    # each worker ran its reports in one kept kernel
    assert sorted(cluster.run(kept_kernels).values()) == [1, 1]
    # the same numbers as a batch run here
    here = run_reports(events[1], tmp_path / "here", parameters=FAST, progress=False)
    assert here.results[0].ok
    assert _summary(out / EVENTS[1] / "summary.json") == _summary(
        tmp_path / "here" / EVENTS[1] / "summary.json"
    )
    # the improvement plan travels back from the worker with the other files
    assert _cells(out / EVENTS[1] / "improvement_plan.xlsx") == _cells(
        tmp_path / "here" / EVENTS[1] / "improvement_plan.xlsx"
    )


def test_a_worker_killed_mid_batch_has_its_report_retried(cluster, events, tmp_path):
    marker = tmp_path / "killed-once"
    batch = run_reports(
        events, tmp_path / "out", where=OnDask(cluster.scheduler.address),
        notebook=str(_killer_notebook(tmp_path, always=False)),
        parameters={**FAST, "marker": str(marker)}, progress=False,
    )  # fmt: skip
    assert marker.exists(), "no worker was killed"
    assert [r.status for r in batch.results] == ["ok"] * 4
    cluster.wait_for_workers(2, timeout=60)


def test_a_report_that_kills_its_worker_twice_fails_alone(cluster, events, tmp_path):
    out = tmp_path / "out"
    batch = run_reports(
        events, out, where=OnDask(cluster.scheduler.address),
        notebook=str(_killer_notebook(tmp_path, always=True)),
        parameters={**FAST, "marker": str(tmp_path / "killed")}, progress=False,
    )  # fmt: skip
    status = {r.event_id: r.status for r in batch.results}
    assert status == {"kota-sukabumi-2024": "failed", "purwakarta-2024": "ok",
                      "kab-garut-2024": "ok", "kota-depok-2024": "ok"}  # fmt: skip
    failed = batch.failures[0]
    assert failed.error.startswith(
        "the worker running this report was lost twice (the report was retried once): KilledWorker"
    )
    page = (out / "kota-sukabumi-2024" / "report.html").read_text("utf-8")
    assert "FAILED" in page
    assert not (out / "kota-sukabumi-2024" / "summary.json").exists()
    index = (out / "index.html").read_text("utf-8")
    assert "kota-sukabumi-2024/report.html" in index
    cluster.wait_for_workers(2, timeout=60)


def test_scheduler_local_from_the_command_line(events, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["report", *map(str, events[:2]), "--out", str(out), "--scheduler", "local",
                   "--workers", "2"])  # fmt: skip
    assert status == 0
    assert "2 of 2 reports written" in capsys.readouterr().out
    assert (out / EVENTS[0] / "summary.json").exists()
    assert (out / EVENTS[1] / "summary.json").exists()


def test_an_unreachable_scheduler_exits_69_naming_it(events, tmp_path, monkeypatch, capsys):
    import sra_analysis.reports.batch.cluster

    monkeypatch.setattr(sra_analysis.reports.batch.cluster, "_CONNECT_TIMEOUT", "2s")
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens
    status = main(["report", str(events[0]), "--out", str(tmp_path / "o"), "--scheduler", address])
    err = capsys.readouterr().err
    assert status == 69
    assert "Traceback" not in err
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith(f"error: cannot reach the Dask scheduler at {address}: ")
    )


def test_scheduler_and_executor_are_exclusive():
    from concurrent.futures import ThreadPoolExecutor

    from sra_analysis import ParameterError

    with ThreadPoolExecutor(1) as pool, pytest.raises(ParameterError, match="not both"):
        where_to_run(executor=pool, scheduler="local")


def test_where_to_run_names_the_place_the_options_ask_for():
    from concurrent.futures import ThreadPoolExecutor

    assert where_to_run() == Here()
    assert where_to_run(workers=3) == Here(workers=3)
    assert where_to_run(scheduler="local", workers=2) == OnDask("local", workers=2)
    with ThreadPoolExecutor(1) as pool:
        assert where_to_run(executor=pool) == OnExecutor(pool)


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_a_place_with_no_worker_is_refused_before_anything_runs(workers):
    from sra_analysis import ParameterError

    with pytest.raises(ParameterError, match="workers must be a whole number"):
        Here(workers=workers)
    with pytest.raises(ParameterError, match="workers must be a whole number"):
        OnDask("local", workers=workers)


def test_run_reports_refuses_what_is_not_a_place(events, tmp_path):
    from sra_analysis import ParameterError

    with pytest.raises(ParameterError, match="where must be Here"):
        run_reports(events[0], tmp_path, where="local")
