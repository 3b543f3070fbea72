"""Does the matrix band its cells right? Observed rates per likelihood × impact cell.

:func:`cell_rates` pools, over events, the windows whose score a register cell set (the
windows' ``likelihood`` and ``impact``), and sets each cell's rate beside the rest of the
cells its banding puts at the same level. A cell is **under-rated** when its rate is
credibly higher than that of the other cells of its level (the exact conditional 95%
interval of the rate ratio, cell against the rest of its level, lies wholly above 1) *and*
its own interval reaches the pooled rate of the next higher level, so the data are
consistent with the neighbour's rating; **over-rated** likewise, credibly lower than the rest
of its level and reaching down to the next lower level's rate. Comparing with the *rest* of
the level keeps the cell from being compared with itself, and the ratio's interval counts
both sides' uncertainty. The second condition keeps one badly banded cell from making its
level-mates look mis-rated in turn: they are lower than a level the outlier inflates, but not
as low as the level below. A cell with fewer
than ``min_hours`` ring-hours of exposure is "not enough evidence" whatever its rate. The
current banding is checked against Cox (2008) with
:func:`sra_analysis.metrics.weak_consistency_violations`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sra_analysis import metrics
from sra_analysis.errors import ParameterError
from sra_analysis.levels import RiskLevels
from sra_analysis.rollup._checks import conditional_ratio_interval, require_columns

__all__ = ["CELL_COLUMNS", "RATINGS", "CellRates", "as_bands", "cell_rates"]

#: How a cell compares with the rest of its level.
RATINGS = ("over-rated", "under-rated", "as rated", "not enough evidence")

CELL_COLUMNS = [
    "likelihood", "impact", "score", "level", "events", "windows", "hours", "count", "rate",
    "ci_low", "ci_high", "level_rate", "rate_ratio", "ratio_ci_low", "ratio_ci_high",
    "rating",
]  # fmt: skip


@dataclass(frozen=True)
class CellRates:
    """Observed rates per register cell against the banding.

    Attributes
    ----------
    cells : DataFrame
        One row per likelihood × impact cell (all 25, unobserved ones with zero exposure),
        :data:`CELL_COLUMNS`.
    levels : DataFrame
        Per level of the banding: ``level``, ``hours``, ``count``, ``rate``, ``ci_low``,
        ``ci_high``.
    violations : DataFrame
        Cox (2008) violations of the banding (``rule``, ``level``, ``detail``; empty when
        consistent).
    bands : dict
        The banding used, ``{level: (low, high)}``.
    outcome : str
    """

    cells: pd.DataFrame
    levels: pd.DataFrame
    violations: pd.DataFrame
    bands: dict
    outcome: str

    @property
    def cox_consistent(self) -> bool:
        """True when the banding breaks none of Cox's rules."""
        return self.violations.empty


def as_bands(levels: RiskLevels | Mapping) -> dict[str, tuple[int, int]]:
    """``{level: (low, high)}`` from a :class:`RiskLevels` or an ``event.yaml`` mapping.

    Examples
    --------
    >>> as_bands({"low": [1, 9], "high": [10, 25]})
    {'low': (1, 9), 'high': (10, 25)}
    """
    if isinstance(levels, Mapping):
        levels = RiskLevels.from_mapping(levels)
    if not isinstance(levels, RiskLevels):
        raise ParameterError(
            f"levels must be a RiskLevels or a mapping of level to [low, high], "
            f"got {type(levels).__name__}"
        )
    return {name: (low, high) for name, low, high in levels.bands}


