"""Field vocabularies: the incident categories offices log, as codes with labels in both
languages (:mod:`sra_analysis.vocabulary.categories`), read from the bundled
``categories.yaml`` and an office's own files (:mod:`sra_analysis.vocabulary.files`), shown
by their labels (:mod:`sra_analysis.vocabulary.display`)."""

from __future__ import annotations

from sra_analysis.vocabulary.categories import (
    OTHER,
    Category,
    CategoryVocabulary,
    fold_category,
)
from sra_analysis.vocabulary.display import category_choices, category_labels
from sra_analysis.vocabulary.files import (
    CATEGORIES_ENV,
    bundled_vocabulary,
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
