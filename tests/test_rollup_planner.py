"""The roll-up's first screen for a Polda planner (issue 17, deliverable 5), on report folders
built by hand.

Three events of one province, reviewed 08:00–17:59 of one day, three rings each; ``ev-b`` and
``ev-c`` number their rings from the outside in (ring 1 = the fence), ``ev-a`` from the
inside out, so a ring id means a different place in different events and only the zone
(``event.yaml``) tells them apart. Planted:

* staffing: the perimeter ring is rated high 13:00–16:59 (flagged) and planned at 4 officers
  every hour, but held by 2 in all three events; every other ring-hour is at plan (4 at the
  fence, 2 inside). ``ev-c`` has one incident in a ring-hour without a plan.
* findings: a protest not in the SRA at the fence in ``ev-a`` (its ring 3) and ``ev-b`` (its
  ring 1) — the same finding, in 2 of 3 events; a protest not in the SRA in ``ev-c``'s ring 3,
  which is its plenary room (another place: 1 event); an intrusion rated too low in ``ev-c``
  only; the fence below plan in all three.
* grades: ``ev-a`` good, ``ev-b`` mixed with one disruption in an hour rated low, ``ev-c`` poor.

Expected values are worked out by hand from these plants (comments say how), never from
running the code.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from _language_scan import ENGLISH_RE

from sra_analysis.errors import ParameterError
from sra_analysis.reports.rollup_inputs import read_reports
from sra_analysis.rollup import (
    aar_findings,
    planner_results,
    recurring_improvements,
    staffing_vs_plan,
)
from sra_analysis.vocabulary import bundled_vocabulary

TZ = "Asia/Jakarta"
HOURS = range(8, 18)  # 08:00–17:59, ten ring-hours per ring
GAP = range(13, 17)  # 13:00–16:59: the perimeter flagged, planned 4, held by 2
#: Ring id -> (zone, name, Indonesian name) per event.
RINGS = {
    "ev-a": {"1": "core", "2": "building", "3": "perimeter"},
    "ev-b": {"1": "perimeter", "2": "building", "3": "core"},
    "ev-c": {"1": "perimeter", "2": "building", "3": "core"},
}
NAMES = {"core": ("Plenary room", "Ruang pleno"), "building": ("Building", "Gedung"),
         "perimeter": ("Fence", "Pagar")}  # fmt: skip
#: (event, zone, hour, disruption, has a plan): the incidents outside the planted gap.
INCIDENTS = [
    ("ev-a", "core", 9, False, True),
    ("ev-b", "building", 11, True, True),  # a disruption in an hour rated low
    ("ev-c", "building", 10, False, False),  # a ring-hour that mattered, without a plan
]
GRADES = {"ev-a": "good", "ev-b": "mixed", "ev-c": "poor"}


def _ring_of(event_id: str, zone: str) -> str:
    return next(r for r, z in RINGS[event_id].items() if z == zone)


def _windows(event_id: str) -> pd.DataFrame:
    rows = []
    for ring, zone in RINGS[event_id].items():
        for hour in HOURS:
            flagged = zone == "perimeter" and hour in GAP
            planned = 4.0 if zone == "perimeter" else 2.0
            served = 2.0 if flagged else planned
            hit = [i for i in INCIDENTS if i[:3] == (event_id, zone, hour)]
            if hit and not hit[0][4]:
                planned = np.nan
            start = pd.Timestamp(f"2024-03-01 {hour:02d}:00", tz=TZ)
            rows.append({
                "ring": ring, "window_start": start, "window_end": start + pd.Timedelta("1h"),
                "hours": 1.0, "predicted_score": 12 if flagged else 2,
                "predicted_level": "high" if flagged else "low", "probability": np.nan,
                "incidents": len(hit), "disruptions": int(bool(hit and hit[0][3])),
                "max_severity": 4 if hit else 0, "officer_hours": served,
                "mean_staff": served, "min_staff": int(served), "planned_staff": planned,
                "likelihood": 3 if flagged else 1, "impact": 4 if flagged else 2,
                "flagged": flagged, "observed": bool(hit and hit[0][3]),
                "level_rank": 3 if flagged else 1, "hour": hour, "day": 1,
                "ring_name": NAMES[zone][0], "ring_name_id": NAMES[zone][1], "zone": zone,
            })  # fmt: skip
    windows = pd.DataFrame(rows)
    return windows.astype({"likelihood": "Int64", "impact": "Int64"})


def _incidents(event_id: str) -> pd.DataFrame:
    rows = [
        {"ring": _ring_of(e, zone), "time": pd.Timestamp(f"2024-03-01 {hour:02d}:20", tz=TZ),
         "hour": hour, "day": 1, "category": "protest", "severity": 4, "disruption": disrupted,
         "anticipated": False, "flagged": False, "category_text": None,
         "category_label_en": "Protest", "category_label_id": "Unjuk rasa"}
        for e, zone, hour, disrupted, _ in INCIDENTS if e == event_id
    ]  # fmt: skip
    return pd.DataFrame(rows)


def _register() -> pd.DataFrame:
    return pd.DataFrame({
        "risk_id": ["R1"], "threat": ["Massa di pagar"], "ring": ["all"], "likelihood": [3],
        "impact": [4], "score": [12], "level": ["high"], "incidents": [0], "disruptions": [0],
        "categories": [None],
    })  # fmt: skip


def _improvement(kind: str, category: str | None, ring: str, *, key: str = "rings") -> dict:
    evidence = {key: [ring]}
    if category:
        evidence["categories"] = [category]
    return {"kind": kind, "text": f"{kind} in ring {ring}", "root_cause": "…",
            "recommended_action": "…", "capability_element": "planning", "priority": "high",
            "episode": None, "evidence": evidence}  # fmt: skip


def _improvements(event_id: str) -> list[dict]:
    fence = _ring_of(event_id, "perimeter")
    out = [_improvement("understaffed", None, fence)]
    if event_id in ("ev-a", "ev-b"):  # the same finding at the fence, rings numbered apart
        out.append(_improvement("unanticipated", "protest", fence))
    else:  # ev-c: a protest in its ring 3, the plenary room; an intrusion rated too low
        out.append(_improvement("unanticipated", "protest", "3"))
        out.append(_improvement("missed", "intrusion", "2", key="low_rings"))
    return out


STRENGTHS = {"ev-a": ["anticipated", "response"], "ev-b": ["anticipated"], "ev-c": ["response"]}


def _summary(event_id: str, windows: pd.DataFrame, incidents: pd.DataFrame) -> dict:
    flagged = windows["flagged"]
    observed = windows["observed"]
    return {
        "event": {"id": event_id, "name": f"Rapat pleno {event_id}", "timezone": TZ,
                  "start": "2024-03-01T08:00:00+07:00", "end": "2024-03-01T18:00:00+07:00",
                  "risk_levels": {"low": [1, 4], "medium": [5, 9], "high": [10, 14],
                                  "extreme": [15, 25]}},
        "totals": {"incidents": len(incidents), "disruptions": int(incidents["disruption"].sum()),
                   "incidents_in_windows": len(incidents),
                   "disruptions_in_windows": int(windows["disruptions"].sum()),
                   "officer_hours": float(windows["officer_hours"].sum()),
                   "windows": len(windows), "ring_hours": float(windows["hours"].sum())},
        "prediction": {"flag_level": "high", "windows": len(windows),
                       "hits": int((flagged & observed).sum()),
                       "misses": int((~flagged & observed).sum()),
                       "false_alarms": int((flagged & ~observed).sum()),
                       "correct_negatives": int((~flagged & ~observed).sum())},
        "verdict": {"grade": GRADES[event_id], "evidence": "thin"},
        "aar": {"summary": [], "chronology": [],
                "strengths": [{"kind": k, "text": k, "evidence": {}, "episodes": []}
                              for k in STRENGTHS[event_id]],
                "improvements": _improvements(event_id)},
        "schema_version": "3",
    }  # fmt: skip


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A batch's output folder holding the three report folders."""
    out = tmp_path_factory.mktemp("province-out")
    for event_id in RINGS:
        folder = out / event_id
        folder.mkdir()
        windows, incidents = _windows(event_id), _incidents(event_id)
        windows.to_parquet(folder / "windows.parquet")
        incidents.to_parquet(folder / "incidents.parquet")
        _register().to_parquet(folder / "register.parquet")
        summary = _summary(event_id, windows, incidents)
        (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
        (folder / "report.html").write_text("<html></html>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def read(batch):
    return read_reports(batch)


# ----------------------------------------------------------------------------- staffing


def test_the_planted_staffing_gap_at_the_fence_in_the_afternoon_is_found(read):
    result = staffing_vs_plan(read.tables["windows"])
    cells = result.cells.set_index(["ring", "hour"])
    for hour in GAP:  # 3 events × 1 ring-hour, each planned 4 and served 2
        cell = cells.loc[("perimeter", hour)]
        assert cell["windows"] == cell["windows_with_plan"] == cell["windows_below_plan"] == 3
        assert cell["share_below_plan"] == 1.0
        assert (cell["planned_officer_hours"], cell["served_officer_hours"]) == (12.0, 6.0)
        assert cell["events"] == cell["events_below_plan"] == 3
    # the rest that mattered (an incident each) was at plan, or had none
    assert cells["windows_below_plan"].drop(index=[("perimeter", h) for h in GAP]).sum() == 0
    assert cells["windows"].sum() == 3 * len(GAP) + len(INCIDENTS)
    assert cells["windows_without_plan"].sum() == 1  # ev-c's building at 10:00: counted
    assert cells.loc[("building", 10), "windows_without_plan"] == 1
    # one run, 13:00–16:59: 12 ring-hours below plan, 48 planned, 24 served officer-hours
    assert len(result.shortfalls) == 1
    run = result.shortfalls.iloc[0]
    assert (run["ring"], run["first_hour"], run["last_hour"]) == ("perimeter", 13, 16)
    assert (run["windows_below_plan"], run["windows_with_plan"]) == (12, 12)
    assert (run["planned_officer_hours"], run["served_officer_hours"]) == (48.0, 24.0)
    assert run["shortfall_officer_hours"] == 24.0
    assert run["event_ids"] == ["ev-a", "ev-b", "ev-c"]
    # each event's worst gap: 2 officers short of 4 at the fence, from 13:00
    worst = result.by_event.set_index("event_id")
    assert worst["officers_short"].tolist() == [2.0, 2.0, 2.0]
    assert set(worst["ring"]) == {"perimeter"} and set(worst["hour"]) == {13}
    assert worst.loc["ev-c", "windows_without_plan"] == 1


def test_staffing_in_blocks_of_hours_and_a_gap_in_one_event_only(read):
    windows = read.tables["windows"]
    blocks = staffing_vs_plan(windows, hours_per_block=4).cells.set_index(["ring", "hour"])
    # 12:00–15:59 holds 13, 14, 15 (9 ring-hours below plan); 16:00–19:59 holds 16 (3)
    assert blocks.loc[("perimeter", 12), "windows_below_plan"] == 9
    assert blocks.loc[("perimeter", 12), "last_hour"] == 15
    assert blocks.loc[("perimeter", 16), "windows_below_plan"] == 3
    # kept to one event, the gap is no shortfall to name (seen in fewer than 2 events)
    one = staffing_vs_plan(windows[windows["event_id"] == "ev-a"])
    assert one.shortfalls.empty and one.cells["windows_below_plan"].sum() == 4
    with pytest.raises(ParameterError, match="hours_per_block must be .* got 5"):
        staffing_vs_plan(windows, hours_per_block=5)
    with pytest.raises(ParameterError, match="lacks column"):
        staffing_vs_plan(windows.drop(columns=["planned_staff"]))


def test_staffing_vs_plan_does_not_change_its_input(read):
    windows = read.tables["windows"]
    before = windows.copy()
    staffing_vs_plan(windows, hours_per_block=2)
    pd.testing.assert_frame_equal(windows, before)


# ----------------------------------------------------------------------------- recurring


def test_a_finding_in_two_of_three_events_recurs_and_names_them(read):
    found = aar_findings(read.summaries, read.tables["windows"])
    assert found.unreadable.empty
    recurring = recurring_improvements(found.improvements)
    keys = [(r.kind, r.category, r.ring) for r in recurring.itertuples()]
    # the fence below plan in 3 events; the protest at the fence in ev-a (ring 3) and ev-b
    # (ring 1); nothing else twice: ev-c's protest was in its plenary room (ring 3), its
    # intrusion in 1 event only
    assert keys == [("understaffed", None, "perimeter"), ("unanticipated", "protest", "perimeter")]
    protest = recurring.iloc[1]
    assert protest["events"] == 2 and protest["event_ids"] == ["ev-a", "ev-b"]
    # without the labels the reports carried, the bundled vocabulary's
    assert protest["category_label"] == bundled_vocabulary().label("protest", "en")
    assert "2 events" in protest["recommendation"]
    assert "Ring 3 – fence, gate and parking" in protest["recommendation"]
    assert "intrusion" not in set(recurring["category"].dropna())
    assert ("unanticipated", "protest", "core") not in keys


def test_the_recommendation_for_the_province_in_indonesian(read):
    found = aar_findings(read.summaries, read.tables["windows"], lang="id")
    recurring = recurring_improvements(found.improvements, lang="id",
                                       category_labels={"protest": "Unjuk rasa"})  # fmt: skip
    protest = recurring[recurring["kind"] == "unanticipated"].iloc[0]
    assert protest["recommendation"].startswith(
        "Di 2 kegiatan, Unjuk rasa terjadi di Ring 3 – pagar, gerbang dan parkir tanpa butir "
        "SRA yang memuatnya."
    )
    assert ENGLISH_RE.findall(" ".join(recurring["recommendation"])) == []


def test_a_review_without_findings_is_listed_not_dropped(read):
    summaries = {**read.summaries, "ev-old": {"event": {"id": "ev-old"}, "totals": {}}}
    summaries["ev-odd"] = {"aar": {"improvements": [{"kind": "late"}], "strengths": ["x"]}}
    unreadable = aar_findings(summaries).unreadable
    assert unreadable["event_id"].tolist() == ["ev-old", "ev-odd", "ev-odd"]
    assert "no after-action review" in unreadable["reason"].iloc[0]
    assert "kind 'late'" in " ".join(unreadable["reason"])


# ----------------------------------------------------------------------------- first screen


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_plain_answer_words_the_planted_gap_and_findings(read, lang):
    results = planner_results(read.summaries, read.tables, lang=lang)
    sentences = {s["key"]: s for s in results["plain_answer"]}
    expected = {
        "en": {
            "rollup.plain.right": "What the SRAs get right: a threat rated high or above "
            "happened where and when the SRA said it would (2 events); incidents were answered "
            "quickly (2 events).",
            "rollup.plain.missing": "What they keep missing: Protest in Ring 3 – fence, gate "
            "and parking, not in the SRA (2 events).",
            "rollup.plain.staffing": "Staffing fell furthest short of plan when it mattered in "
            "Ring 3 – fence, gate and parking, 13:00–16:59: 12 of 12 ring-hours below plan, in "
            "3 events; 24 of 48 planned officer-hours served.",
            "rollup.plain.without_plan": "1 of 15 ring-hours that mattered had no staffing plan.",
            "rollup.plain.first": "Events to look at first: ev-c, ev-b, ev-a.",
            "rollup.plain.recurring": "2 findings recur in two events or more; each comes "
            "with a recommendation for the province.",
        },
        "id": {
            "rollup.plain.right": "Yang sudah baik dari SRA: ancaman berisiko tinggi ke atas "
            "benar terjadi di tempat dan waktu yang diperkirakan SRA (2 kegiatan); kejadian "
            "ditanggapi dengan cepat (2 kegiatan).",
            "rollup.plain.missing": "Yang terus terlewat: Unjuk rasa di Ring 3 – pagar, gerbang "
            "dan parkir, tidak ada di SRA (2 kegiatan).",
            "rollup.plain.staffing": "Kekurangan personel saat dibutuhkan paling besar di "
            "Ring 3 – pagar, gerbang dan parkir, pukul 13.00–16.59: 12 dari 12 ring-jam di "
            "bawah rencana, di 3 kegiatan; terisi 24 dari 48 jam-personel yang direncanakan.",
            "rollup.plain.without_plan": "1 dari 15 ring-jam yang dibutuhkan tidak memiliki "
            "rencana personel.",
            "rollup.plain.first": "Kegiatan yang perlu diperiksa lebih dulu: ev-c, ev-b, ev-a.",
            "rollup.plain.recurring": "2 temuan berulang di dua kegiatan atau lebih; "
            "masing-masing disertai saran untuk tingkat Polda.",
        },
    }[lang]
    assert {k: s["text"] for k, s in sentences.items()} == expected
    assert 3 <= len(sentences) <= 6
    assert sentences["rollup.plain.staffing"]["anchor"] == "rollup-staffing"


def test_events_to_look_at_first_poor_then_missed_disruptions_then_gap(read):
    first = planner_results(read.summaries, read.tables, lang="id")["events_to_review_first"]
    # ev-c graded poor; ev-b one disruption at 11:00 rated low; ev-a only the fence gap
    assert first["event_id"].tolist() == ["ev-c", "ev-b", "ev-a"]
    assert first["missed_disruptions"].tolist() == [0, 1, 0]
    gap = ("kurang 2 dari 4 personel yang direncanakan di Ring 3 – pagar, gerbang dan parkir "
           "pada hari ke-1 pukul 13.00, saat dibutuhkan")  # fmt: skip
    assert first["reasons"].tolist() == [
        ["Anev-nya menilai SRA kurang", gap],
        ["1 gangguan terjadi pada jam yang dinilai SRA di bawah tinggi", gap],
        [gap],
    ]


#: Words of statistics that never stand on the first screen (both languages).
STATISTICS = re.compile(
    r"\b(p|p-value|interval|IK|CI|Cox|funnel|corong|I²|Bonferroni|AUC|rasio laju|rate ratio)\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def pages(batch, tmp_path_factory):
    from sra_analysis.reports.batch.kernels import shutdown_kernels
    from sra_analysis.reports.batch.rollup_report import run_rollup_report

    out = {}
    try:
        for lang in ("id", "en"):
            folder = tmp_path_factory.mktemp(f"rekap-{lang}")
            done = run_rollup_report(batch, folder, lang=lang)
            assert done.ok, done.error
            out[lang] = folder
    finally:
        shutdown_kernels()
    return out


def _first_screen(folder) -> str:
    from _language_scan import visible_text

    from sra_analysis.labels import t

    text = visible_text(folder / "rollup.html", skip=("code",))
    annex = t("rollup.section.annex", "id" if "rekap-id" in str(folder) else "en")
    assert annex in text  # the statistics stand under the annex heading
    return text[: text.index(annex)]


def test_the_indonesian_first_screen_speaks_plainly_and_in_indonesian(pages):
    first = _first_screen(pages["id"])
    for heading in ("Gambaran SRA di wilayah Polda", "Di mana personel di bawah rencana saat "
                    "dibutuhkan", "Temuan yang berulang antarkegiatan",
                    "Kegiatan yang perlu diperiksa lebih dulu"):  # fmt: skip
        assert heading in first
    assert "pukul 13.00–16.59: 12 dari 12 ring-jam di bawah rencana" in first
    assert "Unjuk rasa" in first and "ev-a, ev-b" in first
    assert ENGLISH_RE.findall(first) == []
    assert STATISTICS.findall(first) == []
    # the statistics are all there, after the annex heading
    page = (pages["id"] / "rollup.html").read_text(encoding="utf-8")
    annex = page.index("Lampiran analis")
    assert page.index("Apakah tingkat risiko bermakna di seluruh kegiatan?") > annex
    assert page.index("Apakah SRA kita tepat?") > annex


def test_the_english_first_screen_links_each_sentence_to_its_section(pages):
    first = _first_screen(pages["en"])
    assert "13:00–16:59: 12 of 12 ring-hours below plan" in first
    assert STATISTICS.findall(first) == []
    page = (pages["en"] / "rollup.html").read_text(encoding="utf-8")
    targets = set(re.findall(r'<a href="#(rollup-[a-z]+)">', page))
    assert targets == {"rollup-strengths", "rollup-recurring", "rollup-staffing", "rollup-first"}
    for target in targets:
        assert f'id="{target}"' in page
    body = json.loads((pages["en"] / "rollup.json").read_text(encoding="utf-8"))
    assert [s["text"] for s in body["plain_answer"]][2].startswith("Staffing fell furthest")
    assert body["staffing_vs_plan"]["shortfalls"][0]["event_ids"] == ["ev-a", "ev-b", "ev-c"]
    assert [r["kind"] for r in body["recurring_improvements"]] == ["understaffed",
                                                                   "unanticipated"]  # fmt: skip
    assert [r["event_id"] for r in body["events_to_review_first"]] == ["ev-c", "ev-b", "ev-a"]
    assert body["aar_not_read"] == []


def test_reports_written_before_the_staffing_plan_count_as_without_one(read):
    # a windows.parquet of an older report: no planned_staff, mean_staff or min_staff
    older = read.tables["windows"].drop(columns=["planned_staff", "mean_staff", "min_staff"])
    results = planner_results(read.summaries, {**read.tables, "windows": older}, lang="en")
    cells = results["staffing_vs_plan"].cells
    # every ring-hour that mattered (12 flagged + 3 with an incident) is without a plan
    assert cells["windows_without_plan"].sum() == cells["windows"].sum() == 15
    assert results["staffing_vs_plan"].shortfalls.empty
    texts = [s["text"] for s in results["plain_answer"]]
    assert texts[2] == (
        "No SRA planned personnel for the hours that mattered, so staffing cannot be "
        "compared with a plan."
    )


def test_the_staffing_heat_map_shows_the_planted_gap_and_fades_one_event_s(read):
    from sra_analysis.charts.rollup_staffing import staffing_gap_heatmap

    windows = read.tables["windows"]
    fig = staffing_gap_heatmap(staffing_vs_plan(windows).cells, lang="id")
    heat = fig.data[0]
    assert list(heat.y) == [
        "Ring 1 – ruang sidang / area steril",
        "Ring 2 – gedung dan halaman",
        "Ring 3 – pagar, gerbang dan parkir",
    ]
    z = np.asarray(heat.z, dtype=float)
    # the fence mattered only 13:00–16:59 (flagged), all below plan; inside, only the hours
    # of an incident: the plenary room at 09:00 and the building at 11:00 at plan, the
    # building at 10:00 without a plan (no colour, a dot)
    expected = np.full((3, 24), np.nan)
    expected[2, list(GAP)] = 1.0
    expected[0, 9] = expected[1, 11] = 0.0
    np.testing.assert_array_equal(z, expected)
    assert heat.text[1][10] == "·" and heat.text[1][11] == ""
    assert "rencana 12 jam-personel, terisi 6" in heat.customdata[2][13]
    assert "di 3 dari 3 kegiatan" in heat.customdata[2][13]
    assert len(fig.layout.shapes) == 0  # below plan in all 3 events: nothing faded
    one = staffing_gap_heatmap(
        staffing_vs_plan(windows[windows["event_id"] == "ev-a"]).cells, lang="id"
    )
    assert len(one.layout.shapes) == len(GAP)  # one event's short hours, faded
