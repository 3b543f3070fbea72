"""The ``sra-review`` command.

``sra-review validate EVENT_DIR...``
    Load each event and print what was accepted and every quarantined row.
``sra-review sample OUT --events N --seed S [--planted-rollup]``
    Write N synthetic events with a planted ground truth (with ``--planted-rollup``, one
    province-wide truth for checking the roll-up, in ``OUT/province_truth.json``).
``sra-review report EVENT_DIR... --out OUT``
    Generate the HTML review report of each event and an index.
``sra-review rollup OUT... --out OUT``
    Pool the reports of many events into the roll-up report (``rollup.html``, ``rollup.json``).
``sra-review template OUT [--lang id|en] [--event event.yaml] [--force] [--xlsform]``
    Write a blank event folder to fill in: ``event.yaml`` and three Excel workbooks.

Every command answers in one line, never with a traceback: what was being done and what to
try. ``--debug`` adds the traceback. ``--lang id`` (or the environment variable ``SRA_LANG=id``;
the option wins) makes every command speak Bahasa Indonesia: its console lines, validate's
reasons and the reports it writes. Exit statuses are listed in :class:`ExitCode` and in each
command's ``--help``; the shared ones are BSD ``sysexits.h`` codes, so that they never collide
with a command's own (validate's 1 = rows quarantined, report's 1–63 = reports FAILED).
"""

from __future__ import annotations

import argparse
import errno
import sys
import traceback
from collections.abc import Sequence

from sra_analysis.cli import commands as handlers
from sra_analysis.cli.status import (
    MAX_FAILED_STATUS,
    REPORT_ASSETS,
    SHARED,
    ExitCode,
    exit_status_help,
)
from sra_analysis.errors import (
    ClusterError,
    EventConfigError,
    InputFileError,
    OutputError,
    ParameterError,
    PrinterError,
    SRAError,
    VocabularyError,
    check_argument,
)
from sra_analysis.labels import LANGUAGES, check_lang, t

__all__ = [
    "LANG_VARIABLE",
    "MAX_FAILED_STATUS",
    "REPORT_ASSETS",
    "ExitCode",
    "build_parser",
    "default_lang",
    "exit_status_help",
    "main",
    "run",
]

