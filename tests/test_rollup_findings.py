"""Tests of sra_analysis.rollup's cells, banding, missed categories, hot spots and lessons
against planted values (pooled tables simulated with numpy by sra_analysis.rollup.simulate).

The planted world (PlantedTruth defaults): 40 events × 3 rings × 48 h; a category ("drone",
a tenth of incidents) no SRA item ever anticipates while the others are anticipated 80% of
the time; a threat ("cyberattack") every register rates and nothing ever matches; ring 1 at
12:00–17:59 has 3× the incident rate of its other hours; the cell likelihood 2 × impact 4
(score 8, banded medium) has 4× the rate of its level. Ring 3 has no hot hours (ratio 1
everywhere): a planted null. Fixed seed; the counts (≈ 2,500 incidents) make each planted
effect stand many standard errors clear, so finding it is not luck.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from sra_analysis.errors import ParameterError
from sra_analysis.labels import LABELS
from sra_analysis.metrics import compare_rates
from sra_analysis.rollup import (
    cell_rates,
    hot_spans,
    hot_spots,
    lessons,
    level_rate_ratio,
    missed_categories,
    never_materialised,
    suggested_banding,
)
from sra_analysis.rollup._checks import conditional_ratio_interval
from sra_analysis.rollup.simulate import PlantedTruth, simulate_pooled

TRUTH = PlantedTruth()
BANDS = {"low": [1, 4], "medium": [5, 9], "high": [10, 14], "extreme": [15, 25]}


@pytest.fixture(scope="module")
def pooled():
    return simulate_pooled(events=40, hours=48, seed=11, truth=TRUTH)


# ----------------------------------------------------------------------------- cells


def test_the_boosted_cell_is_found_under_rated_with_its_ratio(pooled):
    result = cell_rates(pooled["windows"], BANDS, outcome="incidents")
    cells = result.cells.set_index(["likelihood", "impact"])
    boosted = cells.loc[TRUTH.boosted_cell]
    assert boosted["level"] == "medium" and boosted["rating"] == "under-rated"
    # its only level-mates drawn are 2×3 and 3×3 (score 6, 9): the planted ratio is 4.
    # Coverage is checked at 99.9%, so a miss would be a one-in-a-thousand draw, not luck
    strict = cell_rates(pooled["windows"], BANDS, outcome="incidents", confidence=0.999)
    strict = strict.cells.set_index(["likelihood", "impact"]).loc[TRUTH.boosted_cell]
    assert strict["ratio_ci_low"] < TRUTH.cell_boost < strict["ratio_ci_high"]
    # its level-mates sit below a level it inflates, but not as low as "low": as rated
    assert cells.loc[[(2, 3), (3, 3)], "rating"].tolist() == ["as rated", "as rated"]
    others = cells.drop(index=[TRUTH.boosted_cell])
    assert set(others["rating"]) <= {"as rated", "not enough evidence"}
    # cells never drawn have no exposure and no verdict
    assert cells.loc[(5, 1), "hours"] == 0 and cells.loc[(5, 1), "rating"] == "not enough evidence"
    assert result.cox_consistent and len(result.cells) == 25


def test_cell_totals_equal_the_covered_windows(pooled):
    windows = pooled["windows"]
    result = cell_rates(windows, BANDS)
    covered = windows[windows["likelihood"].notna()]
    assert result.cells["count"].sum() == covered["disruptions"].sum()
    assert result.cells["hours"].sum() == covered["hours"].sum()
    assert result.levels["count"].sum() == covered["disruptions"].sum()


def test_the_vectorised_ratio_interval_agrees_with_compare_rates():
    ratio, low, high, _ = conditional_ratio_interval([3, 17, 0], [120, 400, 50], [9, 30, 4],
                                                     [800, 600, 70])  # fmt: skip
    for i, args in enumerate([(3, 120, 9, 800), (17, 400, 30, 600), (0, 50, 4, 70)]):
        expected = compare_rates(*args)
        assert low[i] == pytest.approx(expected.ci_low)
        assert high[i] == pytest.approx(expected.ci_high)


def _cell_windows() -> pd.DataFrame:
    # a hand-made world: scores 1-4 at 0.01 per ring-hour, 5-9 at 0.04 except 8 (×4 → as
    # high), 10-14 at 0.16, 15-25 at 0.64; 2,000 ring-hours per drawn cell, expected counts
    # used as the observed ones so the answer is exact
    cells = [(1, 2), (2, 2), (1, 4), (2, 3), (3, 3), (2, 4), (3, 4), (2, 5), (4, 4), (5, 5)]
    rates = {2: 0.01, 4: 0.01, 6: 0.04, 9: 0.04, 8: 0.16, 12: 0.16, 10: 0.16, 16: 0.64, 25: 0.64}
    return pd.DataFrame({
        "event_id": "a", "hours": 2000.0,
        "likelihood": [c[0] for c in cells], "impact": [c[1] for c in cells],
        "disruptions": [round(2000 * rates[a * b]) for a, b in cells],
    })  # fmt: skip


def test_suggested_banding_moves_the_under_rated_score_and_stays_cox_consistent():
    windows = _cell_windows()
    result = suggested_banding(cell_rates(windows, BANDS))
    assert result.changed and result.supported and result.cox_violations.empty
    assert result.bands == {"low": (1, 4), "medium": (5, 7), "high": (8, 14), "extreme": (15, 25)}
    # 9 (3×3, at 0.04) lies between 8 and 10 (both 0.16), so it joins one side. Poisson
    # log-likelihoods (Σ c·ln(c/h), constant −Σc dropped): {6} | {8, 9, 10, 12} gives
    # 80·ln .04 + 1040·ln .13 = −257.5 − 2121.8 = −2379.3; {6, 8, 9} | {10, 12} gives
    # 480·ln .08 + 640·ln .16 = −1212.3 − 1172.9 = −2385.2: the first wins, and the cut
    # between 6 and 8 goes at 8 (as near the current 10 as the well-observed scores allow)
    moved = result.scores.loc[result.scores["moved"], "score"].tolist()
    assert moved == [8, 9]
    # a score with too little exposure is marked, not the reason for a cut
    thin = windows.assign(hours=np.where(windows["likelihood"] == 2, 50.0, 2000.0))
    rate = windows["disruptions"] / windows["hours"]  # exact: the counts are 2,000 × rate
    thin["disruptions"] = np.round(thin["hours"] * rate)
    evidence = suggested_banding(cell_rates(thin, BANDS)).scores.set_index("score")["evidence"]
    assert evidence[8] == "not enough evidence" and evidence[9] == "enough"


def test_suggested_banding_keeps_the_current_one_without_evidence():
    windows = pd.DataFrame({"event_id": "a", "hours": 10.0, "likelihood": [1, 5],
                            "impact": [1, 5], "disruptions": [0, 1]})  # fmt: skip
    result = suggested_banding(cell_rates(windows, BANDS))
    assert not result.changed and result.bands == {k: tuple(v) for k, v in BANDS.items()}
    assert set(result.scores["evidence"]) == {"not enough evidence"}


# ----------------------------------------------------------------------------- missed


def test_the_never_anticipated_category_comes_first(pooled):
    table = missed_categories(pooled["incidents"], pooled["register"])
    first = table.iloc[0]
    assert first["category"] == TRUTH.missed_category
    incidents = pooled["incidents"]
    drone_events = incidents.loc[incidents["category"] == "drone", "event_id"].nunique()
    assert first["share_unanticipated"] == 1.0 and first["events"] == drone_events >= 35
    # the others: anticipated with probability 0.8, so 0.2 unanticipated is covered
    for row in table.iloc[1:].itertuples():
        assert row.ci_low < 1 - TRUTH.anticipated_share < row.ci_high
    assert table.loc[table["category"] == "crowd", "events_rating_it"].item() == 40
    assert first["events_rating_it"] == 0
    # pooled totals equal the sums of the per-event tables
    assert table["incidents"].sum() == len(incidents)
    assert table["unanticipated_disruptions"].sum() == (
        (~incidents["anticipated"] & incidents["disruption"]).sum()
    )


def test_the_threat_that_never_materialised_is_listed(pooled):
    table = never_materialised(pooled["register"], pooled["incidents"])
    assert table["threat"].tolist() == [TRUTH.never_threat]
    row = table.iloc[0]
    assert row["events"] == 40 and row["items"] == 40 * 3
    assert row["per_event_upper"] == pytest.approx(3.689 / 40, abs=1e-3)  # Garwood, 0 seen


def test_category_names_are_folded_and_bad_input_named():
    incidents = pd.DataFrame(
        {
            "event_id": ["a", "b"],
            "category": ["Crowd ", "crowd"],
            "disruption": [False, True],
            "anticipated": [True, False],
        }
    )
    assert missed_categories(incidents)["category"].tolist() == ["crowd"]
    # grouped by the folded name, shown as the input wrote it: folding must not change text
    slashed = incidents.assign(category=["Gudang/dalam gedung", "gudang/dalam gedung"])
    register = pd.DataFrame({"event_id": ["a", "b", "b"], "threat": ["Sabotase gudang/dalam",
                             "sabotase gudang/dalam", "sabotase gudang/dalam"],
                             "level": "high", "incidents": 0})  # fmt: skip
    # "Gudang/dalam gedung" is in no entry of categories.yaml: other, shown as written
    missed = missed_categories(slashed)
    assert missed[["category", "category_label"]].values.tolist() == [
        ["other", "Gudang/dalam gedung"]
    ]
    never = never_materialised(register)
    assert never["threat"].tolist() == ["sabotase gudang/dalam"] and never["events"][0] == 2
    with pytest.raises(ParameterError, match=r"incidents lacks column\(s\) \['anticipated'\]"):
        missed_categories(incidents.drop(columns="anticipated"))


def test_categories_written_differently_pool_by_code_and_show_the_label():
    # two events log the same kind of incident in their own words; categories.yaml gives
    # "unjuk rasa" and "demo" as Indonesian synonyms of the code protest
    incidents = pd.DataFrame(
        {
            "event_id": ["purwakarta", "karawang", "karawang", "bekasi", "bekasi"],
            "category": ["unjuk rasa", "protest", "Demo", "Banjir", "banjir!"],
            "disruption": [True, False, False, False, False],
            "anticipated": [False, True, False, False, False],
        }
    )
    register = pd.DataFrame({"event_id": ["karawang", "bekasi"],
                             "threat": ["Aksi massa di depan KPU", "Unjuk rasa"],
                             "categories": ["protest", None]})  # fmt: skip
    table = missed_categories(incidents, register, lang="id").set_index("category")
    assert sorted(table.index) == ["other", "protest"]
    protest = table.loc["protest"]
    assert protest["category_label"] == "Unjuk rasa"  # the Indonesian label, not the code
    assert protest[["events", "incidents", "unanticipated", "disruptions"]].tolist() == [
        2, 3, 2, 1,
    ]  # fmt: skip
    # karawang's item lists the code; bekasi's threat is a synonym of it
    assert protest["events_rating_it"] == 2
    # text outside the vocabulary pools with itself (case and punctuation folded)
    assert table.loc["other", ["category_label", "incidents"]].tolist() == ["Banjir", 2]
    english = missed_categories(incidents, register, lang="en").set_index("category")
    assert english.loc["protest", "category_label"] == "Protest / demonstration"


def test_reports_with_codes_keep_an_office_code_and_its_carried_label():
    # a report written with an office vocabulary carries the code and its labels; the
    # roll-up's own vocabulary need not know the code
    incidents = pd.DataFrame(
        {
            "event_id": ["a", "b"],
            "category": ["flood", "other"],
            "category_text": [None, "Pohon tumbang"],
            "category_label_en": ["Flood", "Other"],
            "category_label_id": ["Banjir", "Lainnya"],
            "disruption": [False, False],
            "anticipated": [False, True],
        }
    )
    table = missed_categories(incidents, lang="id").set_index("category")
    assert table.loc["flood", "category_label"] == "Banjir"
    assert table.loc["other", "category_label"] == "Pohon tumbang"


# ----------------------------------------------------------------------------- hot spots


def test_the_hot_spot_is_found_with_its_ratio_and_the_null_ring_is_not(pooled):
    windows = pooled["windows"]
    spots = hot_spots(windows)
    hot = spots[spots["hot"]]
    assert set(hot["ring"]) == {TRUTH.hot_ring}
    assert set(hot["hour"]) <= set(TRUTH.hot_hours) and len(hot) >= 4
    spans = hot_spans(windows, spots)
    assert len(spans) == 1
    span = spans.iloc[0]
    assert span["ci_low"] < TRUTH.hot_ratio < span["ci_high"]
    assert span["events"] == 40 and span["ring_name"] == "Plenary room"  # ring 1, the innermost
    # totals per ring are the sums over events
    assert spots["incidents"].sum() == windows["incidents"].sum()


def test_hot_spots_by_day_and_hour_and_bad_grouping(pooled):
    spots = hot_spots(pooled["windows"], by=("ring", "day", "hour"))
    assert {"day", "hour"} <= set(spots.columns)
    assert spots["officer_hours"].sum() == pooled["windows"]["officer_hours"].sum()
    with pytest.raises(ParameterError, match="by must be one of"):
        hot_spots(pooled["windows"], by=("hour",))


# ----------------------------------------------------------------------------- lessons


def test_lessons_state_the_planted_truths_and_not_the_null(pooled):
    windows = pooled["windows"]
    spots = hot_spots(windows)
    cells = cell_rates(windows, BANDS, outcome="incidents")
    found = lessons(
        level_ratio=level_rate_ratio(windows),
        missed=missed_categories(pooled["incidents"], pooled["register"]),
        never=never_materialised(pooled["register"], pooled["incidents"]),
        cells=cells, banding=suggested_banding(cells), spans=hot_spans(windows, spots),
    )  # fmt: skip
    stated = {(lesson.kind, lesson.conclusive) for lesson in found}
    assert ("levels", True) in stated and ("missed_category", True) in stated
    assert ("never_materialised", True) in stated and ("hot_spot", True) in stated
    assert ("cell", True) in stated
    hot = [lesson for lesson in found if lesson.kind == "hot_spot"]
    assert [lesson.values["ring"] for lesson in hot] == ["Plenary room"]
    assert hot[0].ci_low < TRUTH.hot_ratio < hot[0].ci_high
    missed = [lesson for lesson in found if lesson.kind == "missed_category"]
    assert [lesson.values["code"] for lesson in missed] == [TRUTH.missed_category]
    assert missed[0].values["category"] == "Drone"  # its label in categories.yaml
    # conclusions first; each renders in both languages
    assert [lesson.conclusive for lesson in found] == sorted(
        (lesson.conclusive for lesson in found), reverse=True
    )
    for lesson in found:
        english, bahasa = lesson.text("en"), lesson.text("id")
        assert english and bahasa and english != bahasa
        assert lesson.to_dict(lang="id")["text"] == bahasa


def test_a_level_ratio_whose_interval_holds_one_is_not_a_conclusion(pooled):
    windows = pooled["windows"].assign(
        level_rank=np.random.default_rng(3).integers(0, 5, len(pooled["windows"]))
    )  # levels shuffled: no relation to the counts
    result = level_rate_ratio(windows)
    assert result.ci_low < 1 < result.ci_high
    (lesson,) = lessons(level_ratio=result)[:1]
    assert not lesson.conclusive and lesson.key == "rollup.lesson.levels_unclear"
    assert "Not enough evidence" in lesson.text("en")
    assert "Belum cukup bukti" in lesson.text("id")


def test_the_banding_lesson_names_the_levels_in_the_readers_language():
    windows = _cell_windows()
    result = suggested_banding(cell_rates(windows, BANDS))
    assert result.changed
    (lesson,) = [x for x in lessons(banding=result) if x.kind == "banding"]
    assert "low 1–4, medium 5–7, high 8–14, extreme 15–25" in lesson.text("en")
    assert "rendah 1–4, sedang 5–7, tinggi 8–14, ekstrem 15–25" in lesson.text("id")


def test_every_rollup_label_has_both_languages():
    keys = [key for key in LABELS if key.startswith("rollup.")]
    assert len(keys) >= 15
    for key in keys:
        assert set(LABELS[key]) == {"en", "id"}, key


def test_inputs_are_not_mutated(pooled):
    kept = {name: table.copy() for name, table in pooled.items()}
    missed_categories(pooled["incidents"], pooled["register"])
    never_materialised(pooled["register"], pooled["incidents"])
    hot_spans(pooled["windows"], hot_spots(pooled["windows"]))
    cell_rates(pooled["windows"], BANDS)
    for name, table in pooled.items():
        assert_frame_equal(table, kept[name])


def test_lesson_numbers_are_written_as_the_reader_language_does():
    # 99.8% of 1168 incidents (one decimal near 100%); CLDR en_GB "99.8%", "1,168";
    # CLDR id "99,8%", "1.168"
    missed = pd.DataFrame({"category": ["drone"], "events": [12], "incidents": [1168],
                           "share_unanticipated": [0.998], "ci_low": [0.912], "ci_high": [1.0],
                           "unanticipated_disruptions": [9]})  # fmt: skip
    (lesson,) = lessons(missed=missed)
    english, bahasa = lesson.text("en"), lesson.text("id")
    assert "99.8% of 1,168 incidents" in english and "91%–100%" in english
    assert "99,8%" in bahasa and "1.168" in bahasa and "91%–100%" in bahasa
    assert "99.8" not in bahasa and "1,168" not in bahasa
