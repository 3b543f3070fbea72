"""The truth planted across a province of synthetic events, for checking the roll-up.

``generate_province(..., planted_rollup=True)`` (``sra-review sample OUT --events N
--planted-rollup``) makes every event from one :class:`ProvinceTruth`:

* **One rate ratio per level step.** In an ordinary event the incident rate of a ring-hour
  is ``base_rate × event_factor × level_ratio ** rank`` (rank: none 0, low 1, medium 2,
  high 3, extreme 4), times the staffing factor of :class:`GroundTruth`. Severity does not
  depend on the level (``severity_p`` at every level), so disruptions are a fixed share of
  incidents and their rate ratio per step is ``level_ratio`` too. ``event_factor`` is
  ``exp(N(0, event_sd))``, drawn per event: events differ in volume, not in the ratio. The
  staffing factor is drawn per ring-shift independently of the SRA, so it changes volumes,
  never the ratio between levels; the same holds for the event factor. This is the value
  a Poisson model of counts on the level rank with ring terms and ``log(hours)`` offset
  (:func:`sra_analysis.rollup.level_rate_ratio`) estimates, over the ordinary events.
* **One register template.** Every SRA rates the same hours of each ring-day at each level
  (``level_hours``; by default 2 none, 4 low, 12 medium, 4 high, 2 extreme: a quarter of
  the ring-hours flagged at ``high``), in blocks at random times. Events thus differ in
  where their SRA puts its levels, not in how much it flags, and an event's capture (share
  of disrupted windows that were flagged) measures its SRA's quality alone.
* **A category every SRA misses.** ``missed_category`` (default ``drone``, a category no
  SRA threat names): each incident is of it with chance ``missed_share``, in any ring-hour,
  and never carries a ``risk_id``.
* **A few much better and much worse SRAs.** In a *better* event the rate of unflagged
  ring-hours (below ``high``) is ``better_unflagged_factor`` times the ordinary one: its
  disruptions concentrate in its flagged windows. In a *worse* event the rate is the same
  at every level: its levels say nothing about where disruptions happen. Both keep the
  ordinary event's expected volume for the template. Unless named, the outliers are the
  ``2 × outliers`` events of the plan with the most ring-hours (the funnel can see them
  best), alternately worse and better, largest first.

``province_truth.json`` in the output folder holds all of it, and each event's
``ground_truth.json`` its own rates and role (``planted.rollup``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError
from sra_analysis.sample.truth import LEVEL_NAMES, GroundTruth

__all__ = ["ROLES", "ProvinceTruth"]

#: What an event's SRA is in a planted province.
ROLES: tuple[str, ...] = ("ordinary", "better", "worse")
_FLAG_RANK = LEVEL_NAMES.index("high")  # the generator writes flag_level: high


def _default_hours() -> dict[str, int]:
    return {"none": 2, "low": 4, "medium": 12, "high": 4, "extreme": 2}


@dataclass(frozen=True)
class ProvinceTruth:
    """What a planted province is generated from (see :mod:`sra_analysis.sample.province_truth`).

    Parameters
    ----------
    level_ratio : float
        Incident (and disruption) rate ratio per level step in an ordinary event.
    base_rate : float
        Incidents per ring-hour at level ``none`` and planned staffing, event factor 1.
    event_sd : float
        Standard deviation of the log of each event's volume factor.
    severity_p : float
        Severity is ``1 + Binomial(4, severity_p)`` at every level.
    level_hours : dict of str to int
        The register template: hours of each ring-day at each level, summing to 24.
    missed_category : str
        The category no SRA anticipates.
    missed_share : float
        Chance that an incident is of ``missed_category``.
    better_events, worse_events : tuple of str
        Event ids of the much better and much worse SRAs; both empty: chosen from the plan
        (:meth:`with_outliers`).
    outliers : int
        How many of each kind are chosen when none is named.
    better_unflagged_factor : float
        A better event's rate below ``high``, relative to the ordinary rate.

    Examples
    --------
    >>> truth = ProvinceTruth(level_ratio=2.0, base_rate=0.1)
    >>> truth.rate_by_level("ordinary")
    {'none': 0.1, 'low': 0.2, 'medium': 0.4, 'high': 0.8, 'extreme': 1.6}

    A worse SRA's rate is flat at the ordinary average over the template,
    (2 × 0.1 + 4 × 0.2 + 12 × 0.4 + 4 × 0.8 + 2 × 1.6) / 24 = 12.2 / 24:

    >>> round(truth.rate_by_level("worse")["high"], 4), round(12.2 / 24, 4)
    (0.5083, 0.5083)
    >>> ProvinceTruth(level_ratio=0)
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: level_ratio must be a number > 0, got 0
    """

    level_ratio: float = 2.5
    base_rate: float = 0.05
    event_sd: float = 0.25
    severity_p: float = 0.6
    level_hours: Mapping[str, int] = field(default_factory=_default_hours)
    missed_category: str = "drone"
    missed_share: float = 0.1
    better_events: tuple[str, ...] = ()
    worse_events: tuple[str, ...] = ()
    outliers: int = 2
    better_unflagged_factor: float = 0.1

    def __post_init__(self) -> None:
        for name in ("level_ratio", "base_rate"):
            value = getattr(self, name)
            if not _number(value) or value <= 0:
                raise ParameterError(f"{name} must be a number > 0, got {value!r}")
        for name, low, high in (("event_sd", 0, math.inf), ("severity_p", 0, 1),
                                ("better_unflagged_factor", 0, 1)):  # fmt: skip
            value = getattr(self, name)
            if not _number(value) or not low <= value <= high:
                raise ParameterError(f"{name} must lie in [{low}, {high}], got {value!r}")
        if not isinstance(self.outliers, int) or self.outliers < 0:
            raise ParameterError(f"outliers must be a whole number ≥ 0, got {self.outliers!r}")
        both = set(self.better_events) & set(self.worse_events)
        if both:
            raise ParameterError(f"events cannot be both better and worse: {sorted(both)}")
        GroundTruth(  # checks the template and the missed category before they are used
            level_hours=self.level_hours, missed_category=self.missed_category,
            missed_share=self.missed_share,
        )  # fmt: skip

    def role(self, event_id: str) -> str:
        """``"better"``, ``"worse"`` or ``"ordinary"``."""
        if event_id in self.better_events:
            return "better"
        return "worse" if event_id in self.worse_events else "ordinary"

    def rate_by_level(self, role: str, *, event_factor: float = 1.0) -> dict[str, float]:
        """Incidents per ring-hour at planned staffing, by level, for an event of ``role``."""
        if role not in ROLES:
            raise ParameterError(f"role must be one of {list(ROLES)}, got {role!r}")
        rank = np.arange(len(LEVEL_NAMES))
        share = np.array([self.level_hours[k] for k in LEVEL_NAMES], dtype=float) / 24
        ordinary = self.level_ratio**rank
        shape = {
            "ordinary": ordinary,
            "worse": np.ones(rank.size),
            "better": ordinary * np.where(rank < _FLAG_RANK, self.better_unflagged_factor, 1),
        }[role]
        scale = self.base_rate * event_factor * (share @ ordinary) / (share @ shape)
        return {k: round(float(scale * g), 12) for k, g in zip(LEVEL_NAMES, shape, strict=True)}

    def ground_truth(self, role: str, *, event_factor: float = 1.0) -> GroundTruth:
        """The :class:`GroundTruth` an event of ``role`` is generated from.

        Its rates are :meth:`rate_by_level`, severity ``severity_p`` at every level, its
        register the template ``level_hours``, and incidents have no ``occurred_from`` span
        (a span spreads an incident over earlier windows, of other levels) and no episodes
        (independent ring-hours, so that pooled window counts can be worked out by hand).
        """
        return GroundTruth(
            rate_by_level=self.rate_by_level(role, event_factor=event_factor),
            severity_p_by_level=dict.fromkeys(LEVEL_NAMES, float(self.severity_p)),
            span_share=0.0,
            level_hours=dict(self.level_hours),
            missed_category=self.missed_category,
            missed_share=self.missed_share,
            episodes=None,
        )

    @property
    def flagged_share(self) -> float:
        """Share of every event's ring-hours rated ``high`` or above."""
        return sum(self.level_hours[k] for k in LEVEL_NAMES[_FLAG_RANK:]) / 24

    def with_outliers(self, plan: pd.DataFrame) -> ProvinceTruth:
        """This truth with its outliers named for ``plan`` (:func:`province_plan`).

        Named outliers must be events of the plan. When none are named, the ``2 ×
        outliers`` events with the most ring-hours (rings × hours, plan order among equals)
        become worse, better, worse, better, ... from the largest.

        Raises
        ------
        ParameterError
            When a named event is not in the plan, or the plan has no ordinary event left.
        """
        ids = plan["event_id"].tolist()
        named = [*self.better_events, *self.worse_events]
        if named:
            unknown = [event_id for event_id in named if event_id not in ids]
            if unknown:
                raise ParameterError(
                    f"better_events and worse_events must be events of the plan "
                    f"({len(ids)} events: {ids[0]!r} ...), got unknown {unknown}"
                )
            chosen = self
        else:
            if len(ids) <= 2 * self.outliers:
                raise ParameterError(
                    f"a planted province needs more events than its 2 × {self.outliers} "
                    f"outliers, got {len(ids)} event(s)"
                )
            ring_hours = plan["rings"].to_numpy() * np.rint(plan["days"].to_numpy() * 24)
            largest = [ids[i] for i in np.argsort(-ring_hours, kind="stable")]
            picked = largest[: 2 * self.outliers]
            chosen = replace(self, worse_events=tuple(picked[0::2]),
                             better_events=tuple(picked[1::2]))  # fmt: skip
        if len({*chosen.better_events, *chosen.worse_events}) >= len(ids):
            raise ParameterError("a planted province needs at least one ordinary event")
        return chosen

    def event_factors(self, event_ids: list[str], *, seed: int) -> dict[str, float]:
        """Each event's volume factor ``exp(N(0, event_sd))``; the factors of the first n
        events do not depend on how many follow."""
        draws = np.random.default_rng([seed, 1]).normal(0.0, self.event_sd, len(event_ids))
        factors = np.round(np.exp(draws), 6)
        return {event_id: float(f) for event_id, f in zip(event_ids, factors, strict=True)}

    def to_dict(self) -> dict:
        """Plain JSON-ready form, with each role's rates at event factor 1."""
        return {
            "level_ratio": self.level_ratio,
            "level_ratio_applies_to": "ordinary events; incidents and disruptions alike",
            "rank": {k: i for i, k in enumerate(LEVEL_NAMES)},
            "base_rate": self.base_rate,
            "rate_unit": "incidents per ring-hour at planned staffing, event factor 1",
            "rate_by_level": {role: self.rate_by_level(role) for role in ROLES},
            "event_sd": self.event_sd,
            "severity_p": self.severity_p,
            "disruption_chance": round(self.ground_truth("ordinary").disruption_chance("none"), 6),
            "register_template_hours_per_day": {k: int(self.level_hours[k]) for k in LEVEL_NAMES},
            "flag_level": LEVEL_NAMES[_FLAG_RANK],
            "flagged_share": self.flagged_share,
            "missed_category": self.missed_category,
            "missed_share": self.missed_share,
            "better_events": list(self.better_events),
            "worse_events": list(self.worse_events),
            "better_unflagged_factor": self.better_unflagged_factor,
        }


def _number(value) -> bool:
    return isinstance(value, (int, float, np.number)) and not isinstance(value, bool)
