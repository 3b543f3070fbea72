"""``improvement_plan.xlsx``: the after-action review's improvements, for a commander to assign.

The report's areas for improvement are for reading; this workbook is for acting on. Its first
sheet holds one row per improvement of the after-action review (:attr:`Evaluation.aar
<sra_analysis.review.evaluate.Evaluation.aar>`, :mod:`sra_analysis.review.aar.improvements`):
the episode or time span it concerns, the finding, its root cause, the recommended action
**pre-filled** (the reader edits it), then the columns to assign: capability element and
priority (drop-downs, pre-filled from the review), the responsible unit (a drop-down of the
staffing file's ``unit`` values when there are any; other text is accepted), start and due
dates (date cells, day first in Bahasa Indonesia) and the status (open / in progress / done,
pre-filled "open"). A few spare rows take further actions; a signature block (prepared by /
approved by) follows. The second sheet lists the strengths to sustain.

Both sheets open with the classification marking, the plan's title, the event (name, venue,
dates) and the unit, from ``event.yaml``'s optional ``classification`` and ``unit`` keys (read
with ``getattr`` so that an event description without them still works; a line is left to
write the unit on). Layout and printing (A4 landscape, one page wide, the rows above the table
repeated on every page, page numbers in the footer) are
:mod:`sra_analysis.reports.pages.plan_sheet`.

Every text cell is written by :func:`sra_analysis.sheet_text.put_text`, the one text-cell
writer of every workbook: never a formula, with Excel's quote prefix on text that starts like
one, without characters XML cannot hold or bidirectional controls. The review is aggregate:
no officer identifier reaches the workbook.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from sra_analysis.labels import check_lang, t
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.html_tables import is_missing
from sra_analysis.reports.pages import plan_sheet
from sra_analysis.review.aar import CAPABILITY_ELEMENTS, PRIORITIES
from sra_analysis.review.aar.text import Span
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.sheet_text import FORMULA_START, put_text, safe_text

__all__ = [
    "FORMULA_START",
    "PLAN_COLUMNS",
    "SPARE_ROWS",
    "STATUSES",
    "STRENGTH_COLUMNS",
    "improvement_plan_rows",
    "improvement_plan_workbook",
    "staffing_units",
    "strength_rows",
    "write_improvement_plan",
]

#: The columns of :func:`improvement_plan_rows`, in order.
PLAN_COLUMNS = ("kind", "episode", "time_span", "finding", "root_cause", "recommended_action",
                "capability_element", "priority")  # fmt: skip
#: The columns of :func:`strength_rows`, in order.
STRENGTH_COLUMNS = ("kind", "strength", "episodes")
#: The status drop-down's choices (label keys ``plan.status.<status>``).
STATUSES = ("open", "in_progress", "done")
#: Blank rows below the improvements, with the same drop-downs, for actions a reader adds.
SPARE_ROWS = 5
#: The plan's table: (label key, width in characters, the reader assigns or edits it).
_COLUMNS = (  # about 200 characters: printed one page wide at about three quarters size
    ("plan.col.number", 4, False),
    ("plan.col.when", 15, False),
    ("col.finding", 38, False),
    ("aar.col.root_cause", 32, False),
    ("aar.col.action", 40, True),
    ("aar.col.capability", 14, True),
    ("aar.col.priority", 10, True),
    ("plan.col.unit", 16, True),
    ("plan.col.start", 11, True),
    ("plan.col.due", 11, True),
    ("col.status", 12, True),
)
_STRENGTH_TABLE = (
    ("plan.col.number", 5),
    ("plan.col.kind", 26),
    ("plan.col.strength", 90),
    ("aar.col.episode", 14),
)
#: Label columns of the signature block's two halves (prepared by, approved by).
_SIGNATURE_COLUMNS = (2, 4)


def improvement_plan_rows(review: Evaluation, *, lang: str = "en") -> pd.DataFrame:
    """One row per improvement of ``review``'s after-action review, high priority first.

    Parameters
    ----------
    review : Evaluation
        The review (:func:`sra_analysis.evaluate`).
    lang : {"en", "id"}
        Language of the text.

    Returns
    -------
    DataFrame
        ``kind``, ``capability_element`` and ``priority`` as codes
        (:data:`~sra_analysis.review.aar.IMPROVEMENT_KINDS`, ...); ``episode`` (``E1``, ...;
        missing where the improvement concerns no episode); ``time_span`` (the span the
        improvement names, one moment for an episode of a single report, the event's period
        when it names none); ``finding``, ``root_cause`` and ``recommended_action`` as text in
        ``lang``.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> rows = improvement_plan_rows(review, lang="id")
    >>> rows[["kind", "episode", "priority"]].values.tolist()[:2]
    [['unanticipated', 'E1', 'high'], ['understaffed', 'E4', 'high']]
    >>> rows.loc[1, "recommended_action"][:45]
    'Rencanakan tambahan 9 personel untuk ring 3 ('
    """
    check_lang(lang)
    start, end = plan_sheet.event_span(review)
    rows = []
    for improvement in review.aar.improvements:
        span = improvement.statement.values.get("span")
        if not isinstance(span, Span):
            when = plan_sheet.span_text(start, end, lang)
        elif pd.Timestamp(span.start) == pd.Timestamp(span.end):  # one report, no resolution
            when = plan_sheet.moment_text(span.start, lang)
        else:
            when = span.text(lang)
        rows.append(
            {
                "kind": improvement.kind,
                "episode": improvement.episode,
                "time_span": when,
                "finding": improvement.text(lang),
                "root_cause": improvement.root_cause.text(lang),
                "recommended_action": improvement.recommended_action.text(lang),
                "capability_element": improvement.capability_element,
                "priority": improvement.priority,
            }
        )
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))


def strength_rows(review: Evaluation, *, lang: str = "en") -> pd.DataFrame:
    """One row per strength of ``review``'s after-action review: ``kind`` (code),
    ``strength`` (text in ``lang``) and ``episodes`` (``E2, E4``; empty when none)."""
    check_lang(lang)
    rows = [
        {"kind": s.kind, "strength": s.text(lang), "episodes": ", ".join(s.episodes)}
        for s in review.aar.strengths
    ]
    return pd.DataFrame(rows, columns=list(STRENGTH_COLUMNS))


def staffing_units(staffing: pd.DataFrame | None) -> tuple[str, ...]:
    """The distinct ``unit`` values of a staffing table, trimmed, in alphabetical order: the
    responsible-unit drop-down's choices (none without the column).

    >>> staffing_units(pd.DataFrame({"unit": ["Sat Samapta", " Brimob", None, "Sat Samapta"]}))
    ('Brimob', 'Sat Samapta')
    """
    if staffing is None or "unit" not in staffing:
        return ()
    values = {str(v).strip() for v in staffing["unit"] if not is_missing(v)}
    return tuple(sorted((v for v in values if v), key=str.casefold))


def improvement_plan_workbook(review: Evaluation, *, lang: str = "en", units: Iterable[str] = ()):
    """The improvement plan of ``review`` as an openpyxl ``Workbook``.

    Sheets: the plan (title block, header row
    :data:`~sra_analysis.reports.pages.plan_sheet.TITLE_ROWS` + 1, one row per
    improvement, :data:`SPARE_ROWS` spare rows, the signature block); the strengths to
    sustain; and, when ``units`` (:func:`staffing_units`) are given, a hidden sheet holding
    them for the responsible-unit drop-down.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> book = improvement_plan_workbook(review, lang="id")
    >>> book.sheetnames
    ['Rencana perbaikan', 'Hal yang perlu dipertahankan']
    >>> sheet = book.active
    >>> sheet.freeze_panes, sheet["C7"].value, sheet["E7"].value
    ('A8', 'Temuan', 'Saran tindak lanjut')
    """
    from openpyxl import Workbook

    rows = improvement_plan_rows(review, lang=lang)
    units = tuple(safe_text(u) for u in units)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("plan.sheet", lang)
    strengths = workbook.create_sheet(t("plan.strengths.sheet", lang))
    note = t("plan.none" if rows.empty else "plan.instructions", lang)
    plan_sheet.title_block(
        sheet, review, title=t("plan.sheet", lang), note=note, columns=len(_COLUMNS), lang=lang
    )
    header = plan_sheet.TITLE_ROWS + 1
    _header_row(sheet, header, [(key, width) for key, width, _ in _COLUMNS], lang)
    first = header + 1
    for offset, row in enumerate(rows.itertuples(index=False)):
        _improvement_row(sheet, first + offset, offset + 1, row, lang)
    end = first + len(rows) + SPARE_ROWS - 1
    _assign_columns(sheet, workbook, first, end, units, lang)
    plan_sheet.grid(sheet, header, end, len(_COLUMNS))
    plan_sheet.signature_block(sheet, end + 2, columns=_SIGNATURE_COLUMNS, lang=lang)
    sheet.freeze_panes = sheet.cell(first, 1).coordinate
    sheet.auto_filter.ref = f"A{header}:{_letter(len(_COLUMNS))}{end}"
    plan_sheet.print_setup(sheet, review, header_row=header, lang=lang)

    _strengths_sheet(strengths, review, lang)
    meta = review.meta
    name = "" if meta is None else meta.name or meta.id
    workbook.properties.title = safe_text(" – ".join(x for x in (t("plan.sheet", lang), name) if x))
    workbook.properties.creator = "sra_analysis"
    return workbook


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _header_row(sheet, row: int, columns: list[tuple[str, float]], lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="D9D9D9")
    for column, (key, width) in enumerate(columns, start=1):
        cell = put_text(sheet, row, column, t(key, lang))
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[_letter(column)].width = width
    sheet.row_dimensions[row].height = 30  # headers wrap to two lines


def _improvement_row(sheet, number: int, position: int, row, lang: str) -> None:
    """One improvement: what the review says, then its pre-filled assignments."""
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.cell(number, 1, position).alignment = Alignment(horizontal="center", vertical="top")
    when = row.time_span if is_missing(row.episode) else f"{row.episode}\n{row.time_span}"
    texts = {
        2: when,
        3: row.finding,
        4: row.root_cause,
        5: row.recommended_action,
        6: t(f"aar.capability.{row.capability_element}", lang),
        7: t(f"aar.priority.{row.priority}", lang),
        11: t("plan.status.open", lang),
    }
    for column, text in texts.items():
        put_text(sheet, number, column, text).alignment = wrap
    widths = [_COLUMNS[c - 1][1] for c in (2, 3, 4, 5)]
    sheet.row_dimensions[number].height = plan_sheet.row_height(
        [texts[c] for c in (2, 3, 4, 5)], widths
    )


def _assign_columns(sheet, workbook, first: int, end: int, units, lang: str) -> None:
    """The reader's columns on rows ``first``–``end``: pale yellow and wrapped, the dates
    formatted in the language; drop-downs for capability, priority, status and (with
    ``units``) the responsible unit; the date columns take dates only."""
    from openpyxl.styles import Alignment, PatternFill

    fill = PatternFill("solid", fgColor="FFF8DC")
    wrap = Alignment(wrap_text=True, vertical="top")
    column_of = {key: n for n, (key, _, _) in enumerate(_COLUMNS, start=1)}
    dates = (column_of["plan.col.start"], column_of["plan.col.due"])
    for column, (_, _, assigned) in enumerate(_COLUMNS, start=1):
        for row in range(first, end + 1) if assigned else ():
            cell = sheet.cell(row, column)
            cell.fill, cell.alignment = fill, wrap
            if column in dates:
                cell.number_format = t("plan.date.format", lang)
    error = t("plan.choice.error", lang)
    rules = [
        (plan_sheet.list_validation(
            [t(f"aar.capability.{c}", lang) for c in CAPABILITY_ELEMENTS],
            title=t("aar.col.capability", lang), error=error), ("aar.col.capability",)),
        (plan_sheet.list_validation(
            [t(f"aar.priority.{p}", lang) for p in PRIORITIES],
            title=t("aar.col.priority", lang), error=error), ("aar.col.priority",)),
        (plan_sheet.list_validation(
            [t(f"plan.status.{s}", lang) for s in STATUSES],
            title=t("col.status", lang), error=error), ("col.status",)),
        (plan_sheet.date_validation(
            title=t("plan.sign.date", lang), error=t("plan.date.error", lang)),
         ("plan.col.start", "plan.col.due")),
    ]  # fmt: skip
    if units:
        rules.append((_unit_validation(workbook, units, lang), ("plan.col.unit",)))
    for validation, keys in rules:
        for key in keys:
            letter = _letter(column_of[key])
            validation.add(f"{letter}{first}:{letter}{end}")
        sheet.add_data_validation(validation)


def _unit_validation(workbook, units: tuple[str, ...], lang: str):
    """A drop-down of ``units``, held on a hidden sheet (a unit's name may hold a comma);
    other text is accepted."""
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = workbook.create_sheet(t("plan.lists.sheet", lang))
    lists.sheet_state = "hidden"
    for row, unit in enumerate(units, start=1):
        put_text(lists, row, 1, unit)
    title = lists.title.replace("'", "''")
    return DataValidation(
        type="list", formula1=f"'{title}'!$A$1:$A${len(units)}", allow_blank=True,
        showErrorMessage=False,
    )  # fmt: skip


def _strengths_sheet(sheet, review: Evaluation, lang: str) -> None:
    """The strengths to sustain, under the same title block and print settings."""
    from openpyxl.styles import Alignment

    rows = strength_rows(review, lang=lang)
    note = t("plan.strengths.none" if rows.empty else "plan.strengths.note", lang)
    title = t("plan.strengths.sheet", lang)
    columns = len(_STRENGTH_TABLE)
    plan_sheet.title_block(sheet, review, title=title, note=note, columns=columns, lang=lang)
    header = plan_sheet.TITLE_ROWS + 1
    _header_row(sheet, header, list(_STRENGTH_TABLE), lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows.itertuples(index=False)):
        number = header + 1 + offset
        sheet.cell(number, 1, offset + 1).alignment = Alignment(horizontal="center", vertical="top")
        texts = (t(f"aar.kind.{row.kind}", lang), row.strength, row.episodes)
        for column, text in enumerate(texts, start=2):
            put_text(sheet, number, column, text).alignment = wrap
        widths = [width for _, width in _STRENGTH_TABLE[1:]]
        sheet.row_dimensions[number].height = plan_sheet.row_height(texts, widths)
    plan_sheet.grid(sheet, header, header + len(rows), columns)
    sheet.freeze_panes = sheet.cell(header + 1, 1).coordinate
    plan_sheet.print_setup(sheet, review, header_row=header, lang=lang)


def write_improvement_plan(
    review: Evaluation,
    path: str | os.PathLike,
    *,
    lang: str = "en",
    units: Iterable[str] = (),
) -> Path:
    """Write the improvement plan of ``review`` to ``path`` (through a temporary file and a
    rename, see :func:`~sra_analysis.reports.files.write_atomic`); returns the path.

    ``units`` (the event's staffing units, :func:`staffing_units`) feed the responsible-unit
    drop-down. See :func:`improvement_plan_workbook` for what the workbook holds.
    """
    buffer = io.BytesIO()
    improvement_plan_workbook(review, lang=lang, units=units).save(buffer)
    return write_atomic(path, buffer.getvalue())
