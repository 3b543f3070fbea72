"""The after-action review: an evaluation turned into what a commander signs and acts on.

One concept per module: :mod:`~.counts` (one definition of each count), :mod:`~.episodes`
(the chronology), :mod:`~.strengths`, :mod:`~.improvements` (root cause and recommended
action), :mod:`~.summary` (the plain sentences), :mod:`~.text` (sentences rendered in
English or Bahasa Indonesia) and :mod:`~.review` (:class:`AfterActionReview`).
"""

from __future__ import annotations

from sra_analysis.review.aar.counts import ReviewCounts, review_counts
from sra_analysis.review.aar.episodes import MAX_GAP, MIN_SEVERITY, Episode, build_episodes
from sra_analysis.review.aar.improvements import (
    CAPABILITY_ELEMENTS,
    IMPROVEMENT_KINDS,
    PRIORITIES,
    Improvement,
    overflagged,
)
from sra_analysis.review.aar.review import AfterActionReview, after_action_review
from sra_analysis.review.aar.strengths import STRENGTH_KINDS, Strength
from sra_analysis.review.aar.summary import ANCHORS, SummaryLine
from sra_analysis.review.aar.text import Statement, category_text

__all__ = [
    "ANCHORS",
    "CAPABILITY_ELEMENTS",
    "IMPROVEMENT_KINDS",
    "MAX_GAP",
    "MIN_SEVERITY",
    "PRIORITIES",
    "STRENGTH_KINDS",
    "AfterActionReview",
    "Episode",
    "Improvement",
    "ReviewCounts",
    "Statement",
    "Strength",
    "SummaryLine",
    "after_action_review",
    "build_episodes",
    "category_text",
    "overflagged",
    "review_counts",
]
