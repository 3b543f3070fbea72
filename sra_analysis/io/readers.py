"""Read one input file as it is, recording how it was read and where each row came from.

Nothing here interprets values: CSV cells stay text, Excel cells keep the type the workbook
gives them (numbers, dates, text), Parquet columns keep their dtype. What comes out is a
:class:`RawTable` whose ``rows`` say where each data row sits in the file as the user sees it.

CSV bytes are decoded by :func:`sra_analysis.io.encoding.decode_text` (UTF-8, cp1252, UTF-16
with a byte-order mark; a file mixing encodings is refused, naming its first offending line).
Cells are read whole however long they are, and NUL bytes are kept: both are judged cell by
cell when the table is loaded (:mod:`sra_analysis.io.cells`), so one bad cell costs one row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from sra_analysis.errors import InputFileError
from sra_analysis.io.encoding import decode_text

__all__ = ["RawTable", "SUPPORTED_SUFFIXES", "detect_delimiter", "read_table"]

SUPPORTED_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".parquet")
_DELIMITERS = (",", ";", "\t")
_SNIFF_RECORDS = 200


@dataclass(frozen=True)
class RawTable:
    """A file's data rows as read, before any interpretation.

    Attributes
    ----------
    file : str
        Path of the file read.
    frame : DataFrame
        One row per non-blank data row, columns named as in the file's header.
    rows : ndarray of int
        For each row of ``frame``, its number as the user sees it: the line in a text
        editor for CSV (header on line 1, so the first data row is 2), the Excel row for
        XLSX, the 1-based position for Parquet.
    blank : int
        Data rows that were entirely empty (skipped, counted).
    format : str
        ``"csv"``, ``"xlsx"`` or ``"parquet"``.
    encoding, delimiter, sheet : str or None
        How the file was decoded and split, where that applies.
    """

    file: str
    frame: pd.DataFrame
    rows: np.ndarray
    blank: int
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    @property
    def rows_read(self) -> int:
        return len(self.frame) + self.blank


def read_table(path: str | Path, *, sheet: str | None = None) -> RawTable:
    """Read a CSV, XLSX or Parquet file without interpreting its values.

    Parameters
    ----------
    path : str or Path
        The file. Its suffix decides the format.
    sheet : str, optional
        Worksheet to read from an Excel file; the first sheet when omitted.

    Returns
    -------
    RawTable

    Raises
    ------
    InputFileError
        When the file is missing, empty, undecodable or of an unsupported type.
    """
    path = Path(path)
    if not path.exists():
        raise InputFileError(str(path), "file not found")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet=sheet)
    if suffix == ".parquet":
        return _read_parquet(path)
    raise InputFileError(
        str(path), f"unsupported file type {suffix!r}; use one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


# ---------------------------------------------------------------------------------- CSV


def detect_delimiter(text: str) -> str | None:
    """Pick the delimiter (``,`` ``;`` or tab) that splits the header and rows consistently.

    Returns None when no candidate splits the header into two or more columns: a
    one-column file is never split on anything else.

    Examples
    --------
    >>> detect_delimiter("a;b;c\\n1;2,5;3\\n")
    ';'
    >>> detect_delimiter("a,b\\n1,2\\n")
    ','
    >>> detect_delimiter("description\\nmassa berkumpul, lalu bubar\\n") is None
    True
    """
    best: tuple[float, int, str] | None = None
    for delimiter in _DELIMITERS:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        records = []
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    records.append(len(record))
                if len(records) > _SNIFF_RECORDS:
                    break
        except csv.Error:
            continue
        if not records or records[0] < 2:
            continue
        consistent = sum(count == records[0] for count in records) / len(records)
        candidate = (consistent, records[0], delimiter)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return None if best is None else best[2]


def _allow_fields_up_to(length: int) -> None:
    """Let the csv module read fields as long as the whole text.

    Python's csv refuses a field over ``csv.field_size_limit()`` (131072 characters by
    default) with an error that would reject the whole file; cell sizes are checked per
    cell when the table is loaded (:data:`sra_analysis.io.cells.MAX_CELL_BYTES`) instead.
    The limit is process-wide, so it is only ever raised, never lowered.
    """
    if csv.field_size_limit() <= length:
        csv.field_size_limit(length + 1)


def _unused_character(text: str) -> str:
    """A character that does not occur in ``text``: the delimiter of a one-column file."""
    for code in (0x1F, *range(0xE000, 0xF900)):  # unit separator, then private use
        if chr(code) not in text:
            return chr(code)
    raise AssertionError("unreachable: text holds every private-use character")


def _read_csv(path: Path) -> RawTable:
    text, encoding = decode_text(path.read_bytes(), file=str(path))
    if not text.strip():
        raise InputFileError(str(path), "the file is empty; expected a header row")
    _allow_fields_up_to(len(text))
    delimiter = detect_delimiter(text)
    split_on = delimiter or _unused_character(text)
    reader = csv.reader(io.StringIO(text), delimiter=split_on, strict=False)
    header: list[str] | None = None
    records: list[list[str]] = []
    rows: list[int] = []
    blank = 0
    line_before = 0
    last_start = 0
    try:
        for record in reader:
            first_line = line_before + 1
            line_before = reader.line_num
            last_start = first_line
            if not any(cell.strip() for cell in record):
                if header is not None:
                    blank += 1
                continue
            if header is None:
                header = record
                continue
            records.append(record)
            rows.append(first_line)
    except csv.Error as error:
        raise InputFileError(str(path), f"not valid CSV: {error}", row=line_before + 1) from None
    if header is None:
        raise InputFileError(str(path), "the file is empty; expected a header row")
    if _quote_left_open(text, split_on, from_line=last_start):
        # the lenient reader would fold every later line into this row's last field
        raise InputFileError(
            str(path),
            "a quoted field opened on this row is never closed, so every later line would "
            "be read into it; check the quotes",
            row=last_start,
        )
    width = len(header)
    for record, row in zip(records, rows, strict=True):
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            raise InputFileError(
                str(path),
                f"row has {len(record)} fields but the header has {width}; "
                "check the delimiter and quoting",
                row=row,
            )
    padded = [(record + [""] * width)[:width] for record in records]
    frame = pd.DataFrame(padded, columns=_unique_headers(header), dtype="str")
    return RawTable(
        file=str(path),
        frame=frame,
        rows=np.asarray(rows, dtype=np.int64),
        blank=blank,
        format="csv",
        encoding=encoding,
        delimiter=delimiter,
    )


def _quote_left_open(text: str, delimiter: str, *, from_line: int) -> bool:
    """Whether the record starting on line ``from_line`` (the last one) runs into the end
    of the file inside quotes."""
    tail = io.StringIO(text).readlines()[from_line - 1 :]
    if len(tail) < 2:
        return False  # an unclosed quote on the last line loses no row
    try:
        for _ in csv.reader(tail, delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _unique_headers(header: list) -> list[str]:
    names = []
    for position, name in enumerate(header, start=1):
        name = "" if name is None else str(name)
        names.append(name if name.strip() else f"unnamed_{position}")
    return names


# --------------------------------------------------------------------------------- Excel


def _read_xlsx(path: Path, *, sheet: str | None) -> RawTable:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken workbook
        reason = _workbook_error(error, path)
        raise InputFileError(str(path), f"cannot open as an Excel workbook: {reason}") from None
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            raise InputFileError(
                str(path), f"sheet must be one of {workbook.sheetnames}, got {sheet!r}"
            )
        # read every stored row, not only those inside the sheet's recorded dimension:
        # files written by other tools often record a stale one (e.g. "A1")
        worksheet.reset_dimensions()
        sheet_name = worksheet.title
        try:
            header, records, rows, blank = _sheet_rows(worksheet)
        except Exception as error:  # read-only mode parses the sheet's XML row by row, here
            raise InputFileError(
                str(path), f"cannot read sheet {sheet_name!r}: {_workbook_error(error, path)}"
            ) from None
    finally:
        workbook.close()
    if header is None:
        raise InputFileError(str(path), f"sheet {sheet_name!r} is empty; expected a header row")
    # trailing blank header cells with blank data columns beneath them are formatting, not data
    while (
        header
        and not _cell_present(header[-1])
        and not any(len(r) >= len(header) and _cell_present(r[len(header) - 1]) for r in records)
    ):
        header.pop()
    width = len(header)
    padded = [(list(record) + [None] * width)[:width] for record in records]
    frame = pd.DataFrame(padded, columns=_unique_headers(header), dtype=object)
    return RawTable(
        file=str(path),
        frame=frame,
        rows=np.asarray(rows, dtype=np.int64),
        blank=blank,
        format="xlsx",
        sheet=sheet_name,
    )


def _sheet_rows(worksheet) -> tuple[list | None, list[list], list[int], int]:
    """The header row, the data rows with their Excel row numbers, and the count of blank
    rows after the header; rows before the header that hold nothing are skipped."""
    header: list | None = None
    records: list[list] = []
    rows: list[int] = []
    blank = 0
    for excel_row, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if not any(_cell_present(value) for value in values):
            if header is not None:
                blank += 1
            continue
        if header is None:
            header = list(values)
            continue
        records.append(list(values))
        rows.append(excel_row)
    return header, records, rows, blank


def _workbook_error(error: Exception, path: Path) -> str:
    """openpyxl's first line, with the XML parser's reason it wraps (defusedxml refusing an
    entity declaration, say) in place of its advice to "see the exception", and the file
    named as the user gave it only once, at the start of the message."""
    text = str(error).strip().split("\n")[0].replace(str(path), path.name)
    text = text or type(error).__name__
    cause = error.__cause__ or error.__context__
    if cause is not None and str(cause) not in text:
        text = f"{text} ({cause})"
    return text


def _cell_present(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


# ------------------------------------------------------------------------------- Parquet


def _read_parquet(path: Path) -> RawTable:
    try:
        frame = pd.read_parquet(path)
    except Exception as error:  # pyarrow raises several error types for a broken file
        raise InputFileError(str(path), f"cannot read as Parquet: {error}") from None
    frame = frame.reset_index(drop=True)
    frame.columns = _unique_headers(list(frame.columns))
    return RawTable(
        file=str(path),
        frame=frame,
        rows=np.arange(1, len(frame) + 1, dtype=np.int64),
        blank=0,
        format="parquet",
    )
