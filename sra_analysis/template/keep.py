"""The rows a filled template already holds, read so that writing it again keeps them.

``sra-review template OUT --force`` rewrites the workbooks of ``OUT`` to refresh their lists,
drop-downs and checks (after the rings of ``event.yaml`` changed, say). A workbook whose data
sheet already holds rows is read first, the way the loader reads it
(:func:`sra_analysis.io.readers.read_table`: the first sheet, its first non-blank row as the
header, the values Excel shows), and its rows are written back into the new workbook at the
same Excel rows, under the new headers. Columns the contract does not know (a clerk's own
notes) are kept to the right of the template's columns, under their own headers.

What cannot be kept is refused in one line naming the file and its row count, before any file
is written: a workbook that cannot be read, a first sheet whose headers are not the columns of
its kind (a foreign workbook), or a sheet the template does not write that holds values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sra_analysis.errors import InputFileError, OutputError
from sra_analysis.io.readers import read_table
from sra_analysis.io.schemas import columns_of
from sra_analysis.io.validate import map_headers
from sra_analysis.labels import t
from sra_analysis.template.guide import guide_sheet_titles

__all__ = ["KeptRows", "filled_rows", "kept_rows"]


@dataclass(frozen=True)
class KeptRows:
    """The filled rows of one workbook, to write back into its new version.

    Attributes
    ----------
    file : str
        The workbook they were read from.
    rows : tuple of int
        The Excel row of each row of ``values`` (the header is on row 1 of a template).
    values : DataFrame
        One row per filled row: the contract's columns by canonical name, then the columns
        the contract does not know by their header as written. Values as the loader reads
        them (text, numbers, ``datetime``, booleans; ``None`` for an empty cell).
    extra : tuple of str
        The headers of the columns the contract does not know, in the file's order.
    """

    file: str
    rows: tuple[int, ...]
    values: pd.DataFrame
    extra: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.rows)


def _refuse(path: Path, key: str, lang: str, **values) -> OutputError:
    return OutputError(
        str(path), t(key, lang, **values), hint=t("template.keep.hint", lang, file=path.name)
    )


def _other_sheets_with_values(path: Path) -> list[str]:
    """Titles of the sheets after the first that the template does not write and that hold
    a value (a clerk's own sheet would be lost by a rewrite)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)  # formulas count as values
    try:
        known = guide_sheet_titles()
        return [
            sheet.title
            for sheet in workbook.worksheets[1:]
            if sheet.title not in known
            and any(v is not None for row in sheet.iter_rows(values_only=True) for v in row)
        ]
    finally:
        workbook.close()


def kept_rows(path: str | Path, kind: str, *, lang: str = "en") -> KeptRows | None:
    """The rows to keep of the workbook ``path`` of a file kind, or None when it holds none.

    Parameters
    ----------
    path : path
        An existing ``<kind>.xlsx`` (a missing file holds no rows).
    kind : str
        The file kind (``incidents``, ``staffing``, ``risk_register``, ...).
    lang : {"en", "id"}
        Language of a refusal.

    Returns
    -------
    KeptRows or None
        None when the file is missing or its data sheet holds no row under its header.

    Raises
    ------
    OutputError
        One line naming the file and its rows, when they cannot be kept: the workbook cannot
        be read, its first sheet is not a sheet of ``kind`` (required columns missing, or two
        headers meaning one column), or another sheet the template does not write holds
        values.
    """
    path = Path(path)
    if not path.exists():
        return None
    try:
        table = read_table(path)
    except InputFileError as error:
        if "is empty; expected a header row" not in error.message:
            raise _refuse(path, "template.keep.unreadable", lang, reason=error.message) from None
        table = None  # a blank first sheet: no row to keep
    count = 0 if table is None else len(table.frame)
    if count:
        try:
            mapping = map_headers(table.frame.columns, kind=kind, file=str(path))
        except InputFileError as error:
            reason = error.message
            raise _refuse(path, "template.keep.foreign", lang, rows=count, reason=reason) from None
        required = [s.name for s in columns_of(kind) if s.required]
        missing = [name for name in required if name not in mapping.values()]
        if missing:
            raise _refuse(
                path, "template.keep.foreign", lang, rows=count,
                reason=t("template.keep.missing", lang, columns=", ".join(missing)),
            )  # fmt: skip
    others = _other_sheets_with_values(path)
    if others:
        raise _refuse(path, "template.keep.sheets", lang, rows=count, sheets=", ".join(others))
    if not count:
        return None
    extra = tuple(str(h) for h in table.frame.columns if h not in mapping)
    values = table.frame.rename(columns=mapping)
    return KeptRows(
        file=str(path),
        rows=tuple(int(row) for row in table.rows),
        values=values.astype(object).where(values.notna(), None),
        extra=extra,
    )


def filled_rows(path: str | Path) -> int:
    """The rows under the header of a workbook's data sheet (0 for a blank or unreadable one),
    as ``validate`` counts rows read."""
    try:
        return len(read_table(path).frame)
    except InputFileError:
        return 0
