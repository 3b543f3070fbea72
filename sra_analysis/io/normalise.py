"""Turn field-office spellings into canonical values, one column at a time.

Each parser takes a column as read (text, Excel cells or Parquet values) and returns a
:class:`ParsedColumn`: the canonical values plus a mask of cells that held something but could
not be understood. Blank cells are missing, never invalid. Parsers work on the distinct values
of a column, so a million rows with a few thousand distinct timestamps parse quickly.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.event import TIMEZONE_ALIASES, fold_label

__all__ = [
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

TIME_UNIT = "us"

_TRUE = {"true", "yes", "y", "1", "ya", "t", "benar", "iya", "1.0"}
_FALSE = {"false", "no", "n", "0", "tidak", "f", "salah", "tdk", "0.0"}

# Indonesian and English month names (full and short) to the English abbreviation %b reads.
_MONTHS = {
    "januari": "Jan", "january": "Jan", "jan": "Jan",
    "februari": "Feb", "pebruari": "Feb", "february": "Feb", "feb": "Feb", "peb": "Feb",
    "maret": "Mar", "march": "Mar", "mar": "Mar",
    "april": "Apr", "apr": "Apr",
    "mei": "May", "may": "May",
    "juni": "Jun", "june": "Jun", "jun": "Jun",
    "juli": "Jul", "july": "Jul", "jul": "Jul",
    "agustus": "Aug", "august": "Aug", "agu": "Aug", "agt": "Aug", "aug": "Aug",
    "september": "Sep", "sept": "Sep", "sep": "Sep",
    "oktober": "Oct", "october": "Oct", "okt": "Oct", "oct": "Oct",
    "november": "Nov", "nopember": "Nov", "nov": "Nov", "nop": "Nov",
    "desember": "Dec", "december": "Dec", "des": "Dec", "dec": "Dec",
}  # fmt: skip
_MONTH_RE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")
_WEEKDAY_RE = re.compile(
    r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b[,.]?\s*"
)
# an explicit offset only counts after a time, so the year of "01-03-2024" is not read as -20:24
_ZONE_RE = re.compile(
    r"(?:(?<=[:.]\d\d)|(?<=\.\d{3})|(?<=\.\d{6})|\s+)(wib|wita|wit|z|utc|gmt|[+-]\d{2}:?\d{2})$"
)
_DOT_TIME_RE = re.compile(r"(?<=[\sT])(\d{1,2})\.(\d{2})(?:\.(\d{2}))?$")
_SERIAL_RANGE = (20000.0, 80000.0)  # Excel serial days: 1954-10-03 .. 2119-01-10
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_FORMATS = (
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y",
    "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y",
    "%d/%m/%y %H:%M", "%d/%m/%y",
    "%d %b %Y %H:%M:%S", "%d %b %Y %H:%M", "%d %b %Y",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
)  # fmt: skip


@dataclass(frozen=True)
class ParsedColumn:
    """Canonical values of one column and the cells that could not be parsed.

    Attributes
    ----------
    values : Series
        Canonical values, missing where the cell was blank or invalid.
    invalid : ndarray of bool
        True where the cell held something that could not be understood.
    reason : str
        What an invalid cell failed, for the quarantine table.
    """

    values: pd.Series
    invalid: np.ndarray
    reason: str = ""


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


def is_blank(values: pd.Series) -> np.ndarray:
    """True for cells that hold nothing: None, NaN, NaT or only white space."""
    missing = values.isna().to_numpy(dtype=bool, copy=True)
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        codes, uniques = _factorize(values)
        blank_unique = np.array(
            [isinstance(v, str) and not v.strip() for v in uniques] + [True], dtype=bool
        )
        missing |= blank_unique[codes]
    return missing


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """Codes (−1 for missing) and distinct values, without copying text to objects."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def _by_unique(values: pd.Series, parse_one, *, dtype) -> tuple[pd.Series, np.ndarray]:
    """Apply ``parse_one`` (returning (value, ok)) once per distinct value.

    Missing cells give ``parse_one``'s answer for None. The result is built by taking from
    the parsed distinct values, so a million rows cost a few thousand calls.
    """
    codes, uniques = _factorize(values)
    parsed = [parse_one(u) for u in uniques] + [parse_one(None)]
    distinct = pd.array([p[0] for p in parsed], dtype=dtype)
    ok = np.array([p[1] for p in parsed], dtype=bool)
    # code −1 (missing) takes the last entry, the answer for None
    result = pd.Series(distinct.take(codes), index=values.index)
    return result, ok[codes]


