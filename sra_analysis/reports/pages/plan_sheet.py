"""The page furniture of ``improvement_plan.xlsx``: title block, drop-downs, sign-off, print.

:mod:`sra_analysis.reports.pages.improvement_plan` decides what the rows say; this module lays a
sheet out as a commander prints and signs it: the classification marking, the plan's title,
the event and the unit above the table; a signature block (prepared by / approved by) under
it; A4 landscape, one page wide, the rows above the table repeated on every page, the
classification in the page header and the page numbers in the footer. Every text cell goes
through :func:`sra_analysis.sheet_text.put_text`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from sra_analysis.labels import t
from sra_analysis.labels.formats import format_date, format_datetime, format_time
from sra_analysis.labels.timezone import zone_label
from sra_analysis.reports.html_tables import is_missing
from sra_analysis.sheet_text import put_text, safe_text

__all__ = [
    "BLANK_LINE",
    "TITLE_ROWS",
    "date_validation",
    "event_span",
    "grid",
    "list_validation",
    "moment_text",
    "optional_meta",
    "print_setup",
    "row_height",
    "signature_block",
    "span_text",
    "title_block",
]

#: Rows above a sheet's table: classification, title, event, venue and dates, unit, note.
TITLE_ROWS = 6
#: What a reader writes on.
BLANK_LINE = "_" * 30
#: Longest event name a page footer carries (a header or footer holds 255 characters).
_FOOTER_NAME = 60


def optional_meta(meta, name: str) -> str | None:
    """An optional ``event.yaml`` key of ``meta`` (``classification``, ``unit``) as written,
    or None when the event has none (or an older :class:`~sra_analysis.event.EventMeta`
    has no such field)."""
    value = getattr(meta, name, None)
    if is_missing(value) or not str(value).strip():
        return None
    return str(value)


def event_span(review) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The event's period (the windows' period without an event description)."""
    if review.meta is not None:
        return review.meta.start, review.meta.end
    return review.windows["window_start"].min(), review.windows["window_end"].max()


def span_text(start, end, lang: str = "en") -> str:
    """``01 Mar 2024 18:00–19:00`` (``18.00–19.00`` in Bahasa Indonesia), day first; the
    end's date is written when it differs.

    >>> span_text(pd.Timestamp("2024-03-01 18:00"), pd.Timestamp("2024-03-02 07:00"), "id")
    '01 Mar 2024 18.00 – 02 Mar 2024 07.00'
    """
    if is_missing(start) or is_missing(end):
        return "–"
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if end.date() == start.date():
        return f"{format_datetime(start, lang=lang)}–{format_time(end, lang=lang)}"
    return f"{format_datetime(start, lang=lang)} – {format_datetime(end, lang=lang)}"


def moment_text(moment, lang: str = "en") -> str:
    """One moment as the review's spans write their start: ``02 Mar 13:00`` (``13.00``).

    >>> moment_text(pd.Timestamp("2024-03-02 13:00"), "id")
    '02 Mar 13.00'
    """
    moment = pd.Timestamp(moment)
    return f"{format_date(moment, lang=lang, style='day')} {format_time(moment, lang=lang)}"


def title_block(sheet, review, *, title: str, note: str, columns: int, lang: str) -> None:
    """Rows 1–:data:`TITLE_ROWS`, each merged across ``columns``: the classification marking
    (empty without one), ``title``, the event's name, its venue, dates and id, the unit (a
    line to write it on when ``event.yaml`` names none) and ``note``."""
    from openpyxl.styles import Alignment, Font

    meta = review.meta
    start, end = event_span(review)
    period = span_text(start, end, lang)
    if meta is None:
        details = [period]
    else:
        details = [meta.venue, f"{period} ({zone_label(meta.timezone, lang)})", meta.id]
    unit = optional_meta(meta, "unit")
    lines = [
        (optional_meta(meta, "classification") or "", Font(bold=True, size=12, color="C00000")),
        (title, Font(bold=True, size=14)),
        ("" if meta is None else meta.name or meta.id, Font(bold=True, size=12)),
        (" · ".join(str(d) for d in details if not is_missing(d) and str(d)), Font(size=11)),
        (f"{t('plan.unit', lang)}: {unit or BLANK_LINE}", Font(size=11)),
        (note, Font(italic=True, size=10)),
    ]
    for number, (text, font) in enumerate(lines, start=1):
        cell = put_text(sheet, number, 1, text)
        cell.font = font
        cell.alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="center" if number == 1 else None
        )
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=columns)
    sheet.row_dimensions[TITLE_ROWS].height = 30  # the note takes two lines


