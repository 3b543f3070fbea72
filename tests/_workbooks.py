"""Reading back the workbooks a report writes, as the tests that scan outputs need them."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def workbook_text(path: Path) -> str:
    """Every cell of every sheet of a workbook, as text (its members are compressed, so a
    scan of its bytes would see nothing)."""
    workbook = openpyxl.load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )
