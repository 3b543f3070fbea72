"""Checks on raw cells before any value is parsed: NUL bytes and oversized cells.

A cell of a contract column that holds a NUL byte (``\\x00``: a damaged export, or binary
data pasted in) or more than :data:`MAX_CELL_BYTES` of text is never used: its row is
quarantined with the reason, the file row and the column, and the other rows load. Columns
outside the data contract are not read, so they are not checked either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
import pandas as pd

from sra_analysis.io.reasons import Reason

__all__ = ["MAX_CELL_BYTES", "PREVIEW_CHARS", "cell_problems", "display_value"]

#: The largest cell accepted: 1 MiB of text, counted in UTF-8 bytes. A longer cell's row is
#: quarantined (a CSV field is read whole however long it is, so the file still loads).
MAX_CELL_BYTES = 1_048_576

#: Characters of a value shown in the issue table; longer values are cut with a note.
PREVIEW_CHARS = 200

NUL_REASON = Reason("nul_byte")


def _text_of(values: pd.Series) -> pd.Series:
    """The text cells of a column (other cells missing), as a string Series."""
    if values.dtype != object and pd.api.types.is_string_dtype(values.dtype):
        return values
    if values.dtype != object:  # numbers, dates, booleans (Parquet, Excel): no text to check
        return pd.Series(pd.NA, index=values.index, dtype="str")
    text = values.map(lambda value: value if isinstance(value, str) else None)
    return text.astype("str")


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", errors="surrogatepass"))


def cell_problems(frame: pd.DataFrame, *, columns: Iterable[str]) -> pd.DataFrame:
    """Cells of ``columns`` that hold a NUL byte or exceed :data:`MAX_CELL_BYTES`.

    Parameters
    ----------
    frame : DataFrame
        Cells as read (:attr:`RawTable.frame`); not modified.
    columns : iterable of str
        The columns to check, as headed in the file.

    Returns
    -------
    DataFrame
        One row per bad cell, in column then row order: ``position`` (int64, row position
        in ``frame``), ``column`` (the header), ``reason``.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["I1", "I\\x002"], "note": ["ok", "x" * 2_000_000]})
    >>> cell_problems(frame, columns=["id", "note"])[["position", "column"]].values.tolist()
    [[1, 'id'], [1, 'note']]
    """
    found = []
    for column in columns:
        text = _text_of(frame[column])
        has_nul = text.str.contains("\x00", regex=False).fillna(False).to_numpy(dtype=bool)
        for position in np.flatnonzero(has_nul):
            found.append((position, column, NUL_REASON))
        length = text.str.len().fillna(0).to_numpy(dtype=np.int64)
        # a character takes 1 to 4 bytes in UTF-8: only long cells need encoding
        for position in np.flatnonzero(length > MAX_CELL_BYTES // 4):
            size = _utf8_size(text.iat[position])
            if size > MAX_CELL_BYTES:
                found.append(
                    (
                        position,
                        column,
                        Reason("cell_too_large", size=f"{size:,}", limit=f"{MAX_CELL_BYTES:,}"),
                    )
                )
    out = pd.DataFrame(found, columns=["position", "column", "reason"])
    return out.astype({"position": "int64", "column": object, "reason": object})


def display_value(value: object) -> str:
    """A cell as shown in the issue table: NUL bytes written ``\\x00``, long text cut, a
    workbook's date cell day first (``06/03/2024 07:00``) as the clerk sees it.

    Examples
    --------
    >>> display_value("R\\x001")
    'R\\\\x001'
    >>> display_value("a" * 250)[-30:]
    'aaaaa… (250 characters in all)'
    >>> display_value(None)
    ''
    >>> display_value(pd.Timestamp("2024-03-06 07:00"))
    '06/03/2024 07:00'
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and not pd.isna(value):
        # a date cell of a workbook: as a clerk sees it, day first, never ISO
        return value.strftime("%d/%m/%Y %H:%M" + (":%S" if value.second else ""))
    if not isinstance(value, str):
        try:
            if pd.isna(value):
                return ""
        except (TypeError, ValueError):  # an array-like cell (Parquet lists)
            pass
    text = str(value).replace("\x00", "\\x00")
    if len(text) > PREVIEW_CHARS:
        return f"{text[:PREVIEW_CHARS]}… ({len(text):,} characters in all)"
    return text
