"""Tests of sra_analysis.review.verdict: registers built to fool the verdict, and the grading rules.

Each case is a windows table (or a real event folder) whose numbers are worked by hand in the
comments; the grade, the reason and the words of the sentence are checked in both languages.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _windows import SCORE, hand_windows
from scipy import stats

from sra_analysis import evaluate, load_event
from sra_analysis.resources import sample_dir
from sra_analysis.review.scores import prediction_scores
from sra_analysis.review.verdict import GRADES, MIN_EPISODES, judge


def _windows(levels: list[str], disruptions: list[int]) -> pd.DataFrame:
    return hand_windows(levels, disruptions)


def _verdict(levels, disruptions, *, n_resamples=200):
    review = evaluate(_windows(levels, disruptions), n_resamples=n_resamples)
    return review, review.verdict


def _spread(n: int, hits: list[int]) -> list[int]:
    out = [0] * n
    for position in hits:
        out[position] = 1
    return out


def test_flagging_every_ring_hour_is_poor_however_much_it_catches():
    # 100 windows all rated extreme, 22 disrupted: 22 of 22 caught, which is what flagging
    # 100 % of the hours at random catches too (p = 1)
    review, verdict = _verdict(["extreme"] * 100, _spread(100, list(range(0, 100, 4))[:22]))
    assert (verdict.grade, verdict.reason, verdict.evidence) == (
        "poor", "flags_everything", "sufficient",
    )  # fmt: skip
    text = verdict.text()
    assert "100% of the ring-hours" in text and '"guard everything"' in text
    assert "22 of 22" in text and "no skill" in text
    assert '"jaga semuanya"' in verdict.text("id")
    # the capture finding follows the same rule: not a strength
    capture = next(f for f in review.findings if f.key == "capture")
    assert capture.kind == "improvement"


def test_flagging_ninety_percent_is_poor_too():
    # 90 high windows then 10 low; every one of 20 disruptions falls in the high ones. The old
    # rule (capture ≥ 75 % and PAI > 1: here 100 % and 1/0.9 = 1.11) called this "good".
    levels = ["high"] * 90 + ["low"] * 10
    review, verdict = _verdict(levels, _spread(100, list(range(0, 90, 4))[:20]))
    assert review.score("pai").estimate == pytest.approx(1 / 0.9)
    assert (verdict.grade, verdict.reason) == ("poor", "flags_everything")
    assert "90% of the ring-hours" in verdict.text()


def test_flagging_nothing_is_poor():
    review, verdict = _verdict(["low"] * 30, _spread(30, [3, 9, 17]))
    assert (verdict.grade, verdict.reason) == ("poor", "flags_nothing")
    assert verdict.text().startswith("The SRA rated no window high or above")
    assert "3 windows saw a disruption" in verdict.text()


def test_a_lucky_pair_is_not_called_good():
    # 20 windows, hours 0-9 flagged (50 %), disrupted hours 2 and 7, both flagged. The
    # disruptions shifted by k = 0..19 hours sit on (2 + k, 7 + k) mod 20: both flagged for
    # k = 0, 1, 2 (up to 9, 9) and k = 18, 19 (0, 5 and 1, 6), one for the rest but k = 8..12
    # (none). No offset beats 2, five tie: mid-p = 2.5 / 20 = 0.125. Expected by chance
    # 2 · ½ = 1. The old rule (100 % captured, PAI 2) said "largely right".
    levels = ["high"] * 10 + ["low"] * 10
    review, verdict = _verdict(levels, _spread(20, [2, 7]))
    skill = verdict.skill
    assert skill.capture_p == pytest.approx(0.125) and skill.expected == pytest.approx(1.0)
    assert skill.episodes == 2 and skill.offsets == 20
    assert verdict.grade == "mixed" and verdict.reason == "undecided"
    assert verdict.evidence == "thin"
    text = verdict.text()
    assert text.startswith("The evidence cannot tell the SRA's ratings from chance")
    assert "p = 0.125" in text and "about 1.0" in text
    assert "formed 2 episodes" in text and "each of the 19 other times" in text
    assert f"only 2 episodes of disruption, fewer than the {MIN_EPISODES}" in text
    assert "Bukti belum memadai" in verdict.text("id")
    # the findings do not call it a strength either
    kinds = {f.key: f.kind for f in review.findings}
    assert kinds["capture"] == "note" and kinds["discrimination_unclear"] == "note"


def test_one_burst_in_one_window_counts_once():
    # 20 windows, 1 flagged (5 %); 12 disruptions, all in that one window. Per disruption the
    # PAI is 20, but it is one disrupted window and one episode. Of the 20 shifts only k = 0
    # puts it on the flagged hour: mid-p = 0.5 / 20 = 0.025 for capture, and the same for the
    # AUC, which is then not below its level 0.025: capture only, on thin evidence
    disruptions = [12] + [0] * 19
    review, verdict = _verdict(["extreme"] + ["low"] * 19, disruptions)
    assert review.score("pai").estimate == pytest.approx(20.0)
    assert verdict.skill.observed == 1 and verdict.skill.episodes == 1
    assert verdict.skill.capture_p == pytest.approx(0.025)
    assert verdict.skill.auc_p == pytest.approx(0.025) and not verdict.skill.discriminates
    assert (verdict.grade, verdict.reason, verdict.evidence) == ("mixed", "capture_only", "thin")


def test_real_skill_with_enough_evidence_is_good():
    # 100 windows, hours 0-19 flagged; disrupted hours 0, 2, ..., 18, 40 and 70: 12 disrupted
    # windows, 12 episodes, 10 flagged, expected 12 · 0.2 = 2.4. Shifting by k = 1 catches the
    # ten again (1, 3, ..., 19); every other shift fewer (k = 2: 2..18 and 20 → 9; k = 98:
    # 98, 0..16 → 9). Two ties, none above: mid-p = 1 / 100 = 0.01, for capture and for the
    # AUC alike (k = 0 and 1 put the same counts at each score)
    levels = ["extreme"] * 20 + ["low"] * 80
    disruptions = _spread(100, [*range(0, 20, 2), 40, 70])
    review, verdict = _verdict(levels, disruptions)
    assert (verdict.grade, verdict.reason, verdict.evidence) == ("good", "skilled", "sufficient")
    assert verdict.skill.capture_p == pytest.approx(0.01)
    assert verdict.skill.auc_p == pytest.approx(0.01) and verdict.skill.episodes == 12
    text = verdict.text()
    assert text.startswith("The SRA's ratings beat chance: 10 of 12 disrupted ring-hours")
    assert "about 2.4; p = 0.010" in text and "thin" not in text
    assert next(f for f in review.findings if f.key == "capture").kind == "strength"


def test_discrimination_without_capture_is_mixed():
    # 60 windows: 4 extreme (hour 0 disrupted), 16 medium (8 disrupted, at irregular hours),
    # 40 low (none); flag level extreme. AUC: the extreme positive beats 48 and ties 3 (49.5);
    # each medium one beats 40 and ties 8 (44): (49.5 + 8 · 44) / (9 · 51) = 401.5 / 459.
    # Recomputed below over the 60 shifts with scipy's Mann–Whitney U, no other shift reaches
    # it: mid-p = 0.5 / 60. Capture: 1 of 9 in the 4 flagged hours; the shifts catch 0, 1
    # or 2 (counted below), far from beating chance.
    levels = ["extreme"] * 4 + ["medium"] * 16 + ["low"] * 40
    positions = [0, 4, 5, 8, 11, 13, 16, 18, 19]
    review = evaluate(_windows(levels, _spread(60, positions)), flag_level="extreme",
                      n_resamples=200)  # fmt: skip
    verdict = review.verdict
    assert review.score("auc").estimate == pytest.approx(401.5 / 459)
    scores = np.array([SCORE[level] for level in levels])
    disrupted = np.zeros(60, dtype=bool)
    disrupted[positions] = True
    aucs, hits = [], []
    for k in range(60):
        shifted = np.roll(disrupted, k)
        u = stats.mannwhitneyu(scores[shifted], scores[~shifted]).statistic
        aucs.append(u / (9 * 51))
        hits.append(int(shifted[:4].sum()))
    assert max(aucs[1:]) < aucs[0] - 1e-9
    assert verdict.skill.auc_p == pytest.approx(0.5 / 60)
    hits = np.array(hits)
    mid_p = (np.sum(hits > 1) + 0.5 * np.sum(hits == 1)) / 60
    assert verdict.skill.capture_p == pytest.approx(mid_p) and mid_p > 0.2
    assert (verdict.grade, verdict.reason) == ("mixed", "discrimination_only")
    assert "extreme or above held 1 of 9 disrupted ring-hours" in verdict.text()


def test_catching_less_than_chance_is_poor():
    # 10 windows, 5 flagged; 4 disrupted, 1 of them flagged: expected 2
    levels = ["high"] * 5 + ["low"] * 5
    _, verdict = _verdict(levels, _spread(10, [0, 6, 7, 8]))
    assert (verdict.grade, verdict.reason) == ("poor", "below_chance")
    assert "only 1 of 4 disrupted ring-hours" in verdict.text()


def test_no_disruption_is_quiet_and_thin():
    _, verdict = _verdict(["high", "low", "low"], [0, 0, 0])
    assert (verdict.grade, verdict.evidence) == ("quiet", "thin")
    assert verdict.text().startswith("No disruption occurred, so there is nothing to judge")


def test_grades_are_the_documented_four():
    assert GRADES == ("good", "mixed", "poor", "quiet")


def _copy_sample(tmp_path: Path, register: str) -> Path:
    folder = tmp_path / "purwakarta-2024"
    shutil.copytree(sample_dir() / "purwakarta-2024", folder)
    for old in folder.glob("risk_register.*"):
        old.unlink()
    (folder / "risk_register.csv").write_text(register, encoding="utf-8")
    return folder


def test_a_register_rating_everything_extreme_is_poor_in_summary_json(tmp_path):
    # the Purwakarta sample with its SRA replaced by one item: every ring, the whole event,
    # likelihood 5 × impact 5 = 25, extreme
    folder = _copy_sample(tmp_path, "risk_id,threat,ring,likelihood,impact\nR1,anything,all,5,5\n")
    review = evaluate(load_event(folder), n_resamples=200)
    summary = json.loads(json.dumps(review.to_dict()))
    verdict = summary["verdict"]
    assert verdict["grade"] == "poor" and verdict["reason"] == "flags_everything"
    assert verdict["evidence"] == "thin"  # the sample has 3 disrupted windows
    assert "100% of the ring-hours" in verdict["text"]
    assert summary["prediction"]["capture_test"]["p_value"] == pytest.approx(1.0)


def test_the_purwakarta_sample_is_not_called_largely_right():
    # 4 disruptions in 3 windows, 2 of them flagged in 22 % of ring-hours: not beyond chance,
    # and the AUC interval reaches 0.5 — the evidence is thin
    review = evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=1000)
    verdict = review.verdict
    assert verdict.grade in GRADES and verdict.grade != "good"
    assert verdict.evidence == "thin" and "largely right" not in verdict.text()


def test_judge_reads_only_the_prediction_scores():
    # 100 windows, 20 flagged; 12 disrupted, 10 of them flagged (as in the "good" case above)
    windows = _windows(["extreme"] * 20 + ["low"] * 80, _spread(100, [*range(0, 20, 2), 40, 70]))
    windows["flagged"] = windows["predicted_level"] == "extreme"
    windows["observed"] = windows["disruptions"] > 0
    before = windows.copy()
    scores = prediction_scores(windows, "extreme", n_resamples=200)
    verdict = judge(scores, flag_level="extreme")
    assert verdict.grade == "good"
    pd.testing.assert_frame_equal(windows, before)  # input not mutated
    assert verdict.to_dict(lang="id")["text"].startswith("Penilaian SRA lebih baik")


def test_the_sentence_writes_numbers_as_the_reader_language_does():
    # the "good" case: 12 disrupted windows, 10 of them among the 20 flagged of 100 windows;
    # flagging 20% at random catches about 12 × 0.2 = 2.4 (CLDR: "2.4" in en_GB, "2,4" in id)
    windows = _windows(["extreme"] * 20 + ["low"] * 80, _spread(100, [*range(0, 20, 2), 40, 70]))
    verdict = evaluate(windows, n_resamples=200).verdict
    english, indonesian = verdict.text("en"), verdict.text("id")
    assert "10 of 12" in english and "20%" in english and "about 2.4;" in english
    assert "10 dari 12" in indonesian and "20%" in indonesian and "sekitar 2,4;" in indonesian
    auc = verdict.skill.auc  # the AUC with two decimals, comma in Bahasa Indonesia
    assert f"AUC {auc:.2f}".replace(".", ",") in indonesian and f"AUC {auc:.2f}" in english


def test_evidence_counts_episodes_not_windows():
    # 100 windows, hours 0-19 flagged; 12 disrupted windows in three runs (0-3, 8-11, 50-53):
    # enough windows for the old rule (≥ 10), but three episodes, fewer than MIN_EPISODES
    levels = ["extreme"] * 20 + ["low"] * 80
    review, verdict = _verdict(levels, _spread(100, [*range(4), *range(8, 12), *range(50, 54)]))
    assert verdict.skill.observed == 12 and verdict.skill.episodes == 3
    assert verdict.evidence == "thin" and 3 < MIN_EPISODES <= 12
    summary = review.to_dict()["verdict"]
    assert (summary["episodes"], summary["disrupted_windows"], summary["evidence"]) == (
        3,
        12,
        "thin",
    )
    assert "formed 3 episodes" in verdict.text()
    assert "membentuk 3 rangkaian gangguan" in verdict.text("id")
