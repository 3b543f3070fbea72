"""Tests of sra_analysis.review.findings: findings carry their number and render in English and
Bahasa Indonesia; the verdict grades hand-made evaluations."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from _windows import TZ, hand_windows

from sra_analysis import evaluate, load_event
from sra_analysis.resources import sample_dir
from sra_analysis.review.findings import KINDS, Finding, format_span

_windows = hand_windows


def _review(levels, disruptions, **options):
    return evaluate(_windows(levels, disruptions), **{"n_resamples": 0, **options})


# ----------------------------------------------------------------------------- findings


def test_window_findings_carry_their_numbers():
    # four windows: extreme hit, high false alarm, medium miss, low quiet
    review = _review(["extreme", "high", "medium", "low"], [1, 0, 1, 0])
    s = review.score
    found = {finding.key: finding for finding in review.findings}
    # two disrupted windows are thin evidence: the AUC finding is a note, not a verdict
    assert set(found) == {"capture", "misses", "false_alarms", "discrimination_unclear"}
    # capture: 1 of 2 disruptions in 2 of 4 hours → PAI (1/2) / (2/4) = 1: no better than
    # chance (expected 2 · 0.5 = 1.0 disrupted window). Rotation: hours {0, 2} shifted by
    # k = 0..3 always put one on the flagged hours 0-1: four ties, mid-p = 2 / 4 = 0.5
    capture = found["capture"]
    assert (capture.metric, capture.kind) == ("pai", "improvement")
    assert capture.value == pytest.approx(s("pai").estimate) == pytest.approx(1.0)
    assert "1 of 2 disruptions (50%) in 50% of the ring-hours (PAI 1.00)" in capture.text()
    assert "they held 1, where flagging at random would catch about 1.0 (p = 0.500)" in (
        capture.text()
    )
    # Bahasa Indonesia writes the decimal comma (CLDR id): PAI 1,00, about 1,0, p = 0,500
    indonesian = capture.text("id")
    assert "1 dari 2 gangguan (50%) pada 50% dari total ring-jam (PAI 1,00)" in indonesian
    assert "sekitar 1,0 (p = 0,500)" in indonesian
    # the miss: ring 1, 09:00–10:00 (medium)
    misses = found["misses"]
    assert (misses.metric, misses.value) == ("misses", 1)
    assert misses.text().endswith("rated below high: Ring 1, 01 Mar 09:00–10:00.")
    assert "di bawah tinggi: Ring 1, 01 Mar 09.00–10.00." in misses.text("id")  # CLDR id HH.mm
    # the false alarm: the high window 08:00–09:00; two of four ring-hours flagged is half of
    # them, the after-action review's overflagged rule: too many to tell apart, an improvement
    alarms = found["false_alarms"]
    assert (alarms.metric, alarms.value, alarms.kind) == ("false_alarm_hours", 1.0, "improvement")
    assert alarms.text().startswith("1 ring-hours rated high or above passed")
    assert "the register rates 50% of the ring-hours at that level" in alarms.text()
    unclear = found["discrimination_unclear"]
    assert unclear.kind == "note" and unclear.value == pytest.approx(s("auc").estimate)
    assert unclear.text().startswith("With 2 disrupted ring-hours, the SRA's ratings could not")


def test_quiet_flagged_hours_are_a_neutral_note_when_flags_are_few():
    # 20 ring-hours from 07:00: 5 rated high (25%), all quiet; 15 rated low, two disrupted
    # (10:00 and 15:00). 25% is under half and 5 flagged hours are under 24: not overflagged
    levels = ["high"] * 5 + ["low"] * 15
    disruptions = [0] * 5 + [0, 0, 0, 1, 0, 0, 0, 0, 1] + [0] * 6
    found = {f.key: f for f in _review(levels, disruptions).findings}
    assert "false_alarms" not in found
    quiet = found["quiet_flagged"]
    assert (quiet.kind, quiet.metric, quiet.value) == ("note", "false_alarm_hours", 5.0)
    assert quiet.text() == (
        "5 ring-hours rated high or above passed without a disruption, including "
        "Ring 1, 01 Mar 07:00–12:00; a quiet guarded hour may be deterrence, not a wrong rating."
    )
    assert quiet.text("id") == (
        "5 ring-jam dengan risiko tinggi ke atas berlalu tanpa gangguan, antara lain "
        "Ring 1, 01 Mar 07.00–12.00; jam yang aman selama dijaga bisa jadi hasil pencegahan, "
        "bukan penilaian yang keliru."
    )
    assert [f.key for f in found.values() if f.kind == "improvement"] == ["capture", "misses"]


def test_quiet_flagged_hours_are_an_improvement_when_the_register_flags_nearly_everything():
    # 20 ring-hours: 18 rated high (90% ≥ half), one of them (07:00) disrupted; 17 quiet
    levels = ["high"] * 18 + ["low"] * 2
    disruptions = [1] + [0] * 19
    found = {f.key: f for f in _review(levels, disruptions).findings}
    assert "quiet_flagged" not in found
    alarms = found["false_alarms"]
    assert (alarms.kind, alarms.value) == ("improvement", 17.0)
    # one span, 08:00 to 01:00 the next day: 17 hours
    assert alarms.text() == (
        "17 ring-hours rated high or above passed without a disruption, including "
        "Ring 1, 01 Mar 08:00–02 Mar 01:00; the register rates 90% of the ring-hours at that "
        "level, too many for a quiet hour to be told apart from over-rating."
    )
    assert "SRA menilai 90% dari seluruh ring-jam pada tingkat itu" in alarms.text("id")


@pytest.fixture(scope="module")
def purwakarta_review():
    return evaluate(load_event(sample_dir() / "purwakarta-2024"), n_resamples=200)


def test_event_findings_carry_recomputed_numbers(purwakarta_review):
    review = purwakarta_review
    event_incidents = review.unanticipated
    found = {finding.key: finding for finding in review.findings}
    # unanticipated: incidents without risk_id
    assert found["unanticipated"].value == len(event_incidents) > 0
    # shown by their labels in categories.yaml, never the codes
    labels = {
        "drone": ("Drone", "Drone"),
        "infrastructure": (
            "Power cut or facility failure",
            "Listrik padam atau gangguan fasilitas",
        ),
        "medical": ("Medical emergency", "Gangguan kesehatan"),
    }
    assert set(event_incidents["category"]) == set(labels)
    for position, lang in enumerate(("en", "id")):
        shown = ", ".join(sorted(pair[position] for pair in labels.values()))
        assert f"({shown})" in found["unanticipated"].text(lang)
    assert "infrastructure" not in found["unanticipated"].text("id")
    # items not realised: register items no incident names
    idle = review.sra_items.loc[review.sra_items["linked_incidents"] == 0, "risk_id"]
    assert found["items_not_realised"].value == len(idle)
    assert all(risk_id in found["items_not_realised"].text() for risk_id in idle)
    # ring with the highest incidents per 100 officer-hours
    top = review.by_ring.loc[review.by_ring["incidents_per_100_officer_hours"].idxmax()]
    ring_rate = found["ring_rate"]
    assert ring_rate.value == pytest.approx(top["incidents_per_100_officer_hours"])
    assert f"{top['incidents_per_100_officer_hours']:.2f} per 100" in ring_rate.text()
    assert f"Ring {top['ring']} (" in ring_rate.text()
    # understaffed ring-hours
    assert found["understaffed"].value == pytest.approx(review.understaffed["hours"].sum())
    # median response time
    overall = review.response_times.set_index("ring").loc["all"]
    assert found["response"].value == pytest.approx(overall["median_minutes"])
    # the AUC finding carries the AUC
    auc_finding = next(
        found[key]
        for key in ("discrimination", "discrimination_unclear", "no_discrimination")
        if key in found
    )
    assert auc_finding.value == pytest.approx(review.score("auc").estimate)


def _every_kind_of_event(build_event):
    """An event that triggers the overlap, quarantine and risk-matrix findings."""
    staffing = [
        {"officer_id": "A1", "ring": "1", "shift_start": "2024-03-01 07:00",
         "shift_end": "2024-03-01 15:00"},
        {"officer_id": "A1", "ring": "1", "shift_start": "2024-03-01 14:00",
         "shift_end": "2024-03-01 22:00"},
    ]  # fmt: skip
    incidents = [
        {"incident_id": "I1", "reported_at": "2024-03-01 08:00", "ring": "1",
         "category": "crowd", "severity": 5, "risk_id": "R1", "responded_at": "2024-03-01 08:04"},
        {"incident_id": "I2", "reported_at": "2024-03-01 09:00", "ring": "2",
         "category": "crowd", "severity": 9},  # severity outside 1–5: quarantined
    ]  # fmt: skip
    risks = [
        {"risk_id": "R1", "threat": "crowd", "ring": "1", "likelihood": 4, "impact": 5,
         "window_start": "2024-03-01 07:00", "window_end": "2024-03-01 12:00",
         "planned_personnel": 3},
    ]  # fmt: skip
    # two bands, low 1–19 and extreme 20–25: 4×5 sits above 5×3 only by banding (Cox 2008)
    return build_event(
        staffing=staffing, incidents=incidents, risks=risks,
        risk_levels={"low": [1, 19], "extreme": [20, 25]}, flag_level="extreme",
    )  # fmt: skip


def test_every_finding_renders_in_both_languages(build_event, purwakarta_review):
    review = evaluate(_every_kind_of_event(build_event), n_resamples=50)
    found = {finding.key: finding for finding in review.findings}
    assert found["overlaps"].value == 1 and "(1.0 h counted once)" in found["overlaps"].text()
    assert found["quarantined"].value == 1
    assert found["matrix"].value == len(review.matrix_violations) > 0
    assert found["all_anticipated"].value == 0
    assert found["understaffed"].value == pytest.approx(5.0)  # 1 officer of 3 planned, 07–12
    for finding in [*review.findings, *purwakarta_review.findings]:
        assert isinstance(finding, Finding) and finding.kind in KINDS
        assert finding.metric
        english, indonesian = finding.text("en"), finding.text("id")
        assert english and indonesian and english != indonesian, finding.key
        assert not re.search(r"[{}]", english + indonesian), finding.key  # every field filled
        record = finding.to_dict(lang="id")
        assert record["text"] == indonesian
        assert (record["metric"], record["value"]) == (finding.metric, finding.value)


def test_format_span():
    span = {"id": "1", "name": "Outside the fence", "name_id": "Luar pagar",
            "start": pd.Timestamp("2024-03-02 14:00", tz=TZ),
            "end": pd.Timestamp("2024-03-02 15:00", tz=TZ)}  # fmt: skip
    assert format_span(span) == "Ring 1 (Outside the fence), 02 Mar 14:00–15:00"
    assert format_span(span, "id") == "Ring 1 (Luar pagar), 02 Mar 14.00–15.00"
    overnight = {**span, "end": pd.Timestamp("2024-03-03 01:00", tz=TZ)}
    assert format_span(overnight) == "Ring 1 (Outside the fence), 02 Mar 14:00–03 Mar 01:00"
    august = {**span, "start": pd.Timestamp("2024-08-16 22:00", tz=TZ),
              "end": pd.Timestamp("2024-08-17 02:00", tz=TZ)}  # fmt: skip
    # CLDR id abbreviates August as "Agu"
    assert format_span(august, "id") == "Ring 1 (Luar pagar), 16 Agu 22.00–17 Agu 02.00"
    bare = {"id": "2", "name": "2", "start": span["start"], "end": span["end"]}
    assert format_span(bare) == "Ring 2, 02 Mar 14:00–15:00"


def test_finding_numbers_are_written_in_the_reader_language():
    from sra_analysis.labels.formats import Number
    from sra_analysis.review.findings import Finding

    # 1168 overlaps, 1.5 hours: grouped and decimal as CLDR en_GB / id writes them
    values = {"count": Number(1168, digits=None), "hours": Number(1.5, digits=1)}
    overlaps = Finding("note", "overlaps", "overlapping_shifts", 1168, values)
    assert "1,168" in overlaps.text("en") and "1.5" in overlaps.text("en")
    assert "1.168" in overlaps.text("id") and "1,5" in overlaps.text("id")
    assert "1,168" not in overlaps.text("id")
