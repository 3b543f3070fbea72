"""Writing report files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = [
    "EVENT_RESULTS",
    "EVENT_TABLES",
    "IMPROVEMENT_PLAN",
    "placed_name",
    "plan_path",
    "results_beside",
    "table_path",
    "write_atomic",
    "write_event_tables",
    "write_json_atomic",
]

#: The tables a review leaves for the roll-up across events, saved as ``<name>.parquet``
#: (:data:`sra_analysis.rollup.artefacts.TABLE_NAMES`).
EVENT_TABLES = ("windows", "incidents", "register")
#: The workbook of areas for improvement with columns to fill in
#: (:mod:`sra_analysis.reports.pages.improvement_plan`).
IMPROVEMENT_PLAN = "improvement_plan.xlsx"
#: What a successful report leaves beside ``report.html`` for later use: its summary, those
#: tables, the improvement plan and, when asked for, its PDF. None of them may stand beside a
#: report that failed.
EVENT_RESULTS = (
    "summary.json",
    *(f"{name}.parquet" for name in EVENT_TABLES),
    IMPROVEMENT_PLAN,
    "report.pdf",
)
#: A batch's temporary name for a result: ``.<name>.<process>.<thread>.tmp``.
_BATCH_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.\d+\.\d+\.tmp$")


@functools.cache
def _umask() -> int:
    """The process's umask, read once: reading it means setting it, which must not race
    with a batch thread creating a file."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_umask()  # read while the module is imported, before any batch thread runs


def write_atomic(path: str | os.PathLike, data: bytes | str) -> Path:
    """Write ``path`` through a temporary file in the same folder and a rename, so a reader
    never sees half a file; the file gets the usual permissions (0666 less the umask).

    Whatever stops the write (a full disk, an interrupt), the temporary file
    (``.<name>.<random>.tmp``) is removed and the error passes on; ``path`` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    kwargs = {} if isinstance(data, bytes) else {"encoding": "utf-8"}
    handle = tempfile.NamedTemporaryFile(
        mode, dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False, **kwargs
    )
    try:
        with handle:
            handle.write(data)
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return path


def write_json_atomic(data: Mapping, path: str | os.PathLike) -> Path:
    """Write JSON to ``path`` through a temporary file and a rename."""
    return write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))


def table_path(summary_path: str | os.PathLike, name: str) -> Path:
    """Where a review's table ``name`` goes, given where its summary goes.

    Examples
    --------
    >>> table_path("out/e/summary.json", "windows").as_posix()
    'out/e/windows.parquet'
    >>> table_path("out/e/.summary.json.41.tmp", "windows").as_posix()  # a batch's temporary
    'out/e/.windows.parquet.41.tmp'
    >>> table_path("out/e/review.json", "windows").as_posix()
    'out/e/review.windows.parquet'
    """
    return _beside(summary_path, f"{name}.parquet")


def plan_path(summary_path: str | os.PathLike) -> Path:
    """Where a review's improvement plan goes, given where its summary goes.

    Examples
    --------
    >>> plan_path("out/e/summary.json").as_posix()
    'out/e/improvement_plan.xlsx'
    >>> plan_path("out/e/.summary.json.41.7.tmp").as_posix()  # a batch's temporary
    'out/e/.improvement_plan.xlsx.41.7.tmp'
    >>> plan_path("out/e/review.json").as_posix()
    'out/e/review.improvement_plan.xlsx'
    """
    return _beside(summary_path, IMPROVEMENT_PLAN)


def _beside(summary_path: str | os.PathLike, file_name: str) -> Path:
    path = Path(summary_path)
    if "summary.json" in path.name:
        return path.with_name(path.name.replace("summary.json", file_name))
    return path.with_name(f"{path.stem}.{file_name}")


def results_beside(summary_path: str | os.PathLike) -> dict[str, Path]:
    """The files a review writes beside its summary: the name each has in a report's folder
    and where the review writes it (:func:`table_path`, :func:`plan_path`).

    Examples
    --------
    >>> {k: v.name for k, v in results_beside("out/e/.summary.json.41.7.tmp").items()}
    ... # doctest: +NORMALIZE_WHITESPACE
    {'windows.parquet': '.windows.parquet.41.7.tmp',
     'incidents.parquet': '.incidents.parquet.41.7.tmp',
     'register.parquet': '.register.parquet.41.7.tmp',
     'improvement_plan.xlsx': '.improvement_plan.xlsx.41.7.tmp'}
    """
    tables = {f"{name}.parquet": table_path(summary_path, name) for name in EVENT_TABLES}
    return {**tables, IMPROVEMENT_PLAN: plan_path(summary_path)}


def placed_name(path: str | os.PathLike) -> str:
    """The name a file written beside a summary has once in place: a batch writes each
    result to a temporary name and renames it into the report's folder.

    Examples
    --------
    >>> placed_name("out/e/.improvement_plan.xlsx.41.7.tmp")
    'improvement_plan.xlsx'
    >>> placed_name("out/e/review.improvement_plan.xlsx")
    'review.improvement_plan.xlsx'
    """
    name = Path(path).name
    temporary = _BATCH_TEMPORARY.match(name)
    return temporary["name"] if temporary else name


def write_event_tables(tables: Mapping, summary_path: str | os.PathLike) -> list[Path]:
    """Write each table as Parquet beside the summary (:func:`table_path`), each through a
    temporary file and a rename.

    ``tables`` maps names to DataFrames (:func:`sra_analysis.rollup.artefacts.event_tables`).
    """
    return [
        write_atomic(table_path(summary_path, name), frame.to_parquet(index=False))
        for name, frame in tables.items()
    ]
