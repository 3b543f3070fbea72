"""The output folder of a batch: proved writable before any report runs; OS errors told plainly.

A batch of reports takes minutes; a folder that cannot be written should stop it before the
first notebook runs, with one line that names the folder and what to do, not a traceback
after the work is done.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from sra_analysis.errors import OutputError

__all__ = [
    "OUT_OF_SPACE",
    "check_output_dir",
    "clear_stale_temporaries",
    "describe_os_error",
    "os_hint",
    "os_reason",
    "remove_files",
]

#: Error numbers that mean the disk (or the user's quota) is full.
OUT_OF_SPACE = frozenset(
    code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code is not None
)
_PROBE_PREFIX = ".sra-review-probe."
#: A batch's temporary names, tagged with the writing process: ``.<name>.<pid>.<thread>.tmp``
#: (and ``….tmp.ipynb`` for an executed notebook).
_TAGGED_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.\d+\.tmp(\.ipynb)?$")
#: :func:`~sra_analysis.reports.files.write_atomic`'s and the probe's temporary names:
#: ``.<name>.<8 random characters>.tmp``.
_RANDOM_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
#: A temporary file of ``write_atomic`` lives for the time one file takes to write; one older
#: than this was left by a run that was killed.
STALE_AFTER_SECONDS = 600


def os_reason(error: OSError) -> str:
    """``[Errno 13] Permission denied``: what the system said, without the file name (often a
    temporary one) that the caller names better.

    Examples
    --------
    >>> os_reason(PermissionError(errno.EACCES, "Permission denied", "/x/.report.tmp"))
    '[Errno 13] Permission denied'
    """
    if error.errno is None:
        return str(error)
    return f"[Errno {error.errno}] {error.strerror or os.strerror(error.errno)}"


def check_output_dir(path: str | os.PathLike, *, option: str = "--out") -> Path:
    """Create the output folder when missing and prove it can be written.

    A probe file is written and removed: permission bits (``os.access``) are no proof, since
    they answer yes to root even on a read-only mount or a folder the system refuses to
    write.

    Parameters
    ----------
    path : path
        The output folder.
    option : str, default "--out"
        How the user named it, for the hint.

    Returns
    -------
    pathlib.Path
        The folder, which now exists and accepted a file.

    Raises
    ------
    OutputError
        When ``path`` is a file, cannot be created, or refuses a file.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     out = check_output_dir(Path(root) / "reports" / "2024")
    ...     sorted(p.name for p in out.iterdir())
    []
    """
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError(
            str(out), "is a file, not a folder", hint=f"give {option} a folder (made when missing)"
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            str(out),
            f"cannot be created: {os_reason(error)}",
            hint=f"check the path, or choose another {option}",
            errno=error.errno,
        ) from error
    try:
        handle, probe = tempfile.mkstemp(dir=out, prefix=_PROBE_PREFIX, suffix=".tmp")
        os.close(handle)
        os.unlink(probe)
        clear_stale_temporaries(out)
    except OSError as error:
        raise OutputError(
            str(out),
            f"cannot be written: {os_reason(error)}",
            hint=os_hint(error, out=out, option=option),
            errno=error.errno,
        ) from error
    return out


def describe_os_error(error: OSError, *, doing: str, out: str | os.PathLike) -> str:
    """One line saying what was being done, what the system said and what to try.

    Examples
    --------
    >>> error = OSError(errno.ENOSPC, "No space left on device")
    >>> describe_os_error(error, doing="writing the report of kab-bogor-2024", out="reports")
    'error while writing the report of kab-bogor-2024: [Errno 28] No space left on device — \
free space in reports or choose another --out'
    """
    return f"error while {doing}: {os_reason(error)} — {os_hint(error, out=out)}"


def os_hint(error: OSError, *, out: str | os.PathLike, option: str = "--out") -> str:
    """What to try after ``error`` while writing into the output folder ``out``.

    Examples
    --------
    >>> os_hint(OSError(errno.EROFS, "Read-only file system"), out="reports")
    'make reports writable, or choose another --out'
    """
    if error.errno in OUT_OF_SPACE:
        return f"free space in {out} or choose another {option}"
    return f"make {out} writable, or choose another {option}"


def clear_stale_temporaries(folder: str | os.PathLike) -> list[Path]:
    """Remove the temporary files a killed run left in ``folder``; the files removed.

    A run that ends normally, fails or is interrupted removes its own temporary files; one
    killed outright (``kill -9``, a machine switched off) cannot, and its ``.<name>….tmp``
    files would stay beside the reports for good. Each report folder, the roll-up's and the
    output folder are cleared as a run starts writing there. A file tagged with a process id
    is removed when that process no longer runs (the batch's own are never touched); an
    untagged one (:func:`~sra_analysis.reports.files.write_atomic`'s) when it is older than
    :data:`STALE_AFTER_SECONDS`. Files of other names are never touched.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     for name in (".summary.json.999999999.1.tmp", "report.html", ".notes.tmp"):
    ...         _ = (Path(root) / name).write_text("x")
    ...     [p.name for p in clear_stale_temporaries(root)], sorted(os.listdir(root))
    (['.summary.json.999999999.1.tmp'], ['.notes.tmp', 'report.html'])
    """
    folder = Path(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    now = time.time()
    removed = []
    for entry in entries:
        tagged = _TAGGED_TEMPORARY.match(entry.name)
        if tagged:
            stale = not _process_runs(int(tagged["pid"]))
        elif _RANDOM_TEMPORARY.match(entry.name):
            try:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS
            except OSError:
                continue
        else:
            continue
        if stale and entry.is_file(follow_symlinks=False):
            with suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _process_runs(pid: int) -> bool:
    """Whether process ``pid`` runs on this machine (this process counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except (OverflowError, OSError):
        return False  # none such (ProcessLookupError), or an id no process can have
    return True


def remove_files(paths: Iterable[str | os.PathLike]) -> None:
    """Remove each file that exists; a file that cannot be removed is left alone."""
    for path in paths:
        with suppress(OSError):
            Path(path).unlink(missing_ok=True)
