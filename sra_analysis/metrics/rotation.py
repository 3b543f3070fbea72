"""Tests that keep their level when disruptions come in episodes: toroidal rotations.

A review counts ring-hours, but disruptions are not independent ring-hours: a demonstration
lasts hours, spills into the next ring and flares again, and a Security Risk Assessment rates
spans of several hours. Tests that treat each ring-hour as an independent trial (a binomial
test of capture, a shuffle of the windows, a bootstrap of the AUC) are then too often
"significant" (Wilks 1997; Hamill 1999).

A toroidal (cyclic-shift) randomisation test keeps that dependence. The data are a ring ×
block matrix on the event's time axis: one row per ring, one column per time block of
``freq`` from the event start. The disrupted series of *every* ring is rotated by the same
offset (blocks wrap round from the end to the start), so each episode keeps its length, its
spill-over into the adjacent ring and its flare-ups, while the register's ratings stay where
they were. Every offset ``0 .. T-1`` of the ``T`` blocks is tried - the test is exact over
all of them, there is no Monte Carlo error - and the observed statistic is ranked among the
``T`` rotated ones (offset 0 is the observation itself), with ties counted one half (mid-p).
This is the torus-translation test of ecology (Harms et al. 2001) on one axis; when the
disruption process is stationary round the wrapped time axis the rank is uniform, whatever its
clustering. A real event is a stretch of time, not a circle: a rotation joins its end to its
start, a seam the event did not have, which leaves the test a fraction of a point above its
level (:meth:`RotationTest.level` gives the level the offsets allow; the calibration benchmark
measures the rest).

An offset is a shift of the event clock, the same for every ring, so the rings must share
the event's time axis. Rings do not need every block: a cell a ring does not have is marked
``valid=False`` - it is never flagged, and a disruption rotated onto it is not counted.
Offsets are in blocks of ``freq``: with two-hour blocks over 48 hours there are 24 offsets,
and the smallest mid-p is ``1 / (2 * 24)``; below about 20 blocks the test cannot reach 2.5 %.

* :func:`rotation_capture_test` - flagged ∧ disrupted cells, larger is better;
* :func:`rotation_auc_test` - the ROC AUC of the scores against the disrupted cells;
* :func:`rotation_tau_b_test` - Kendall's tau-b of the scores against counts per cell.

Capture and AUC break ties by the incidents (``counts``). The evidence an event holds
(episodes, the design effect) is in :mod:`sra_analysis.metrics.evidence`.

References
----------
Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2

Hamill, T. M. (1999). Hypothesis tests for evaluating numerical precipitation forecasts.
*Weather and Forecasting* 14(2), 155-167. doi:10.1175/1520-0434(1999)014<0155:HTFENP>2.0.CO;2

Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
doi:10.1111/j.1365-2745.2001.00615.x
"""

from __future__ import annotations

from typing import Any

import numpy as np

from sra_analysis.metrics._correlate import caught, tau_b_along
from sra_analysis.metrics.ranked import RotationTest, _rank
from sra_analysis.metrics.roc import roc_auc_along

__all__ = [
    "ROTATION_METHOD",
    "ROTATION_METHOD_TIES",
    "RotationTest",
    "rotation_auc_test",
    "rotation_capture_test",
    "rotation_tau_b_test",
    "rotations",
]

#: How the rotation p-values are made, in words for a method column.
ROTATION_METHOD = "one-sided toroidal rotation test over all time offsets, mid-p"
#: The same, for a test whose ties are broken by the incidents the cells saw.
ROTATION_METHOD_TIES = (
    "one-sided toroidal rotation test over all time offsets, ties broken by the incidents, mid-p"
)


def _matrix(name: str, values: Any, *, dtype=float) -> np.ndarray:
    array = np.asarray(values)
    if array.ndim == 1:
        array = array[None, :]
    if array.ndim != 2 or array.shape[1] == 0:
        raise ValueError(
            f"`{name}` must be a ring × block matrix (2-D, at least one block), "
            f"but an array of shape {np.shape(values)} was passed."
        )
    if dtype is bool:
        if array.dtype != bool and not np.isin(array, (0, 1)).all():
            raise ValueError(f"`{name}` must hold only booleans or 0/1.")
        return array.astype(bool)
    array = array.astype(float)
    if not np.isfinite(array).all():
        raise ValueError(f"`{name}` must hold only finite numbers (no NaN or inf).")
    return array


