"""What the roll-up across events reads: each report's summary and tables, read back.

Every report that succeeds leaves ``summary.json`` and three tables (``windows``,
``incidents``, ``register`` as Parquet, :data:`~sra_analysis.reports.files.EVENT_TABLES`)
beside its ``report.html``. :func:`read_reports` reads them from report folders, or from every
report folder of a batch's output folder, and pools the tables with an ``event_id`` column
(:func:`sra_analysis.rollup.artefacts.pool_tables`), so the roll-up never runs an event again.
Each folder is untrusted input, read by :func:`~sra_analysis.rollup.folders.read_report_folder`:
a folder whose report FAILED, that holds no tables, or whose summary or tables fail a check is
set aside with its event and the reason
(:class:`~sra_analysis.report_folder.ReportFolderError`), never dropped silently, and the
roll-up goes on with the rest.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sra_analysis.errors import InputFileError, ParameterError
from sra_analysis.report_folder import ReportFolderError
from sra_analysis.report_summary import ReportSummary

__all__ = ["ReportsRead", "check_reports", "missing_files", "read_reports", "report_folders"]


@dataclass(frozen=True)
class ReportsRead:
    """The reports a roll-up pools.

    Attributes
    ----------
    summaries : dict of str to ReportSummary
        Each pooled event's checked ``summary.json``, by event id, in the order read.
    tables : dict
        ``windows``, ``incidents`` and ``register`` of every pooled event, checked and
        pooled, each with an ``event_id`` column.
    set_aside : tuple of ReportFolderError
        Report folders not pooled, each with its event (``.event``) and why
        (``.reason(lang)``).
    folders : dict
        Each pooled event's report folder, by event id.
    """

    summaries: dict[str, ReportSummary]
    tables: dict[str, pd.DataFrame]
    set_aside: tuple[ReportFolderError, ...]
    folders: dict[str, Path] = field(default_factory=dict)

    @property
    def skipped(self) -> tuple[tuple[str, str], ...]:
        """``(folder, reason in English)`` of each folder set aside."""
        return tuple((error.folder, error.reason("en")) for error in self.set_aside)


def _is_report_folder(folder: Path) -> bool:
    return (folder / "summary.json").exists() or (folder / "report.html").exists()


def report_folders(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list[Path]:
    """Report folders named by ``paths``: a report folder itself (``summary.json`` or
    ``report.html`` in it), or a batch's output folder standing for each report folder in it
    (sorted by name).

    Raises
    ------
    InputFileError
        For a path that does not exist, is not a folder, or holds no report.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: dict[Path, None] = {}
    for path in map(Path, paths):
        if not path.is_dir():
            reason = "not a folder; give report folders or a batch's --out" if path.exists() else (
                "no such folder"
            )  # fmt: skip
            raise InputFileError(str(path), reason)
        if _is_report_folder(path):
            found[path] = None
            continue
        children = sorted(p for p in path.iterdir() if p.is_dir() and _is_report_folder(p))
        if not children:
            raise InputFileError(str(path), "holds no report (no summary.json nor report.html)")
        found.update(dict.fromkeys(children))
    return list(found)


def missing_files(folder: str | os.PathLike) -> str | None:
    """Why the report in ``folder`` cannot be pooled, judged from its files being there
    (``summary.json`` and the review's tables), or None when they all are."""
    from sra_analysis.rollup.folders import missing_files as missing

    problem = missing(folder)
    return None if problem is None else problem.reason("en")


def _summaries(paths, set_aside: list[ReportFolderError]) -> Iterator[tuple[Path, ReportSummary]]:
    """``(folder, summary)`` of each report under ``paths`` whose files are there and whose
    summary passes its checks; the others are added to ``set_aside``."""
    from sra_analysis.rollup.folders import missing_files as missing

    for folder in report_folders(paths):
        try:
            problem = missing(folder)
            if problem is not None:
                raise problem
            yield folder, ReportSummary.from_file(folder / "summary.json")
        except ReportFolderError as error:
            set_aside.append(error)


def _claim(where: dict[str, Path], event_id: str, folder: Path) -> None:
    """Refuse a second report of one event."""
    if event_id in where:
        raise ParameterError(
            f"two reports of event {event_id!r}: {where[event_id]} and {folder}; "
            "give each event once"
        )


def _nothing_to_pool(set_aside: list[ReportFolderError]) -> ParameterError:
    reasons = "; ".join(f"{e.folder}: {e.reason('en')}" for e in set_aside[:3])
    if len(set_aside) > 3:
        reasons += f"; and {len(set_aside) - 3} more"
    return ParameterError(f"no report to pool ({reasons})")


def check_reports(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> list[Path]:
    """The report folders under ``paths`` that can be pooled, judged from their files and
    summaries without reading a table: what :func:`read_reports` refuses, refused up front.

    Raises
    ------
    InputFileError
        For a path that does not exist, is not a folder, or holds no report.
    ParameterError
        When two folders hold reports of the same event id, or no report can be pooled.
    """
    where: dict[str, Path] = {}
    set_aside: list[ReportFolderError] = []
    for folder, summary in _summaries(paths, set_aside):
        _claim(where, summary.event.id, folder)
        where[summary.event.id] = folder
    if not where:
        raise _nothing_to_pool(set_aside)
    return list(where.values())


def read_reports(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> ReportsRead:
    """Read, check and pool the summaries and tables of the reports under ``paths``.

    Parameters
    ----------
    paths : path or iterable of paths
        Report folders (``OUT/<event id>``) or batch output folders (``OUT``).

    Returns
    -------
    ReportsRead
        The events that passed every check; the others in ``set_aside``.

    Raises
    ------
    ParameterError
        When two folders hold reports of the same event id, or no report can be pooled.
    """
    from sra_analysis.rollup.artefacts import pool_tables
    from sra_analysis.rollup.folders import read_report_folder

    summaries: dict[str, ReportSummary] = {}
    tables: dict[str, dict[str, pd.DataFrame]] = {}
    where: dict[str, Path] = {}
    set_aside: list[ReportFolderError] = []
    for folder in report_folders(paths):
        try:  # a damaged, foreign or tampered folder sets its event aside, not the roll-up
            read = read_report_folder(folder)
        except ReportFolderError as error:
            set_aside.append(error)
            continue
        _claim(where, read.event_id, folder)
        where[read.event_id] = folder
        summaries[read.event_id] = read.summary
        tables[read.event_id] = read.tables
    if not summaries:
        raise _nothing_to_pool(set_aside)
    return ReportsRead(summaries, pool_tables(tables), tuple(set_aside), where)
