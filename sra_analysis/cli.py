"""The ``sra-review`` command.

``sra-review validate EVENT_DIR...``
    Load each event and print what was accepted and every quarantined row. Exit status 0
    when every row was accepted, 1 when any row was quarantined, 2 when a file or an event
    cannot be read at all.
``sra-review sample OUT --events N --seed S``
    Write N synthetic events with a planted ground truth.
``sra-review report EVENT_DIR... --out OUT``
    Generate the HTML review report of each event and an index.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sra_analysis.errors import SRAError

__all__ = ["main"]

EXIT_OK, EXIT_QUARANTINED, EXIT_UNREADABLE = 0, 1, 2


def _validate(args: argparse.Namespace) -> int:
    from sra_analysis.io import find_event_dirs, load_event

    try:
        folders = find_event_dirs(args.event_dirs)
    except SRAError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    for folder in folders:
        try:
            event = load_event(folder)
        except SRAError as error:
            print(f"{folder}: CANNOT READ\n  {error}\n")
            status = EXIT_UNREADABLE
            continue
        print(f"{folder}: {event.meta.id} — {event.meta.name}")
        for quality in event.quality.values():
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
        if event.rows_quarantined and status == EXIT_OK:
            status = EXIT_QUARANTINED
        print()
    return status


def _sample(args: argparse.Namespace) -> int:
    from sra_analysis.sample import sample_command

    return sample_command(args.out, events=args.events, seed=args.seed)


def _report(args: argparse.Namespace) -> int:
    from sra_analysis.report import report_command

    return report_command(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sra-review",
        description="Review a security operation: check the SRA against what happened.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate", help="load events and report every accepted and quarantined row"
    )
    validate.add_argument("event_dirs", nargs="+", metavar="EVENT_DIR")
    validate.set_defaults(run=_validate)

    sample = commands.add_parser("sample", help="write synthetic events with a planted truth")
    sample.add_argument("out", metavar="OUT")
    sample.add_argument("--events", type=int, default=5, help="number of events (default 5)")
    sample.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    sample.set_defaults(run=_sample)

    report = commands.add_parser("report", help="generate HTML review reports and an index")
    report.add_argument("event_dirs", nargs="+", metavar="EVENT_DIR")
    report.add_argument("--out", required=True, metavar="OUT", help="output folder")
    report.add_argument("--notebook", default="review_report", help="notebook name or path")
    report.add_argument("--lang", choices=["en", "id"], default="en", help="report language")
    report.add_argument(
        "--workers", type=int, default=None, help="parallel processes (default: one per core)"
    )
    report.set_defaults(run=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sra-review``; returns the exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
