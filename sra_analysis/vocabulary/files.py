"""Reading category vocabulary files: the bundled list, an office's own, the environment.

A vocabulary file is YAML (read under the limits of :mod:`sra_analysis.event_yaml`):
``categories:``, a list of entries with ``code``, ``label`` (``en``, ``id``), ``definition``
(``en``, ``id``) and optional ``synonyms`` (``en``, ``id``: lists of text). See
:mod:`sra_analysis.vocabulary.categories` for what the entries mean and how an office's
file extends the bundled one.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path

from sra_analysis.errors import EventConfigError, VocabularyError
from sra_analysis.vocabulary.categories import Category, CategoryVocabulary, fold_category

__all__ = [
    "CATEGORIES_ENV",
    "bundled_vocabulary",
    "load_vocabulary",
    "read_vocabulary_file",
]

#: Environment variable naming office vocabulary files (``os.pathsep``-separated) that every
#: load adds to the bundled list; ``sra-review report|rollup --categories FILE`` sets it so
#: that the notebook kernels read the same vocabulary.
CATEGORIES_ENV = "SRA_CATEGORIES"

_BUNDLED = Path(__file__).with_name("categories.yaml")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_LANGS = ("en", "id")
_MAX_TEXT = 200
_MAX_ENTRIES = 2000


def read_vocabulary_file(path: str | Path, *, require_labels: bool = True) -> tuple[Category, ...]:
    """The entries of a vocabulary file, every field checked.

    Parameters
    ----------
    path : str or Path
        A YAML file: ``categories:`` a list of entries with ``code``, ``label`` (``en``,
        ``id``), ``definition`` (``en``, ``id``) and optional ``synonyms`` (``en``, ``id``:
        lists of text). Read safely (size cap, no aliases; see
        :mod:`sra_analysis.event_yaml`).
    require_labels : bool, default True
        False for an office file, whose entries for codes already known may give only
        synonyms (checked when they are added: :meth:`CategoryVocabulary.extended`).

    Raises
    ------
    VocabularyError
        Naming the file, the entry and the field at fault.
    """
    from sra_analysis.event_yaml import read_event_yaml

    source = str(path)
    try:
        config = read_event_yaml(
            path, expected="expected a mapping with a list of 'categories' (code, label, ...)"
        )
    except EventConfigError as error:
        raise VocabularyError(source, error.message) from None
    entries = config.get("categories")
    if not isinstance(entries, list) or not entries:
        raise VocabularyError(
            source, "expected 'categories:', a list of entries", field="categories"
        )
    if len(entries) > _MAX_ENTRIES:
        raise VocabularyError(source, f"more than {_MAX_ENTRIES} entries", field="categories")
    seen: set[str] = set()
    categories = []
    for position, item in enumerate(entries, start=1):
        category = _entry(item, position=position, source=source, require_labels=require_labels)
        if category.code in seen:
            raise VocabularyError(source, "code given twice in this file", entry=category.code,
                                  field="code")  # fmt: skip
        seen.add(category.code)
        categories.append(category)
    return tuple(categories)


def _entry(item: object, *, position: int, source: str, require_labels: bool) -> Category:
    where = f"#{position}"
    if not isinstance(item, Mapping):
        raise VocabularyError(
            source, "expected a mapping with code, label, definition", entry=where
        )
    code = item.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise VocabularyError(
            source,
            "code must be lower-case letters, digits and '_', starting with a letter, at most "
            f"40 characters, got {str(code)[:60]!r}",
            entry=where,
            field="code",
        )
    unknown = sorted(set(map(str, item)) - {"code", "label", "definition", "synonyms"})
    if unknown:
        raise VocabularyError(source, f"unknown field(s) {unknown}", entry=code, field=unknown[0])

    def texts(name: str, *, required: bool) -> dict[str, str]:
        value = item.get(name)
        if value is None and not required:
            return {"en": "", "id": ""}
        if not isinstance(value, Mapping):
            raise VocabularyError(source, "expected 'en:' and 'id:' texts", entry=code, field=name)
        out = {}
        for lang in _LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise VocabularyError(source, "missing or not text", entry=code,
                                      field=f"{name}.{lang}")  # fmt: skip
            out[lang] = _text(text, source=source, entry=code, field=f"{name}.{lang}")
        return out

    label = texts("label", required=require_labels)
    definition = texts("definition", required=require_labels)
    synonyms = item.get("synonyms") or {}
    if not isinstance(synonyms, Mapping) or set(map(str, synonyms)) - set(_LANGS):
        raise VocabularyError(source, "expected 'en:' and 'id:' lists", entry=code,
                              field="synonyms")  # fmt: skip
    lists = {}
    for lang in _LANGS:
        values = synonyms.get(lang) or []
        if not isinstance(values, list):
            raise VocabularyError(source, "expected a list", entry=code, field=f"synonyms.{lang}")
        lists[lang] = tuple(
            _text(v, source=source, entry=code, field=f"synonyms.{lang}") for v in values
        )
    return Category(
        code, label["en"], label["id"], definition["en"], definition["id"], lists["en"], lists["id"]
    )


def _text(value: object, *, source: str, entry: str, field: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise VocabularyError(source, f"expected text, got {str(value)[:60]!r}", entry=entry,
                              field=field)  # fmt: skip
    text = str(value).strip()
    if not fold_category(text) or len(text) > _MAX_TEXT:
        raise VocabularyError(
            source, f"expected text of 1–{_MAX_TEXT} characters with a letter or digit, got "
            f"{text[:60]!r}", entry=entry, field=field,
        )  # fmt: skip
    return text


@functools.lru_cache(maxsize=1)
def bundled_vocabulary() -> CategoryVocabulary:
    """The vocabulary shipped with the package (``categories.yaml``)."""
    return CategoryVocabulary((), ()).extended(read_vocabulary_file(_BUNDLED), source=str(_BUNDLED))


def load_vocabulary(*files: str | Path | None, environment: bool = True) -> CategoryVocabulary:
    """The bundled vocabulary extended by office files, in order.

    Parameters
    ----------
    *files : path
        Office vocabulary files (None entries are skipped).
    environment : bool, default True
        Also add the files listed in :data:`CATEGORIES_ENV`, before ``files``.

    Examples
    --------
    >>> load_vocabulary(environment=False) == bundled_vocabulary()
    True
    """
    names: list[str | Path] = []
    if environment:
        names += [f for f in os.environ.get(CATEGORIES_ENV, "").split(os.pathsep) if f.strip()]
    names += [f for f in files if f is not None]
    vocabulary = bundled_vocabulary()
    for name in dict.fromkeys(str(Path(f).resolve()) for f in names):
        entries = read_vocabulary_file(name, require_labels=False)
        vocabulary = vocabulary.extended(entries, source=name)
    return vocabulary
