"""Field vocabularies: the incident categories offices log, as codes with labels in both
languages (:mod:`sra_analysis.vocabulary.categories`)."""

from __future__ import annotations

from sra_analysis.vocabulary.categories import (
    CATEGORIES_ENV,
    OTHER,
    Category,
    CategoryVocabulary,
    bundled_vocabulary,
    category_choices,
    category_labels,
    fold_category,
    load_vocabulary,
    read_vocabulary_file,
)

__all__ = [
    "CATEGORIES_ENV",
    "OTHER",
    "Category",
    "CategoryVocabulary",
    "bundled_vocabulary",
    "category_choices",
    "category_labels",
    "fold_category",
    "load_vocabulary",
    "read_vocabulary_file",
]
