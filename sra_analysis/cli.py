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
``sra-review template OUT [--lang id|en] [--event event.yaml]``
    Write a blank event folder to fill in: ``event.yaml`` and three Excel workbooks.

Every command answers in one line, never with a traceback: what was being done and what to
try. ``--debug`` adds the traceback. Exit statuses are listed in :class:`ExitCode` and in each
command's ``--help``; the shared ones are BSD ``sysexits.h`` codes, so that they never collide
with a command's own (validate's 1 = rows quarantined, report's 1–63 = reports FAILED).
"""

from __future__ import annotations

import argparse
import enum
import errno
import os
import sys
import traceback
from collections.abc import Sequence

from sra_analysis.errors import (
    ClusterError,
    EventConfigError,
    InputFileError,
    OutputError,
    ParameterError,
    PrinterError,
    SRAError,
)
from sra_analysis.labels import LANGUAGES, check_lang

__all__ = ["ExitCode", "MAX_FAILED_STATUS", "build_parser", "main", "run"]


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


_DEBUG_HELP = "show the traceback of an unexpected error and each FAILED report's whole reason"

#: ``report`` exits with the number of FAILED reports, capped here (below 64, the usage error).
MAX_FAILED_STATUS = 63
#: ``report --assets``: sra_analysis.reports.report_html.ASSETS, written out so that --help
#: imports no report library.
REPORT_ASSETS = ("inline", "shared")

_SHARED = (
    (ExitCode.USAGE, "usage error: bad arguments"),
    (ExitCode.INTERNAL, "internal error, a bug: rerun with --debug for the traceback"),
    (ExitCode.CANNOT_WRITE, "the output folder cannot be created or written"),
    (ExitCode.IO_ERROR, "I/O error, e.g. the disk filled up"),
    (ExitCode.INTERRUPTED, "interrupted (Ctrl-C); temporary files are removed"),
)
_STATUSES = {
    "validate": (
        ("0", "every row of every event accepted"),
        ("1", "some rows quarantined (each listed with file, row, column and reason)"),
        ("2", "a file or an event cannot be read at all"),
        *((str(int(c)), m) for c, m in _SHARED if c != ExitCode.CANNOT_WRITE),
    ),
    "sample": (("0", "the events were written"), *((str(int(c)), m) for c, m in _SHARED)),
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
    lines += [f"  {code:<6} {meaning}" for code, meaning in _STATUSES[command]]
    return "\n".join(lines)


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


def _lang(text: str) -> str:
    """``--lang``, checked by the one ``lang`` check (a usage error, exit 64)."""
    try:
        return check_lang(text)
    except ParameterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# ------------------------------------------------------------------------------ commands


def _validate(args: argparse.Namespace) -> int:
    from sra_analysis.io import find_event_dirs, load_event

    args.doing = "looking for event folders"
    try:
        folders = find_event_dirs(args.event_dirs)
    except SRAError as error:
        print(f"error: {error}", file=sys.stderr)
        return ExitCode.UNREADABLE
    status = ExitCode.OK
    for folder in folders:
        args.doing = f"validating {folder}"
        try:
            event = load_event(folder)
        except SRAError as error:
            print(f"{folder}: CANNOT READ\n  {error}\n")
            status = ExitCode.UNREADABLE
            continue
        print(f"{folder}: {event.meta.id} — {event.meta.name}")
        for quality in event.quality.values():
            _print_quality(quality)
        if event.rows_quarantined and status == ExitCode.OK:
            status = ExitCode.QUARANTINED
        print()
    return status


def _print_quality(quality) -> None:
    read_as = ", ".join(
        part
        for part in (
            quality.encoding,
            {",": "comma", ";": "semicolon", "\t": "tab"}.get(quality.delimiter or ""),
            f"sheet {quality.sheet!r}" if quality.sheet else None,
        )
        if part
    )
    print(
        f"  {quality.file}: {quality.rows_read} rows read, {quality.accepted} accepted, "
        f"{quality.quarantined} quarantined, {quality.blank} blank, "
        f"{quality.duplicates} duplicate" + (f" ({read_as})" if read_as else "")
    )
    if quality.ignored_columns:
        print(f"    ignored columns: {', '.join(quality.ignored_columns)}")
    for issue in quality.issues.itertuples(index=False):
        print(
            f"    {quality.file} row {issue.row}, column {issue.column!r}"
            f" = {issue.value!r}: {issue.reason} [{issue.action}]"
        )


def _sample(args: argparse.Namespace) -> int:
    from sra_analysis.reports.outdir import check_output_dir
    from sra_analysis.sample import PROVINCE_TRUTH_FILE, generate_province

    args.doing = f"checking that {args.out} can be written"
    check_output_dir(args.out, option="OUT")
    args.doing = f"writing synthetic events to {args.out}"
    folders = generate_province(
        args.out, n_events=args.events, seed=args.seed, planted_rollup=args.planted_rollup
    )
    print(f"wrote {len(folders)} synthetic event(s) to {args.out}")
    if args.planted_rollup:
        print(f"the planted truth is in {os.path.join(args.out, PROVINCE_TRUTH_FILE)}")
    return ExitCode.OK


def _skip_unused_imports() -> None:
    """Keep this command from importing what it never uses, for a faster start.

    nbformat validates notebooks with jsonschema, which builds a parser for IRI checks when
    it is imported if ``rfc3987-syntax`` is installed (JupyterLab brings it): a second and a
    half, and notebook validation checks no IRI. A ``None`` in ``sys.modules`` makes that
    import fail, which jsonschema expects (the format is then not checked). Only the
    command's own process is affected, never a program that imports the package.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def _start_kernels_early(args: argparse.Namespace) -> None:
    """Start the batch's Jupyter kernels first, so that they import pandas, SciPy and plotly
    while this process imports papermill and reads the events (run_reports uses them)."""
    if args.scheduler is not None:
        return
    from sra_analysis.event_yaml import find_event_dirs
    from sra_analysis.reports.kernels import prestart_for

    try:
        events = len(find_event_dirs(args.event_dirs))
    except SRAError:  # run_reports says what is wrong, in its words
        return
    prestart_for(events, args.workers)


