"""Episodes of unrest: when a synthetic event's incidents cluster in time and across rings.

Real disruptions are not independent ring-hours: a demonstration lasts hours, spills into the
adjacent ring and flares up again after a lull. :class:`EpisodeProcess` plants that
dependence. Episodes start in each ring at random (a Poisson process of ``onset_rate`` per
ring-hour), last ``duration_hours``, spill into an adjacent ring with chance ``spill_share``
(over the same hours, starting up to an hour later) and flare up again in the same ring with
chance ``flare_share``, ``flare_gap_hours`` after they end, for ``flare_duration_hours``.

The episodes modulate the planted rate without changing its mean: a ring-hour's rate is
multiplied by ``1 - weight + weight * active / coverage``, where ``active`` is 1 inside an
episode and ``coverage`` the share of the event's ring-hours inside one (the multiplier
averages 1 over the event). ``weight`` sets the strength: 0 is the independent ring-hours of
the plain Poisson model, 1 puts every incident inside an episode. Episodes are drawn
independently of the register, so the rate by predicted level stays the planted one; what
changes is how the incidents of one event cluster (a Cox process: Neyman & Scott 1958, with
the register's level as the covariate).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sra_analysis.errors import ParameterError

__all__ = ["DEFAULT_EPISODES", "EPISODE_KINDS", "EpisodeProcess", "draw_episodes"]

#: How an episode began: on its own, spilled from an adjacent ring, or flared up again.
EPISODE_KINDS = ("onset", "spill", "flare")


@dataclass(frozen=True)
class EpisodeProcess:
    """How incidents cluster in a synthetic event (see the module docstring).

    Parameters
    ----------
    onset_rate : float
        Episodes starting per ring-hour.
    duration_hours : (int, int)
        Shortest and longest episode, whole hours (uniform).
    spill_share : float
        Chance that an episode spills into an adjacent ring.
    flare_share : float
        Chance that an episode flares up again in its ring.
    flare_gap_hours, flare_duration_hours : (int, int)
        Lull before a flare-up and its length, whole hours (uniform).
    weight : float
        Share of the planted rate that comes in episodes, in [0, 1].

    Examples
    --------
    >>> EpisodeProcess(weight=1.5)
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: weight must lie in [0, 1], got 1.5
    """

    onset_rate: float = 0.03
    duration_hours: tuple[int, int] = (2, 5)
    spill_share: float = 0.5
    flare_share: float = 0.4
    flare_gap_hours: tuple[int, int] = (1, 6)
    flare_duration_hours: tuple[int, int] = (1, 3)
    weight: float = 0.8

    def __post_init__(self) -> None:
        for name in ("spill_share", "flare_share", "weight"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ParameterError(f"{name} must lie in [0, 1], got {value!r}")
        if not self.onset_rate >= 0:
            raise ParameterError(f"onset_rate must be ≥ 0, got {self.onset_rate!r}")
        for name in ("duration_hours", "flare_gap_hours", "flare_duration_hours"):
            low, high = getattr(self, name)
            if not 1 <= low <= high:
                raise ParameterError(f"{name} must satisfy 1 ≤ low ≤ high, got {(low, high)!r}")

    def to_dict(self) -> dict:
        """Plain JSON-ready form."""
        return {
            "model": "rate * (1 - weight + weight * in_episode / share_of_ring_hours_in_episodes)",
            "onset_rate_per_ring_hour": self.onset_rate,
            "duration_hours": list(self.duration_hours),
            "spill_share": self.spill_share,
            "flare_share": self.flare_share,
            "flare_gap_hours": list(self.flare_gap_hours),
            "flare_duration_hours": list(self.flare_duration_hours),
            "weight": self.weight,
        }


#: The episodes planted unless told otherwise.
DEFAULT_EPISODES = EpisodeProcess()


def _span(rng: np.random.Generator, bounds: tuple[int, int], n: int) -> np.ndarray:
    return rng.integers(bounds[0], bounds[1] + 1, n)


def draw_episodes(
    rng: np.random.Generator, n_rings: int, hours: int, process: EpisodeProcess
) -> dict[str, np.ndarray]:
    """Draw the episodes of one event and the rate multiplier they give each ring-hour.

    Rings are positions 0..n_rings-1 (adjacent positions are adjacent rings), hours count from
    the event start; episodes are clipped to the event.

    Returns
    -------
    dict
        ``ring``, ``start``, ``end`` (hours, end exclusive), ``kind`` (index into
        :data:`EPISODE_KINDS`), ``parent`` (row of the episode it came from, -1 for an
        onset), one entry per episode; ``active`` (bool, rings × hours) and ``multiplier``
        (float, rings × hours, mean 1).

    Examples
    --------
    >>> drawn = draw_episodes(np.random.default_rng(1), 3, 48, EpisodeProcess())
    >>> drawn["active"].shape, round(float(drawn["multiplier"].mean()), 6)
    ((3, 48), 1.0)
    """
    n_onsets = rng.poisson(process.onset_rate * n_rings * hours)
    ring = rng.integers(0, n_rings, n_onsets)
    start = rng.integers(0, hours, n_onsets)
    end = start + _span(rng, process.duration_hours, n_onsets)
    kind = np.zeros(n_onsets, np.int64)
    parent = np.full(n_onsets, -1, np.int64)

    spills = np.flatnonzero(rng.random(n_onsets) < process.spill_share) if n_rings > 1 else []
    spills = np.asarray(spills, np.int64)
    step = np.where(rng.random(spills.size) < 0.5, -1, 1)
    neighbour = ring[spills] + step
    neighbour = np.where((neighbour < 0) | (neighbour >= n_rings), ring[spills] - step, neighbour)
    delay = rng.integers(0, 2, spills.size)
    flares = np.flatnonzero(rng.random(n_onsets) < process.flare_share)
    flare_start = end[flares] + _span(rng, process.flare_gap_hours, flares.size)

    ring = np.concatenate([ring, neighbour, ring[flares]])
    start = np.concatenate([start, start[spills] + delay, flare_start])
    end = np.concatenate(
        [end, end[spills] + delay,
         flare_start + _span(rng, process.flare_duration_hours, flares.size)]
    )  # fmt: skip
    kind = np.concatenate([kind, np.full(spills.size, 1), np.full(flares.size, 2)])
    parent = np.concatenate([parent, spills, flares])
    start, end = np.minimum(start, hours), np.minimum(end, hours)
    keep = end > start
    ring, start, end, kind, parent = ring[keep], start[keep], end[keep], kind[keep], parent[keep]
    renumber = np.cumsum(keep) - 1  # parents are onsets, always kept (start < hours)
    parent = np.where(parent >= 0, renumber[np.maximum(parent, 0)], -1)

    active = np.zeros((n_rings, hours), dtype=bool)
    hour = np.arange(hours)
    for r, s, e in zip(ring, start, end, strict=True):
        active[r] |= (hour >= s) & (hour < e)
    coverage = active.mean() if active.size else 0.0
    multiplier = np.ones((n_rings, hours))
    if coverage > 0:
        multiplier = 1.0 - process.weight + process.weight * active / coverage
    return {
        "ring": ring.astype(np.int64),
        "start": start.astype(np.int64),
        "end": end.astype(np.int64),
        "kind": kind.astype(np.int64),
        "parent": parent,
        "active": active,
        "multiplier": multiplier,
    }
