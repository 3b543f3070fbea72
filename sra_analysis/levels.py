"""Ordered scales used throughout the review: risk levels and incident severity.

Defined here once, so every table and chart sorts ``low < medium < high < extreme`` and
``1 < 2 < ... < 5`` the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError

__all__ = [
    "DEFAULT_RISK_BANDS",
    "NO_RISK_LEVEL",
    "SEVERITY_DTYPE",
    "SEVERITY_SCALE",
    "RiskLevels",
]

#: Incident severity runs from 1 (minor) to 5 (critical).
SEVERITY_SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
SEVERITY_DTYPE = pd.CategoricalDtype(list(SEVERITY_SCALE), ordered=True)

#: The default SRA banding of score = likelihood × impact.
DEFAULT_RISK_BANDS: dict[str, tuple[int, int]] = {
    "low": (1, 4),
    "medium": (5, 9),
    "high": (10, 14),
    "extreme": (15, 25),
}

#: Level given to a window that no register item covers (score 0).
NO_RISK_LEVEL = "none"


@dataclass(frozen=True)
class RiskLevels:
    """The banding of risk scores (likelihood × impact, 1–25) into named, ordered levels.

    Parameters
    ----------
    bands : tuple of (name, low, high)
        Inclusive score ranges from the lowest level to the highest. They must be
        contiguous, non-overlapping and cover 1–25.

    Examples
    --------
    >>> levels = RiskLevels.from_mapping({"low": [1, 4], "medium": [5, 9],
    ...                                   "high": [10, 14], "extreme": [15, 25]})
    >>> levels.names
    ('none', 'low', 'medium', 'high', 'extreme')
    >>> list(levels.level_of([0, 4, 5, 12, 25]))
    ['none', 'low', 'medium', 'high', 'extreme']
    """

    bands: tuple[tuple[str, int, int], ...]

    def __post_init__(self) -> None:
        if not self.bands:
            raise ParameterError("risk_levels must name at least one level")
        expected_low = 1
        seen: set[str] = set()
        for name, low, high in self.bands:
            if name in seen or name == NO_RISK_LEVEL:
                raise ParameterError(
                    f"risk_levels: level name {name!r} is repeated or reserved "
                    f"({NO_RISK_LEVEL!r} is the level of an uncovered window)"
                )
            seen.add(name)
            if low != expected_low:
                raise ParameterError(
                    f"risk_levels: level {name!r} starts at {low}, expected {expected_low} "
                    "(bands must be contiguous and start at 1)"
                )
            if high < low:
                raise ParameterError(f"risk_levels: level {name!r} has high {high} < low {low}")
            expected_low = high + 1
        if expected_low != 26:
            raise ParameterError(
                f"risk_levels: the highest band ends at {expected_low - 1}, expected 25 "
                "(likelihood × impact runs from 1 to 25)"
            )

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Iterable[int]] | None) -> RiskLevels:
        """Build from ``{"low": [1, 4], ...}`` as written in ``event.yaml``; None → default."""
        if mapping is None:
            mapping = DEFAULT_RISK_BANDS
        if not isinstance(mapping, Mapping):
            raise ParameterError(
                f"risk_levels must map level names to [low, high], got {mapping!r}"
            )
        bands = []
        for name, bounds in mapping.items():
            if isinstance(bounds, str) or not isinstance(bounds, Iterable):
                raise ParameterError(
                    f"risk_levels: level {name!r} must be [low, high], got {bounds!r}"
                )
            bounds = list(bounds)
            if len(bounds) != 2:
                raise ParameterError(
                    f"risk_levels: level {name!r} must be [low, high], got {bounds!r}"
                )
            bands.append((str(name), int(bounds[0]), int(bounds[1])))
        bands.sort(key=lambda band: band[1])
        return cls(tuple(bands))

    @property
    def names(self) -> tuple[str, ...]:
        """Level names from lowest to highest, starting with ``"none"`` (no register item)."""
        return (NO_RISK_LEVEL, *(name for name, _, _ in self.bands))

    @property
    def dtype(self) -> pd.CategoricalDtype:
        """Ordered categorical dtype of the level names."""
        return pd.CategoricalDtype(list(self.names), ordered=True)

    def to_dict(self) -> dict[str, list[int]]:
        """The banding as written in ``event.yaml``."""
        return {name: [low, high] for name, low, high in self.bands}

    def level_of(self, scores) -> pd.Categorical:
        """Level of each score; 0 (no covering register item) is ``"none"``."""
        scores = np.asarray(scores, dtype=float)
        edges = np.array([low for _, low, _ in self.bands], dtype=float)
        codes = np.searchsorted(edges, scores, side="right")
        codes = np.where(np.isnan(scores), -1, codes)
        return pd.Categorical.from_codes(codes, dtype=self.dtype)

    def rank(self, level: str) -> int:
        """Position of ``level`` in :attr:`names`; raises for an unknown name."""
        if level not in self.names:
            raise ParameterError(f"flag_level must be one of {list(self.names[1:])}, got {level!r}")
        return self.names.index(level)
