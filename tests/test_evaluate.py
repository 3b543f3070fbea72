"""Tests of sra_analysis.review.evaluate: the review's numbers (DESIGN §5) on hand-worked windows,
cross-checked against independent implementations (scikit-learn, scipy, statsmodels), run on
every bundled sample, and recovering the truth planted in large synthetic events.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from pandas.testing import assert_frame_equal
from scipy import stats
from sklearn.metrics import roc_auc_score
from statsmodels.stats import rates as sm_rates

from sra_analysis import evaluate, load_event, metrics, review_windows
from sra_analysis.errors import ParameterError
from sra_analysis.resources import sample_dir, sample_events
from sra_analysis.review.evaluate import OBSERVED_CLASSES, Evaluation
from sra_analysis.sample import GroundTruth, generate_event, write_event

TZ = "Asia/Jakarta"
LEVELS = pd.CategoricalDtype(["none", "low", "medium", "high", "extreme"], ordered=True)


# ----------------------------------------------------------------------------- hand-made table
#
#  i ring start  h  score level    inc dis sev  off_h mean plan  p     flagged observed
#  0  1   07:00  1   2   low        0   0   0    5    5    -    0.1     .       .
#  1  1   08:00  1   3   low        1   0   2    5    5    -    0.1     .       .
#  2  1   09:00  1   6   medium     2   1   4    5    5    -    0.3     .       x   miss
#  3  1   10:00  1  12   high       1   1   4    5    5    4    0.6     x       x   hit
#  4  1   11:00  1  20   extreme    3   2   5    5    5    4    0.8     x       x   hit
#  5  2   07:00  1  12   high       0   0   0    2    2    3    0.6     x       .   false alarm
#  6  2   08:00  1  12   high       0   0   0    2    2    3    0.6     x       .   false alarm
#  7  2   09:00  1   6   medium     0   0   0    2    2    -    0.3     .       .
#  8  2   10:00  2   3   low        1   1   4    4    2    -    0.1     .       x   miss
#  9  2   12:00  1  16   extreme    1   1   5    2    2    -    0.8     x       x   hit
#
# hits a = 3, false alarms b = 2, misses c = 2, correct negatives d = 3 (flag level "high").
WINDOW_ROWS = [
    ("1", "2024-03-01 07:00", 1, 2, "low", 0, 0, 0, 5, np.nan, 0.1),
    ("1", "2024-03-01 08:00", 1, 3, "low", 1, 0, 2, 5, np.nan, 0.1),
    ("1", "2024-03-01 09:00", 1, 6, "medium", 2, 1, 4, 5, np.nan, 0.3),
    ("1", "2024-03-01 10:00", 1, 12, "high", 1, 1, 4, 5, 4, 0.6),
    ("1", "2024-03-01 11:00", 1, 20, "extreme", 3, 2, 5, 5, 4, 0.8),
    ("2", "2024-03-01 07:00", 1, 12, "high", 0, 0, 0, 2, 3, 0.6),
    ("2", "2024-03-01 08:00", 1, 12, "high", 0, 0, 0, 2, 3, 0.6),
    ("2", "2024-03-01 09:00", 1, 6, "medium", 0, 0, 0, 2, np.nan, 0.3),
    ("2", "2024-03-01 10:00", 2, 3, "low", 1, 1, 4, 4, np.nan, 0.1),
    ("2", "2024-03-01 12:00", 1, 16, "extreme", 1, 1, 5, 2, np.nan, 0.8),
]


def hand_windows(rows=WINDOW_ROWS) -> pd.DataFrame:
    ring, start, hours, score, level, inc, dis, sev, officer_hours, plan, p = zip(
        *rows, strict=True
    )
    starts = pd.DatetimeIndex(pd.to_datetime(list(start))).tz_localize(TZ).as_unit("us")
    hours = np.array(hours, dtype=float)
    officer_hours = np.array(officer_hours, dtype=float)
    return pd.DataFrame(
        {
            "ring": pd.Categorical(ring, categories=["1", "2"]),
            "window_start": starts,
            "window_end": starts + pd.to_timedelta(hours, unit="h"),
            "hours": hours,
            "predicted_score": np.array(score, dtype=np.int64),
            "predicted_level": pd.Categorical(level, dtype=LEVELS),
            "probability": np.array(p, dtype=float),
            "incidents": np.array(inc, dtype=np.int64),
            "disruptions": np.array(dis, dtype=np.int64),
            "max_severity": np.array(sev, dtype=np.int64),
            "officer_hours": officer_hours,
            "mean_staff": officer_hours / hours,
            "min_staff": (officer_hours / hours).astype(np.int64),
            "planned_staff": np.array(plan, dtype=float),
        }
    )


@pytest.fixture(scope="module")
def hand_review() -> Evaluation:
    return evaluate(hand_windows(), n_resamples=200, seed=1)


def test_two_by_two_counts_and_scores(hand_review):
    p, s = hand_review.counts, hand_review.score
    assert (p.hits, p.misses, p.false_alarms, p.correct_negatives) == (3, 2, 2, 3)
    assert p.windows == 10
    assert s("pod").estimate == pytest.approx(3 / 5)  # a / (a + c)
    assert s("far").estimate == pytest.approx(2 / 5)  # b / (a + b)
    assert s("csi").estimate == pytest.approx(3 / 7)  # a / (a + b + c)
    assert s("frequency_bias").estimate == pytest.approx(1.0)  # (a + b) / (a + c)
    assert s("pss").estimate == pytest.approx(3 / 5 - 2 / 5)  # POD − POFD, POFD = b / (b + d)
    # HSS = 2(ad − bc) / ((a + c)(c + d) + (a + b)(b + d)) = 2(9 − 4) / (25 + 25)
    assert s("hss").estimate == pytest.approx(0.2)
    # ETS: a_random = (a + b)(a + c) / n = 2.5; (a − 2.5) / (a + b + c − 2.5) = 0.5 / 4.5
    assert s("ets").estimate == pytest.approx(1 / 9)


def test_capture_pai(hand_review):
    p, s = hand_review.counts, hand_review.score
    # disruptions 1 + 1 + 2 + 1 + 1 = 6, of which 1 + 2 + 1 = 4 in flagged windows (3, 4, 9);
    # flagged hours 5 of 11 → PAI = (4 / 6) / (5 / 11) = 22 / 15
    assert p.disruptions_in_flagged == 4
    assert (p.flagged_hours, p.total_hours) == (5, 11)
    assert s("hit_rate").estimate == pytest.approx(4 / 6)
    assert s("pai").estimate == pytest.approx(22 / 15)


def test_auc_hand_worked_and_against_scikit_learn(hand_review):
    # observed windows' scores 6, 12, 20, 3, 16 against quiet ones' 2, 3, 12, 12, 6; per observed
    # window, quiet ones below it plus half the ties: 6 → 2 + ½; 12 → 3 + 2·½; 20 → 5;
    # 3 → 1 + ½; 16 → 5; total 18 of 25 pairs
    s = hand_review.score
    assert s("auc").estimate == pytest.approx(18 / 25)
    windows = hand_review.windows
    expected = roc_auc_score(windows["disruptions"] > 0, windows["predicted_score"])
    assert s("auc").estimate == pytest.approx(expected)
    assert s("auc").ci_low <= s("auc").estimate <= s("auc").ci_high
    assert 0 < s("auc").p_value <= 1


def _pairs(x, y) -> tuple[int, int]:
    """Concordant and discordant pairs, by brute force over all pairs."""
    concordant = discordant = 0
    for i in range(len(x)):
        for j in range(i + 1, len(x)):
            sign = np.sign(x[i] - x[j]) * np.sign(y[i] - y[j])
            concordant += sign > 0
            discordant += sign < 0
    return concordant, discordant


def test_ordinal_association_against_scipy_and_pair_counts(hand_review):
    windows = hand_review.windows
    score, incidents = windows["predicted_score"].to_numpy(), windows["incidents"].to_numpy()
    s = hand_review.score
    assert s("kendall_tau_b").estimate == pytest.approx(
        stats.kendalltau(score, incidents).statistic
    )
    concordant, discordant = _pairs(score, incidents)
    assert s("gk_gamma").estimate == pytest.approx(
        (concordant - discordant) / (concordant + discordant)
    )
    assert s("somers_d").estimate == pytest.approx(stats.somersd(score, incidents).statistic)


def _garwood(count: int, exposure: float, per: float = 1.0) -> tuple[float, float]:
    """Exact Poisson 95% limits (Garwood 1936) from chi-square quantiles."""
    low = stats.chi2.ppf(0.025, 2 * count) / 2 if count else 0.0
    high = stats.chi2.ppf(0.975, 2 * count + 2) / 2
    return low / exposure * per, high / exposure * per


def test_rate_by_level_keeps_absent_levels(hand_review):
    table = hand_review.rate_by_level
    # none: no window; low: 0, 1, 8 (4 h, 2 incidents, 1 disruption); medium: 2, 7 (2 h, 2, 1);
    # high: 3, 5, 6 (3 h, 1, 1); extreme: 4, 9 (2 h, 4, 3)
    assert table["level"].tolist() == ["none", "low", "medium", "high", "extreme"]
    assert table["windows"].tolist() == [0, 3, 2, 3, 2]
    assert table["hours"].tolist() == [0, 4, 2, 3, 2]
    assert table["incidents"].tolist() == [0, 2, 2, 1, 4]
    assert table["disruptions"].tolist() == [0, 1, 1, 1, 3]
    assert np.isnan(table.loc[0, "incident_rate"]) and np.isnan(table.loc[0, "incident_ci_high"])
    assert table["incident_rate"].tolist()[1:] == pytest.approx([0.5, 1.0, 1 / 3, 2.0])
    assert table["disruption_rate"].tolist()[1:] == pytest.approx([0.25, 0.5, 1 / 3, 1.5])
    for row in table.iloc[1:].itertuples():
        assert (row.incident_ci_low, row.incident_ci_high) == pytest.approx(
            _garwood(row.incidents, row.hours)
        )
        assert (row.disruption_ci_low, row.disruption_ci_high) == pytest.approx(
            _garwood(row.disruptions, row.hours)
        )


def test_by_ring_rate_per_100_officer_hours_with_garwood_interval(hand_review):
    by_ring = hand_review.by_ring
    # ring 1: 0 + 1 + 2 + 1 + 3 = 7 incidents over 5 × 5 = 25 officer-hours → 28 per 100;
    # ring 2: 0 + 0 + 0 + 1 + 1 = 2 incidents over 2 + 2 + 2 + 4 + 2 = 12 → 16.67 per 100
    assert by_ring["ring"].tolist() == ["1", "2"]
    assert by_ring["incidents"].tolist() == [7, 2]
    assert by_ring["disruptions"].tolist() == [4, 2]
    assert by_ring["officer_hours"].tolist() == [25.0, 12.0]
    assert by_ring["incidents_per_100_officer_hours"].tolist() == pytest.approx([28.0, 200 / 12])
    for row in by_ring.itertuples():
        assert (row.ci_low, row.ci_high) == pytest.approx(
            _garwood(row.incidents, row.officer_hours, per=100)
        )


def test_rate_ratio_flagged_vs_unflagged_against_exact_conditional_and_statsmodels(hand_review):
    s = hand_review.score
    # disruptions: flagged 4 in 5 h, unflagged 2 in 6 h → (4/5) / (2/6) = 2.4
    assert s("disruptions_rate_ratio").estimate == pytest.approx(2.4)
    # incidents: flagged 1 + 3 + 1 = 5 in 5 h, unflagged 1 + 2 + 1 = 4 in 6 h → 1.5
    assert s("incidents_rate_ratio").estimate == pytest.approx(1.5)
    # exact conditional interval (documented in metrics.compare_rates): given m = k1 + k2,
    # k1 ~ Binomial(m, π), π = R t1 / (R t1 + t2); Clopper–Pearson on π mapped to R.
    for name, k1, k2 in (("disruptions", 4, 2), ("incidents", 5, 4)):
        ci = stats.binomtest(k1, k1 + k2).proportion_ci(0.95, method="exact")
        to_ratio = lambda pi: pi / (1 - pi) * 6 / 5  # noqa: E731
        assert s(f"{name}_rate_ratio").ci_low == pytest.approx(to_ratio(ci.low))
        assert s(f"{name}_rate_ratio").ci_high == pytest.approx(to_ratio(ci.high))
        # the E-test of Krishnamoorthy & Thomson (2004) with the unpooled (Wald) statistic, as
        # scipy.stats.poisson_means_test computes it, stays in metrics.compare_rates
        etest = sm_rates.test_poisson_2indep(k1, 5.0, k2, 6.0, method="etest-wald")
        assert metrics.compare_rates(k1, 5.0, k2, 6.0).p_value == pytest.approx(
            etest.pvalue, rel=1e-6
        )
        # the table shows the exact conditional test: k1 ~ Binomial(k1 + k2, 5/11) when the
        # rates are equal, one-sided P(X ≥ k1), summed here term by term
        m, share = k1 + k2, 5 / 11
        tail = sum(math.comb(m, j) * share**j * (1 - share) ** (m - j) for j in range(k1, m + 1))
        assert s(f"{name}_rate_ratio").p_value == pytest.approx(tail, rel=1e-9)
        assert "exact conditional test" in s(f"{name}_rate_ratio").method


def test_confusion_by_level_and_observed_class(hand_review):
    confusion = hand_review.confusion
    assert list(confusion.columns) == list(OBSERVED_CLASSES)
    # rows: predicted level; columns: quiet, incident (no disruption), disruption
    expected = {
        "none": [0, 0, 0],
        "low": [1, 1, 1],  # 0 quiet, 1 incident, 8 disruption
        "medium": [1, 0, 1],  # 7, 2
        "high": [2, 0, 1],  # 5 and 6, 3
        "extreme": [0, 0, 2],  # 4, 9
    }
    assert {level: confusion.loc[level].tolist() for level in expected} == expected


def test_spans_of_misses_false_alarms_and_understaffing(hand_review):
    misses = hand_review.misses
    # misses 2 (ring 1 09–10) and 8 (ring 2 10–12) are separate spans
    assert misses["ring"].tolist() == ["1", "2"]
    assert misses["hours"].tolist() == [1.0, 2.0]
    assert misses["disruptions"].tolist() == [1, 1]
    # false alarms 5 and 6 touch: one span, ring 2 07–09
    false_alarms = hand_review.false_alarms
    assert false_alarms[["ring", "windows", "hours"]].values.tolist() == [["2", 2, 2.0]]
    # understaffed: flagged and mean staff below plan — 5 and 6 (2 < 3), not 3 and 4 (5 ≥ 4),
    # not 9 (no plan); shortfall (3 − 2) × 1 h × 2
    understaffed = hand_review.understaffed
    assert understaffed[["ring", "windows"]].values.tolist() == [["2", 2]]
    assert understaffed["shortfall_officer_hours"].tolist() == [2.0]


def test_brier_score_hand_worked(hand_review):
    # squared errors: .01 .01 .49 .16 .04 .36 .36 .09 .81 .04 → 2.37 / 10
    s = hand_review.score
    assert s("brier").estimate == pytest.approx(0.237)
    assert s("brier").estimate == pytest.approx(
        s("brier_reliability").estimate
        - s("brier_resolution").estimate
        + s("brier_uncertainty").estimate
    )
    assert s("brier_uncertainty").estimate == pytest.approx(0.5 * 0.5)  # base rate 5 / 10


def test_totals_of_a_bare_windows_table(hand_review):
    totals = hand_review.totals
    assert totals["incidents"] == 9 and totals["disruptions"] == 6
    assert totals["officer_hours"] == 37.0 and totals["ring_hours"] == 11.0
    assert totals["personnel"] is None and hand_review.meta is None


def test_flag_level_changes_what_counts_as_flagged():
    review = evaluate(hand_windows(), flag_level="medium", n_resamples=0)
    p, s = review.counts, review.score
    # medium and above: 2, 3, 4, 5, 6, 7, 9 → hits 2, 3, 4, 9; false alarms 5, 6, 7; miss 8
    assert (p.hits, p.misses, p.false_alarms, p.correct_negatives) == (4, 1, 3, 2)
    assert review.flag_level == review.prediction.flag_level == "medium"
    # the rotation test tries every offset and needs no resamples: 0 < p ≤ 1 all the same
    assert 0 < s("auc").p_value <= 1 and "rotation" in s("auc").method


@pytest.mark.parametrize("flag_level", ["none", "bogus", "HIGH"])
def test_bad_flag_level_is_a_parameter_error(flag_level):
    # the message of sra_analysis.levels.check_flag_level, written out by hand
    message = f"flag_level must be one of ['low', 'medium', 'high', 'extreme'], got {flag_level!r}"
    with pytest.raises(ParameterError, match=re.escape(message)):
        evaluate(hand_windows(), flag_level=flag_level, n_resamples=0)


def test_bad_inputs_are_parameter_errors():
    with pytest.raises(ParameterError, match="needs an Event or a windows DataFrame, got list"):
        evaluate([1, 2, 3])
    windows = hand_windows().assign(predicted_level=lambda w: w["predicted_level"].astype(str))
    with pytest.raises(ParameterError, match="must be an ordered categorical"):
        evaluate(windows, n_resamples=0)


def test_windows_table_is_not_mutated():
    windows = hand_windows()
    before = windows.copy(deep=True)
    review = evaluate(windows, n_resamples=50)
    assert_frame_equal(windows, before)
    assert {"flagged", "observed"} <= set(review.windows.columns)


# ----------------------------------------------------------------------------- whole events


@pytest.fixture(scope="module")
def purwakarta():
    return load_event(sample_dir() / "purwakarta-2024")


DESIGN_SUMMARY = {
    "event": {"id", "name", "timezone", "start", "end"},
    "provenance": {"sra_analysis_version", "generated_at", "parameters", "inputs"},
    "totals": {"incidents", "disruptions", "officer_hours", "personnel"},
}
DESIGN_BY_RING = {
    "ring", "incidents", "disruptions", "officer_hours", "incidents_per_100_officer_hours",
    "ci_low", "ci_high", "zone",
}  # fmt: skip
DESIGN_PREDICTION = {
    "flag_level", "hits", "misses", "false_alarms", "correct_negatives", "pod", "far", "csi",
    "hss", "pss", "ets", "pai", "auc", "kendall_tau_b", "gk_gamma", "rate_by_level",
}  # fmt: skip


def _strings(value):
    """Every key and string leaf of a JSON-like structure."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _check_summary(summary: dict, event) -> None:
    assert set(summary) >= {"event", "provenance", "data_quality", "totals", "by_ring",
                            "prediction", "findings"}  # fmt: skip
    for key, fields in DESIGN_SUMMARY.items():
        assert set(summary[key]) >= fields, key
    for kind in ("incidents", "staffing", "risk_register"):
        assert set(summary["data_quality"][kind]) >= {"rows_read", "accepted", "quarantined"}
    assert [row["ring"] for row in summary["by_ring"]] == list(event.meta.ring_ids)
    for row in summary["by_ring"]:
        assert set(row) >= DESIGN_BY_RING
    assert set(summary["prediction"]) >= DESIGN_PREDICTION
    for finding in summary["findings"]:
        assert set(finding) >= {"kind", "metric", "value", "text"}
    # DESIGN §5: verdict {grade, evidence, text}
    assert set(summary["verdict"]) >= {"grade", "evidence", "text"}
    assert summary["verdict"]["grade"] in {"good", "mixed", "poor", "quiet"}
    assert summary["verdict"]["evidence"] in {"thin", "sufficient"}
    json.dumps(summary, allow_nan=False)  # raises on NaN or on anything not JSON
    # officer identifiers never leave the event (DESIGN §6)
    officers = set(event.staffing["officer_id"])
    assert not [s for s in _strings(summary) for officer in officers if officer in s]


