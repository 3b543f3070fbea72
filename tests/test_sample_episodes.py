"""Tests of sra_analysis.sample.episodes: incidents cluster in episodes, the planted truth
records them, and the rate by level keeps its mean."""

from __future__ import annotations

import numpy as np
import pytest

from sra_analysis.errors import ParameterError
from sra_analysis.metrics import disruption_episodes
from sra_analysis.sample import GroundTruth, generate_event
from sra_analysis.sample.episodes import EPISODE_KINDS, EpisodeProcess, draw_episodes


def test_episodes_have_durations_spill_overs_and_flare_ups():
    process = EpisodeProcess(onset_rate=0.05, spill_share=1.0, flare_share=1.0)
    drawn = draw_episodes(np.random.default_rng(3), 3, 96, process)
    kind, parent, ring = drawn["kind"], drawn["parent"], drawn["ring"]
    onsets = np.flatnonzero(kind == 0)
    assert onsets.size > 5 and set(EPISODE_KINDS[k] for k in kind) == set(EPISODE_KINDS)
    for row in np.flatnonzero(kind == 1):  # a spill-over: the adjacent ring, a delay ≤ 1 h
        assert abs(ring[row] - ring[parent[row]]) == 1
        assert 0 <= drawn["start"][row] - drawn["start"][parent[row]] <= 1
    for row in np.flatnonzero(kind == 2):  # a flare-up: the same ring, after a lull of 1-6 h
        assert ring[row] == ring[parent[row]]
        assert 1 <= drawn["start"][row] - drawn["end"][parent[row]] <= 6
    lengths = (drawn["end"] - drawn["start"])[onsets]
    assert lengths.min() >= 1 and lengths.max() <= 5
    # the multiplier keeps the event's mean rate: 1 - w + w · active / coverage averages 1
    assert drawn["multiplier"].mean() == pytest.approx(1.0)
    inside = drawn["multiplier"][drawn["active"]]
    assert inside.min() == pytest.approx(0.2 + 0.8 / drawn["active"].mean())


def test_the_planted_truth_records_the_episodes():
    event = generate_event(seed=11, days=2, n_officers=30, n_risks=6)
    episodes = event.planted["episodes"]
    assert episodes and {e["kind"] for e in episodes} <= set(EPISODE_KINDS)
    ring_ids = {ring["id"] for ring in event.meta["rings"]}
    assert {e["ring"] for e in episodes} <= ring_ids
    assert all(e["start"] < e["end"] for e in episodes)
    assert event.ground_truth.to_dict()["episodes"]["weight"] == 0.8
    # the ring-hours inside an episode: at least the longest episode, at most all of them
    longest = max(int((np.datetime64(e["end"][:19]) - np.datetime64(e["start"][:19]))
                      / np.timedelta64(1, "h")) for e in episodes)  # fmt: skip
    assert longest <= event.planted["episode_ring_hours"] <= len(event.planted_windows)


def test_switching_episodes_off_draws_independent_ring_hours():
    plain = generate_event(seed=11, days=2, n_officers=30, n_risks=6,
                           ground_truth=GroundTruth(episodes=None))  # fmt: skip
    clustered = generate_event(seed=11, days=2, n_officers=30, n_risks=6)
    assert "episodes" not in plain.planted
    assert plain.ground_truth.to_dict()["episodes"] is None
    # the staffing and the register come from their own streams: unchanged
    assert plain.staffing.equals(clustered.staffing)
    assert plain.risk_register.equals(clustered.risk_register)


def test_incidents_cluster_more_with_episodes():
    # over 40 events of 3 rings × 72 h, hours with incidents come in longer runs when the
    # rate is modulated by episodes: fewer runs per incident hour than independent draws give
    def run_share(truth: GroundTruth) -> float:
        runs = hours = 0
        for seed in range(40):
            windows = generate_event(seed=seed, n_risks=8, ground_truth=truth).planted_windows
            grid = windows.pivot(index="ring", columns="window_start", values="incidents") > 0
            runs += disruption_episodes(grid.to_numpy())
            hours += int(grid.to_numpy().sum())
        return runs / hours

    strong = GroundTruth(rate_by_level={"none": 0.05, "low": 0.1, "medium": 0.2, "high": 0.4,
                                        "extreme": 0.8})  # fmt: skip
    independent = GroundTruth(rate_by_level=dict(strong.rate_by_level), episodes=None)
    assert run_share(strong) < run_share(independent) - 0.1


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"weight": -0.1}, "weight must lie in"),
        ({"spill_share": 2}, "spill_share must lie in"),
        ({"duration_hours": (0, 3)}, "duration_hours must satisfy"),
        ({"onset_rate": -1}, "onset_rate must be"),
    ],
)
def test_bad_episode_parameters(options, match):
    with pytest.raises(ParameterError, match=match):
        EpisodeProcess(**options)
