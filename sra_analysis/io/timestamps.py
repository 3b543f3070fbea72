"""Timestamps as field offices write them, made tz-aware in the event's zone.

A local time that the event's zone skips (the hour clocks move forward for daylight saving)
does not exist: its cell is invalid, with a reason that says so and names the zone. A local
time the zone repeats (the hour clocks move back) is read as its **first** occurrence, the
earlier instant, and the cell carries a note saying so; writing the UTC offset (``+02:00``)
chooses either. Zones without daylight saving (WIB, WITA, WIT) have neither.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import unicodedata

import numpy as np
import pandas as pd

from sra_analysis.event import TIMEZONE_ALIASES
from sra_analysis.io.parsed import ParsedColumn
from sra_analysis.io.parsed import factorize_values as _factorize
from sra_analysis.io.parsed import is_blank_scalar as _blank_scalar
from sra_analysis.io.reasons import Reason

__all__ = ["TIME_UNIT", "parse_timestamps"]

TIME_UNIT = "us"

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
    ``timezone``; everything is returned converted to ``timezone``. A local time the zone
    skips is invalid with its own reason; one it repeats is read as its first occurrence,
    with a note (see the module docstring).

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
    reason = Reason("unparseable_timestamp")
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        out = values.dt.tz_convert(timezone).dt.as_unit(TIME_UNIT)
        return ParsedColumn(out, np.zeros(len(values), dtype=bool), reason)
    if pd.api.types.is_datetime64_dtype(values.dtype):
        index = pd.DatetimeIndex(values).as_unit(TIME_UNIT)
        local, reasons, notes = _localize(index, timezone)
        out = pd.Series(local, index=values.index)
        invalid = np.asarray(pd.isna(local)) & index.notna()
        return ParsedColumn(out, invalid, reason, reasons=reasons, notes=notes)

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

    # held in UTC until the end: a repeated local time is only unambiguous with its offset
    utc = np.full(len(uniques), np.datetime64("NaT", TIME_UNIT), dtype=f"datetime64[{TIME_UNIT}]")
    reason_unique = np.full(len(uniques) + 1, None, dtype=object)  # last: missing cells
    note_unique = np.full(len(uniques) + 1, None, dtype=object)
    # localise each group of values sharing a zone
    zone_keys = [z if isinstance(z, dt.tzinfo) else _zone_name(z, timezone) for z in zones]
    for zone in {str(z): z for z in zone_keys}.values():
        members = [i for i, z in enumerate(zone_keys) if str(z) == str(zone)]
        index = pd.DatetimeIndex([stamps[i] for i in members]).as_unit(TIME_UNIT)
        localized, reasons, notes = _localize(index, zone)
        utc[members] = localized.tz_convert("UTC").tz_localize(None).to_numpy()
        reason_unique[members] = reasons
        note_unique[members] = notes
    parsed_unique = pd.DatetimeIndex(utc).tz_localize("UTC").tz_convert(timezone)
    failed_unique = np.asarray(pd.isna(parsed_unique)) & ~blank_unique
    safe_codes = np.where(codes < 0, 0, codes)
    if len(uniques):
        out = pd.Series(parsed_unique.take(safe_codes), index=values.index).where(codes >= 0)
        invalid = (codes >= 0) & failed_unique[safe_codes]
    else:
        out = pd.Series(pd.NaT, index=values.index, dtype=f"datetime64[{TIME_UNIT}, {timezone}]")
        invalid = np.zeros(len(values), dtype=bool)
    # code −1 (a missing cell) takes the last entry, None
    return ParsedColumn(
        out.dt.as_unit(TIME_UNIT),
        invalid,
        reason,
        reasons=reason_unique[codes],
        notes=note_unique[codes],
    )


def _localize(
    index: pd.DatetimeIndex, zone: str | dt.tzinfo
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray]:
    """Localise naive times in ``zone``, saying which the zone skips or repeats.

    Returns the tz-aware times (NaT where the local time does not exist; the first
    occurrence where it exists twice), a reason for each nonexistent time and a note for
    each repeated one (None elsewhere).
    """
    reasons = np.full(len(index), None, dtype=object)
    notes = np.full(len(index), None, dtype=object)
    strict = index.tz_localize(zone, nonexistent="NaT", ambiguous="NaT")
    unresolved = np.asarray(pd.isna(strict)) & np.asarray(index.notna())
    if not unresolved.any():
        return strict, reasons, notes
    # ambiguous=True picks daylight-saving time: the first of the two occurrences
    first = index.tz_localize(zone, nonexistent="NaT", ambiguous=np.ones(len(index), bool))
    repeated = unresolved & np.asarray(first.notna())
    for position in np.flatnonzero(unresolved & ~repeated):
        reasons[position] = Reason("nonexistent_time", zone=str(zone))
    if repeated.any():
        second = index.tz_localize(zone, nonexistent="NaT", ambiguous=np.zeros(len(index), bool))
    for position in np.flatnonzero(repeated):
        notes[position] = Reason(
            "ambiguous_time",
            zone=str(zone),
            first=_offset(first[position]),
            second=_offset(second[position]),
        )
    return first, reasons, notes


def _offset(stamp: pd.Timestamp) -> str:
    """``+02:00`` for a tz-aware time."""
    text = stamp.strftime("%z")
    return f"{text[:3]}:{text[3:]}"
