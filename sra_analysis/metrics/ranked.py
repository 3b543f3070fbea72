"""The observed statistic of a rotation test ranked among its rotations.

:class:`RotationTest` is what :mod:`sra_analysis.metrics.rotation`'s tests return: offset 0,
the data as observed, ranked among all ``T`` offsets with a one-sided mid-p, ties broken by a
second statistic where one is given; :meth:`RotationTest.level` the size those offsets allow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["RotationTest"]


@dataclass(frozen=True)
class RotationTest:
    """The observed statistic ranked among its rotations.

    Attributes
    ----------
    statistic : float
        The statistic at offset 0, the data as observed.
    p_value : float
        One-sided mid-p: ``(greater + ties / 2) / n_offsets``; nan when the statistic is
        undefined (e.g. no disrupted cell).
    n_offsets : int
        Offsets tried, the blocks of the time axis.
    greater, ties : int
        Offsets whose statistic exceeds the observed one, and equals it (offset 0 included).
    null_mean, null_variance : float
        Mean and variance of the statistic over the offsets with a defined statistic.
    """

    statistic: float
    p_value: float
    n_offsets: int
    greater: int
    ties: int
    null_mean: float
    null_variance: float
    #: The statistic and tie-breaker of every offset with a defined statistic, for
    #: :meth:`level`; not part of the result's value.
    offsets: tuple[np.ndarray, np.ndarray | None] | None = field(
        default=None, repr=False, compare=False
    )

    def significant(self, alpha: float) -> bool:
        """True when ``p_value < alpha``."""
        return bool(self.p_value < alpha) if not math.isnan(self.p_value) else False

    def level(self, alpha: float) -> float:
        """The chance that this test is significant at ``alpha`` on this event when the
        disruptions are stationary round the wrapped time axis.

        The observation is then as likely to be any offset as offset 0: the level is the
        share of offsets whose mid-p, were that offset the observation, falls below
        ``alpha``. It is the test's exact size given the event's offsets: a mid-p over ``T``
        offsets without ties reaches ``alpha + 1 / (2T)`` at most, and ties move it either
        way. A rejection rate on nulls above the mean of this level measures what a finite,
        unwrapped event adds. nan when no offset has a defined statistic.

        Examples
        --------
        The offsets of the capture example catch 2, 2, 1, 0, 0, 0, 0, 1 flagged blocks:
        mid-p 1/8 for the two offsets catching 2, 3/8 for the two catching 1 and 6/8 for the
        other four. Below 0.2 fall two offsets of eight: the test's size at 0.2 is 0.25.

        >>> from sra_analysis.metrics import rotation_capture_test
        >>> test = rotation_capture_test([0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0, 0])
        >>> test.level(0.2), test.level(0.1)
        (0.25, 0.0)
        """
        if self.offsets is None:
            return math.nan
        _, sizes, above = _runs(*self.offsets)
        p_values = (above + 0.5 * sizes) / sizes.sum()
        return float(sizes[p_values < alpha].sum() / sizes.sum())


def _runs(
    values: np.ndarray, second: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The offsets in order, by the statistic and then the tie-breaker: a run of offsets equal
    on both shares one rank. Equal is on a tolerance: AUCs of rotations equal in exact
    arithmetic differ in the last bit.

    Returns each offset's run, each run's size, and how many offsets rank above each run
    (runs numbered from the lowest)."""
    keys = (values,) if second is None else (second, values)  # lexsort: last key first
    order = np.lexsort(keys)
    new_run = np.zeros(values.size, dtype=bool)
    new_run[0] = True
    for key in keys:
        scale = max(1.0, float(np.abs(key).max()))
        new_run[1:] |= np.abs(np.diff(key[order])) > 1e-12 * scale
    run = np.empty(values.size, dtype=np.int64)
    run[order] = np.cumsum(new_run) - 1
    sizes = np.bincount(run)
    return run, sizes, values.size - np.cumsum(sizes)


def _rank(values: np.ndarray, tiebreak: np.ndarray | None = None) -> RotationTest:
    """Rank offset 0 among all offsets; with ``tiebreak``, offsets whose statistic equals
    the observed one are ordered by it (lexicographic order), so only offsets equal on both
    count as ties."""
    observed = float(values[0])
    defined = ~np.isnan(values)
    if math.isnan(observed) or not defined.any():
        nan = math.nan
        return RotationTest(observed, nan, values.size, 0, 0, nan, nan)
    kept = values[defined]
    second = None
    if tiebreak is not None:
        second = tiebreak[defined].astype(float)
        finite = second[np.isfinite(second)]
        # an undefined tie-breaker (tau-b of a constant column) ranks below every defined one
        second = np.where(np.isfinite(second), second, finite.min() - 1 if finite.size else 0)
    run, sizes, above = _runs(kept, second)
    greater, ties = int(above[run[0]]), int(sizes[run[0]])
    return RotationTest(
        statistic=observed,
        p_value=(greater + 0.5 * ties) / kept.size,
        n_offsets=int(values.size),
        greater=greater,
        ties=ties,
        null_mean=float(kept.mean()),
        null_variance=float(kept.var()),
        offsets=(kept, second),
    )
