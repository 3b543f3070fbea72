"""What each ``sra-review`` command does once its arguments are parsed.

Each handler takes the parsed arguments and returns the exit status; what it needs beyond
the standard library is imported inside it, so that ``sra-review --help`` stays quick. Every
line goes through :mod:`sra_analysis.labels` in ``args.lang``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys

from sra_analysis.cli.status import MAX_FAILED_STATUS, ExitCode
from sra_analysis.errors import SRAError
from sra_analysis.labels import t

__all__ = ["report", "rollup", "sample", "template", "validate"]


def _use_categories(args: argparse.Namespace, *, export: bool = True) -> str | None:
    """Check ``--categories FILE`` (a bad file stops here, named) and return its path; with
    ``export``, also name it in the environment, so that the notebook kernels of ``report``
    and ``rollup`` load the same vocabulary (:data:`sra_analysis.vocabulary.CATEGORIES_ENV`)."""
    if getattr(args, "categories", None) is None:  # nothing to import (pandas): a quick start
        return None
    from pathlib import Path

    from sra_analysis.vocabulary import CATEGORIES_ENV, load_vocabulary

    args.doing = f"reading the categories in {args.categories}"
    file = str(Path(args.categories).resolve())
    load_vocabulary(file)
    if export:
        known = [f for f in os.environ.get(CATEGORIES_ENV, "").split(os.pathsep) if f]
        os.environ[CATEGORIES_ENV] = os.pathsep.join(dict.fromkeys([*known, file]))
    return file


def validate(args: argparse.Namespace) -> int:
    from sra_analysis.io import find_event_dirs, load_event
    from sra_analysis.labels.timezone import zone_label

    lang = args.lang
    args.doing = "looking for event folders"
    try:
        categories = _use_categories(args, export=False)
        folders = find_event_dirs(args.event_dirs)
    except SRAError as error:
        print(t("cli.error", lang, error=error), file=sys.stderr)
        return ExitCode.UNREADABLE
    status = ExitCode.OK
    for folder in folders:
        args.doing = f"validating {folder}"
        try:
            event = load_event(folder, categories=categories)
        except SRAError as error:
            print(f"{folder}: {t('cli.cannot_read', lang)}\n  {_error_text(error, lang)}\n")
            status = ExitCode.UNREADABLE
            continue
        zone = t("cli.timezone", lang, zone=zone_label(event.meta.timezone, lang))
        print(f"{folder}: {event.meta.id} — {event.meta.name} ({zone})")
        for quality in event.quality.values():
            _print_quality(quality, lang)
        _print_unknown_categories(event, lang)
        if event.rows_quarantined and status == ExitCode.OK:
            status = ExitCode.QUARANTINED
        print()
    return status


def _error_text(error: SRAError, lang: str) -> str:
    """An error as a clerk reads it: a missing column named by the header the template
    writes in ``lang`` (with the contract name); other errors as they are."""
    from pathlib import Path

    from sra_analysis.errors import MissingColumnsError
    from sra_analysis.event import FILE_KINDS

    kind = Path(str(getattr(error, "file", ""))).stem
    if lang == "en" or not isinstance(error, MissingColumnsError) or kind not in FILE_KINDS:
        return str(error)
    from sra_analysis.template.columns import template_columns

    header = {c.spec.name: c.header for c in template_columns(kind, lang=lang)}
    missing = ", ".join(f"'{header.get(name, name)}' ({name})" for name in error.missing)
    found = ", ".join(f"'{name}'" for name in error.found) or "-"
    text = t("cli.missing_columns", lang, file=error.file, missing=missing, found=found)
    return text + (t("cli.add_header_row", lang) if error.hint else "")


def _print_quality(quality, lang: str = "en") -> None:
    from sra_analysis.io.reasons import issue_reasons

    delimiter = {",": "comma", ";": "semicolon", "\t": "tab"}.get(quality.delimiter or "")
    read_as = ", ".join(
        part
        for part in (
            quality.encoding,
            t(f"cli.delimiter.{delimiter}", lang) if delimiter else None,
            t("cli.sheet", lang, sheet=repr(quality.sheet)) if quality.sheet else None,
        )
        if part
    )
    counts = t(
        "cli.file_counts", lang, file=quality.file, read=quality.rows_read,
        accepted=quality.accepted, quarantined=quality.quarantined, blank=quality.blank,
        duplicates=quality.duplicates,
    )  # fmt: skip
    print(f"  {counts}" + (f" ({read_as})" if read_as else ""))
    if quality.ignored_columns:
        columns = ", ".join(quality.ignored_columns)
        print(f"    {t('cli.ignored_columns', lang, columns=columns)}")
    if quality.form_columns:
        columns = ", ".join(quality.form_columns)
        print("    " + t("form.metadata", lang, count=len(quality.form_columns), columns=columns))
    if quality.form_id_column:
        print("    " + t("form.id_column", lang, column=quality.form_id_column))
    issues = quality.issues
    reasons = issue_reasons(issues, lang)
    for issue, reason in zip(issues.itertuples(index=False), reasons, strict=True):
        line = t(
            "cli.issue", lang, file=quality.file, row=issue.row, column=issue.column,
            value=issue.value, reason=reason, action=t(f"action.{issue.action}", lang),
        )  # fmt: skip
        print(f"    {line}")


def _print_unknown_categories(event, lang: str = "en") -> None:
    """Every incident category outside the vocabulary, as written, with its count."""
    unknown = event.quality["incidents"].unknown_categories
    if not unknown:
        return
    total = sum(n for _, n in unknown)
    print("  " + t("cli.unknown_categories", lang, categories=len(unknown), incidents=total))
    for text, count in unknown:
        print(f"    {text!r}: {count}")


def sample(args: argparse.Namespace) -> int:
    from sra_analysis.reports.outdir import check_output_dir
    from sra_analysis.sample import PROVINCE_TRUTH_FILE, generate_province

    args.doing = f"checking that {args.out} can be written"
    check_output_dir(args.out, option="OUT")
    args.doing = f"writing synthetic events to {args.out}"
    folders = generate_province(
        args.out, n_events=args.events, seed=args.seed, planted_rollup=args.planted_rollup
    )
    print(t("cli.sample_written", args.lang, count=len(folders), out=args.out))
    if args.planted_rollup:
        path = os.path.join(args.out, PROVINCE_TRUTH_FILE)
        print(t("cli.sample_truth", args.lang, path=path))
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


def _start_kernels_early(args: argparse.Namespace) -> bool:
    """Start the batch's Jupyter kernels first, so that they import pandas, SciPy and plotly
    while this process imports papermill and reads the events (run_reports uses them);
    whether they were started (not for a Dask cluster, nor for event folders that are wrong:
    run_reports says what is wrong, at once)."""
    if args.scheduler is not None:
        return False
    from sra_analysis.event_yaml import find_event_dirs
    from sra_analysis.reports.batch.kernels import prestart_for

    try:
        events = len(find_event_dirs(args.event_dirs))
    except SRAError:  # run_reports says what is wrong, in its words
        return False
    prestart_for(events, args.workers)
    return True


@contextlib.contextmanager
def _collector_paused(*, freeze: bool):
    """The command's start-up with the garbage collector paused, then resumed.

    Start-up imports make objects that live as long as the process, not garbage, and the
    collections that walk them cost a tenth of the start. With ``freeze`` (a process that
    ends with the command: the console script), what the start-up made is frozen
    (:func:`gc.freeze`), so that the collections the reports trigger later skip it too, a
    tenth of a second each; a program that calls :func:`~sra_analysis.cli.main` keeps its
    heap as it was.
    """
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        gc.enable()


def _prepare_here() -> None:
    """Import papermill and nbconvert and draw a first chart now, while the kernels warm
    up (run_reports would, a moment later): what they load is then part of the start-up."""
    from sra_analysis.reports.batch.index_page import prepare_index
    from sra_analysis.reports.batch.runner import prepare_runner

    prepare_runner()
    prepare_index()


def report(args: argparse.Namespace) -> int:
    import time

    started = time.perf_counter()  # the batch's time includes the start-up done here
    _skip_unused_imports()
    with _collector_paused(freeze=getattr(args, "process_ends", False)):
        _use_categories(args)  # before the kernels start, which inherit it
        if args.pdf:  # before the kernels start: a machine that cannot print is told at once
            from sra_analysis.reports.batch.pdf import check_printer

            args.doing = "looking for Playwright and Chromium (--pdf)"
            check_printer()
        if _start_kernels_early(args):
            _prepare_here()
    from sra_analysis.reports.batch import run_reports
    from sra_analysis.reports.batch.where import where_to_run
    from sra_analysis.reports.parameters import ReportParameters

    args.doing = f"running the reports into {args.out}"
    parameters = ReportParameters(lang=args.lang)
    where = where_to_run(workers=args.workers, scheduler=args.scheduler)
    batch = run_reports(
        args.event_dirs, args.out, notebook=args.notebook, where=where, parameters=parameters,
        assets=args.assets, pdf=args.pdf, rollup=not args.no_rollup,
    )  # fmt: skip
    lang = args.lang
    ok, failed_mark = t("cli.report.ok", lang), t("cli.report.failed", lang)
    width = max(len(ok), len(failed_mark))
    for result in batch.results:
        mark = (ok if result.ok else failed_mark).ljust(width)
        print(
            f"{mark} {result.event_id:<32} {_seconds(result.seconds, lang):>6} s  {result.folder}"
        )
        if not result.ok:  # the first line says where and why; --debug shows the rest
            lines = result.error.splitlines() if args.debug else result.error.splitlines()[:1]
            if args.debug and result.detail:
                lines += result.detail.splitlines()
            print("\n".join(f"       {line}" for line in lines))
        if result.pdf_error:  # the report is written; its PDF is not
            print(f"       {result.pdf_error}")
    written = len(batch.results) - len(batch.failures)
    print(
        t("cli.report.done", lang, written=written, total=len(batch.results),
          seconds=_seconds(time.perf_counter() - started, lang), index=batch.index)
    )  # fmt: skip
    failed = len(batch.failures)
    if batch.rollup is not None and batch.rollup.ok:
        seconds = _seconds(batch.rollup.seconds, lang)
        print(t("cli.report.rollup", lang, seconds=seconds, html=batch.rollup.html))
    elif batch.rollup is not None:
        print(t("cli.report.rollup_failed", lang, error=batch.rollup.error), file=sys.stderr)
        failed += 1
    if batch.failures:
        print(t("cli.report.failures", lang, count=len(batch.failures)), file=sys.stderr)
    if batch.pdf_failures:
        count = len(batch.pdf_failures)
        print(t("cli.report.without_pdf", lang, count=count), file=sys.stderr)
    return min(failed + len(batch.pdf_failures), MAX_FAILED_STATUS)


def _seconds(value: float, lang: str) -> str:
    """Seconds with one decimal, as the language writes them (``1.5``, ``1,5``)."""
    from sra_analysis.labels.formats import format_number

    return format_number(value, lang=lang, digits=1)


def rollup(args: argparse.Namespace) -> int:
    from sra_analysis.reports.batch.rollup_report import run_rollup_report
    from sra_analysis.reports.outdir import check_output_dir
    from sra_analysis.reports.rollup_inputs import check_reports
    from sra_analysis.reports.rollup_result import Rollup

    _use_categories(args)
    args.doing = f"pooling the reports into {args.out}"
    check_reports(args.reports)  # a path or a report that cannot be pooled: its exit status
    out = check_output_dir(args.out)
    done = run_rollup_report(args.reports, out, lang=args.lang)
    lang = args.lang
    if not done.ok:
        print(t("cli.rollup.failed", lang, error=done.error, html=done.html), file=sys.stderr)
        return 1
    rollup = Rollup.from_file(out / "rollup.json")
    for lesson in rollup.lessons:
        print(f"- {lesson.text}")
    for aside in rollup.set_aside:  # each reason is already in the report's language
        print(t("cli.rollup.set_aside", lang, event=aside.event, reason=aside.reason))
    print(
        t("cli.rollup.done", lang, pooled=len(rollup.events), skipped=len(rollup.set_aside),
          seconds=_seconds(done.seconds, lang), html=done.html)
    )  # fmt: skip
    return ExitCode.OK


def template(args: argparse.Namespace) -> int:
    from sra_analysis.labels import t
    from sra_analysis.template import TEMPLATE_FILES, filled_rows, write_template
    from sra_analysis.template.xlsform import FORM_FILE

    args.doing = f"writing the template to {args.out}"
    files = write_template(
        args.out, lang=args.lang, event=args.event, force=args.force, xlsform=args.xlsform
    )
    folder = files[0].parent
    for name in TEMPLATE_FILES:
        path = folder / name
        if path not in files:
            print(t("template.kept_event", args.lang, file=path))
        elif rows := filled_rows(path):
            print(t("template.wrote_kept", args.lang, file=path, rows=rows))
        else:
            print(t("template.wrote", args.lang, file=path))
    if args.xlsform:
        print(t("template.wrote_form", args.lang, file=folder / FORM_FILE))
    print(t("template.next", args.lang, out=args.out))
    return ExitCode.OK
