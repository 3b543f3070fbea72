"""What the roll-up across events reads: each report's summary and tables, read back.

Every report that succeeds leaves ``summary.json`` and three tables (``windows``,
``incidents``, ``register`` as Parquet, :data:`~sra_analysis.reports.files.EVENT_TABLES`)
beside its ``report.html``. :func:`read_reports` reads them from report folders, or from every
report folder of a batch's output folder, and pools the tables with an ``event_id`` column
(:func:`sra_analysis.rollup.artefacts.pool_tables`), so the roll-up never runs an event again.
A folder whose report FAILED, or that holds no tables, is skipped and said so, never dropped
silently.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sra_analysis.errors import InputFileError, ParameterError
from sra_analysis.reports.files import EVENT_TABLES
from sra_analysis.rollup.artefacts import (
    INCIDENT_COLUMNS,
    REGISTER_COLUMNS,
    WINDOW_EXTRA_COLUMNS,
)

__all__ = ["ReportsRead", "check_reports", "missing_files", "read_reports", "report_folders"]


@dataclass(frozen=True)
class ReportsRead:
    """The reports a roll-up pools.

    Attributes
    ----------
    summaries : dict
        Each event's ``summary.json``, by event id, in the order read.
    tables : dict
        ``windows``, ``incidents`` and ``register`` of every event, pooled, each with an
        ``event_id`` column.
    skipped : tuple of (str, str)
        Report folders not pooled, each with the reason.
    folders : dict
        Each pooled event's report folder, by event id.
    """

    summaries: dict[str, dict]
    tables: dict[str, pd.DataFrame]
    skipped: tuple[tuple[str, str], ...]
    folders: dict[str, Path] = field(default_factory=dict)


#: Columns the roll-up reads from each saved table; a report written before rings had zones
#: lacks ``zone`` and is pooled by ring name.
_REQUIRED = {
    "windows": ["ring", "window_start", "hours", "predicted_level", "incidents", "disruptions",
                "officer_hours", "likelihood", "impact",
                *(c for c in WINDOW_EXTRA_COLUMNS if c != "zone")],
    "incidents": INCIDENT_COLUMNS,
    "register": REGISTER_COLUMNS,
}  # fmt: skip


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


def _read_tables(folder: Path) -> tuple[dict[str, pd.DataFrame], str | None]:
    """An event's three tables, or why they cannot be pooled (unreadable, columns missing)."""
    from sra_analysis.privacy import hide_long_numbers

    read = {}
    for name in EVENT_TABLES:
        try:
            table = pd.read_parquet(folder / f"{name}.parquet")
        except Exception as error:
            reason = hide_long_numbers(f"{type(error).__name__}: {str(error)[:200]}")
            return {}, f"{name}.parquet cannot be read ({reason})"
        missing = [c for c in _REQUIRED[name] if c not in table.columns]
        if missing:
            return {}, f"{name}.parquet lacks column(s) {missing}: rerun its report"
        read[name] = table
    return read, None


def missing_files(folder: str | os.PathLike) -> str | None:
    """Why the report in ``folder`` cannot be pooled, judged from its files being there
    (``summary.json`` and the review's tables), or None when they all are."""
    folder = Path(folder)
    if not (folder / "summary.json").exists():
        return "no summary.json: the report FAILED or did not finish"
    missing = [n for n in EVENT_TABLES if not (folder / f"{n}.parquet").exists()]
    if missing:
        names = ", ".join(f"{n}.parquet" for n in missing)
        return f"no {names}: rerun its report to make them"
    return None


def _summaries(paths, skipped: list[tuple[str, str]]) -> Iterator[tuple[Path, dict, str]]:
    """``(folder, summary, event id)`` of each report under ``paths`` whose files are there
    and whose summary reads; the others are added to ``skipped`` with the reason."""
    for folder in report_folders(paths):
        problem = missing_files(folder)
        if problem:
            skipped.append((str(folder), problem))
            continue
        try:
            summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
            event_id = summary["event"]["id"]
            if not isinstance(event_id, str) or not isinstance(summary["totals"], dict):
                raise TypeError("its event id or totals are not what a review writes")
        except (ValueError, KeyError, TypeError) as error:
            skipped.append((str(folder), f"summary.json cannot be read: {error}"))
            continue
        yield folder, summary, event_id


def _claim(where: dict[str, Path], event_id: str, folder: Path) -> None:
    """Refuse a second report of one event."""
    if event_id in where:
        raise ParameterError(
            f"two reports of event {event_id!r}: {where[event_id]} and {folder}; "
            "give each event once"
        )


def _nothing_to_pool(skipped: list[tuple[str, str]]) -> ParameterError:
    reasons = "; ".join(f"{folder}: {why}" for folder, why in skipped[:3])
    if len(skipped) > 3:
        reasons += f"; and {len(skipped) - 3} more"
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
    skipped: list[tuple[str, str]] = []
    for folder, _, event_id in _summaries(paths, skipped):
        _claim(where, event_id, folder)
        where[event_id] = folder
    if not where:
        raise _nothing_to_pool(skipped)
    return list(where.values())


def read_reports(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> ReportsRead:
    """Read and pool the summaries and tables of the reports under ``paths``.

    Parameters
    ----------
    paths : path or iterable of paths
        Report folders (``OUT/<event id>``) or batch output folders (``OUT``).

    Returns
    -------
    ReportsRead

    Raises
    ------
    ParameterError
        When two folders hold reports of the same event id, or no report can be pooled.
    """
    from sra_analysis.rollup.artefacts import pool_tables

    summaries: dict[str, dict] = {}
    tables: dict[str, dict[str, pd.DataFrame]] = {}
    where: dict[str, Path] = {}
    skipped: list[tuple[str, str]] = []
    for folder, summary, event_id in _summaries(paths, skipped):
        _claim(where, event_id, folder)
        read, problem = _read_tables(folder)
        if problem:  # a damaged or foreign table sets its report aside, not the roll-up
            skipped.append((str(folder), problem))
            continue
        where[event_id] = folder
        summaries[event_id] = summary
        tables[event_id] = read
    if not summaries:
        raise _nothing_to_pool(skipped)
    return ReportsRead(summaries, pool_tables(tables), tuple(skipped), where)
