"""Where a batch's reports run: here, on an executor, or on a Dask cluster.

:func:`~sra_analysis.reports.batch.run_reports` takes one of these as ``where``:

- :class:`Here` — in this process: in this thread for one event, else on ``workers``
  threads, each running its notebooks in a kept kernel of its own (the notebook's work happens
  in the kernel processes; the thread waits on it, then exports the HTML with the nbconvert this
  process already imported). Its kernels start, and warm up, while the events are read.
- :class:`OnExecutor` — any :class:`concurrent.futures.Executor` (a process pool, or
  ``dask.distributed.Client.get_executor(pure=False)``): each event travels to it as bytes and
  its report comes back as bytes (:mod:`sra_analysis.reports.batch.remote`).
- :class:`OnDask` — a Dask scheduler's address, or ``"local"`` to start a
  :class:`~distributed.LocalCluster` (:mod:`sra_analysis.reports.batch.cluster`).

Off this process, a report whose worker died is sent once more, then reported FAILED; the
others go on.

Examples
--------
>>> Here(workers=2)
Here(workers=2)
>>> OnDask("local", workers=4).scheduler
'local'
>>> where_to_run(workers=3)
Here(workers=3)
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sra_analysis.errors import OutputError, ParameterError, SRAError
from sra_analysis.privacy import hide_long_numbers
from sra_analysis.reports.batch.report_html import failure_page
from sra_analysis.reports.batch.runner import KERNEL_NAME, Job, ReportResult, run_one
from sra_analysis.reports.files import EVENT_RESULTS, write_atomic
from sra_analysis.reports.outdir import os_hint, os_reason

__all__ = ["Here", "OnDask", "OnExecutor", "Where", "where_to_run"]


class Where(Protocol):
    """Where a batch runs its reports."""

    def prepare(self, events: int) -> None:
        """Called once the batch knows how many events it has, before they are read."""

    def run(self, jobs: list[Job], bar) -> list[ReportResult]:
        """Run every job, calling ``bar.update()`` as each report ends; a result per job."""


@dataclass(frozen=True)
class Here:
    """In this process, on ``workers`` threads (one per core by default), one kernel each."""

    workers: int | None = None

    def __post_init__(self) -> None:
        _check_workers(self.workers)

    def prepare(self, events: int) -> None:
        from sra_analysis.reports.batch.kernels import prestart_for

        prestart_for(events, self.workers, KERNEL_NAME)  # they warm up while events are read

    def run(self, jobs: list[Job], bar) -> list[ReportResult]:
        from sra_analysis.reports.batch.kernels import cores

        return _run_here(jobs, self.workers or cores(), bar)


@dataclass(frozen=True)
class OnExecutor:
    """On ``executor``, at most ``in_flight`` reports sent at once (twice the cores here, by
    default: enough to keep a pool busy without packing every event up front)."""

    executor: futures.Executor
    in_flight: int | None = None

    def __post_init__(self) -> None:
        _check_workers(self.in_flight, name="in_flight")

    def prepare(self, events: int) -> None:
        return None

    def run(self, jobs: list[Job], bar) -> list[ReportResult]:
        from sra_analysis.reports.batch.kernels import cores

        return _run_elsewhere(jobs, self.executor, self.in_flight or 2 * cores(), bar)


@dataclass(frozen=True)
class OnDask:
    """On the Dask cluster at ``scheduler`` (``tcp://HOST:8786``), or a local cluster of
    ``workers`` processes (``"local"``); connected for the batch, closed after it."""

    scheduler: str
    workers: int | None = None

    def __post_init__(self) -> None:
        _check_workers(self.workers)

    def prepare(self, events: int) -> None:
        return None

    def run(self, jobs: list[Job], bar) -> list[ReportResult]:
        from sra_analysis.reports.batch.cluster import dask_executor

        with dask_executor(self.scheduler, workers=self.workers) as cluster:
            # one report per worker thread at a time: none waits queued on a worker, so a
            # worker that dies takes only the report it was running with it
            return _run_elsewhere(jobs, cluster.executor, cluster.threads, bar)


def where_to_run(
    *,
    workers: int | None = None,
    executor: futures.Executor | None = None,
    scheduler: str | None = None,
) -> Where:
    """The place the command line's ``--workers`` and ``--scheduler`` (or a script's
    ``executor``) name: a Dask cluster, an executor, else this process.

    >>> where_to_run(scheduler="local", workers=2)
    OnDask(scheduler='local', workers=2)
    >>> where_to_run(executor=object(), scheduler="local")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: give executor or scheduler, not both
    """
    if executor is not None and scheduler is not None:
        raise ParameterError("give executor or scheduler, not both")
    if scheduler is not None:
        return OnDask(scheduler, workers=workers)
    if executor is not None:
        return OnExecutor(executor)
    return Here(workers=workers)


def _check_workers(value: int | None, *, name: str = "workers") -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ParameterError(f"{name} must be a whole number of at least 1, got {value!r}")


def _run_here(jobs: list[Job], workers: int, bar) -> list[ReportResult]:
    """Run the reports in this process: in this thread for one, else on ``workers`` threads.

    On an interrupt, reports not yet started never start, and running ones stop (their
    kernels are shut down) without writing anything; their temporary files are removed.
    """
    from sra_analysis.reports.batch.index_page import prepare_index
    from sra_analysis.reports.batch.runner import cancel, prepare_runner

    prepare_runner()  # papermill and nbconvert imported while the kernels warm up ...
    prepare_index()  # ... and what the index draws with
    results = []
    if workers == 1 or len(jobs) <= 1:
        for job in jobs:
            results.append(run_one(job))
            bar.update()
        return results
    pool = futures.ThreadPoolExecutor(max_workers=min(workers, len(jobs)),
                                      thread_name_prefix="sra-report")  # fmt: skip
    interrupted = False
    try:
        for done in futures.as_completed([pool.submit(run_one, job) for job in jobs]):
            results.append(done.result())
            bar.update()
    except KeyboardInterrupt:
        interrupted = True
        cancel()  # running reports end now and write nothing; none starts
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=interrupted)
    return results


def _run_elsewhere(jobs: list[Job], executor, in_flight: int, bar) -> list[ReportResult]:
    """Run the reports on an executor, at most ``in_flight`` at once (each event is packed
    only when sent). A report whose worker was lost is sent once more, then FAILED."""
    from sra_analysis.reports.batch.remote import pack_event, run_packed, unpack_report

    results, queue, pending = [], list(reversed(jobs)), {}

    def send(job: Job, attempt: int) -> None:
        try:
            pending[executor.submit(run_packed, job, pack_event(job.event_dir))] = (job, attempt)
        except SRAError as error:  # too large to send: this event fails, not the batch
            results.append(_lost(job, error, sent=False))
            bar.update()
        except Exception as failure:  # the executor itself is broken
            results.append(_lost(job, failure))
            bar.update()

    try:
        while queue or pending:
            while queue and len(pending) < max(1, in_flight):
                send(queue.pop(), 1)
            if not pending:
                continue
            done, _ = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
            for finished in done:
                job, attempt = pending.pop(finished)
                try:
                    packed = finished.result()
                except Exception as failure:  # its worker died, or the executor broke
                    if attempt == 1:
                        send(job, 2)
                    else:
                        results.append(_lost(job, failure))
                        bar.update()
                    continue
                try:
                    results.append(unpack_report(packed))
                except OSError as error:
                    raise OutputError(
                        packed.result.folder, f"cannot be written: {os_reason(error)}",
                        hint=os_hint(error, out=Path(packed.result.folder).parent),
                        errno=error.errno,
                    ) from error  # fmt: skip
                bar.update()
    except KeyboardInterrupt:
        for future in pending:
            future.cancel()
        raise
    return results


def _lost(job: Job, failure: BaseException, *, sent: bool = True) -> ReportResult:
    if sent:
        message = (
            "the worker running this report was lost twice (the report was retried once): "
            f"{type(failure).__name__}: {failure}"
        )
    else:
        message = str(failure)
    message = hide_long_numbers(message)
    folder = Path(job.folder)
    with contextlib.suppress(OSError):  # the report stays FAILED even without its page
        folder.mkdir(parents=True, exist_ok=True)
        for stale in EVENT_RESULTS:
            (folder / stale).unlink(missing_ok=True)
        write_atomic(folder / "report.html", failure_page(job.event_id, message))
    return ReportResult(job.event_dir, job.event_id, "failed", str(folder), 0.0, message)
