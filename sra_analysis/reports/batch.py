"""Batch review reports: papermill runs the notebook, nbconvert writes offline HTML.

For each event folder the notebook runs with papermill; the executed notebook, its HTML
export (code hidden, no network request; plotly.js inside the page, or shared as
``OUT/plotly.min.js`` by a batch of several events) and ``summary.json`` land in
``OUT/<event id>/`` (:mod:`sra_analysis.reports.runner`).
``OUT`` is proved writable before any notebook runs. A report that fails still gets a page that
says FAILED and where; the batch goes on; temporary files are removed on every path, an
interrupt included. Then ``OUT/index.html`` links every report with a cross-event table and
charts.

Where the reports run:

- one event: in this process, in a kernel started — and warmed up with the notebooks' imports —
  while the event folder is read and checked, and papermill and nbconvert are imported;
- several events: on ``workers`` threads of this process, each running its notebooks in a kept
  kernel of its own (the notebook's work happens in the kernel processes; the thread waits on
  it, then exports the HTML with the nbconvert this process already imported);
- an ``executor`` (a Dask cluster, ``scheduler=``): each event travels to a worker as bytes
  and its report comes back as bytes (:mod:`sra_analysis.reports.remote`); a report whose
  worker died is retried once, then reported FAILED.

With ``pdf=True``, each report written is then printed to ``report.pdf`` by one headless
Chromium that this process starts before any report runs (:mod:`sra_analysis.reports.pdf`).
It prints once the reports are done: the reports keep every core busy (one kernel per core),
and printing alongside them measured no faster (``benchmarks/bench_pdf.py``).
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import os
import re
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sra_analysis.errors import OutputError, ParameterError, SRAError
from sra_analysis.event import read_event_meta
from sra_analysis.event_yaml import find_event_dirs
from sra_analysis.labels import t
from sra_analysis.privacy import hide_long_numbers
from sra_analysis.reports.files import EVENT_RESULTS, write_atomic
from sra_analysis.reports.outdir import check_output_dir, os_hint, os_reason
from sra_analysis.reports.parameters import ReportParameters, batch_parameters
from sra_analysis.reports.report_html import choose_assets, failure_page, write_plotly_asset
from sra_analysis.reports.runner import KERNEL_NAME, Job, ReportResult, run_one
from sra_analysis.resources import notebook_path

if TYPE_CHECKING:
    from sra_analysis.reports.rollup_report import RollupReport

__all__ = ["BatchResult", "ReportResult", "run_reports"]


@dataclass(frozen=True)
class BatchResult:
    """All reports of a batch and the index linking them.

    ``failures`` are the reports that FAILED; ``pdf_failures`` those written whose
    ``report.pdf``, asked for, was not (each says why in ``pdf_error``).
    """

    results: tuple[ReportResult, ...]
    index: Path
    seconds: float = 0.0
    rollup: RollupReport | None = None
    failures: tuple[ReportResult, ...] = field(init=False)
    pdf_failures: tuple[ReportResult, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "failures", tuple(r for r in self.results if not r.ok))
        pdf_failures = tuple(r for r in self.results if r.pdf_error is not None)
        object.__setattr__(self, "pdf_failures", pdf_failures)


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


def _unreadable(job: Job, message: str) -> ReportResult:
    """The FAILED page of an event whose metadata cannot be read; no notebook runs."""
    folder = Path(job.folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in (*EVENT_RESULTS, "report.ipynb"):  # left by an earlier run
        (folder / stale).unlink(missing_ok=True)
    write_atomic(folder / "report.html", failure_page(job.event_id, message))
    return ReportResult(job.event_dir, job.event_id, "failed", str(folder), 0.0, message)


def run_reports(
    event_dirs: Iterable[str | os.PathLike] | str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    notebook: str = "review_report",
    lang: str | None = None,
    workers: int | None = None,
    executor: futures.Executor | None = None,
    scheduler: str | None = None,
    parameters: ReportParameters | Mapping | None = None,
    assets: str | None = None,
    rollup: bool = True,
    pdf: bool = False,
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
        Reports run at once on this machine (threads, each with its own kernel process); one
        per core by default. With ``scheduler="local"``, the number of worker processes.
        Ignored with ``executor`` or a remote ``scheduler``.
    executor : concurrent.futures.Executor, optional
        Where to run the reports instead, e.g. a process pool, or
        ``dask.distributed.Client.get_executor(pure=False)``. Events travel to it as bytes and
        reports come back as bytes (:mod:`sra_analysis.reports.remote`).
    scheduler : str, optional
        A Dask scheduler's address (``tcp://HOST:8786``), or ``"local"`` to start a
        :class:`~distributed.LocalCluster` (:mod:`sra_analysis.reports.cluster`).
    parameters : ReportParameters or mapping, optional
        The notebook parameters (``flag_level``, ``freq``, ``n_resamples``, ``seed``; a
        notebook of one's own may declare more), all checked before any notebook runs
        (:func:`~sra_analysis.reports.parameters.batch_parameters`).
    assets : {"inline", "shared"}, optional
        Where each report's plotly.js goes: ``"inline"``, inside every report (each opens
        on its own); ``"shared"``, one ``OUT/plotly.min.js`` that every report loads by a
        relative path (small reports that need that file beside them). By default inline
        for one event, shared for more.
    rollup : bool, default True
        When at least two reports were written with their tables, also write the roll-up
        across them (``rollup.html``, ``rollup.ipynb``, ``rollup.json``; see
        :mod:`sra_analysis.reports.rollup_report`), linked first from the index. A roll-up
        that fails says so in ``rollup.html`` and the index; the reports stand.
    pdf : bool, default False
        Also print each report written to an A4 ``report.pdf`` beside it, in headless
        Chromium (:mod:`sra_analysis.reports.pdf`; needs Playwright and a Chromium, both
        checked before any report runs). A report whose PDF fails stays written, with the
        reason in its ``pdf_error``. Without it, a ``report.pdf`` of an earlier run is removed.
    progress : bool, default True
        Show a progress bar on stderr.

    Returns
    -------
    BatchResult
        One :class:`ReportResult` per event (failures included) and the index path.

    Raises
    ------
    PrinterError
        With ``pdf=True``, before any report runs: Playwright is not installed, or no Chromium
        is found or it does not start.
    """
    started = time.perf_counter()
    if executor is not None and scheduler is not None:
        raise ParameterError("give executor or scheduler, not both")
    notebook_file = notebook_path(notebook)
    checked, parameters = batch_parameters(parameters, lang=lang, notebook=notebook_file)
    folders = find_event_dirs(event_dirs)
    assets = choose_assets(assets, events=len(folders))
    if pdf:  # a machine that cannot print says so before anything starts
        from sra_analysis.reports.pdf import check_printer

        check_printer()
    from sra_analysis.reports.kernels import cores, prestart_for

    workers = workers or cores()
    local = executor is None and scheduler is None
    if local:  # the kernels start and warm up while the events are read and checked
        prestart_for(len(folders), workers, KERNEL_NAME)
    read = [(folder, *_event_id(folder, checked)) for folder in folders]
    out = check_output_dir(out_dir)  # before any notebook runs
    all_jobs, jobs, results = _plan(read, out, str(notebook_file), parameters, assets)
    from tqdm.auto import tqdm

    with contextlib.ExitStack() as stack:
        finish = _pdf_step(stack, pdf=pdf and bool(jobs), lang=checked.lang)  # or stops us
        results = [_unreadable(job, problem) for job, problem in results]
        if assets == "shared":  # once, before any report that loads it
            write_plotly_asset(out)
        bar = tqdm(total=len(jobs), desc=t("cli.progress.reports", checked.lang),
                   unit=t("cli.progress.event", checked.lang), disable=not progress,
                   file=sys.stderr)  # fmt: skip
        stack.callback(bar.close)
        if local:
            ran = _run_here(jobs, workers, bar)
        elif executor is not None:
            ran = _run_elsewhere(jobs, executor, 2 * workers, bar)
        else:
            from sra_analysis.reports.cluster import dask_executor

            with dask_executor(scheduler, workers=workers) as cluster:
                # one report per worker thread at a time: none waits queued on a worker, so a
                # worker that dies takes only the report it was running with it
                ran = _run_elsewhere(jobs, cluster.executor, cluster.threads, bar)
        bar.close()
        results += _finish(ran, finish, pdf=pdf, progress=progress, lang=checked.lang)
    order = {job.event_id: i for i, job in enumerate(all_jobs)}
    results.sort(key=lambda r: order[r.event_id])
    pooled = None
    if rollup and len(_poolable(results)) >= 2:
        from sra_analysis.reports.rollup_report import run_rollup_report

        pooled = run_rollup_report(
            [r.folder for r in results if Path(r.folder).is_dir()], out,
            lang=checked.lang, assets=assets,
        )  # fmt: skip
    from sra_analysis.reports.index_page import write_index

    try:
        index = write_index(out, results, lang=checked.lang, rollup=pooled)
    except OSError as error:
        raise OutputError(
            str(out / "index.html"),
            f"cannot be written: {os_reason(error)}",
            hint=os_hint(error, out=out),
            errno=error.errno,
        ) from error
    seconds = time.perf_counter() - started
    return BatchResult(tuple(results), index, seconds=seconds, rollup=pooled)


