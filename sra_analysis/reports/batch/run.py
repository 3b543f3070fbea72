"""Batch review reports: papermill runs the notebook, nbconvert writes offline HTML.

For each event folder the notebook runs with papermill; the executed notebook, its HTML
export (code hidden, no network request; plotly.js inside the page, or shared as
``OUT/plotly.min.js`` by a batch of several events) and ``summary.json`` land in
``OUT/<event id>/`` (:mod:`sra_analysis.reports.batch.runner`).
``OUT`` is proved writable before any notebook runs. A report that fails still gets a page that
says FAILED and where; the batch goes on; temporary files are removed on every path, an
interrupt included. Then ``OUT/index.html`` links every report with a cross-event table and
charts.

Where the reports run is one small object, ``where`` (:mod:`sra_analysis.reports.batch.where`): in
this process (``Here``, the default), on an executor (``OnExecutor``) or on a Dask cluster
(``OnDask``).

With ``pdf=True``, each report written is then printed to ``report.pdf`` by one headless
Chromium that this process starts before any report runs (:mod:`sra_analysis.reports.batch.pdf`).
It prints once the reports are done: the reports keep every core busy (one kernel per core),
and printing alongside them measured no faster (``benchmarks/bench_pdf.py``).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sra_analysis.errors import OutputError, ParameterError
from sra_analysis.event_config import read_event_meta
from sra_analysis.event_yaml import find_event_dirs
from sra_analysis.labels import t
from sra_analysis.reports.batch.report_html import choose_assets, failure_page, write_plotly_asset
from sra_analysis.reports.batch.runner import Job, ReportResult
from sra_analysis.reports.batch.where import Here, Where
from sra_analysis.reports.files import EVENT_RESULTS, write_atomic
from sra_analysis.reports.outdir import check_output_dir, os_hint, os_reason
from sra_analysis.reports.parameters import ReportParameters, batch_parameters
from sra_analysis.resources import notebook_path

if TYPE_CHECKING:
    from sra_analysis.reports.batch.rollup_report import RollupReport

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
    where: Where | None = None,
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
    where : Here, OnExecutor or OnDask, optional
        Where the reports run (:mod:`sra_analysis.reports.batch.where`): ``Here(workers=N)``, N at
        once in this process, one per core by default (the default); ``OnExecutor(executor)``,
        e.g. a process pool or ``dask.distributed.Client.get_executor(pure=False)``, events
        and reports travelling as bytes (:mod:`sra_analysis.reports.batch.remote`);
        ``OnDask("tcp://HOST:8786")`` or ``OnDask("local", workers=N)``
        (:mod:`sra_analysis.reports.batch.cluster`).
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
        :mod:`sra_analysis.reports.batch.rollup_report`), linked first from the index. A roll-up
        that fails says so in ``rollup.html`` and the index; the reports stand.
    pdf : bool, default False
        Also print each report written to an A4 ``report.pdf`` beside it, in headless
        Chromium (:mod:`sra_analysis.reports.batch.pdf`; needs Playwright and a Chromium, both
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
    where = Here() if where is None else where
    if not callable(getattr(where, "run", None)):
        raise ParameterError(
            f"where must be Here(), OnExecutor(executor) or OnDask(scheduler), got {where!r}"
        )
    notebook_file = notebook_path(notebook)
    checked, parameters = batch_parameters(parameters, lang=lang, notebook=notebook_file)
    folders = find_event_dirs(event_dirs)
    assets = choose_assets(assets, events=len(folders))
    if pdf:  # a machine that cannot print says so before anything starts
        from sra_analysis.reports.batch.pdf import check_printer

        check_printer()
    where.prepare(len(folders))  # kernels started here warm up while events are read
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
        ran = where.run(jobs, bar)
        bar.close()
        results += _finish(ran, finish, pdf=pdf, progress=progress, lang=checked.lang)
    order = {job.event_id: i for i, job in enumerate(all_jobs)}
    results.sort(key=lambda r: order[r.event_id])
    pooled = None
    if rollup and len(_poolable(results)) >= 2:
        from sra_analysis.reports.batch.rollup_report import run_rollup_report

        pooled = run_rollup_report(
            [r.folder for r in results if Path(r.folder).is_dir()], out,
            lang=checked.lang, assets=assets,
        )  # fmt: skip
    from sra_analysis.reports.batch.index_page import write_index

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
    from sra_analysis.reports.batch.pdf import ReportPrinter, print_result

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
