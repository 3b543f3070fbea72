"""Batch review reports: papermill runs the notebook, nbconvert writes offline HTML.

For each event folder the notebook runs with papermill; the executed notebook, its HTML
export (code hidden, no network request; plotly.js inside the page, or shared as
``OUT/plotly.min.js`` by a batch of several events) and ``summary.json`` land in
``OUT/<event id>/``, each file written to a temporary name and renamed into place. ``OUT``
is proved writable before any notebook runs. A report that fails — in its notebook, its
export, or while its files are written (a full disk) — still gets a page that says FAILED and
where, as far as the disk allows; the batch goes on; its temporary files are removed on every
path, an interrupt included. Then ``OUT/index.html`` links every report with a cross-event
table and chart.

Speed comes from paying start-up costs once per worker process, not once per report: each
worker imports papermill and nbconvert once and keeps one Jupyter kernel, whose namespace is
reset between reports (imported modules stay loaded).
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import logging
import multiprocessing
import os
import re
import sys
import time
import traceback
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sra_analysis.errors import OutputError, ParameterError
from sra_analysis.event import read_event_meta
from sra_analysis.io.load import find_event_dirs
from sra_analysis.privacy import hide_long_numbers
from sra_analysis.reports.outdir import (
    check_output_dir,
    describe_os_error,
    os_hint,
    os_reason,
    remove_files,
)
from sra_analysis.reports.parameters import ReportParameters, batch_parameters
from sra_analysis.reports.present import write_atomic
from sra_analysis.reports.report_html import (
    PLOTLY_ASSET,
    choose_assets,
    export_html,
    failure_banner,
    failure_page,
    write_plotly_asset,
)
from sra_analysis.resources import notebook_path

__all__ = ["BatchResult", "ReportResult", "export_html", "run_reports"]

_KERNEL_NAME = "python3"
_CELL_TIMEOUT = 900


@dataclass(frozen=True)
class ReportResult:
    """What happened to one event's report.

    ``status`` is ``"ok"`` or ``"failed"``; ``error`` says where and why when it failed, in
    one line; ``detail`` holds the traceback of an unexpected error, for ``--debug`` only (no
    report page shows it).
    """

    event_dir: str
    event_id: str
    status: str
    folder: str
    seconds: float
    error: str | None = None
    detail: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class BatchResult:
    """All reports of a batch and the index linking them."""

    results: tuple[ReportResult, ...]
    index: Path
    seconds: float = 0.0
    failures: tuple[ReportResult, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "failures", tuple(r for r in self.results if not r.ok))


@dataclass(frozen=True)
class _Job:
    event_dir: str
    folder: str
    event_id: str
    notebook: str
    parameters: Mapping
    assets: str = "inline"  # where the report's plotly.js is: "inline" or "shared"


# ------------------------------------------------------------------------ one report


def _tidy_error_outputs(notebook) -> None:
    """Error outputs papermill saved say what was raised in one line: no traceback frames
    (the FAILED banner says which cell), and :func:`hide_long_numbers` applied."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["evalue"] = hide_long_numbers(output.get("evalue", ""))
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output['evalue']}"]


def _run_one(job: _Job) -> ReportResult:
    """Run one event's notebook and write its report files (runs in a worker process).

    Never raises for one report's trouble: a notebook error, an export error or a write
    error (a full disk) makes the report FAILED and says why. Its temporary files are
    removed on every path, an interrupt included.
    """
    started = time.perf_counter()
    folder = Path(job.folder)
    temporary = (
        folder / f".summary.json.{os.getpid()}.tmp",
        folder / f".report.{os.getpid()}.tmp.ipynb",
    )
    detail = None
    try:
        error, detail = _write_report(job, folder, *temporary)
    except KeyboardInterrupt:
        if multiprocessing.parent_process() is not None:
            # a worker going down: asyncio's complaints about the notebook tasks it abandons
            # would bury the one line the command prints
            logging.getLogger("asyncio").disabled = True
        raise
    except OSError as failure:
        error = describe_os_error(
            failure, doing=f"writing the report of {job.event_id}", out=folder.parent
        )
        remove_files([folder / "summary.json"])  # never beside a report that failed now
        with contextlib.suppress(OSError):  # the disk may not take even this page
            write_atomic(folder / "report.html", failure_page(job.event_id, error))
    finally:
        remove_files(temporary)
    return ReportResult(
        event_dir=job.event_dir,
        event_id=job.event_id,
        status="failed" if error else "ok",
        folder=str(folder),
        seconds=time.perf_counter() - started,
        error=error,
        detail=detail,
    )


