"""Ordered scales used throughout the review: risk levels and incident severity.

Defined here once, so every table and chart sorts ``low < medium < high < extreme`` and
``1 < 2 < ... < 5`` the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis.errors import ParameterError, check_argument

__all__ = [
    "DEFAULT_RISK_BANDS",
    "NO_RISK_LEVEL",
    "SEVERITY_DTYPE",
    "SEVERITY_SCALE",
    "SEVERITY_LEVELS",
    "RiskLevels",
    "check_flag_level",
    "check_risk_level",
    "check_severity",
    "severity_choice",
    "severity_level",
    "severity_name",
    "severity_scale",
]

#: Incident severity runs from 1 (negligible) to 5 (critical); the words of each step (a name
#: and a one-line description in English and Bahasa Indonesia) are the labels
#: ``severity.<n>`` and ``severity.<n>.help`` (:mod:`sra_analysis.labels.severity`).
SEVERITY_SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
#: The dtype of ``Event.incidents["severity"]``: the scale as an ordered categorical.
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

#: The default risk level a severity stands for, to set observed against predicted levels
#: in one square table: 1–2 low, 3 medium, 4 high, 5 extreme (no incident: ``"none"``).
SEVERITY_LEVELS: dict[int, str] = {1: "low", 2: "low", 3: "medium", 4: "high", 5: "extreme"}


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
        return self.names.index(check_risk_level(level, levels=self))


def _level_names(levels: RiskLevels | Sequence[str] | None) -> tuple[str, ...]:
    """Level names from lowest to highest, ``"none"`` first, of a banding or a name list."""
    if levels is None:
        return (NO_RISK_LEVEL, *DEFAULT_RISK_BANDS)
    if isinstance(levels, RiskLevels):
        return levels.names
    names = tuple(str(name) for name in levels)
    return names if names[:1] == (NO_RISK_LEVEL,) else (NO_RISK_LEVEL, *names)


def check_risk_level(
    level: object, *, levels: RiskLevels | Sequence[str] | None = None, name: str = "level"
) -> str:
    """``level`` when it names a risk level (``"none"`` included); raise otherwise.

    Parameters
    ----------
    level : object
        The value to check.
    levels : RiskLevels or sequence of str, optional
        The event's banding, or its level names from lowest to highest (as the categories
        of ``predicted_level``); the default banding when omitted.
    name : str, default "level"
        The argument's name, for the message.

    Raises
    ------
    ParameterError
        Naming the argument, the level names and the value received.

    Examples
    --------
    >>> check_risk_level("none")
    'none'
    >>> check_risk_level("severe", name="min_level")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: min_level must be one of ['none', 'low', 'medium', \
'high', 'extreme'], got 'severe'
    """
    return check_argument(name, _level_names(levels), level)


def check_flag_level(
    flag_level: object, *, levels: RiskLevels | Sequence[str] | None = None
) -> str:
    """``flag_level`` when it is a level a window can be flagged at; raise otherwise.

    Any level of the banding but ``"none"`` (flagging at ``"none"`` would flag every window).

    Parameters
    ----------
    flag_level : object
        The value to check.
    levels : RiskLevels or sequence of str, optional
        The event's banding, or its level names from lowest to highest; the default
        banding when omitted.

    Raises
    ------
    ParameterError
        Naming ``flag_level``, the levels it may take and the value received.

    Examples
    --------
    >>> check_flag_level("high")
    'high'
    >>> check_flag_level("none")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: flag_level must be one of ['low', 'medium', 'high', \
'extreme'], got 'none'
    """
    return check_argument("flag_level", _level_names(levels)[1:], flag_level)


def check_severity(severity: object, *, name: str = "severity") -> int:
    """``severity`` as an ``int`` when it is on the scale 1–5; raise otherwise.

    Parameters
    ----------
    severity : object
        The value to check; a whole number (``4`` or ``4.0``), never ``True``.
    name : str, default "severity"
        The argument's name, for the message.

    Raises
    ------
    ParameterError
        Naming the argument, the scale (:data:`SEVERITY_SCALE`) and the value received.

    Examples
    --------
    >>> check_severity(4)
    4
    >>> check_severity(6, name="disruption_severity")
    Traceback (most recent call last):
    ...
    sra_analysis.errors.ParameterError: disruption_severity must be one of [1, 2, 3, 4, 5], got 6
    """
    return int(check_argument(name, SEVERITY_SCALE, severity))


def severity_level(severity) -> pd.Categorical:
    """The default risk level each severity stands for (:data:`SEVERITY_LEVELS`).

    Missing values and 0 (a window without incidents) are ``"none"``; a value off the
    scale raises.

    Parameters
    ----------
    severity : array-like
        Severities, e.g. ``Event.incidents["severity"]`` or a windows table's
        ``max_severity``.

    Returns
    -------
    pandas.Categorical
        Of the default level names, ordered ``none < low < medium < high < extreme``.

    Examples
    --------
    >>> list(severity_level([0, 1, 2, 3, 4, 5]))
    ['none', 'low', 'low', 'medium', 'high', 'extreme']
    """
    values = pd.Series(severity)
    try:
        values = values.astype("float64")
    except TypeError:  # pd.NA among plain objects
        values = values.where(values.notna(), np.nan).astype("float64")
    values = values.fillna(0.0)
    off_scale = ~values.isin([0, *SEVERITY_SCALE])
    if off_scale.any():
        first = float(values[off_scale].iloc[0])
        check_severity(int(first) if first.is_integer() else first)
    names = _level_names(None)
    code_of = np.array([0, *(names.index(SEVERITY_LEVELS[s]) for s in SEVERITY_SCALE)])
    codes = code_of[values.to_numpy(dtype=np.int64)]
    return pd.Categorical.from_codes(codes, categories=list(names), ordered=True)


def severity_name(severity: object, lang: str = "en") -> str:
    """The name of a step of the severity scale in ``lang``.

    Examples
    --------
    >>> severity_name(4, "id")
    'berat'
    """
    from sra_analysis.labels import t

    return t(f"severity.{check_severity(severity)}", lang)


def severity_choice(severity: object, lang: str = "en") -> str:
    """A step as the template's drop-down shows it, number first: ``"3 – sedang"``.

    The loader reads it back as the number (and so the number typed alone).

    Examples
    --------
    >>> severity_choice(3, "id")
    '3 – sedang'
    """
    return f"{check_severity(severity)} – {severity_name(severity, lang)}"


def severity_scale(lang: str = "en") -> pd.DataFrame:
    """The severity scale in words: one row per step.

    Returns
    -------
    DataFrame
        ``severity`` (1–5), ``name`` and ``description`` in ``lang``.

    Examples
    --------
    >>> severity_scale("id")["name"].tolist()
    ['tidak berdampak', 'ringan', 'sedang', 'berat', 'sangat berat']
    """
    from sra_analysis.labels import t

    return pd.DataFrame(
        {
            "severity": list(SEVERITY_SCALE),
            "name": [t(f"severity.{s}", lang) for s in SEVERITY_SCALE],
            "description": [t(f"severity.{s}.help", lang) for s in SEVERITY_SCALE],
        }
    )