def _report(args: argparse.Namespace) -> int:
    _skip_unused_imports()
    if args.pdf:  # before the kernels start: a machine that cannot print is told at once
        from sra_analysis.reports.pdf import check_printer

        args.doing = "looking for Playwright and Chromium (--pdf)"
        check_printer()
    _start_kernels_early(args)
    from sra_analysis.reports.batch import run_reports
    from sra_analysis.reports.parameters import ReportParameters

    args.doing = f"running the reports into {args.out}"
    parameters = ReportParameters(lang=args.lang)
    batch = run_reports(
        args.event_dirs, args.out, notebook=args.notebook, workers=args.workers,
        scheduler=args.scheduler, parameters=parameters, assets=args.assets, pdf=args.pdf,
        rollup=not args.no_rollup,
    )  # fmt: skip
    for result in batch.results:
        mark = "ok    " if result.ok else "FAILED"
        print(f"{mark} {result.event_id:<32} {result.seconds:6.1f} s  {result.folder}")
        if not result.ok:  # the first line says where and why; --debug shows the rest
            lines = result.error.splitlines() if args.debug else result.error.splitlines()[:1]
            if args.debug and result.detail:
                lines += result.detail.splitlines()
            print("\n".join(f"       {line}" for line in lines))
        if result.pdf_error:  # the report is written; its PDF is not
            print(f"       {result.pdf_error}")
    print(
        f"{len(batch.results) - len(batch.failures)} of {len(batch.results)} reports written "
        f"in {batch.seconds:.1f} s; index: {batch.index}"
    )
    failed = len(batch.failures)
    if batch.rollup is not None and batch.rollup.ok:
        print(f"roll-up of the reports in {batch.rollup.seconds:.1f} s: {batch.rollup.html}")
    elif batch.rollup is not None:
        print(f"FAILED roll-up: {batch.rollup.error}", file=sys.stderr)
        failed += 1
    if batch.failures:
        print(f"{len(batch.failures)} report(s) FAILED", file=sys.stderr)
    if batch.pdf_failures:
        print(f"{len(batch.pdf_failures)} report(s) written without report.pdf", file=sys.stderr)
    return min(failed + len(batch.pdf_failures), MAX_FAILED_STATUS)