def _execute(job: _Job, executed_path: Path, summary_tmp: Path):
    """Run the notebook; returns the executed notebook (or None) and the error, if any."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from sra_analysis.reports.kernels import ENGINE_NAME, register_engine

    register_engine()
    parameters = {**job.parameters, "event_dir": job.event_dir, "summary_path": str(summary_tmp)}
    error = notebook = detail = None
    try:
        notebook = papermill.execute_notebook(
            job.notebook,
            str(executed_path),
            parameters=parameters,
            kernel_name=_KERNEL_NAME,
            engine_name=ENGINE_NAME,
            progress_bar=False,
            log_output=False,
            execution_timeout=_CELL_TIMEOUT,
            # papermill would rewrite the whole notebook (plotly.js included) after every
            # cell; the batch needs it once, at the end
            request_save_on_cell_execute=False,
        )
    except PapermillExecutionError as failure:
        error = (
            f"cell In[{failure.exec_count}] (notebook cell {failure.cell_index}) raised "
            f"{failure.ename}: {failure.evalue}"
        )
    except OSError:  # writing the executed notebook: the caller tells the user plainly
        raise
    except Exception as failure:  # the batch must go on; the report says what happened
        error = f"{type(failure).__name__}: {failure}"
        detail = hide_long_numbers(traceback.format_exc(limit=3))
    if notebook is None and executed_path.exists():
        # it failed: papermill saved what ran, the error included
        notebook = nbformat.read(executed_path, as_version=4)
    if error is not None:  # an unexpected error may quote a cell: no officer id passes
        error = hide_long_numbers(error)
        if notebook is not None:
            _tidy_error_outputs(notebook)
    if error is None and not summary_tmp.exists():
        error = "the notebook did not write summary.json"
    return notebook, error, detail


def _write_report(
    job: _Job, folder: Path, summary_tmp: Path, executed_path: Path
) -> tuple[str | None, str | None]:
    """Execute, then write report.ipynb, report.html and summary.json; returns the error and
    the traceback of an unexpected one."""
    import nbformat

    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file where this report's folder goes; move it away", None
    folder.mkdir(parents=True, exist_ok=True)
    notebook, error, detail = _execute(job, executed_path, summary_tmp)
    title = job.event_id
    if notebook is None:
        error = error or "the notebook produced no output"
        page = failure_page(title, error)
    else:
        if error is not None:
            notebook.cells.insert(0, failure_banner(error))
        try:
            shared = job.assets == "shared"  # OUT/<event id>/report.html → OUT/plotly.min.js
            page = export_html(
                notebook, title=f"{'FAILED – ' if error else ''}{title}", assets=job.assets,
                asset_href=f"../{PLOTLY_ASSET}" if shared else None,
            )  # fmt: skip
        except Exception as failure:  # an export failure still leaves a readable page
            if error is None:
                error = f"HTML export failed: {type(failure).__name__}: {failure}"
                notebook.cells.insert(0, failure_banner(error))
            page = failure_page(title, error)
        write_atomic(folder / "report.ipynb", nbformat.writes(notebook))
    write_atomic(folder / "report.html", page)
    if error is None:
        os.replace(summary_tmp, folder / "summary.json")
    else:
        # a summary left by an earlier run must not stand beside a report that failed now
        (folder / "summary.json").unlink(missing_ok=True)
    return error, detail


# ------------------------------------------------------------------------------ batch


def _event_id(folder: Path, parameters: ReportParameters) -> tuple[str, str | None]:
    """The event's id and None, or a slug of the folder name and why its event.yaml fails.

    A ``flag_level`` the event's own levels do not have is the caller's error, not the
    event's: it stops the batch before any notebook runs.
    """
    try:
        meta = read_event_meta(folder)
    except Exception as failure:  # whatever it is, it fails this event's report, not the batch
        slug = re.sub(r"[^a-z0-9._-]+", "-", folder.name.casefold()).strip("-") or "event"
        return slug, f"{type(failure).__name__}: {str(failure)[:1000]}"
    try:
        parameters.check_flag_level(meta.risk_levels)
    except ParameterError as error:
        raise ParameterError(f"{error} (the levels of event {meta.id!r}, {folder})") from None
    return meta.id, None


def _free_id(slug: str, taken: set[str]) -> str:
    event_id, number = slug, 1
    while event_id in taken:
        number += 1
        event_id = f"{slug}-{number}"
    return event_id


def _unreadable(job: _Job, message: str) -> ReportResult:
    """The FAILED page of an event whose metadata cannot be read; no notebook runs."""
    folder = Path(job.folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in ("summary.json", "report.ipynb"):  # left by an earlier run
        (folder / stale).unlink(missing_ok=True)
    write_atomic(folder / "report.html", failure_page(job.event_id, message))
    return ReportResult(job.event_dir, job.event_id, "failed", str(folder), 0.0, message)


def _default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run_reports(
    event_dirs: Iterable[str | os.PathLike] | str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    notebook: str = "review_report",
    lang: str | None = None,
    workers: int | None = None,
    executor: futures.Executor | None = None,
    parameters: ReportParameters | Mapping | None = None,
    assets: str | None = None,
    progress: bool = True,
) -> BatchResult:
    """Generate the HTML review report of every event, and an index linking them.

    Parameters
    ----------
    event_dirs : path or iterable of paths
        Event folders; a folder holding event folders stands for all of them.
    out_dir : path
        Where ``<event id>/report.html``, ``report.ipynb``, ``summary.json`` and
        ``index.html`` go.
    notebook : str, default "review_report"
        A shipped notebook's name or a path to a parameterised ``.ipynb``.
    lang : {"en", "id"}, optional
        The report language; by default that of ``parameters``, else ``"en"``.
    workers : int, optional
        Parallel processes; one per core by default. Ignored when ``executor`` is given.
    executor : concurrent.futures.Executor, optional
        Where to run the reports instead, e.g. ``dask.distributed.Client.get_executor(
        pure=False)`` to spread a national batch over a cluster.
    parameters : ReportParameters or mapping, optional
        The notebook parameters (``flag_level``, ``freq``, ``n_resamples``, ``seed``; a
        notebook of one's own may declare more), all checked before any notebook runs
        (:func:`~sra_analysis.reports.parameters.batch_parameters`).
    assets : {"inline", "shared"}, optional
        Where each report's plotly.js goes: ``"inline"``, inside every report (each opens
        on its own); ``"shared"``, one ``OUT/plotly.min.js`` that every report loads by a
        relative path (small reports that need that file beside them). By default inline
        for one event, shared for more.
    progress : bool, default True
        Show a progress bar on stderr.

    Returns
    -------
    BatchResult
        One :class:`ReportResult` per event (failures included) and the index path.
    """
    from tqdm.auto import tqdm

    started = time.perf_counter()
    notebook_file = notebook_path(notebook)
    checked, parameters = batch_parameters(parameters, lang=lang, notebook=notebook_file)
    folders = find_event_dirs(event_dirs)
    assets = choose_assets(assets, events=len(folders))
    read = [(folder, *_event_id(folder, checked)) for folder in folders]
    out = check_output_dir(out_dir)  # before any notebook runs
    taken = {event_id for _, event_id, problem in read if problem is None}
    all_jobs, jobs, seen, results = [], [], {}, []
    for folder, event_id, problem in read:
        if problem is not None:  # an unreadable event gets a folder no readable one claims
            event_id = _free_id(event_id, taken)
            taken.add(event_id)
        elif event_id in seen:
            raise ParameterError(
                f"two events share the id {event_id!r}: {seen[event_id]} and {folder}; "
                "ids name the output folders, so they must differ"
            )
        seen[event_id] = folder
        job = _Job(
            str(folder.resolve()), str(out / event_id), event_id, str(notebook_file), parameters,
            assets,
        )  # fmt: skip
        all_jobs.append(job)
        if problem is None:
            jobs.append(job)
        else:
            results.append(_unreadable(job, problem))

    if assets == "shared":  # once, before any report that loads it
        write_plotly_asset(out)
    bar = tqdm(total=len(jobs), desc="reports", unit="event", disable=not progress,
               file=sys.stderr)  # fmt: skip
    workers = workers or _default_workers()
    own_pool = None
    if executor is None and workers > 1 and len(jobs) > 1:
        context = multiprocessing.get_context("spawn")
        own_pool = executor = futures.ProcessPoolExecutor(
            max_workers=min(workers, len(jobs)), mp_context=context
        )
    interrupted = False
    try:
        if executor is None:
            for job in jobs:
                results.append(_run_one(job))
                bar.update()
        else:
            pending = {executor.submit(_run_one, job): job for job in jobs}
            for done in futures.as_completed(pending):
                job = pending[done]
                try:
                    results.append(done.result())
                except Exception as failure:  # a lost worker fails its event, not the batch
                    results.append(_lost(job, failure))
                bar.update()
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        bar.close()
        if own_pool is not None:
            # after an interrupt, reports not yet started never start; running ones
            # clean up their temporary files as they stop
            own_pool.shutdown(wait=True, cancel_futures=interrupted)
    order = {job.event_id: i for i, job in enumerate(all_jobs)}
    results.sort(key=lambda r: order[r.event_id])
    from sra_analysis.reports.index_page import write_index

    try:
        index = write_index(out, results, lang=checked.lang)
    except OSError as error:
        raise OutputError(
            str(out / "index.html"),
            f"cannot be written: {os_reason(error)}",
            hint=os_hint(error, out=out),
            errno=error.errno,
        ) from error
    return BatchResult(tuple(results), index, seconds=time.perf_counter() - started)


def _lost(job: _Job, failure: BaseException) -> ReportResult:
    message = hide_long_numbers(
        f"the worker running this report failed: {type(failure).__name__}: {failure}"
    )
    folder = Path(job.folder)
    with contextlib.suppress(OSError):  # the report stays FAILED even without its page
        write_atomic(folder / "report.html", failure_page(job.event_id, message))
    return ReportResult(job.event_dir, job.event_id, "failed", str(folder), 0.0, message)
