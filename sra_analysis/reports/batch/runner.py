"""One event's report: run the notebook with papermill, write report.ipynb, .html and summary.

:func:`run_one` is what every way of running a batch calls per event — a batch thread, the
calling thread for a single event, a Dask worker. The executed notebook, its HTML export and
``summary.json`` land in the job's folder, each file written to a temporary name and renamed
into place. A report that fails — in its notebook, its export, or while its files are written
(a full disk) — still gets a page that says FAILED and where, as far as the disk allows.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sra_analysis.privacy import hide_long_numbers
from sra_analysis.reports.batch.report_html import (
    PLOTLY_ASSET,
    export_html,
    failure_banner,
    failure_page,
)
from sra_analysis.reports.files import EVENT_RESULTS, results_beside, write_atomic
from sra_analysis.reports.outdir import clear_stale_temporaries, describe_os_error, remove_files

__all__ = [
    "Cancelled",
    "Job",
    "ReportResult",
    "cancel",
    "execute_notebook",
    "prepare_runner",
    "run_one",
    "write_pages",
]

KERNEL_NAME = "python3"
_CELL_TIMEOUT = 900
_CANCELLED = threading.Event()


class Cancelled(Exception):
    """A report stopped because its batch was interrupted; nothing of it was written."""


def cancel() -> None:
    """Stop this process's reports: no notebook starts, those running end now (their kernels
    are stopped) and write nothing (see :func:`run_one`)."""
    from sra_analysis.reports.batch.kernels import stop_kernels

    _CANCELLED.set()
    stop_kernels()


def prepare_runner() -> None:
    """Import papermill and nbconvert and build the HTML exporter now, so that the first
    report does not pay for it (called while the kernels warm up)."""
    from sra_analysis.reports.batch.engine import register_engine
    from sra_analysis.reports.batch.kernels import allow_kernels
    from sra_analysis.reports.batch.report_html import prepare_exporter

    _CANCELLED.clear()
    allow_kernels()
    register_engine()
    prepare_exporter()


@dataclass(frozen=True)
class ReportResult:
    """What happened to one event's report.

    ``status`` is ``"ok"`` or ``"failed"``; ``error`` says where and why when it failed, in
    one line; ``detail`` holds the traceback of an unexpected error, for ``--debug`` only (no
    report page shows it). ``pdf_error`` says why a report asked for as PDF too got none
    (:mod:`sra_analysis.reports.batch.pdf`); the report itself is still ``"ok"``.
    """

    event_dir: str
    event_id: str
    status: str
    folder: str
    seconds: float
    error: str | None = None
    detail: str | None = None
    pdf_error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Job:
    """One report to write: the event folder, the output folder, the notebook and its
    parameters (``event_dir`` and ``summary_path`` are added per run)."""

    event_dir: str
    folder: str
    event_id: str
    notebook: str
    parameters: Mapping
    assets: str = "inline"  # where the report's plotly.js is: "inline" or "shared"


def _tidy_error_outputs(notebook) -> None:
    """Error outputs papermill saved say what was raised in one line: no traceback frames
    (the FAILED banner says which cell), and :func:`hide_long_numbers` applied."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["evalue"] = hide_long_numbers(output.get("evalue", ""))
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output['evalue']}"]


def run_one(job: Job) -> ReportResult:
    """Run one event's notebook and write its report files into ``job.folder``.

    Runs on a batch thread, in the calling thread, or on a Dask worker. Never raises for one
    report's trouble: a notebook error, an export error or a write error (a full disk) makes
    the report FAILED and says why. Its temporary files are removed on every path, an
    interrupt included; after :func:`cancel`, a report not yet written is not written at all
    (it raises :class:`Cancelled`).
    """
    started = time.perf_counter()
    folder = Path(job.folder)
    summary_tmp = folder / f".summary.json.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary = (
        summary_tmp,
        folder / f".report.{os.getpid()}.{threading.get_ident()}.tmp.ipynb",
        *results_beside(summary_tmp).values(),
    )
    detail = None
    clear_stale_temporaries(folder)
    try:
        error, detail = _write_report(job, folder, *temporary[:2])
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
        remove_files([folder / name for name in EVENT_RESULTS])  # never beside a FAILED report
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


