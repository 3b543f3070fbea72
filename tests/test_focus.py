"""Tests of sra_analysis.reports.pages.focus: the slice note and the breakdown tables as the
focused notebooks show them (escaped, in the report's language)."""

from __future__ import annotations

import re

import pytest
from _night_event import night_event

from sra_analysis.reports.pages import focus
from sra_analysis.review.evaluate import evaluate
from sra_analysis.review.slicing import slice_event


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    fragments: list[str] = []
    monkeypatch.setattr(focus, "show_html", fragments.append)
    return fragments


def _cells(fragment: str) -> list[list[str]]:
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", fragment.split("<tbody>")[1], re.S)
    return [[c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


def test_the_whole_event_gets_no_slice_note(build_event, shown):
    event = night_event(build_event)
    focus.slice_note(event, event)
    assert shown == []


def test_a_slice_says_which_part_and_escapes_the_ring_names(build_event, shown):
    rings = [
        {"id": "1", "name": "Gate"},
        {"id": "2", "name": "Hall"},
        {"id": "3", "name": "<img src=x onerror=alert(1)>", "name_id": "Ruang <b>pleno</b>"},
    ]
    whole = night_event(build_event, rings=rings)
    part = slice_event(whole, rings=["3"], start="2024-03-02 00:00")
    focus.slice_note(part, whole, lang="id")
    assert "<img" not in shown[0] and "<b>" not in shown[0]
    # Indonesian short time is HH.mm (CLDR id)
    assert "Ruang &lt;b&gt;pleno&lt;/b&gt;, 02 Mar 2024 00.00 – 02 Mar 2024 04.00" in shown[0]
    assert "memuat 1 dari 5 kejadian" in shown[0]  # I4 of the five loaded incidents


def test_scores_by_day_table_in_indonesian(build_event, shown):
    review = evaluate(night_event(build_event), n_resamples=0)
    focus.scores_by_day_table(review, lang="id")
    head = [h.strip() for h in re.findall(r"<th(?: [^>]*)?>(.*?)</th>", shown[0], re.S)]
    assert head[:2] == ["Ring", "Hari"] and "Tepat" in head
    assert "Dinilai rawan, tanpa gangguan" in head
    rows = _cells(shown[0])
    assert len(rows) == 6  # three rings × two days
    # ring 1 on 1 March: 4 hours, 2 flagged, 1 incident, 1 disruption, 1 hit, 0 misses,
    # 1 false alarm, POD 1, FAR 0.5 (see tests/test_breakdowns.py)
    # (the report's tables drop trailing zeros: 4.00 shows as 4, 0.50 as 0,5 with the
    # decimal comma; Friday is "Jum" in CLDR id's abbreviated day names)
    assert rows[0] == ["Luar pagar", "Jum 01 Mar 2024", "4", "2", "1", "1", "1", "0", "1",
                       "1", "0,5"]  # fmt: skip
    assert rows[1][-2:] == ["–", "–"]  # no disruption, nothing flagged: no POD, no FAR


def test_staffing_by_day_table_shows_the_shortfall(build_event, shown):
    review = evaluate(night_event(build_event), n_resamples=0)
    focus.staffing_by_day_table(review)
    rows = _cells(shown[0])
    # ring 1, 1 March: 8 officer-hours, 6 planned, 2 planned hours, 2 below plan, 2 short,
    # 1 incident, 1 disruption, 12.5 per 100 officer-hours
    assert rows[0] == ["Outside the fence", "Fri 01 Mar 2024", "8", "6", "2", "2", "2", "1",
                       "1", "12.5"]  # fmt: skip
    assert rows[4][-1] == "–"  # ring 3 before midnight: nobody on duty, no rate


def test_rate_by_level_per_ring_table_writes_each_rate_with_its_interval(build_event, shown):
    review = evaluate(night_event(build_event), n_resamples=0)
    focus.rate_by_level_per_ring_table(review)
    rows = _cells(shown[0])
    assert [row[:2] for row in rows] == [
        ["Outside the fence", "medium"], ["Outside the fence", "extreme"],
        ["Inside the building", "medium"], ["Plenary room", "medium"], ["Plenary room", "high"],
    ]  # fmt: skip
    # 1 incident in 2 hours: 0.50, exact 95% interval 0.0127–2.786 (Garwood)
    assert rows[4][4] == "0.50 (0.01–2.79)"
    assert rows[3][4] == "0.00 (0.00–0.61)"  # 0 in 6 hours: upper 3.689 / 6


@pytest.fixture
def page(monkeypatch) -> list[str]:
    """Headings and fragments in display order: headings as ``# <markdown>``, fragments as is."""
    import IPython.display

    from sra_analysis.reports.pages import present

    items: list[str] = []
    monkeypatch.setattr(focus, "show_html", items.append)
    monkeypatch.setattr(present, "show_html", items.append)
    monkeypatch.setattr(
        IPython.display, "display", lambda bundle, **_: items.append(bundle["text/markdown"])
    )
    return items


def test_false_alarms_and_misses_come_under_their_headings(build_event, page):
    event = night_event(build_event)
    review = evaluate(event, n_resamples=0)
    focus.missed_and_false_alarm_windows(event, review)
    assert page[0] == "### Disruptions in windows rated below the flag level"
    assert "Nothing to list." in page[1]  # both disruptions fell in flagged windows
    assert page[2] == "### Flagged windows without a disruption"
    # ring 1 at 20:00 (extreme, quiet) and ring 3 at 03:00 (high, quiet)
    assert [row[:3] for row in _cells(page[3])] == [
        ["Outside the fence", "01 Mar 2024 20:00", "01 Mar 2024 21:00"],
        ["Plenary room", "02 Mar 2024 03:00", "02 Mar 2024 04:00"],
    ]


def test_understaffed_windows_show_the_officer_hours_short(build_event, page):
    event = night_event(build_event)
    review = evaluate(event, n_resamples=0)
    focus.understaffed_windows(event, review, lang="id")
    # first where the plan comes from (no plan file: R1's 3 officers in the register) and
    # event.yaml's 50 planned against the 4 officers of the roster
    assert "diambil dari kolom rencana personel pada daftar risiko" in page[0]
    assert "Rencana kekuatan (event.yaml): 50 personel; yang bertugas: 4 personel" in page[0]
    # planned against served, ring 1 only: 2 h × 3 = 6 planned, O1 and O2 served 4,
    # 2 officer-hours short; 2 on duty throughout
    (plan_row,) = _cells(page[0])
    assert plan_row == ["Luar pagar", "3–3", "2–2", "2", "6", "4", "2"]
    assert page[1] == "### Blok waktu rawan dengan personel di bawah rencana"
    # ring 1, 20:00–22:00: 3 planned, 2 on duty, so 1 officer short for 2 hours
    (row,) = _cells(page[2])
    assert row[:4] == ["Luar pagar", "01 Mar 2024 20.00", "01 Mar 2024 22.00", "2"]  # CLDR id
    assert row[-1] == "2"


def test_unanticipated_incidents_come_under_their_heading(build_event, page):
    event = night_event(build_event)
    focus.unanticipated_incidents(event, evaluate(event, n_resamples=0))
    assert page[0] == "### Incidents no SRA item anticipated"
    assert sorted(row[0] for row in _cells(page[1])) == ["I2", "I3", "I5"]  # no risk_id
