"""The toroidal rotation tests of one windows table, on the event's time axis.

:func:`window_grid` lays a windows table out as ring × block matrices (the time blocks of
``freq`` from the event start, shared by every ring); :func:`rotation_tests` runs the
rotation tests of :mod:`sra_analysis.metrics.rotation` on them and counts the episodes of
disruption, which the verdict takes as its pieces of evidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis import metrics

__all__ = ["Rotations", "rotation_tests", "window_grid"]


@dataclass(frozen=True)
class Rotations:
    """The rotation tests of one windows table (:mod:`sra_analysis.metrics.rotation`).

    Attributes
    ----------
    capture, auc, tau_b : metrics.RotationTest
        Flagged ∧ disrupted windows, the AUC of the score against disrupted windows, and
        tau-b of the score against incidents, each ranked among all time offsets; capture and
        AUC break their ties by the incidents (:data:`metrics.ROTATION_METHOD_TIES`).
    episodes : int
        Runs of consecutive disrupted windows in a ring, each counted once.
    design_effect : float
        Variance of the capture count over the offsets divided by the binomial's (nan
        without disrupted windows or without both flagged and other windows).
    """

    capture: metrics.RotationTest
    auc: metrics.RotationTest
    tau_b: metrics.RotationTest
    episodes: int
    design_effect: float


def window_grid(windows: pd.DataFrame) -> dict[str, np.ndarray]:
    """The ring × block matrices of a windows table, on the event's time axis.

    Rows are the rings in order of appearance, columns the distinct ``window_start`` in time
    order; a cell a ring lacks has ``valid`` False. Without ``ring`` and ``window_start``
    columns the rows are taken as one ring's blocks in time order.

    Returns
    -------
    dict
        ``disrupted``, ``flagged``, ``valid`` (bool), ``score``, ``incidents`` (float), each
        of shape (rings, blocks).
    """
    if {"ring", "window_start"} <= set(windows.columns):
        ring_codes, _ = pd.factorize(windows["ring"], sort=False)
        block_codes, blocks = pd.factorize(windows["window_start"], sort=True)
        shape = (int(ring_codes.max()) + 1 if len(windows) else 0, len(blocks))
    else:
        ring_codes = np.zeros(len(windows), dtype=np.int64)
        block_codes = np.arange(len(windows))
        shape = (1, len(windows))
    out = {}
    for name, column, dtype in (("disrupted", "observed", bool), ("flagged", "flagged", bool),
                                ("score", "predicted_score", float),
                                ("incidents", "incidents", float)):  # fmt: skip
        matrix = np.zeros(shape, dtype=dtype)
        matrix[ring_codes, block_codes] = windows[column].to_numpy(dtype=dtype)
        out[name] = matrix
    out["valid"] = np.zeros(shape, dtype=bool)
    out["valid"][ring_codes, block_codes] = True
    return out


def rotation_tests(windows: pd.DataFrame, *, observed: int) -> Rotations:
    """The rotation tests, episodes and design effect of a windows table with boolean
    ``flagged`` and ``observed`` columns; ``observed`` is its count of disrupted windows.

    References
    ----------
    Harms, K. E., Condit, R., Hubbell, S. P. & Foster, R. B. (2001). Habitat associations of
    trees and shrubs in a 50-ha neotropical forest plot. *Journal of Ecology* 89(6), 947-959.
    doi:10.1111/j.1365-2745.2001.00615.x

    Wilks, D. S. (1997). Resampling hypothesis tests for autocorrelated fields. *Journal of
    Climate* 10(1), 65-82. doi:10.1175/1520-0442(1997)010<0065:RHTFAF>2.0.CO;2
    """
    grid = window_grid(windows)
    valid = grid["valid"]
    if not valid.any():
        nan = math.nan
        empty = metrics.RotationTest(nan, nan, 0, 0, 0, nan, nan)
        return Rotations(empty, empty, empty, 0, nan)
    # ties (offsets catching as many disrupted windows, or with the same AUC) are broken by
    # the incidents of any severity, which rotate with the disruptions
    incidents = grid["incidents"]
    capture = metrics.rotation_capture_test(grid["disrupted"], grid["flagged"], valid=valid,
                                            counts=incidents)  # fmt: skip
    auc = metrics.rotation_auc_test(grid["score"], grid["disrupted"], valid=valid, counts=incidents)
    tau_b = metrics.rotation_tau_b_test(grid["score"], grid["incidents"], valid=valid)
    share = float(grid["flagged"][valid].mean()) if valid.any() else 0.0
    effect = metrics.design_effect(capture, observed=observed, flagged_share=share)
    return Rotations(capture, auc, tau_b, metrics.disruption_episodes(grid["disrupted"]),
                     effect)  # fmt: skip
