"""Numbers, percentages, dates and times as a reader of each report language writes them.

English reports read ``1,168``, ``3.4``, ``12.5%`` and ``01 Mar 2024 07:00``; Bahasa
Indonesia reports ``1.168``, ``3,4``, ``12,5%`` and ``01 Mar 2024 07.00``, with Indonesian
month and day names (``Maret``, ``Jumat``). The conventions come from the Unicode CLDR
through Babel (locales ``en_GB`` and ``id_ID``), not from rules written here: only how many
digits to show and which date fields to show are chosen by the caller.

Values are rounded as Python's own formatting rounds them (half to even on the exact binary
value), so English text is the same as ``f"{x:,.2f}"`` would give. A missing value (None,
NaN, NaT, pandas' NA) shows as :data:`MISSING`. Machine-readable outputs (``summary.json``,
CSV, Parquet) never go through this module.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import math
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from sra_analysis.errors import ParameterError
from sra_analysis.labels import check_lang

__all__ = [
    "DATE_STYLES",
    "LOCALES",
    "MISSING",
    "Number",
    "format_date",
    "format_datetime",
    "format_integer",
    "format_number",
    "format_p_value",
    "format_percent",
    "format_range",
    "format_significant",
    "format_time",
    "plotly_separators",
    "plotly_time_format",
    "time_separator",
]

#: The CLDR locale of each report language.
LOCALES = {"en": "en_GB", "id": "id_ID"}
#: What a missing value shows as (the en dash of the report's tables).
MISSING = "–"
#: Date patterns by style (CLDR pattern letters; Babel fills in the locale's names).
DATE_STYLES = {
    "long": "d MMMM y",  # 1 March 2024 / 1 Maret 2024
    "full": "EEEE, d MMMM y",  # Friday, 1 March 2024 / Jumat, 1 Maret 2024
    "medium": "dd MMM y",  # 01 Mar 2024 / 01 Mar 2024
    "day": "dd MMM",  # 01 Mar / 01 Mar
    "weekday": "EEE dd MMM",  # Fri 01 Mar / Jum 01 Mar
    "weekday_year": "EEE dd MMM y",  # Fri 01 Mar 2024 / Jum 01 Mar 2024
}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[check_lang(lang)])


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and pandas' NA are not equal to themselves
    except TypeError:  # pandas' NA refuses bool()
        return True
    except ValueError:  # an array is not one value, and not a missing one
        return False


def _exact(value) -> decimal.Decimal:
    """The exact decimal value of a number (a float's binary value, not its repr), so that
    rounding matches Python's formatting."""
    if isinstance(value, decimal.Decimal):
        return value
    if isinstance(value, int):
        return decimal.Decimal(value)
    try:
        return decimal.Decimal(float(value))
    except (TypeError, ValueError):
        raise ParameterError(f"not a number: {value!r}") from None


def _check_digits(digits: object) -> int | None:
    if digits is None:
        return None
    if isinstance(digits, bool) or not isinstance(digits, int) or not 0 <= digits <= 12:
        raise ParameterError(f"digits must be a whole number from 0 to 12 or None, got {digits!r}")
    return digits


@cache
def _pattern(lang: str, kind: str, digits: int | None, trim: bool):
    """The locale's decimal or percent pattern, showing ``digits`` decimals."""
    pattern = getattr(_locale(lang), f"{kind}_formats")[None]
    if digits is not None:
        pattern = copy.copy(pattern)
        pattern.frac_prec = (0 if trim else digits, digits)
    return pattern


def _apply(kind: str, value, lang: str, digits: int | None, grouping: bool, trim=False) -> str:
    pattern = _pattern(lang, kind, digits, trim)
    return pattern.apply(_exact(value), _locale(lang), group_separator=grouping)


def format_number(
    value: object,
    *,
    lang: str = "en",
    digits: int | None = 2,
    grouping: bool = True,
    trim: bool = False,
) -> str:
    """A number with ``digits`` decimals (``None``: as many as needed, at most three).

    Parameters
    ----------
    value : number or None
    lang : {"en", "id"}
    digits : int or None
        Decimals shown, always exactly this many; ``None`` shows up to three and drops
        trailing zeros (the CLDR default, ``#,##0.###``).
    grouping : bool
        Group thousands (``1,168`` / ``1.168``).
    trim : bool
        Drop trailing zeros (and the decimal sign when nothing follows it): ``2.50`` reads
        ``2.5`` and ``2.00`` reads ``2``.

    Examples
    --------
    >>> format_number(1168, digits=0), format_number(1168, lang="id", digits=0)
    ('1,168', '1.168')
    >>> format_number(3.4, lang="id", digits=1), format_number(1234.5, lang="id", digits=None)
    ('3,4', '1.234,5')
    >>> format_number(2.5, lang="id", trim=True), format_number(1.999, trim=True)
    ('2,5', '2')
    >>> format_number(float("nan")), format_number(None, lang="id")
    ('–', '–')
    """
    digits = _check_digits(digits)
    if _is_missing(value):
        return MISSING
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return _apply("decimal", value, lang, digits, grouping, trim)


def format_integer(value: object, *, lang: str = "en") -> str:
    """A whole number, thousands grouped (a float is rounded half to even).

    Examples
    --------
    >>> format_integer(72493), format_integer(72493, lang="id"), format_integer(7.0, lang="id")
    ('72,493', '72.493', '7')
    """
    return format_number(value, lang=lang, digits=0)


def format_percent(value: object, *, lang: str = "en", digits: int = 0) -> str:
    """A share (``0.125``) as a percentage with ``digits`` decimals (``12.5%`` / ``12,5%``).

    Examples
    --------
    >>> format_percent(0.125, digits=1), format_percent(0.125, lang="id", digits=1)
    ('12.5%', '12,5%')
    >>> format_percent(0.5, lang="id"), format_percent(None)
    ('50%', '–')
    """
    digits = _check_digits(digits)
    if _is_missing(value):
        return MISSING
    return _apply("percent", value, lang, digits, True)


def format_range(low: object, high: object, *, lang: str = "en", digits: int = 2) -> str:
    """An interval ``low–high`` (en dash); :data:`MISSING` when either end is missing.

    Examples
    --------
    >>> format_range(0.6, 0.9), format_range(0.6, 0.9, lang="id"), format_range(0.6, None)
    ('0.60–0.90', '0,60–0,90', '–')
    """
    if _is_missing(low) or _is_missing(high):
        return MISSING
    return f"{format_number(low, lang=lang, digits=digits)}–" + format_number(
        high, lang=lang, digits=digits
    )


def format_p_value(value: object, *, lang: str = "en") -> str:
    """A p-value as a sentence quotes it: ``p = 0.036``, ``p < 0.001``, ``p = –``.

    Examples
    --------
    >>> format_p_value(0.0364), format_p_value(0.0364, lang="id"), format_p_value(0.0002)
    ('p = 0.036', 'p = 0,036', 'p < 0.001')
    """
    if _is_missing(value):
        return f"p = {MISSING}"
    if float(value) < 0.001:
        return f"p < {format_number(0.001, lang=lang, digits=3)}"
    return f"p = {format_number(value, lang=lang, digits=3)}"


_STYLES = ("number", "percent", "p_value", "significant")


def format_significant(value: object, *, lang: str = "en", digits: int = 3) -> str:
    """A number to at most ``digits`` significant digits, never in exponent notation
    (for p-values and other small quantities quoted as they are).

    Examples
    --------
    >>> format_significant(0.0123456), format_significant(0.0123456, lang="id")
    ('0.0123', '0,0123')
    >>> format_significant(1.23e-05), format_significant(0.5, lang="id")
    ('0.0000123', '0,5')
    """
    digits = _check_digits(digits)
    if not digits:
        raise ParameterError(f"digits must be at least 1 for significant digits, got {digits!r}")
    if _is_missing(value):
        return MISSING
    pattern = babel_numbers.parse_pattern("@" + "#" * (digits - 1))
    return pattern.apply(_exact(value), _locale(lang))


@dataclass(frozen=True)
class Number:
    """A number kept with how to show it, written out in a language only when asked.

    Sentence templates (findings, lessons) hold these as fields, so one result serves a
    report in each language.

    Attributes
    ----------
    value : number or None
    digits : int or None
        As :func:`format_number` (for ``"percent"``: decimals of the percentage).
    style : {"number", "percent", "p_value", "significant"}
        :func:`format_number`, :func:`format_percent`, :func:`format_p_value` or
        :func:`format_significant` (``digits`` significant digits).
    trim : bool
        As :func:`format_number`.

    Examples
    --------
    >>> Number(1234.5, digits=1).text("id"), Number(0.25, digits=0, style="percent").text()
    ('1.234,5', '25%')
    """

    value: object
    digits: int | None = 2
    style: str = "number"
    trim: bool = False

    def __post_init__(self):
        if self.style not in _STYLES:
            raise ParameterError(f"style must be one of {list(_STYLES)}, got {self.style!r}")
        _check_digits(self.digits)

    def text(self, lang: str = "en") -> str:
        """The number as ``lang`` writes it."""
        if self.style == "percent":
            return format_percent(self.value, lang=lang, digits=self.digits or 0)
        if self.style == "p_value":
            return format_p_value(self.value, lang=lang)
        if self.style == "significant":
            return format_significant(self.value, lang=lang, digits=self.digits or 3)
        return format_number(self.value, lang=lang, digits=self.digits, trim=self.trim)


def _moment(value: object):
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise ParameterError(f"not a date or time: {value!r}") from None
    if type(value).__name__ == "datetime64":  # numpy's, read through pandas
        import pandas as pd

        return pd.Timestamp(value).to_pydatetime()
    raise ParameterError(f"not a date or time: {value!r}")


def format_date(value: object, *, lang: str = "en", style: str = "long") -> str:
    """A date (or the date of a timestamp, in its own time zone) in a :data:`DATE_STYLES`
    style, with the language's month and day names.

    Examples
    --------
    >>> day = dt.date(2024, 3, 1)
    >>> format_date(day, lang="id"), format_date(day, lang="id", style="full")
    ('1 Maret 2024', 'Jumat, 1 Maret 2024')
    >>> format_date(day, style="weekday"), format_date(day, lang="id", style="weekday")
    ('Fri 01 Mar', 'Jum 01 Mar')
    """
    if style not in DATE_STYLES:
        raise ParameterError(f"style must be one of {sorted(DATE_STYLES)}, got {style!r}")
    if _is_missing(value):
        return MISSING
    moment = _moment(value)
    if isinstance(moment, dt.datetime):
        moment = moment.replace(tzinfo=None)  # the wall-clock date, not the UTC one
    return babel_dates.format_date(moment, DATE_STYLES[style], locale=_locale(lang))


def format_time(value: object, *, lang: str = "en") -> str:
    """Wall-clock hours and minutes in the language's short time format (CLDR): ``07:00``
    in English, ``07.00`` in Bahasa Indonesia.

    Examples
    --------
    >>> format_time(dt.time(7, 5)), format_time(dt.datetime(2024, 3, 1, 19, 30), lang="id")
    ('07:05', '19.30')
    """
    if _is_missing(value):
        return MISSING
    moment = _moment(value)
    if isinstance(moment, dt.datetime):
        moment = moment.time()
    moment = moment.replace(tzinfo=None)  # shown as the wall clock reads
    return babel_dates.format_time(moment, "short", locale=_locale(lang))


def format_datetime(value: object, *, lang: str = "en", style: str = "medium") -> str:
    """Date (:func:`format_date` ``style``) and wall-clock time (:func:`format_time`).

    Examples
    --------
    >>> moment = dt.datetime(2024, 3, 1, 7, 0)
    >>> format_datetime(moment), format_datetime(moment, lang="id")
    ('01 Mar 2024 07:00', '01 Mar 2024 07.00')
    >>> format_datetime(moment, lang="id", style="full")
    'Jumat, 1 Maret 2024 07.00'
    """
    if _is_missing(value):
        return MISSING
    return f"{format_date(value, lang=lang, style=style)} {format_time(value, lang=lang)}"


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` for ``lang``: its decimal then its group symbol, from
    CLDR (``".,"`` in English, ``",."`` in Bahasa Indonesia).

    Examples
    --------
    >>> plotly_separators("en"), plotly_separators("id")
    ('.,', ',.')
    """
    symbols = _locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]


def time_separator(lang: str) -> str:
    """What stands between hours and minutes in the language's short time (CLDR).

    Examples
    --------
    >>> time_separator("en"), time_separator("id")
    (':', '.')
    """
    pattern = _locale(lang).time_formats["short"].pattern  # "HH:mm" / "HH.mm"
    return pattern[pattern.index("H") + 2 : pattern.index("m")].strip("'")


def plotly_time_format(lang: str) -> str:
    """A d3 time format of hours and minutes for Plotly hover text (``%{x|...}``).

    Examples
    --------
    >>> plotly_time_format("en"), plotly_time_format("id")
    ('%H:%M', '%H.%M')
    """
    return f"%H{time_separator(lang)}%M"