def list_validation(choices: Sequence[str], *, title: str, error: str):
    """A drop-down offering ``choices`` (written into the rule: none may hold a comma)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if any("," in choice or '"' in choice for choice in choices):  # pragma: no cover - labels
        raise ValueError(f"a drop-down choice holds a comma or a quote: {list(choices)}")
    return DataValidation(
        type="list", formula1=f'"{",".join(choices)}"', allow_blank=True,
        showErrorMessage=True, errorTitle=title, error=error,
    )  # fmt: skip


def date_validation(*, title: str, error: str):
    """A cell that takes dates only (from 2000 on)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type="date", operator="greaterThanOrEqual", formula1="DATE(2000,1,1)", allow_blank=True,
        showErrorMessage=True, errorTitle=title, error=error,
    )  # fmt: skip


def signature_block(sheet, row: int, *, columns: tuple[int, int], lang: str) -> int:
    """Prepared by / approved by from ``row`` down, side by side: each a role, then name,
    rank and NRP, date and signature with a line to write on (the cell right of the label,
    underlined). ``columns`` are the label columns of the two blocks; returns the last row."""
    from openpyxl.styles import Alignment, Border, Font, Side

    line = Border(bottom=Side(style="thin", color="000000"))
    fields = ("plan.sign.name", "plan.sign.rank", "plan.sign.date", "plan.sign.signature")
    for role, column in zip(("plan.sign.prepared", "plan.sign.approved"), columns, strict=True):
        put_text(sheet, row, column, t(role, lang)).font = Font(bold=True)
        for offset, key in enumerate(fields, start=1):
            label = put_text(sheet, row + offset, column, f"{t(key, lang)}:")
            label.alignment = Alignment(horizontal="right", vertical="bottom")
            sheet.cell(row + offset, column + 1).border = line
    signature = row + len(fields)
    sheet.row_dimensions[signature].height = 40  # room to sign
    return signature


def print_setup(sheet, review, *, header_row: int, lang: str) -> None:
    """A4 landscape, one page wide, margins of 1.5–2 cm, rows 1 to ``header_row`` repeated
    on every page; the classification in the page header, and the event, the classification
    and ``Page n of N`` in the footer."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(
        left=0.6, right=0.6, top=0.8, bottom=0.8, header=0.3, footer=0.3
    )
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"1:{header_row}"
    marking = _header_text(optional_meta(review.meta, "classification") or "")
    meta = review.meta
    name = "" if meta is None else safe_text(meta.name or meta.id)
    if len(name) > _FOOTER_NAME:
        name = name[: _FOOTER_NAME - 1] + "…"
    parts = (
        (sheet.oddHeader.center, marking),
        (sheet.oddFooter.left, _header_text(name)),
        (sheet.oddFooter.center, marking),
        (sheet.oddFooter.right, t("plan.page", lang, page="&P", pages="&N")),
    )
    for part, text in parts:
        if text:  # an empty part would be written as a bare code, which readers refuse
            part.text = text


def _header_text(text: str) -> str:
    """Text as a page header or footer shows it: ``&`` starts a code there, so it is doubled;
    line ends become spaces."""
    return safe_text(text).replace("&", "&&").replace("\n", " ")


def grid(sheet, first: int, last: int, columns: int) -> None:
    """Thin grey lines around every cell of rows ``first``–``last``, so the printed table
    reads as one."""
    from openpyxl.styles import Border, Side

    side = Side(style="thin", color="A6A6A6")
    border = Border(left=side, right=side, top=side, bottom=side)
    for row in range(first, last + 1):
        for column in range(1, columns + 1):
            sheet.cell(row, column).border = border


def row_height(texts: Sequence[str], widths: Sequence[float]) -> float:
    """Points a row needs to show its wrapped text (about 15 per line at 11 pt); Excel does
    not fit a row to wrapped text by itself.

    >>> row_height(["a" * 50, "b"], [20, 10])
    48.0
    """
    lines = 1
    for text, width in zip(texts, widths, strict=True):
        per_line = max(int(width * 1.1), 1)
        needed = sum(max(math.ceil(len(part) / per_line), 1) for part in str(text).split("\n"))
        lines = max(lines, needed)
    return min(15.0 * lines + 3, 409.0)  # Excel's tallest row