def _shapes(valid: Any, **matrices: np.ndarray) -> np.ndarray:
    shapes = {name: m.shape for name, m in matrices.items()}
    if len(set(shapes.values())) > 1:
        described = ", ".join(f"`{name}` has shape {s}" for name, s in shapes.items())
        raise ValueError(f"The matrices must have the same ring × block shape, but {described}.")
    shape = next(iter(shapes.values()))
    if valid is None:
        return np.ones(shape, dtype=bool)
    mask = _matrix("valid", valid, dtype=bool)
    if mask.shape != shape:
        raise ValueError(f"`valid` must have shape {shape}, but has shape {mask.shape}.")
    return mask


def _with_counts(
    valid: Any, counts: Any, **matrices: np.ndarray
) -> tuple[np.ndarray, np.ndarray | None]:
    """The valid mask of ``matrices`` and the optional tie-breaking ``counts``, checked to
    have their shape."""
    if counts is None:
        return _shapes(valid, **matrices), None
    counts = _matrix("counts", counts)
    return _shapes(valid, **matrices, counts=counts), counts


def rotations(matrix: np.ndarray) -> np.ndarray:
    """Every cyclic shift of a ring × block matrix along the blocks: shape ``(T, R, T)``.

    ``out[k, r, t] = matrix[r, (t - k) mod T]``: offset ``k`` moves everything ``k`` blocks
    later, wrapping the end round to the start, the same for every ring.

    >>> rotations(np.array([[1, 2, 3]]))[:, 0].tolist()
    [[1, 2, 3], [3, 1, 2], [2, 3, 1]]

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x
    """
    blocks = matrix.shape[-1]
    index = (np.arange(blocks)[None, :] - np.arange(blocks)[:, None]) % blocks
    return np.moveaxis(matrix[:, index], 1, 0)


def rotation_capture_test(
    disrupted: Any, flagged: Any, *, valid: Any = None, counts: Any = None
) -> RotationTest:
    """Did the flagged cells hold more disrupted cells than the same ratings at other times?

    The statistic is the number of cells both flagged and disrupted (the hits of the 2×2
    table). The disrupted series of every ring is rotated by each offset in turn; the flags
    stay.

    A count of a few disrupted cells ties a lot (most offsets catch 0, 1 or 2), and a mid-p
    over heavy ties is conservative: 4.2-4.4 % at a nominal 5 % on the clustered nulls of
    ``benchmarks/bench_calibration.py``.
    Given ``counts``, offsets that catch as many disrupted cells as observed are ordered by
    the incidents their flagged cells hold, which rotate with the disruptions; only offsets
    equal on both stay ties (5.5-5.8 % on the same nulls, and power at rate ratio 3 from 21 %
    to 30 %).

    Parameters
    ----------
    disrupted, flagged : array-like of bool, shape (rings, blocks)
        Cells with at least one disruption, and cells rated at or above the flag level. A 1-D
        array is one ring.
    valid : array-like of bool, optional
        Cells the rings have (default: all). Invalid cells are never flagged or counted.
    counts : array-like of float, optional
        What each cell saw (incidents of any severity), to break ties; same shape.

    Returns
    -------
    RotationTest
        ``statistic`` is the hits; ``null_mean`` what the ratings catch on average at other
        times; ``null_variance`` the spread a design effect divides by the binomial's.

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
    Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2

    Lancaster, H. O. (1961). Significance tests in discrete distributions. *Journal of the
    American Statistical Association* 56(294), 223-234. doi:10.1080/01621459.1961.10482105

    Examples
    --------
    One ring of 8 blocks, flags on blocks 2-4, disruptions on blocks 2 and 3. Rotating the
    disruptions by k = 0..7 puts them on blocks {2,3} {3,4} {4,5} {5,6} {6,7} {7,0} {0,1}
    {1,2}, which catch 2, 2, 1, 0, 0, 0, 0, 1 flagged blocks: one offset beats 2 (none),
    two tie with it (k = 0, 1), so mid-p = (0 + 2/2) / 8 = 0.125.

    >>> test = rotation_capture_test([0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0, 0])
    >>> test.statistic, test.greater, test.ties, test.p_value, test.null_mean
    (2.0, 0, 2, 0.125, 0.75)

    With one incident in each disrupted block, k = 1 still ties: its flags hold 2 incidents,
    as at k = 0. A third incident on block 4 (flagged, quiet) moves to block 5 at k = 1; the
    flags then hold 2 against the observation's 3, the tie breaks in the observation's
    favour, and mid-p = (0 + 1/2) / 8.

    >>> rotation_capture_test([0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0, 0],
    ...                       counts=[0, 0, 1, 1, 0, 0, 0, 0]).p_value
    0.125
    >>> rotation_capture_test([0, 0, 1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0, 0],
    ...                       counts=[0, 0, 1, 1, 1, 0, 0, 0]).p_value
    0.0625
    """
    disrupted = _matrix("disrupted", disrupted, dtype=bool)
    flagged = _matrix("flagged", flagged, dtype=bool)
    mask, counts = _with_counts(valid, counts, disrupted=disrupted, flagged=flagged)
    # without a disrupted cell there is nothing to capture, and no tie to break
    tiebreak = None
    if counts is not None and (disrupted & mask).any():
        tiebreak = caught(flagged & mask, counts * mask)
    hits = caught(flagged & mask, (disrupted & mask).astype(float))
    return _rank(hits, tiebreak)


