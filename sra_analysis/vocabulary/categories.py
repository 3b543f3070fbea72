"""Incident categories as codes: the bundled vocabulary, office extensions, and matching.

Field logs write the same category in many ways (``unjuk rasa``, ``demo``, ``protest``). The
vocabulary gives each category a code, a label and a one-line definition in English and
Bahasa Indonesia, and the synonyms logs use. :meth:`CategoryVocabulary.code_of` matches a
text to a code through the code, both labels and every synonym after folding case, spaces
and punctuation (:func:`fold_category`); there is no fuzzy matching, so a misspelling is not
a category. The loader keeps what the log wrote (``category_text``) and stores the code
(``category``, ``other`` for anything outside the vocabulary).

The bundled list is ``sra_analysis/vocabulary/categories.yaml``. An office extends it with a
file of the same shape (:mod:`sra_analysis.vocabulary.files`), named in ``event.yaml``
(``categories: my_categories.yaml``, relative to the event folder), passed as
``--categories FILE`` or listed in the environment variable ``SRA_CATEGORIES``
(several files separated by the path separator). New codes are added; an entry naming a
code already in the vocabulary may only add synonyms. A folded code, label or synonym names
one code only: a clash is an error naming the file, the entry and the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import pandas as pd

from sra_analysis.errors import VocabularyError, check_argument

__all__ = [
    "OTHER",
    "Category",
    "CategoryVocabulary",
    "fold_category",
]

#: The code of every category outside the vocabulary.
OTHER = "other"
_LANGS = ("en", "id")


def fold_category(text: object) -> str:
    """Fold a category for matching: Unicode form, case, spaces and punctuation.

    Unlike :func:`sra_analysis.event.fold_label` (rings), roman numerals are left alone.

    Examples
    --------
    >>> fold_category("  Unjuk-Rasa! ")
    'unjuk rasa'
    >>> fold_category("LOST_PROPERTY")
    'lost property'
    >>> fold_category("Lain\\u00a0lain")
    'lain lain'
    """
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@dataclass(frozen=True)
class Category:
    """One incident category: its code, labels, definitions and synonyms in both languages."""

    code: str
    label_en: str
    label_id: str
    definition_en: str
    definition_id: str
    synonyms_en: tuple[str, ...] = ()
    synonyms_id: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        """The label in English (``"en"``) or Bahasa Indonesia (``"id"``)."""
        return self.label_id if check_argument("lang", _LANGS, lang) == "id" else self.label_en

    def definition(self, lang: str = "en") -> str:
        """The one-line definition in English or Bahasa Indonesia."""
        check_argument("lang", _LANGS, lang)
        return self.definition_id if lang == "id" else self.definition_en

    def names(self) -> tuple[str, ...]:
        """Every text that means this category: code, labels, synonyms."""
        return (self.code, self.label_en, self.label_id, *self.synonyms_en, *self.synonyms_id)


@dataclass(frozen=True)
class CategoryVocabulary:
    """The categories an event's incidents are matched against, in display order.

    Attributes
    ----------
    categories : tuple of Category
    sources : tuple of str
        The files it was read from, bundled list first.

    Examples
    --------
    >>> from sra_analysis.vocabulary import bundled_vocabulary
    >>> vocabulary = bundled_vocabulary()
    >>> vocabulary.code_of("Unjuk Rasa"), vocabulary.code_of("protesss")
    ('protest', None)
    >>> vocabulary.label("lost_property", "id")
    'Barang hilang'
    """

    categories: tuple[Category, ...]
    sources: tuple[str, ...] = ()
    _lookup: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    _by_code: Mapping[str, Category] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {c.code: c for c in self.categories}
        lookup: dict[str, str] = {}
        for category in self.categories:
            for name in category.names():
                lookup.setdefault(fold_category(name), category.code)
        object.__setattr__(self, "_by_code", by_code)
        object.__setattr__(self, "_lookup", lookup)

    def __len__(self) -> int:
        return len(self.categories)

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes in display order."""
        return tuple(c.code for c in self.categories)

    def category(self, code: str) -> Category:
        """The category with ``code``."""
        return self._by_code[check_argument("code", self.codes, code)]

    def code_of(self, text: object) -> str | None:
        """The code ``text`` names (code, label or synonym, folded), or None."""
        if text is None or (not isinstance(text, str) and pd.isna(text)):
            return None
        return self._lookup.get(fold_category(text))

    def codes_of(self, values: Iterable) -> pd.Series:
        """The code of each value; :data:`OTHER` for text outside the vocabulary, missing
        for missing values. Works on the distinct values, so long columns map quickly."""
        values = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
        distinct = pd.unique(values.astype(object))
        mapping = {v: (self.code_of(v) or OTHER) for v in distinct if not _missing(v)}
        codes = values.astype(object).map(mapping)
        return pd.Series(codes.to_numpy(), index=values.index, dtype="str", name=values.name)

    def label(self, code: str, lang: str = "en") -> str:
        """The label of ``code`` in the language; an unknown code is returned as it is."""
        check_argument("lang", _LANGS, lang)
        found = self._by_code.get(code)
        return found.label(lang) if found is not None else str(code)

    def shown(self, code: object, text: object, lang: str = "en") -> str:
        """What a reader sees for an incident: the label of its code, or for :data:`OTHER`
        (and codes this vocabulary lacks) the text as the log wrote it (not escaped).

        Examples
        --------
        >>> from sra_analysis.vocabulary import bundled_vocabulary
        >>> vocabulary = bundled_vocabulary()
        >>> vocabulary.shown("protest", "demo", "id"), vocabulary.shown("other", "Banjir", "id")
        ('Unjuk rasa', 'Banjir')
        """
        if code in self._by_code and code != OTHER:
            return self.label(str(code), lang)
        if text is not None and not _missing(text) and str(text).strip():
            return str(text).strip()
        return self.label(OTHER, lang) if _missing(code) or code == OTHER else str(code)

    def extended(self, entries: Iterable[Category], *, source: str) -> CategoryVocabulary:
        """This vocabulary with an office's entries added (see the module docstring).

        Raises
        ------
        VocabularyError
            For an entry that redefines a code's labels, or a name that would mean two codes.
        """
        categories = {c.code: c for c in self.categories}
        owner = {key: code for key, code in self._lookup.items()}
        for entry in entries:
            base = categories.get(entry.code)
            if base is not None:
                if entry.label_en or entry.label_id or entry.definition_en or entry.definition_id:
                    raise VocabularyError(
                        source,
                        "code is already in the vocabulary; an entry for it may only add "
                        "synonyms (leave out label and definition)",
                        entry=entry.code,
                        field="code",
                    )
                entry = Category(
                    base.code, base.label_en, base.label_id, base.definition_en,
                    base.definition_id, _merge(base.synonyms_en, entry.synonyms_en),
                    _merge(base.synonyms_id, entry.synonyms_id),
                )  # fmt: skip
            else:
                missing = [
                    name
                    for name, text in (("label.en", entry.label_en), ("label.id", entry.label_id),
                                       ("definition.en", entry.definition_en),
                                       ("definition.id", entry.definition_id))
                    if not text
                ]  # fmt: skip
                if missing:
                    raise VocabularyError(
                        source, "a new code needs a label and a definition in en and id",
                        entry=entry.code, field=missing[0],
                    )  # fmt: skip
            for where, names in _named(entry):
                for name in names:
                    key = fold_category(name)
                    if owner.get(key, entry.code) != entry.code:
                        raise VocabularyError(
                            source,
                            f"{name!r} already names category {owner[key]!r}; a name may mean "
                            "one category only",
                            entry=entry.code,
                            field=where,
                        )
                    owner[key] = entry.code
            categories[entry.code] = entry
        return CategoryVocabulary(tuple(categories.values()), (*self.sources, str(source)))


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def _named(entry: Category) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return (
        ("code", (entry.code,)),
        ("label.en", (entry.label_en,) if entry.label_en else ()),
        ("label.id", (entry.label_id,) if entry.label_id else ()),
        ("synonyms.en", entry.synonyms_en),
        ("synonyms.id", entry.synonyms_id),
    )
