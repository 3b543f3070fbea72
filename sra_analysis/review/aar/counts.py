"""One definition of each count a review shows, so verdict, tiles and findings agree.

Two things are counted and never mixed:

- **disruptions** — incidents that disrupted the proceedings, reported between the event's
  start and end (``Evaluation.totals["disruptions_in_windows"]``, ``Counts.disruptions``);
- **disrupted ring-hours** — windows (one ring × one time block, an hour by default) with at
  least one disruption (``Counts.observed``; flagged ones are ``Counts.hits``, the others
  ``Counts.misses``).

Two disruptions in the same ring and hour are two disruptions and one disrupted ring-hour.
The verdict judges ring-hours, the tiles show both, each under its own label
(``aar.count.*``), and the findings say which one they mean.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from sra_analysis.review.parts import ReviewParts

__all__ = ["ReviewCounts", "review_counts"]


@dataclass(frozen=True)
class ReviewCounts:
    """The counts of one review (module docstring).

    Attributes
    ----------
    incidents : float
        Incidents reported between start and end.
    disruptions, disruptions_flagged, disruptions_missed : float
        Disruptions; those in ring-hours rated at or above the flag level; the others.
    disrupted_ring_hours, disrupted_ring_hours_flagged, disrupted_ring_hours_missed : int
        Windows with a disruption; flagged (hits); not flagged (misses).
    flagged_ring_hours, ring_hours : float
    """

    incidents: float
    disruptions: float
    disruptions_flagged: float
    disruptions_missed: float
    disrupted_ring_hours: int
    disrupted_ring_hours_flagged: int
    disrupted_ring_hours_missed: int
    flagged_ring_hours: float
    ring_hours: float

    def to_dict(self) -> dict:
        return asdict(self)


def review_counts(parts: ReviewParts) -> ReviewCounts:
    """The :class:`ReviewCounts` of an evaluation (or its parts).

    Examples
    --------
    >>> from sra_analysis import evaluate, load_event
    >>> from sra_analysis.resources import sample_dir
    >>> review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0)
    >>> c = review_counts(review)
    >>> c.disrupted_ring_hours == review.verdict.skill.observed
    True
    >>> c.disruptions == c.disruptions_flagged + c.disruptions_missed
    True
    """
    counts = parts.prediction.counts
    return ReviewCounts(
        incidents=float(parts.totals["incidents_in_windows"]),
        disruptions=float(counts.disruptions),
        disruptions_flagged=float(counts.disruptions_in_flagged),
        disruptions_missed=float(counts.disruptions - counts.disruptions_in_flagged),
        disrupted_ring_hours=int(counts.observed),
        disrupted_ring_hours_flagged=int(counts.hits),
        disrupted_ring_hours_missed=int(counts.misses),
        flagged_ring_hours=float(counts.flagged_hours),
        ring_hours=float(counts.total_hours),
    )