def rotation_auc_test(
    scores: Any, disrupted: Any, *, valid: Any = None, counts: Any = None
) -> RotationTest:
    """Did higher-rated cells see disruptions more often than at other times? (ROC AUC.)

    Given ``counts``, offsets with the observed AUC are ordered by Kendall's tau-b of the
    scores against the rotated counts, as :func:`rotation_capture_test` breaks its ties.

    Parameters
    ----------
    scores : array-like of float, shape (rings, blocks)
        The register's score of each cell (e.g. ``predicted_score``).
    disrupted : array-like of bool, same shape
        Cells with at least one disruption.
    valid : array-like of bool, optional
        Cells the rings have; only they enter the AUC.
    counts : array-like of float, optional
        What each cell saw (incidents of any severity), to break ties; same shape.

    Returns
    -------
    RotationTest
        ``statistic`` is the AUC (ties count one half); offsets that leave no disrupted or no
        quiet valid cell are left out.

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Hamill, T. M. (1999). Hypothesis tests for evaluating numerical precipitation forecasts.
    *Weather and Forecasting* 14(2), 155-167.
    doi:10.1175/1520-0434(1999)014<0155:HTFENP>2.0.CO;2

    Lancaster, H. O. (1961). Significance tests in discrete distributions. *Journal of the
    American Statistical Association* 56(294), 223-234. doi:10.1080/01621459.1961.10482105

    Examples
    --------
    Scores 1..6 on one ring, the disruption on the highest block: only the observation has
    AUC 1, so mid-p = 0.5 / 6.

    >>> test = rotation_auc_test([1, 2, 3, 4, 5, 6], [0, 0, 0, 0, 0, 1])
    >>> test.statistic, round(test.p_value, 4)
    (1.0, 0.0833)
    """
    scores = _matrix("scores", scores)
    disrupted = _matrix("disrupted", disrupted, dtype=bool)
    mask, counts = _with_counts(valid, counts, scores=scores, disrupted=disrupted)
    tiebreak = None if counts is None else tau_b_along(scores, counts, mask)
    codes = np.unique(scores[mask], return_inverse=True)[1].astype(np.int64)
    labels = rotations(disrupted & mask)[:, mask]  # (offsets, valid cells)
    return _rank(roc_auc_along(codes, labels), tiebreak)


def rotation_tau_b_test(scores: Any, counts: Any, *, valid: Any = None) -> RotationTest:
    """Did higher-rated cells see more incidents than at other times? (Kendall's tau-b.)

    Parameters
    ----------
    scores, counts : array-like of float, shape (rings, blocks)
        The register's score of each cell, and what the cell saw (incidents, disruptions).
        The counts are rotated.
    valid : array-like of bool, optional

    Returns
    -------
    RotationTest
        ``statistic`` is tau-b.

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Kendall, M. G. (1945). The treatment of ties in ranking problems. *Biometrika* 33(3),
    239-251. doi:10.1093/biomet/33.3.239

    Lancaster, H. O. (1961). Significance tests in discrete distributions. *Journal of the
    American Statistical Association* 56(294), 223-234. doi:10.1080/01621459.1961.10482105

    Examples
    --------
    >>> test = rotation_tau_b_test([[0, 0, 5, 5]], [[0, 0, 2, 1]])
    >>> round(test.statistic, 3), test.p_value
    (0.894, 0.125)
    """
    scores = _matrix("scores", scores)
    counts = _matrix("counts", counts)
    mask = _shapes(valid, scores=scores, counts=counts)
    return _rank(tau_b_along(scores, counts, mask))
