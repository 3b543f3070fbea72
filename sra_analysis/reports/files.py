"""Writing report files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_atomic", "write_json_atomic"]


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
