"""The one writer of a text cell in every workbook the toolkit writes.

Templates (:mod:`sra_analysis.template`), the improvement plan
(:mod:`sra_analysis.reports.pages.improvement_plan`) and the phone form
(:mod:`sra_analysis.template.xlsform`) write text that may come from input files: a ring's
name, a category, an event's name. :func:`put_text` writes it so that

- it is a string cell, never a formula: openpyxl stores any ``str`` starting with ``=`` as a
  formula, and text a spreadsheet would read as one (:data:`FORMULA_START`, after leading white
  space: OWASP, "CSV Injection") also carries Excel's quote prefix, so that editing the cell
  keeps it text;
- characters XML 1.0 cannot carry (NUL and the other C0 controls but tab and line feed, lone
  surrogates, U+FFFE/U+FFFF) are replaced with U+FFFD, so that a reader sees where something
  was; line ends become ``\\n`` (XML reads a bare carriage return as a line feed);
- Unicode bidirectional controls and marks
  (:data:`~sra_analysis.safe_text.BIDI_CHARACTERS`) are removed, so that a name cannot
  display reversed or hide text behind an override;
- it fits Excel's cell limit of 32,767 characters (longer text is cut, ending in ``…``).
"""

from __future__ import annotations

import math
import re

from sra_analysis.safe_text import BIDI_CHARACTERS

__all__ = [
    "CELL_LIMIT",
    "FORMULA_START",
    "UNSAFE_CHARACTERS",
    "put_text",
    "safe_text",
]

#: What a text may not start with in a spreadsheet, lest it run as a formula (OWASP, "CSV
#: Injection"); the report's CSV tables (:mod:`sra_analysis.reports.html_tables`) use it too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Excel holds at most this many characters in a cell.
CELL_LIMIT = 32_767

# XML 1.0 (section 2.2) allows tab, line feed, carriage return, U+0020–U+D7FF,
# U+E000–U+FFFD and beyond U+FFFF; openpyxl refuses the C0 controls of the first part.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CHARACTERS)) + "]")
#: A regular expression of the characters :func:`safe_text` changes, for a vectorised test of
#: many values (``Series.str.contains``); lone surrogates aside, which Arrow-backed text
#: cannot hold (nor can its regular expressions name them).
UNSAFE_CHARACTERS = (
    "[\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff" + "".join(sorted(BIDI_CHARACTERS)) + "]"
)


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def safe_text(value: object) -> str:
    """The text a workbook cell holds for ``value`` (see the module's notes).

    A missing value (``None``, NaN, ``pd.NA``, ``NaT``) is the empty text.

    Examples
    --------
    >>> safe_text("Pleno\\x00\\x1fA\\r\\nB")
    'Pleno\\ufffd\\ufffdA\\nB'
    >>> safe_text("Ring \\u202eA-1\\u202c"), safe_text(None), safe_text(3)
    ('Ring A-1', '', '3')
    """
    if _missing(value):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _BIDI.sub("", _NOT_XML.sub("\ufffd", text))
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


def put_text(sheet, row: int, column: int, value: object):
    """Write ``value`` into a cell of an openpyxl ``sheet`` as safe text; returns the cell.

    Parameters
    ----------
    sheet : openpyxl.worksheet.worksheet.Worksheet
    row, column : int
        1-based, as openpyxl counts.
    value : object
        Anything; written as :func:`safe_text` of it.

    Examples
    --------
    >>> from openpyxl import Workbook
    >>> cell = put_text(Workbook().active, 1, 1, " =HYPERLINK(1)")
    >>> (cell.value, cell.data_type, cell.quotePrefix)
    (' =HYPERLINK(1)', 's', True)
    """
    text = safe_text(value)
    cell = sheet.cell(row=row, column=column)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes any str starting with "=" a formula
    if text.lstrip().startswith(FORMULA_START) or text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return cell
