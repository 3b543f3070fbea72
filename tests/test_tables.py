"""Tests of sra_analysis.review.tables: rate tables, observed classes, worked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sra_analysis.review.tables import (
    OBSERVED_CLASSES,
    observed_class,
    rate_by_level_table,
    ring_table,
)

LEVELS = pd.CategoricalDtype(["none", "low", "medium", "high", "extreme"], ordered=True)


def _windows() -> pd.DataFrame:
    """Six one-hour windows over two rings; officer-hours 10 each."""
    return pd.DataFrame(
        {
            "ring": pd.Categorical(["1", "1", "1", "2", "2", "2"], categories=["1", "2", "3"]),
            "hours": 1.0,
            "predicted_level": pd.Categorical(
                ["low", "high", "high", "low", "medium", "high"], dtype=LEVELS
            ),
            "incidents": [0, 2, 1, 3, 0, 1],
            "disruptions": [0, 1, 0, 1, 0, 0],
            "officer_hours": 10.0,
        }
    )


def _garwood(count: int, exposure: float, per: float = 1.0) -> tuple[float, float]:
    """Exact Poisson 95% limits (Garwood 1936) from chi-square quantiles."""
    low = stats.chi2.ppf(0.025, 2 * count) / 2 if count else 0.0
    return low / exposure * per, stats.chi2.ppf(0.975, 2 * count + 2) / 2 / exposure * per


def test_rate_by_level_keeps_every_level_and_its_exact_interval():
    windows = _windows()
    before = windows.copy()
    table = rate_by_level_table(windows)
    pd.testing.assert_frame_equal(windows, before)
    assert table["level"].tolist() == list(LEVELS.categories)  # none and extreme: zero rows
    high = table.set_index("level").loc["high"]
    # high: 3 windows, 3 hours, incidents 2 + 1 + 1 = 4, one disruption
    assert (high["windows"], high["hours"], high["incidents"], high["disruptions"]) == (3, 3, 4, 1)
    assert high["incident_rate"] == pytest.approx(4 / 3)
    low, upper = _garwood(4, 3.0)
    assert (high["incident_ci_low"], high["incident_ci_high"]) == pytest.approx((low, upper))
    none = table.set_index("level").loc["none"]
    assert none["windows"] == 0 and np.isnan(none["incident_rate"])


def test_ring_table_rates_per_100_officer_hours():
    table = ring_table(_windows())
    assert table["ring"].tolist() == ["1", "2", "3"]  # ring 3 without windows stays, empty
    ring_2 = table.set_index("ring").loc["2"]
    # ring 2: 4 incidents in 30 officer-hours → 13.3 per 100
    assert ring_2["incidents_per_100_officer_hours"] == pytest.approx(400 / 30)
    assert (ring_2["ci_low"], ring_2["ci_high"]) == pytest.approx(_garwood(4, 30.0, per=100))
    assert ring_2["ring_name"] == "2"  # no meta: the id stands for the name


def test_observed_class_orders_quiet_incident_disruption():
    classes = observed_class(_windows())
    assert list(classes.categories) == list(OBSERVED_CLASSES)
    assert classes.tolist() == ["quiet", "disruption", "incident", "disruption", "quiet",
                                "incident"]  # fmt: skip