def _rollup(args: argparse.Namespace) -> int:
    import json

    from sra_analysis.reports.outdir import check_output_dir
    from sra_analysis.reports.rollup_inputs import read_reports
    from sra_analysis.reports.rollup_report import run_rollup_report

    args.doing = f"pooling the reports into {args.out}"
    read_reports(args.reports)  # a path or a report that cannot be pooled: its exit status
    out = check_output_dir(args.out)
    done = run_rollup_report(args.reports, out, lang=args.lang)
    if not done.ok:
        print(f"FAILED roll-up: {done.error}; see {done.html}", file=sys.stderr)
        return 1
    results = json.loads((out / "rollup.json").read_text(encoding="utf-8"))
    for lesson in results["lessons"]:
        print(f"- {lesson['text']}")
    for skipped in results["skipped"]:
        print(f"skipped {skipped['folder']}: {skipped['reason']}")
    print(
        f"{len(results['events'])} event(s) pooled, {len(results['skipped'])} skipped in "
        f"{done.seconds:.1f} s; roll-up: {done.html}"
    )
    return ExitCode.OK


def _template(args: argparse.Namespace) -> int:
    from sra_analysis.template import write_template

    args.doing = f"writing the template to {args.out}"
    files = write_template(args.out, lang=args.lang, event=args.event, force=args.force)
    for file in files:
        print(f"wrote {file}")
    print(f"fill in the sheets, then check them: sra-review validate {args.out}")
    return ExitCode.OK


# -------------------------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    """The ``sra-review`` argument parser (usage errors exit 64)."""
    shared = "\n".join(f"  {int(code):<6} {meaning}" for code, meaning in _SHARED)
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
    validate.set_defaults(run=_validate)

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
    sample.set_defaults(run=_sample)

    report = command("report", "generate HTML review reports and an index")
    report.add_argument("event_dirs", nargs="+", metavar="EVENT_DIR")
    report.add_argument("--out", required=True, metavar="OUT", help="output folder")
    report.add_argument("--notebook", default="review_report", help="notebook name or path")
    report.add_argument(
        "--lang", type=_lang, default="en", metavar="{" + ",".join(LANGUAGES) + "}",
        help="report language (default en)",
    )  # fmt: skip
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
    report.set_defaults(run=_report)

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
    rollup.add_argument(
        "--lang", type=_lang, default="en", metavar="{" + ",".join(LANGUAGES) + "}",
        help="report language (default en)",
    )  # fmt: skip
    rollup.set_defaults(run=_rollup)

    template = command("template", "write a blank event folder to fill in: event.yaml, Excel")
    template.add_argument("out", metavar="OUT", help="folder to write (made when missing)")
    template.add_argument(
        "--lang", type=_lang, default="en", metavar="{" + ",".join(LANGUAGES) + "}",
        help="language of headers, comments and instructions; id writes times day-first "
        "(default en)",
    )  # fmt: skip
    template.add_argument(
        "--event", default=None, metavar="EVENT_YAML",
        help="take rings, times, zone and risk levels from this event.yaml (or event "
        "folder); default: an example event to edit",
    )  # fmt: skip
    template.add_argument("--force", action="store_true", help="overwrite template files in OUT")
    template.set_defaults(run=_template)
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
    if isinstance(error, InputFileError | EventConfigError):
        return ExitCode.UNREADABLE if command == "validate" else ExitCode.NO_INPUT
    return ExitCode.USAGE


_DISK_ERRNOS = frozenset(
    code
    for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None), errno.EIO, errno.EFBIG)
    if code is not None
)


def _unexpected(error: BaseException, doing: str) -> tuple[str, ExitCode]:
    """One line for an error no command handled, and its exit status."""
    from sra_analysis.reports.outdir import os_reason

    if isinstance(error, OSError):
        if error.errno in _DISK_ERRNOS:
            hint = "free space there or choose another output folder"
        else:
            hint = "check the path and its permissions"
        where = f" ({error.filename})" if error.filename else ""
        line = f"error while {doing}: {os_reason(error)}{where} — {hint}"
        return line, ExitCode.IO_ERROR
    line = (
        f"error while {doing}: {type(error).__name__}: {error} — this is a bug in sra-review; "
        "rerun with --debug for details and report it"
    )
    return line, ExitCode.INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sra-review``; returns the exit status (see :class:`ExitCode`)."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (64)
        return stop.code if isinstance(stop.code, int) else ExitCode.USAGE
    args.doing = f"running sra-review {args.command}"
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        done = "; reports already written stay, temporary files were removed"
        print("\ninterrupted" + (done if args.command == "report" else ""), file=sys.stderr)
        return ExitCode.INTERRUPTED
    except SRAError as error:
        if args.debug:
            traceback.print_exc()
        print(f"error: {error}", file=sys.stderr)
        return _status_of(error, args.command)
    except Exception as error:
        if args.debug:
            traceback.print_exc()
        line, status = _unexpected(error, args.doing)
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

    status = main()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":  # pragma: no cover
    run()