def _blank_scalar(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


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
    reason = "not a number"
    if integer:
        fractional = numeric.notna().to_numpy() & (numeric.to_numpy() % 1 != 0)
        invalid |= fractional
        reason = "not a whole number"
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
        "not a yes/no value (use true/false, yes/no, ya/tidak or 1/0)",
    )


# ----------------------------------------------------------------------------------- rings


def parse_rings(values: pd.Series, lookup: Mapping[str, str], *, allow_all=False) -> ParsedColumn:
    """Ring ids from ids, names, aliases or roman numerals (see :meth:`EventMeta.ring_lookup`).

    Examples
    --------
    >>> lookup = {"1": "1", "ring 1": "1", "luar pagar": "1", "3": "3", "ring 3": "3"}
    >>> parse_rings(pd.Series(["Ring I", "LUAR  PAGAR", "iii", "4"]), lookup).values.tolist()
    ['1', '1', '3', nan]
    """

    def one(value):
        if _blank_scalar(value):
            return None, True
        key = fold_label(parse_identifiers(pd.Series([value], dtype=object)).values.iloc[0])
        if re.fullmatch(r"\d+\.0+", key):  # a ring id exported as a float, e.g. "1.0"
            key = key.split(".")[0]
        if allow_all and key in ("all", "semua", "semua ring", "all rings"):
            return "all", True
        ring = lookup.get(key)
        return ring, ring is not None

    rings, ok = _by_unique(values, one, dtype="str")
    known = sorted(set(lookup.values()))
    return ParsedColumn(
        rings,
        ~ok,
        f"unknown ring; expected one of the rings in event.yaml (ids {known}, "
        "their names or aliases" + (", or 'all')" if allow_all else ")"),
    )


# ------------------------------------------------------------------------------ timestamps


def _clean_time_text(text: str) -> tuple[str, str | None]:
    text = unicodedata.normalize("NFKC", text).strip().casefold()
    text = re.sub(r"(?<=\d)t(?=\d)", " ", text.replace(",", " "))
    text = re.sub(r"\s+", " ", text).strip()
    zone = None
    match = _ZONE_RE.search(text)
    if match:
        zone = match.group(1)
        text = text[: match.start()].strip()
    text = _WEEKDAY_RE.sub("", text)
    text = re.sub(r"\b(pukul|pkl|jam|at)\.?\s", "", text)
    text = _MONTH_RE.sub(lambda m: _MONTHS[m.group(1)], text)
    text = _DOT_TIME_RE.sub(
        lambda m: f"{m.group(1)}:{m.group(2)}" + (f":{m.group(3)}" if m.group(3) else ""), text
    )
    return text, zone


def _zone_name(zone: str | None, default: str) -> str | dt.tzinfo:
    if zone is None:
        return default
    upper = zone.upper()
    if upper in TIMEZONE_ALIASES:
        return TIMEZONE_ALIASES[upper]
    if upper in ("Z", "UTC", "GMT"):
        return "UTC"
    sign = 1 if zone[0] == "+" else -1
    digits = zone[1:].replace(":", "")
    offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return dt.timezone(sign * offset)


def _parse_naive_texts(texts: list[str]) -> list[pd.Timestamp]:
    """Parse cleaned, zone-less strings: ISO first, then day-first and month-name forms."""
    result: list = [pd.NaT] * len(texts)
    pending = list(range(len(texts)))
    for fmt in ("ISO8601", *_FORMATS):
        if not pending:
            break
        batch = pd.to_datetime(
            pd.Series([texts[i] for i in pending], dtype=object), format=fmt, errors="coerce"
        )
        still = []
        for i, stamp in zip(pending, batch, strict=True):
            if pd.isna(stamp) or (fmt == "ISO8601" and stamp.tzinfo is not None):
                still.append(i)
            else:
                result[i] = stamp
        pending = still
    for i in pending:  # a bare number written as text: an Excel serial
        try:
            number = float(texts[i])
        except ValueError:
            continue
        if _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
            result[i] = (_EXCEL_EPOCH + pd.to_timedelta(number, unit="D")).round("s")
    return result


