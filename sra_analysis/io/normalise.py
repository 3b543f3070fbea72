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
from sra_analysis.levels import SEVERITY_SCALE

__all__ = [
    "TIME_UNIT",
    "ParsedColumn",
    "is_blank",
    "normalise_header",
    "parse_booleans",
    "parse_category_lists",
    "parse_identifiers",
    "parse_numbers",
    "parse_rings",
    "parse_severities",
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


# ------------------------------------------------------------------------------- severity

#: A severity as written: a number, then optionally its name after a dash, colon or bracket.
_SEVERITY_RE = re.compile(r"\+?(\d+)(?:[.,]0+)?\s*(?:[-–—:.(]+\s*(.*?)\)?)?")


def _severity_names(number: int) -> set[str]:
    from sra_analysis.labels import LANGUAGES, t

    if number not in SEVERITY_SCALE:
        return set()
    return {fold_label(t(f"severity.{number}", lang)) for lang in LANGUAGES}


def _one_severity(value) -> tuple[float, str | None]:
    """(number, None) or (nan, reason); numbers off the scale are left to the range check."""
    from sra_analysis.labels import t

    if isinstance(value, bool):
        return np.nan, "not a number"
    if isinstance(value, numbers.Real):
        number = float(value)
        return (number, None) if number % 1 == 0 else (np.nan, "not a whole number")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    plain = text.replace(",", ".") if re.fullmatch(r"[+-]?\d+,\d+", text) else text
    try:
        number = float(plain)
    except ValueError:
        pass
    else:
        return (number, None) if number % 1 == 0 else (np.nan, "not a whole number")
    match = _SEVERITY_RE.fullmatch(text)
    shown = text if len(text) <= 40 else text[:39] + "…"  # the reason quotes, never floods
    if match is None:
        return np.nan, t("severity.reason.no_number", "en", value=shown)
    number = int(match.group(1))
    words = fold_label(match.group(2) or "")
    if not words or number not in SEVERITY_SCALE or words in _severity_names(number):
        return float(number), None
    name = t(f"severity.{number}", "en")
    return np.nan, t("severity.reason.name_mismatch", "en", value=shown, number=number, name=name)


def parse_severities(values: pd.Series) -> ParsedColumn:
    """Severities as the clerk writes them: ``3``, ``3.0`` or the drop-down's ``3 – sedang``.

    The number decides; words after it must be that step's name (in either language), so
    ``"3 – berat"`` is refused rather than guessed. A name alone (``"berat"``) is refused too:
    ``berat`` and ``sangat berat`` are too easily confused to read without the number. A
    number off the scale is returned and left to the range check (``severity outside 1–5``).

    Examples
    --------
    >>> column = parse_severities(pd.Series(["3", "3 - sedang", "4 – severe", "berat", ""]))
    >>> column.values.tolist(), column.invalid.tolist()
    ([3.0, 3.0, 4.0, nan, nan], [False, False, False, True, False])
    """
    blank = is_blank(values)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [_one_severity(u) if not _blank_scalar(u) else (np.nan, None) for u in uniques]
    numbers_ = np.array([p[0] for p in parsed] + [np.nan], dtype="float64")
    reasons_u = np.array([p[1] for p in parsed] + [None], dtype=object)
    result = pd.Series(numbers_[codes], index=values.index, dtype="float64")
    reasons = reasons_u[codes]
    invalid = ~blank & (reasons != None)  # noqa: E711 (element-wise test of an object array)
    reasons = np.where(invalid, reasons, None)
    return ParsedColumn(result, invalid, "not a severity", reasons=reasons)


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


# ------------------------------------------------------------------------------ categories


def parse_category_lists(values: pd.Series, vocabulary) -> ParsedColumn:
    """The categories an SRA item covers: names (codes, labels, synonyms) separated by
    ``,`` or ``;``, stored as their codes joined by ``;``. A name outside the vocabulary is
    left out with a note (the row is kept); a cell naming none is missing.

    Examples
    --------
    >>> from sra_analysis.vocabulary import bundled_vocabulary
    >>> parsed = parse_category_lists(pd.Series(["Unjuk rasa; bentrok", "demo, hujan", ""]),
    ...                               bundled_vocabulary())
    >>> parsed.values.tolist(), parsed.notes.tolist()
    (['protest;clash', 'protest', nan], [None, "category 'hujan' is not in the vocabulary; \
the item covers the others", None])
    """

    def one(value):
        if _blank_scalar(value):
            return (None, None), True
        codes, unknown = [], []
        for name in re.split(r"[,;]", str(value)):
            if not name.strip():
                continue
            code = vocabulary.code_of(name)
            if code is None:
                unknown.append(name.strip())
            elif code not in codes:
                codes.append(code)
        note = None
        if unknown:
            names = ", ".join(repr(n[:60]) for n in unknown)
            note = (
                f"categor{'y' if len(unknown) == 1 else 'ies'} {names} "
                f"{'is' if len(unknown) == 1 else 'are'} not in the vocabulary; the item "
                "covers the others"
            )
        return (";".join(codes) or None, note), True

    factor, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    answers = [one(u) for u in uniques] + [one(None)]  # code −1 (missing) takes the last
    codes = [answers[i][0][0] for i in factor]
    notes = np.array([answers[i][0][1] for i in factor], dtype=object)
    return ParsedColumn(
        pd.Series(codes, index=values.index, dtype="str"),
        np.zeros(len(values), dtype=bool),
        notes=notes if any(n is not None for n in notes) else None,
    )
