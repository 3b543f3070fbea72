"""Tests of sra_analysis.metrics.resampling (bootstrap and permutation)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sra_analysis.metrics import (
    BootstrapResult,
    PermutationResult,
    bootstrap_interval,
    permutation_pvalue,
    roc_auc,
)


def _corr(x, y) -> float:
    return float(np.corrcoef(x, y)[0, 1])


def test_bootstrap_same_seed_same_result_and_seed_matters():
    data = np.random.default_rng(11).normal(size=30)
    first = bootstrap_interval(np.mean, data, seed=5, n_resamples=500)
    assert first == bootstrap_interval(np.mean, data, seed=5, n_resamples=500)
    assert first != bootstrap_interval(np.mean, data, seed=6, n_resamples=500)
    assert isinstance(first, BootstrapResult)
    assert (first.n_resamples, first.seed, first.n_degenerate) == (500, 5, 0)


def test_bootstrap_mean_roughly_matches_t_interval():
    # Independent reference: the Student t interval for the mean of a normal sample.
    data = np.random.default_rng(2024).normal(loc=10.0, scale=2.0, size=200)
    res = bootstrap_interval(np.mean, data, n_resamples=4000, seed=1)
    t_low, t_high = stats.t.interval(0.95, df=199, loc=data.mean(), scale=stats.sem(data))
    half_width = (t_high - t_low) / 2
    assert res.estimate == pytest.approx(data.mean())
    assert res.ci_low == pytest.approx(t_low, abs=0.1 * half_width)
    assert res.ci_high == pytest.approx(t_high, abs=0.1 * half_width)


def test_bootstrap_percentile_coverage_simulation():
    # 200 normal samples of 40: the 95% percentile interval should cover the true mean
    # roughly 95% of the time (binomial sd ~1.5%; small-sample percentile intervals
    # run a little short).
    rng = np.random.default_rng(99)
    covered = 0
    for seed in range(200):
        sample = rng.normal(size=40)
        res = bootstrap_interval(np.mean, sample, n_resamples=400, seed=seed, vectorized=True)
        covered += res.ci_low <= 0.0 <= res.ci_high
    assert 0.88 <= covered / 200 <= 0.99


def test_vectorized_equals_loop():
    data = np.random.default_rng(4).exponential(size=25)
    loop = bootstrap_interval(np.median, data, n_resamples=300, seed=3)
    vector = bootstrap_interval(np.median, data, n_resamples=300, seed=3, vectorized=True)
    assert vector.ci_low == pytest.approx(loop.ci_low)
    assert vector.ci_high == pytest.approx(loop.ci_high)


def test_basic_interval_reflects_percentile_interval():
    data = np.random.default_rng(8).gamma(2.0, size=35)
    pct = bootstrap_interval(np.mean, data, n_resamples=800, seed=2)
    basic = bootstrap_interval(np.mean, data, n_resamples=800, seed=2, method="basic")
    assert basic.ci_low == pytest.approx(2 * pct.estimate - pct.ci_high)
    assert basic.ci_high == pytest.approx(2 * pct.estimate - pct.ci_low)


def test_rows_are_resampled_jointly():
    x = np.arange(20.0)
    res = bootstrap_interval(lambda a, b: float(np.mean(a - b)), x, x.copy(), n_resamples=200)
    assert (res.ci_low, res.ci_high) == (0.0, 0.0)


def test_degenerate_resamples_are_dropped_and_counted():
    scores = np.array([0.1, 0.9, 0.4, 0.7, 0.2, 0.3])
    observed = np.array([0, 1, 0, 1, 0, 0])
    res = bootstrap_interval(roc_auc, scores, observed, n_resamples=500, seed=0)
    # recount independently: a resample is degenerate when it draws a single class
    index = np.random.default_rng(0).integers(0, 6, size=(500, 6))
    drawn = observed[index]
    expected = int(np.sum((drawn.sum(axis=1) == 0) | (drawn.sum(axis=1) == 6)))
    assert expected > 0
    assert res.n_degenerate == expected
    assert not math.isnan(res.ci_low)


def test_all_degenerate_gives_nan_interval():
    res = bootstrap_interval(lambda a: math.nan, [1.0, 2.0], n_resamples=50)
    assert math.isnan(res.ci_low) and math.isnan(res.ci_high) and res.n_degenerate == 50


def test_permutation_perfect_association_size_8():
    # Exact one-sided p for a perfect rank association of 8 pairs is 1/8! = 2.5e-5; the
    # Monte Carlo estimate (b + 1)/(m + 1) can then only be a few multiples of 1/(m + 1).
    x = np.arange(8.0)
    res = permutation_pvalue(_corr, x, 2 * x + 1, alternative="greater", n_resamples=2000)
    assert res.estimate == pytest.approx(1.0)
    assert 1 / 2001 <= res.p_value <= 5 / 2001
    assert isinstance(res, PermutationResult)
    two_sided = permutation_pvalue(_corr, x, 2 * x + 1, n_resamples=2000)
    assert two_sided.p_value == pytest.approx(min(1.0, 2 * res.p_value))


def test_permutation_p_value_never_zero_and_bounded():
    x = np.arange(30.0)
    res = permutation_pvalue(_corr, x, x**2, alternative="greater", n_resamples=99)
    assert res.p_value == pytest.approx(1 / 100)
    less = permutation_pvalue(_corr, x, x**2, alternative="less", n_resamples=99)
    assert less.p_value == pytest.approx(1.0)


def test_permutation_estimates_exact_small_case():
    # n = 4 perfectly ordered: exactly 1 of the 4! = 24 orderings reaches r = 1, so the
    # permutation p-value tends to 1/24 ~ 0.0417; with m = 6000 the (b+1)/(m+1)
    # estimate has sd ~ 0.0026.
    x = np.arange(4.0)
    res = permutation_pvalue(_corr, x, x, alternative="greater", n_resamples=6000, seed=1)
    assert res.p_value == pytest.approx(1 / 24, abs=0.01)


def test_permutation_same_seed_same_result():
    rng = np.random.default_rng(5)
    x, y = rng.normal(size=15), rng.normal(size=15)
    assert permutation_pvalue(_corr, x, y, seed=4) == permutation_pvalue(_corr, x, y, seed=4)


def test_permutation_nan_statistic():
    res = permutation_pvalue(lambda a, b: math.nan, [1, 2], [3, 4], n_resamples=10)
    assert math.isnan(res.p_value)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: bootstrap_interval(np.mean, [1.0, 2.0], method="bca"),
            r"`method` must be one of \['percentile', 'basic'\], but 'bca' was passed",
        ),
        (lambda: bootstrap_interval(np.mean, [1.0], n_resamples=0), "`n_resamples` must be a"),
        (lambda: bootstrap_interval(np.mean), "`arrays` must hold at least one array"),
        (lambda: bootstrap_interval(np.mean, [1.0, 2.0], [1.0]), "same number of rows"),
        (lambda: bootstrap_interval(np.mean, [], []), "same number of rows"),
        (lambda: bootstrap_interval(lambda a: a, [1.0, 2.0]), "must return a single number"),
        (
            lambda: bootstrap_interval(np.mean, [1.0, 2.0], confidence=0),
            "`confidence` must be a number strictly between 0 and 1",
        ),
        (
            lambda: permutation_pvalue(_corr, [1, 2], [1, 2], alternative="both"),
            r"`alternative` must be one of \['two-sided', 'greater', 'less'\]",
        ),
        (lambda: permutation_pvalue(_corr, [1, 2, 3], [1, 2]), "same number of rows"),
    ],
)
def test_invalid_arguments(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_inputs_not_mutated():
    x = np.array([3.0, 1.0, 2.0, 5.0, 4.0])
    y = pd.Series([1.0, 0.0, 1.0, 1.0, 0.0])
    x_copy, y_copy = x.copy(), y.copy()
    bootstrap_interval(lambda a, b: float(np.mean(a * b)), x, y, n_resamples=50)
    permutation_pvalue(lambda a, b: float(np.mean(a * b)), x, y, n_resamples=50)
    np.testing.assert_array_equal(x, x_copy)
    pd.testing.assert_series_equal(y, y_copy)
