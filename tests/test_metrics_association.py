"""Tests of sra_analysis.metrics.association (gamma, tau-b, Somers' d)."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from sra_analysis.metrics import (
    AssociationResult,
    goodman_kruskal_gamma,
    kendall_tau_b,
    somers_d,
)

# Agresti, An Introduction to Categorical Data Analysis (2nd ed., 2007), Table 2.13:
# job satisfaction by income; rows income <15k, 15-25k, 25-40k, >40k; columns very
# dissatisfied, a little dissatisfied, moderately satisfied, very satisfied.
# Published: C = 1331, D = 849, gamma = 0.221 with ASE 0.117.
AGRESTI = np.array([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]])


def _expand(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = np.indices(table.shape)
    counts = np.asarray(table).ravel()
    return np.repeat(rows.ravel(), counts), np.repeat(cols.ravel(), counts)


def _brute_pairs(x, y) -> tuple[int, int]:
    concordant = discordant = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        sign = np.sign(x[i] - x[j]) * np.sign(y[i] - y[j])
        concordant += sign > 0
        discordant += sign < 0
    return int(concordant), int(discordant)


def _gamma_p(p):
    x, y = np.indices(p.shape)
    c = d = 0.0
    for (i, j), w in np.ndenumerate(p):
        c += w * p[(x > i) & (y > j)].sum()
        d += w * p[(x > i) & (y < j)].sum()
    return (c - d) / (c + d)


def _taub_p(p):
    x, y = np.indices(p.shape)
    c = d = 0.0
    for (i, j), w in np.ndenumerate(p):
        c += w * p[(x > i) & (y > j)].sum()
        d += w * p[(x > i) & (y < j)].sum()
    r, k = p.sum(axis=1), p.sum(axis=0)
    return 2 * (c - d) / math.sqrt((1 - (r**2).sum()) * (1 - (k**2).sum()))


def _somers_p(p):
    x, y = np.indices(p.shape)
    c = d = 0.0
    for (i, j), w in np.ndenumerate(p):
        c += w * p[(x > i) & (y > j)].sum()
        d += w * p[(x > i) & (y < j)].sum()
    return 2 * (c - d) / (1 - (p.sum(axis=1) ** 2).sum())


def _delta_method_ase(func, table, step=1e-6):
    """Independent ASE: multinomial delta method with a numerical gradient."""
    counts = np.asarray(table, dtype=float)
    n = counts.sum()
    p = counts / n
    grad = np.zeros_like(p)
    for idx in np.ndindex(p.shape):
        up, down = p.copy(), p.copy()
        up[idx] += step
        down[idx] -= step
        grad[idx] = (func(up) - func(down)) / (2 * step)
    mean = (p * grad).sum()
    return math.sqrt(((p * grad**2).sum() - mean**2) / n)


def test_agresti_published_gamma():
    res = goodman_kruskal_gamma(AGRESTI)
    assert (res.concordant, res.discordant) == (1331, 849)
    assert res.estimate == pytest.approx(0.221, abs=5e-4)
    assert res.ase == pytest.approx(0.117, abs=5e-4)


def test_gamma_interval_is_estimate_plus_minus_z_ase():
    res = goodman_kruskal_gamma(AGRESTI)
    assert res.ci_low == pytest.approx(res.estimate - 1.959964 * res.ase)
    assert res.ci_high == pytest.approx(res.estimate + 1.959964 * res.ase)
    res90 = goodman_kruskal_gamma(AGRESTI, confidence=0.90)
    assert res90.ci_high == pytest.approx(res.estimate + 1.644854 * res.ase)


def test_interval_clipped_to_unit_range():
    res = goodman_kruskal_gamma([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 6, 5])
    assert res.ci_high == 1.0
    assert -1.0 <= res.ci_low <= res.estimate


def test_arrays_and_table_agree():
    x, y = _expand(AGRESTI)
    for func in (goodman_kruskal_gamma, kendall_tau_b, somers_d):
        assert func(x, y) == func(AGRESTI)


def test_estimates_match_scipy_on_agresti():
    x, y = _expand(AGRESTI)
    assert kendall_tau_b(AGRESTI).estimate == pytest.approx(stats.kendalltau(x, y).statistic)
    assert somers_d(AGRESTI).estimate == pytest.approx(stats.somersd(x, y).statistic)


def test_somers_d_scipy_documented_example():
    # scipy.stats.somersd docstring example (hotel cleanliness x satisfaction, from
    # Laerd Statistics): D(Y|X) = 0.6032766111513396 with rows as X.
    table = [[27, 25, 14, 7, 0], [7, 14, 18, 35, 12], [1, 3, 2, 7, 17]]
    assert somers_d(table).estimate == pytest.approx(0.6032766111513396)


@pytest.mark.parametrize(
    ("func", "population"),
    [(goodman_kruskal_gamma, _gamma_p), (kendall_tau_b, _taub_p), (somers_d, _somers_p)],
)
def test_ase_matches_numerical_delta_method(func, population):
    res = func(AGRESTI)
    assert res.estimate == pytest.approx(population(AGRESTI / AGRESTI.sum()))
    assert res.ase == pytest.approx(_delta_method_ase(population, AGRESTI), rel=1e-5)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3)), min_size=3, max_size=40).filter(
        lambda pairs: len({a for a, _ in pairs}) > 1 and len({b for _, b in pairs}) > 1
    )
)
def test_against_scipy_and_brute_force(pairs):
    x = np.array([a for a, _ in pairs])
    y = np.array([b for _, b in pairs])
    c, d = _brute_pairs(x, y)
    tau = kendall_tau_b(x, y)
    assert (tau.concordant, tau.discordant) == (c, d)
    assert tau.estimate == pytest.approx(stats.kendalltau(x, y).statistic, abs=1e-12)
    assert somers_d(x, y).estimate == pytest.approx(stats.somersd(x, y).statistic, abs=1e-12)
    if c + d:
        assert goodman_kruskal_gamma(x, y).estimate == pytest.approx((c - d) / (c + d))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 6), min_size=16, max_size=16))
def test_gamma_invariances(cells):
    table = np.array(cells).reshape(4, 4)
    res = goodman_kruskal_gamma(table)
    if math.isnan(res.estimate):
        return
    # reversing the order of y flips the sign; swapping x and y changes nothing
    flipped = goodman_kruskal_gamma(table[:, ::-1])
    assert flipped.estimate == pytest.approx(-res.estimate, abs=1e-12)
    assert flipped.ase == pytest.approx(res.ase, abs=1e-12)
    assert goodman_kruskal_gamma(table.T).estimate == pytest.approx(res.estimate, abs=1e-12)
    assert kendall_tau_b(table.T).estimate == pytest.approx(
        kendall_tau_b(table).estimate, abs=1e-12
    )
    # a strictly increasing recoding of x leaves gamma unchanged
    x, y = _expand(table)
    assert goodman_kruskal_gamma(np.exp(x) * 10, y).estimate == pytest.approx(res.estimate)


def test_degenerate_inputs_give_nan():
    constant_x = goodman_kruskal_gamma([1, 1, 1], [1, 2, 3])
    assert math.isnan(constant_x.estimate) and math.isnan(constant_x.ci_low)
    assert math.isnan(kendall_tau_b([1, 1, 1], [1, 2, 3]).estimate)
    assert math.isnan(somers_d([1, 1, 1], [1, 2, 3]).estimate)
    # y constant: tau-b undefined but Somers' d(y|x) = 0
    assert math.isnan(kendall_tau_b([1, 2, 3], [4, 4, 4]).estimate)
    assert somers_d([1, 2, 3], [4, 4, 4]).estimate == 0.0


def test_result_is_frozen_dataclass():
    res = goodman_kruskal_gamma(AGRESTI)
    assert isinstance(res, AssociationResult)
    with pytest.raises(AttributeError):
        res.estimate = 0.0  # type: ignore[misc]


def test_invalid_arguments():
    with pytest.raises(ValueError, match="`confidence` must be a number strictly between 0 and 1"):
        goodman_kruskal_gamma(AGRESTI, confidence=95)
    with pytest.raises(ValueError, match="same length"):
        kendall_tau_b([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="`x` must hold ordered numeric codes"):
        somers_d(["low", "high"], [1, 2])
    with pytest.raises(ValueError, match="`y` must not contain NaN"):
        somers_d([1, 2], [1.0, np.nan])
    with pytest.raises(ValueError, match="non-negative"):
        goodman_kruskal_gamma([[1, -1], [2, 3]])


def test_inputs_not_mutated():
    x = np.array([3, 1, 2, 2, 5])
    y = pd.Series([1, 1, 2, 3, 3])
    table = AGRESTI.copy()
    x_copy, y_copy = x.copy(), y.copy()
    for func in (goodman_kruskal_gamma, kendall_tau_b, somers_d):
        func(x, y)
        func(table)
    np.testing.assert_array_equal(x, x_copy)
    pd.testing.assert_series_equal(y, y_copy)
    np.testing.assert_array_equal(table, AGRESTI)


def test_kendall_tau_b_pvalue():
    from sra_analysis.metrics import kendall_tau_b_pvalue

    # exact, no ties: one inversion among five → 5 of the 5! orders have ≤ 1 inversion
    assert kendall_tau_b_pvalue([1, 2, 3, 4, 5], [1, 2, 3, 5, 4], alternative="greater") == (
        pytest.approx(5 / 120)
    )
    # with ties: the normal approximation with tie-corrected variance, as scipy gives it
    x = [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 5]
    y = [0, 1, 0, 2, 1, 3, 2, 2, 4, 3, 5, 4]
    two_sided = kendall_tau_b_pvalue(x, y)
    assert two_sided == pytest.approx(stats.kendalltau(x, y).pvalue)
    assert kendall_tau_b_pvalue(x, y, alternative="greater") == pytest.approx(two_sided / 2)
    assert math.isnan(kendall_tau_b_pvalue([1, 1, 1], [1, 2, 3]))
    with pytest.raises(ValueError, match="alternative"):
        kendall_tau_b_pvalue(x, y, alternative="both")
