"""The project's exceptions: one base class, each subclass carrying where the problem is.

Every error a user can cause with an input file names the file, and where it applies the row
(as the user sees it: the line in a text editor, the row in Excel), the column and the value.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "ClusterError",
    "SRAError",
    "EventConfigError",
    "InputFileError",
    "MissingColumnsError",
    "OutputError",
    "ParameterError",
    "PrinterError",
    "VocabularyError",
    "check_argument",
]


class SRAError(Exception):
    """Base class of every error raised by ``sra_analysis``."""


class EventConfigError(SRAError):
    """``event.yaml`` is missing, unreadable or describes an impossible event.

    Parameters
    ----------
    file : str
        The path of the configuration file.
    message : str
        What is wrong and how to fix it.
    key : str, optional
        The configuration key at fault.
    """

    def __init__(self, file: str, message: str, *, key: str | None = None) -> None:
        self.file = str(file)
        self.key = key
        self.message = message
        where = f" (key {key!r})" if key else ""
        super().__init__(f"{self.file}{where}: {message}")

    def __reduce__(self):
        return (_rebuild, (type(self), self.file, self.message, {"key": self.key}))


class InputFileError(SRAError):
    """An input file cannot be read at all (wrong format, undecodable, empty, ...).

    Parameters
    ----------
    file : str
        The path of the file.
    message : str
        What is wrong.
    row, column, value : optional
        Where, when the problem sits in one place.
    """

    def __init__(
        self,
        file: str,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        value: object = None,
    ) -> None:
        self.file = str(file)
        self.message = message
        self.row = row
        self.column = column
        self.value = value
        where = [self.file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}")

    def __reduce__(self):
        extra = {"row": self.row, "column": self.column, "value": self.value}
        return (_rebuild, (type(self), self.file, self.message, extra))


class MissingColumnsError(InputFileError):
    """A required column is absent; the message lists the missing and the found columns.

    Parameters
    ----------
    file : str
        The path of the file.
    missing : list of str
        Contract columns the file lacks.
    found : list of str
        The file's headers as they may be shown (for the staffing file, names that could be
        an officer's id are already replaced; see :mod:`sra_analysis.privacy`).
    hint : str, optional
        What to do about it, appended to the message.
    """

    def __init__(
        self, file: str, *, missing: list[str], found: list[str], hint: str | None = None
    ) -> None:
        self.missing = list(missing)
        self.found = list(found)
        self.hint = hint
        message = (
            f"missing required column(s) {', '.join(map(repr, self.missing))}; "
            f"columns found: {', '.join(map(repr, self.found)) or 'none'}"
        )
        if hint:
            message += f"; {hint}"
        super().__init__(file, message)

    def __reduce__(self):
        return (_rebuild_missing, (self.file, self.missing, self.found, self.hint))


class VocabularyError(SRAError):
    """A category vocabulary file is unreadable, malformed or clashes with the vocabulary.

    Parameters
    ----------
    file : str
        The path of the vocabulary file.
    message : str
        What is wrong and how to fix it.
    entry : str, optional
        The entry at fault: its code, or ``#n`` (1-based) when it has none.
    field : str, optional
        The field of the entry at fault (``code``, ``label.id``, ``synonyms.en``, ...).

    Examples
    --------
    >>> str(VocabularyError("mine.yaml", "missing", entry="#2", field="label.en"))
    "mine.yaml (entry '#2', field 'label.en'): missing"
    """

    def __init__(
        self, file: str, message: str, *, entry: str | None = None, field: str | None = None
    ) -> None:
        self.file = str(file)
        self.message = message
        self.entry = entry
        self.field = field
        where = [f"entry {entry!r}" if entry else None, f"field {field!r}" if field else None]
        shown = ", ".join(w for w in where if w)
        super().__init__(f"{self.file}{f' ({shown})' if shown else ''}: {message}")

    def __reduce__(self):
        return (
            _rebuild,
            (type(self), self.file, self.message, {"entry": self.entry, "field": self.field}),
        )


class ParameterError(SRAError, ValueError):
    """A function or notebook parameter has a value outside what it accepts."""


#: Longest ``repr`` of a rejected value quoted in a message (a pasted paragraph is cut).
_SHOWN = 80


def check_argument(name: str, allowed: Sequence, value: object) -> object:
    """``value`` when it is one of ``allowed``; else a :class:`ParameterError` naming all three.

    The one wording of "not one of these values" (seaborn's ``_check_argument``): the
    validators of ``lang`` (:func:`sra_analysis.labels.check_lang`), ``flag_level``, risk
    levels and severity (:mod:`sra_analysis.levels`) go through it.

    Parameters
    ----------
    name : str
        The argument, as the caller wrote it (``"lang"``, ``"flag_level"``).
    allowed : sequence
        The accepted values, in the order they are listed.
    value : object
        The value received; its ``repr`` is quoted, cut at 80 characters.

    Examples
    --------
    >>> check_argument("lang", ["en", "id"], "id")
    'id'
    >>> check_argument("lang", ["en", "id"], "fr")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: lang must be one of ['en', 'id'], got 'fr'
    """
    if isinstance(value, bool) and not any(isinstance(a, bool) for a in allowed):
        accepted = False  # True == 1, yet True is no severity
    else:
        try:
            accepted = value in allowed
        except (TypeError, ValueError):  # unhashable, or an array compared elementwise
            accepted = False
    if accepted:
        return value
    shown = repr(value)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    raise ParameterError(f"{name} must be one of {list(allowed)}, got {shown}")


class OutputError(SRAError):
    """An output file or folder cannot be created or written (``--out`` of a command).

    Parameters
    ----------
    path : str
        The file or folder that cannot be written.
    message : str
        What went wrong.
    hint : str, optional
        What the user can do about it.
    errno : int, optional
        The operating system's error number, when an ``OSError`` was behind it.

    Examples
    --------
    >>> import errno
    >>> error = OutputError("reports", "is a file, not a folder", hint="choose a folder")
    >>> str(error)
    'reports: is a file, not a folder — choose a folder'
    >>> OutputError("reports", "disk full", errno=errno.ENOSPC).errno == errno.ENOSPC
    True
    """

    def __init__(
        self, path: str, message: str, *, hint: str | None = None, errno: int | None = None
    ) -> None:
        self.path = str(path)
        self.message = message
        self.hint = hint
        self.errno = errno
        super().__init__(f"{self.path}: {message}" + (f" — {hint}" if hint else ""))

    def __reduce__(self):
        extra = {"hint": self.hint, "errno": self.errno}
        return (_rebuild, (type(self), self.path, self.message, extra))


def _rebuild(cls, file, message, extra):
    return cls(file, message, **extra)


def _rebuild_missing(file, missing, found, hint=None):
    return MissingColumnsError(file, missing=missing, found=found, hint=hint)


class ClusterError(SRAError):
    """The Dask scheduler a batch was sent to cannot be reached, or Dask is not installed."""


class PrinterError(SRAError):
    """``report.pdf`` cannot be printed on this machine: Playwright is not installed, or no
    Chromium is found (or it does not start)."""
