"""Small openpyxl helpers shared by the template sheets: text cells, fills, header style."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.worksheet import Worksheet

from sra_analysis.sheet_text import put_text

__all__ = ["HEADER_FILL", "OPTIONAL_FILL", "fill", "ink_on", "put", "style_header"]

#: Header fill of a required column (dark) and of an optional one (light).
HEADER_FILL = "1F3864"
OPTIONAL_FILL = "D9E1F2"
_THIN = Side(style="thin", color="8EA9DB")


def put(sheet: Worksheet, row: int, column: int, value, *, number_format: str | None = None):
    """Write ``value`` into a cell; text goes through the one safe text-cell writer,
    :func:`sra_analysis.sheet_text.put_text` (never a formula, quote prefix on text that
    starts like one, no characters XML cannot hold, no bidirectional controls).

    Examples
    --------
    >>> from openpyxl import Workbook
    >>> cell = put(Workbook().active, 1, 1, "=HYPERLINK(1)")
    >>> (cell.value, cell.data_type, cell.quotePrefix)
    ('=HYPERLINK(1)', 's', True)
    """
    if isinstance(value, str):
        cell = put_text(sheet, row, column, value)
    else:
        cell = sheet.cell(row=row, column=column)
        cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    return cell


def fill(colour: str) -> PatternFill:
    """A solid fill of a hex colour (``#E69F00`` or ``E69F00``)."""
    colour = colour.lstrip("#").upper()
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


def ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG relative luminance).

    Examples
    --------
    >>> ink_on("#B2182B"), ink_on("#F0E442")
    ('FFFFFF', '000000')
    """
    colour = colour.lstrip("#")
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    # contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05)
    return "FFFFFF" if 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05 else "000000"


def style_header(cell, *, required: bool) -> None:
    """Bold header: white on dark blue for a required column, dark on light blue otherwise."""
    colour = HEADER_FILL if required else OPTIONAL_FILL
    cell.fill = fill(colour)
    cell.font = Font(bold=True, color=ink_on(colour))
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
