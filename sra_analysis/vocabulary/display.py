"""How a reader sees categories: the labels of their codes, in the report's language."""

from __future__ import annotations

import pandas as pd

from sra_analysis.vocabulary.categories import CategoryVocabulary
from sra_analysis.vocabulary.files import bundled_vocabulary

__all__ = ["category_choices", "category_labels"]


def category_choices(
    lang: str = "en", *, vocabulary: CategoryVocabulary | None = None
) -> list[tuple[str, str]]:
    """``(code, label)`` of every category in display order: a template's drop-down list.

    Examples
    --------
    >>> category_choices("id")[:2]
    [('crowd', 'Kerumunan massa'), ('protest', 'Unjuk rasa')]
    """
    vocabulary = vocabulary or bundled_vocabulary()
    return [(c.code, c.label(lang)) for c in vocabulary]


def category_labels(
    incidents: pd.DataFrame, *, lang: str = "en", vocabulary: CategoryVocabulary | None = None
) -> pd.Series:
    """What a reader sees for each incident's category (text, not escaped): the label of its
    code in ``lang``, or for ``other`` the category as the log wrote it (``category_text``).

    Examples
    --------
    >>> incidents = pd.DataFrame({"category": ["protest", "other"],
    ...                           "category_text": ["demo", "Banjir"]})
    >>> category_labels(incidents, lang="id").tolist()
    ['Unjuk rasa', 'Banjir']
    """
    vocabulary = vocabulary or bundled_vocabulary()
    codes = incidents["category"]
    written = incidents["category_text"] if "category_text" in incidents.columns else codes
    shown = [
        vocabulary.shown(code, text, lang)
        for code, text in zip(codes.astype(object), written.astype(object), strict=True)
    ]
    return pd.Series(shown, index=incidents.index, dtype="str", name="category")
