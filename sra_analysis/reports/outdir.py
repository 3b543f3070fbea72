"""The output folder of a batch: proved writable before any report runs; OS errors told plainly.

A batch of reports takes minutes; a folder that cannot be written should stop it before the
first notebook runs, with one line that names the folder and what to do, not a traceback
after the work is done.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

from sra_analysis.errors import OutputError

__all__ = [
    "OUT_OF_SPACE",
    "check_output_dir",
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


def remove_files(paths: Iterable[str | os.PathLike]) -> None:
    """Remove each file that exists; a file that cannot be removed is left alone."""
    for path in paths:
        with suppress(OSError):
            Path(path).unlink(missing_ok=True)
