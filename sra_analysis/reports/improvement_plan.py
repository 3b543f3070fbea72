"""``improvement_plan.xlsx``: the review's areas for improvement, with columns to fill in.

The report's improvement-plan table is for reading; this workbook is for acting on. It holds
one row per area for improvement of the review (:mod:`sra_analysis.review.findings`): the
finding, the rings and time spans it concerns and the number behind it, then blank columns for
the corrective action, who is responsible, the due date and a status chosen from a drop-down
list. Headers, statuses and numbers are in the report's language; the sheet opens with the
event's name, venue and dates, its header row frozen and repeated on every printed page.

Every text cell is written by :func:`sra_analysis.sheet_text.put_text`, the one text-cell
writer of every workbook: never a formula, with Excel's quote prefix on text that starts like
one, without characters XML cannot hold or bidirectional controls. Findings are aggregate: no
officer identifier reaches the workbook.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from sra_analysis.labels import LABELS, check_lang, t
from sra_analysis.labels.formats import format_datetime, format_time
from sra_analysis.labels.timezone import zone_label
from sra_analysis.reports.files import write_atomic
from sra_analysis.reports.html_tables import is_missing, number_text
from sra_analysis.review.evaluate import Evaluation
from sra_analysis.review.findings import Finding
from sra_analysis.sheet_text import FORMULA_START, put_text, safe_text

if TYPE_CHECKING:  # pragma: no cover
    from openpyxl.styles import Font

__all__ = [
    "FORMULA_START",
    "PLAN_COLUMNS",
    "STATUSES",
    "improvement_plan_rows",
    "improvement_plan_workbook",
    "write_improvement_plan",
]

#: The columns of :func:`improvement_plan_rows`, in order.
PLAN_COLUMNS = ("key", "finding", "ring", "time_span", "metric", "value", "evidence")
#: The status drop-down's choices (label keys ``plan.status.<status>``).
STATUSES = ("open", "in_progress", "done")
#: Rows below the findings that get the status drop-down and the date check too, for actions
#: a reader adds.
SPARE_ROWS = 50
#: The numbers behind findings that are ratios or rates, shown with two decimals.
_RATIOS = frozenset({"pai", "auc", "incidents_per_100_officer_hours"})
#: The findings whose places come from a table of spans (the finding names the first few).
_SPANS = {"misses": "misses", "false_alarms": "false_alarms", "understaffed": "understaffed"}
#: (label key, width in characters, filled in by the reader)
_COLUMNS = (
    ("plan.col.number", 6, False),
    ("col.finding", 60, False),
    ("ring", 26, False),
    ("plan.col.span", 36, False),
    ("plan.col.evidence", 30, False),
    ("col.action", 40, True),
    ("col.owner", 22, True),
    ("col.due", 13, True),
    ("col.status", 15, True),
)


def improvement_plan_rows(review: Evaluation, *, lang: str = "en") -> pd.DataFrame:
    """One row per area for improvement of ``review``, in the order of its findings.

    Parameters
    ----------
    review : Evaluation
        The review (:func:`sra_analysis.evaluate`).
    lang : {"en", "id"}
        Language of the text.

    Returns
    -------
    DataFrame
        ``key`` (the finding's label key), ``finding`` (its sentence), ``ring`` and
        ``time_span`` (one line per place the finding concerns, matching line by line; all
        rings and the event's span when it concerns the whole event), ``metric`` and
        ``value`` (the number behind it) and ``evidence`` (both as text in ``lang``).

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> rows = improvement_plan_rows(review)
    >>> rows["key"].tolist()
    ['misses', 'false_alarms', 'unanticipated', 'understaffed']
    >>> rows.loc[0, ["ring", "time_span"]].tolist()
    ['Ring 2 (Inside the building)', '01 Mar 2024 18:00–19:00']
    >>> rows.loc[0, "evidence"]
    'Disrupted windows rated below the flag level: 1'
    """
    check_lang(lang)
    rows = []
    for finding in review.findings:
        if finding.kind != "improvement":
            continue
        rings, spans = _places(finding, review, lang)
        rows.append(
            {
                "key": finding.key,
                "finding": finding.text(lang),
                "ring": "\n".join(rings),
                "time_span": "\n".join(spans),
                "metric": finding.metric,
                "value": finding.value,
                "evidence": _evidence(finding, lang),
            }
        )
    return pd.DataFrame(rows, columns=list(PLAN_COLUMNS))


def _evidence(finding: Finding, lang: str) -> str:
    """``<what the number is>: <the number>`` in ``lang``."""
    key = f"plan.metric.{finding.metric}"
    name = t(key, lang) if key in LABELS else finding.metric
    value = finding.value
    if is_missing(value):
        return f"{name}: –"
    digits = 2 if finding.metric in _RATIOS else 0 if float(value).is_integer() else 1
    return f"{name}: {number_text(value, digits, lang=lang)}"


def _places(finding: Finding, review: Evaluation, lang: str) -> tuple[list[str], list[str]]:
    """The rings and time spans a finding concerns, line by line."""
    where = finding.values.get("where")
    if where:
        rings = [_ring_text(place["id"], review, lang) for place in where]
        spans = [_span_text(place["start"], place["end"], lang) for place in where]
        table = _SPANS.get(finding.key)
        more = len(getattr(review, table)) - len(where) if table else 0
        if more > 0:
            spans.append(t("report.more_rows", lang, count=number_text(more, lang=lang)))
        return rings, spans
    if finding.key == "unanticipated" and len(review.unanticipated):
        incidents = review.unanticipated
        present = set(incidents["ring"].astype(str))
        order = [r for r in _ring_order(review) if r in present]
        order += sorted(present - set(order))
        start, end = incidents["reported_at"].min(), incidents["reported_at"].max()
        return [_ring_text(r, review, lang) for r in order], [_span_text(start, end, lang)]
    return [t("plan.all_rings", lang)], [_span_text(*_event_span(review), lang)]


def _ring_order(review: Evaluation) -> list[str]:
    if review.meta is not None:
        return list(review.meta.ring_ids)
    return list(dict.fromkeys(review.windows["ring"].astype(str)))


def _ring_text(ring_id: str, review: Evaluation, lang: str) -> str:
    """``Ring 3 (Outside the fence)``, as the findings write a ring."""
    ring_id = str(ring_id)
    name = None
    if review.meta is not None and ring_id in review.meta.ring_ids:
        name = review.meta.ring(ring_id).label(lang)
    return f"Ring {ring_id} ({name})" if name and name != ring_id else f"Ring {ring_id}"


def _event_span(review: Evaluation) -> tuple[pd.Timestamp, pd.Timestamp]:
    if review.meta is not None:
        return review.meta.start, review.meta.end
    return review.windows["window_start"].min(), review.windows["window_end"].max()


def _span_text(start, end, lang: str = "en") -> str:
    """``01 Mar 2024 18:00–19:00`` (``18.00–19.00`` in Bahasa Indonesia), day first; the
    end's date is written when it differs."""
    if is_missing(start) or is_missing(end):
        return "–"
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end.date() == start.date():
        return f"{format_datetime(start, lang=lang)}–{format_time(end, lang=lang)}"
    return f"{format_datetime(start, lang=lang)} – {format_datetime(end, lang=lang)}"


def improvement_plan_workbook(review: Evaluation, *, lang: str = "en"):
    """The improvement plan of ``review`` as an openpyxl ``Workbook`` (one sheet).

    Rows 1–4 name the plan and the event (its name; venue, dates and id) and say what to fill
    in; row 5 is the header, frozen and repeated on each printed page, with a filter; the
    findings follow (:func:`improvement_plan_rows`), text wrapped. The due column takes dates
    only and the status column offers :data:`STATUSES` in ``lang``, on the findings' rows and
    :data:`SPARE_ROWS` more.

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> sheet = improvement_plan_workbook(review, lang="id").active
    >>> sheet.title, sheet.freeze_panes, sheet["B5"].value, sheet["I5"].value
    ('Rencana perbaikan', 'A6', 'Temuan', 'Status')
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = improvement_plan_rows(review, lang=lang)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("plan.sheet", lang)
    title = _title_lines(review, lang, empty=rows.empty)
    for number, (text, font) in enumerate(title, start=1):
        put_text(sheet, number, 1, text).font = font
    last = len(_COLUMNS)
    for number in range(1, len(title) + 1):  # the title lines run across the table
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=last)
    sheet.row_dimensions[len(title)].height = 30  # the instructions take two lines
    sheet.cell(len(title), 1).alignment = Alignment(wrap_text=True, vertical="top")
    header = len(title) + 1

    header_fill = PatternFill("solid", fgColor="D9D9D9")
    for column, (key, width, _) in enumerate(_COLUMNS, start=1):
        cell = put_text(sheet, header, column, t(key, lang))
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width

    first = header + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    for offset, row in enumerate(rows.itertuples(index=False)):
        number = first + offset
        sheet.cell(number, 1, offset + 1).alignment = Alignment(horizontal="center", vertical="top")
        texts = (row.finding, row.ring, row.time_span, row.evidence)
        for column, text in enumerate(texts, start=2):
            put_text(sheet, number, column, text).alignment = wrap
        sheet.row_dimensions[number].height = _row_height(texts)

    last_finding = first + len(rows) - 1
    end = last_finding + SPARE_ROWS
    _fill_in_columns(sheet, first, last_finding, end, lang)
    _grid(sheet, header, last_finding)
    sheet.freeze_panes = sheet.cell(first, 1).coordinate
    sheet.auto_filter.ref = f"A{header}:{get_column_letter(last)}{end}"
    sheet.print_title_rows = f"{header}:{header}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.title = safe_text(" – ".join(text for text, _ in title[:2] if text))
    workbook.properties.creator = "sra_analysis"
    return workbook


def _title_lines(review: Evaluation, lang: str, *, empty: bool) -> list[tuple[str, Font]]:
    """The rows above the header: the plan's title, the event's name, its venue, dates and id,
    and what to fill in; each with its font."""
    from openpyxl.styles import Font

    meta = review.meta
    start, end = _event_span(review)
    period = _span_text(start, end, lang)
    zone = None if meta is None else zone_label(meta.timezone, lang)
    details = [period] if meta is None else [meta.venue, f"{period} ({zone})", meta.id]
    return [
        (t("plan.sheet", lang), Font(bold=True, size=14)),
        ("" if meta is None else meta.name or meta.id, Font(bold=True, size=12)),
        (" · ".join(str(d) for d in details if not is_missing(d) and str(d)), Font(size=11)),
        (t("plan.none" if empty else "plan.instructions", lang), Font(italic=True, size=10)),
    ]


def _fill_in_columns(sheet, first: int, last: int, end: int, lang: str) -> None:
    """The reader's columns: on the findings' rows (``first``–``last``) pale yellow and
    wrapped, dates formatted in the due column; down to ``end``, the due column takes dates
    only and the status column offers the list."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    fill = PatternFill("solid", fgColor="FFF8DC")
    wrap = Alignment(wrap_text=True, vertical="top")
    columns = {key: number for number, (key, _, _) in enumerate(_COLUMNS, start=1)}
    for number, (key, _, fill_in) in enumerate(_COLUMNS, start=1):
        if not fill_in:
            continue
        for row in range(first, last + 1):
            cell = sheet.cell(row, number)
            cell.fill = fill
            cell.alignment = wrap
            if key == "col.due":
                cell.number_format = t("plan.due.format", lang)
    choices = ",".join(t(f"plan.status.{status}", lang) for status in STATUSES)
    status = DataValidation(
        type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True,
        errorTitle=t("col.status", lang), error=t("plan.status.error", lang),
    )  # fmt: skip
    due = DataValidation(
        type="date", operator="greaterThanOrEqual", formula1="DATE(2000,1,1)", allow_blank=True,
        showErrorMessage=True, errorTitle=t("col.due", lang), error=t("plan.due.error", lang),
    )  # fmt: skip
    for validation, key in ((status, "col.status"), (due, "col.due")):
        letter = get_column_letter(columns[key])
        validation.add(f"{letter}{first}:{letter}{end}")
        sheet.add_data_validation(validation)


def _grid(sheet, first: int, last: int) -> None:
    """Thin grey lines around every cell of rows ``first``–``last``, so the printed table
    reads as one."""
    from openpyxl.styles import Border, Side

    line = Side(style="thin", color="A6A6A6")
    border = Border(left=line, right=line, top=line, bottom=line)
    for row in range(first, last + 1):
        for column in range(1, len(_COLUMNS) + 1):
            sheet.cell(row, column).border = border


def _row_height(texts: Sequence[str]) -> float:
    """Points a row needs to show its wrapped text (about 15 per line at 11 pt); Excel does
    not fit a row to wrapped text by itself."""
    widths = [width for _, width, _ in _COLUMNS[1:5]]
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        per_line = max(int(width * 1.1), 1)
        needed = sum(max(math.ceil(len(part) / per_line), 1) for part in str(text).split("\n"))
        lines = max(lines, needed)
    return min(15.0 * lines + 3, 409.0)  # Excel's tallest row


def write_improvement_plan(
    review: Evaluation, path: str | os.PathLike, *, lang: str = "en"
) -> Path:
    """Write the improvement plan of ``review`` to ``path`` (through a temporary file and a
    rename, see :func:`~sra_analysis.reports.files.write_atomic`); returns the path.

    See :func:`improvement_plan_workbook` for what the sheet holds.
    """
    buffer = io.BytesIO()
    improvement_plan_workbook(review, lang=lang).save(buffer)
    return write_atomic(path, buffer.getvalue())
