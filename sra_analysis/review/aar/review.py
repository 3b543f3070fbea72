"""The after-action review of one event, built from its evaluation.

Shaped like the reviews practitioners know (HSEEP's AAR/IP; Polri's Anev): a grade in a word
and a short summary, the chronology of episodes, strengths to sustain, areas for improvement
with their root cause and recommended action, and neutral notes. Every line rests on the
evaluation's numbers and speaks of plans and posture, never of people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from sra_analysis.review.aar.counts import ReviewCounts, review_counts
from sra_analysis.review.aar.episodes import (
    EPISODE_INCIDENT_COLUMNS,
    MAX_GAP,
    MIN_SEVERITY,
    Episode,
    build_episodes,
)
from sra_analysis.review.aar.improvements import (
    SLOW_RESPONSE_MINUTES,
    Improvement,
    find_improvements,
)
from sra_analysis.review.aar.strengths import Strength, find_strengths
from sra_analysis.review.aar.summary import ANCHORS, SummaryLine, summary_lines
from sra_analysis.review.aar.text import Items, Level, Rings, Span, Statement, count

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.parts import ReviewParts
    from sra_analysis.review.verdict import Verdict

__all__ = ["AfterActionReview", "after_action_review"]

_QUIET_PLACES = 3


@dataclass(frozen=True)
class AfterActionReview:
    """The after-action review of one event; ``to_dict()`` is ``summary.json``'s ``aar``.

    Attributes
    ----------
    grade : {"good", "mixed", "poor", "quiet"}
        The verdict's grade; :meth:`label` the word a commander reads.
    counts : ReviewCounts
        The one definition of each count (:mod:`sra_analysis.review.aar.counts`).
    summary : tuple of SummaryLine
        Three to six sentences of fact, each with the anchor of its evidence.
    episodes : tuple of Episode
        The chronology (:mod:`sra_analysis.review.aar.episodes`).
    incidents : DataFrame
        The chronology's significant incidents, one row each, with their episode
        (:data:`~sra_analysis.review.aar.episodes.EPISODE_INCIDENT_COLUMNS`).
    strengths : tuple of Strength
    improvements : tuple of Improvement
        High priority first.
    notes : tuple of Statement
        Neutral observations, such as the ring-hours rated high that stayed quiet.
    parameters : mapping
        ``min_severity`` and ``max_gap_minutes`` of the chronology.
    """

    grade: str
    counts: ReviewCounts
    summary: tuple[SummaryLine, ...]
    episodes: tuple[Episode, ...]
    incidents: pd.DataFrame
    strengths: tuple[Strength, ...]
    improvements: tuple[Improvement, ...]
    notes: tuple[Statement, ...] = ()
    parameters: dict = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        """The grade as a word: good / fair / poor / quiet, baik / cukup / kurang / tanpa
        gangguan."""
        from sra_analysis.labels import t

        return t(f"verdict.grade.{self.grade}", lang)

    def episode(self, episode_id: str) -> Episode:
        """The episode ``episode_id`` (``"E1"``, …)."""
        for episode in self.episodes:
            if episode.id == episode_id:
                return episode
        from sra_analysis.errors import ParameterError

        known = [e.id for e in self.episodes]
        raise ParameterError(f"episode must be one of {known}, got {episode_id!r}")

    def to_dict(self, *, lang: str = "en") -> dict:
        """``summary.json``'s ``aar``: texts in ``lang``, numbers as evidence."""
        return {
            "grade": self.grade,
            "label": self.label(lang),
            "counts": self.counts.to_dict(),
            "summary": [line.to_dict(lang=lang) for line in self.summary],
            "chronology": [episode.to_dict() for episode in self.episodes],
            "strengths": [s.to_dict(lang=lang) for s in self.strengths],
            "improvements": [i.to_dict(lang=lang) for i in self.improvements],
            "notes": [{"key": n.key, "text": n.text(lang)} for n in self.notes],
            "parameters": dict(self.parameters),
            "anchors": dict(ANCHORS),
        }


def _quiet_flagged(parts: ReviewParts) -> tuple[Statement, ...]:
    """The ring-hours rated at or above the flag level without a disruption, said neutrally
    with the sentence on deterrence; never an improvement on its own."""
    spans = parts.false_alarms
    if spans is None or spans.empty:
        return ()
    top = spans.sort_values(["hours", "start"], ascending=[False, True]).head(_QUIET_PLACES)
    places = tuple(
        Statement(
            "place",
            fragment=True,
            values={"ring": Rings((str(r.ring),), parts.meta), "span": Span(r.start, r.end)},
        )
        for r in top.itertuples(index=False)
    )
    values = {
        "hours": count(float(spans["hours"].sum())),
        "flag_level": Level(parts.flag_level),
        "places": Items(places),
    }
    return (Statement("note.quiet_flagged", values),)


def after_action_review(
    parts: ReviewParts,
    incidents: pd.DataFrame | None = None,
    *,
    verdict: Verdict,
    min_severity: int = MIN_SEVERITY,
    max_gap: pd.Timedelta | str = MAX_GAP,
) -> AfterActionReview:
    """Turn an evaluation into an after-action review.

    Parameters
    ----------
    parts : Evaluation or ReviewParts
        The evaluated event.
    incidents : DataFrame, optional
        The event's canonical incidents (``Event.incidents``); without them (a bare windows
        table) the review has no chronology and only the findings the windows support.
    verdict : Verdict
        The evaluation's verdict (its grade and skill).
    min_severity : int, default 3
        Incidents at or above it (and every disruption) enter the chronology.
    max_gap : Timedelta or str, default 2 hours
        Longest gap between two incidents of one episode.

    Returns
    -------
    AfterActionReview

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> aar = review.aar
    >>> aar.label("id") in {"baik", "cukup", "kurang", "tanpa gangguan"}
    True
    >>> all(i.recommended_action.text("id") for i in aar.improvements)
    True
    """
    if incidents is None or parts.meta is None:
        episodes, table = (), pd.DataFrame(columns=EPISODE_INCIDENT_COLUMNS)
    else:
        episodes, table = build_episodes(
            incidents, parts.windows, meta=parts.meta, min_severity=min_severity, max_gap=max_gap
        )
    strengths = find_strengths(
        parts, verdict, incidents=table, episodes=episodes,
        slow_response_minutes=SLOW_RESPONSE_MINUTES,
    )  # fmt: skip
    improvements = find_improvements(parts, verdict, incidents=table, episodes=episodes)
    counts = review_counts(parts)
    windows = parts.windows
    has_plan = bool((windows["flagged"] & windows["planned_staff"].notna()).any())
    summary = summary_lines(
        counts, meta=parts.meta, flag_level=parts.flag_level, episodes=episodes,
        strengths=strengths, improvements=improvements, has_plan=has_plan,
    )  # fmt: skip
    return AfterActionReview(
        grade=verdict.grade,
        counts=counts,
        summary=summary,
        episodes=episodes,
        incidents=table,
        strengths=strengths,
        improvements=improvements,
        notes=_quiet_flagged(parts),
        parameters={
            "min_severity": int(min_severity),
            "max_gap_minutes": pd.Timedelta(max_gap) / pd.Timedelta(minutes=1),
        },
    )