def parse_timestamps(values: pd.Series, *, timezone: str) -> ParsedColumn:
    """Tz-aware timestamps from the forms field offices write, in ``timezone``.

    Accepts ISO forms, day-first ``dd/mm/yyyy`` and ``dd-mm-yyyy`` (the Indonesian
    convention; never month-first), ``HH:MM[:SS]`` or ``HH.MM``, Indonesian and English
    month names (``3 Maret 2024 14.30``), a ``WIB``/``WITA``/``WIT`` suffix or an explicit
    offset, Excel date cells and Excel serial numbers. A time without a zone is local to
    ``timezone``; everything is returned converted to ``timezone``.

    Examples
    --------
    >>> out = parse_timestamps(
    ...     pd.Series(["01/03/2024 14.30", "3 Maret 2024 08:00 WITA", "2024-03-01T07:00",
    ...                "45352.5", "13/13/2024"]),
    ...     timezone="Asia/Jakarta")
    >>> [str(v) for v in out.values]
    ['2024-03-01 14:30:00+07:00', '2024-03-03 07:00:00+07:00', '2024-03-01 07:00:00+07:00', \
'2024-03-01 12:00:00+07:00', 'NaT']
    >>> out.invalid.tolist()
    [False, False, False, False, True]
    """
    reason = "unparseable timestamp (expected e.g. 2024-03-01 14:30 or 01/03/2024 14.30)"
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_convert(timezone).dt.as_unit(TIME_UNIT)
        return ParsedColumn(out, np.zeros(len(values), dtype=bool), reason)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        out = values.dt.tz_localize(timezone, nonexistent="NaT", ambiguous="NaT")
        return ParsedColumn(out.dt.as_unit(TIME_UNIT), np.zeros(len(values), dtype=bool), reason)

    codes, uniques = _factorize(values)
    stamps: list = [pd.NaT] * len(uniques)
    zones: list = [None] * len(uniques)
    blank_unique = np.zeros(len(uniques), dtype=bool)
    text_positions: list[int] = []
    texts: list[str] = []
    for position, value in enumerate(uniques):
        if _blank_scalar(value):
            blank_unique[position] = True
        elif isinstance(value, (pd.Timestamp, dt.datetime, np.datetime64)):
            stamp = pd.Timestamp(value)
            if stamp.tzinfo is not None:
                zones[position] = stamp.tzinfo
                stamp = stamp.tz_localize(None)
            stamps[position] = stamp
        elif isinstance(value, dt.date):
            stamps[position] = pd.Timestamp(value)
        elif isinstance(value, numbers.Real) and not isinstance(value, bool):
            if _SERIAL_RANGE[0] <= float(value) <= _SERIAL_RANGE[1]:
                delta = pd.to_timedelta(float(value), unit="D")
                stamps[position] = (_EXCEL_EPOCH + delta).round("s")
        else:
            text, zone = _clean_time_text(str(value))
            zones[position] = zone
            text_positions.append(position)
            texts.append(text)
    for position, stamp in zip(text_positions, _parse_naive_texts(texts), strict=True):
        stamps[position] = stamp
        if pd.isna(stamp):
            zones[position] = None

    local = np.full(len(uniques), np.datetime64("NaT", TIME_UNIT), dtype=f"datetime64[{TIME_UNIT}]")
    # localise each group of values sharing a zone, then convert to the event's zone
    zone_keys = [z if isinstance(z, dt.tzinfo) else _zone_name(z, timezone) for z in zones]
    for zone in {str(z): z for z in zone_keys}.values():
        members = [i for i, z in enumerate(zone_keys) if str(z) == str(zone)]
        index = pd.DatetimeIndex([stamps[i] for i in members]).as_unit(TIME_UNIT)
        converted = index.tz_localize(zone, nonexistent="NaT", ambiguous="NaT").tz_convert(timezone)
        local[members] = converted.tz_localize(None).to_numpy()
    parsed_unique = pd.DatetimeIndex(local).tz_localize(timezone)
    failed_unique = np.asarray(pd.isna(parsed_unique)) & ~blank_unique
    safe_codes = np.where(codes < 0, 0, codes)
    if len(uniques):
        out = pd.Series(parsed_unique.take(safe_codes), index=values.index).where(codes >= 0)
        invalid = (codes >= 0) & failed_unique[safe_codes]
    else:
        out = pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[{TIME_UNIT}, {timezone}]")
        invalid = np.zeros(len(values), dtype=bool)
    return ParsedColumn(out.dt.as_unit(TIME_UNIT), invalid, reason)
