"""The exit statuses of ``sra-review`` and the ``exit status`` section of each ``--help``."""

from __future__ import annotations

import enum

__all__ = [
    "MAX_FAILED_STATUS",
    "REPORT_ASSETS",
    "SHARED",
    "STATUSES",
    "ExitCode",
    "exit_status_help",
]


class ExitCode(enum.IntEnum):
    """The exit statuses of ``sra-review``, in one place.

    ``report`` also exits 1–63: that many reports FAILED (see :data:`MAX_FAILED_STATUS`).
    """

    OK = 0
    #: validate: some rows were quarantined
    QUARANTINED = 1
    #: validate: a file or an event cannot be read at all
    UNREADABLE = 2
    #: EX_USAGE: bad arguments
    USAGE = 64
    #: EX_NOINPUT: report: an EVENT_DIR does not exist or holds no event
    NO_INPUT = 66
    #: EX_UNAVAILABLE: report: the Dask scheduler cannot be reached, or Dask is not installed
    UNAVAILABLE = 69
    #: EX_SOFTWARE: an internal error (a bug)
    INTERNAL = 70
    #: EX_CANTCREAT: the output folder cannot be created or written
    CANNOT_WRITE = 73
    #: EX_IOERR: an I/O error not attributable to one report (the disk filled, ...)
    IO_ERROR = 74
    #: EX_CONFIG: report --pdf: Playwright or a Chromium is missing, or Chromium does not start
    CANNOT_PRINT = 78
    #: 128 + SIGINT: interrupted with Ctrl-C
    INTERRUPTED = 130


#: ``report`` exits with the number of FAILED reports, capped here (below 64, the usage error).
MAX_FAILED_STATUS = 63
#: ``report --assets``: sra_analysis.reports.batch.report_html.ASSETS, written out so that --help
#: imports no report library.
REPORT_ASSETS = ("inline", "shared")

#: The statuses every command shares.
SHARED = (
    (ExitCode.USAGE, "usage error: bad arguments"),
    (ExitCode.INTERNAL, "internal error, a bug: rerun with --debug for the traceback"),
    (ExitCode.CANNOT_WRITE, "the output folder cannot be created or written"),
    (ExitCode.IO_ERROR, "I/O error, e.g. the disk filled up"),
    (ExitCode.INTERRUPTED, "interrupted (Ctrl-C); temporary files are removed"),
)
#: Each command's statuses and what they mean, as its ``--help`` lists them.
STATUSES = {
    "validate": (
        ("0", "every row of every event accepted"),
        ("1", "some rows quarantined (each listed with file, row, column and reason)"),
        ("2", "a file or an event cannot be read at all"),
        *((str(int(c)), m) for c, m in SHARED if c != ExitCode.CANNOT_WRITE),
    ),
    "sample": (("0", "the events were written"), *((str(int(c)), m) for c, m in SHARED)),
    "report": (
        ("0", "every report written"),
        (
            f"1-{MAX_FAILED_STATUS}",
            "that many reports FAILED (63 = 63 or more; a FAILED roll-up counts as one), each "
            "with a page saying FAILED and why; with --pdf, reports written without their "
            "report.pdf count too",
        ),
        ("64", "usage error: bad arguments or notebook parameters, two events with one id"),
        ("66", "an EVENT_DIR does not exist or holds no event.yaml"),
        ("69", "--scheduler: the Dask scheduler cannot be reached, or Dask is not installed"),
        ("70", "internal error, a bug: rerun with --debug for the traceback"),
        ("73", "OUT cannot be created or written (checked before any report runs)"),
        ("74", "I/O error outside one report, e.g. the disk filled while writing the index"),
        ("78", "--pdf: Playwright or a Chromium is missing (checked before any report runs)"),
        ("130", "interrupted (Ctrl-C); temporary files are removed"),
    ),
    "rollup": (
        ("0", "rollup.html, rollup.ipynb and rollup.json written"),
        ("1", "the roll-up notebook FAILED: rollup.html says where and why"),
        ("64", "usage error: bad arguments, no report to pool, one event given twice"),
        ("66", "a path does not exist or holds no report"),
        ("70", "internal error, a bug: rerun with --debug for the traceback"),
        ("73", "OUT cannot be created or written"),
        ("74", "I/O error, e.g. the disk filled up"),
        ("130", "interrupted (Ctrl-C); temporary files are removed"),
    ),
    "template": (
        ("0", "the template files were written"),
        ("64", "usage error: bad arguments"),
        ("66", "--event names no event.yaml, or one that is not valid"),
        ("70", "internal error, a bug: rerun with --debug for the traceback"),
        ("73", "OUT cannot be written, or already holds event files (--force overwrites)"),
        ("74", "I/O error, e.g. the disk filled up"),
        ("130", "interrupted (Ctrl-C); temporary files are removed"),
    ),
}


def exit_status_help(command: str) -> str:
    """The ``exit status`` section of a command's ``--help``.

    Examples
    --------
    >>> print(exit_status_help("validate").splitlines()[2])
      1      some rows quarantined (each listed with file, row, column and reason)
    """
    lines = ["exit status:"]
    lines += [f"  {code:<6} {meaning}" for code, meaning in STATUSES[command]]
    return "\n".join(lines)