_DEBUG_HELP = "show the traceback of an unexpected error and each FAILED report's whole reason"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits 64 (EX_USAGE), not 2 (validate's "unreadable")."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number ≥ 1, got {value}")
    return value


#: The environment variable that sets the default of every command's ``--lang``.
LANG_VARIABLE = "SRA_LANG"


def _add_lang(parser: argparse.ArgumentParser, help: str) -> None:
    """A command's ``--lang``: one of the report languages; default $SRA_LANG, else English."""
    parser.add_argument(
        "--lang", type=_lang, default=None, metavar="{" + ",".join(LANGUAGES) + "}",
        help=f"{help} (default: ${LANG_VARIABLE}, else en)",
    )  # fmt: skip


def default_lang() -> str:
    """The language of a command run without ``--lang``: ``$SRA_LANG`` when set, else ``en``.

    Raises
    ------
    ParameterError
        When ``SRA_LANG`` holds something other than a report language.

    Examples
    --------
    >>> import os
    >>> os.environ["SRA_LANG"] = "id"; default_lang()
    'id'
    >>> os.environ["SRA_LANG"] = "fr"; default_lang()
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: SRA_LANG must be one of ['en', 'id'], got 'fr'
    >>> del os.environ["SRA_LANG"]; default_lang()
    'en'
    """
    import os

    value = os.environ.get(LANG_VARIABLE, "").strip()
    if not value:
        return "en"
    return check_argument(LANG_VARIABLE, LANGUAGES, value)


def _add_categories(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--categories", default=None, metavar="FILE",
        help="an office's incident categories (YAML, the shape of the bundled "
        "vocabulary/categories.yaml) added to the bundled list and to the file an "
        "event.yaml names",
    )  # fmt: skip


def _lang(text: str) -> str:
    """``--lang``, checked by the one ``lang`` check (a usage error, exit 64)."""
    try:
        return check_lang(text)
    except ParameterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# -------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The ``sra-review`` argument parser (usage errors exit 64)."""
    shared = "\n".join(f"  {int(code):<6} {meaning}" for code, meaning in SHARED)
    parser = _Parser(
        prog="sra-review",
        description="Review a security operation: check the SRA against what happened.",
        epilog=f"exit status (each command's own: sra-review COMMAND --help):\n{shared}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--debug", action="store_true", help=_DEBUG_HELP)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help,
            description=help[0].upper() + help[1:] + ".",
            epilog=exit_status_help(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        # also accepted after the command; SUPPRESS keeps a --debug given before it
        sub.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS,
            help=_DEBUG_HELP,
        )  # fmt: skip
        return sub

    validate = command("validate", "load events and report every accepted and quarantined row")
    validate.add_argument("event_dirs", nargs="+", metavar="EVENT_DIR")
    _add_categories(validate)
    _add_lang(validate, "language of the lines and reasons printed")
    validate.set_defaults(run=handlers.validate)

    sample = command("sample", "write synthetic events with a planted truth")
    sample.add_argument("out", metavar="OUT")
    sample.add_argument("--events", type=_positive_int, default=5,
                        help="number of events (default 5)")  # fmt: skip
    sample.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    sample.add_argument(
        "--planted-rollup", action="store_true",
        help="make the events from one province-wide truth for checking the roll-up "
        "(known level rate ratio, a category every SRA misses, named better and worse "
        "SRAs) and write it to OUT/province_truth.json",
    )  # fmt: skip
    _add_lang(sample, "language of the lines printed")
    sample.set_defaults(run=handlers.sample)

    report = command("report", "generate HTML review reports and an index")
    report.add_argument("event_dirs", nargs="+", metavar="EVENT_DIR")
    report.add_argument("--out", required=True, metavar="OUT", help="output folder")
    report.add_argument("--notebook", default="review_report", help="notebook name or path")
    _add_lang(report, "report language")
    _add_categories(report)
    report.add_argument(
        "--workers", type=_positive_int, default=None,
        help="reports run at once (default: one per core); with --scheduler local, the "
        "number of Dask worker processes",
    )  # fmt: skip
    report.add_argument(
        "--scheduler", default=None, metavar="ADDRESS",
        help="run the batch on a Dask cluster: a scheduler address such as "
        "tcp://HOST:8786, or 'local' to start one on this machine (needs the dask extra)",
    )  # fmt: skip
    report.add_argument(
        "--assets", choices=REPORT_ASSETS, default=None,
        help="plotly.js inside each report (inline: opens alone) or one OUT/plotly.min.js "
        "they all load (shared: small reports, kept beside it); default: inline for one "
        "event, shared for more",
    )  # fmt: skip
    report.add_argument(
        "--no-rollup", action="store_true",
        help="do not write the roll-up across events (rollup.html), written by default "
        "when two or more reports are",
    )  # fmt: skip
    report.add_argument(
        "--pdf", action="store_true",
        help="also print each report to an A4 report.pdf beside it, in headless Chromium "
        "(needs the pdf extra and a Chromium: $SRA_CHROMIUM, or chromium on PATH)",
    )  # fmt: skip
    report.set_defaults(run=handlers.report)

    rollup = command(
        "rollup", "pool the reports of many events into the roll-up report and rollup.json"
    )
    rollup.add_argument(
        "reports", nargs="+", metavar="REPORTS",
        help="a batch's output folder (OUT of sra-review report) or report folders in it",
    )  # fmt: skip
    rollup.add_argument(
        "--out", required=True, metavar="OUT",
        help="where rollup.html, rollup.ipynb and rollup.json go",
    )  # fmt: skip
    _add_lang(rollup, "report language")
    _add_categories(rollup)
    rollup.set_defaults(run=handlers.rollup)

    template = command("template", "write a blank event folder to fill in: event.yaml, Excel")
    template.add_argument("out", metavar="OUT", help="folder to write (made when missing)")
    _add_lang(
        template,
        "language of headers, comments and instructions; id writes times day-first",
    )
    template.add_argument(
        "--event", default=None, metavar="EVENT_YAML",
        help="take rings, times, zone and risk levels from this event.yaml (or event "
        "folder); default: an example event to edit",
    )  # fmt: skip
    template.add_argument(
        "--force", action="store_true",
        help="write the workbooks in OUT again (fresh lists and checks), keeping the rows they "
        "hold and OUT's event.yaml",
    )  # fmt: skip
    template.add_argument(
        "--xlsform", action="store_true",
        help="also write incident_form.xlsx, an XLSForm to log incidents on phones with "
        "KoboToolbox or ODK Collect; its export is read as incidents.csv/.xlsx (needs pyxform)",
    )  # fmt: skip
    template.set_defaults(run=handlers.template)
    return parser


# ---------------------------------------------------------------------------------- main


def _status_of(error: SRAError, command: str) -> ExitCode:
    if isinstance(error, ClusterError):
        return ExitCode.UNAVAILABLE
    if isinstance(error, PrinterError):
        return ExitCode.CANNOT_PRINT
    if isinstance(error, OutputError):
        disk = error.errno in _DISK_ERRNOS
        return ExitCode.IO_ERROR if disk else ExitCode.CANNOT_WRITE
    if isinstance(error, InputFileError | EventConfigError | VocabularyError):
        return ExitCode.UNREADABLE if command == "validate" else ExitCode.NO_INPUT
    return ExitCode.USAGE


_DISK_ERRNOS = frozenset(
    code
    for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EIO, errno.EFBIG)
    if code is not None
)


