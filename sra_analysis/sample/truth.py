"""The ground truth planted in a synthetic event (see :mod:`sra_analysis.sample`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from sra_analysis.errors import ParameterError
from sra_analysis.levels import DEFAULT_RISK_BANDS, NO_RISK_LEVEL
from sra_analysis.sample.episodes import DEFAULT_EPISODES, EpisodeProcess
from sra_analysis.sample.vocabulary import UNANTICIPATED_CATEGORIES

__all__ = ["DEFAULT_GROUND_TRUTH", "LEVEL_NAMES", "GroundTruth"]

#: Level names from no covering register item to the highest band.
LEVEL_NAMES: tuple[str, ...] = (NO_RISK_LEVEL, *DEFAULT_RISK_BANDS)


def _default_rates() -> dict[str, float]:
    return {"none": 0.01, "low": 0.02, "medium": 0.08, "high": 0.25, "extreme": 0.6}


def _default_severity_p() -> dict[str, float]:
    return {"none": 0.15, "low": 0.2, "medium": 0.3, "high": 0.4, "extreme": 0.5}


@dataclass(frozen=True)
class GroundTruth:
    """What a synthetic event is generated from, so that an analysis can try to recover it.

    Parameters
    ----------
    rate_by_level : dict of str to float
        Expected incidents per ring-hour at planned staffing, by the predicted risk level of
        the ring-hour (``"none"`` when no register item covers it).
    staffing_elasticity : float
        The rate is multiplied by ``(mean_staff / planned_on_duty) ** -staffing_elasticity``.
    staffing_ratio_bounds : (float, float)
        The staffing ratio is clipped to these bounds first (an empty ring is not infinite).
    severity_p_by_level : dict of str to float
        Severity is ``1 + Binomial(4, p)`` with ``p`` taken by level.
    disruption_probability : tuple of 5 floats
        Chance that an incident of severity 1..5 disrupted the proceedings.
    unanticipated_share : float
        Chance that an incident in a covered ring-hour has no ``risk_id``.
    span_share : float
        Chance that an incident has an ``occurred_from``/``occurred_to`` span.
    attendance : float
        Chance that a rostered officer works the shift, in a normally staffed ring-shift.
    understaffed_share : float
        Chance that a ring-shift is under-staffed.
    understaffed_attendance : (float, float)
        Range of the attendance chance in an under-staffed ring-shift.
    probability_noise : float
        Standard deviation of the noise added to the log-odds of a register ``probability``.
    level_hours : dict of str to int, optional
        A register template instead of the drawn register: of every 24 hours of each ring,
        this many are rated at each level (all of :data:`LEVEL_NAMES`, summing to 24; a last
        partial day gets its share, rounded by largest remainder), as one-level blocks in a
        random order, one register item per block; ``none`` hours are covered by no item.
        Every event made with it then flags the same share of its ring-hours.
    missed_category : str, optional
        An incident category no SRA item anticipates (one of
        :data:`~sra_analysis.sample.vocabulary.UNANTICIPATED_CATEGORIES`): each incident,
        whatever its ring-hour, is of this category with chance ``missed_share`` and then
        has a blank ``risk_id``. Thinning keeps every rate ratio between levels.
    missed_share : float
        That chance; 0 unless ``missed_category`` is given.
    episodes : EpisodeProcess or None
        How incidents cluster: episodes with durations, spill-over into the adjacent ring and
        flare-ups, which modulate the rate without changing its mean
        (:mod:`sra_analysis.sample.episodes`). None draws every ring-hour independently.

    Examples
    --------
    >>> truth = GroundTruth()
    >>> truth.rate_by_level["high"]
    0.25
    >>> round(truth.window_probability("high"), 4)
    0.0384
    >>> GroundTruth(rate_by_level={"low": 1.0})
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: rate_by_level must give a rate ≥ 0 for each of ...
    """

    rate_by_level: Mapping[str, float] = field(default_factory=_default_rates)
    staffing_elasticity: float = 0.5
    staffing_ratio_bounds: tuple[float, float] = (0.25, 4.0)
    severity_p_by_level: Mapping[str, float] = field(default_factory=_default_severity_p)
    disruption_probability: tuple[float, ...] = (0.0, 0.02, 0.1, 0.6, 0.9)
    unanticipated_share: float = 0.15
    span_share: float = 0.08
    attendance: float = 0.97
    understaffed_share: float = 0.2
    understaffed_attendance: tuple[float, float] = (0.45, 0.75)
    probability_noise: float = 0.3
    level_hours: Mapping[str, int] | None = None
    missed_category: str | None = None
    missed_share: float = 0.0
    episodes: EpisodeProcess | None = DEFAULT_EPISODES

    def __post_init__(self) -> None:
        for name in ("rate_by_level", "severity_p_by_level"):
            values = getattr(self, name)
            upper = math.inf if name == "rate_by_level" else 1.0
            if set(values) != set(LEVEL_NAMES) or not all(
                0 <= float(values[level]) <= upper for level in LEVEL_NAMES
            ):
                raise ParameterError(
                    f"{name} must give a rate ≥ 0 for each of {list(LEVEL_NAMES)}"
                    + ("" if upper == math.inf else " (at most 1)")
                    + f", got {dict(values)!r}"
                )
        chances = {
            "unanticipated_share": self.unanticipated_share,
            "span_share": self.span_share,
            "attendance": self.attendance,
            "understaffed_share": self.understaffed_share,
            "missed_share": self.missed_share,
        }
        for index, value in enumerate(self.disruption_probability, start=1):
            chances[f"disruption_probability[severity {index}]"] = value
        for name, value in chances.items():
            if not 0 <= value <= 1:
                raise ParameterError(f"{name} must lie in [0, 1], got {value!r}")
        if len(self.disruption_probability) != 5:
            raise ParameterError(
                "disruption_probability must give 5 chances (severity 1..5), "
                f"got {self.disruption_probability!r}"
            )
        low, high = self.understaffed_attendance
        if not 0 <= low <= high <= 1:
            raise ParameterError(
                f"understaffed_attendance must satisfy 0 ≤ low ≤ high ≤ 1, got {(low, high)!r}"
            )
        low, high = self.staffing_ratio_bounds
        if not 0 < low <= 1 <= high:
            raise ParameterError(
                f"staffing_ratio_bounds must satisfy 0 < low ≤ 1 ≤ high, got {(low, high)!r}"
            )
        self._check_template()

    def _check_template(self) -> None:
        hours = self.level_hours
        if hours is not None and (
            set(hours) != set(LEVEL_NAMES)
            or not all(isinstance(hours[k], (int, np.integer)) and hours[k] >= 0 for k in hours)
            or sum(int(v) for v in hours.values()) != 24
        ):
            raise ParameterError(
                f"level_hours must give whole hours ≥ 0 for each of {list(LEVEL_NAMES)}, "
                f"summing to 24, got {dict(hours)!r}"
            )
        if self.missed_category is None:
            if self.missed_share:
                raise ParameterError(
                    f"missed_share needs a missed_category, got share {self.missed_share!r}"
                )
        elif self.missed_category not in UNANTICIPATED_CATEGORIES:
            raise ParameterError(
                f"missed_category must be one no SRA threat names, one of "
                f"{list(UNANTICIPATED_CATEGORIES)}, got {self.missed_category!r}"
            )

    def severity_distribution(self, level: str) -> np.ndarray:
        """Chance of severity 1..5 for an incident in a ring-hour of ``level``."""
        p = float(self.severity_p_by_level[level])
        return np.array([math.comb(4, k) * p**k * (1 - p) ** (4 - k) for k in range(5)])

    def disruption_chance(self, level: str) -> float:
        """Chance that an incident in a ring-hour of ``level`` disrupted the proceedings."""
        return float(self.severity_distribution(level) @ np.asarray(self.disruption_probability))

    def window_probability(self, level: str) -> float:
        """Chance of at least one disruption in a ring-hour of ``level`` at planned staffing."""
        return 1.0 - math.exp(-self.rate_by_level[level] * self.disruption_chance(level))

    def to_dict(self) -> dict:
        """Plain JSON-ready form, with the derived per-level window probabilities."""
        body = {
            "rate_by_level": {k: float(self.rate_by_level[k]) for k in LEVEL_NAMES},
            "rate_unit": "incidents per ring-hour at planned staffing",
            "staffing_effect": "rate * clip(mean_staff / planned_on_duty, *bounds) ** -elasticity",
            "staffing_elasticity": self.staffing_elasticity,
            "staffing_ratio_bounds": list(self.staffing_ratio_bounds),
            "severity": "1 + Binomial(4, severity_p_by_level[level])",
            "severity_p_by_level": {k: float(self.severity_p_by_level[k]) for k in LEVEL_NAMES},
            "disruption_probability_by_severity": {
                str(s): p for s, p in enumerate(self.disruption_probability, start=1)
            },
            "window_probability_by_level": {
                k: round(self.window_probability(k), 6) for k in LEVEL_NAMES
            },
            "unanticipated_share": self.unanticipated_share,
            "span_share": self.span_share,
            "attendance": self.attendance,
            "understaffed_share": self.understaffed_share,
            "understaffed_attendance": list(self.understaffed_attendance),
            "probability_noise": self.probability_noise,
        }
        if self.level_hours is not None:  # only when set: older ground_truth.json unchanged
            body["register_template_hours_per_day"] = {
                k: int(self.level_hours[k]) for k in LEVEL_NAMES
            }
        if self.missed_category is not None:
            body["missed_category"] = self.missed_category
            body["missed_share"] = self.missed_share
        body["episodes"] = None if self.episodes is None else self.episodes.to_dict()
        return body


#: The truth planted unless told otherwise.
DEFAULT_GROUND_TRUTH = GroundTruth()
