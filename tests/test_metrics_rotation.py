"""Tests of sra_analysis.metrics.rotation: toroidal rotation tests, worked by hand, and their
level on stationary clustered nulls."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from sra_analysis.metrics import (
    capture_vs_chance,
    design_effect,
    disruption_episodes,
    rotation_auc_test,
    rotation_capture_test,
    rotation_tau_b_test,
    rotations,
)

# Two rings × 6 blocks. Ring A is disrupted in blocks 1-2, and the episode spills into ring B
# in block 2. The register flags ring A in blocks 1-2 and ring B in block 4.
DISRUPTED = np.array([[0, 1, 1, 0, 0, 0], [0, 0, 1, 0, 0, 0]], dtype=bool)
FLAGGED = np.array([[0, 1, 1, 0, 0, 0], [0, 0, 0, 0, 1, 0]], dtype=bool)


def test_hand_worked_rotation_of_two_rings():
    # Both rings shift together by k blocks (wrapping 5 → 0):
    #   k  ring A disrupted  hits A  ring B disrupted  hits B  hits
    #   0  {1, 2}            2       {2}               0       2   (observed)
    #   1  {2, 3}            1       {3}               0       1
    #   2  {3, 4}            0       {4}               1       1
    #   3  {4, 5}            0       {5}               0       0
    #   4  {5, 0}            0       {0}               0       0
    #   5  {0, 1}            1       {1}               0       1
    # No offset beats 2, only k = 0 ties: mid-p = (0 + 1/2) / 6 = 1/12. Mean 5/6; variance
    # (4 + 1 + 1 + 1) / 6 − (5/6)² = 17/36.
    test = rotation_capture_test(DISRUPTED, FLAGGED)
    assert (test.statistic, test.n_offsets, test.greater, test.ties) == (2.0, 6, 0, 1)
    assert test.p_value == pytest.approx(1 / 12)
    assert test.null_mean == pytest.approx(5 / 6)
    assert test.null_variance == pytest.approx(17 / 36)
    assert test.significant(0.1) and not test.significant(0.05)
    # the binomial would see 3 disrupted cells, 2 flagged, in 3 of 12 flagged cells:
    # variance 3 · ¼ · ¾ = 9/16; the rotations' 17/36 against it is the design effect
    assert design_effect(test, observed=3, flagged_share=0.25) == pytest.approx(
        (17 / 36) / (9 / 16)
    )
    assert capture_vs_chance(2, 3, 0.25).p_value == pytest.approx(3 * 0.25**2 * 0.75 + 0.25**3)


def test_every_ring_shifts_by_the_same_offset():
    # offset k moves both rings k blocks later, so ring B's spill-over stays on ring A's
    # second hour: block (2 + k) mod 6 in both rings
    shifted = rotations(DISRUPTED)
    assert shifted.shape == (6, 2, 6)
    for k in range(6):
        np.testing.assert_array_equal(shifted[k], np.roll(DISRUPTED, k, axis=1))
        assert shifted[k, 0, (2 + k) % 6] and shifted[k, 1, (2 + k) % 6]


def test_ties_count_one_half():
    # one ring of 4 blocks, everything flagged: every offset catches the one disruption,
    # four ties, mid-p = (0 + 4/2) / 4 = 0.5
    test = rotation_capture_test([1, 0, 0, 0], [1, 1, 1, 1])
    assert (test.greater, test.ties, test.p_value) == (0, 4, 0.5)


def test_auc_rotation_by_hand():
    # one ring, scores 1..5, disrupted block 3 (score 4): AUC 3/4. Shifted to blocks 3, 4, 0,
    # 1, 2 (scores 4, 5, 1, 2, 3) the AUC is 3/4, 1, 0, 1/4, 1/2: one above, one tie
    # (itself): mid-p = (1 + 1/2) / 5 = 0.3
    test = rotation_auc_test([1, 2, 3, 4, 5], [0, 0, 0, 1, 0])
    assert test.statistic == pytest.approx(0.75)
    assert (test.greater, test.ties) == (1, 1) and test.p_value == pytest.approx(0.3)


def test_capture_ties_are_broken_by_the_incidents_the_flags_hold():
    # one ring of 6 blocks, flagged 1-3, disrupted 1-2; incidents: one in each disrupted block
    # and two quiet ones in block 0 (not flagged). Shifted by k = 0..5 the disruptions sit on
    # {1,2} {2,3} {3,4} {4,5} {5,0} {0,1}: hits 2, 2, 1, 0, 0, 1 - k = 1 ties with k = 0.
    # At k = 0 the flags hold 2 incidents; at k = 1 the incidents sit on 2, 3 and 1 (the
    # quiet two), all flagged: 4. So k = 1 ranks above: mid-p = (1 + 1/2) / 6 = 0.25, where
    # the plain test gives (0 + 2/2) / 6. The statistic and its null moments stay the hits'.
    disrupted, flagged = [0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 0, 0]
    counts = [2, 1, 1, 0, 0, 0]
    plain = rotation_capture_test(disrupted, flagged)
    assert (plain.greater, plain.ties) == (0, 2) and plain.p_value == pytest.approx(1 / 6)
    test = rotation_capture_test(disrupted, flagged, counts=counts)
    assert (test.greater, test.ties) == (1, 1) and test.p_value == pytest.approx(0.25)
    assert (test.statistic, test.null_mean) == (2.0, pytest.approx(1.0))
    assert test.null_variance == pytest.approx(plain.null_variance)
    # counts that are the same everywhere break no tie
    same = rotation_capture_test(disrupted, flagged, counts=np.ones(6))
    assert (same.greater, same.ties) == (0, 2)
    # with no disrupted cell there is nothing to capture: every offset ties, whatever the
    # incidents (they do not turn the capture test into a test of incidents)
    quiet = rotation_capture_test(np.zeros(6), flagged, counts=counts)
    assert (quiet.greater, quiet.ties, quiet.p_value) == (0, 6, 0.5)


def test_auc_ties_are_broken_by_tau_b_against_the_incidents():
    # scores [0, 0, 5, 5], disrupted block 2: AUC 5/6 at k = 0 and k = 1 (block 3, score 5),
    # 1/6 at k = 2, 3. Incidents [0, 0, 1, 2]: tau-b at k = 0 is 4 / sqrt(4 · 5) (C 4, D 0);
    # at k = 1 the counts are [2, 0, 0, 1] (C 1, D 2), negative: k = 0 ranks alone on top,
    # mid-p = (0 + 1/2) / 4, where the plain test gives (0 + 2/2) / 4
    scores, disrupted, counts = [0, 0, 5, 5], [0, 0, 1, 0], [0, 0, 1, 2]
    assert rotation_auc_test(scores, disrupted).p_value == pytest.approx(0.25)
    test = rotation_auc_test(scores, disrupted, counts=counts)
    assert test.statistic == pytest.approx(5 / 6)
    assert (test.greater, test.ties) == (0, 1) and test.p_value == pytest.approx(0.125)


def test_tau_b_rotation_rotates_the_counts():
    # scores [0, 0, 5, 5] against counts [0, 0, 2, 1]: C = 4, D = 0, 2 pairs tied on the
    # score and 1 on the count of 6: tau-b = 4 / sqrt(4 · 5). The shifts give counts
    # [1, 0, 0, 2] (C 2, D 1), [2, 1, 0, 0] (D 4), [0, 2, 1, 0] (C 1, D 2): all lower
    test = rotation_tau_b_test([[0, 0, 5, 5]], [[0, 0, 2, 1]])
    assert test.statistic == pytest.approx(4 / np.sqrt(20))
    assert test.p_value == pytest.approx(0.5 / 4)


def test_cells_a_ring_lacks_are_never_counted():
    # ring B has no block 0-1 (valid False): the flag there is ignored, and a disruption
    # rotated onto them is lost. Ring A: disrupted 0, flagged 0; ring B: flagged 0 (invalid)
    disrupted = [[1, 0, 0, 0], [0, 0, 1, 0]]
    flagged = [[1, 0, 0, 0], [1, 0, 0, 0]]
    valid = [[1, 1, 1, 1], [0, 0, 1, 1]]
    test = rotation_capture_test(disrupted, flagged, valid=valid)
    # k = 0: A hits 1, B's flag invalid → 1; k = 1..3: A's disruption at 1..3, unflagged; B's
    # at 3, 0, 1: block 0 is flagged but invalid → 0. One tie, none above: mid-p 1/8
    assert (test.statistic, test.greater, test.ties) == (1.0, 0, 1)
    assert test.p_value == pytest.approx(0.125)


def test_episodes_count_runs_in_each_ring():
    # ring A: {0, 1}, {3}; ring B: {1, 2, 3}; ring C: {0}, {2}, {4, 5}
    disrupted = [[1, 1, 0, 1, 0, 0], [0, 1, 1, 1, 0, 0], [1, 0, 1, 0, 1, 1]]
    assert disruption_episodes(disrupted) == 2 + 1 + 3
    assert disruption_episodes([0, 0, 0]) == 0
    assert disruption_episodes([1, 1, 1]) == 1  # runs do not wrap round


def test_inputs_are_not_mutated():
    disrupted, flagged = DISRUPTED.copy(), FLAGGED.copy()
    rotation_capture_test(disrupted, flagged)
    disruption_episodes(disrupted)
    np.testing.assert_array_equal(disrupted, DISRUPTED)
    np.testing.assert_array_equal(flagged, FLAGGED)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: rotation_capture_test([[1, 0]], [[1, 0, 0]]), "same ring × block shape"),
        (lambda: rotation_capture_test([[1, 2]], [[1, 0]]), "`disrupted` must hold only"),
        (lambda: rotation_auc_test([[np.nan, 1]], [[1, 0]]), "`scores` must hold only finite"),
        (lambda: rotation_capture_test(np.zeros((2, 2, 2)), np.zeros((2, 2, 2))), "ring × block"),
        (lambda: rotation_capture_test([[1, 0]], [[1, 0]], valid=[[1]]), "`valid` must have"),
        (lambda: rotation_capture_test([[1, 0]], [[1, 0]], counts=[[1]]), "`counts` has shape"),
        (lambda: rotation_auc_test([[1, 0]], [[1, 0]], counts=[[np.inf, 0]]), "`counts` must"),
        (lambda: rotation_capture_test([[]], [[]]), "at least one block"),
    ],
)
def test_bad_input_names_the_argument(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_no_disruption_gives_no_p_value():
    assert np.isnan(rotation_auc_test([1, 2, 3], [0, 0, 0]).p_value)
    assert not rotation_auc_test([1, 2, 3], [0, 0, 0]).significant(0.05)


# ----------------------------------------------------------------------------- level


def _clustered_null(rng: np.random.Generator, rings: int = 3, blocks: int = 48) -> np.ndarray:
    """Disruptions in episodes on a circular time axis (so the process is stationary under
    rotation): 1-5 episodes of 1-6 blocks, each spilling into the adjacent ring with chance
    ½ and flaring up again with chance ⅓; independent of any register."""
    disrupted = np.zeros((rings, blocks), dtype=bool)
    for _ in range(1 + rng.poisson(2.0)):
        ring, start, length = rng.integers(rings), rng.integers(blocks), rng.integers(1, 7)
        hours = (start + np.arange(length)) % blocks
        disrupted[ring, hours] = True
        if rng.random() < 0.5:
            disrupted[(ring + rng.choice([-1, 1])) % rings, hours] = True
        if rng.random() < 1 / 3:
            disrupted[ring, (hours + length + rng.integers(1, 6)) % blocks] = True
    return disrupted


def _register(rng: np.random.Generator, rings: int = 3, blocks: int = 48) -> np.ndarray:
    """Scores in spans of 2-12 blocks, as an SRA rates them, jittered so no two cells tie."""
    scores = np.zeros((rings, blocks))
    for _ in range(6):
        ring, start = rng.integers(rings), rng.integers(blocks)
        span = slice(start, min(blocks, start + rng.choice([2, 3, 4, 6, 8, 12])))
        scores[ring, span] = np.maximum(scores[ring, span], rng.integers(1, 26))
    return scores + rng.random((rings, blocks)) * 1e-3


def test_rotation_p_values_are_uniform_on_stationary_clustered_nulls():
    # 400 events whose disruptions cluster but are independent of the register. Rotation
    # preserves such a process, so the observed AUC's rank among the 48 rotations is uniform
    # (Harms et al. 2001): without ties the mid-p takes (j − ½) / 48, j = 1..48, each with
    # chance 1/48, and eight bins of six values each hold 1/8 of the events.
    rng = np.random.default_rng(20240301)
    auc_p, capture_p, binomial_p = [], [], []
    for _ in range(400):
        disrupted, scores = _clustered_null(rng), _register(rng)
        auc_p.append(rotation_auc_test(scores, disrupted).p_value)
        flagged = scores >= 10
        capture_p.append(rotation_capture_test(disrupted, flagged).p_value)
        hits = int((disrupted & flagged).sum())
        binomial_p.append(capture_vs_chance(hits, int(disrupted.sum()), flagged.mean()).p_value)
    counts = np.histogram(auc_p, bins=8, range=(0, 1))[0]
    assert stats.chisquare(counts).pvalue > 0.01, counts
    assert stats.kstest(auc_p, "uniform").pvalue > 0.01
    # capture ties a lot (few flagged cells): the mid-p averages ½ when the rank is uniform,
    # and its size at 5 % stays near 5 % (exact binomial bound on 400 events: ≤ 8.5 %)
    capture_p = np.array(capture_p)
    assert abs(capture_p.mean() - 0.5) < 0.04
    rejections = int(np.sum(capture_p < 0.05))
    assert stats.binomtest(rejections, 400, 0.05, alternative="greater").pvalue > 0.01
    # the binomial test that treats cells as independent rejects more often on these nulls
    assert np.sum(np.array(binomial_p) < 0.05) > rejections


def test_capture_with_ties_broken_keeps_its_level_on_clustered_nulls():
    # The same nulls, with incidents of any severity: the disrupted cells' own incidents and
    # some in quiet cells, all independent of the register. Ordered first by the hits, then
    # by the incidents in flagged cells, the observation's rank among the 48 rotations is
    # still uniform under rotation (the tie-breaker rotates with the disruptions), and with
    # few exact ties left the mid-p is spread as (j − ½) / 48: eight bins of 1/8 each.
    rng = np.random.default_rng(20240302)
    plain, broken, ties, levels = [], [], [], []
    for _ in range(400):
        disrupted, scores = _clustered_null(rng), _register(rng)
        counts = disrupted * (1 + rng.poisson(1.5, disrupted.shape)) + rng.poisson(
            0.2, disrupted.shape
        )
        flagged = scores >= 10
        test = rotation_capture_test(disrupted, flagged)
        tie_broken = rotation_capture_test(disrupted, flagged, counts=counts)
        plain.append(test.p_value)
        broken.append(tie_broken.p_value)
        ties.append((test.ties, tie_broken.ties))
        levels.append(tie_broken.level(0.05))
    counts = np.histogram(broken, bins=8, range=(0, 1))[0]
    assert stats.chisquare(counts).pvalue > 0.01, counts
    assert stats.kstest(broken, "uniform").pvalue > 0.01
    # the plain test ties the observation with many offsets, the broken one with few
    plain_ties, broken_ties = np.mean(ties, axis=0)
    assert broken_ties < plain_ties / 2, (plain_ties, broken_ties)
    rejections = int(np.sum(np.array(broken) < 0.05))
    # size at 5 %: a rejection needs at most 3 of 48 offsets above (4/48 = 8.3 % of ranks at
    # most); exact binomial bounds on 400 events either way
    assert stats.binomtest(rejections, 400, 0.05, alternative="greater").pvalue > 0.01
    assert stats.binomtest(rejections, 400, 0.05, alternative="less").pvalue > 0.01
    # and it rejects as often as each event's own level says a stationary process would
    assert 0.04 < np.mean(levels) < 4 / 48 + 1e-12
    assert stats.binomtest(rejections, 400, float(np.mean(levels))).pvalue > 0.01


def test_level_without_ties_is_what_mid_p_over_the_offsets_allows():
    # One ring of 72 blocks, distinct scores, one disruption: every offset has its own AUC,
    # so the offsets' mid-p are (g + ½) / 72 for g = 0..71 offsets above. Below 5 % fall
    # g + ½ < 3.6, g = 0..3: 4 of 72 offsets, a size of 5.6 % at a nominal 5 %; below 2.5 %
    # g + ½ < 1.8, g = 0, 1: 2 of 72.
    scores = np.random.default_rng(7).permutation(72).astype(float)
    disrupted = np.zeros(72, dtype=bool)
    disrupted[10] = True
    test = rotation_auc_test(scores, disrupted)
    assert test.ties == 1
    assert test.level(0.05) == pytest.approx(4 / 72)
    assert test.level(0.025) == pytest.approx(2 / 72)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_level_is_the_rate_at_which_each_rotation_of_the_data_is_rejected(seed):
    # independent recomputation: make offset j the observation by rotating the disruptions
    # and incidents j blocks, run the test, and count the rotations it rejects
    rng = np.random.default_rng(seed)
    disrupted, scores = _clustered_null(rng, blocks=40), _register(rng, blocks=40)
    counts = disrupted * (1 + rng.poisson(1.0, disrupted.shape))
    flagged = scores >= 10
    for run in (
        lambda d, c: rotation_capture_test(d, flagged, counts=c),
        lambda d, c: rotation_capture_test(d, flagged),
        lambda d, c: rotation_auc_test(scores, d, counts=c),
    ):
        test = run(disrupted, counts)
        p_values = np.array(
            [run(np.roll(disrupted, j, axis=1), np.roll(counts, j, axis=1)).p_value
             for j in range(40)]
        )  # fmt: skip
        for alpha in (0.025, 0.05, 0.2):
            assert test.level(alpha) == pytest.approx(np.mean(p_values < alpha))


def test_tau_b_over_all_offsets_agrees_with_one_table_at_a_time():
    # the rotation tests build every offset's score × count table from FFT cross-correlations
    # and take tau-b of the stack at once; recompute each offset's table by rotating the
    # counts and counting, and tau-b by kendall_tau_b, table by table
    from sra_analysis.metrics import kendall_tau_b
    from sra_analysis.metrics.association import kendall_tau_b_tables

    rng = np.random.default_rng(7)
    for _ in range(60):
        rings, blocks = rng.integers(1, 4), rng.integers(3, 30)
        scores = rng.integers(0, 5, (rings, blocks)).astype(float)
        counts = rng.poisson(1.0, (rings, blocks)).astype(float)
        valid = rng.random((rings, blocks)) < 0.85
        valid[0, 0] = True
        test = rotation_tau_b_test(scores, counts, valid=valid)
        _, x = np.unique(scores[valid], return_inverse=True)
        values = []
        for rotated in rotations(counts * valid):
            _, y = np.unique(np.concatenate([(counts * valid).ravel(), rotated[valid]]),
                             return_inverse=True)  # fmt: skip
            y = y[counts.size :]
            table = np.zeros((x.max() + 1, y.max() + 1 if y.size else 1))
            np.add.at(table, (x, y), 1)
            values.append(kendall_tau_b(table).estimate)
        values = np.array(values)
        defined = values[~np.isnan(values)]
        if np.isnan(values[0]):
            assert np.isnan(test.p_value)
            continue
        close = np.isclose(defined, values[0], rtol=0, atol=1e-12)
        assert test.greater == int(np.sum((defined > values[0]) & ~close))
        assert test.ties == int(close.sum())
        assert test.null_mean == pytest.approx(defined.mean())
    tables = rng.poisson(2.0, (50, 4, 3))
    expected = [kendall_tau_b(table).estimate for table in tables]
    np.testing.assert_allclose(kendall_tau_b_tables(tables), expected, rtol=0, atol=1e-12)
