"""Turn field-office spellings into canonical values, one column at a time.

Each parser takes a column as read (text, Excel cells or Parquet values) and returns a
:class:`ParsedColumn`: the canonical values plus a mask of cells that held something but could
not be understood. Blank cells are missing, never invalid. Parsers work on the distinct values
of a column, so a million rows with a few thousand distinct timestamps parse quickly.
Timestamps have their own module, :mod:`sra_analysis.io.timestamps`; ``parse_timestamps``
and ``TIME_UNIT`` are re-exported here.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections.abc import Mapping

import numpy as np
import pandas as pd

from sra_analysis.event import fold_label
from sra_analysis.io.parsed import ParsedColumn, is_blank
from sra_analysis.io.parsed import is_blank_scalar as _blank_scalar
from sra_analysis.io.parsed import parse_distinct as _by_unique
from sra_analysis.io.reasons import Reason
from sra_analysis.io.timestamps import TIME_UNIT, parse_timestamps

__all__ = [
    "TIME_UNIT",
    "ParsedColumn",
    "is_blank",
    "normalise_header",
    "parse_booleans",
    "parse_identifiers",
    "parse_numbers",
    "parse_rings",
    "parse_text",
    "parse_timestamps",
]

#: A whole number written with a zero fraction, as spreadsheets export ids: "1.0", "2,00".
_WHOLE_NUMBER_RE = re.compile(r"\+?(\d+)[.,]0+")

_TRUE = {"true", "yes", "y", "1", "ya", "t", "benar", "iya", "1.0"}
_FALSE = {"false", "no", "n", "0", "tidak", "f", "salah", "tdk", "0.0"}


def normalise_header(name: object) -> str:
    """Fold a column header: case, non-breaking and surrounding spaces, punctuation.

    Examples
    --------
    >>> normalise_header("\\u00a0Shift Start ")
    'shift_start'
    >>> normalise_header("Waktu Laporan (WIB)")
    'waktu_laporan_wib'
    """
    text = unicodedata.normalize("NFKC", str(name)).casefold().strip()
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")


# ------------------------------------------------------------------------------ text, ids


def _is_text_dtype(values: pd.Series) -> bool:
    return values.dtype != object and pd.api.types.is_string_dtype(values.dtype)


def _strip_text(values: pd.Series, *, form: str | None = None) -> pd.Series:
    """Vectorised strip (and Unicode normalisation) of a text column; blank → missing."""
    text = values.str.normalize(form) if form else values
    text = text.str.strip()
    return text.mask(text == "").astype("str")


def parse_text(values: pd.Series) -> ParsedColumn:
    """Free text, stripped; blank cells become missing."""
    if _is_text_dtype(values):
        return ParsedColumn(_strip_text(values, form="NFC"), np.zeros(len(values), dtype=bool))

    def one(value):
        if _blank_scalar(value):
            return None, True
        return unicodedata.normalize("NFC", str(value)).strip(), True

    text, _ = _by_unique(values, one, dtype="str")
    return ParsedColumn(text, np.zeros(len(values), dtype=bool))


def parse_identifiers(values: pd.Series) -> ParsedColumn:
    """Identifiers as text: ``00123`` stays ``00123``; an Excel number 87061234.0 → '87061234'.

    Examples
    --------
    >>> parse_identifiers(pd.Series(["00123", 87061234.0, " R01 "])).values.tolist()
    ['00123', '87061234', 'R01']
    """

    if _is_text_dtype(values):
        return ParsedColumn(_strip_text(values), np.zeros(len(values), dtype=bool))

    def one(value):
        if _blank_scalar(value):
            return None, True
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            return str(int(value)), True
        if isinstance(value, numbers.Real) and float(value).is_integer():
            return str(int(value)), True
        return str(value).strip(), True

    identifiers, _ = _by_unique(values, one, dtype="str")
    return ParsedColumn(identifiers, np.zeros(len(values), dtype=bool))


# --------------------------------------------------------------------------------- numbers


def parse_numbers(values: pd.Series, *, integer: bool = False) -> ParsedColumn:
    """Numbers from text or cells; a decimal comma (``0,15``) is read as a decimal point.

    With ``integer=True`` a value with a fractional part is invalid.

    Examples
    --------
    >>> parse_numbers(pd.Series(["0,15", "1", "", "x"])).values.tolist()
    [0.15, 1.0, nan, nan]
    >>> parse_numbers(pd.Series(["3", "3.5"]), integer=True).invalid.tolist()
    [False, True]
    """
    blank = is_blank(values)
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        numeric = values.astype("float64")
    else:

        def one(value):
            if _blank_scalar(value):
                return np.nan, True
            if isinstance(value, bool):
                return np.nan, False
            if isinstance(value, numbers.Real):
                return float(value), True
            text = str(value).strip().replace("\u00a0", "").replace(" ", "")
            if re.fullmatch(r"[+-]?\d+,\d+", text):
                text = text.replace(",", ".")
            try:
                return float(text), True
            except ValueError:
                return np.nan, False

        numeric, _ = _by_unique(values, one, dtype="float64")
        numeric = numeric.astype("float64")
    invalid = ~blank & numeric.isna().to_numpy()
    reason = Reason("not_a_number")
    if integer:
        fractional = numeric.notna().to_numpy() & (numeric.to_numpy() % 1 != 0)
        invalid |= fractional
        reason = Reason("not_whole_number")
        numeric = numeric.where(~fractional)
    return ParsedColumn(numeric, invalid, reason)


# -------------------------------------------------------------------------------- booleans


def parse_booleans(values: pd.Series) -> ParsedColumn:
    """Booleans from true/false, yes/no, ya/tidak, 1/0 (any case).

    Examples
    --------
    >>> parse_booleans(pd.Series(["Ya", "tidak", "TRUE", "0", "", "maybe"])).values.tolist()
    [True, False, True, False, <NA>, <NA>]
    """

    def one(value):
        if _blank_scalar(value):
            return None, True
        if isinstance(value, (bool, np.bool_)):
            return bool(value), True
        key = str(value).strip().casefold()
        if key in _TRUE:
            return True, True
        if key in _FALSE:
            return False, True
        return None, False

    booleans, ok = _by_unique(values, one, dtype="boolean")
    return ParsedColumn(
        booleans,
        ~ok,
        Reason("not_yes_no"),
    )


# ----------------------------------------------------------------------------------- rings


def parse_rings(values: pd.Series, lookup: Mapping[str, str], *, allow_all=False) -> ParsedColumn:
    """Ring ids from ids, names, aliases or roman numerals (see :meth:`EventMeta.ring_lookup`).

    Examples
    --------
    >>> lookup = {"1": "1", "ring 1": "1", "luar pagar": "1", "3": "3", "ring 3": "3"}
    >>> parse_rings(pd.Series(["Ring I", "LUAR  PAGAR", "iii", "4"]), lookup).values.tolist()
    ['1', '1', '3', nan]

    A ring id exported as a number with a zero fraction (Excel's ``1.0``, or ``1,0`` with a
    decimal comma) is the ring of that whole number:

    >>> parse_rings(pd.Series(["1.0", "3,0", 3.0, "1.5"]), lookup).values.tolist()
    ['1', '3', '3', nan]
    """

    def one(value):
        if _blank_scalar(value):
            return None, True
        text = parse_identifiers(pd.Series([value], dtype=object)).values.iloc[0]
        key = fold_label(text)
        if allow_all and key in ("all", "semua", "semua ring", "all rings"):
            return "all", True
        ring = lookup.get(key)
        whole = _WHOLE_NUMBER_RE.fullmatch(text)
        if ring is None and whole:  # a ring id exported as a number: "1.0", "1,0"
            ring = lookup.get(fold_label(whole.group(1)))
        return ring, ring is not None

    rings, ok = _by_unique(values, one, dtype="str")
    known = tuple(sorted(set(lookup.values())))
    key = "unknown_ring_or_all" if allow_all else "unknown_ring"
    return ParsedColumn(rings, ~ok, Reason(key, rings=known))
