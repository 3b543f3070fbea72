"""Tests of sra_analysis.sample.province_truth: a province generated for checking the roll-up.

Recovery of the planted values by the roll-up itself is tested in test_rollup_planted.py.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from sra_analysis.cli import main
from sra_analysis.errors import ParameterError
from sra_analysis.sample import (
    PROVINCE_TRUTH_FILE,
    ProvinceTruth,
    generate_province,
    province_plan,
)

TEMPLATE_SHARE = np.array([2, 4, 12, 4, 2]) / 24


def test_planted_province_keeps_the_plan_and_the_rosters(tmp_path):
    plain = generate_province(tmp_path / "plain", n_events=6, seed=7)
    planted = generate_province(tmp_path / "planted", n_events=6, seed=7, planted_rollup=True)
    assert [f.name for f in plain] == [f.name for f in planted]
    for before, after in zip(plain, planted, strict=True):
        assert sorted(p.name for p in before.iterdir()) == sorted(p.name for p in after.iterdir())
        for path in before.iterdir():
            if path.stem in ("event", "staffing"):  # same plan, same roster draws
                assert path.read_bytes() == (after / path.name).read_bytes(), path
        register = next(after.glob("risk_register.*"))
        assert register.read_bytes() != (before / register.name).read_bytes()
        truth = json.loads((after / "ground_truth.json").read_text(encoding="utf-8"))
        assert truth["planted"]["rollup"]["province_truth"] == PROVINCE_TRUTH_FILE
        assert "rollup" not in json.loads((before / "ground_truth.json").read_text())["planted"]
    assert not (tmp_path / "plain" / PROVINCE_TRUTH_FILE).exists()
    body = json.loads((tmp_path / "planted" / PROVINCE_TRUTH_FILE).read_text(encoding="utf-8"))
    roles = [row["role"] for row in body["events"]]
    assert sorted(roles) == ["better", "better", "ordinary", "ordinary", "worse", "worse"]
    assert body["seed"] == 7 and body["province_truth"]["level_ratio"] == 2.5


def test_outliers_are_the_largest_events_alternately_worse_and_better():
    plan = province_plan(n_events=12, seed=7)
    ring_hours = {
        row.event_id: row.rings * round(row.days * 24) for row in plan.itertuples(index=False)
    }
    # largest first; among equals, the earlier event of the plan
    largest = sorted(ring_hours, key=lambda e: (-ring_hours[e], list(ring_hours).index(e)))
    truth = ProvinceTruth().with_outliers(plan)
    assert truth.worse_events == (largest[0], largest[2])
    assert truth.better_events == (largest[1], largest[3])
    assert truth.role(largest[4]) == "ordinary"
    # named outliers are kept as named
    named = ProvinceTruth(better_events=(largest[5],)).with_outliers(plan)
    assert named.better_events == (largest[5],) and named.worse_events == ()


def test_every_role_keeps_the_ordinary_volume_and_its_own_shape():
    truth = ProvinceTruth(level_ratio=2.0, base_rate=0.1, better_unflagged_factor=0.25)
    ordinary = np.array(list(truth.rate_by_level("ordinary").values()))
    better = np.array(list(truth.rate_by_level("better").values()))
    worse = np.array(list(truth.rate_by_level("worse").values()))
    # by hand: 0.1 × 2**k, and over the template (2 × 0.1 + 4 × 0.2 + 12 × 0.4 + 4 × 0.8
    # + 2 × 1.6) / 24 = 12.2 / 24 incidents per ring-hour in every role
    assert ordinary == pytest.approx([0.1, 0.2, 0.4, 0.8, 1.6])
    for rates in (ordinary, better, worse):
        assert TEMPLATE_SHARE @ rates == pytest.approx(12.2 / 24)
    assert worse == pytest.approx(np.full(5, 12.2 / 24))
    # better: unflagged levels at a quarter of the ordinary shape, flagged ones at all of it
    assert better[:3] / better[3] == pytest.approx(0.25 * ordinary[:3] / ordinary[3])
    assert better[4] / better[3] == pytest.approx(2.0)
    # the event factor scales every level alike
    doubled = truth.rate_by_level("ordinary", event_factor=2.0)
    assert list(doubled.values()) == pytest.approx(2 * ordinary)
    # severity, hence the disruption chance, is the same at every level
    ground = truth.ground_truth("ordinary")
    chances = [ground.disruption_chance(level) for level in ground.rate_by_level]
    assert chances == pytest.approx([chances[0]] * 5)
    assert ground.span_share == 0.0 and ground.missed_category == "drone"


def test_event_factors_are_reproducible_and_do_not_depend_on_later_events():
    truth = ProvinceTruth(event_sd=0.25)
    ids = [f"e{i}" for i in range(40)]
    factors = truth.event_factors(ids, seed=3)
    assert factors == truth.event_factors(ids, seed=3)
    assert list(truth.event_factors(ids[:5], seed=3).values()) == list(factors.values())[:5]
    logs = np.log(list(factors.values()))
    assert 0.1 < logs.std() < 0.4  # sd 0.25; with 40 draws, 95% of sds fall in 0.2–0.3
    assert set(ProvinceTruth(event_sd=0).event_factors(ids, seed=3).values()) == {1.0}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"level_ratio": 0}, "level_ratio must be a number > 0, got 0"),
        ({"base_rate": -0.1}, "base_rate must be a number > 0"),
        ({"severity_p": 1.2}, r"severity_p must lie in \[0, 1\]"),
        ({"outliers": -1}, "outliers must be a whole number"),
        ({"better_events": ("a",), "worse_events": ("a",)}, "both better and worse: \\['a'\\]"),
        ({"missed_category": "protest"}, "one no SRA threat names"),
        ({"level_hours": {"none": 24}}, "level_hours must give whole hours"),
    ],
)
def test_province_truth_refuses_bad_values(arguments, message):
    with pytest.raises(ParameterError, match=message):
        ProvinceTruth(**arguments)


def test_outliers_must_be_events_of_the_plan_and_leave_ordinary_ones(tmp_path):
    plan = province_plan(n_events=4, seed=1)
    with pytest.raises(ParameterError, match=r"unknown \['kab-nowhere-2024'\]"):
        ProvinceTruth(worse_events=("kab-nowhere-2024",)).with_outliers(plan)
    with pytest.raises(ParameterError, match="more events than its 2 × 2 outliers, got 4"):
        ProvinceTruth().with_outliers(plan)
    everyone = tuple(plan["event_id"])
    with pytest.raises(ParameterError, match="at least one ordinary event"):
        ProvinceTruth(better_events=everyone).with_outliers(plan)
    with pytest.raises(ParameterError, match="planted_rollup must be True, False or"):
        generate_province(tmp_path, n_events=2, planted_rollup="yes")
    with pytest.raises(ParameterError, match="role must be one of"):
        ProvinceTruth().rate_by_level("average")
    assert ProvinceTruth(outliers=1).with_outliers(plan).worse_events != ()


def test_sample_command_writes_a_planted_province(tmp_path, capsys):
    out = tmp_path / "province"
    assert main(["sample", str(out), "--events", "5", "--seed", "3", "--planted-rollup"]) == 0
    printed = capsys.readouterr().out
    assert "wrote 5 synthetic events" in printed and PROVINCE_TRUTH_FILE in printed
    body = json.loads((out / PROVINCE_TRUTH_FILE).read_text(encoding="utf-8"))
    assert len(body["events"]) == 5
    assert pd.Series([row["role"] for row in body["events"]]).value_counts()["ordinary"] == 1
    assert main(["sample", str(tmp_path / "plain"), "--events", "1"]) == 0
    assert not (tmp_path / "plain" / PROVINCE_TRUTH_FILE).exists()
