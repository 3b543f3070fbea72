"""Tests of sra_analysis.rollup.levels and .heterogeneity against planted and hand-worked values.

Pooled tables are simulated with numpy (sra_analysis.rollup.simulate, not the sample
generator) from a known world: 40 events × 3 rings × 48 ring-hours, a true rate ratio of 2.0
per level step, event random effects of sd 0.3. The seeds are fixed; the designs give a few
thousand incidents and several hundred disruptions, so the intervals are narrow (about ±7%
on the ratio) and covering 2.0 is not luck: over 20 seeds of this design the Poisson
event-clustered interval covered 2.0 in 19 (a check run while writing this, kept out of the
suite for its time).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from pandas.testing import assert_frame_equal

from sra_analysis.errors import ParameterError
from sra_analysis.rollup import (
    dersimonian_laird,
    level_rate_ratio,
    per_event_slopes,
    rates_by_level,
)
from sra_analysis.rollup.simulate import PlantedTruth, simulate_pooled

#: the level ratio alone: no mis-banded cell (it would make "medium" look like "high")
PLAIN = PlantedTruth(cell_boost=1.0)


@pytest.fixture(scope="module")
def pooled():
    return simulate_pooled(events=40, hours=48, seed=0, truth=PLAIN)


def test_rates_by_level_totals_equal_the_sums_of_the_per_event_tables(pooled):
    windows = pooled["windows"]
    table = rates_by_level(windows)
    for column in ("incidents", "disruptions", "hours"):
        per_event = windows.groupby("event_id")[column].sum().sum()
        assert table[column].sum() == pytest.approx(per_event)
    assert table["level"].tolist() == ["none", "low", "medium", "high", "extreme"]
    # each level's interval holds its rate, and the rates rise about twofold per level
    assert (table["incident_ci_low"] <= table["incident_rate"]).all()
    assert (table["incident_rate"] <= table["incident_ci_high"]).all()


def test_rates_by_level_garwood_limits_match_the_published_table():
    # Garwood (1936) / Ulm (1990) exact 95% limits for a Poisson count: 0 → (0, 3.689),
    # 1 → (0.0253, 5.572), 10 → (4.795, 18.39); over 10 ring-hours, a tenth of them
    windows = pd.DataFrame({"event_id": "a", "ring": "1", "hours": 10.0,
                            "predicted_level": ["low", "medium", "high"],
                            "level_rank": [1, 2, 3], "incidents": [0, 1, 10],
                            "disruptions": 0})  # fmt: skip
    table = rates_by_level(windows)
    assert table["incident_ci_low"].tolist() == pytest.approx(
        [0.0, 0.00253, 0.4795], abs=5e-5
    )  # table: 4 figures
    assert table["incident_ci_high"].round(4).tolist() == pytest.approx(
        [0.3689, 0.5572, 1.839], abs=1e-4
    )


@pytest.mark.parametrize("outcome", ["disruptions", "incidents"])
def test_level_rate_ratio_covers_the_planted_ratio(pooled, outcome):
    result = level_rate_ratio(pooled["windows"], outcome=outcome)
    assert result.ci_low < PLAIN.level_ratio < result.ci_high
    assert result.ci_high / result.ci_low < 1.4  # informative, not covering by width
    assert result.model == "poisson" and not result.overdispersed
    assert result.events == 40 and result.windows == 40 * 3 * 48
    assert result.fits["method"].iloc[0].startswith("Poisson GLM")


def test_few_events_give_a_t_interval_on_events_minus_one_degrees_of_freedom(pooled):
    # three events are three clusters: the interval is exp(b ± t(0.975, 2) · se) with the
    # event-clustered se (t(0.975, 2) = 4.303, Student's table), not b ± 1.96 · se
    windows = pooled["windows"][pooled["windows"]["event_id"].isin(["event-0", "event-1",
                                                                     "event-2"])]  # fmt: skip
    result = level_rate_ratio(windows, outcome="incidents")
    ring = windows["ring"]
    exog = np.column_stack(
        [np.ones(len(windows)), windows["level_rank"], ring == "2", ring == "3"]
    ).astype(float)
    groups = windows["event_id"].factorize()[0]
    fit = sm.GLM(windows["incidents"].to_numpy(float), exog, family=sm.families.Poisson(),
                 offset=np.log(windows["hours"].to_numpy(float))).fit(
        cov_type="cluster", cov_kwds={"groups": groups})  # fmt: skip
    beta, se = fit.params[1], fit.bse[1]
    assert result.rate_ratio == pytest.approx(math.exp(beta), rel=1e-9)
    assert result.ci_low == pytest.approx(math.exp(beta - 4.302653 * se), rel=1e-5)
    assert result.ci_high == pytest.approx(math.exp(beta + 4.302653 * se), rel=1e-5)


def test_level_rate_ratio_fits_a_negative_binomial_when_overdispersed():
    # gamma-Poisson counts per window (shape 0.5: variance μ + 2μ²) at a high mean
    rng = np.random.default_rng(5)
    rank = np.tile(np.arange(5), 2000)
    mean = 2.0 * 2.0**rank
    counts = rng.poisson(rng.gamma(0.5, mean / 0.5))
    windows = pd.DataFrame({"event_id": np.repeat(np.arange(100), 100).astype(str),
                            "ring": "1", "hours": 1.0, "level_rank": rank,
                            "incidents": counts, "disruptions": counts})  # fmt: skip
    result = level_rate_ratio(windows)
    assert result.overdispersed and result.model == "negative binomial"
    assert result.fits["model"].tolist() == ["poisson", "negative binomial"]
    assert result.ci_low < 2.0 < result.ci_high
    assert result.fits["alpha"].iloc[1] == pytest.approx(2.0, rel=0.2)  # 1 / shape


def test_per_event_slopes_equal_a_statsmodels_glm_per_event(pooled):
    windows = pooled["windows"]
    slopes = per_event_slopes(windows).set_index("event_id")
    for event_id in ["event-0", "event-7", "event-31"]:
        part = windows[windows["event_id"] == event_id]
        exog = np.column_stack(
            [np.ones(len(part)), part["level_rank"], part["ring"] == "2", part["ring"] == "3"]
        ).astype(float)
        fit = sm.GLM(part["disruptions"].to_numpy(float), exog,
                     family=sm.families.Poisson()).fit()  # fmt: skip
        assert slopes.loc[event_id, "log_rate_ratio"] == pytest.approx(fit.params[1], rel=1e-6)
        assert slopes.loc[event_id, "se"] == pytest.approx(fit.bse[1], rel=1e-4)


def test_events_without_outcome_or_finite_slope_contribute_nothing_and_are_counted():
    base = {"ring": "1", "hours": 1.0, "level_rank": [0, 1, 2, 0, 1, 2], "incidents": 0}
    quiet = pd.DataFrame({**base, "event_id": "quiet", "disruptions": 0})
    top = pd.DataFrame({**base, "event_id": "top", "disruptions": [0, 0, 3, 0, 0, 1]})
    fine = pd.DataFrame({**base, "event_id": "fine", "disruptions": [1, 2, 4, 0, 1, 3]})
    windows = pd.concat([quiet, top, fine], ignore_index=True)
    slopes = per_event_slopes(windows).set_index("event_id")
    assert slopes["status"].to_dict() == {
        "fine": "estimated",
        "quiet": "no outcome",
        "top": "not estimable",
    }
    assert slopes.loc[["quiet", "top"], "log_rate_ratio"].isna().all()
    result = level_rate_ratio(windows)
    assert (result.events_without_outcome, result.events_not_estimable) == (1, 1)
    assert result.heterogeneity.k == 1


def test_dersimonian_laird_on_a_three_study_hand_example():
    # y = (0.2, 0.5, 1.1), v = (0.04, 0.09, 0.16) → w = (25, 11.111, 6.25), Σw = 42.361
    # fixed = (5 + 5.5556 + 6.875) / 42.361 = 17.4306 / 42.361 = 0.41148
    # Q = 25·0.21148² + 11.111·0.08852² + 6.25·0.68852² = 1.11810 + 0.08707 + 2.96290 = 4.16807
    # C = 42.361 − (625 + 123.457 + 39.0625) / 42.361 = 42.361 − 18.5906 = 23.7705
    # τ² = (4.16807 − 2) / 23.7705 = 0.091211;  I² = 2.16807 / 4.16807 = 0.52016
    # w* = 1 / (v + τ²) = (7.6218, 5.5183, 3.9806), Σ = 17.1207
    # μ = (1.52436 + 2.75915 + 4.37866) / 17.1207 = 0.50595; se = √(1/17.1207) = 0.24168
    result = dersimonian_laird([0.2, 0.5, 1.1], [0.04, 0.09, 0.16])
    assert result.q == pytest.approx(4.16807, abs=1e-4)
    assert result.tau2 == pytest.approx(0.091211, abs=1e-5)
    assert result.i2 == pytest.approx(0.52016, abs=1e-4)
    assert result.estimate == pytest.approx(0.50595, abs=1e-4)
    assert result.se == pytest.approx(0.24168, abs=1e-4)
    assert result.k == 3


def test_dersimonian_laird_rejects_bad_variances():
    with pytest.raises(ParameterError, match="variances positive"):
        dersimonian_laird([0.1, 0.2], [0.1, 0.0])
    with pytest.raises(ParameterError, match="equal length"):
        dersimonian_laird([0.1, 0.2], [0.1])


def test_heterogeneity_is_found_when_planted_and_not_when_absent():
    # 60 events, incidents (more counts per event), slope sd 0.35 on the log scale: the
    # per-event standard errors are about 0.1, so τ = 0.35 stands out clearly; without it
    # the DL estimate of τ² is small
    varied = simulate_pooled(events=60, hours=48, seed=2,
                             truth=PlantedTruth(cell_boost=1.0, slope_sd=0.35))  # fmt: skip
    result = level_rate_ratio(varied["windows"], outcome="incidents")
    dl = result.heterogeneity
    assert 0.2 < math.sqrt(dl.tau2) < 0.5 and dl.q_p_value < 0.001 and dl.i2 > 0.5
    assert dl.ci_low < math.log(2.0) < dl.ci_high
    steady = level_rate_ratio(
        simulate_pooled(events=60, hours=48, seed=2, truth=PLAIN)["windows"], outcome="incidents"
    )
    assert math.sqrt(steady.heterogeneity.tau2) < 0.1


def test_bad_input_names_the_table_and_column(pooled):
    with pytest.raises(ParameterError, match=r"windows lacks column\(s\) \['level_rank'\]"):
        level_rate_ratio(pooled["windows"].drop(columns="level_rank"))
    bad = pooled["windows"].head(5).copy()
    bad.loc[2, "hours"] = -1.0
    with pytest.raises(ParameterError, match=r"windows row 2, column 'hours'"):
        rates_by_level(bad)
    with pytest.raises(ParameterError, match="outcome must be one of"):
        level_rate_ratio(pooled["windows"], outcome="officers")


def test_inputs_are_not_mutated(pooled):
    windows = pooled["windows"].head(600)
    kept = windows.copy()
    rates_by_level(windows)
    level_rate_ratio(windows)
    assert_frame_equal(windows, kept)


def test_one_event_gives_not_enough_events_instead_of_a_clustered_fit():
    # one event is one cluster: the clustered sandwich's G/(G-1) would divide by zero
    from sra_analysis.rollup.few_events import NotEnoughEvents

    windows = pd.DataFrame({"event_id": "only", "ring": ["1", "2"] * 10, "hours": 1.0,
                            "level_rank": [1, 3] * 10, "incidents": [0, 2] * 10,
                            "disruptions": [0, 1] * 10})  # fmt: skip
    assert level_rate_ratio(windows) == NotEnoughEvents("level_rate_ratio", found=1, needed=2)
    # windows of zero hours do not count as an event's
    windows.loc[:9, "event_id"] = "second"
    windows.loc[:9, "hours"] = 0.0
    assert level_rate_ratio(windows).found == 1


def test_a_negative_binomial_without_an_interval_leaves_the_poisson_interval():
    # The pooled windows of 19 bundled sample events (the 27 but 8 set aside by a tampered
    # batch), as the roll-up met them: Pearson dispersion 1.45, above the 1.2 threshold, so a
    # negative binomial is fitted, but its dispersion parameter goes to the boundary 0 and its
    # Hessian cannot be inverted (no standard errors). The roll-up's lesson then read
    # "95% CI –––"; the Poisson fit with event-clustered errors gives the interval instead.
    from pathlib import Path

    windows = pd.read_csv(Path(__file__).parent / "data" / "rollup_windows_nb_boundary.csv.gz",
                          dtype={"event_id": str, "ring": str})  # fmt: skip
    assert windows["event_id"].nunique() == 19
    with np.errstate(all="ignore"), pytest.warns(Warning):  # statsmodels says the fit failed
        result = level_rate_ratio(windows, outcome="disruptions")
    assert result.overdispersed and result.dispersion > 1.2
    nb = result.fits[result.fits["model"] == "negative binomial"].iloc[0]
    assert math.isnan(nb["ci_low"]) and nb["alpha"] < 1e-8
    poisson = result.fits[result.fits["model"] == "poisson"].iloc[0]
    assert result.model == "poisson"
    assert (result.ci_low, result.ci_high) == (poisson["ci_low"], poisson["ci_high"])
    assert 1 < result.ci_low < result.rate_ratio < result.ci_high