def _poolable(results) -> list[ReportResult]:
    """The reports a roll-up can pool: written, with the tables their review saved."""
    from sra_analysis.reports.rollup_inputs import missing_files

    return [r for r in results if r.ok and missing_files(r.folder) is None]


def _plan(read, out: Path, notebook: str, parameters: Mapping, assets: str):
    """The jobs of the batch in order, those to run, and (job, reason) of unreadable events."""
    taken = {event_id for _, event_id, problem in read if problem is None}
    all_jobs, jobs, unreadable, seen = [], [], [], {}
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
        job = Job(
            str(folder.resolve()), str(out / event_id), event_id, notebook, parameters, assets
        )
        all_jobs.append(job)
        if problem is None:
            jobs.append(job)
        else:
            unreadable.append((job, problem))
    return all_jobs, jobs, unreadable


def _pdf_step(stack: contextlib.ExitStack, *, pdf: bool, lang: str = "en"):
    """What happens to each report once the batch has run: printed to ``report.pdf`` by one
    browser that ``stack`` closes (started here, before any report runs), or, without ``pdf``,
    a ``report.pdf`` of an earlier run removed."""
    if not pdf:
        return _without_pdf
    from sra_analysis.reports.pdf import ReportPrinter, print_result

    printer = stack.enter_context(ReportPrinter())
    return lambda result: print_result(printer, result, lang=lang)


def _without_pdf(result: ReportResult) -> ReportResult:
    if result.ok:
        with contextlib.suppress(OSError):
            (Path(result.folder) / "report.pdf").unlink(missing_ok=True)
    return result


def _finish(results: list[ReportResult], finish, *, pdf: bool, progress: bool, lang: str = "en"):
    """``finish`` applied to each result, with a progress bar of its own when it prints."""
    from tqdm.auto import tqdm

    with tqdm(results, desc="report.pdf", unit=t("cli.progress.event", lang),
              disable=not (pdf and progress), file=sys.stderr) as printing:  # fmt: skip
        return [finish(result) for result in printing]


def _run_here(jobs: list[Job], workers: int, bar) -> list[ReportResult]:
    """Run the reports in this process: in this thread for one, else on ``workers`` threads.

    On an interrupt, reports not yet started never start, and running ones stop (their
    kernels are shut down) without writing anything; their temporary files are removed.
    """
    from sra_analysis.reports.index_page import prepare_index
    from sra_analysis.reports.runner import cancel, prepare_runner

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
    from sra_analysis.reports.remote import pack_event, run_packed, unpack_report

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
