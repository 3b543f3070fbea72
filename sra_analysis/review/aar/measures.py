"""Measures particular to a category, added to the recommended action where it is generic.

The rules of :mod:`~sra_analysis.review.aar.improvements` say *what to change in the SRA*
(add a threat, extend or raise an item) the same way for every threat. For some categories
(codes of :mod:`sra_analysis.vocabulary`) the posture needs a measure of its own as well; this
table holds them, one label each (``aar.measure.<code>``, in English and Bahasa Indonesia),
written for the rings of the improvement:

======================  ===========================================================
category                measure
======================  ===========================================================
``protest``             negotiation team and a barrier line at the rings
``infrastructure``      generator and backup power checked before the plenary opens
``disinformation``      the cyber unit and public information, before and during
``suspicious_object``   the rings swept by the bomb squad (Jibom) before they open
``unauthorised_entry``  identity and accreditation checked at the rings' gates
``intrusion``           accreditation checked again at the door of the rings
======================  ===========================================================
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

from sra_analysis.review.aar.text import Items, Statement

#: An :class:`~sra_analysis.review.aar.improvements.Improvement` (named here by its fields
#: only: that module calls this one).
Finding = TypeVar("Finding")

__all__ = ["MEASURE_CATEGORIES", "MEASURE_KINDS", "with_measures"]

#: Categories with a measure of their own (label ``aar.measure.<code>``), in the order shown.
MEASURE_CATEGORIES = (
    "protest",
    "infrastructure",
    "disinformation",
    "suspicious_object",
    "unauthorised_entry",
    "intrusion",
)
#: Improvement kinds whose action is generic and takes the measures.
MEASURE_KINDS = ("missed", "unanticipated")


def with_measures(improvement: Finding) -> Finding:
    """``improvement`` with the measures of its categories after its recommended action;
    itself when its kind (:data:`MEASURE_KINDS`) or its categories take none.

    The action becomes the statement ``action.with_measures``: the rule's action, then one
    sentence per category of :data:`MEASURE_CATEGORIES`, for the rings the action names.
    """
    if improvement.kind not in MEASURE_KINDS:
        return improvement
    action = improvement.recommended_action
    categories = improvement.statement.values.get("categories")
    codes = [c for c in MEASURE_CATEGORIES if c in getattr(categories, "codes", ())]
    if not codes:
        return improvement
    rings = action.values.get("rings")
    measures = Items(tuple(Statement(f"measure.{c}", {"rings": rings}) for c in codes), " ")
    combined = Statement("action.with_measures", {"action": action, "measures": measures})
    return dataclasses.replace(improvement, recommended_action=combined)