def cell_rates(
    windows: pd.DataFrame,
    levels: RiskLevels | Mapping,
    *,
    outcome: str = "disruptions",
    min_hours: float = 200.0,
    confidence: float = 0.95,
) -> CellRates:
    """Rate of ``outcome`` per ring-hour in each likelihood × impact cell, pooled over events.

    Parameters
    ----------
    windows : DataFrame
        Pooled windows: ``event_id``, ``hours``, ``likelihood``, ``impact`` (NA where no
        register item covered the window; those windows are left out) and ``outcome``.
    levels : RiskLevels or mapping
        The banding to judge (e.g. the events' common ``risk_levels``).
    outcome : {"disruptions", "incidents"}
    min_hours : float, default 200
        Ring-hours of exposure below which a cell is "not enough evidence".
    confidence : float, default 0.95

    Returns
    -------
    CellRates

    References
    ----------
    Cox, L. A., Jr. (2008). What's wrong with risk matrices? *Risk Analysis* 28(2), 497-512.
    doi:10.1111/j.1539-6924.2008.01030.x

    Przyborski, J. & Wilenski, H. (1940). Homogeneity of results in testing samples from Poisson
    series. *Biometrika* 31(3-4), 313-323 (the exact conditional test of two Poisson means). No
    DOI given.

    Garwood, F. (1936). Fiducial limits for the Poisson distribution. *Biometrika* 28(3-4),
    437-442. doi:10.1093/biomet/28.3-4.437

    Examples
    --------
    Score 4 (1 × 4) is banded medium here but has the rate of the low cells:

    >>> windows = pd.DataFrame({"event_id": "a", "hours": 1000.0,
    ...     "likelihood": [1, 1, 2, 3, 5], "impact": [1, 4, 2, 3, 5],
    ...     "disruptions": [10, 12, 50, 55, 200]})
    >>> bands = {"low": [1, 3], "medium": [4, 12], "high": [13, 25]}
    >>> result = cell_rates(windows, bands)
    >>> shown = result.cells.loc[result.cells["hours"] > 0, ["score", "rate", "rating"]]
    >>> shown  # (1, 1) and (5, 5) are alone in their levels: nothing to compare with
        score   rate               rating
    0       1  0.010  not enough evidence
    3       4  0.012           over-rated
    6       4  0.050             as rated
    12      9  0.055             as rated
    24     25  0.200  not enough evidence
    """
    require_columns(
        windows, ["event_id", "hours", "likelihood", "impact", outcome], name="windows",
        caller="cell_rates",
    )  # fmt: skip
    bands = as_bands(levels)
    grid = metrics.risk_grid(bands)
    covered = windows[windows["likelihood"].notna() & windows["impact"].notna()]
    grouped = covered.groupby(
        [covered["likelihood"].astype(np.int64), covered["impact"].astype(np.int64)]
    ).agg(
        events=("event_id", "nunique"), windows=("hours", "size"), hours=("hours", "sum"),
        count=(outcome, "sum"),
    )  # fmt: skip
    cells = grid.join(grouped, on=["likelihood", "impact"])
    for column in ("events", "windows"):
        cells[column] = cells[column].fillna(0).astype(np.int64)
    cells[["hours", "count"]] = cells[["hours", "count"]].fillna(0.0)
    counts = np.round(cells["count"].to_numpy()).astype(np.int64)
    rates = metrics.poisson_rate_table(counts, cells["hours"].to_numpy(), confidence=confidence)
    cells["rate"] = rates["rate"].to_numpy()
    cells["ci_low"] = rates["ci_low"].to_numpy()
    cells["ci_high"] = rates["ci_high"].to_numpy()

    level_sums = cells.groupby("level", sort=False)[["hours"]].sum()
    level_sums["count"] = pd.Series(counts, index=cells.index).groupby(cells["level"]).sum()
    level_sums = level_sums.reindex(list(bands)).fillna(0)
    level_rates = metrics.poisson_rate_table(
        level_sums["count"].to_numpy().astype(np.int64), level_sums["hours"].to_numpy(),
        confidence=confidence,
    )  # fmt: skip
    level_table = pd.DataFrame(
        {
            "level": list(bands),
            "hours": level_sums["hours"].to_numpy(),
            "count": level_rates["count"].to_numpy(),
            "rate": level_rates["rate"].to_numpy(),
            "ci_low": level_rates["ci_low"].to_numpy(),
            "ci_high": level_rates["ci_high"].to_numpy(),
        }
    )
    cells["level_rate"] = cells["level"].map(level_table.set_index("level")["rate"])
    rest_hours = cells["level"].map(level_sums["hours"]).to_numpy() - cells["hours"].to_numpy()
    rest_count = cells["level"].map(level_sums["count"]).to_numpy() - counts
    ratio, low, high, _ = conditional_ratio_interval(
        counts, cells["hours"].to_numpy(), rest_count, rest_hours, confidence=confidence
    )
    cells["rate_ratio"], cells["ratio_ci_low"], cells["ratio_ci_high"] = ratio, low, high
    order = list(bands)
    level_rate = dict(zip(level_table["level"], level_table["rate"], strict=True))
    position = cells["level"].map({name: i for i, name in enumerate(order)}).to_numpy()
    above = np.array([level_rate[order[i + 1]] if i + 1 < len(order) else np.nan
                      for i in position])  # fmt: skip
    below = np.array([level_rate[order[i - 1]] if i > 0 else np.nan for i in position])
    rating = np.full(len(cells), "as rated", dtype=object)
    with np.errstate(invalid="ignore"):
        rating[(high < 1) & (cells["ci_low"].to_numpy() <= below)] = "over-rated"
        rating[(low > 1) & (cells["ci_high"].to_numpy() >= above)] = "under-rated"
    thin = (cells["hours"].to_numpy() < min_hours) | np.isnan(low)
    rating[thin] = "not enough evidence"
    cells["rating"] = rating
    violations = metrics.weak_consistency_violations(bands)
    return CellRates(cells[CELL_COLUMNS], level_table, violations, bands, outcome)
