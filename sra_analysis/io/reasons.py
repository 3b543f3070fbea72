"""Why a row was set aside or noted, as a label key and its values, in either language.

A parser or check gives a :class:`Reason`: it reads as its English text (it *is* a ``str``,
so messages and tests that compare text keep working) and carries the label key
(``reason.<key>`` in :mod:`sra_analysis.labels.quality`) and the values it was built from.
The issue table keeps both (``reason_key``, ``reason_values``), so the report's data-quality
appendix and ``sra-review validate --lang id`` show it in their language, naming the
clerk's own column header and the value as the clerk typed it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

import pandas as pd

__all__ = ["Reason", "issue_reasons", "key_and_values", "next_morning", "reason_text"]


class Reason(str):
    """A reason: its English text, with ``key`` and ``values`` to render it in any language.

    Examples
    --------
    >>> reason = Reason("not_whole_number")
    >>> reason, reason.key, reason.text("id")
    ('not a whole number', 'not_whole_number', 'bukan bilangan bulat')
    """

    key: str
    values: dict

    def __new__(cls, key: str, **values) -> Reason:
        self = super().__new__(cls, reason_text(key, values, "en"))
        self.key = key
        self.values = dict(values)
        return self

    def __reduce__(self):
        return _rebuild, (self.key, self.values)

    def text(self, lang: str = "en") -> str:
        """The reason in ``lang``."""
        return reason_text(self.key, self.values, lang)

    def with_values(self, **values) -> Reason:
        """The same reason with more values (the column headers, the values as typed)."""
        return Reason(self.key, **{**self.values, **values})


def _rebuild(key: str, values: dict) -> Reason:
    return Reason(key, **values)


def key_and_values(reason: object) -> tuple[str, dict]:
    """A reason's key and values; plain text (from code that gives no key) is key ``text``."""
    if isinstance(reason, Reason):
        return reason.key, dict(reason.values)
    return "text", {"text": "" if reason is None else str(reason)}


def _shown(value: object, lang: str) -> str:
    from sra_analysis.labels.formats import format_datetime

    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return format_datetime(value, lang=lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def reason_text(key: str, values: Mapping[str, object], lang: str = "en") -> str:
    """The text of reason ``key`` in ``lang``; values that are times are written the
    language's way, lists joined with commas.

    Examples
    --------
    >>> reason_text("required_missing", {}, "id")
    'wajib diisi, tetapi kosong'
    >>> reason_text("text", {"text": "anything"}, "id")
    'anything'
    """
    from sra_analysis.labels import LABELS, t

    label = f"reason.{key}"
    if label not in LABELS:  # a reason from code newer than this catalogue: as written
        return str(values.get("text", key))
    return t(label, lang, **{name: _shown(value, lang) for name, value in values.items()})


def issue_reasons(issues: pd.DataFrame, lang: str = "en") -> pd.Series:
    """The ``reason`` of every row of an issue table (``FileQuality.issues``) in ``lang``.

    Rows without a ``reason_key`` (tables made before keys existed) keep their text.
    """
    if "reason_key" not in issues.columns:
        return issues["reason"].astype(object)
    texts = [
        str(text) if not isinstance(key, str) else reason_text(key, values or {}, lang)
        for key, values, text in zip(
            issues["reason_key"], issues["reason_values"], issues["reason"], strict=True
        )
    ]
    return pd.Series(texts, index=issues.index, dtype=object)


_DAY_FIRST = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?!\d)")


def next_morning(typed: str, end: pd.Timestamp) -> str:
    """``typed`` (an end time as the clerk wrote it) with its date moved one day on, in the
    clerk's own way of writing dates; day-first ``dd/mm/yyyy HH:MM`` when no date is found.

    Examples
    --------
    >>> end = pd.Timestamp("2024-03-06 06:00")
    >>> next_morning("06/03/2024 06:00", end), next_morning("6-3-24 06.00", end)
    ('07/03/2024 06:00', '7-3-24 06.00')
    >>> next_morning("2024-03-06 06:00", end), next_morning("6 Maret 2024 06.00", end)
    ('2024-03-07 06:00', '07/03/2024 06:00')
    >>> next_morning("31/03/2024 06:00", pd.Timestamp("2024-03-31 06:00"))
    '01/04/2024 06:00'
    """
    day = (end + pd.Timedelta(days=1)).date()

    def width(text: str, number: int) -> str:
        return f"{number:0{len(text)}d}" if len(text) > 1 else str(number)

    def day_first(match: re.Match) -> str:
        d, sep, m, y = match.groups()
        year = str(day.year) if len(y) == 4 else f"{day.year % 100:02d}"
        return f"{width(d, day.day)}{sep}{width(m, day.month)}{sep}{year}"

    def iso(match: re.Match) -> str:
        _, sep, m, d = match.groups()
        return f"{day.year}{sep}{width(m, day.month)}{sep}{width(d, day.day)}"

    text = str(typed)
    if _ISO.search(text):
        return _ISO.sub(iso, text, count=1)
    if _DAY_FIRST.search(text):
        return _DAY_FIRST.sub(day_first, text, count=1)
    moved = end + pd.Timedelta(days=1)
    return f"{moved:%d/%m/%Y %H:%M}"
