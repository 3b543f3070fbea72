"""Reports written elsewhere: the event travels to a worker as bytes, its report comes back.

A batch run on an executor (a Dask cluster, a process pool) needs no shared folder: each event
folder is packed into a tar archive (:func:`pack_event`), the worker unpacks it into a private
temporary folder and runs the report there (:func:`run_packed`), and the report's files travel
back as bytes, which :func:`unpack_report` writes into ``OUT/<event id>/`` on the machine that
runs the batch — each file to a temporary name, then renamed into place. The worker's
temporary paths never show in the report: they are put back to the event's own folder.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from sra_analysis.errors import InputFileError
from sra_analysis.reports.batch.runner import Job, ReportResult, run_one
from sra_analysis.reports.files import EVENT_RESULTS, write_atomic

__all__ = ["MAX_EVENT_BYTES", "PackedReport", "pack_event", "run_packed", "unpack_report"]

#: An event folder larger than this is not sent to a worker (its report says so).
MAX_EVENT_BYTES = 1024**3
_TEXT_SUFFIXES = {".html", ".ipynb", ".json", ".csv", ".txt"}


@dataclass(frozen=True)
class PackedReport:
    """What a worker sends back: the report's result and its files (path → bytes).

    ``files`` maps paths relative to the report folder (``report.html``,
    ``tables/misses.csv``) to their contents.
    """

    result: ReportResult
    files: dict[str, bytes]


def pack_event(event_dir: str | os.PathLike) -> bytes:
    """The event folder as an uncompressed tar archive, links kept as links.

    Raises
    ------
    InputFileError
        When the folder holds more than :data:`MAX_EVENT_BYTES`.

    Examples
    --------
    >>> from sra_analysis.resources import sample_dir
    >>> archive = pack_event(sample_dir() / "purwakarta-2024")
    >>> with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
    ...     "purwakarta-2024/event.yaml" in tar.getnames()
    True
    """
    folder = Path(event_dir)
    size = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    if size > MAX_EVENT_BYTES:
        raise InputFileError(
            str(folder),
            f"holds {size / 1024**2:,.0f} MB, more than the {MAX_EVENT_BYTES / 1024**2:,.0f} MB "
            "a batch sends to a worker",
        )
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        tar.add(folder, arcname=folder.name, recursive=True)
    return buffer.getvalue()


def run_packed(job: Job, event: bytes) -> PackedReport:
    """Unpack the event, run its report in a temporary folder, return the report's files.

    Runs on the worker. Never raises for one report's trouble: an archive that cannot be
    unpacked (a link leading out of the event folder) makes the report FAILED and says why.
    """
    with tempfile.TemporaryDirectory(prefix="sra-remote-") as tmp:
        inbox, outbox = Path(tmp, "in"), Path(tmp, "out")
        inbox.mkdir()
        event_dir = inbox / Path(job.event_dir).name
        folder = outbox / Path(job.folder).name
        try:
            with tarfile.open(fileobj=io.BytesIO(event), mode="r") as tar:
                tar.extractall(inbox, filter="data")
        except (tarfile.TarError, OSError) as error:
            message = f"the event folder could not be unpacked on the worker: {error}"
            failed = ReportResult(job.event_dir, job.event_id, "failed", job.folder, 0.0, message)
            from sra_analysis.reports.batch.report_html import failure_page

            page = failure_page(job.event_id, message).encode("utf-8")
            return PackedReport(failed, {"report.html": page})
        result = run_one(replace(job, event_dir=str(event_dir), folder=str(folder)))
        paths = {str(event_dir): job.event_dir, str(folder): job.folder}
        files = {
            path.relative_to(folder).as_posix(): _put_back(path, paths)
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }
    result = replace(
        result,
        event_dir=job.event_dir,
        folder=job.folder,
        error=_replace_all(result.error, paths),
        detail=_replace_all(result.detail, paths),
    )
    return PackedReport(result, files)


def _replace_all(text: str | None, paths: dict[str, str]) -> str | None:
    if text is None:
        return None
    for worker_path, own_path in paths.items():
        text = text.replace(worker_path, own_path)
    return text


def _put_back(path: Path, paths: dict[str, str]) -> bytes:
    """The file's bytes with the worker's temporary paths replaced by the event's own (as
    written in plain text and inside JSON strings)."""
    content = path.read_bytes()
    if path.suffix not in _TEXT_SUFFIXES:
        return content
    for worker_path, own_path in paths.items():
        for quoted in (lambda p: p, lambda p: json.dumps(p)[1:-1]):
            content = content.replace(quoted(worker_path).encode(), quoted(own_path).encode())
    return content


def unpack_report(packed: PackedReport) -> ReportResult:
    """Write a worker's report into its folder on this machine; returns its result.

    Files an earlier run left and this one did not write (a ``summary.json`` beside a report
    that failed now, old full tables) are removed first.
    """
    folder = Path(packed.result.folder)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(folder / "tables", ignore_errors=True)
    for stale in (*EVENT_RESULTS, "report.ipynb"):
        if stale not in packed.files:
            (folder / stale).unlink(missing_ok=True)
    for name, content in packed.files.items():
        target = folder / name
        if folder.resolve() not in target.resolve().parents:  # never outside the folder
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, content)
    return packed.result