def _unexpected(error: BaseException, doing: str, lang: str = "en") -> tuple[str, ExitCode]:
    """One line for an error no command handled, and its exit status."""
    from sra_analysis.reports.outdir import os_reason

    if isinstance(error, OSError):
        disk = error.errno in _DISK_ERRNOS
        hint = t("cli.hint.disk" if disk else "cli.hint.path", lang)
        where = f" ({error.filename})" if error.filename else ""
        line = t("cli.unexpected.os", lang, doing=doing, reason=os_reason(error), where=where,
                 hint=hint)  # fmt: skip
        return line, ExitCode.IO_ERROR
    line = t("cli.unexpected.bug", lang, doing=doing, error=f"{type(error).__name__}: {error}")
    return line, ExitCode.INTERNAL


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """Run ``sra-review``; returns the exit status (see :class:`ExitCode`).

    ``process_ends``: the process ends once the command has answered (the console script,
    :func:`run`), so the command may tune it for a quick run (``report`` freezes what its
    start-up imported, :func:`gc.freeze`); a program calling ``main`` keeps it False.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (64)
        return stop.code if isinstance(stop.code, int) else ExitCode.USAGE
    args.doing = f"running sra-review {args.command}"
    args.process_ends = process_ends
    if getattr(args, "lang", None) is None:
        try:
            args.lang = default_lang()
        except ParameterError as error:  # a bad $SRA_LANG is a usage error, said plainly
            print(f"sra-review: error: {error}", file=sys.stderr)
            return ExitCode.USAGE
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        key = "cli.interrupted_report" if args.command == "report" else "cli.interrupted"
        print("\n" + t(key, args.lang), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except SRAError as error:
        if args.debug:
            traceback.print_exc()
        print(t("cli.error", args.lang, error=error), file=sys.stderr)
        return _status_of(error, args.command)
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        doing = args.doing if args.lang == "en" else t("cli.doing", args.lang, command=args.command)
        line, status = _unexpected(error, doing, args.lang)
        print(line, file=sys.stderr)
        return status


def run() -> None:  # pragma: no cover - the console script; tests call main()
    """The ``sra-review`` console script: :func:`main`, then a quick exit.

    Once the command has answered, every exit handler runs (kernels stopped, temporary
    folders removed, logs flushed) and the process ends without tearing down the hundreds of
    modules a report loads one by one, which takes the better part of a second and changes
    nothing on disk.
    """
    import atexit
    import os

    status = main(process_ends=True)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