def _execute(job: Job, executed_path: Path, summary_tmp: Path):
    """Run the event's notebook; returns the executed notebook (or None), the error and the
    traceback of an unexpected one."""
    parameters = {**job.parameters, "event_dir": job.event_dir, "summary_path": str(summary_tmp)}
    return execute_notebook(
        job.notebook, executed_path, parameters, expect=summary_tmp, expect_name="summary.json"
    )


def execute_notebook(
    notebook_file: str | os.PathLike,
    executed_path: Path,
    parameters: Mapping,
    *,
    expect: Path,
    expect_name: str,
):
    """Run a notebook with papermill on a kept kernel; returns the executed notebook (or
    None), the error (one line, no officer id) and the traceback of an unexpected one.

    ``expect`` is the file the notebook must have written (named ``expect_name`` in the
    error when it did not).
    """
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from sra_analysis.reports.batch.engine import ENGINE_NAME, register_engine

    register_engine()
    error = notebook = detail = None
    try:
        notebook = papermill.execute_notebook(
            str(notebook_file),
            str(executed_path),
            parameters=dict(parameters),
            kernel_name=KERNEL_NAME,
            engine_name=ENGINE_NAME,
            progress_bar=False,
            log_output=False,
            execution_timeout=_CELL_TIMEOUT,
            # papermill would rewrite the whole notebook after every cell; the batch needs it
            # once, at the end
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
    if error is None and not expect.exists():
        error = f"the notebook did not write {expect_name}"
    return notebook, error, detail


def write_pages(
    notebook, error: str | None, stem: Path, *, title: str, assets: str,
    asset_href: str | None,
) -> str | None:  # fmt: skip
    """Write an executed notebook as ``<stem>.ipynb`` and its HTML export as ``<stem>.html``;
    returns the error, which an export failure sets when the notebook had none.

    A notebook that failed starts with a FAILED banner (:func:`failure_banner`); one that
    could not be read back, or exported, still gets a page saying FAILED and why
    (:func:`failure_page`).
    """
    import nbformat

    if notebook is None:
        error = error or "the notebook produced no output"
        page = failure_page(title, error)
    else:
        if error is not None:
            notebook.cells.insert(0, failure_banner(error))
        try:
            page = export_html(
                notebook, title=f"{'FAILED – ' if error else ''}{title}", assets=assets,
                asset_href=asset_href,
            )  # fmt: skip
        except Exception as failure:  # an export failure still leaves a readable page
            if error is None:
                error = f"HTML export failed: {type(failure).__name__}: {failure}"
                notebook.cells.insert(0, failure_banner(error))
            page = failure_page(title, error)
        write_atomic(stem.with_suffix(".ipynb"), nbformat.writes(notebook))
    write_atomic(stem.with_suffix(".html"), page)
    return error


def _write_report(
    job: Job, folder: Path, summary_tmp: Path, executed_path: Path
) -> tuple[str | None, str | None]:
    """Execute, then write report.ipynb, report.html and summary.json; returns the error and
    the traceback of an unexpected one."""

    if _CANCELLED.is_set():  # the batch was interrupted before this report started
        raise Cancelled(job.event_id)
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file where this report's folder goes; move it away", None
    folder.mkdir(parents=True, exist_ok=True)
    notebook, error, detail = _execute(job, executed_path, summary_tmp)
    if _CANCELLED.is_set():  # the batch was interrupted while this notebook ran
        raise Cancelled(job.event_id)
    shared = job.assets == "shared"  # OUT/<event id>/report.html → OUT/plotly.min.js
    error = write_pages(
        notebook, error, folder / "report", title=job.event_id, assets=job.assets,
        asset_href=f"../{PLOTLY_ASSET}" if shared else None,
    )  # fmt: skip
    if error is None:
        # a review notebook writes its tables and improvement plan beside its summary
        for name, written in results_beside(summary_tmp).items():
            if written.exists():
                os.replace(written, folder / name)
            else:  # a notebook of one's own may not: no file of an earlier run stays
                (folder / name).unlink(missing_ok=True)
        os.replace(summary_tmp, folder / "summary.json")
    else:
        # results of this or an earlier run must not stand beside a report that failed now
        remove_files([folder / name for name in EVENT_RESULTS])
    return error, detail
