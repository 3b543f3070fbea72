"""Sentences of the after-action review, kept as a label key and typed values.

A :class:`Statement` is rendered in English or Bahasa Indonesia only when asked, so one review
serves reports in both languages. Its values are plain numbers and text, or the small types
here (:class:`Level`, :class:`Rings`, :class:`Span`, :class:`Category`, :class:`Items`), each
written the way the language writes it. Text that came from input files (threats, categories)
is returned as written; whoever puts it in HTML escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from sra_analysis.event import EventMeta
from sra_analysis.labels import level_label, t
from sra_analysis.labels.formats import Number, format_date, format_time

__all__ = [
    "Category",
    "Items",
    "Level",
    "Rings",
    "Served",
    "Span",
    "Statement",
    "category_text",
    "ring_text",
]


def category_text(category: object, lang: str = "en", vocabulary=None) -> str:
    """How the review names an incident category: its label in the event's category
    vocabulary (``EventMeta.vocabulary``: the bundled list with the office's own file,
    :mod:`sra_analysis.vocabulary`), never its code; without ``vocabulary`` the bundled list;
    a code the vocabulary lacks is shown as it is.

    >>> category_text("unauthorised_entry"), category_text("infrastructure", "id")
    ('Unauthorised entry', 'Listrik padam atau gangguan fasilitas')
    """
    if vocabulary is None:
        from sra_analysis.vocabulary import bundled_vocabulary

        vocabulary = bundled_vocabulary()
    return vocabulary.label(str(category), lang)


def ring_text(ring: str, meta: EventMeta | None, lang: str = "en") -> str:
    """``ring 2 (Inside the building)``; the id alone when the event has no name for it."""
    word = t("aar.word.ring", lang)
    if meta is None or ring not in meta.ring_ids:
        return f"{word} {ring}"
    name = meta.ring(ring).label(lang)
    return f"{word} {ring} ({name})" if name and name != ring else f"{word} {ring}"


def _join(parts: list[str], lang: str) -> str:
    """``a``, ``a and b``, ``a, b and c`` (``dan`` in Bahasa Indonesia)."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {t('aar.word.and', lang)} {parts[-1]}"


@dataclass(frozen=True)
class Level:
    """A risk level, shown in the report's language (``high`` → ``tinggi``)."""

    name: str | None

    def text(self, lang: str = "en") -> str:
        return t("aar.word.unrated", lang) if self.name is None else level_label(self.name, lang)


@dataclass(frozen=True)
class Rings:
    """Rings in the event's order, each with its name: ``ring 2 (…) and ring 3 (…)``."""

    ids: tuple[str, ...]
    meta: EventMeta | None = field(default=None, compare=False, repr=False)

    def text(self, lang: str = "en") -> str:
        return _join([ring_text(r, self.meta, lang) for r in self.ids], lang)


@dataclass(frozen=True)
class Span:
    """A stretch of time: ``02 Mar 12:00–18:00`` (the end's date shown when it differs)."""

    start: pd.Timestamp
    end: pd.Timestamp

    def text(self, lang: str = "en") -> str:
        start, end = pd.Timestamp(self.start), pd.Timestamp(self.end)

        def moment(stamp: pd.Timestamp) -> str:
            return f"{format_date(stamp, lang=lang, style='day')} {format_time(stamp, lang=lang)}"

        same_day = end.date() == start.date()
        return f"{moment(start)}–{format_time(end, lang=lang) if same_day else moment(end)}"


@dataclass(frozen=True)
class Served:
    """Officers on duty over a span: ``7`` or ``7–12``."""

    low: int
    high: int

    def text(self, lang: str = "en") -> str:
        low, high = count(self.low).text(lang), count(self.high).text(lang)
        return low if self.low == self.high else f"{low}–{high}"


@dataclass(frozen=True)
class Category:
    """Incident categories, through :func:`category_text` in the event's ``vocabulary``
    (:meth:`of` takes it from the event's description)."""

    codes: tuple[str, ...]
    vocabulary: object = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, codes, meta: EventMeta | None) -> Category:
        """The categories ``codes``, named as the event ``meta`` names them."""
        return cls(tuple(codes), getattr(meta, "vocabulary", None))

    def text(self, lang: str = "en") -> str:
        return _join([category_text(c, lang, self.vocabulary) for c in self.codes], lang)


@dataclass(frozen=True)
class Items:
    """Other statements or texts joined as a list (``a; b``)."""

    parts: tuple
    separator: str = "; "

    def text(self, lang: str = "en") -> str:
        return self.separator.join(
            p.text(lang) if hasattr(p, "text") else str(p) for p in self.parts
        )


@dataclass(frozen=True)
class Statement:
    """One sentence: the label ``key`` (under ``aar.``) filled with ``values``.

    Attributes
    ----------
    key : str
        Label key after the ``aar.`` prefix.
    values : mapping
        Template fields; values with a ``text(lang)`` method (:class:`Level`,
        :class:`Rings`, :class:`Span`, :class:`~sra_analysis.labels.formats.Number`, …)
        are written in the language asked, anything else as ``str``.
    fragment : bool
        A part of another sentence: not capitalised.
    """

    key: str
    values: Mapping = field(default_factory=dict)
    fragment: bool = False

    def text(self, lang: str = "en") -> str:
        """The sentence in ``lang`` (a whole sentence starts with a capital)."""
        fields = {k: v.text(lang) if hasattr(v, "text") else v for k, v in self.values.items()}
        text = t(f"aar.{self.key}", lang, **fields)
        return text if self.fragment else text[:1].upper() + text[1:]


def count(value) -> Number:
    """A count as a sentence shows it."""
    return Number(value, digits=None)


def evidence_value(value):
    """A template value as ``summary.json``'s evidence carries it: numbers as numbers,
    levels by name, rings and categories as lists, spans as ISO times."""
    if isinstance(value, Number):
        return value.value
    if isinstance(value, Level):
        return value.name
    if isinstance(value, Rings):
        return list(value.ids)
    if isinstance(value, Served):
        return {"low": value.low, "high": value.high}
    if isinstance(value, Category):
        return list(value.codes)
    if isinstance(value, Span):
        return {"start": pd.Timestamp(value.start), "end": pd.Timestamp(value.end)}
    if isinstance(value, Items | Statement):
        return None
    return value
