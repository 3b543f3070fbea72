"""Reading back the workbooks a report writes, as the tests that scan outputs need them."""

from __future__ import annotations

import re
import zipfile
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


#: Characters XML 1.0 cannot carry (section 2.2): a workbook holding one is refused by Excel.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Unicode bidirectional controls (Unicode Standard Annex #9), written out here by hand.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
#: What text may not start with lest a spreadsheet run it (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def not_inert(path: Path) -> list[str]:
    """Every text cell of a workbook that a spreadsheet could run or show reversed, as
    ``sheet!cell: what`` lines (an empty list for a workbook whose text is all inert): a
    formula, a text starting like one without Excel's quote prefix, a bidirectional control,
    a character XML cannot hold."""
    problems = []
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/") and re.search(rb"<f[ >]", archive.read(member)):
                problems.append(f"{member}: holds a formula")
    workbook = openpyxl.load_workbook(path)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                text, where = cell.value, f"{sheet.title}!{cell.coordinate}"
                if not isinstance(text, str):
                    continue
                if cell.data_type != "s":
                    problems.append(f"{where}: stored as {cell.data_type!r}: {text!r}")
                if text.lstrip().startswith(_FORMULA_START) and not cell.quotePrefix:
                    problems.append(f"{where}: starts like a formula, no quote prefix: {text!r}")
                if set(text) & _BIDI:
                    problems.append(f"{where}: holds a bidirectional control: {text!r}")
                if _NOT_XML.search(text):
                    problems.append(f"{where}: holds a character XML cannot carry: {text!r}")
    return problems
