"""The report's first screen and overview: no statistics before the annex, rings with their
zones, officers and units per ring, the objectives event.yaml gives."""

from __future__ import annotations

import re

import pytest
from _demonstration import DEMO_INCIDENTS, DEMO_RISKS, DEMO_STAFFING

from sra_analysis.reports.pages import overview
from sra_analysis.reports.pages.overview import ring_overview
from sra_analysis.review.evaluate import evaluate


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    fragments: list[str] = []
    monkeypatch.setattr(overview, "show_html", fragments.append)
    return fragments


def _cells(fragment: str) -> list[list[str]]:
    body = fragment.split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    return [[c.strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in rows]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_first_screen_has_the_grade_and_no_statistics(sample_event, shown, lang):
    review = evaluate(sample_event, n_resamples=0)
    overview.summary_page(sample_event, review, lang=lang)
    (page,) = shown
    grade = {"en": "Grade: fair", "id": "Nilai: cukup"}[lang]
    assert grade in page
    for statistic in ("AUC", "p =", "IK 95%", "95%", "POD", "PAI", "sra-tile"):
        assert statistic not in page, statistic
    assert len(re.findall(r'<a href="#', page)) == len(review.aar.summary)


def test_rings_with_zones_and_the_units_on_duty_counted_per_ring(build_event, shown):
    staffing = [
        {"officer_id": "A1", "ring": "1", "shift_start": "2024-03-02 07:00",
         "shift_end": "2024-03-02 15:00", "unit": "Sat Samapta"},
        {"officer_id": "A2", "ring": "1", "shift_start": "2024-03-02 07:00",
         "shift_end": "2024-03-02 15:00", "unit": " Sat Samapta"},
        # A2 again, a second shift: still one officer of Sat Samapta in ring 1
        {"officer_id": "A2", "ring": "1", "shift_start": "2024-03-02 15:00",
         "shift_end": "2024-03-02 19:00", "unit": "Sat Samapta"},
        {"officer_id": "B1", "ring": "1", "shift_start": "2024-03-02 07:00",
         "shift_end": "2024-03-02 15:00", "unit": "<b>Brimob</b>"},
        {"officer_id": "C1", "ring": "3", "shift_start": "2024-03-02 07:00",
         "shift_end": "2024-03-02 09:00"},
    ]  # fmt: skip
    rings = [
        {"id": "1", "name": "Outside the fence", "name_id": "Luar pagar", "zone": "perimeter"},
        {"id": "2", "name": "Inside the building", "name_id": "Dalam gedung", "zone": "building"},
        {"id": "3", "name": "Plenary room", "name_id": "Ruang pleno", "zone": "core"},
    ]
    event = build_event(staffing=staffing, rings=rings)
    review = evaluate(event, n_resamples=0)
    table = ring_overview(event, review, lang="id")
    # hand count: ring 1 has A1, A2 (Sat Samapta) and B1; 8 + 8 + 4 + 8 = 28 officer-hours
    assert table["officers"].tolist() == [3, 0, 1]
    assert table["officer_hours"].tolist() == [28.0, 0.0, 2.0]
    assert table["units"].tolist() == ["Sat Samapta (2), <b>Brimob</b> (1)", "", ""]
    assert table["zone"].tolist() == [
        "Pagar, gerbang dan parkir", "Gedung dan halaman", "Ruang sidang / area steril"
    ]  # fmt: skip
    overview.overview_section(event, review, lang="id")
    (page,) = shown
    assert "&lt;b&gt;Brimob&lt;/b&gt; (1)" in page and "<b>Brimob" not in page
    assert _cells(page)[0] == [
        "1", "Luar pagar", "Pagar, gerbang dan parkir", "3", "28",
        "Sat Samapta (2), &lt;b&gt;Brimob&lt;/b&gt; (1)",
    ]  # fmt: skip
    assert "Satuan bertugas (personel)" in page
    assert 'id="aar-overview"' in page and "Gambaran umum" in page


def test_without_units_the_overview_says_so(build_event, shown):
    # DEMO_STAFFING leaves the unit column blank throughout
    event = build_event(incidents=DEMO_INCIDENTS, staffing=DEMO_STAFFING, risks=DEMO_RISKS)
    review = evaluate(event, n_resamples=0)
    assert ring_overview(event, review)["units"].isna().all()
    overview.overview_section(event, review)
    (page,) = shown
    assert "The staffing file has no unit column" in page
    assert "Units on duty" not in page
    # planned against served is here, not in the annex: R1 plans 16 outside the fence
    assert "Planned against served, per ring" in page


def test_objectives_are_listed_escaped_and_absent_when_not_given(build_event, shown):
    given = build_event(objectives=["Rapat pleno berjalan aman dan tertib", "<i>Logistik</i>"])
    overview.overview_section(given, evaluate(given, n_resamples=0), lang="id")
    none = build_event()
    overview.overview_section(none, evaluate(none, n_resamples=0), lang="id")
    with_objectives, without = shown
    assert "<h3>Tujuan pengamanan</h3>" in with_objectives
    assert "<li>Rapat pleno berjalan aman dan tertib</li>" in with_objectives
    assert "<li>&lt;i&gt;Logistik&lt;/i&gt;</li>" in with_objectives
    assert "Tujuan pengamanan" not in without
