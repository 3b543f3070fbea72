"""The roll-up across events, end to end against a province with a planted truth.

A province of 36 events is generated with ``planted_rollup=True``
(:mod:`sra_analysis.sample.province_truth`) and each event is reviewed exactly as its report's
notebook does (:func:`sra_analysis.reports.pages.session.start_review`, which writes
``summary.json`` and the three roll-up tables), without running notebooks. The roll-up then
reads them back (:func:`read_reports`) and pools them (:func:`rollup_results`). Expected
values come from the planted truth, never from a previous run.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from sra_analysis import rollup
from sra_analysis.reports.pages.rollup_run import rollup_results
from sra_analysis.reports.pages.session import start_review
from sra_analysis.reports.rollup_inputs import read_reports
from sra_analysis.sample import PROVINCE_TRUTH_FILE, ProvinceTruth, generate_province

N_EVENTS, SEED = 36, 2024


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    root = tmp_path_factory.mktemp("planted")
    folders = generate_province(root / "events", n_events=N_EVENTS, seed=SEED, planted_rollup=True)
    for folder in folders:  # what each event's report saves, without its notebook
        out = root / "out" / folder.name
        out.mkdir(parents=True)
        start_review(event_dir=folder, n_resamples=0, summary_path=out / "summary.json")
    read = read_reports(root / "out")
    truth = json.loads((root / "events" / PROVINCE_TRUTH_FILE).read_text(encoding="utf-8"))
    planted = truth["province_truth"]
    outliers = {*planted["better_events"], *planted["worse_events"]}
    return {
        "folders": folders,
        "read": read,
        "results": rollup_results(read),
        "truth": truth,
        "planted": planted,
        "outliers": outliers,
        "ordinary": [f.name for f in folders if f.name not in outliers],
    }


def test_province_truth_json_names_the_planted_values(province):
    planted, folders = province["planted"], province["folders"]
    default = ProvinceTruth()
    assert planted["level_ratio"] == default.level_ratio == 2.5
    assert planted["missed_category"] == "drone"
    assert len(planted["better_events"]) == len(planted["worse_events"]) == default.outliers
    assert len(province["ordinary"]) == N_EVENTS - 4
    # each event's ground_truth.json repeats its role and carries the rates of that role
    roles = {row["event_id"]: row for row in province["truth"]["events"]}
    assert list(roles) == [folder.name for folder in folders]
    for folder in folders:
        own = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
        row = roles[folder.name]
        assert own["planted"]["rollup"]["role"] == row["role"]
        expected = default.rate_by_level(row["role"], event_factor=row["event_factor"])
        assert own["ground_truth"]["rate_by_level"] == pytest.approx(expected)
    assert {r["role"] for r in roles.values() if r["event_id"] in province["outliers"]} == {
        "better",
        "worse",
    }


@pytest.mark.parametrize("outcome", ["disruptions", "incidents"])
def test_pooled_interval_of_ordinary_events_covers_the_planted_ratio(province, outcome):
    windows = province["read"].tables["windows"]
    ordinary = windows[windows["event_id"].isin(province["ordinary"])]
    result = rollup.level_rate_ratio(ordinary, outcome=outcome)
    planted = province["planted"]["level_ratio"]
    assert result.events == N_EVENTS - 4
    assert result.ci_low < planted < result.ci_high, (result.rate_ratio, result.ci_low)
    # the between-event (DerSimonian–Laird) combination recovers it as well
    low, high = result.pooled_random_effects[1:]
    assert low < planted < high


@pytest.mark.parametrize("outcome", ["disruptions", "incidents"])
def test_rollup_json_ratio_over_all_events_covers_it_and_sees_the_outliers(province, outcome):
    # The outliers are not log-linear (a flat and a flagged-heavy rate), and pull the pooled
    # ratio in opposite directions; the event-clustered interval widens with the
    # heterogeneity they add, which the between-event test finds.
    body = province["results"]["level_rate_ratio"][outcome]
    planted = province["planted"]["level_ratio"]
    assert body["events"] == N_EVENTS
    assert body["ci_low"] < planted < body["ci_high"]
    assert body["between_events"]["q_p_value"] < 0.001
    assert any(lesson["kind"] == "heterogeneity" for lesson in province["results"]["lessons"])


def test_raw_rates_of_ordinary_events_rise_by_the_planted_ratio(province):
    # Every event rates the same share of its hours at each level, so raw pooled rates are
    # not confounded by event volume; the 'none' level holds about 60 incidents (a ratio's
    # log has sd ≈ 0.15), so each step is checked within a factor 1.5 of the planted 2.5.
    windows = province["read"].tables["windows"]
    table = rollup.rates_by_level(windows[windows["event_id"].isin(province["ordinary"])])
    assert table["level"].tolist() == ["none", "low", "medium", "high", "extreme"]
    steps = table["incident_rate"].to_numpy()[1:] / table["incident_rate"].to_numpy()[:-1]
    assert np.all((steps > 2.5 / 1.5) & (steps < 2.5 * 1.5)), steps
    # the template: every event rates 2, 4, 12, 4 and 2 of each ring's 24 hours at each level
    shares = pd.DataFrame(province["results"]["rates_by_level"])["hours"].to_numpy()
    assert shares / shares.sum() == pytest.approx(np.array([2, 4, 12, 4, 2]) / 24, abs=0.01)


def test_the_missed_category_tops_missed_categories_and_is_named_in_a_lesson(province):
    missed = pd.DataFrame(province["results"]["missed_categories"])
    top = missed.iloc[0]
    assert top["category"] == province["planted"]["missed_category"] == "drone"
    assert top["share_unanticipated"] == 1.0 and top["events_rating_it"] == 0
    # it occurs in most events (with ~9 expected per event, all of them here)
    assert top["events"] >= 0.9 * N_EVENTS
    assert top["unanticipated"] > 2 * missed.iloc[1]["unanticipated"]
    lessons = [x for x in province["results"]["lessons"] if x["kind"] == "missed_category"]
    # the lesson names the category by its label in categories.yaml, never the code
    assert lessons[0]["conclusive"] and lessons[0]["text"].startswith("Drone: 100% of")
    assert top["category_label"] == "Drone"


def test_planted_outliers_fall_outside_the_funnel_and_ordinary_events_inside(province):
    funnel = pd.DataFrame(province["results"]["funnel"]["events"]).set_index("event_id")
    planted = province["planted"]
    for event_id in planted["worse_events"]:
        row = funnel.loc[event_id]
        assert row["capture"] < row["lower_95"], row.to_dict()
    for event_id in planted["better_events"]:
        row = funnel.loc[event_id]
        assert row["capture"] > row["upper_95"], row.to_dict()
    assert funnel.loc[sorted(province["outliers"]), "outside"].notna().all()
    # An ordinary event falls outside the 95% (99.8%) limits with chance at most 5% (0.2%):
    # the exact binomial limits hold at least their level. The number outside then exceeds
    # the 99th percentile of Binomial(events, 5%) with chance under 1%.
    ordinary = funnel.loc[funnel.index.isin(province["ordinary"])]
    # every ordinary event had disrupted windows (about 6 expected in the smallest, 2 × 24 h)
    assert len(ordinary) == len(province["ordinary"])
    n = len(ordinary)
    outside_95 = int((ordinary["outside"] >= 0.95).sum())
    outside_998 = int((ordinary["outside"] >= 0.998).sum())
    assert outside_95 <= stats.binom.ppf(0.99, n, 0.05)
    assert outside_998 <= stats.binom.ppf(0.99, n, 0.002)


def test_pooled_capture_is_near_the_ordinary_capture_the_truth_implies(province):
    # Capture of an ordinary event, by hand from the template and the rates (rank k at rate
    # 2.5**k, 2/4/12/4/2 hours; a window is disrupted with chance 1 - exp(-rate × d), with d
    # the disruption chance per incident): flagged windows' share of disrupted windows.
    planted = province["planted"]
    hours = np.array([2, 4, 12, 4, 2])
    rate = np.array(list(planted["rate_by_level"]["ordinary"].values()))
    disrupted = hours * (1 - np.exp(-rate * planted["disruption_chance"]))
    expected = disrupted[3:].sum() / disrupted.sum()  # 0.572
    # Short staffing and volume factors above 1 raise rates, saturating flagged windows more,
    # and the worse events' 0.25 outweighs the better ones' 0.9, both pulling a few points
    # down; the pooled share of ~900 disrupted windows has a standard error of ~0.017.
    pooled = province["results"]["funnel"]["pooled_capture"]
    assert abs(pooled - expected) < 0.05, (pooled, expected)


def test_pooled_totals_equal_the_sums_of_the_per_event_summaries(province):
    read, results = province["read"], province["results"]
    summaries = [
        json.loads((folder.parent.parent / "out" / folder.name / "summary.json").read_text())
        for folder in province["folders"]
    ]
    totals = results["totals"]
    for key in ("incidents", "disruptions", "officer_hours", "personnel"):
        assert totals[key] == pytest.approx(sum(s["totals"][key] for s in summaries)), key
    # the same totals from the generator's own counts, and from the pooled tables
    truths = [
        json.loads((folder / "ground_truth.json").read_text())["planted"]
        for folder in province["folders"]
    ]
    assert totals["incidents"] == sum(t["incidents"] for t in truths)
    assert totals["disruptions"] == sum(t["disruptions"] for t in truths)
    windows, incidents = read.tables["windows"], read.tables["incidents"]
    assert totals["incidents"] == len(incidents) == windows["incidents"].sum()
    assert totals["disruptions"] == incidents["disruption"].sum() == windows["disruptions"].sum()
    assert totals["officer_hours"] == pytest.approx(windows["officer_hours"].sum())
    by_level = pd.DataFrame(results["rates_by_level"])
    assert by_level["incidents"].sum() == totals["incidents"]
    assert math.isclose(by_level["hours"].sum(), windows["hours"].sum())


def test_verdicts_of_the_outliers_follow_their_planted_sras(province):
    # A worse SRA flags at random: capture beats chance in at most 5% of such events (the
    # verdict's one-sided test), so it is never graded good. A better one catches ~90% of
    # disrupted windows against 25% by chance over 30-odd windows: good.
    summaries = province["read"].summaries
    for event_id in province["planted"]["worse_events"]:
        assert summaries[event_id].verdict.grade in ("poor", "mixed"), event_id
    for event_id in province["planted"]["better_events"]:
        assert summaries[event_id].verdict.grade == "good", event_id
