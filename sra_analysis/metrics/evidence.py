"""How much independent evidence an event holds when disruptions come in episodes.

* :func:`disruption_episodes` - runs of consecutive disrupted blocks in a ring, each counted
  once: the pieces of evidence the verdict counts;
* :func:`design_effect` - the capture count's variance over all time offsets
  (:func:`~sra_analysis.metrics.rotation_capture_test`) against the binomial's.
"""

from __future__ import annotations

import math
from typing import Any

from sra_analysis.metrics.ranked import RotationTest
from sra_analysis.metrics.rotation import _matrix

__all__ = ["design_effect", "disruption_episodes"]


def disruption_episodes(disrupted: Any) -> int:
    """Runs of consecutive disrupted blocks within a ring, each counted once.

    A demonstration that disrupts three hours in a row is one piece of evidence, not three;
    the same demonstration in the next ring is another. Runs do not wrap round the end.

    Parameters
    ----------
    disrupted : array-like of bool, shape (rings, blocks)

    Returns
    -------
    int

    References
    ----------
    Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
    Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2

    Examples
    --------
    >>> disruption_episodes([[1, 1, 0, 1], [0, 1, 1, 1]])
    3
    """
    disrupted = _matrix("disrupted", disrupted, dtype=bool)
    starts = disrupted.copy()
    starts[:, 1:] &= ~disrupted[:, :-1]
    return int(starts.sum())


def design_effect(test: RotationTest, *, observed: int, flagged_share: float) -> float:
    """Variance of the capture count over rotations divided by the binomial's.

    ``null_variance / (observed * a * (1 - a))``: above 1 when disruptions cluster, so the
    event holds fewer independent observations than its disrupted cells. nan when the
    binomial variance is 0.

    >>> from sra_analysis.metrics import rotation_capture_test
    >>> test = rotation_capture_test([0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0, 0])
    >>> round(design_effect(test, observed=2, flagged_share=3 / 8), 3)
    1.467

    References
    ----------
    Kish, L. (1965). *Survey Sampling* (the design effect). Wiley. A book: no DOI.

    Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
    Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2
    """
    binomial = observed * flagged_share * (1.0 - flagged_share)
    return test.null_variance / binomial if binomial > 0 else math.nan
