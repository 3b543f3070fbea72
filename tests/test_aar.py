"""The after-action review on purpose-built events, each worked out by hand.

The base event (tests/conftest.py) runs 1 March 07:00 – 3 March 23:00 WIB, 64 hours, with
ring 1 outside the fence, ring 2 inside the building, ring 3 the plenary room: 192 ring-hours.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from _demonstration import DEMO_INCIDENTS, DEMO_RISKS, DEMO_STAFFING

from sra_analysis import evaluate
from sra_analysis.errors import ParameterError
from sra_analysis.labels import LANGUAGES, english_plurals
from sra_analysis.reports.pages.present import headline_tiles
from sra_analysis.review.aar import (
    CAPABILITY_ELEMENTS,
    IMPROVEMENT_KINDS,
    PRIORITIES,
    STRENGTH_KINDS,
    after_action_review,
    build_episodes,
    review_counts,
)


@pytest.fixture
def demo(build_event):
    event = build_event(incidents=DEMO_INCIDENTS, staffing=DEMO_STAFFING, risks=DEMO_RISKS)
    assert event.rows_quarantined == 0
    return event, evaluate(event, n_resamples=0)


def test_a_demonstration_spreading_across_rings_is_one_episode(demo):
    _, review = demo
    episodes = {e.id: e for e in review.aar.episodes}
    # in order of start: X1 (1 Mar), the demonstration (12:30), W1 (13:00), D5 (17:00)
    assert [e.incident_ids for e in episodes.values()] == [
        ("X1",),
        ("D1", "D2", "D3", "D4"),
        ("W1",),
        ("D5",),
    ]
    demo_episode = episodes["E2"]
    assert demo_episode.rings == ("1", "2", "3")
    assert demo_episode.first_ring == "1"
    assert demo_episode.spread_minutes == 75  # 12:30 to 13:45
    assert demo_episode.disruptions == 3
    # D3 and D4 fell in ring-hours rated medium (R2 only); D2 in R1's extreme hours
    assert demo_episode.missed_disruptions == 2
    assert dict(demo_episode.levels_by_ring) == {"1": "extreme", "2": "medium", "3": "medium"}
    assert (demo_episode.min_level, demo_episode.max_level) == ("medium", "extreme")
    assert demo_episode.end == pd.Timestamp("2024-03-02 14:30", tz="Asia/Jakarta")
    assert demo_episode.response_minutes == 2.0  # median of 2, 1, 3, 2
    assert "M1" not in set(review.aar.incidents["incident_id"])


def test_the_spread_is_one_improvement_whose_root_cause_names_the_rings(demo):
    _, review = demo
    missed = [i for i in review.aar.improvements if i.kind == "missed"]
    assert len(missed) == 1  # two missed ring-hours of one episode: one improvement
    (improvement,) = missed
    assert improvement.episode == "E2"
    assert improvement.priority == "high" and improvement.capability_element == "planning"
    root = improvement.root_cause.text("en")
    assert "R1" in root and "covered ring 1 (Outside the fence)" in root
    assert "reached ring 1 (Outside the fence), ring 2 (Inside the building) and ring 3" in root
    assert "within 75 minutes" in root and "rated the hours medium" in root
    action = improvement.recommended_action.text("en")
    # the first missed disruption at 13:20, the episode resolved 14:30: 13:00–15:00
    assert action.startswith(
        "Extend R1 to ring 2 (Inside the building) and ring 3 (Plenary room) for "
        "02 Mar 13:00–15:00, rated at least high"
    )
    assert "Perluas butir R1 ke ring 2 (Dalam gedung) dan ring 3 (Ruang pleno)" in (
        improvement.recommended_action.text("id")
    )
    assert improvement.evidence["missed"] == 2 and improvement.evidence["low_rings"] == ["2", "3"]


def test_an_item_whose_threat_happens_in_its_ring_and_span_is_a_strength(demo):
    _, review = demo
    foreseen = [s for s in review.aar.strengths if s.kind == "anticipated"]
    # R1 happened in ring 1 within 12:00–18:00 (D1, D2, D5); R3's incident came after its span
    assert [s.evidence["risk_id"] for s in foreseen] == ["R1"]
    assert foreseen[0].evidence["incidents"] == 3 and foreseen[0].evidence["disruptions"] == 1
    assert foreseen[0].evidence["incident_ids"] == ["D1", "D2", "D5"]
    assert foreseen[0].episodes == ("E2", "E4")
    assert "happened there and then" in foreseen[0].text("en")


def test_staffing_below_plan_is_an_improvement_with_the_officers_to_add(demo):
    _, review = demo
    (short,) = [i for i in review.aar.improvements if i.kind == "understaffed"]
    # ten officers against 16 planned, 12:00–18:00: six more, 6 × 6 = 36 officer-hours
    assert short.evidence["officers"] == 6 and short.evidence["shortfall"] == 36
    assert short.evidence["served"] == {"low": 10, "high": 10}
    assert short.episode == "E2" and short.priority == "high"
    assert short.capability_element == "organisation"
    assert short.recommended_action.text("en").startswith(
        "Plan 6 more officers for ring 1 (Outside the fence) on 02 Mar 12:00–18:00"
    )
    assert "tambahan 6 personel" in short.recommended_action.text("id")


def test_an_episode_no_item_foresaw_is_unanticipated(demo):
    _, review = demo
    (unforeseen,) = [i for i in review.aar.improvements if i.kind == "unanticipated"]
    assert unforeseen.episode == "E3"  # W1: no risk_id
    assert unforeseen.priority == "medium"  # a significant incident, no disruption
    # the category by its label in the vocabulary (categories.yaml), never its code
    assert "Witness objection or dispute" in unforeseen.recommended_action.text("en")


#: Each category with a measure of its own (sra_analysis.review.aar.measures) and the words of
#: its measure in each language, for ring 2 (Inside the building / Dalam gedung).
MEASURES = {
    "protest": ("negotiation team and a barrier line ready at ring 2 (Inside the building)",
                "tim negosiator dan barikade lapis Dalmas di ring 2 (Dalam gedung)"),
    "infrastructure": ("Check the generator and backup power",
                       "Periksa genset dan cadangan listrik"),
    "disinformation": ("cyber unit and public information (Humas)", "tim siber dan Humas Polres"),
    "suspicious_object": ("bomb squad (Jibom) sweep ring 2 (Inside the building)",
                          "sterilisasi ring 2 (Dalam gedung) oleh Tim Jibom"),
    "unauthorised_entry": ("accreditation at the gates of ring 2 (Inside the building)",
                           "kartu akreditasi di pintu masuk ring 2 (Dalam gedung)"),
    "intrusion": ("accreditation again at the door of ring 2 (Inside the building)",
                  "pemeriksaan ulang akreditasi di pintu ring 2 (Dalam gedung)"),
}  # fmt: skip


def test_an_unforeseen_category_gets_its_own_measure_in_both_languages(build_event):
    # one disruption of each category in ring 2, four hours apart (the episodes link at most
    # 120 minutes): six episodes, none linked to an item, so six unanticipated improvements
    starts = pd.date_range("2024-03-01 08:00", periods=len(MEASURES), freq="4h")
    incidents = [
        {"incident_id": f"M{k}", "reported_at": f"{when:%Y-%m-%d %H:%M}", "ring": "2",
         "category": code, "severity": "4", "disrupted_proceedings": "true"}
        for k, (code, when) in enumerate(zip(MEASURES, starts, strict=True))
    ]  # fmt: skip
    risks = [{"risk_id": "R1", "threat": "Gangguan umum", "ring": "all", "likelihood": "2",
              "impact": "3"}]  # fmt: skip
    review = evaluate(build_event(incidents=incidents, risks=risks), n_resamples=0)
    found = {i.statement.values["categories"].codes: i for i in review.aar.improvements}
    assert {i.kind for i in found.values()} == {"unanticipated"}
    for code, (english, indonesian) in MEASURES.items():
        action = found[(code,)].recommended_action
        assert action.key == "action.with_measures"
        assert english in action.text("en") and indonesian in action.text("id")
        # the rule's own action still comes first
        assert action.text("en").startswith("Add a threat for ")
        assert action.text("id").startswith("Tambahkan ancaman ")


def test_a_category_without_a_measure_keeps_the_rules_action(demo):
    _, review = demo
    (unforeseen,) = [i for i in review.aar.improvements if i.kind == "unanticipated"]
    assert unforeseen.recommended_action.key == "action.add_threat"  # a witness dispute
    (missed,) = [i for i in review.aar.improvements if i.kind == "missed"]
    # the demonstration spread to rings the item did not cover: extend it, and be ready at
    # every ring it reached
    assert missed.recommended_action.values["action"].key == "action.extend_item"
    assert "tim negosiator dan barikade lapis Dalmas di ring 1 (Luar pagar), ring 2 " in (
        missed.recommended_action.text("id")
    )


def test_the_review_names_an_offices_own_category_by_its_label(tmp_path, monkeypatch):
    import yaml
    from conftest import write_event_folder

    from sra_analysis import load_event
    from sra_analysis.reports.pages import aar_present

    office = {"categories": [{"code": "flood", "label": {"en": "Flood", "id": "Banjir"},
                              "definition": {"en": "Water blocks the venue.",
                                             "id": "Air menggenangi lokasi."},
                              "synonyms": {"id": ["genangan banjir"]}}]}  # fmt: skip
    incidents = [{"incident_id": "F1", "reported_at": "2024-03-02 10:00", "ring": "2",
                  "category": "genangan banjir", "severity": "4",
                  "disrupted_proceedings": "true"}]  # fmt: skip
    risks = [{"risk_id": "R1", "threat": "Gangguan umum", "ring": "all", "likelihood": "2",
              "impact": "3"}]  # fmt: skip
    folder = write_event_folder(tmp_path / "ev", incidents=incidents, risks=risks,
                                categories="office.yaml")  # fmt: skip
    (folder / "office.yaml").write_text(yaml.safe_dump(office), encoding="utf-8")
    review = evaluate(load_event(folder), n_resamples=0)
    (improvement,) = review.aar.improvements
    assert improvement.statement.values["categories"].codes == ("flood",)
    # the office's label, in each language, not its code
    assert "Add a threat for Flood in ring 2" in improvement.recommended_action.text("en")
    assert "Tambahkan ancaman Banjir di ring 2" in improvement.recommended_action.text("id")
    assert "(Banjir)" in review.aar.summary[2].text("id")  # the disruption rated below high
    shown: list[str] = []
    monkeypatch.setattr(aar_present, "show_html", shown.append)
    aar_present.chronology(review, lang="id")
    assert "Banjir" in shown[0] and "flood" not in shown[0]


def test_improvements_come_high_priority_first_with_anchors(demo):
    _, review = demo
    improvements = review.aar.improvements
    ranks = [PRIORITIES.index(i.priority) for i in improvements]
    assert ranks == sorted(ranks)
    assert [i.anchor for i in improvements] == [
        f"aar-improvement-{n}" for n in range(1, len(improvements) + 1)
    ]


def test_every_improvement_has_a_root_cause_and_action_in_both_languages(demo, sample_event):
    for review in (demo[1], evaluate(sample_event, n_resamples=0)):
        assert review.aar.improvements
        for improvement in review.aar.improvements:
            assert improvement.kind in IMPROVEMENT_KINDS
            assert improvement.capability_element in CAPABILITY_ELEMENTS
            assert improvement.priority in PRIORITIES
            for lang in LANGUAGES:
                for part in (improvement.statement, improvement.root_cause,
                             improvement.recommended_action):  # fmt: skip
                    text = part.text(lang)
                    assert text and "{" not in text
            # the two languages say different words, not the English twice
            assert improvement.recommended_action.text("en") != (
                improvement.recommended_action.text("id")
            )
        assert all(s.kind in STRENGTH_KINDS for s in review.aar.strengths)


def test_the_summary_is_plain_and_links_to_its_evidence(demo):
    _, review = demo
    lines = review.aar.summary
    assert 3 <= len(lines) <= 6
    anchors = {e.anchor for e in review.aar.episodes} | {i.anchor for i in review.aar.improvements}
    anchors |= {"aar-chronology", "aar-strengths", "aar-improvements"}
    for lang in LANGUAGES:
        for line in lines:
            text = line.text(lang)
            assert line.anchor in anchors
            for word in ("p =", "p <", "AUC", "CI", "IK 95", "PAI", "{"):
                assert word not in text
    english = [line.text("en") for line in lines]
    assert english[0].startswith("3 disruptions of the proceedings in 3 disrupted")
    assert "2 of 3 disruptions came in ring-hours rated below high" in english[2]
    assert "from ring 1 (Outside the fence) into ring 2" in english[2]
    assert lines[2].anchor == "aar-episode-e2"


# --------------------------------------------------------------------- quiet flagged ring-hours
def _flagging(build_event, window_end: str, ring: str):
    """A register rating ``ring`` high from the start to ``window_end``, quiet there, with
    two disruptions in ring 2 outside the flagged hours (ring 2 is not flagged when ``ring``
    is 1)."""
    risks = [
        {
            "risk_id": "H",
            "threat": "Massa",
            "ring": ring,
            "likelihood": "3",
            "impact": "4",
            "window_start": "2024-03-01 07:00",
            "window_end": window_end,
        }
    ]
    incidents = [
        {"incident_id": f"Q{n}", "reported_at": f"2024-03-03 {h}:10", "ring": "2",
         "category": "crowd", "severity": "4", "disrupted_proceedings": "true", "risk_id": "H"}
        for n, h in enumerate(("19", "21"))
    ]  # fmt: skip
    event = build_event(incidents=incidents, risks=risks)
    return evaluate(event, n_resamples=0)


def test_a_register_flagging_a_quarter_of_the_hours_that_stay_quiet_gets_no_improvement(
    build_event,
):
    # ring 1 rated high for 48 of 64 hours: 48 of 192 ring-hours, 25 %
    review = _flagging(build_event, "2024-03-03 07:00", "1")
    assert review.counts.flagged_hours == 48 and review.counts.hits == 0
    assert "overflagged" not in {i.kind for i in review.aar.improvements}
    (note,) = review.aar.notes
    assert note.key == "note.quiet_flagged"
    assert "48 ring-hours rated high or above passed without a disruption" in note.text("en")
    assert "deterrence" in note.text("en") and "pencegahan" in note.text("id")


def test_a_register_flagging_nine_tenths_of_the_hours_is_overflagged(build_event):
    # every ring rated high from 1 Mar 07:00 to 3 Mar 17:00: 58 of 64 hours, 174 of 192
    review = _flagging(build_event, "2024-03-03 17:00", "all")
    assert review.counts.flagged_hours == 174
    (over,) = [i for i in review.aar.improvements if i.kind == "overflagged"]
    assert over.priority == "medium"  # 91 % ≥ 80 %
    assert over.evidence["area"] == pytest.approx(174 / 192)
    assert "91%" in over.text("en")
    assert over.recommended_action.text("id").startswith("Batasi penilaian tinggi ke atas")


# --------------------------------------------------------------------------- one count each
def _tiles(review, lang="en") -> dict[str, str]:
    return dict(headline_tiles(review, lang=lang))


def tiles_incidents(review) -> float:
    return float(_tiles(review)["Incidents"])


@pytest.mark.parametrize("which", ["demo", "sample"])
def test_counts_agree_across_verdict_tiles_findings_and_review(which, demo, sample_event):
    review = demo[1] if which == "demo" else evaluate(sample_event, n_resamples=0)
    counts = review_counts(review)
    # recount from the windows themselves
    windows = review.windows
    disrupted = windows["disruptions"] > 0
    assert counts.disruptions == windows["disruptions"].sum()
    assert counts.disrupted_ring_hours == disrupted.sum()
    assert counts.disrupted_ring_hours_flagged == (disrupted & windows["flagged"]).sum()
    assert counts.disruptions_flagged == windows.loc[windows["flagged"], "disruptions"].sum()
    # the verdict judges the same ring-hours
    skill = review.verdict.skill
    assert (skill.hits, skill.observed) == (
        counts.disrupted_ring_hours_flagged, counts.disrupted_ring_hours
    )  # fmt: skip
    sentence = review.verdict.text("en")
    assert (
        f"{counts.disrupted_ring_hours_flagged} of {counts.disrupted_ring_hours} disrupted "
        "ring-hours" in sentence
    )
    # the tiles show both counts, each under its own name
    tiles = _tiles(review)
    assert tiles["Disruptions (incidents)"] == f"{counts.disruptions:.0f}"
    assert tiles["Disrupted ring-hours"] == str(counts.disrupted_ring_hours)
    assert tiles["Disruptions in ring-hours rated high+"] == (
        f"{counts.disruptions_flagged:.0f}/{counts.disruptions:.0f}"
    )
    assert tiles["Disrupted ring-hours rated below high"] == str(counts.disrupted_ring_hours_missed)
    # the findings say the same numbers
    findings = {f.key: f for f in review.findings}
    capture = findings["capture"].values
    assert capture["captured"].value == counts.disruptions_flagged
    assert capture["total"].value == counts.disruptions
    assert (capture["hits"].value, capture["observed"].value) == (skill.hits, skill.observed)
    if "misses" in findings:
        assert findings["misses"].values["count"].value == counts.disruptions_missed
    # the commander's summary says the same numbers, each under its own name
    summary = {line.statement.key: line.statement for line in review.aar.summary}
    happened = summary["summary.happened"]
    assert happened.values["disruptions"].value == counts.disruptions
    assert happened.values["ring_hours"].value == counts.disrupted_ring_hours
    assert happened.values["incidents"].value == counts.incidents == tiles_incidents(review)
    assert english_plurals(
        f"{counts.disruptions:.0f} disruption(s) of the proceedings in "
        f"{counts.disrupted_ring_hours} disrupted ring-hour(s)"
    ) in happened.text("en")
    if "summary.missed" in summary:
        missed = summary["summary.missed"].values
        assert (missed["missed"].value, missed["disruptions"].value) == (
            counts.disruptions_missed, counts.disruptions
        )  # fmt: skip
    # and so does the review
    assert sum(e.disruptions for e in review.aar.episodes) == counts.disruptions
    assert sum(e.missed_disruptions for e in review.aar.episodes) == counts.disruptions_missed


# ------------------------------------------------------------------------ summary.json's aar
def test_summary_json_carries_the_review(demo):
    _, review = demo
    body = json.loads(json.dumps(review.to_dict(lang="id")))
    assert body["verdict"]["label"] == review.verdict.label("id")
    assert body["verdict"]["label"] in {"baik", "cukup", "kurang", "tanpa gangguan"}
    aar = body["aar"]
    assert set(aar) >= {"summary", "chronology", "strengths", "improvements", "notes", "counts"}
    assert all(set(line) == {"key", "text", "anchor"} for line in aar["summary"])
    episode = aar["chronology"][1]
    assert set(episode) >= {"id", "start", "end", "rings", "categories", "incident_ids",
                            "incident_count", "disruptions", "levels", "risk_ids"}  # fmt: skip
    assert episode["incident_ids"] == ["D1", "D2", "D3", "D4"]
    assert episode["levels"] == {
        "min": "medium", "max": "extreme", "by_ring": {"1": "extreme", "2": "medium", "3": "medium"}
    }  # fmt: skip
    assert episode["start"] == "2024-03-02T12:30:00+07:00"
    for strength in aar["strengths"]:
        assert set(strength) == {"kind", "text", "evidence", "episodes"}
    for improvement in aar["improvements"]:
        assert set(improvement) == {"kind", "text", "root_cause", "recommended_action",
                                    "capability_element", "priority", "episode", "evidence",
                                    "anchor"}  # fmt: skip
    (missed,) = [i for i in aar["improvements"] if i["kind"] == "missed"]
    assert missed["episode"] == "E2" and missed["recommended_action"].startswith("Perluas")


def test_an_event_without_significant_incidents_has_an_empty_chronology(build_event):
    event = build_event(
        incidents=[{"incident_id": "I1", "reported_at": "2024-03-01 09:00", "ring": "1",
                    "category": "traffic", "severity": "1", "disrupted_proceedings": "false"}],
        risks=DEMO_RISKS,
    )  # fmt: skip
    review = evaluate(event, n_resamples=0)
    assert review.aar.episodes == () and review.aar.incidents.empty
    assert review.aar.grade == "quiet" and review.aar.label("id") == "tanpa gangguan"
    assert review.aar.summary[0].text("en").startswith("No incident disrupted the proceedings")


def test_min_severity_and_gap_are_options_and_bad_values_are_refused(demo):
    event, review = demo
    # at severity 4 only the disruptions remain; D2–D4 still chain into one episode
    aar = after_action_review(review, event.incidents, verdict=review.verdict, min_severity=4)
    assert [e.incident_ids for e in aar.episodes] == [("D2", "D3", "D4")]
    # with a 10-minute gap the demonstration falls apart (D2 → D3 is 15 minutes)
    short = after_action_review(review, event.incidents, verdict=review.verdict, max_gap="10min")
    assert ("D1", "D2", "D3", "D4") not in [e.incident_ids for e in short.episodes]
    with pytest.raises(ParameterError, match="min_severity must be a severity from 1 to 5"):
        build_episodes(event.incidents, review.windows, meta=event.meta, min_severity=9)
    with pytest.raises(ParameterError, match="max_gap must be a duration"):
        build_episodes(event.incidents, review.windows, meta=event.meta, max_gap="-1h")


def test_episodes_follow_the_event_ring_order_not_the_ring_numbers(build_event):
    # rings listed inside out (3, 2, 1 in file order 1 → plenary): adjacency is by the order
    rings = [
        {"id": "1", "name": "Plenary room"},
        {"id": "3", "name": "Outside the fence"},
        {"id": "2", "name": "Inside the building"},
    ]
    incidents = [
        {"incident_id": "A", "reported_at": "2024-03-02 12:00", "ring": "3",
         "category": "protest", "severity": "4", "disrupted_proceedings": "true"},
        {"incident_id": "B", "reported_at": "2024-03-02 12:30", "ring": "1",
         "category": "protest", "severity": "4", "disrupted_proceedings": "true"},
    ]  # fmt: skip
    event = build_event(incidents=incidents, risks=DEMO_RISKS, rings=rings)
    review = evaluate(event, n_resamples=0)
    # ring 3 and ring 1 are first and second in this event's order: adjacent, one episode
    assert [e.incident_ids for e in review.aar.episodes] == [("A", "B")]
    assert review.aar.episodes[0].rings == ("1", "3")


def test_the_review_does_not_change_its_inputs(demo):
    event, review = demo
    incidents, windows = event.incidents.copy(), review.windows.copy()
    after_action_review(review, event.incidents, verdict=review.verdict)
    pd.testing.assert_frame_equal(event.incidents, incidents)
    pd.testing.assert_frame_equal(review.windows, windows)


def test_the_chronology_holds_the_incidents_of_the_event_period_only(build_event):
    # a disruption two hours after the end is accepted (24 h margin) but, like the scores,
    # the chronology counts only what was reported between start and end
    incidents = [
        *DEMO_INCIDENTS,
        {"incident_id": "LATE", "reported_at": "2024-03-04 01:00", "ring": "1",
         "category": "protest", "severity": "5", "disrupted_proceedings": "true"},
    ]  # fmt: skip
    event = build_event(incidents=incidents, staffing=DEMO_STAFFING, risks=DEMO_RISKS)
    review = evaluate(event, n_resamples=0)
    assert review.totals["disruptions"] == 4 and review.totals["disruptions_in_windows"] == 3
    assert "LATE" not in set(review.aar.incidents["incident_id"])
    assert sum(e.disruptions for e in review.aar.episodes) == review_counts(review).disruptions


def test_many_flags_without_skill_are_overflagged_but_not_flags_that_caught_nothing():
    from _windows import hand_windows

    # 100 ring-hours, 30 rated high (30 %, under half). 12 disrupted ring-hours, 4 of them in
    # the flagged 30: chance would catch 12 × 0.3 = 3.6, so 4 is no skill, and 12 ≥ 10 is
    # enough evidence to say so. Rule (b): ≥ 24 flagged ring-hours, a hit, no skill.
    levels = ["high"] * 30 + ["low"] * 70
    disrupted = [1 if i in {0, 8, 16, 24} else 0 for i in range(30)]
    disrupted += [1 if i % 9 == 0 else 0 for i in range(70)]  # 8 more, spread evenly
    review = evaluate(hand_windows(levels, disrupted), n_resamples=0)
    skill = review.verdict.skill
    assert (skill.hits, skill.observed, skill.evidence) == (4, 12, "sufficient")
    assert not skill.capture_beats_chance and not skill.discriminates
    assert [i.kind for i in review.aar.improvements] == ["overflagged"]
    assert review.aar.improvements[0].priority == "low"  # 30 % < 80 %
    assert "no more often than chance" in review.aar.improvements[0].root_cause.text("en")
    # the same flags with every disruption outside them: misses, not overflagging
    outside = [0] * 30 + [1 if i % 6 == 0 else 0 for i in range(70)]
    review = evaluate(hand_windows(levels, outside), n_resamples=0)
    assert review.verdict.skill.hits == 0
    assert review.aar.improvements == ()  # no event, no episodes: nothing else to say
    assert review.aar.episodes == ()


def test_episodes_link_as_every_pair_would_be_compared():
    # an independent recomputation: compare every pair of incidents by the rule, join with a
    # plain union-find, and check the engine's linear-time linking finds the same groups
    import numpy as np
    import pandas as pd

    from sra_analysis.review.aar.episodes import _components

    rng = np.random.default_rng(7)
    n = 300  # over ten days: groups of one to a dozen incidents
    frame = pd.DataFrame({
        "reported_at": pd.Timestamp("2024-03-01 07:00", tz="Asia/Jakarta")
        + pd.to_timedelta(np.sort(rng.integers(0, 10 * 24 * 60, n)), unit="min"),
        "ring": rng.choice(["1", "2", "3", "4"], n),
        "category": rng.choice(["protest", "crowd", "fire", "drone", "traffic", "medical"], n),
        "risk_id": rng.choice(["R1", "R2", None, None, None, None], n),
    })  # fmt: skip
    order = {"1": 0, "2": 1, "3": 2, "4": 3}
    gap = pd.Timedelta(hours=2)
    found = _components(frame, order, gap)
    group = list(range(n))

    def root(i):
        while group[i] != i:
            i = group[i]
        return i

    rows = frame.to_dict("records")
    for i in range(n):
        for j in range(i + 1, n):
            a, b = rows[i], rows[j]
            close = b["reported_at"] - a["reported_at"] <= gap
            shared = a["category"] == b["category"] or (
                a["risk_id"] is not None and a["risk_id"] == b["risk_id"]
            )
            if close and shared and abs(order[a["ring"]] - order[b["ring"]]) <= 1:
                group[root(j)] = root(i)
    expected = [root(i) for i in range(n)]
    # the same partition (labels may differ)
    pairs = {(found[i], expected[i]) for i in range(n)}
    assert len(pairs) == len(set(found)) == len(set(expected))
    assert 20 < len(set(expected)) < n - 20  # many groups, many of them joined