def test_summary_of_the_sample_event(purwakarta):
    review = evaluate(purwakarta, n_resamples=200)
    summary = review.to_dict()
    _check_summary(summary, purwakarta)
    assert summary["event"]["id"] == "purwakarta-2024"
    assert summary["totals"]["personnel"] == purwakarta.staffing["officer_id"].nunique() == 50
    assert summary["totals"]["incidents"] == len(purwakarta.incidents)
    p = summary["prediction"]
    assert p["hits"] + p["misses"] + p["false_alarms"] + p["correct_negatives"] == 3 * 64
    assert [row["level"] for row in p["rate_by_level"]] == list(LEVELS.categories)
    assert summary["provenance"]["parameters"]["n_resamples"] == 200
    assert set(summary["provenance"]["inputs"]) == {
        "event.yaml", "incidents.csv", "staffing.csv", "risk_register.csv",
    }  # fmt: skip
    assert summary == json.loads(json.dumps(summary))  # plain JSON types only
    assert review.to_dict(lang="id")["findings"][0]["text"] != summary["findings"][0]["text"]


@pytest.mark.parametrize("folder", sample_events(), ids=lambda path: path.name)
def test_every_bundled_sample_evaluates_cleanly(folder: Path):
    event = load_event(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        review = evaluate(event, n_resamples=200)
        summary = review.to_dict()
        review.verdict.text("id")
    _check_summary(summary, event)
    p, s = review.counts, review.score
    assert p.hits + p.misses + p.false_alarms + p.correct_negatives == len(review.windows)
    assert review.totals["personnel"] == event.staffing["officer_id"].nunique()
    assert "officer_id" not in review.staffing_overlaps.columns
    # AUC as scikit-learn computes it, whenever both classes occur
    observed = review.windows["disruptions"] > 0
    if 0 < observed.sum() < len(observed):
        expected = roc_auc_score(observed, review.windows["predicted_score"])
        assert s("auc").estimate == pytest.approx(expected)


def test_resampling_is_deterministic(planted):
    # the planted event has dozens of disrupted windows, enough for the bootstrap interval
    windows = planted[1].windows.drop(columns=["flagged", "observed"])
    first = evaluate(windows, n_resamples=200, seed=7).to_dict()["prediction"]
    again = evaluate(windows, n_resamples=200, seed=7).to_dict()["prediction"]
    other = evaluate(windows, n_resamples=200, seed=8).to_dict()["prediction"]
    assert first.get("auc_ci_method", "bootstrap") == "bootstrap"
    for key in ("auc_ci_low", "auc_ci_high", "auc_p_value", "kendall_tau_b_p_value"):
        assert first[key] == again[key], key
    assert (first["auc_ci_low"], first["auc_ci_high"]) != (
        other["auc_ci_low"],
        other["auc_ci_high"],
    )
    assert first == again  # NaN is null in to_dict(), so the whole dicts compare


def test_precomputed_windows_give_the_same_review(purwakarta):
    windows = review_windows(purwakarta, "1h")
    before = windows.copy(deep=True)
    direct = evaluate(purwakarta, n_resamples=50).to_dict()
    given = evaluate(purwakarta, windows=windows, n_resamples=50).to_dict()
    assert_frame_equal(windows, before)
    assert given["prediction"] == direct["prediction"]
    assert given["by_ring"] == direct["by_ring"]


def test_event_inputs_are_not_mutated(purwakarta):
    before = {n: getattr(purwakarta, n).copy(deep=True) for n in ("incidents", "staffing", "risks")}
    evaluate(purwakarta, n_resamples=0, aoristic=True)
    for name, frame in before.items():
        assert_frame_equal(getattr(purwakarta, name), frame)


def test_event_tables_recomputed(purwakarta):
    review = evaluate(purwakarta, n_resamples=0)
    incidents, risks = purwakarta.incidents, purwakarta.risks
    # unanticipated: incidents without risk_id
    assert review.unanticipated["incident_id"].tolist() == (
        incidents.loc[incidents["risk_id"].isna(), "incident_id"].tolist()
    )
    # each register item's linked incidents
    linked = incidents["risk_id"].value_counts()
    items = review.sra_items.set_index("risk_id")
    for risk_id in risks["risk_id"]:
        assert items.loc[risk_id, "linked_incidents"] == linked.get(risk_id, 0)
    # overall response time: median minutes from report to response
    minutes = (incidents["responded_at"] - incidents["reported_at"]).dt.total_seconds() / 60
    overall = review.response_times.set_index("ring").loc["all"]
    assert overall["median_minutes"] == pytest.approx(np.median(minutes.dropna()))
    assert overall["n"] == minutes.notna().sum()


def test_quiet_event_and_an_event_with_nothing_in_it(build_event):
    # register, no incidents at all: nothing to capture, the verdict is "quiet"
    risks = [{"risk_id": "R1", "threat": "demo", "ring": "1", "likelihood": 3, "impact": 4}]
    quiet = evaluate(build_event(risks=risks), n_resamples=50)
    assert quiet.verdict.grade == "quiet"
    assert math.isnan(quiet.score("pai").estimate) and math.isnan(quiet.score("auc").estimate)
    json.dumps(quiet.to_dict(), allow_nan=False)
    # no register and no incidents: still a (quiet) review, not a crash
    empty = evaluate(build_event(), n_resamples=50)
    assert empty.sra_items.empty and empty.verdict.grade == "quiet"
    json.dumps(empty.to_dict(), allow_nan=False)


def test_officer_ids_never_leave_through_overlaps(build_event, monkeypatch):
    monkeypatch.setenv("SRA_PSEUDONYM_KEY", "test-key")
    staffing = [
        {"officer_id": "NRP-81014747", "ring": "1", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
        {"officer_id": "NRP-81014747", "ring": "1", "shift_start": "2024-03-01 13:00",
         "shift_end": "2024-03-01 21:00"},
        {"officer_id": "NRP-77057217", "ring": "2", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
    ]  # fmt: skip
    event = build_event(staffing=staffing)
    review = evaluate(event, n_resamples=0)
    assert len(review.staffing_overlaps) == 1
    assert review.staffing_overlaps["overlap_hours"].tolist() == [2.0]
    assert "NRP-" not in review.staffing_overlaps.to_string()
    summary = review.to_dict()
    _check_summary(summary, event)
    assert summary["data_quality"]["staffing_overlaps"] == {"shifts": 1, "hours": 2.0}
    overlaps = [f for f in review.findings if f.key == "overlaps"]
    assert [f.value for f in overlaps] == [1]


# ----------------------------------------------------------------------------- planted truth


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """60 days, 300 officers, 200 register items: every level has hundreds of ring-hours
    (seed 1: none 1955, low 136, medium 1602, high 365, extreme 262). Independent ring-hours
    (no episodes): the Poisson GLM below assumes them, and episodes would make its Wald
    intervals too narrow, which is the point of the rotation tests, not of this check."""
    synthetic = generate_event(seed=1, days=60, n_officers=300, n_risks=200,
                               ground_truth=GroundTruth(episodes=None))  # fmt: skip
    folder = tmp_path_factory.mktemp("planted") / "event"
    write_event(synthetic, folder, format="parquet")
    review = evaluate(load_event(folder), n_resamples=200, seed=0)
    return synthetic, review


def test_planted_windows_are_found(planted):
    synthetic, review = planted
    windows, truth = review.windows, synthetic.planted_windows
    assert windows["predicted_level"].astype(str).tolist() == (
        truth["predicted_level"].astype(str).tolist()
    )
    assert windows["incidents"].tolist() == truth["incidents"].tolist()
    assert windows["mean_staff"].to_numpy() == pytest.approx(truth["mean_staff"].to_numpy())


def test_planted_level_rates_fall_inside_the_exact_intervals(planted):
    # the planted expectation per ring-hour of each level, staffing effect included, is
    # Σ expected_incidents / hours over the level's ring-hours (sra_analysis.sample docstring)
    synthetic, review = planted
    expected = synthetic.planted_windows.groupby("predicted_level", observed=False)[
        "expected_incidents"
    ].sum()
    table = review.rate_by_level.set_index("level")
    for level in ("none", "medium", "high", "extreme"):  # ≥ 250 ring-hours each
        row = table.loc[level]
        assert row["windows"] >= 250
        planted_rate = expected[level] / row["hours"]
        assert row["incident_ci_low"] <= planted_rate <= row["incident_ci_high"], level
    # high vs medium: the planted ratio lies in the exact conditional interval of the ratio
    from sra_analysis.metrics import compare_rates

    high, medium = table.loc["high"], table.loc["medium"]
    ratio = compare_rates(
        int(high["incidents"]), high["hours"], int(medium["incidents"]), medium["hours"]
    )
    planted_ratio = (expected["high"] / high["hours"]) / (expected["medium"] / medium["hours"])
    assert ratio.ci_low <= planted_ratio <= ratio.ci_high
    assert ratio.ci_low > 1  # the SRA's higher level really is riskier


def test_poisson_glm_recovers_planted_rates_and_staffing_elasticity(planted):
    # log E[incidents] = level effect + β·log(clip(mean_staff / planned, .25, 4)) + log(hours),
    # fitted with statsmodels; the planted rates (GroundTruth.rate_by_level) and β = −0.5
    # (staffing_elasticity) must lie inside the 95% Wald intervals
    synthetic, review = planted
    windows = review.windows
    truth = synthetic.ground_truth
    planned = windows["ring"].astype(str).map(synthetic.planted["planned_on_duty"]).astype(float)
    ratio = np.clip(windows["mean_staff"] / planned, *truth.staffing_ratio_bounds)
    levels = windows["predicted_level"].astype(str)
    present = [level for level in LEVELS.categories if (levels == level).any()]
    design = pd.get_dummies(levels)[present].astype(float)
    design["log_staffing"] = np.log(ratio.to_numpy())
    fit = sm.GLM(
        windows["incidents"].astype(float),
        design,
        family=sm.families.Poisson(),
        offset=np.log(windows["hours"].to_numpy()),
    ).fit()
    interval = fit.conf_int(alpha=0.05)
    for level in present:
        low, high = np.exp(interval.loc[level])
        assert low <= truth.rate_by_level[level] <= high, level
    low, high = interval.loc["log_staffing"]
    assert low <= -truth.staffing_elasticity <= high
    assert high < 0  # under-staffing really raised the rate


def test_auc_significantly_above_chance(planted):
    _, review = planted
    s = review.score
    assert s("auc").ci_low > 0.5
    assert s("auc").p_value < 0.05
    observed = review.windows["disruptions"] > 0
    assert s("auc").estimate == pytest.approx(
        roc_auc_score(observed, review.windows["predicted_score"])
    )
    assert s("kendall_tau_b").estimate == pytest.approx(
        stats.kendalltau(review.windows["predicted_score"], review.windows["incidents"]).statistic
    )


def test_totals_separate_incidents_outside_the_review_windows(tmp_path):
    # one disrupting incident reported 2 h after the event's end (inside the 24 h margin, so
    # it is accepted) counts in the totals but not in the windows the scores use
    import shutil

    folder = tmp_path / "late"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    incidents = pd.read_csv(folder / "incidents.csv", dtype=str, keep_default_na=False)
    late = incidents.iloc[[0]].assign(
        incident_id="INC-LATE", reported_at="2024-03-04 01:00", severity="5",
        disrupted_proceedings="true", responded_at="", resolved_at="", occurred_from="",
        occurred_to="",
    )  # fmt: skip
    pd.concat([incidents, late]).to_csv(folder / "incidents.csv", index=False)
    before = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=0).totals
    after = evaluate(load_event(folder), n_resamples=0).totals
    assert after["incidents"] == before["incidents"] + 1
    assert after["disruptions"] == before["disruptions"] + 1
    assert after["incidents_in_windows"] == before["incidents_in_windows"]
    assert after["disruptions_in_windows"] == before["disruptions_in_windows"]


def test_summary_json_shape_is_pinned(purwakarta):
    # DESIGN §5: the top-level keys, schema_version "3", the verdict and the tidy scores
    summary = evaluate(purwakarta, n_resamples=0).to_dict()
    assert set(summary) == {
        "event", "provenance", "data_quality", "totals", "by_ring", "prediction", "scores",
        "verdict", "findings", "aar", "schema_version", "staffing_plan",
    }  # fmt: skip
    # issue 16: where the plan line comes from, and how disruptions were decided
    assert set(summary["staffing_plan"]) == {
        "source", "file", "planned_personnel", "served_personnel", "by_ring"
    }  # fmt: skip
    assert set(summary["totals"]["disruption_rule"]) == {
        "source", "threshold", "decided_by_rule", "disruptions_by_rule"
    }  # fmt: skip
    assert summary["schema_version"] == "3"
    # each ring with the zone event.yaml gives it (Polri order: ring 1 the plenary room)
    assert [(r["ring"], r["zone"]) for r in summary["by_ring"]] == [
        ("1", "core"), ("2", "building"), ("3", "perimeter")
    ]  # fmt: skip
    assert set(summary["verdict"]) == {
        "grade", "label", "evidence", "reason", "text", "episodes", "evidence_units",
        "disrupted_windows", "design_effect", "capture_p_value", "auc_p_value", "offsets",
        "test",
    }  # fmt: skip
    # the sample's 3 disrupted windows are 3 episodes, 64 hours give 64 offsets
    assert (summary["verdict"]["episodes"], summary["verdict"]["offsets"]) == (3, 64)
    # the after-action review (issue 17): the commander's part of the summary
    aar = summary["aar"]
    assert set(aar) == {"grade", "label", "counts", "summary", "chronology", "strengths",
                        "improvements", "notes", "parameters", "anchors"}  # fmt: skip
    assert set(aar["counts"]) == {
        "incidents", "disruptions", "disruptions_flagged", "disruptions_missed",
        "disrupted_ring_hours", "disrupted_ring_hours_flagged", "disrupted_ring_hours_missed",
        "flagged_ring_hours", "ring_hours",
    }  # fmt: skip
    for line in aar["summary"]:
        assert list(line) == ["key", "text", "anchor"]
    for episode in aar["chronology"]:
        assert list(episode) == [
            "id", "start", "end", "rings", "categories", "incident_ids", "incident_count",
            "risk_ids", "disruptions", "missed_disruptions", "max_severity", "levels",
            "spread_minutes", "response_minutes", "slowest_response_minutes",
            "resolution_minutes", "anchor",
        ]  # fmt: skip
        assert list(episode["levels"]) == ["min", "max", "by_ring"]
    for strength in aar["strengths"]:
        assert list(strength) == ["kind", "text", "evidence", "episodes"]
    for improvement in aar["improvements"]:
        assert list(improvement) == [
            "kind", "text", "root_cause", "recommended_action", "capability_element",
            "priority", "episode", "evidence", "anchor",
        ]  # fmt: skip
    assert aar["chronology"] and aar["strengths"] and aar["improvements"]
    # the event's banding, as event.yaml gives it, for the roll-up's cell rates
    assert summary["event"]["risk_levels"] == {
        "low": [1, 4], "medium": [5, 9], "high": [10, 14], "extreme": [15, 25]
    }  # fmt: skip
    assert set(summary["data_quality"]) >= {"incidents", "staffing", "risk_register"}
    for row in summary["scores"]:
        assert list(row) == ["metric", "estimate", "ci_low", "ci_high", "p_value", "method", "n"]
    metrics_listed = [row["metric"] for row in summary["scores"]]
    assert len(metrics_listed) == len(set(metrics_listed))  # one row per score
    # every score's estimate also stands under its own name in prediction
    for row in summary["scores"]:
        assert summary["prediction"][row["metric"]] == row["estimate"]
    assert set(summary["prediction"]["capture_test"]) >= {"hits", "observed", "p_value"}


def test_provenance_records_the_parameters_that_made_the_numbers(purwakarta):
    # windows cut at 30 minutes, then evaluated: the provenance says 30min, not the default
    windows = review_windows(purwakarta, "30min", aoristic=True)
    review = evaluate(purwakarta, windows=windows, n_resamples=0)
    parameters = review.provenance["parameters"]
    assert (parameters["freq"], parameters["aoristic"]) == ("30min", True)
    assert review.counts.windows == 3 * 64 * 2
    # a windows table of unknown making records that it is unknown, not a guess
    bare = windows.copy()
    bare.attrs.clear()
    assert evaluate(bare, n_resamples=0).provenance["parameters"]["freq"] is None
    # computed here: what was asked
    direct = evaluate(purwakarta, freq="2h", n_resamples=0).provenance["parameters"]
    assert (direct["freq"], direct["aoristic"]) == ("2h", False)


def test_evaluation_is_built_whole_with_typed_parts(purwakarta):
    review = evaluate(purwakarta, n_resamples=0)
    counts = review.counts
    assert counts.hits + counts.misses + counts.false_alarms + counts.correct_negatives == (
        counts.windows
    )
    assert counts.flagged_hours <= counts.total_hours == review.windows["hours"].sum()
    assert list(review.scores.columns) == [
        "metric", "estimate", "ci_low", "ci_high", "p_value", "method", "n",
    ]  # fmt: skip
    assert review.score("pod").estimate == pytest.approx(counts.hits / counts.observed)
    assert review.verdict.grade in {"good", "mixed", "poor", "quiet"} and review.findings
    with pytest.raises(dataclasses.FrozenInstanceError):
        review.findings = ()  # type: ignore[misc]
